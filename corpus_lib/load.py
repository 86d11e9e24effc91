"""Load stage: files -> a documents DataFrame (one row per document).

A single file may hold several documents (the seed holds 7); a folder holds one
document per ``.txt``/``.md``/``.docx`` file, with an optional ``metadata.csv``.
Titles, issuers and dates come from the text; ``metadata.csv`` overrides them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import clean, dates, paths, schema
from .errors import CorpusError
from .labels import GENRE_ZH

TEXT_SUFFIXES = (".txt", ".md", ".docx")
GENRES = ("letter", "speech", "news", "notice", "other")
COLUMNS = schema.columns("documents")
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# A line of ---, === or *** (or a form feed) separates documents in a file you assemble yourself.
SEPARATOR = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,}|\f)\s*$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
SENTENCE_CLOSE = tuple("。！？!?；”」")
QUOTE_OPENERS = tuple("“「『\"'‘")
INNER_PUNCTUATION = re.compile(r"[。！？；]")
# A title whose line ends in one of these goes on to the next line (…会议上的 / 讲话).
TITLE_CONTINUES = ("的", "和", "与", "及", "在", "关于", "对", "为", "之")
# A title run into the first sentence: …新闻通稿今天下午（2月24日）举行。
TITLE_RUN_ON = re.compile(r"^(?P<title>[^，。：；！？]{6,60}?(?:新闻通稿|通稿|的通知|的讲话|的回信|的决定|的意见|公告|通报))(?P<rest>\S.*)$")
DOC_NUMBER = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")
GENRE_PATTERNS = [
    ("letter", re.compile(r"(回信|的信|贺信|家书|慰问信|倡议书)$")),
    ("speech", re.compile(r"(讲话|致辞|发言|演讲|报告)$")),
    ("notice", re.compile(r"(通知|通告|决定|意见|办法|方案|公告)$")),
    ("news", re.compile(r"(新闻通稿|通稿|消息|报道|综述)$")),
]
REPORTING = re.compile(r"(?:说|表示|介绍|指出|强调)[，：:“]")
# Chart legends: Chinese, then the genre code.


@dataclass(frozen=True)
class RawLine:
    text: str
    indented: bool = False
    bookmarked: bool = False
    separator: bool = False


# ---------------------------------------------------------------- reading

def decode_bytes(data: bytes, *, name: str) -> str:
    """Bytes -> str: BOM first, then UTF-8, then GB18030 (a superset of GBK)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="strict")
    if b"\x00" in data:
        raise CorpusError(f"{name}: not a text file (it holds binary data)")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise CorpusError(f"{name}: not a text file (it is neither UTF-8, UTF-16 nor GB18030 text)")


def _looks_like_text(text: str) -> bool:
    return len(CONTROL_CHARACTERS.findall(text)) <= len(text) // 100


def read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise CorpusError(f"{path.name}: not a readable .docx file ({type(error).__name__})") from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def read_text(path: Path) -> str:
    """One file's text, whatever its encoding; bad files raise ``CorpusError``."""
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".docx":
        text = read_docx(path)
    else:
        data = path.read_bytes()
        if not data.strip():
            raise CorpusError(f"{path.name}: the file is empty")
        text = decode_bytes(data, name=path.name)
    if path.suffix.lower() == ".md":
        text = re.sub(r"(?m)^#{1,6}\s+", "", text)
    if not text.strip():
        raise CorpusError(f"{path.name}: the file has no text")
    return text


# ---------------------------------------------------------------- splitting

def _raw_lines(text: str) -> list[RawLine]:
    lines = []
    for line in clean.normalize_newlines(text).split("\n"):
        without = clean.ZERO_WIDTH.sub("", clean.BOOKMARK.sub("", line))
        lines.append(RawLine(
            text=clean.normalize_spaces(without),
            indented=bool(re.match(r"^[ \u3000]\S", without)),
            bookmarked=without != clean.ZERO_WIDTH.sub("", line),
            separator=bool(SEPARATOR.match(line)),
        ))
    return lines


def _title_like(line: str) -> bool:
    return 4 <= len(line) <= 80 and not INNER_PUNCTUATION.search(line) and not line.endswith(("：", ":", "，"))


def _closes_paragraph(line: str) -> bool:
    return line.endswith(SENTENCE_CLOSE) or dates.parse_date_line(line) is not None


def _ends_with_signature(current: list[RawLine]) -> bool:
    """The last line is an unbracketed date after body text: a signature date."""
    last = current[-1].text
    if dates.parse_date_line(last) is None or last.startswith(("（", "(")):
        return False
    return any(line.text.endswith(SENTENCE_CLOSE) for line in current[:-1])


