"""Load stage: files -> a documents DataFrame (one row per document).

A single file may hold several documents (the seed holds 7); a folder holds one
document per ``.txt``/``.md``/``.docx`` file, with an optional ``metadata.csv``.
Titles, issuers, dates and genres come from the text; ``metadata.csv`` overrides them.

Page furniture (mastheads, ``第A02版``, breadcrumbs, ``时间：… 来源：…`` lines, bylines, web
chrome) is never a title; the genre comes from the weighted cues of ``data/genre_cues.csv``
and the cues that fired are kept in ``genre_cues``.

Traditional characters: each document's ``script`` is detected (the share of its Han
characters that OpenCC t2s changes, ``clean.detect_script``). ``text`` is always the
**simplified view**, so every extractor reads simplified text, and every extracted field
(title, issuer, institutions, people …) is in simplified characters. ``original_text`` keeps
the document as written (the same string for a simplified document). The two have the same
length and line breaks (``clean.simplified_view``), so an offset found in ``text`` points at
the same words in ``original_text``: KWIC and quotes can show the original.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import clean, dates, doccache, paths, resources, schema
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

# Page furniture: lines a web page or newspaper puts around a story; never a title.
PAGE_FURNITURE = re.compile("|".join([
    r"^[\u4e00-\u9fff]{1,10}(?:日报|晚报|晨报|早报|青年报|时报|商报|周报|都市报|法治报|法制报)(?:\s.*)?$",  # masthead
    r"(?:^|\s|[:：])第?\s*[A-Z]?\d{1,3}\s*版(?:[:：\s]|$)",                       # 第A02版:要闻
    r"^(?:首页|当前位置|您的位置|您现在的位置)|[>›»＞].*[>›»＞]"                      # breadcrumbs, and a short
    r"|^[^。！？，,：:“”>›»＞]{1,20}\s*[>›»＞]\s*[^。！？，,：:“”>›»＞]{1,20}$",    # 某团委 > 团情动态
    r"(?:字体|字号)\s*[:：]|【\s*大\s*中\s*小\s*】|打印本页|关闭窗口|【打印】|【关闭】|分享到"
    r"|扫一扫|返回顶部|^上一篇|^下一篇|浏览次数|阅读次数|点击数|^[（(]完[）)]$",             # web chrome
]))
# A byline: 本报记者 张华, （记者 张华 通讯员 李明）, 文/张华.
BYLINE = re.compile(r"^[（(]?(?:本报|本网|本台|新华社)?(?:记者|通讯员|特约记者|见习记者|实习生|作者|文|图|文/图|摄影)"
                    r"\s*[：:/／|｜]?\s*[\u4e00-\u9fff][^。！？]{0,40}$")
HEADER_LINES = 12
NOT_NAMES = frozenset({"特此通知", "附件", "此致", "敬礼", "谢谢", "谢谢大家", "记者", "通讯员", "编辑", "责任编辑"})


def is_furniture(line: str) -> bool:
    """A masthead, page header, breadcrumb, web chrome, byline or metadata line: never a title.

    >>> [is_furniture(x) for x in ["第A02版:要 闻", "首页 > 新闻中心 > 团情快讯", "本报记者 张华", "青年志愿者在行动"]]
    [True, True, True, False]
    """
    return bool(PAGE_FURNITURE.search(line) or BYLINE.match(line) or dates.META_LINE.match(line))


@lru_cache(maxsize=1)
def _issuer_words() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(organisation suffixes, single surnames, compound surnames)."""
    suffixes = tuple(sorted(resources.read_lines("issuer_suffixes.txt"), key=len, reverse=True))
    surnames = [w for line in resources.read_lines("cohort_surnames.txt") for w in line.split()]
    return suffixes, frozenset(w for w in surnames if len(w) == 1), tuple(w for w in surnames if len(w) > 1)


def issuer_kind(line: str) -> str | None:
    """``"org"``, ``"person"`` or None: what a signature or name line names, if it is a plausible issuer.

    An organisation ends in a suffix of ``data/issuer_suffixes.txt``; a person is 2-4 Han characters
    (a surname first, or three characters), or a name joined by ·. Joint issuers are split at 、 or spaces.

    >>> [issuer_kind(x) for x in ["共青团上海市委员会", "习近平", "中共中央办公厅 国务院办公厅", "让青春在一线绽放"]]
    ['org', 'person', 'org', None]
    """
    line = line.strip()
    if not 2 <= len(line) <= 40 or re.search(r"[，。：；！？“”（）()\d:;,!?《》]", line):
        return None
    kinds = {_one_issuer(part) for part in re.split(r"[、\s]+", line) if part}
    return None if None in kinds or not kinds else ("org" if "org" in kinds else "person")


