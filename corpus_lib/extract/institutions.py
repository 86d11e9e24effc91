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
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from . import clean, doccache, resources, schema
from .errors import CorpusError

TYPES = ("university", "school", "hospital", "youth_league", "party_government", "company", "ngo",
         "grassroots", "medical_team", "other")
COLUMNS = [c for c in schema.columns("institution_mentions") if c != "doc_id"]
CENTRAL_PREFIXES = ("中共中央", "中央", "国务院", "全国", "国家", "共青团中央", "中国共产党中央", "中华人民共和国")

MAX_BRAND = 8        # longest run of unknown characters accepted inside a name (网络安全和信息化)
CJK = re.compile(r"[\u3400-\u9fff]")
BRAND_STOP = set("的是在了着对把被为从向给及说等各该其这那此我你他她它们一名位个有也都就将会要而并或、，。；：！？“”‘’《》（）()「」…—·\n\r\t ")
ORDINAL = re.compile(r"(?:第[〇一二三四五六七八九十百零两\d]+[批届]?|首批)$")
GRADE = re.compile(r"(?:\d{4}|\d{2})级$")
LEADING_GRADE = re.compile(r"^(?:\d{4}|\d{2})级")
DESTINATION = re.compile(r"(?:支援|援助|驰援|援|赴)$")
LEVELS = "省市区县"   # a bare 省/市/区/县 before a body means the document's own province, city, district, county
RELATIVE_MARK = re.compile(r"[全我本]([省市区县])")  # 全省, 我市, 本区: the document speaks for a place
BOUNDARY = set("、，。；：！？“”‘’《》（）()「」 \n")
# A relative body (省青少年发展基金会) may follow a clause boundary or one of these function characters.
RELATIVE_BEFORE = set("由在向和与及的经为对将把被从给同到至并暨即是据")
PREFIXES = ("共青团", "中共", "团")
COMMITTEE = re.compile(r"^(?P<prefix>共青团|团|中国共产党|中共)?(?P<place>.+?)(?P<league>团)?(?P<level>[省市区县州]?)委$")


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
def _gazetteer() -> tuple[dict[str, tuple[dict, ...]], dict[str, dict]]:
    """(place name or short form -> its gazetteer rows, adcode or province short name -> row)."""
    by_name: dict[str, list[dict]] = {}
    by_code: dict[str, dict] = {}
    for row in resources.read_csv("gazetteer_places.csv"):
        if row["adcode"]:
            by_code[row["adcode"]] = row
        if row["level"] == "province":
            by_code[row["province"]] = row
        for name in {row["name"], row["short"]} - {""}:
            if len(name) >= 2:
                by_name.setdefault(name, []).append(row)
    return {name: tuple(rows) for name, rows in by_name.items()}, by_code


def _ancestors(row: dict) -> tuple[dict, dict | None, dict | None]:
    """(province, prefecture, county) rows of a gazetteer row; a region (南疆) counts as its province."""
    by_code = _gazetteer()[1]
    code = row["adcode"]
    province = by_code.get(code[:2] + "0000") if code else by_code[row["province"]]
    prefecture = by_code.get(code[:4] + "00") if row["level"] in ("prefecture", "county") else None
    return province, prefecture, row if row["level"] == "county" else None


def _prefix(row: dict) -> str:
    """The adcode digits every place inside ``row`` shares."""
    return {"county": row["adcode"], "prefecture": row["adcode"][:4]}.get(row["level"], row["adcode"][:2])


def _narrow(finest: dict | None, rows: tuple[dict, ...]) -> dict | None:
    """The finest place once ``rows`` (one written place name) is read after ``finest``."""
    if finest is None:
        options = rows
    else:
        inside = _prefix(finest)
        options = tuple(r for r in rows if r["adcode"].startswith(inside) and r["adcode"] != finest["adcode"]
                        and r["province"] == finest["province"])
    if len(options) == 1:
        return options[0]
    if finest is None and options and len({r["province"] for r in options}) == 1:
        return _ancestors(options[0])[0]  # 鼓楼区: two in 江苏, so only 江苏 is certain
    return finest


@lru_cache(maxsize=4096)
def place_of(text: str, *, leading: bool = False) -> dict | None:
    """The finest gazetteer place that the places written in ``text`` add up to, read left to right
    (``杭州市西湖区`` -> the 西湖区 of 杭州; ``西湖区`` alone is ambiguous). ``leading``: only the
    places written at the very start of ``text``."""
    by_name, _ = _gazetteer()
    finest, end = None, 0
    for position, name in _place_names_in(text):
        if leading and position != end:
            break
        finest, end = _narrow(finest, by_name[name]), position + len(name)
    return finest


