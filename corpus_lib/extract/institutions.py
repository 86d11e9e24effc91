"""Institutions: which bodies a text names, what kind they are, and where they are.

A rule- and lexicon-based extractor (no model download). It finds a suffix (大学, 医院, 团委, 市委 …,
``data/institution_suffixes.csv``) and extends left over name parts: places from the gazetteer
(``data/gazetteer_places.csv``), name words (``data/institution_name_words.csv``), ordinals (第一, 首批),
brackets (（集团）), known bodies (``data/institution_known.csv``) and bodies already found, plus a short
"brand" run (黄河中药, 夕阳再晨) when a place or body stands left of it. Aliases
(``data/institution_aliases.csv``) are matched exactly and give canonical names. A department or team
(学院, 科, 团委, 医疗队 …) written right after its body gets its own row with ``parent`` set.

>>> extract_institutions("樊静妤是山西医科大学第一医院感染病科队员")[["name", "type", "parent"]].values.tolist()
[['山西医科大学第一医院', 'hospital', None], ['感染病科', 'hospital', '山西医科大学第一医院']]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .. import schema
from ..cache import doccache
from ..errors import CorpusError
from ..lexicons.institution_words import (
    _exact_names,
    _exact_pattern,
    _has_never_word,
    _max_lengths,
    _ministry_pattern,
    _suffix_of,
    _suffix_pattern,
    aliases,
    link_words,
    name_words,
    never_words,
    not_names,
    suffixes,
)
from ..lexicons.places import _dominant_place, place_label, place_of, places
from ..preprocessing import script
from .institution_names import (
    BOUNDARY,
    LEVELS,
    _province_of,
    canonical_name,
    classify_institution,
    institution_level,
    locate_institution,
    relative_level,
)
from .spans import resolve_overlaps

COLUMNS = [c for c in schema.columns("institution_mentions") if c != "doc_id"]

MAX_BRAND = 8        # longest run of unknown characters accepted inside a name (网络安全和信息化)
CJK = re.compile(r"[\u3400-\u9fff]")
BRAND_STOP = set("的是在了着对把被为从向给及说等各该其这那此我你他她它们一名位个有也都就将会要而并或、，。；：！？“”‘’《》（）()「」…—·\n\r\t ")
ORDINAL = re.compile(r"(?:第[〇一二三四五六七八九十百零两\d]+[批届]?|首批)$")
GRADE = re.compile(r"(?:\d{4}|\d{2})级$")
LEADING_GRADE = re.compile(r"^(?:\d{4}|\d{2})级")
RELATIVE_MARK = re.compile(r"[全我本]([省市区县])")  # 全省, 我市, 本区: the document speaks for a place
# A relative body (省青少年发展基金会) may follow a clause boundary or one of these function characters.
RELATIVE_BEFORE = set("由在向和与及的经为对将把被从给同到至并暨即是据")
PREFIXES = ("共青团", "中共", "团")


# ---------------------------------------------------------------- data files (read once)


def _link_ending(text: str, q: int) -> str | None:
    """The link word (联合) that ends at ``q``, if any."""
    return next((word for word in link_words() if text.startswith(word, q - len(word)) and q >= len(word)), None)


# ---------------------------------------------------------------- extraction

@dataclass
class _Candidate:
    start: int
    end: int
    suffix: str | None          # None for an exact alias / known-body match
    relative: bool = False      # begins with a bare 市 (市疫情防控工作领导小组): needs the document's city
    exact: bool = False         # an alias, known body or ministry matched as written
    parts: list = field(default_factory=list)


def _longest_ending(text: str, q: int, table, longest: int) -> str | None:
    for length in range(min(longest, q), 1, -1):
        if text[q - length:q] in table:
            return text[q - length:q]
    return None


def _item_ending(text: str, q: int, ends: dict[int, int]) -> tuple[int, str] | None:
    """The name part that ends at ``q``: (its start, kind), kind in candidate/place/strong/weak."""
    if q in ends:
        return ends[q], "candidate"
    place_max, word_max = _max_lengths()
    place = _longest_ending(text, q, places(), place_max)
    word = _longest_ending(text, q, name_words(), word_max)
    if place and (not word or len(place) >= len(word)):
        return q - len(place), "place"
    if word:
        return q - len(word), name_words()[word]
    for pattern in (ORDINAL, GRADE):
        match = pattern.search(text, max(0, q - 8), q)
        if match:
            return match.start(), "weak"
    if q and text[q - 1] in "）)":
        opening = max(text.rfind("（", max(0, q - 10), q), text.rfind("(", max(0, q - 10), q))
        inner = text[opening + 1:q - 1]
        if opening >= 0 and inner and not (set(inner) & BRAND_STOP):
            return opening, "weak"
    return None


def _brand_ending(text: str, q: int, ends: dict[int, int]) -> int | None:
    """Start of a short run of unknown characters ending at ``q`` with a name part on its left."""
    for length in range(1, min(MAX_BRAND, q) + 1):
        chunk = text[q - length:q]
        if chunk[0] in BRAND_STOP or not CJK.match(chunk[0]) or _has_never_word(text[q - length - 1:q]):
            return None
        if any(text.startswith(word, q - length) and q - length in ends for word in link_words()):
            return None  # 团县委联合省基金会: two bodies joined by a verb, not one name
        if chunk[0] in "和与" or chunk[-1] in "和与":
            continue
        if _item_ending(text, q - length, ends) or _is_relative_place(text, q - length):
            return q - length
    return None


def _is_relative_place(text: str, q: int) -> bool:
    """A bare 省/市/区/县 just left of ``q`` that starts a word: the document's own place (，市疾控中心)."""
    if q < 1 or text[q - 1] not in LEVELS:
        return False
    if any(text.startswith(word, q - 1) for word in never_words()):
        return False  # 市民, 市场: a word, not the document's city (区市场监督管理局 is the district's)
    before = text[max(0, q - 3):q - 1]
    if before[-1:] and before[-1] in LEVELS or len(before) == 2 and before[0] in LEVELS and before[1] == "、":
        return False  # 省、市定点医院 / 省市两级: levels listed, not one body of the document's place
    return (q == 1 or text[q - 2] in BOUNDARY or text[q - 2] in RELATIVE_BEFORE or not CJK.match(text[q - 2])
            or _link_ending(text, q - 1) is not None)


