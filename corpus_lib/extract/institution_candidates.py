"""Institution candidates: every span of a text that may name a body, with the rule that proposed it and the
evidence for it (``Candidate``, a ``spans.Mention``). ``institutions`` scores and selects them.

Rules (the ``rule`` column of the mentions table):
- ``suffix``: a suffix (大学, 医院, 团委, 市委 …, ``data/institution_suffixes.csv``) with the name parts left of
  it: gazetteer places, name words, ordinals, brackets, bodies found before, a bare 省/市/区/县 (the
  document's own place), and short runs of other characters (a brand: 黄河中药) next to one of those;
- ``alias``, ``known``, ``ministry``: a name matched as written (aliases, known bodies, media outlets and
  companies, central ministries).

>>> [(c.text, c.rule) for c in find_candidates("山西医科大学第一医院") if c.rule == "suffix"][-1]
('山西医科大学第一医院', 'suffix')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons.dictionary import dictionary_entry
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
from ..lexicons.places import institution_places
from .institution_names import BOUNDARY, LEVELS
from .spans import Mention, resolve_overlaps

MAX_BRAND = 10       # longest run of unknown characters accepted inside a name (青少年社会工作服务)
CJK = re.compile(r"[\u3400-\u9fff]")
BRAND_STOP = set("的是在了着对把被为从向给及说等各该其这那此我你他她它们一名位个有也将要而并或还又、，。；：！？“”‘’《》（）()「」…—·\n\r\t ")
ORDINAL = re.compile(r"(?:第[〇一二三四五六七八九十百零两\d]+[批届]?|首批)$")
GRADE = re.compile(r"(?:\d{4}|\d{2})级$")
# A relative body (省青少年发展基金会) may follow a clause boundary or one of these function characters.
RELATIVE_BEFORE = set("由在向和与及的经为对将把被从给同到至并暨即是据")
PREFIXES = ("共青团", "中共", "团")


@dataclass(frozen=True)
class Candidate(Mention):
    """A span that may name a body: ``suffix`` ends it (None for a name matched as written); ``relative``: it
    begins with a bare 省/市/区/县 (the document's own place); ``exact``: matched as written."""

    suffix: str | None = None
    relative: bool = False
    exact: bool = False
    parts: tuple[tuple[str, str], ...] = ()   # (kind, text) left to right, the head (suffix, alias …) last
    kind: str | None = None                    # a type the rule decides (media for a 来源 line), else None


def _candidate(text: str, start: int, end: int, rule: str, parts, **flags) -> Candidate:
    parts = tuple(parts)
    evidence = tuple(f"{PART_LABELS.get(kind, kind)} {piece}" for kind, piece in parts)
    return Candidate(start, end, text[start:end], "institution", rule, evidence, parts=parts, **flags)


# ---------------------------------------------------------------- name parts left of a suffix

def _link_ending(text: str, q: int) -> str | None:
    """The link word (联合) that ends at ``q``, if any."""
    return next((word for word in link_words() if text.startswith(word, q - len(word)) and q >= len(word)), None)


def _longest_ending(text: str, q: int, table, longest: int) -> str | None:
    for length in range(min(longest, q), 1, -1):
        if text[q - length:q] in table:
            return text[q - length:q]
    return None


def _item_ending(text: str, q: int, ends: dict[int, int]) -> tuple[int, str] | None:
    """The name part that ends at ``q``: (its start, kind), kind in candidate/place/strong/weak/town/ordinal/
    bracket."""
    if q in ends:
        return ends[q], "candidate"
    place_max, word_max = _max_lengths()
    place = _longest_ending(text, q, institution_places(), place_max)
    if place and place[0] in "和与及" and _suffix_of(text[max(0, q - len(place) - 8):q - len(place)]):
        place = None  # 县人社局和县住建局: 和 joins two bodies here, it does not begin 和县
    word = _longest_ending(text, q, name_words(), word_max)
    if place and (not word or len(place) >= len(word)):
        return q - len(place), "place"
    if word:
        return q - len(word), name_words()[word]
    town = _town_ending(text, q, ends)
    if town is not None:
        return town, "town"
    for pattern in (ORDINAL, GRADE):
        match = pattern.search(text, max(0, q - 8), q)
        if match:
            return match.start(), "ordinal"
    if q and text[q - 1] in "）)":
        opening = max(text.rfind("（", max(0, q - 10), q), text.rfind("(", max(0, q - 10), q))
        inner = text[opening + 1:q - 1]
        if opening >= 0 and inner and not (set(inner) & BRAND_STOP):
            return opening, "bracket"
    return None


NAMING_KINDS = ("candidate", "place", "strong", "town")  # a part of these kinds makes a name; weak ones only join it
PART_LABELS = {"candidate": "body", "place": "place", "strong": "word", "weak": "word", "ordinal": "ordinal",
               "bracket": "bracket", "brand": "name", "bare": "name", "town": "town", "host": "relative"}
# A town's name (籍山镇, 上湖乡) starts after one of these, a clause boundary, a place or a body.
TOWN_BEFORE = BRAND_STOP | RELATIVE_BEFORE | set("于往入")
NOT_TOWN_AFTER = {"乡": "村亲土下愁音情里间镇", "镇": "压定静"}  # 乡村, 镇压: words, not a town


def _stops_before(text: str, start: int, ends: dict[int, int]) -> bool:
    """A name may begin at ``start``: the text, a clause or a function word ends there, or a place or body."""
    return (start == 0 or text[start - 1] in TOWN_BEFORE or not CJK.match(text[start - 1]) or start in ends
            or _longest_ending(text, start, institution_places(), _max_lengths()[0]) is not None
            or _verb_ending(text, start) or _link_ending(text, start) is not None)


def _town_ending(text: str, q: int, ends: dict[int, int]) -> int | None:
    """Start of a township's name ending at ``q`` (two or three characters and 镇 or 乡: 代桥镇, 新场镇)."""
    if q < 3 or text[q - 1] not in "镇乡" or (q < len(text) and text[q] in NOT_TOWN_AFTER[text[q - 1]]):
        return None
    for length in (2, 3):
        start = q - 1 - length
        name = text[start:q - 1]
        if start < 0 or any(ch in TOWN_BEFORE or ch in "镇乡" or not CJK.match(ch) for ch in name):
            return None
        if _has_never_word(name):
            return None
        if _stops_before(text, start, ends):
            return start
    return None


def _brand_ending(text: str, q: int, ends: dict[int, int], *, unit: bool = False, bodies=()) -> int | None:
    """Start of a short run of unknown characters ending at ``q`` with a name part on its left; a run that
    opens with a verb begins no body's name (a unit's may: 医院 + 感染病科)."""
    for length in range(1, min(MAX_BRAND, q) + 1):
        chunk = text[q - length:q]
        if chunk[0] in BRAND_STOP or not CJK.match(chunk[0]) or _has_never_word(text[q - length - 1:q]):
            return None
        if any(text.startswith(word, q - length) and (q - length in ends or len(word) > 1) for word in link_words()):
            return None  # 团县委联合省基金会: two bodies joined by a verb, not one name
        if length > 1 and (q - length + 1 in ends or q - length + 1 in bodies):
            return None  # a run never holds the end of a body (…委员会|转发国家…)
        if chunk[0] in "和与" or chunk[-1] in "和与" or not unit and _opens_with_verb(chunk):
            continue  # 湖北省卫健委|转发|国家卫健委: a verb between two bodies
        if _item_ending(text, q - length, ends) or _is_relative_place(text, q - length):
            return q - length
    return None


def _opens_with_verb(chunk: str) -> bool:
    entry = len(chunk) >= 2 and dictionary_entry(chunk[:2])
    return bool(entry) and entry[1] == "v" and entry[0] >= 300


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


@dataclass
class _Extension:
    start: int
    relative: bool
    parts: list  # (kind, text), left to right


def _extend_left(text: str, q: int, ends: dict[int, int], *, committee: bool,
                 brands: bool = True, unit: bool = False, bodies=()) -> _Extension | None:
    """Walk left from ``q`` over name parts (and runs of unknown characters if ``brands``); None unless a
    part names the body (a place, a strong word, a body found before, the document's own place)."""
    has_name = False
    kind = None
    parts: list[tuple[str, str]] = []
    if committee:  # 委 needs a place ending in 省/市/县/区/州 right before it
        item = _item_ending(text, q, ends)
        if not (item and item[1] == "place" and text[q - 1] in "省市县区州"):
            return None  # (a bare 市委 / 省委 is an alias, found exactly)
        parts.append(("place", text[item[0]:q]))
        (q, kind), has_name = item, True
    while q > 0:
        item = _item_ending(text, q, ends)
        if item:
            parts.append((item[1], text[item[0]:q]))
            q, kind = item
            has_name = has_name or kind in NAMING_KINDS
            continue
        if _is_relative_place(text, q):
            parts.append(("relative", text[q - 1]))
            return _Extension(q - 1, True, parts[::-1])
        brand = _brand_ending(text, q, ends, unit=unit, bodies=bodies) if kind != "place" and brands else None  # 联合 in 团市委联合成都市卫健委 is a verb
        if brand is not None:
            parts.append(("brand", text[brand:q]))
            q, kind = brand, "brand"
            continue
        break
    if not has_name:
        return None
    for prefix in PREFIXES:
        if text.startswith(prefix, q - len(prefix)) and q >= len(prefix):
            parts.append(("prefix", prefix))
            q -= len(prefix)
            break
    return _Extension(q, False, parts[::-1])


GENERIC_PARTS = ("place", "relative", "prefix")
QUANTITY = re.compile(r"^[一二两三四五六七八九十百千几多数\d]+[所家个座支名位批栋幢种类级]")
OPEN_QUOTES, CLOSE_QUOTES = "“「『", "”」』"
# Titles and members written right after a body (市委书记, 团委副书记, 协会会员 …).
ROLES_AFTER = ("书记", "副书记", "主任", "副主任", "主席", "副主席", "会长", "副会长", "院长", "副院长", "校长",
               "副校长", "负责人", "成员", "队员", "志愿者", "老师", "教师", "学生", "员工", "干部", "党员",
               "团员", "工作人员", "部长", "局长", "处长", "队长", "社长", "董事长", "总经理", "经理", "创始人",
               "委员", "常委", "记者", "编辑", "护士", "医生", "副处长", "秘书长", "理事长", "领导")


def _generic(suffix: str, parts: list) -> str | None:
    """Why a candidate is a place and a common noun, not a name (某地学校, 中国农村, 浙江三所大学), or None."""
    generic = suffixes()[suffix]["generic"] == "yes"
    if generic and all(kind in GENERIC_PARTS for kind, _ in parts):
        return "a place and a common noun"
    if generic and all(kind in ("strong", "weak") and piece not in NATIONAL for kind, piece in parts):
        return "name words and a common noun"  # 金融科技公司, 医药集团: a kind of body
    brand = parts[-1][1] if parts and parts[-1][0] == "brand" else ""
    if not brand:
        return None
    if len(brand) == 1 and len(suffix) == 1:
        return "one character before a one-character suffix"
    entry = dictionary_entry(brand)
    if entry and entry[1] == "f":
        return f"{brand} is a direction"  # 深圳北部中心
    if len(brand) == 1 and len(parts) >= 2 and parts[-2][0] == "place" and \
            (dictionary_entry(brand + suffix) or (0, ""))[1] != "nt":
        return "one character between a place and the suffix"  # 常州读大学; not 杭州市中医院
    only = all(kind in GENERIC_PARTS for kind, _ in parts[:-1])  # 中国农村, not 青少年社会工作服务中心
    return _generic_name(brand, suffix, generic and only)


def _generic_name(name: str, suffix: str, generic: bool = True) -> str | None:
    """Why ``name`` + ``suffix`` is a common word rather than a name (农村, 贫困村, 三所大学; 中小学 and
    高等学校 after any suffix), or None."""
    if QUANTITY.match(name):
        return "a quantity"
    entry = dictionary_entry(name + suffix)
    if entry and entry[0] >= 20 and (entry[1] in ("j", "l") or generic and entry[1] not in ("nt", "nz")):
        return f"{name + suffix} is a common word"
    tail = dictionary_entry(name[-1] + suffix) if len(suffix) == 1 else None
    if tail and tail[0] >= 500 and tail[1] not in ("nt", "nz"):
        return f"{name[-1] + suffix} is a common word"  # 大山深处, 发展大局, 回到乡村
    return None


BARE_BEFORE = BOUNDARY | RELATIVE_BEFORE | BRAND_STOP | set("了着说于往入届批最更很较太后驻进—…·「」『』\r\t")
NATIONAL = ("中共中央", "中共", "中央", "中国", "全国", "国家", "共青团", "政治局")  # words that begin a name
VERBAL = frozenset({"v", "vn", "vd", "d", "ad", "p", "c", "r"})
CLASSIFIERS = set("家所个座支批种类名位")


BARE_LONGEST = 8


SHORT_UNIVERSITY = ("工大", "师大", "农大", "医大", "财大", "理工大", "交大", "科大")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*[A-Za-z0-9]$")


def _short_university(text: str, q: int, end: int) -> int | None:
    """Start of a university's short name: one or two characters standing for a place before 工大 / 师大 …
    (浙工大, 哈工大（威海）), after a clause boundary; never the start of a longer word (加工大米)."""
    for length in (1, 2):
        start = q - length
        if start < 0 or not CJK.match(text[start]) or text[start] in BARE_BEFORE:
            return None
        if start == 0 or text[start - 1] in BARE_BEFORE or not CJK.match(text[start - 1]):
            ending = dictionary_entry(text[end - 1:end + 1])
            return None if _crosses_word(text, start, q, edges=(start,)) or ending else start
    return None


def _latin_name(text: str, q: int) -> int | None:
    """Start of a name in Latin letters right before a suffix (Roundtable研究所)."""
    match = LATIN_NAME.search(text, max(0, q - 30), q)
    if match is None or match.end() != q or (match.start() and text[match.start() - 1].isascii()
                                             and text[match.start() - 1].isalnum()):
        return None
    return match.start()


def _bare_name(text: str, q: int, suffix: str) -> int | None:
    """Start of a name of two to eight other characters left of ``q`` that begins after a clause boundary or
    a function word (在荔枝沟小学, 的凹下村, 、海螺小学), or right after a verb (加入东湖新城社区)."""
    if q and text[q - 1].isascii():
        return _latin_name(text, q)
    start = None
    for length in range(1, BARE_LONGEST + 1):
        at = q - length
        if at < 0 or text[at] in BARE_BEFORE or not CJK.match(text[at]):
            break
        if length >= 2 and (at == 0 or text[at - 1] in BARE_BEFORE or not CJK.match(text[at - 1])
                            or _link_ending(text, at) is not None):
            start = at
            break
    else:
        for length in range(BARE_LONGEST, 1, -1):  # no boundary: a name right after a verb
            if _verb_ending(text, q - length):
                start = q - length
                break
    if start is None or _crosses_word(text, start, q, edges=(start,)):
        return None
    name = text[start:q]
    if text[start] in CLASSIFIERS or name in name_words() or _has_never_word(name) or _generic_name(name, suffix):
        return None
    entry = dictionary_entry(name)
    if entry and entry[1] in ("n", "s", "f") and entry[0] >= 2000:
        return None  # 乡村小学, 城市社区: a kind of body, not one
    return None if _verbal(name) else start


def _verbal(name: str) -> bool:
    """A run that is, or begins with, a common verb or adverb of jieba's dictionary (筹建, 配合学校, 帮忙传达,
    曾配合学校): a clause, not a name."""
    for word, least in ((name, 50), (name[:2], 300), (name[1:] if len(name) >= 3 else "", 300)):
        entry = dictionary_entry(word)
        if entry and entry[1] in VERBAL and entry[0] >= least:
            return True
    return False


def _quoted_name(text: str, q: int, end: int) -> int | None:
    """Start of a quoted name that the suffix ending at ``end`` closes (“鸣鹰支教队”), or None."""
    if end >= len(text) or text[end] not in CLOSE_QUOTES:
        return None
    for start in range(q - 1, max(-1, q - 16), -1):
        if text[start] in OPEN_QUOTES:
            return start + 1 if start + 1 < q else None
        if text[start] in "，。；：！？、\n”」』":
            return None
    return None


HOSTS = ("该公司", "本公司", "该校", "学校", "学院", "公司", "集团", "镇", "乡", "局", "校", "院")
HOST_UNITS = ("党委", "团委", "党总支", "团总支", "团支部", "党支部", "工会")


def _host(text: str, q: int, suffix: str) -> str | None:
    """The body a unit belongs to, written as a relative word right before it (镇党委, 公司团委, 校医院)."""
    if suffix not in HOST_UNITS and suffix != "医院":
        return None
    for host in (("校",) if suffix == "医院" else HOSTS):
        start = q - len(host)
        if start >= 0 and text.startswith(host, start) and (
                start == 0 or text[start - 1] in BARE_BEFORE or not CJK.match(text[start - 1])
                or _verb_ending(text, start)):
            return None if _crosses_word(text, start, q, edges=(start,)) else host
    return None


def _verb_ending(text: str, q: int) -> bool:
    """A two-character verb of jieba's dictionary ends at ``q`` (代表|学院党总支, 加入|东湖新城社区)."""
    entry = q >= 2 and dictionary_entry(text[q - 2:q])
    return bool(entry) and entry[1] == "v"


def _crosses_word(text: str, start: int, end: int, *, edges=None) -> bool:
    """A dictionary word other than a body's name runs across the start or the end of ``text[start:end]``
    (香港 across 港大 in 香港大公报, 高等学校 across 学校)."""
    for edge in (start, end) if edges is None else edges:
        for left in range(max(0, edge - 3), edge):
            for right in range(edge + 1, min(len(text), left + 6) + 1):
                entry = (left, right) != (start, end) and dictionary_entry(text[left:right])
                if entry and entry[1] != "nt":
                    return True
    return False


CLAUSE_ENDS = "，。；：！？\n,;:!?"


def _distributive(text: str, q: int) -> bool:
    """The clause opens with 各 (各委、局、公司团委; 各乡镇、学校团组织): every such body, not one."""
    clause = max(text.rfind(mark, 0, q) for mark in CLAUSE_ENDS) + 1
    return text.startswith("各", clause) or text.startswith("各", clause + 1) and not CJK.match(text[clause])


def _fallback(text: str, q: int, end: int, suffix: str) -> tuple[int, str, list[str]] | None:
    """A candidate with no place or name word before its suffix: a quoted name, a unit of a body written as a
    relative word, or a bare name (for suffixes whose ``bare`` is yes): (start, rule, evidence). None in a
    clause that addresses every body of a kind (各…)."""
    if _distributive(text, q):
        return None
    start = _quoted_name(text, q, end)
    if start is not None and text[start:end] not in suffixes():  # “青年突击队” is a suffix, not 青年 + 突击队
        return start, "quoted", [("quoted", text[start:q]), ("suffix", suffix)]
    host = _host(text, q, suffix)
    if host:
        return q - len(host), "relative", [("host", host), ("suffix", suffix)]
    if suffix in SHORT_UNIVERSITY:
        start = _short_university(text, q, end)
        if start is not None:
            return start, "short-name", [("bare", text[start:q]), ("suffix", suffix)]
    if suffixes()[suffix]["bare"] == "yes":
        start = _bare_name(text, q, suffix)
        if start is not None:
            return start, "bare-name", [("bare", text[start:q]), ("suffix", suffix)]
    return None


def _extend_right(text: str, end: int) -> int:
    """Take a campus in brackets after a name: 中国地质大学（北京）."""
    match = re.match(r"[（(]([\u3400-\u9fff]{2,6})[）)]", text[end:end + 10])
    return end + match.end() if match and match.group(1) in institution_places() else end


def _with_head(parts: list, head: str, word: str, *, right: str = "") -> list[tuple[str, str]]:
    return [*parts, (head, word)] + ([("campus", right)] if right else [])


# ---------------------------------------------------------------- the candidates of a text

def _is_government_body(name: str, suffix: str | None) -> bool:
    if suffix is None:
        row = aliases().get(name)
        return bool(row) and row["type"] == "party_government"
    row = suffixes()[suffix]
    return row["type"] == "party_government" and row["scope"] == "body"


def _exact_rule(name: str) -> str:
    if _ministry_pattern().fullmatch(name):
        return "ministry"
    return "alias" if _exact_names().get(name, {}).get("source") in ("alias", "canonical") else "known"


@lru_cache(maxsize=8)  # document_place and extract_institutions read the same document one after the other
def find_candidates(text: str) -> tuple[Candidate, ...]:
    """Every candidate of ``text`` (simplified characters), in the order they were found."""
    found: list[Candidate] = []
    ends: dict[int, int] = {}       # end -> earliest start of a candidate ending there
    not_government: dict[int, int] = {}  # the same without ends of party/government bodies: 市委 does not begin 市委市政府
    government: set[int] = set()

    def add(candidate: Candidate) -> None:
        found.append(candidate)
        if candidate.end not in ends or candidate.start < ends[candidate.end]:
            ends[candidate.end] = candidate.start
        if _is_government_body(candidate.text, candidate.suffix):
            government.add(candidate.end)
            not_government.pop(candidate.end, None)
        elif candidate.end not in government:
            not_government[candidate.end] = ends[candidate.end]

    table = suffixes()
    events = [(m.end(), m.start(), None) for m in _exact_pattern().finditer(text)
              if not _runs_on(text, m.end(), m.group()) and not _glued_unit(text, m.start(), m.group())
              and not _inside_word(text, m.start(), m.end())]
    events += [(m.end(), m.start(), None) for m in _ministry_pattern().finditer(text)]
    for match in _suffix_pattern().finditer(text):
        suffix, start = match.group(1), match.start()
        while suffix and start + len(suffix) < len(text) and text[start + len(suffix)] in table[suffix]["not_before"]:
            # 政府办|公室: the longest shorter suffix that fits (政府), else none
            suffix = max((s for s in table if suffix.startswith(s) and s != suffix), key=len, default=None)
        if suffix:
            events.append((start + len(suffix), start, suffix))
    for end, start, suffix in sorted(events, key=lambda e: (e[0], e[1])):
        if suffix is None:
            name = text[start:end]
            rule = _exact_rule(name)
            add(_candidate(text, start, end, rule, [(rule, name)], exact=True))
            extended = _extend_left(text, start, ends, committee=False, brands=False)  # 北京 + 协和医院
            if extended and extended.start < start and not extended.relative:
                add(_candidate(text, extended.start, end, rule, _with_head(extended.parts, rule, name)))
            continue
        usable = not_government if _is_government_body(suffix, suffix) else ends
        extended = _extend_left(text, start, usable, committee=suffix == "委", unit=table[suffix]["scope"] == "unit",
                                bodies=ends)
        if extended and not _generic(suffix, extended.parts):
            right = _extend_right(text, end)
            rule = "abbreviation" if table[suffix]["full"] else "suffix"
            parts = _with_head(extended.parts, rule, suffix, right=text[end:right])
            add(_candidate(text, extended.start, right, rule, parts, suffix=suffix, relative=extended.relative))
            if extended.parts[0][0] in ("strong", "weak") and extended.parts[0][1] not in NATIONAL \
                    and table[suffix]["bare"] == "yes":
                begin = _bare_name(text, extended.start, suffix)  # 库基生物 + 科技（深圳）有限公司
                if begin is not None:
                    add(_candidate(text, begin, right, "bare-name", [("bare", text[begin:extended.start]), *parts],
                                   suffix=suffix))
        elif extended is None and suffix != "委":
            other = _fallback(text, start, end, suffix)
            if other:
                right = _extend_right(text, end)
                parts = other[2] + ([("campus", text[end:right])] if right > end else [])
                add(_candidate(text, other[0], right, other[1], parts, suffix=suffix))
    spans = [(c.start, c.end) for c in found]
    for start, end, rule, cue in _outlet_cues(text):
        if not any(start <= a and b <= end for a, b in spans) and not _suffix_of(text[start:end]):
            found.append(_candidate(text, start, end, rule, [("cue", cue), ("outlet", text[start:end])], kind="media"))
    return tuple(found)


# ---------------------------------------------------------------- outlets named by the page's credit lines

OUTLET = r"[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff·&]{1,15}?"
OUTLET_CUES = (
    ("source", re.compile(r"((?:来源|稿源)[:：]|(?:本文)?转载?自)\s*(?:微信公众号|公众号)?[:：]?\s*[“「《]?(" + OUTLET
                          + r")(?=[”」》]|[\s,，。;；(（:：|丨/]|$|\d)")),
    ("byline", re.compile(r"(?:^|(?<=[\s·/|丨（(，,：:]))(原)?(" + OUTLET + r")(?=(?:记者|评论员|通讯员|融媒体记者|客户端记者)"
                          r"|讯[\s（(])", re.M)),
)
NOT_OUTLETS = ("本报", "本台", "本刊", "本网", "本站", "网络", "互联网", "网友", "发布时间", "时间", "作者", "编辑", "责任编辑",
               "特约", "首席", "实习", "见习", "资深", "驻站", "全媒体", "融媒体", "文字", "摄影", "图片", "综合", "整理")


def _outlet_cues(text: str):
    """(start, end, rule, cue) of outlets named by a 来源 / 转载自 line or before 记者 / 讯 (澎湃新闻记者 廖瑾)."""
    for rule, pattern in OUTLET_CUES:
        for match in pattern.finditer(text):
            start, end = match.span(2)
            name = text[start:end]
            ending = dictionary_entry(name[-2:])
            if name.startswith(NOT_OUTLETS) or name.endswith(("记者", "编辑")) or _verbal(name) or \
                    ending and ending[1] in VERBAL:
                continue  # 他告诉|记者
            yield start, end, rule, (match.group(1) or "") if rule == "source" else text[end:end + 2]


def _runs_on(text: str, end: int, name: str) -> bool:
    """An exact name that the next character turns into another word (区委 in 社区委员会)."""
    suffix = _suffix_of(name)
    return bool(suffix) and end < len(text) and text[end] in suffixes()[suffix]["not_before"]


LATIN = re.compile(r"[A-Za-z]")


def _inside_word(text: str, start: int, end: int) -> bool:
    """A name matched as written that is part of a longer word: 共青团 in 共青团员, 求是 in 实事求是, WHO in
    WHOLE; a body followed by 员 names a member (中国共产党员)."""
    if LATIN.match(text[start]) and (start and LATIN.match(text[start - 1]) or end < len(text) and LATIN.match(text[end])):
        return True
    if end < len(text) and text[end] == "员" and text[end:end + 2] != "员工":
        return True
    size = end - start
    if size <= 2 and _crosses_word(text, start, end) and not text.startswith(ROLES_AFTER, end):
        return True
    for left in range(max(0, start - 3), start + 1):
        for right in range(end, min(len(text), end + 3) + 1):
            entry = (left, right) != (start, end) and right - left <= size + 3 and dictionary_entry(text[left:right])
            if entry and entry[1] != "nt" and not (left == start and text.startswith(ROLES_AFTER, end)):
                return True  # 北大 in 北大荒; not 国务院 in 国务院办公厅 (a body), nor 市委 in 市委书记 (its secretary)
    return False


def _glued_unit(text: str, start: int, name: str) -> bool:
    """A university's relative unit (校团委) glued to a word before it (高校团委: any university's)."""
    if aliases().get(name, {}).get("context") != "university" or start == 0:
        return False
    before = text[start - 1]
    return bool(CJK.match(before)) and before not in BOUNDARY | RELATIVE_BEFORE and not _suffix_of(text[:start])


# ---------------------------------------------------------------- selection

def _blocked(text: str) -> list[tuple[int, int]]:
    spans = []
    for phrase in not_names():
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    return spans


def select_candidates(found, text: str, *, keep=None) -> list[Candidate]:
    """Keep the longest mentions; drop those inside or crossing a longer one, and those that lie inside a
    non-name or begin within one (市委宣传部 in 直辖市委宣传部). ``keep(candidate)`` -> the candidate (with
    its score) or None: the scoring step, applied first."""
    if keep is not None:
        found = [kept for kept in map(keep, found) if kept is not None]
    blocked: dict[int, int] = {}  # start of a non-name -> its furthest end
    for begin, end in _blocked(text):
        blocked[begin] = max(end, blocked.get(begin, end))
    longest = max(map(len, not_names()), default=0)
    found = [c for c in found if not any(blocked.get(b, -1) > c.start and (b < c.start or blocked[b] >= c.end)
                                         for b in range(max(0, c.start - longest), c.start + 1))]
    exact = {(c.start, c.end) for c in found if c.exact}
    found = [c for c in found if not _two_exact(c, exact)]
    return resolve_overlaps(found)


def _two_exact(candidate: Candidate, exact: set[tuple[int, int]]) -> bool:
    """Two bodies written together (团中央全国青联): the candidate is exactly two names found as written."""
    return not candidate.exact and any((candidate.start, middle) in exact and (middle, candidate.end) in exact
                                       for middle in range(candidate.start + 2, candidate.end - 1))


def _scope(candidate: Candidate) -> str:
    return suffixes()[candidate.suffix]["scope"] if candidate.suffix else "body"


def split_units(candidate: Candidate, by_start: dict[int, list[Candidate]], text: str
                ) -> list[tuple[Candidate, Candidate | None]]:
    """A unit written after its body (武汉大学 + 电气与自动化学院) -> [(body, None), (unit, body)].
    ``by_start``: the candidates by start position."""
    if _scope(candidate) != "unit":
        return [(candidate, None)]
    prefixes = [c for c in by_start.get(candidate.start, ()) if c.end < candidate.end]
    if not prefixes:
        return [(candidate, None)]
    body = max(prefixes, key=lambda c: c.end)
    head = split_units(body, by_start, text)
    parent = head[-1][0]
    kinds = [kind for kind, _ in candidate.parts]
    own = candidate.parts[len(kinds) - kinds[::-1].index("candidate"):] if "candidate" in kinds else candidate.parts[-1:]
    unit = _candidate(text, body.end, candidate.end, candidate.rule, [("unit of", parent.text), *own],
                      suffix=candidate.suffix)
    return head + [(unit, parent)]