def place_label(row: dict | None) -> str | None:
    """A place as one string that ``place_of`` reads back: 上海, 浙江, 杭州市, 杭州市西湖区."""
    if row is None:
        return None
    province, prefecture, county = _ancestors(row)
    if county is None:
        return prefecture["name"] if prefecture else (province["short"] or province["name"])
    city = prefecture or (province if province["name"].endswith("市") else None)
    return (city["name"] if city else "") + county["name"]


def place_at_level(row: dict | None, level: str) -> str | None:
    """The full name the document's place has at ``level`` (省 / 市 / 区 / 县), or None:
    ``place_at_level(place_of("杭州市西湖区"), "区")`` -> ``"杭州市西湖区"``."""
    if row is None:
        return None
    province, prefecture, county = _ancestors(row)
    if level == "省":
        return province["name"] if province["name"].endswith("省") else None
    if level == "市":  # a county-level city, a prefecture city, or a municipality
        return next((place["name"] for place in (county, prefecture, province)
                     if place and place["name"].endswith("市")), None)
    if level == "区":
        if county and county["name"].endswith("区"):
            city = prefecture or province
            return (city["name"] if city["name"].endswith("市") else "") + county["name"]
        return province["name"] if prefecture is None and province["name"].endswith("自治区") else None
    if level == "县":
        return county["name"] if county and county["name"].endswith("县") else None
    return None


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
    return {row["word"]: row["strength"] for row in resources.read_csv("institution_name_words.csv")
            if row["strength"] in ("strong", "weak")}


@lru_cache(maxsize=None)
def link_words() -> tuple[str, ...]:
    """Words that join two bodies (联合, 会同): ``institution_name_words.csv``, strength link."""
    return tuple(row["word"] for row in resources.read_csv("institution_name_words.csv") if row["strength"] == "link")


@lru_cache(maxsize=None)
def _ministry_pattern() -> re.Pattern:
    """A central ministry: a ministry word (教育, 外交 …, strength ministry) + 部, not 部门 / 部长."""
    words = sorted((row["word"] for row in resources.read_csv("institution_name_words.csv")
                    if row["strength"] == "ministry"), key=len, reverse=True)
    return re.compile("(?:中华人民共和国)?(?:" + "|".join(map(re.escape, words)) + ")部(?![门分长属委])")


def _is_ministry(name: str) -> bool:
    return bool(_ministry_pattern().fullmatch(name))


def _link_ending(text: str, q: int) -> str | None:
    """The link word (联合) that ends at ``q``, if any."""
    return next((word for word in link_words() if text.startswith(word, q - len(word)) and q >= len(word)), None)


@lru_cache(maxsize=None)
def never_words() -> frozenset[str]:
    """Words that never stand inside a name (市民, 市场, 派出). ``institution_name_words.csv``."""
    return frozenset(row["word"] for row in resources.read_csv("institution_name_words.csv")
                     if row["strength"] == "never")


