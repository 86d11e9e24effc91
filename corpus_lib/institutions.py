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

from . import doccache, resources, schema
from .errors import CorpusError

TYPES = ("university", "school", "hospital", "youth_league", "party_government", "company", "ngo",
         "grassroots", "medical_team", "other")
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
COLUMNS = [c for c in schema.columns("institution_mentions") if c != "doc_id"]
CENTRAL_PREFIXES = ("中共中央", "中央", "国务院", "全国", "国家", "共青团中央", "中国共产党中央", "中华人民共和国")

MAX_BRAND = 8        # longest run of unknown characters accepted inside a name (网络安全和信息化)
CJK = re.compile(r"[\u3400-\u9fff]")
BRAND_STOP = set("的是在了着对把被为从向给及说等各该其这那此我你他她它们一名位个有也都就将会要而并或、，。；：！？“”‘’《》（）()「」…—·\n\r\t ")
ORDINAL = re.compile(r"(?:第[〇一二三四五六七八九十百零两\d]+[批届]?|首批)$")
GRADE = re.compile(r"(?:\d{4}|\d{2})级$")
LEADING_GRADE = re.compile(r"^(?:\d{4}|\d{2})级")
DESTINATION = re.compile(r"(?:支援|援助|驰援|援|赴)$")
RELATIVE_MARK = re.compile(r"(?<![\u3400-\u9fff])市委|全市|我市|团市委")
BOUNDARY = set("、，。；：！？“”‘’《》（）()「」 \n")
PREFIXES = ("共青团", "中共", "团")


# ---------------------------------------------------------------- data files (read once)

@lru_cache(maxsize=None)
def places() -> dict[str, frozenset[str]]:
    """Place name (full and short forms) -> the provinces it may lie in. ``gazetteer_places.csv``."""
    table: dict[str, set[str]] = {}
    for row in resources.read_csv("gazetteer_places.csv"):
        for name in {row["name"], row["short"]} - {""}:
            if len(name) >= 2:
                table.setdefault(name, set()).add(row["province"])
    return {name: frozenset(provinces) for name, provinces in table.items()}


@lru_cache(maxsize=None)
def province_names() -> frozenset[str]:
    return frozenset(row["province"] for row in resources.read_csv("gazetteer_places.csv"))


@lru_cache(maxsize=None)
def suffixes() -> dict[str, dict]:
    """Suffix -> its row (type, scope, not_before, inherits). ``institution_suffixes.csv``."""
    rows = {row["suffix"]: row for row in resources.read_csv("institution_suffixes.csv")}
    bad = sorted({row["type"] for row in rows.values()} - set(TYPES))
    if bad:
        raise CorpusError(f"institution_suffixes.csv: unknown type {', '.join(bad)}")
    return rows


@lru_cache(maxsize=None)
def name_words() -> dict[str, str]:
    """Word -> strong/weak. ``institution_name_words.csv``."""
    return {row["word"]: row["strength"] for row in resources.read_csv("institution_name_words.csv")}


@lru_cache(maxsize=None)
def known_bodies() -> dict[str, dict]:
    """Well-known body -> province and level. ``institution_known.csv``."""
    return {row["name"]: row for row in resources.read_csv("institution_known.csv")}


@lru_cache(maxsize=None)
def aliases() -> dict[str, dict]:
    """Alias -> canonical, type, province, level, context. ``institution_aliases.csv``."""
    return {row["alias"]: row for row in resources.read_csv("institution_aliases.csv")}


@lru_cache(maxsize=None)
def rewrites() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["pattern"]), row["replacement"]) for row in resources.read_csv("institution_rewrites.csv"))


@lru_cache(maxsize=None)
def not_names() -> tuple[str, ...]:
    """Phrases that are never institutions (农业农村). ``institution_not_names.txt``."""
    return tuple(resources.read_lines("institution_not_names.txt"))


@lru_cache(maxsize=None)
def _exact_names() -> dict[str, dict]:
    """Names found exactly as written: aliases, their plain canonical names, known bodies."""
    names = {name: {"source": "known"} for name in known_bodies()}
    for alias, row in aliases().items():
        names[alias] = {"source": "alias"}
        if "{" not in row["canonical"]:
            names.setdefault(row["canonical"], {"source": "canonical"})
    return names


