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
    _ministry_pattern,
    _suffix_of,
    _suffix_pattern,
    aliases,
    not_names,
    suffixes,
)
from ..lexicons.names import HAN, press_roles
from .institution_names import BOUNDARY
from .institution_parts import (
    CJK,
    NATIONAL,
    PART_LABELS,
    RELATIVE_BEFORE,
    ROLES_AFTER,
    VERBAL,
    bare_name,
    crosses_word,
    extend_left,
    extend_right,
    fallback,
    generic_phrase,
    verbal,
    with_head,
)
from .spans import Mention, resolve_overlaps


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
            extended = extend_left(text, start, ends, committee=False, brands=False)  # 北京 + 协和医院
            if extended and extended.start < start and not extended.relative:
                add(_candidate(text, extended.start, end, rule, with_head(extended.parts, rule, name)))
            continue
        usable = not_government if _is_government_body(suffix, suffix) else ends
        extended = extend_left(text, start, usable, committee=suffix == "委", unit=table[suffix]["scope"] == "unit",
                                bodies=ends)
        generic = extended is not None and generic_phrase(suffix, extended.parts)
        if extended and not generic:
            right = extend_right(text, end)
            rule = "abbreviation" if table[suffix]["full"] else "suffix"
            parts = with_head(extended.parts, rule, suffix, right=text[end:right])
            add(_candidate(text, extended.start, right, rule, parts, suffix=suffix, relative=extended.relative))
            if extended.parts[0][0] in ("strong", "weak") and extended.parts[0][1] not in NATIONAL \
                    and table[suffix]["bare"] == "yes":
                begin = bare_name(text, extended.start, suffix)  # 库基生物 + 科技（深圳）有限公司
                if begin is not None:
                    add(_candidate(text, begin, right, "bare-name", [("bare", text[begin:extended.start]), *parts],
                                   suffix=suffix))
        elif (extended is None or generic and not extended.relative and extended.parts[-1][0] == "brand") \
                and suffix != "委":
            # no name parts, or a place and one character that make no name (三江 + 路 + 街道): perhaps a name
            # of other characters
            other = fallback(text, start, end, suffix) or _listed(text, start, suffix, ends)
            if other:
                right = extend_right(text, end)
                parts = other[2] + ([("campus", text[end:right])] if right > end else [])
                add(_candidate(text, other[0], right, other[1], parts, suffix=suffix))
    spans = [(c.start, c.end) for c in found]
    for start, end, rule, cue in _outlet_cues(text):
        if not any(start <= a and b <= end for a, b in spans) and not _suffix_of(text[start:end]):
            found.append(_candidate(text, start, end, rule, [("cue", cue), ("outlet", text[start:end])], kind="media"))
    return tuple(found)


def _listed(text: str, q: int, suffix: str, ends: dict[int, int]):
    """A name of other characters before a suffix whose bare names are not trusted alone (局, 总署), in a list
    right after a body (澳门某某局、劳工事务局、民政总署): the list says what it is. (start, rule, evidence) or None."""
    comma = text.rfind("、", max(0, q - LISTED_LONGEST - 1), q)
    if comma < 1 or comma not in ends or not 2 <= q - comma - 1 <= LISTED_LONGEST:
        return None
    start, name = comma + 1, text[comma + 1:q]
    if not CJK_RUN.fullmatch(name) or _suffix_pattern().search(name) or any(c in name for c in "和与及或等各"):
        return None  # another body's name inside (交通局和各区|政府), or not a plain run
    first = dictionary_entry(name[:2])
    if first and first[1] in ("v", "d", "p", "c", "r", "m") and first[0] >= 300:
        return None  # 并|召开…局: a clause (a verbal noun may begin a name: 劳工事务局, 教育局)
    return start, "bare-name", [("listed", "、"), ("bare", name), ("suffix", suffix)]


LISTED_LONGEST = 8
CJK_RUN = re.compile(f"[{HAN}]+")


# ---------------------------------------------------------------- outlets named by the page's credit lines

OUTLET = r"[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff·&]{1,15}?"
SOURCE_CUE = re.compile(r"((?:来源|稿源)[:：]|(?:本文)?转载?自)\s*(?:微信公众号|公众号)?[:：]?\s*[“「《]?(" + OUTLET
                        + r")(?=[”」》]|[\s,，。;；(（:：|丨/]|$|\d)")


@lru_cache(maxsize=None)
def outlet_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """The two ways a page names an outlet: a 来源 / 转载自 line, and an outlet right before a reporter's credit
    (the credits of ``data/press_roles.csv`` that give 记者 or 通讯员, and 评论员) or before 讯."""
    credits = sorted({c for c, role in press_roles().items() if role in ("记者", "通讯员")} | {"评论员"}, key=len, reverse=True)
    byline = re.compile(r"(?:^|(?<=[\s·/|丨（(，,：:]))(原)?(" + OUTLET + r")(?=(?:" + "|".join(map(re.escape, credits))
                        + r")|讯[\s（(])", re.M)
    return (("source", SOURCE_CUE), ("byline", byline))


NOT_OUTLETS = ("本报", "本台", "本刊", "本网", "本站", "网络", "互联网", "网友", "发布时间", "时间", "作者", "编辑", "责任编辑",
               "特约", "首席", "实习", "见习", "资深", "驻站", "全媒体", "融媒体", "文字", "摄影", "图片", "综合", "整理")


def _outlet_cues(text: str):
    """(start, end, rule, cue) of outlets named by a 来源 / 转载自 line or before 记者 / 讯 (澎湃新闻记者 廖瑾)."""
    for rule, pattern in outlet_cues():
        for match in pattern.finditer(text):
            start, end = match.span(2)
            name = text[start:end]
            ending = dictionary_entry(name[-2:])
            if name.startswith(NOT_OUTLETS) or name.endswith(("记者", "编辑")) or verbal(name) or \
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
    if size <= 2 and crosses_word(text, start, end) and not text.startswith(ROLES_AFTER, end):
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