def issuer_name(line: str) -> str | None:
    """The issuer a name line states: the whole line, or the name after a role (``校长 李春华`` -> ``李春华``).

    >>> issuer_name("校长 李春华"), issuer_name("共青团中央"), issuer_name("本报记者 张华"), issuer_name("请各单位认真落实")
    ('李春华', '共青团中央', None, None)
    """
    if BYLINE.match(line):
        return None
    if issuer_kind(line):
        return line
    *roles, name = line.split(" ")
    short_roles = roles and all(re.fullmatch(r"[\u4e00-\u9fff、]{2,16}", role) for role in roles)
    return name if short_roles and issuer_kind(name) == "person" else None


def _one_issuer(part: str) -> str | None:
    suffixes, singles, compounds = _issuer_words()
    if 3 <= len(part) <= 30 and part.endswith(suffixes):
        return "org"
    if part in NOT_NAMES or not re.fullmatch(r"[\u4e00-\u9fff·•]{2,12}", part):
        return None
    if "·" in part or "•" in part:
        return "person"
    has_surname = part[0] in singles or part.startswith(compounds)
    return "person" if len(part) == 3 or (has_surname and len(part) in (2, 4)) else None


def _skip_furniture(lines: list[str], header: dict) -> int:
    """The index of the first line that is not page furniture; dates on skipped lines go into ``header``."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        if dates.parse_date_line(line):
            header["date"] = header["date"] or dates.parse_date_line(line)
        elif is_furniture(line) or len(line.replace(" ", "")) <= 3:
            header["posted"] = header["posted"] or dates.first_full_date(line)
        else:
            return index
    return min(len(lines), HEADER_LINES)


def parse_header(lines: list[str]) -> dict:
    """Title, subtitle, issuer, document number and dates from a document's first lines.

    Page furniture (mastheads, 第A02版, breadcrumbs, 时间：/来源： lines, bylines) is skipped. ``date``
    is a line holding only a date (``（2020年2月23日）``, a masthead's ``2020年3月2日 星期一``);
    ``posted`` is a date on a furniture line (``时间:2020-03-02 08:15``), which a signature outranks.

    >>> parse_header(["在统筹推进会议上的", "讲话", "（2020年2月23日）", "习近平", "同志们："])["title"]
    '在统筹推进会议上的讲话'
    >>> parse_header(["中国青年报", "2020年3月2日 星期一", "第A02版:要 闻", "青春在战疫一线闪光", "本报记者 张华"])["title"]
    '青春在战疫一线闪光'
    """
    header = {"title": None, "subtitle": None, "issuer": None, "doc_number": None, "date": None, "posted": None}
    first = _skip_furniture(lines, header)
    run_on = TITLE_RUN_ON.match(lines[first]) if first < len(lines) and not _title_like(lines[first]) else None
    if run_on:
        header["title"] = run_on["title"]
        return header
    for line in lines[first:HEADER_LINES]:
        if dates.parse_date_line(line):
            header["date"] = header["date"] or dates.parse_date_line(line)
        elif is_furniture(line):
            header["posted"] = header["posted"] or dates.first_full_date(line)
        elif DOC_NUMBER.match(line):
            header["doc_number"] = line
        elif header["title"] and line.startswith("——"):
            header["subtitle"] = line.lstrip("—")
        elif header["title"] and header["title"].endswith(TITLE_CONTINUES) and _continues_title(line):
            header["title"] += line
        elif header["title"] and not header["issuer"] and issuer_name(line):
            header["issuer"] = issuer_name(line)
        elif header["title"] is None and _title_like(line):
            header["title"] = line
        else:
            break
    return header


def _continues_title(line: str) -> bool:
    return len(line) <= 40 and not INNER_PUNCTUATION.search(line) and not line.endswith(("：", ":"))


def signature(lines: list[str]) -> tuple[str | None, date | None]:
    """(issuer, date) from a closing signature: a name line, then a date line, among the last lines
    (trailing furniture such as 责任编辑： or （完） may follow).

    >>> signature(["各区团委：", "请认真落实。", "共青团某某区委员会", "2020年3月2日", "（此件公开发布）"])
    ('共青团某某区委员会', datetime.date(2020, 3, 2))
    """
    if len(lines) < 3:
        return None, None
    for index in range(len(lines) - 1, max(1, len(lines) - 5), -1):
        stated = dates.parse_date_line(lines[index])
        if stated and not lines[index].startswith(("（", "(")):
            return issuer_name(lines[index - 1]), stated
    return None, None


def closing_date(lines: list[str]) -> date | None:
    """A dateline among the last lines (发布时间：2020-03-02 under a web story)."""
    for line in reversed(lines[-4:]):
        stated = dates.meta_line_date(line)
        if stated:
            return stated
    return None


# ---------------------------------------------------------------- genre

TITLE_NOTE = re.compile(r"[（(][^（）()]{1,8}[)）]$")
GENRE_MIN_SCORE = 3  # data/genre_cues.csv explains the cues and weights
GENRE_TEXT_WINDOW = (4000, 1000)  # the "text" scope reads the first 4,000 and the last 1,000 characters
GENRE_SCOPES = ("title", "subtitle", "head", "tail", "edges", "line", "text", "signature")


@dataclass(frozen=True)
class GenreCue:
    genre: str
    cue: str
    scope: str
    pattern: re.Pattern
    weight: int
    min_count: int


GENRE_CUE_FIELDS = ["genre", "cue", "scope", "pattern", "weight", "min_count", "comment"]


@lru_cache(maxsize=1)
def genre_cues() -> tuple[GenreCue, ...]:
    """The rows of ``data/genre_cues.csv``, checked and compiled; a bad row fails in one line."""
    import csv

    rows = list(csv.reader(resources.read_lines("genre_cues.csv")))
    cues = []
    for row in rows[1:]:
        where = f"genre_cues.csv: cue {row[1] if len(row) > 1 else row}"
        if len(row) != len(GENRE_CUE_FIELDS):
            raise CorpusError(f"{where}: {len(row)} fields, not {len(GENRE_CUE_FIELDS)} "
                              "(put a pattern holding a comma in double quotes)")
        record = dict(zip(GENRE_CUE_FIELDS, (cell.strip() for cell in row)))
        if record["genre"] not in GENRES[:-1] or record["scope"] not in GENRE_SCOPES:
            raise CorpusError(f"{where}: genre must be one of {', '.join(GENRES[:-1])} and scope one of {', '.join(GENRE_SCOPES)}")
        try:
            pattern = re.compile(record["pattern"])
            weight, min_count = int(record["weight"]), int(record["min_count"] or 1)
        except (re.error, ValueError) as error:
            raise CorpusError(f"{where}: {error}") from None
        cues.append(GenreCue(record["genre"], record["cue"], record["scope"], pattern, weight, min_count))
    return tuple(cues)


def _cue_window(text: str) -> str:
    """The opening and closing of a long text: where genre shows, and a bound on the work per document."""
    head, tail = GENRE_TEXT_WINDOW
    return text if len(text) <= head + tail else text[:head] + "\n" + text[-tail:]


def _cue_count(cue: GenreCue, parts: dict) -> int:
    if cue.scope == "text":
        return len(cue.pattern.findall(parts["text"]))
    return sum(1 for line in parts[cue.scope] if cue.pattern.search(line))


def classify_genre(lines: list[str], *, title: str | None = None, subtitle: str | None = None,
                   signer: str | None = None) -> tuple[str, list[str]]:
    """(genre, the cues that fired) from the structural cues of ``data/genre_cues.csv``.

    ``signer`` is the kind of the closing signature's issuer (``org``/``person``, see ``issuer_kind``).

    >>> classify_genre(["本报讯（记者 张华）3月2日，团市委启动青年突击队。", "队员王力说：“我们准备好了。”"])
    ('news', ['本报讯 news+5', '括号署名 news+3', '引语前置 news+2', '转述 news+2', '日期导语 news+2'])
    >>> classify_genre(["各区团委：", "现将有关事项通知如下：", "一、提高认识", "二、抓好落实", "特此通知。"])[0]
    'notice'
    """
    title = TITLE_NOTE.sub("", title) if title else title  # 在…上的讲话（摘要）: the note hides the title's end
    parts = {"title": [title] if title else [], "subtitle": [subtitle] if subtitle else [],
             "head": lines[:8], "tail": lines[-6:], "edges": lines[:8] + lines[8:][-6:], "line": lines,
             "text": _cue_window("\n".join(lines)),
             "signature": [signer] if signer else []}
    scores: dict[str, list[int]] = {}
    fired = []
    for cue in genre_cues():
        if _cue_count(cue, parts) >= cue.min_count:
            scores.setdefault(cue.genre, []).append(cue.weight)
            fired.append((-cue.weight, cue.cue, cue.genre))
    ranked = sorted(scores, key=lambda g: (-sum(scores[g]), -max(scores[g]), GENRES.index(g)))
    genre = ranked[0] if ranked and sum(scores[ranked[0]]) >= GENRE_MIN_SCORE else "other"
    return genre, [f"{cue} {g}+{-weight}" for weight, cue, g in sorted(fired, key=lambda f: (f[0], GENRES.index(f[2])))]


def describe(lines: list[str]) -> dict:
    """One document's row, before dates are resolved across the corpus."""
    header = parse_header(lines)
    signed_by, signed_on = signature(lines)
    issuer = header["issuer"] or signed_by
    title, title_source = header["title"], "text"
    genre, cues = classify_genre(lines, title=title, subtitle=header["subtitle"],
                                 signer=issuer_kind(signed_by) if signed_by else None)
    if title is None:
        title = f"（无标题）{issuer or ''}{GENRE_ZH[genre]}"
        title_source = "generated"
    text = "\n".join(lines)
    return {
        "title": title, "issuer": issuer, "genre": genre, "genre_cues": "; ".join(cues), "text": text,
        "n_chars": len(text.replace("\n", "")), "subtitle": header["subtitle"],
        "doc_number": header["doc_number"], "title_source": title_source,
        "stated_date": header["date"] or signed_on or header["posted"] or closing_date(lines),
    }


def resolve_dates(rows: list[dict]) -> None:
    """Fill ``date``, ``date_source`` and ``date_note`` for every row, in place.

    A date the text states in full (a dateline, a signature, a ``时间：`` line) is ``explicit``.
    Otherwise the year is the one most stated dates in the corpus share, and the date is ``inferred``
    from, in turn: a bracketed day after 今天 (``今天下午（2月24日）``), a dispatch line
    (``新华社北京3月2日电``), or else the latest day the document mentions (it cannot predate
    what it reports). With none of these: NaT, ``none``.
    """
    years = Counter(row["stated_date"].year for row in rows if row["stated_date"])
    corpus_year = years.most_common(1)[0][0] if years else None
    undated = [row["text"] for row in rows if not row["stated_date"]]
    inferred = iter(doccache.cached_per_document("inferred_date", _date_from_text, undated, [corpus_year] * len(undated)))
    for row in rows:
        stated = row.pop("stated_date")
        if stated:
            row.update(date=stated, date_source="explicit", date_note="文中标明的日期 stated in the text")
        else:
            row.update(next(inferred))


DAY_FINDERS = ((dates.relative_day_date, "“今天（X月X日）”"), (dates.dispatch_date, "电头“X月X日电”"))


def _date_from_text(text: str, year: int | None) -> dict:
    for finder, cue in DAY_FINDERS:
        day, year_stated = finder(text, year=year)
        if day:
            return {"date": day, "date_source": "explicit" if year_stated else "inferred",
                    "date_note": f"{cue}，年份取自语料 year from the corpus"}
    mentioned = dates.day_mentions(text, year=year)
    if mentioned:
        return {"date": max(mentioned), "date_source": "inferred", "date_note": "不早于文中最晚日期 not before the latest date mentioned"}
    return {"date": None, "date_source": "none", "date_note": "文中无日期 no date in the text"}


# ---------------------------------------------------------------- loading

def describe_document(lines: list[str], *, source: str, simplify: bool = False) -> dict:
    """One document's row from its cleaned lines: the script is detected, and a traditional-character
    document (or any, with ``simplify=True``) is described from its simplified view."""
    original = "\n".join(lines)
    script = clean.detect_script(original)
    if script == "traditional" or simplify:
        lines = clean.simplified_view(original).split("\n")
    row = describe(lines) | {"source": source, "script": script}
    row["original_text"] = row["text"] if row["text"] == original else original  # one string when nothing changed
    return row


def _describe_text(text: str, simplify: bool) -> dict:
    return describe_document(text.split("\n"), source="", simplify=simplify)


def _describe_file(text: str, simplify: bool) -> dict:
    return _describe_text(clean.clean_text(text), simplify)


def in_original_script(table: pd.DataFrame, docs: pd.DataFrame, columns: tuple[str, ...] = ("quote", "sentence")) -> pd.DataFrame:
    """A copy of a per-document table (people, cohort mentions …) whose text ``columns`` show the words
    as the document writes them (``original_text``), e.g. quotes of a traditional-character document.

    >>> docs = pd.DataFrame({"doc_id": ["d01"], "text": ["青年们说：我们会坚持。"], "original_text": ["青年們說：我們會堅持。"]})
    >>> in_original_script(pd.DataFrame({"doc_id": ["d01"], "quote": ["我们会坚持"]}), docs)["quote"].tolist()
    ['我們會堅持']
    """
    schema.require_docs(docs, "original_text")
    texts = docs.set_index("doc_id")[["text", "original_text"]]
    table = table.copy()
    for column in (c for c in columns if c in table.columns):
        table[column] = [clean.in_original(value, *texts.loc[doc_id]) if isinstance(value, str) else value
                         for doc_id, value in zip(table["doc_id"], table[column])]
    return table


def _documents_in_file(path: Path) -> list[tuple[str, list[str]]]:
    return [(path.name, lines) for lines in split_documents(read_text(path))]


def _documents_in_folder(folder: Path) -> list[tuple[str, str]]:
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
        and not any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
    )
    if not files:
        raise CorpusError(f"{folder}: no .txt, .md or .docx files in this folder")
    return [(file.relative_to(folder).as_posix(), read_text(file)) for file in files]  # cleaned when described


