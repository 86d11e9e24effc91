"""Tables (CSV, TSV, XLSX, JSON): one document a row, its columns recognised from the header.

The text column is found from its name (正文, 内容, 全文 …; case, spaces and ``_`` ignored, and a CNKI
header such as ``Title-题名`` matches on either part); title, date, issuer, author and url likewise.
``--columns text=正文,title=标题`` (``load_corpus(columns=…)``, ``CORPUS_COLUMNS`` in a notebook) names
them instead; ``date=`` (nothing after ``=``) switches a field off. Every column but the text keeps its
own name as a document column (usable as ``GROUP_BY``); the recognised title, date and issuer also fill
the documents' ``title``, ``date`` and ``issuer`` (they win over what is read from the text), author and
url also give ``author`` and ``url`` columns. A name the documents table already uses (``source``,
``genre`` …) is kept as ``table_<name>``.

This module is not a reader (it has no ``SUFFIXES``): ``csv``, ``xlsx`` and ``json`` use it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, Iterator

from ... import schema
from ...errors import CorpusError
from ...extract import dates
from .base import Document, ReadOptions, Source, clean_field

# The names of each field, the more specific first: of 发布时间 and 时间, 发布时间 is the date.
FIELD_NAMES = {
    "text": ("正文", "内容", "全文", "文本", "原文", "文章内容", "正文内容", "text", "content", "body", "article",
             "fulltext"),
    "title": ("标题", "题目", "题名", "文章标题", "title", "headline"),
    "date": ("发布时间", "发布日期", "发表时间", "发文日期", "成文日期", "出版时间", "日期", "时间", "publishtime",
             "publishdate", "pubdate", "pubtime", "published", "date", "datetime", "time"),
    "issuer": ("来源", "媒体", "发布单位", "发文单位", "作者单位", "发文机关", "发布机构", "公众号", "刊名", "source",
               "media", "outlet", "publisher", "issuer"),
    "author": ("作者", "author", "authors"),
    "url": ("链接", "网址", "原文链接", "文章链接", "url", "link"),
}
FIELDS = tuple(FIELD_NAMES)
DOCUMENT_FIELDS = ("title", "date", "issuer")    # fill the documents' own columns
CANONICAL_COLUMNS = ("author", "url")            # become columns of these names
RESERVED = frozenset(schema.columns("documents")) | {"folder"}
HEADER_PARTS = re.compile(r"[-/|｜（）()\[\]【】:：]")
EPOCH_RANGE = (946_684_800, 4_102_444_800)        # Unix seconds of 2000-01-01 and 2100-01-01
CHINA_TIME = timezone(timedelta(hours=8))


def header_key(name: str) -> str:
    """A header as compared: lower case, without spaces, ``_`` and zero-width characters.

    >>> header_key(" Publish_Time "), header_key("正 文")
    ('publishtime', '正文')
    """
    return re.sub(r"[\s_\u200b\ufeff]+", "", str(name)).lower()


def _header_keys(name: str) -> list[str]:
    """The whole header and its parts (``Title-题名`` -> title-题名, title, 题名)."""
    parts = [header_key(part) for part in HEADER_PARTS.split(str(name))]
    return [header_key(name)] + [part for part in parts if part]


def _rank(name: str, field: str) -> int | None:
    """How well a header names ``field``: the position of its best name, None when it names none."""
    names = [header_key(known) for known in FIELD_NAMES[field]]
    ranks = [names.index(key) for key in _header_keys(name) if key in names]
    return min(ranks) if ranks else None


# ---------------------------------------------------------------- which column is which

def parse_columns(value) -> dict:
    """``--columns`` as a dict: ``"text=正文,title=标题"``, a list of such strings, or a dict; ``date=`` -> None.

    >>> parse_columns("text=正文, title=标题,date=")
    {'text': '正文', 'title': '标题', 'date': None}
    """
    if not value:
        return {}
    if isinstance(value, dict):
        pairs = [(str(field), column) for field, column in value.items()]
    else:
        strings = [value] if isinstance(value, str) else list(value)
        pairs = [tuple(part.split("=", 1)) if "=" in part else (part, "") for text in strings
                 for part in text.split(",") if part.strip()]
    columns = {}
    for field, column in pairs:
        field = field.strip().lower()
        if field not in FIELDS:
            raise CorpusError(f"--columns {field}=…: the fields are {', '.join(FIELDS)} "
                              "(e.g. --columns text=正文,title=标题)")
        columns[field] = (str(column).strip() or None) if column is not None else None
    return columns


@dataclass(frozen=True)
class TableColumns:
    """The header of each field in one table (None: the table has none)."""

    text: str
    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    author: str | None = None
    url: str | None = None

    def header_of(self, field: str) -> str | None:
        return getattr(self, field)

    def extra_name(self, header: str) -> str | None:
        """The document column a header becomes: its own name, ``table_<name>`` when the documents table
        uses that name, None for the text column and for a field whose header is the field's own name."""
        recognised = {self.header_of(field): field for field in FIELDS if self.header_of(field)}
        if header == self.text or recognised.get(header) == header:
            return None
        taken = RESERVED | {field for field in CANONICAL_COLUMNS if self.header_of(field)}
        return f"table_{header}" if header in taken else header


def _find_named(headers: list[str], column: str, field: str, name: str) -> str:
    """The header the user named (as written, else compared as ``header_key`` does)."""
    if column in headers:
        return column
    matches = [header for header in headers if header_key(header) == header_key(column)]
    if matches:
        return matches[0]
    raise CorpusError(f"{name}: --columns {field}={column}: no such column; its columns are {', '.join(headers)}")