def _starts_document(line: RawLine, current: list[RawLine], blank_run: int) -> bool:
    if sum(len(previous.text) for previous in current) < 40:
        return False
    if blank_run >= 2 or _ends_with_signature(current):
        return True
    if not _closes_paragraph(current[-1].text):
        return False
    if line.indented and not line.text.startswith(QUOTE_OPENERS):
        return True
    return line.bookmarked and _title_like(line.text)


def split_documents(text: str) -> list[list[str]]:
    """Split one file into documents, each a list of cleaned, non-blank lines.

    A document starts after two blank lines, after a signature date, at a line
    indented by one space, or at a Word-bookmarked title after a closed paragraph.
    A line of ``---``/``===``/``***`` always separates documents.

    >>> [doc[0] for doc in split_documents("第一篇\\n正文。\\n---\\n第二篇的标题\\n正文。")]
    ['第一篇', '第二篇的标题']
    """
    documents, current, blank_run = [], [], 0
    for line in _raw_lines(text):
        if line.separator or not line.text:
            if line.separator and current:
                documents.append(current)
                current = []
            blank_run += 1
            continue
        if current and _starts_document(line, current, blank_run):
            documents.append(current)
            current = []
        current.append(line)
        blank_run = 0
    if current:
        documents.append(current)
    return [[line.text for line in document] for document in documents]


# ---------------------------------------------------------------- describing

def parse_header(lines: list[str]) -> dict:
    """Title, subtitle, issuer, dateline and document number from a document's first lines.

    >>> parse_header(["在统筹推进会议上的", "讲话", "（2020年2月23日）", "习近平", "同志们："])["title"]
    '在统筹推进会议上的讲话'
    """
    header = {"title": None, "subtitle": None, "issuer": None, "doc_number": None, "date": None}
    first = TITLE_RUN_ON.match(lines[0]) if lines and not _title_like(lines[0]) else None
    if first:
        header["title"] = first["title"]
        return header
    for line in lines[:8]:
        if dates.parse_date_line(line):
            header["date"] = header["date"] or dates.parse_date_line(line)
        elif DOC_NUMBER.match(line):
            header["doc_number"] = line
        elif header["title"] and line.startswith("——"):
            header["subtitle"] = line.lstrip("—")
        elif header["title"] and header["title"].endswith(TITLE_CONTINUES) and _continues_title(line):
            header["title"] += line
        elif header["title"] and _is_name_line(line):
            header["issuer"] = line
        elif header["title"] is None and _title_like(line):
            header["title"] = line
        else:
            break
    return header


def _continues_title(line: str) -> bool:
    return len(line) <= 40 and not INNER_PUNCTUATION.search(line) and not line.endswith(("：", ":"))


def _is_name_line(line: str) -> bool:
    return 2 <= len(line) <= 25 and not re.search(r"[，。：；！？、“”（）()\d]", line)


def signature(lines: list[str]) -> tuple[str | None, object]:
    """(issuer, date) from a closing signature: a name line, then a date line."""
    if len(lines) < 3 or _ends_with_signature([RawLine(line) for line in lines]) is False:
        return None, None
    issuer = lines[-2] if _is_name_line(lines[-2]) else None
    return issuer, dates.parse_date_line(lines[-1])


def guess_genre(title: str | None, subtitle: str | None, text: str) -> str:
    """letter / speech / notice / news / other, from the title first, then the text.

    >>> guess_genre("关于做好疫情防控工作的通知", None, "……")
    'notice'
    """
    for genre, pattern in GENRE_PATTERNS:
        if title and pattern.search(title):
            return genre
    if re.search(r"本通知|特此通知", text):
        return "notice"
    if subtitle and re.search(r"反响|报道|记者|综述", subtitle):
        return "news"
    if len(REPORTING.findall(text)) >= 5:
        return "news"
    return "other"


def describe(lines: list[str]) -> dict:
    """One document's row, before dates are resolved across the corpus."""
    header = parse_header(lines)
    signed_by, signed_on = signature(lines)
    text = "\n".join(lines)
    genre = guess_genre(header["title"], header["subtitle"], text)
    issuer = header["issuer"] or signed_by
    title, title_source = header["title"], "text"
    if title is None:
        title = f"（无标题）{issuer or ''}{GENRE_ZH[genre]}"
        title_source = "generated"
    return {
        "title": title, "issuer": issuer, "genre": genre, "text": text,
        "n_chars": len(text.replace("\n", "")), "subtitle": header["subtitle"],
        "doc_number": header["doc_number"], "title_source": title_source,
        "stated_date": header["date"] or signed_on,
    }