def _extend_left(text: str, q: int, ends: dict[int, int], *, committee: bool,
                 brands: bool = True) -> tuple[int, bool, bool] | None:
    """Walk left from ``q`` over name parts (and runs of unknown characters if ``brands``).
    Returns (start, has_name, relative) or None."""
    has_name = relative = False
    kind = None
    if committee:  # 委 needs a place ending in 省/市/县/区/州 right before it
        item = _item_ending(text, q, ends)
        if item and item[1] == "place" and text[q - 1] in "省市县区州":
            (q, kind), has_name = item, True
        elif _is_relative_place(text, q):
            return None  # bare 市委 / 省委 is an alias, found exactly
        else:
            return None
    while q > 0:
        item = _item_ending(text, q, ends)
        if item:
            q, kind = item
            has_name = has_name or kind in ("candidate", "place", "strong")
            continue
        if _is_relative_place(text, q):
            return q - 1, True, True
        brand = _brand_ending(text, q, ends) if kind != "place" and brands else None  # 联合 in 团市委联合成都市卫健委 is a verb
        if brand is not None:
            q, kind = brand, "brand"
            continue
        break
    if has_name:
        for prefix in PREFIXES:
            if text.startswith(prefix, q - len(prefix)) and q >= len(prefix):
                q -= len(prefix)
                break
    return (q, has_name, relative) if has_name else None


def _extend_right(text: str, end: int) -> int:
    """Take a campus in brackets after a name: 中国地质大学（北京）."""
    match = re.match(r"[（(]([\u3400-\u9fff]{2,6})[）)]", text[end:end + 10])
    return end + match.end() if match and match.group(1) in places() else end


def _is_government_body(name: str, suffix: str | None) -> bool:
    if suffix is None:
        row = aliases().get(name)
        return bool(row) and row["type"] == "party_government"
    row = suffixes()[suffix]
    return row["type"] == "party_government" and row["scope"] == "body"