def _guess(headers: list[str], field: str, taken: set) -> str | None:
    ranked = [(_rank(header, field), index, header) for index, header in enumerate(headers) if header not in taken]
    ranked = [entry for entry in ranked if entry[0] is not None]
    return min(ranked)[2] if ranked else None


class NoTextColumn(CorpusError):
    """A table whose text column cannot be found; ``columns`` are its headers."""

    def __init__(self, message: str, columns: list[str]):
        super().__init__(message)
        self.columns = columns


def match_columns(headers: list[str], chosen: dict, *, name: str) -> TableColumns:
    """Which header holds each field: what ``chosen`` names, else the best-named column. A table without a
    text column raises ``NoTextColumn`` in one line that lists its columns and names the option."""
    found, taken = {}, set()
    for field in FIELDS:
        if field in chosen:
            found[field] = _find_named(headers, chosen[field], field, name) if chosen[field] else None
        else:
            found[field] = _guess(headers, field, taken)
        taken.add(found[field])
    if not found["text"]:
        raise NoTextColumn(f"{name}: no text column among its columns {', '.join(headers) or '(none)'}; name it "
                          f"with --columns text=COLUMN (recognised: {', '.join(FIELD_NAMES['text'])})", headers)
    return TableColumns(**found)


def unique_headers(cells: Iterable) -> list[str]:
    """Header cells as names: stripped, an empty one ``column_N``, a repeated one ``NAME_2``."""
    headers = []
    for number, cell in enumerate(cells, start=1):
        base = str(cell).strip() if cell is not None and str(cell).strip() else f"column_{number}"
        header, copy = base, 2
        while header in headers:
            header, copy = f"{base}_{copy}", copy + 1
        headers.append(header)
    return headers


# ---------------------------------------------------------------- cells

def cell_text(value) -> str | None:
    """A cell as document-column text: None when empty; numbers without a spurious ``.0``; a date as ISO;
    JSON lists and objects as JSON."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != datetime.min.time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, dict, bool)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value).strip()
    return text or None


def text_cell(value) -> str:
    """The text cell as text ('' when empty); a JSON list of paragraphs becomes one paragraph a line."""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value if item is not None)
    return "" if value is None else str(value)


TIME_OF_DAY = re.compile(r"(?:[T\s]+|(?<=日))\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$")


def parse_date_cell(value) -> date | None:
    """A date cell: a date or datetime (XLSX), Unix time in seconds or milliseconds (read in China Standard
    Time), or text: 2020-03-02, 2020/3/2, 2020.03.02, 2020年3月2日, 20200302, with or without a time of day.

    >>> [parse_date_cell(v) for v in ["2020-03-02T08:15:00+08:00", "2020年3月2日 08:15", 1583107200, "明天"]]
    [datetime.date(2020, 3, 2), datetime.date(2020, 3, 2), datetime.date(2020, 3, 2), None]
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value) or ""
    if re.fullmatch(r"\d{10}|\d{13}", text):
        seconds = int(text[:10])
        if EPOCH_RANGE[0] <= seconds < EPOCH_RANGE[1]:
            return datetime.fromtimestamp(seconds, tz=CHINA_TIME).date()
    text = TIME_OF_DAY.sub("", text).strip()
    parsed = dates.parse_date_line(text)
    compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", text)
    if parsed is None and compact:
        parsed = dates.safe_date(*map(int, compact.groups()))
    return parsed


# ---------------------------------------------------------------- rows -> documents

def _is_blank(record: dict) -> bool:
    return all(cell_text(value) is None for value in record.values())


def _fields(record: dict, table: TableColumns, where: str, options: ReadOptions) -> dict:
    fields = {}
    for field in ("title", "issuer"):
        value = clean_field(record.get(table.header_of(field))) if table.header_of(field) else None
        if value:
            fields[field] = value
    if table.date and cell_text(record.get(table.date)) is not None:
        stated = parse_date_cell(record.get(table.date))
        if stated is None:
            options.notes.add("bad_dates", f"{where} {cell_text(record.get(table.date))!r}")
        else:
            fields.update(date=stated, date_note=f"表格的“{table.date}”列 the table's {table.date} column")
    return fields


def _columns(record: dict, table: TableColumns) -> dict:
    columns = {}
    for header, value in record.items():
        name = table.extra_name(header)
        if name is not None:
            columns[name] = cell_text(value)
    for field in CANONICAL_COLUMNS:
        if table.header_of(field):
            columns[field] = cell_text(record.get(table.header_of(field)))
    return columns


def table_documents(source: Source, headers: list[str], records: Iterable[tuple[int, dict]],
                    options: ReadOptions, *, label: str = "row") -> Iterator[Document]:
    """One document for each ``(number, record)`` with text, lazily (a large table streams). Rows with no
    cell filled are not rows; a row with an empty text cell is skipped and noted."""
    table = match_columns(headers, options.columns, name=source.name)
    for number, record in records:
        if _is_blank(record):
            continue
        where = f"{source.name} {label} {number}"
        text = text_cell(record.get(table.text))
        if not text.strip():
            options.notes.add("empty_rows", where)
            continue
        yield Document(source.name, text, source=f"{source.name}:{number}",
                       fields=_fields(record, table, where, options), columns=_columns(record, table))