def resolve_dates(rows: list[dict]) -> None:
    """Fill ``date``, ``date_source`` and ``date_note`` for every row, in place.

    A date the text states in full is ``explicit``. Otherwise the year is the one
    most stated dates in the corpus share, and the date is ``inferred`` from, in turn:
    a bracketed day after 今天 (``今天下午（2月24日）``), or else the latest day the
    document mentions (it cannot predate what it reports). With neither: NaT, ``none``.
    """
    years = Counter(row["stated_date"].year for row in rows if row["stated_date"])
    corpus_year = years.most_common(1)[0][0] if years else None
    for row in rows:
        stated = row.pop("stated_date")
        if stated:
            row.update(date=stated, date_source="explicit", date_note="文中标明的日期 stated in the text")
            continue
        day, year_stated = dates.relative_day_date(row["text"], year=corpus_year)
        if day:
            source = "explicit" if year_stated else "inferred"
            row.update(date=day, date_source=source, date_note="“今天（X月X日）”，年份取自语料 year from the corpus")
            continue
        mentioned = dates.day_mentions(row["text"], year=corpus_year)
        if mentioned:
            row.update(date=max(mentioned), date_source="inferred", date_note="不早于文中最晚日期 not before the latest date mentioned")
        else:
            row.update(date=None, date_source="none", date_note="文中无日期 no date in the text")


# ---------------------------------------------------------------- loading

def _rows_from_file(path: Path) -> list[dict]:
    return [describe(lines) | {"source": path.name} for lines in split_documents(read_text(path))]


def _rows_from_folder(folder: Path) -> list[dict]:
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
        and not any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
    )
    if not files:
        raise CorpusError(f"{folder}: no .txt, .md or .docx files in this folder")
    rows = []
    for file in files:
        lines = clean.clean_text(read_text(file)).split("\n")
        rows.append(describe(lines) | {"source": file.relative_to(folder).as_posix()})
    return rows


def load_corpus(path: str | Path | None = None, *, simplify: bool = False) -> pd.DataFrame:
    """Load a corpus file or folder into a documents table.

    >>> docs = load_corpus()
    >>> docs.loc[0, ["doc_id", "issuer", "genre"]].tolist()
    ['d01', '习近平', 'letter']
    """
    path = Path(path) if path is not None else paths.corpus_path()
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    rows = _rows_from_folder(path) if path.is_dir() else _rows_from_file(path)
    if simplify:
        for row in rows:
            row["text"] = clean.to_simplified(row["text"])
            row["title"] = clean.to_simplified(row["title"])
    resolve_dates(rows)
    width = max(2, len(str(len(rows))))
    for number, row in enumerate(rows, start=1):
        row["doc_id"] = f"d{number:0{width}d}"
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["date"] = pd.to_datetime(table["date"])
    if path.is_dir() and (path / "metadata.csv").exists():
        table = apply_metadata(table, path / "metadata.csv")
    return table


def apply_metadata(table: pd.DataFrame, csv_path: Path) -> pd.DataFrame:
    """Override inferred fields with ``metadata.csv`` (``file,title,issuer,date,genre``)."""
    try:
        meta = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise CorpusError(f"{csv_path.name}: cannot read it as CSV ({type(error).__name__})") from None
    if "file" not in meta.columns:
        raise CorpusError(f"{csv_path.name}: needs a 'file' column (file,title,issuer,date,genre)")
    table = table.copy()
    for index, record in meta.iterrows():
        line = index + 2  # the header is line 1
        matches = table.index[table["source"] == record["file"].strip()]
        if len(matches) == 0:
            raise CorpusError(f"{csv_path.name}: line {line}: no document file named {record['file']!r}")
        for column in ("title", "issuer", "genre"):
            value = record.get(column, "").strip()
            if value:
                if column == "genre" and value not in GENRES:
                    raise CorpusError(f"{csv_path.name}: line {line}: genre {value!r} is not one of {', '.join(GENRES)}")
                table.loc[matches, column] = value
        value = record.get("date", "").strip()
        if value:
            table.loc[matches, ["date", "date_source", "date_note"]] = [
                _parse_metadata_date(value, f"{csv_path.name}: line {line}"), "explicit", "metadata.csv"]
    table["date"] = pd.to_datetime(table["date"])
    return table


def _parse_metadata_date(value: str, where: str) -> pd.Timestamp:
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", value)
    parsed = dates.safe_date(*map(int, match.groups())) if match else None
    if parsed is None:
        raise CorpusError(f"{where}: cannot parse date {value!r} (use YYYY-MM-DD)")
    return pd.Timestamp(parsed)