@lru_cache(maxsize=None)
def _exact_pattern() -> re.Pattern:
    names = sorted(_exact_names(), key=lambda name: (-len(name), name))
    return re.compile("|".join(map(re.escape, names)))


@lru_cache(maxsize=None)
def _suffix_pattern() -> re.Pattern:
    names = sorted(suffixes(), key=lambda name: (-len(name), name))
    return re.compile("(?=(" + "|".join(map(re.escape, names)) + "))")


@lru_cache(maxsize=None)
def _max_lengths() -> tuple[int, int]:
    return max(map(len, places())), max(map(len, name_words()))


# ---------------------------------------------------------------- extraction

@dataclass
class _Candidate:
    start: int
    end: int
    suffix: str | None          # None for an exact alias / known-body match
    relative: bool = False      # begins with a bare 市 (市疫情防控工作领导小组): needs the document's city
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
        if chunk[0] in BRAND_STOP or not CJK.match(chunk[0]):
            return None
        if chunk[0] in "和与" or chunk[-1] in "和与":
            continue
        if _item_ending(text, q - length, ends):
            return q - length
    return None


def _is_relative_city(text: str, q: int) -> bool:
    return q >= 1 and text[q - 1] == "市" and (q == 1 or text[q - 2] in BOUNDARY or not CJK.match(text[q - 2]))


def _extend_left(text: str, q: int, ends: dict[int, int], *, committee: bool) -> tuple[int, bool, bool] | None:
    """Walk left from ``q`` over name parts. Returns (start, has_name, relative) or None."""
    has_name = relative = False
    if committee:  # 委 needs a place ending in 省/市/县/区/州 right before it
        item = _item_ending(text, q, ends)
        if item and item[1] == "place" and text[q - 1] in "省市县区州":
            q, has_name = item[0], True
        elif _is_relative_city(text, q):
            return None  # bare 市委 is an alias, found exactly
        else:
            return None
    while q > 0:
        item = _item_ending(text, q, ends)
        if item:
            q, kind = item
            has_name = has_name or kind in ("candidate", "place", "strong")
            continue
        if _is_relative_city(text, q):
            return q - 1, True, True
        brand = _brand_ending(text, q, ends)
        if brand is not None:
            q = brand
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


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    ends: dict[int, int] = {}

    government: dict[int, int] = {}  # ends of party/government bodies: 市委 does not begin 市委市政府

    def add(candidate: _Candidate) -> None:
        found.append(candidate)
        if candidate.end not in ends or candidate.start < ends[candidate.end]:
            ends[candidate.end] = candidate.start
        if _is_government_body(text[candidate.start:candidate.end], candidate.suffix):
            government[candidate.end] = candidate.start

    events = [(m.end(), m.start(), None) for m in _exact_pattern().finditer(text)]
    table = suffixes()
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
            add(_Candidate(start, end, None))
            continue
        usable = ends
        if _is_government_body(suffix, suffix):
            usable = {end: begin for end, begin in ends.items() if end not in government}
        extended = _extend_left(text, start, usable, committee=suffix == "委")
        if extended:
            begin, _, relative = extended
            add(_Candidate(begin, _extend_right(text, end), suffix, relative))
    return found


def _blocked(text: str) -> list[tuple[int, int]]:
    spans = []
    for phrase in not_names():
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    return spans


def _select(found: list[_Candidate], text: str) -> list[_Candidate]:
    """Keep the longest mentions; drop those inside or crossing a longer one, or inside a non-name."""
    kept: list[_Candidate] = []
    blocked = _blocked(text)
    found = [c for c in found if not any(b <= c.start and c.end <= e for b, e in blocked)]
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _scope(candidate: _Candidate) -> str:
    return suffixes()[candidate.suffix]["scope"] if candidate.suffix else "body"