@lru_cache(maxsize=8)  # document_place and extract_institutions read the same document one after the other
def _candidates(text: str) -> tuple[_Candidate, ...]:
    found: list[_Candidate] = []
    ends: dict[int, int] = {}       # end -> earliest start of a candidate ending there
    not_government: dict[int, int] = {}  # the same without ends of party/government bodies: 市委 does not begin 市委市政府
    government: set[int] = set()

    def add(candidate: _Candidate) -> None:
        found.append(candidate)
        if candidate.end not in ends or candidate.start < ends[candidate.end]:
            ends[candidate.end] = candidate.start
        if _is_government_body(text[candidate.start:candidate.end], candidate.suffix):
            government.add(candidate.end)
            not_government.pop(candidate.end, None)
        elif candidate.end not in government:
            not_government[candidate.end] = ends[candidate.end]

    table = suffixes()
    events = [(m.end(), m.start(), None) for m in _exact_pattern().finditer(text)
              if not _runs_on(text, m.end(), m.group()) and not _glued_unit(text, m.start(), m.group())]
    events += [(m.end(), m.start(), None) for m in _ministry_pattern().finditer(text)]
    for match in _suffix_pattern().finditer(text):
        suffix, start = match.group(1), match.start()
        end = start + len(suffix)
        if end < len(text) and text[end] in table[suffix]["not_before"]:
            shorter = [s for s in table if suffix.startswith(s) and s != suffix]
            if not shorter:
                continue
        events.append((end, start, suffix))
    for end, start, suffix in sorted(events, key=lambda e: (e[0], e[1])):
        if suffix is None:
            add(_Candidate(start, end, None, exact=True))
            extended = _extend_left(text, start, ends, committee=False, brands=False)  # 北京 + 协和医院
            if extended and extended[0] < start and not extended[2]:
                add(_Candidate(extended[0], end, None))
            continue
        usable = not_government if _is_government_body(suffix, suffix) else ends
        extended = _extend_left(text, start, usable, committee=suffix == "委")
        if extended:
            begin, _, relative = extended
            add(_Candidate(begin, _extend_right(text, end), suffix, relative))
    return tuple(found)


def _runs_on(text: str, end: int, name: str) -> bool:
    """An exact name that the next character turns into another word (区委 in 社区委员会)."""
    suffix = _suffix_of(name)
    return bool(suffix) and end < len(text) and text[end] in suffixes()[suffix]["not_before"]


def _glued_unit(text: str, start: int, name: str) -> bool:
    """A university's relative unit (校团委) glued to a word before it (高校团委: any university's)."""
    if _alias_context(name) != "university" or start == 0:
        return False
    before = text[start - 1]
    return bool(CJK.match(before)) and before not in BOUNDARY | RELATIVE_BEFORE and not _suffix_of(text[:start])


def _blocked(text: str) -> list[tuple[int, int]]:
    spans = []
    for phrase in not_names():
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    return spans


def _select(found: list[_Candidate], text: str) -> list[_Candidate]:
    """Keep the longest mentions; drop those inside or crossing a longer one, and those that lie inside a
    non-name or begin within one (市委宣传部 in 直辖市委宣传部)."""
    blocked: dict[int, int] = {}  # start of a non-name -> its furthest end
    for begin, end in _blocked(text):
        blocked[begin] = max(end, blocked.get(begin, end))
    longest = max(map(len, not_names()), default=0)
    found = [c for c in found if not any(blocked.get(b, -1) > c.start and (b < c.start or blocked[b] >= c.end)
                                         for b in range(max(0, c.start - longest), c.start + 1))]
    exact = {(c.start, c.end) for c in found if c.exact}
    found = [c for c in found if not _two_exact(c, exact)]
    return resolve_overlaps(found)


def _two_exact(candidate: _Candidate, exact: set[tuple[int, int]]) -> bool:
    """Two bodies written together (团中央全国青联): the candidate is exactly two names found as written."""
    return not candidate.exact and any((candidate.start, middle) in exact and (middle, candidate.end) in exact
                                       for middle in range(candidate.start + 2, candidate.end - 1))


def _scope(candidate: _Candidate) -> str:
    return suffixes()[candidate.suffix]["scope"] if candidate.suffix else "body"