def load_corpus(path: str | Path | None = None, *, simplify: bool = False) -> pd.DataFrame:
    """Load a corpus file or folder into a documents table.

    Traditional-character documents are found by themselves (``script``); ``simplify=True``
    treats every document as one. See the module docstring for ``text`` and ``original_text``.

    >>> docs = load_corpus()
    >>> docs.loc[0, ["doc_id", "issuer", "genre", "script"]].tolist()
    ['d01', '习近平', 'letter', 'simplified']
    """
    path = Path(path) if path is not None else paths.corpus_path()
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():  # one document a file, described from the file's text as read (cleaning is cached too)
        documents, describe = _documents_in_folder(path), _describe_file
    else:
        documents, describe = [(source, "\n".join(lines)) for source, lines in _documents_in_file(path)], _describe_text
    described = doccache.cached_per_document(describe.__name__, describe, [text for _, text in documents],
                                             [simplify] * len(documents))
    rows = [row | {"source": source} for (source, _), row in zip(documents, described)]
    resolve_dates(rows)
    width = max(2, len(str(len(rows))))
    for number, row in enumerate(rows, start=1):
        row["doc_id"] = f"d{number:0{width}d}"
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["date"] = pd.to_datetime(table["date"])
    if path.is_dir() and (path / "metadata.csv").exists():
        table = apply_metadata(table, path / "metadata.csv")
    return table