def _has_never_word(chunk: str) -> bool:
    return any(word in chunk for word in never_words())


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
    kept: list[_Candidate] = []
    blocked: dict[int, int] = {}  # start of a non-name -> its furthest end
    for begin, end in _blocked(text):
        blocked[begin] = max(end, blocked.get(begin, end))
    longest = max(map(len, not_names()), default=0)
    found = [c for c in found if not any(blocked.get(b, -1) > c.start and (b < c.start or blocked[b] >= c.end)
                                         for b in range(max(0, c.start - longest), c.start + 1))]
    exact = {(c.start, c.end) for c in found if c.exact}
    found = [c for c in found if not _two_exact(c, exact)]
    taken = bytearray(len(text) + 1)
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(taken[candidate.start:candidate.end]):
            kept.append(candidate)
            taken[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return sorted(kept, key=lambda c: c.start)


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
    if _is_ministry(name):
        return "party_government"
    suffix = suffix or _suffix_of(name)
    kind = suffixes()[suffix]["type"] if suffix else "other"
    if name.startswith(("团", "共青团")) and suffix in ("委", "委员会", "工作部", "宣传部", "组织部"):
        return "youth_league"
    return kind


@lru_cache(maxsize=None)
def _place_lengths() -> dict[str, tuple[int, ...]]:
    """First character of a place name -> the lengths of the names starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in places():
        lengths.setdefault(name[0], set()).add(len(name))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


def _place_names_in(text: str) -> list[tuple[int, str]]:
    """Place names written in ``text`` (longest first, left to right) with their positions, skipping
    destinations (支援湖北医疗队: 湖北 is not home)."""
    table, lengths = places(), _place_lengths()
    found, i = [], 0
    while i < len(text):
        for length in lengths.get(text[i], ()):
            piece = text[i:i + length]
            if piece in table:
                if not DESTINATION.search(text, max(0, i - 2), i):
                    found.append((i, piece))
                i += length
                break
        else:
            i += 1
    return found


def _places_in(name: str) -> list[tuple[int, frozenset[str]]]:
    """Places written in a name, left to right, with the provinces each may lie in."""
    return [(position, places()[piece]) for position, piece in _place_names_in(name)]


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


PLACEHOLDER = re.compile(r"\{([省市区县])\}")


def _fill(template: str, place: dict | None) -> str | None:
    """An alias's canonical template with the document's place put in (中共{市}委员会 -> 中共上海市委员会)."""
    filled = template
    for level in PLACEHOLDER.findall(template):
        at = place_at_level(place, level)
        if at is None:
            return None
        filled = filled.replace("{" + level + "}", at)
    return None if "{" in filled else filled


def relative_level(name: str) -> str | None:
    """省 / 市 / 区 / 县 when a name stands for a body of the document's own place, else None:
    ``relative_level("团省委")`` -> ``"省"``; ``relative_level("市中区人民医院")`` -> None (市中区 is a place)."""
    alias = aliases().get(name)
    if alias:
        found = PLACEHOLDER.search(alias["canonical"]) if alias["context"] == "place" else None
        return found.group(1) if found else None
    if name[:1] in LEVELS and not (_place_names_in(name)[:1] and _place_names_in(name)[0][0] == 0):
        return name[0]
    return None


def _full_place(place: str, level: str) -> str:
    """浙江 + 省 -> 浙江省, 广西 + 区 -> 广西壮族自治区: a short form's full name when it ends with the level."""
    if place.endswith(level):
        return place
    full = [row["name"] for row in _gazetteer()[0].get(place, ()) if row["short"] == place]
    return full[0] if len(full) == 1 and full[0].endswith(level) else place + level


def _with_city(district: str, place: dict | None) -> str:
    """A district written without its city gets it (江岸区 -> 武汉市江岸区), as relative 区 bodies do, when the
    gazetteer (or the document's place, for 鼓楼区) says which city it is in."""
    rows = [row for row in _gazetteer()[0].get(district, ()) if row["level"] == "county"]
    if place is not None and len(rows) > 1:
        rows = [row for row in rows if row["adcode"].startswith(_prefix(place)[:4] if place["level"] != "province"
                                                                  else _prefix(place))]
    if len(rows) != 1:
        return district
    city = _ancestors(rows[0])[1]
    return city["name"] + district if city and city["name"].endswith("市") else district


def _committee_name(name: str, document: dict | None = None) -> str | None:
    """The real name of a Party or League committee written short: 团浙江省委 / 共青团浙江省委 / 浙江团省委 /
    杭州市团委 -> 共青团浙江省委员会 …; 湖北省委 / 中共湖北省委 -> 中共湖北省委员会. None if not one."""
    match = COMMITTEE.match(name)
    if not match:
        return None
    place, level = match["place"], match["level"]
    if not level:
        if not (match["league"] and len(place) >= 2 and place[-1] in LEVELS + "州"):
            return None
        place, level = place[:-1], place[-1]
    if not place:
        return None
    league = match["league"] or match["prefix"] in ("团", "共青团")
    full = _full_place(place, level)
    if level == "区":
        full = _with_city(full, document)
    return ("共青团" if league else "中共") + full + "委员会"


def canonical_name(name: str, *, context_province: str | None = None) -> str:
    """The canonical form: ``canonical_name("团中央")`` -> ``"共青团中央"``;
    ``canonical_name("团省委", context_province="浙江")`` -> ``"共青团浙江省委员会"``.
    ``context_province`` is the document's place (see ``document_place``)."""
    place = place_of(context_province) if context_province else None
    alias = aliases().get(name)
    if alias:
        if alias["context"] == "university":
            return name
        return _fill(alias["canonical"], place) or name
    level = relative_level(name)
    if level:
        at = place_at_level(place, level)
        if at is None:
            return name
        name = at + name[1:]
    for prefix in sorted(aliases(), key=len, reverse=True):  # 华山医院援鄂医疗队 -> 复旦大学附属华山医院…
        row, rest = aliases()[prefix], name[len(prefix):]
        if name.startswith(prefix) and "{" not in row["canonical"] and rest and _unit_suffix(rest):
            return row["canonical"] + rest
    if _is_ministry(name):
        return name if name.startswith("中华人民共和国") else "中华人民共和国" + name
    committee = _committee_name(name, place)
    if committee:
        return committee
    for pattern, replacement in rewrites():
        if pattern.match(name):
            return pattern.sub(replacement, name)
    return name


def _unit_suffix(name: str) -> bool:
    suffix = _suffix_of(name)
    return bool(suffix) and suffixes()[suffix]["scope"] == "unit"


@lru_cache(maxsize=None)
def _alias_by_canonical() -> dict[str, dict]:
    table: dict[str, dict] = {}
    for row in aliases().values():
        table.setdefault(row["canonical"], row)
    return table


def is_central(name: str) -> bool:
    """A national body (团中央, 国务院, 国家卫生健康委员会, 全国青联 …), named as written or canonically:
    it has no province, wherever it is mentioned.

    >>> is_central("中华人民共和国国务院"), is_central("全国青联"), is_central("共青团浙江省委员会")
    (True, True, False)
    """
    if _is_ministry(name):
        return True
    row = aliases().get(name) or _alias_by_canonical().get(name) or known_bodies().get(name) or {}
    if row.get("level"):
        return row["level"] == "central"
    return name.startswith(CENTRAL_PREFIXES) and locate_institution(name) is None


def _relative_province(place: dict | None, level: str) -> str | None:
    """The province of a relative body: the document's, unless a 省 body sits in a municipality's document."""
    if place is None or (level == "省" and place_at_level(place, "省") is None):
        return None
    return place["province"]


def _province_of(name: str, text: str, start: int, place: dict | None, earlier: list[dict]) -> str | None:
    """From the name itself; an ambiguous place in it (西湖区: 浙江 or 江西) settled by the document's place
    or the last body found before it; for a relative body, the document's place; else, unless the body is
    central, a place just left of it in the same clause."""
    province = locate_institution(name)
    if province is not None:
        return province
    level = relative_level(name)
    if level:
        return _relative_province(place, level)
    located = _places_in(name)
    if located:
        settled = [place["province"]] if place else []
        settled += [row["province"] for row in reversed(earlier) if row["province"]][:1]
        return next((province for province in settled if province in located[0][1]), None)
    return None if is_central(name) else _context_province(text, start)


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


def _context_province(text: str, start: int) -> str | None:
    """A place just left of a mention in the same clause (宁夏石嘴山市惠农区西部计划志愿者 …)."""
    left = start
    while left > 0 and start - left < 12 and text[left - 1] not in BOUNDARY:
        left -= 1
    return _province_from_places(_places_in(text[left:start]))


def _simplified(text: str) -> str:
    """The simplified view of a traditional-character text (same length), else the text itself."""
    return clean.simplified_view(text) if text and clean.detect_script(text) == "traditional" else text


def extract_institutions(text: str, *, context_province: str | None = None) -> pd.DataFrame:
    """Institution mentions in ``text``, sorted by start.

    Columns: name (as written), canonical, start, end, type, province (short name or None), parent
    (the canonical name of the body a department or team belongs to). ``context_province`` is the
    document's place (``document_place``: 上海, 浙江, 杭州市西湖区 …), which relative bodies such as 市委,
    团省委 or 区卫健委 belong to. A traditional-character text is read through its simplified view
    (``clean.simplified_view``, same length): ``name`` stays as written, the other columns are simplified.

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

def _dominant(keys: list[str]) -> str | None:
    """The key named more often than any other, in at least half of ``keys``, and at least twice unless it is
    the only one."""
    counts = sorted(Counter(keys).items(), key=lambda item: (-item[1], item[0]))
    if not counts:
        return None
    (top, count), second = counts[0], counts[1][1] if len(counts) > 1 else 0
    return top if (count >= 2 or len(counts) == 1) and count > second and 2 * count >= len(keys) else None


def _unique(rows: list[dict], key) -> str | None:
    keys = {key(row) for row in rows}
    return keys.pop() if len(keys) == 1 and None not in keys else None


def _dominant_place(text: str, levels: set[str]) -> dict | None:
    """The province named most in ``text``; within it the city, then the district or county named most,
    as far down as the document's relative bodies (``levels``) need."""
    by_name, by_code = _gazetteer()
    written = [by_name[name] for _, name in _place_names_in(text)]
    province = _dominant([key for rows in written if (key := _unique(rows, lambda r: r["province"]))])
    if province is None:
        return None
    finest = by_code[province]
    inside = [[r for r in rows if r["province"] == province and r["level"] in ("prefecture", "county")]
              for rows in written]
    if levels - {"省"} and not finest["name"].endswith("市"):  # a city: a prefecture or a county-level city
        def city(row):
            return row["adcode"] if row["name"].endswith("市") and row["level"] == "county" else row["adcode"][:4] + "00"
        code = _dominant([key for rows in inside if rows and (key := _unique(rows, city))])
        finest = by_code.get(code, finest)
    if levels & {"区", "县"} and finest["level"] != "county":
        within = _prefix(finest)
        code = _dominant([key for rows in inside if (key := _unique(
            [r for r in rows if r["level"] == "county" and r["adcode"].startswith(within)], lambda r: r["adcode"]))])
        finest = by_code.get(code, finest)
    return finest


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


def institution_level(canonical: str, province: str | None = None) -> str:
    """central for national bodies (党中央, 国务院, 团中央 …), international, else local."""
    alias = _alias_by_canonical().get(canonical)
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