def _split(candidate: _Candidate, by_start: dict[int, list[_Candidate]]) -> list[tuple[_Candidate, _Candidate | None]]:
    """A unit written after its body (武汉大学 + 电气与自动化学院) -> [(body, None), (unit, body)].
    ``by_start``: the candidates by start position."""
    if _scope(candidate) != "unit":
        return [(candidate, None)]
    prefixes = [c for c in by_start.get(candidate.start, ()) if c.end < candidate.end]
    if not prefixes:
        return [(candidate, None)]
    body = max(prefixes, key=lambda c: c.end)
    head = _split(body, by_start)
    unit = _Candidate(body.end, candidate.end, candidate.suffix)
    return head + [(unit, head[-1][0])]


# ---------------------------------------------------------------- type, canonical name, province


def _alias_context(name: str) -> str:
    return aliases().get(name, {}).get("context", "")


def _last_university(rows: list[dict]) -> dict | None:
    """The university written last before a relative unit (校团委)."""
    return next((row for row in reversed(rows) if row["type"] == "university" and row["parent"] is None), None)


def _named_in_full(name: str, rows: list[dict]) -> dict | None:
    """The body named in full earlier in the text that a short known name (协和医院) stands for."""
    if name not in _exact_names():
        return None
    return next((row for row in reversed(rows) if row["parent"] is None and len(row["canonical"]) > len(name)
                 and row["canonical"].endswith(name)), None)


def _simplified(text: str) -> str:
    """The simplified view of a traditional-character text (same length), else the text itself."""
    return script.simplified_view(text) if text and script.detect_script(text) == "traditional" else text


def extract_institutions(text: str, *, context_province: str | None = None) -> pd.DataFrame:
    """Institution mentions in ``text``, sorted by start.

    Columns: name (as written), canonical, start, end, type, province (short name or None), parent
    (the canonical name of the body a department or team belongs to). ``context_province`` is the
    document's place (``document_place``: 上海, 浙江, 杭州市西湖区 …), which relative bodies such as 市委,
    团省委 or 区卫健委 belong to. A traditional-character text is read through its simplified view
    (``script.simplified_view``, same length): ``name`` stays as written, the other columns are simplified.

    >>> extract_institutions("团安徽省宿州市委宣传部部长张雨雁说")[["name", "province", "parent"]].values.tolist()
    [['团安徽省宿州市委', '安徽', None], ['宣传部', '安徽', '共青团安徽省宿州市委员会']]
    >>> extract_institutions("團中央發出通知")[["name", "canonical"]].values.tolist()
    [['團中央', '共青团中央']]
    """
    return _none_for_unknown(pd.DataFrame(institution_records(text, context_province=context_province), columns=COLUMNS))


def institution_records(text: str, *, context_province: str | None = None) -> list[dict]:
    """The rows of ``extract_institutions`` as dicts, sorted by start (what the per-document cache stores)."""
    if not isinstance(text, str):
        raise CorpusError("extract_institutions needs a string")
    written, text = text, _simplified(text)
    found = _candidates(text)
    place = place_of(context_province) if context_province else None
    by_start: dict[int, list[_Candidate]] = {}
    for candidate in found:
        by_start.setdefault(candidate.start, []).append(candidate)
    rows, seen = [], {}
    for candidate in _select(found, text):
        for piece, parent in _split(candidate, by_start):
            name = text[piece.start:piece.end]
            grade = LEADING_GRADE.match(name)
            start = piece.start + (grade.end() if grade else 0)
            name = text[start:piece.end]
            parent_row = seen.get(id(parent)) if parent else None
            suffix = piece.suffix or _suffix_of(name)
            kind = classify_institution(name, suffix=suffix)
            if parent_row and suffix and suffixes()[suffix]["inherits"] == "yes":
                kind = parent_row["type"]
            if parent_row is None and _alias_context(name) == "university":
                parent_row = _last_university(rows)
                canonical = aliases()[name]["canonical"].replace("{university}", parent_row["canonical"]) \
                    if parent_row else name
                province = parent_row["province"] if parent_row else None
            elif parent_row:
                canonical = parent_row["canonical"] + name
                province = locate_institution(name) or parent_row["province"]
            else:
                canonical = canonical_name(name, context_province=context_province)
                province = _province_of(name, text, start, place, rows)
                longer = _named_in_full(name, rows)
                if longer:  # 协和医院 after 福建医科大学附属协和医院: the same body, not Beijing's
                    canonical, province = longer["canonical"], longer["province"]
            row = {"name": written[start:piece.end], "canonical": canonical, "start": start, "end": piece.end,
                   "type": kind, "province": province, "parent": parent_row["canonical"] if parent_row else None}
            seen[id(piece)] = row
            rows.append(row)
    return sorted(rows, key=lambda row: row["start"])