METADATA_FIELDS = ("file", "title", "issuer", "date", "genre")


def apply_metadata(table: pd.DataFrame, csv_path: Path) -> pd.DataFrame:
    """Override inferred fields with ``metadata.csv`` (``file,title,issuer,date,genre``). Any other column
    (``outlet``, ``region`` …) is added to the documents table as text (empty cells: None), so notebooks can
    group by it (``GROUP_BY``); a column the documents table computes itself (``text``, ``source`` …) is refused."""
    try:
        meta = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise CorpusError(f"{csv_path.name}: cannot read it as CSV ({type(error).__name__})") from None
    if "file" not in meta.columns:
        raise CorpusError(f"{csv_path.name}: needs a 'file' column (file,title,issuer,date,genre)")
    meta.columns = [str(column).strip() for column in meta.columns]
    extra = [column for column in meta.columns if column not in METADATA_FIELDS]
    computed = [column for column in extra if column in table.columns]
    if computed:
        raise CorpusError(f"{csv_path.name}: column {computed[0]!r} is computed from the text; metadata.csv sets "
                          f"{', '.join(METADATA_FIELDS[1:])} and columns of your own")
    table = table.copy()
    for column in extra:  # columns of your own (outlet, region …): kept, and usable as GROUP_BY
        table[column] = None
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
        for column in extra:
            value = str(record.get(column, "")).strip()
            table.loc[matches, column] = value or None
        value = record.get("date", "").strip()
        if value:
            table.loc[matches, ["date", "date_source", "date_note"]] = [
                _parse_metadata_date(value, f"{csv_path.name}: line {line}"), "explicit", "metadata.csv"]
    table["date"] = pd.to_datetime(table["date"])
    return table


def _parse_metadata_date(value: str, where: str) -> pd.Timestamp:
    """A metadata.csv date: 2020-03-02, 2020/3/2, 2020.03.02, 2020年3月2日, 20200302, with or without a time."""
    value = re.sub(r"^(\d{4}-\d{2}-\d{2})T", r"\1 ", value)  # ISO 8601 with a time: 2020-03-02T08:15:00
    parsed = dates.parse_date_line(value)
    compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", value)
    if parsed is None and compact:
        parsed = dates.safe_date(*map(int, compact.groups()))
    if parsed is None:
        raise CorpusError(f"{where}: cannot parse date {value!r} (use YYYY-MM-DD)")
    return pd.Timestamp(parsed)
