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
from ..lexicons.places import places
from .institution_names import BOUNDARY, LEVELS
from .spans import Mention, resolve_overlaps

MAX_BRAND = 8        # longest run of unknown characters accepted inside a name (网络安全和信息化)
CJK = re.compile(r"[\u3400-\u9fff]")
BRAND_STOP = set("的是在了着对把被为从向给及说等各该其这那此我你他她它们一名位个有也都就将会要而并或、，。；：！？“”‘’《》（）()「」…—·\n\r\t ")
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


def _candidate(text: str, start: int, end: int, rule: str, evidence, **flags) -> Candidate:
    return Candidate(start, end, text[start:end], "institution", rule, tuple(evidence), **flags)


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
    """The name part that ends at ``q``: (its start, kind), kind in candidate/place/strong/weak/ordinal/bracket."""
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
            return match.start(), "ordinal"
    if q and text[q - 1] in "）)":
        opening = max(text.rfind("（", max(0, q - 10), q), text.rfind("(", max(0, q - 10), q))
        inner = text[opening + 1:q - 1]
        if opening >= 0 and inner and not (set(inner) & BRAND_STOP):
            return opening, "bracket"
    return None


NAMING_KINDS = ("candidate", "place", "strong")  # a part of these kinds makes a name; weak ones only join it
PART_LABELS = {"candidate": "body", "place": "place", "strong": "word", "weak": "word", "ordinal": "ordinal",
               "bracket": "bracket", "brand": "name"}


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


@dataclass
class _Extension:
    start: int
    relative: bool
    parts: list  # (kind, text), left to right


def _extend_left(text: str, q: int, ends: dict[int, int], *, committee: bool,
                 brands: bool = True) -> _Extension | None:
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
        brand = _brand_ending(text, q, ends) if kind != "place" and brands else None  # 联合 in 团市委联合成都市卫健委 is a verb
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


def _extend_right(text: str, end: int) -> int:
    """Take a campus in brackets after a name: 中国地质大学（北京）."""
    match = re.match(r"[（(]([\u3400-\u9fff]{2,6})[）)]", text[end:end + 10])
    return end + match.end() if match and match.group(1) in places() else end


def _evidence(suffix: str, parts: list, *, right: str = "", head: str = "suffix") -> list[str]:
    found = [f"{PART_LABELS.get(kind, kind)} {piece}" for kind, piece in parts]
    return found + [f"{head} {suffix}"] + ([f"campus {right}"] if right else [])


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
            name = text[start:end]
            rule = _exact_rule(name)
            add(_candidate(text, start, end, rule, [f"{rule} {name}"], exact=True))
            extended = _extend_left(text, start, ends, committee=False, brands=False)  # 北京 + 协和医院
            if extended and extended.start < start and not extended.relative:
                add(_candidate(text, extended.start, end, rule, _evidence(name, extended.parts, head=rule)))
            continue
        usable = not_government if _is_government_body(suffix, suffix) else ends
        extended = _extend_left(text, start, usable, committee=suffix == "委")
        if extended:
            right = _extend_right(text, end)
            add(_candidate(text, extended.start, right, "suffix", _evidence(suffix, extended.parts, right=text[end:right]),
                           suffix=suffix, relative=extended.relative))
    return tuple(found)


def _runs_on(text: str, end: int, name: str) -> bool:
    """An exact name that the next character turns into another word (区委 in 社区委员会)."""
    suffix = _suffix_of(name)
    return bool(suffix) and end < len(text) and text[end] in suffixes()[suffix]["not_before"]


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


def select_candidates(found, text: str) -> list[Candidate]:
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
    unit = _candidate(text, body.end, candidate.end, candidate.rule,
                      [f"unit of {parent.text}", f"suffix {candidate.suffix}"], suffix=candidate.suffix)
    return head + [(unit, parent)]