def _split(candidate: _Candidate, found: list[_Candidate]) -> list[tuple[_Candidate, _Candidate | None]]:
    """A unit written after its body (武汉大学 + 电气与自动化学院) -> [(body, None), (unit, body)]."""
    if _scope(candidate) != "unit":
        return [(candidate, None)]
    prefixes = [c for c in found if c.start == candidate.start and c.end < candidate.end]
    if not prefixes:
        return [(candidate, None)]
    body = max(prefixes, key=lambda c: c.end)
    head = _split(body, found)
    unit = _Candidate(body.end, candidate.end, candidate.suffix)
    return head + [(unit, head[-1][0])]


# ---------------------------------------------------------------- type, canonical name, province

@lru_cache(maxsize=None)
def _suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(suffixes(), key=len, reverse=True))


def _suffix_of(name: str) -> str | None:
    for suffix in _suffixes_longest_first():
        if name.endswith(suffix):
            return suffix
    return None


def classify_institution(name: str, *, suffix: str | None = None) -> str:
    """The type of a body from its name: ``classify_institution("团沈阳市委")`` -> ``"youth_league"``."""
    alias = aliases().get(name)
    if alias:
        return alias["type"]
    suffix = suffix or _suffix_of(name)
    kind = suffixes()[suffix]["type"] if suffix else "other"
    if name.startswith(("团", "共青团")) and suffix in ("委", "委员会", "工作部", "宣传部", "组织部"):
        return "youth_league"
    return kind


def _places_in(name: str) -> list[tuple[int, frozenset[str]]]:
    """Places written in a name, left to right, skipping destinations (支援湖北医疗队: 湖北 is not home)."""
    table, longest = places(), _max_lengths()[0]
    found, i = [], 0
    while i < len(name):
        for length in range(min(longest, len(name) - i), 1, -1):
            piece = name[i:i + length]
            if piece in table:
                if not DESTINATION.search(name, 0, i):
                    found.append((i, table[piece]))
                i += length
                break
        else:
            i += 1
    return found


def _province_from_places(located: list[tuple[int, frozenset[str]]]) -> str | None:
    """The leftmost place decides; an ambiguous one (朝阳区) is settled by the other places."""
    if not located:
        return None
    candidates = set(located[0][1])
    for _, provinces in located[1:]:
        if candidates & provinces:
            candidates &= provinces
    return next(iter(candidates)) if len(candidates) == 1 else None


def locate_institution(name: str) -> str | None:
    """Province of a body from its own name or the known-body table, else None.

    >>> locate_institution("团安徽省宿州市委")
    '安徽'
    """
    alias = aliases().get(name)
    if alias and alias["province"]:
        return alias["province"]
    pieces = list(_places_in(name))
    for known, row in known_bodies().items():
        position = name.find(known)
        if position >= 0 and row["province"]:
            pieces.append((position, frozenset([row["province"]])))
    pieces.sort(key=lambda piece: piece[0])
    return _province_from_places(pieces)


def canonical_name(name: str, *, context_province: str | None = None) -> str:
    """The canonical form: ``canonical_name("团中央")`` -> ``"共青团中央"``."""
    alias = aliases().get(name)
    if alias:
        if "{province}" not in alias["canonical"]:
            return alias["canonical"]
        if context_province in MUNICIPALITIES:
            return alias["canonical"].replace("{province}", context_province)
        return name
    if name.startswith("市") and context_province in MUNICIPALITIES:
        return context_province + name
    for prefix in sorted(aliases(), key=len, reverse=True):  # 华山医院援鄂医疗队 -> 复旦大学附属华山医院…
        row = aliases()[prefix]
        if name.startswith(prefix) and "{" not in row["canonical"] and len(name) > len(prefix):
            return row["canonical"] + name[len(prefix):]
    for pattern, replacement in rewrites():
        if pattern.match(name):
            return pattern.sub(replacement, name)
    return name


def _is_relative(name: str) -> bool:
    alias = aliases().get(name)
    return (alias is not None and alias["context"] == "municipality") or name.startswith("市")


def _alias_context(name: str) -> str:
    return aliases().get(name, {}).get("context", "")