# ---------------------------------------------------------------- corpus tables


def _relative_levels(text: str) -> set[str]:
    """The levels (省 / 市 / 区 / 县) of the document's own bodies: 全省 / 我市 / 本区, or a relative body."""
    levels = {match.group(1) for match in RELATIVE_MARK.finditer(text)}
    found = _candidates(text)
    for candidate in _select(list(found), text):
        level = relative_level(text[candidate.start:candidate.end])
        if level:
            levels.add(level)
    return levels


def document_place(text: str, *, title: str = "", issuer: str = "") -> str | None:
    """The place a document speaks for when it writes 市委 / 团省委 / 省…基金会 for its own bodies: the place
    of its issuer, else the places a title begins with, else - if the document has such relative bodies or
    writes 全市 / 我省 / 本区 - the province it names most (and, as far as its relative bodies need, the city
    and the district or county named most there). A province's short name (上海, 浙江) or a city or district
    (杭州市, 杭州市西湖区), as ``extract_institutions(context_province=...)`` takes it; None when unknown.

    >>> document_place("……", issuer="共青团上海市委员会")
    '上海'
    >>> document_place("团区委组织青年志愿者……", issuer="共青团杭州市西湖区委员会")
    '杭州市西湖区'
    """
    for source, leading in ((issuer, False), (title, True)):
        found = place_of(_simplified(source), leading=leading) if isinstance(source, str) and source else None
        if found:
            return place_label(found)
    text = _simplified(text)
    levels = _relative_levels(text)
    return place_label(_dominant_place(text, levels)) if levels else None


def institution_mentions(docs: pd.DataFrame) -> pd.DataFrame:
    """Every institution mention of every document: ``doc_id`` plus the columns of ``extract_institutions``."""
    if docs.empty:
        return schema.empty("institution_mentions")
    heads = [[value or "" for value in docs[column]] if column in docs else [""] * len(docs)
             for column in ("title", "issuer")]
    found = doccache.cached_per_document("institution_mentions", _institution_rows, docs["text"], *heads)
    rows = [(doc_id, *row) for doc_id, doc_rows in zip(docs["doc_id"], found) for row in doc_rows]
    return _none_for_unknown(pd.DataFrame(rows, columns=schema.columns("institution_mentions")))


def _none_for_unknown(table: pd.DataFrame) -> pd.DataFrame:
    for column in ("province", "parent"):  # None, not NaN, for "unknown" / "no parent"
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def _institution_rows(text: str, title: str, issuer: str) -> list[tuple]:
    context = document_place(text, title=title, issuer=issuer)
    return [tuple(row[column] for column in COLUMNS) for row in institution_records(text, context_province=context)]


def institution_table(docs: pd.DataFrame, *, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per canonical institution: type, province, level, parent, documents, count.
    Sorted by count (desc), then canonical name."""
    mentions = institution_mentions(docs) if mentions is None else mentions
    columns = schema.columns("institutions")
    if mentions.empty:
        return schema.empty("institutions")
    grouped = mentions.groupby("canonical", sort=True)
    table = pd.DataFrame({
        "type": grouped["type"].agg(lambda s: s.mode().iloc[0]),
        "province": grouped["province"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else None),
        "parent": grouped["parent"].agg(lambda s: s.dropna().iloc[0] if s.notna().any() else None),
        "documents": grouped["doc_id"].agg(lambda s: ",".join(sorted(set(s)))),
        "count": grouped.size(),
    }).reset_index()
    table["level"] = [institution_level(c, p) for c, p in zip(table["canonical"], table["province"])]
    table = table[columns].sort_values(["count", "canonical"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)