def _last_university(rows: list[dict]) -> dict | None:
    """The university written last before a relative unit (校团委)."""
    return next((row for row in reversed(rows) if row["type"] == "university" and row["parent"] is None), None)


def _context_province(text: str, start: int) -> str | None:
    """A place just left of a mention in the same clause (宁夏石嘴山市惠农区西部计划志愿者 …)."""
    left = start
    while left > 0 and start - left < 12 and text[left - 1] not in BOUNDARY:
        left -= 1
    return _province_from_places(_places_in(text[left:start]))


def extract_institutions(text: str, *, context_province: str | None = None) -> pd.DataFrame:
    """Institution mentions in ``text``, sorted by start.

    Columns: name (as written), canonical, start, end, type, province (short name or None), parent
    (the canonical name of the body a department or team belongs to). ``context_province`` is the
    city of a document that writes 市委 / 团市委 for its own bodies (上海 in a Shanghai release).

    >>> extract_institutions("团安徽省宿州市委宣传部部长张雨雁说")[["name", "province", "parent"]].values.tolist()
    [['团安徽省宿州市委', '安徽', None], ['宣传部', '安徽', '共青团安徽省宿州市委员会']]
    """
    return _none_for_unknown(pd.DataFrame(institution_records(text, context_province=context_province), columns=COLUMNS))


def institution_records(text: str, *, context_province: str | None = None) -> list[dict]:
    """The rows of ``extract_institutions`` as dicts, sorted by start (what the per-document cache stores)."""
    if not isinstance(text, str):
        raise CorpusError("extract_institutions needs a string")
    found = _candidates(text)
    rows, seen = [], {}
    for candidate in _select(found, text):
        for piece, parent in _split(candidate, found):
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
                province = locate_institution(name)
                if province is None and _is_relative(name) and context_province in province_names():
                    province = context_province
                if province is None and not _is_relative(name) and not is_central(canonical):
                    province = _context_province(text, start)
            row = {"name": name, "canonical": canonical, "start": start, "end": piece.end, "type": kind,
                   "province": province, "parent": parent_row["canonical"] if parent_row else None}
            seen[id(piece)] = row
            rows.append(row)
    return sorted(rows, key=lambda row: row["start"])


# ---------------------------------------------------------------- corpus tables

def document_place(text: str, *, title: str = "", issuer: str = "") -> str | None:
    """The province-level place a document speaks for when it writes 市委 / 团市委 (its relative bodies):
    from its issuer or a title that begins with a place, else the municipality it names most, if it uses
    全市 / 我市 / a bare 市委. None when there is no such sign.

    >>> document_place("……", issuer="共青团上海市委员会")
    '上海'
    """
    located = _places_in(str(issuer or "")) + [piece for piece in _places_in(str(title or "")) if piece[0] == 0]
    if _province_from_places(located):  # the issuer, or a title that begins with a place (上海市…)
        return _province_from_places(located)
    if not RELATIVE_MARK.search(text):
        return None
    counts = {city: text.count(city) for city in MUNICIPALITIES}
    best = max(counts, key=lambda city: (counts[city], city))
    return best if counts[best] else None


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


def is_central(canonical: str) -> bool:
    """A national body (共青团中央, 国务院, 中共中央 …): it has no province, wherever it is mentioned.

    >>> is_central("中华人民共和国国务院"), is_central("共青团浙江省委员会")
    (True, False)
    """
    alias = next((row for row in aliases().values() if row["canonical"] == canonical), None)
    if alias and alias["level"]:
        return alias["level"] == "central"
    return canonical.startswith(CENTRAL_PREFIXES)


def institution_level(canonical: str, province: str | None = None) -> str:
    """central for national bodies (党中央, 国务院, 团中央 …), international, else local."""
    alias = next((row for row in aliases().values() if row["canonical"] == canonical), None)
    if alias and alias["level"]:
        return alias["level"]
    known = known_bodies().get(canonical)
    if known and known["level"]:
        return known["level"]
    return "central" if canonical.startswith(CENTRAL_PREFIXES) and (province is None or pd.isna(province)) else "local"


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
