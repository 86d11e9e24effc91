"""A person's stated cohort: only where the text says this person belongs to it.

The shapes news and profiles use, each read with the one cohort pattern (``cohorts.cohort_alternation``, from
``data/cohort_variants.csv``):

- **before the name, in its clause**: ``95后新农人步某某``, ``“00后”小花左某``, ``00后赛艇女子…中国运动员邹某某``
  (the cohort goes to the first name after it, never across another name, nor through ``的父母`` or ``的老师``);
- **right after the name**: ``张某，一名90后的帅小伙``, ``孙某是一个标准的90後``, ``周某，…医院医师，90后共产党员``;
- **in what the person says of themselves**: ``作为一名95后``, ``这名90后说``, ``我们00后``, ``我是大家常说的‘零零后’``;
- **for a group**: ``顾某、高某、郑某，他们有一个共同的身份——90后``, ``两人都是“95后”``, ``许某和她的同伴都是90后``,
  and a count then the people it counts: ``两位“90后”的新农人，一位是…宁某某，一位是…李某某``;
- **through a pronoun or a demonstrative**: ``她和另一名90后``, ``像她这样的90后``, ``这个95后姑娘`` (the person
  named last before it in the paragraph, else the next one), ``像覃某这样的90后``.

Talking *about* a cohort (``要教育影响更多的00后、10后``, ``让90后、00后认识到``) states nobody's.

>>> cohort_before("辞职前，80后大学生张卫是厦门的一名白领", 10, 0)
('80后', '80后大学生')
>>> cohort_after("急诊团总支副书记张伟，一名90后的帅小伙，在出发时", 10)
('90后', '，一名90后')
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons.calendar import cn_number
from ..lexicons.names import HAN
from .cohorts import cohort_alternation, find_cohorts

CLAUSE_BREAK = "，。；！？：\n,;!?"
SENTENCE_BREAK = "。；！？\n;!?"
MAX_DESCRIPTION = 30  # characters between a cohort word and the name it describes
# 90后的父母 / 00后的老师 are not 90后 or 00后 themselves
NOT_THE_COHORT = re.compile(r"^[”」’\"']?的(?:父母|父亲|母亲|爸爸|妈妈|爷爷|奶奶|外公|外婆|家长|老师|长辈|孩子们的)")
COUNTS = {"两": 2, "二": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    c = cohort_alternation()
    q = r"[“\"‘「『]?"
    return {
        "after": re.compile(rf"(?:[，,]\s*)?(?:也|就|还)?(?:是)?[^，。；！？“”]{{0,12}}?(?:一名|一位|一个|个|的|，|,){q}({c})"
                            rf"|[（(，,]\s*{q}({c})"),
        "self": re.compile(rf"(?:作为|身为)(?:一名|一位|一个)?[^，。；！？“”]*?{q}({c})"
                           rf"|(?:这名|这位|也是|是一名|是一位|我是|我也是){q}({c})|我们{q}({c})"
                           rf"|我[^。；！？“”]{{0,10}}是[^，。；！？]{{0,10}}?{q}({c})"),
        "group": re.compile(rf"(?:他们|她们|大家|都是|均为|同为|都属于|共同的身份)[^。；！？]{{0,16}}?{q}({c})"),
        "pair": re.compile(rf"(?P<n>[两二俩三])(?:人|位)(?:都|均|同)?(?:是|为|属于)[^。；！？]{{0,6}}?{q}(?P<c>{c})"),
        "count": re.compile(rf"(?P<n>[两二俩三四五六七八九十])(?:位|名|个)[^，。；！？]{{0,4}}?{q}(?P<c>{c})"),
        "demonstrative": re.compile(rf"(?:这个|这位|这名|这样一个|这样一位|这样一名|这样的)[^，。；！？“”]{{0,4}}?{q}({c})"),
        "pronoun": re.compile(rf"像?(?P<who>他|她)(?:们)?(?:这样的|和另一名|和另一位|是[^，。；！？]{{0,12}}?){q}(?P<c>{c})"),
        "like_name": re.compile(rf"像(?P<name>[{HAN}]{{2,4}})这样[^，。；！？]{{0,12}}?{q}(?P<c>{c})"),
    }


def _first_cohort(match: re.Match) -> str | None:
    """The cohort a match holds: its group ``c`` when it has one, else its first non-empty group."""
    surface = match.groupdict().get("c") or next((g for g in match.groups() if g), None)
    found = find_cohorts(surface) if surface else []
    return found[0][3] if found else None


def cohort_before(paragraph: str, start: int, floor: int, *, names_between: bool = False) -> tuple[str | None, str | None]:
    """``(cohort, evidence)`` from the cohort word last written before the name at ``start`` in its clause
    (``floor``: where the words that may describe it begin, e.g. after the previous name)."""
    clause = max((paragraph.rfind(mark, floor, start) for mark in CLAUSE_BREAK), default=-1) + 1
    clause = max(clause, floor, start - MAX_DESCRIPTION - 4)
    found = find_cohorts(paragraph[clause:start])
    if not found or names_between:
        return None, None
    _, end, _, cohort = found[-1]
    gap = paragraph[clause + end:start]
    if NOT_THE_COHORT.match(gap) or len(gap) > MAX_DESCRIPTION:
        return None, None
    return cohort, paragraph[clause + found[-1][0]:start]


def cohort_after(paragraph: str, end: int) -> tuple[str | None, str | None]:
    """``(cohort, evidence)`` from an appositive or a 是… right after the name, in its sentence (the pattern is
    matched at ``end``: ``re.match`` with a position anchors there)."""
    match = _patterns()["after"].match(paragraph, end)
    if not match or any(mark in match.group() for mark in SENTENCE_BREAK):
        return None, None
    return _first_cohort(match), match.group()


def cohort_said(span: str) -> tuple[str | None, str | None]:
    """``(cohort, evidence)`` from what is said of (or by) the person: 作为一名95后, 我们00后 …; the first one."""
    hits = list(_patterns()["self"].finditer(span))
    if not hits:
        return None, None
    first = min(hits, key=lambda m: m.start())
    return _first_cohort(first), first.group()


AGE_NUMBER = r"(?P<age>\d{1,3}|[一二三四五六七八九十]{1,3})"
AGE_BEFORE = re.compile(rf"(?:今年|现年|年仅|年近|已经)?{AGE_NUMBER}(?:周)?[岁歲](?:的)?[^，。；！？、“”0-9]{{0,12}}$")
AGE_AFTER = re.compile(rf"(?:[，,（(]\s*)?(?:今年|现年|年仅|已经|才)?{AGE_NUMBER}(?:周)?[岁歲](?![月以之左前后後])")


def age_of(paragraph: str, start: int, end: int, floor: int) -> int | None:
    """The age the text gives the person named at ``start:end``: ``23岁的王某``, ``84岁的钟某某``, ``今年23岁的…王某``
    (in the name's clause, after ``floor``), or ``王某，23岁``, ``王某（23岁）``, ``王某今年23岁``. None without one;
    ages outside 1-120 are not ages (``100岁的老党员`` still is)."""
    clause = max((paragraph.rfind(mark, floor, start) for mark in CLAUSE_BREAK), default=-1) + 1
    found = AGE_BEFORE.search(paragraph, max(clause, floor), start)
    if found is None:
        found = AGE_AFTER.match(paragraph, end)
    if found is None:
        return None
    age = cn_number(found["age"])
    return age if 1 <= age <= 120 else None


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(mark, 0, position) for mark in SENTENCE_BREAK) + 1
    ends = [i for i in (text.find(mark, position) for mark in SENTENCE_BREAK) if i >= 0]
    return start, min(ends, default=len(text))


JOINED = re.compile(r"^(?:和|与|及|同|跟)[^，。；！？,;!?]{1,10}?(?:都|均|同)")


def _joined_to_others(text: str, end: int, group: int) -> bool:
    """The name that ends at ``end`` is joined by 和/与 to others the group word at ``group`` takes in
    (许某和她的同伴都是90后, 王某与队友们均为95后)."""
    return bool(JOINED.match(text[end:group + 2]))


def referred_cohorts(text: str, named: list[tuple[int, int, str]]) -> list[tuple[str, str, str]]:
    """``(name, cohort, evidence)`` for cohorts stated of a group, through a count, a pronoun, a demonstrative
    or a comparison (see the module docstring). ``named``: ``(start, end, name)`` of every person mention of
    the document (not press), sorted."""
    found = []
    patterns = _patterns()
    for match in patterns["group"].finditer(text):
        start, _ = _sentence_bounds(text, match.start())
        inside = [(s, e, name) for s, e, name in named if start <= s and e <= match.start()]
        members = [name for _, _, name in inside]
        if len(members) == 1 and _joined_to_others(text, inside[0][1], match.start()):
            found.append((members[0], _first_cohort(match), match.group()))  # 许某和她的同伴都是90后
        if len(members) >= 2:
            found += [(name, _first_cohort(match), match.group()) for name in members]
    for match in patterns["count"].finditer(text):  # 两位“90后”的新农人，一位是…宁某某，一位是…李某某
        _, first_end = _sentence_bounds(text, match.end())
        _, next_end = _sentence_bounds(text, min(len(text), first_end + 1))
        counted = COUNTS[match["n"]]
        following = [name for s, e, name in named if match.end() <= s and e <= next_end][:counted]
        if len(following) == counted:
            found += [(name, find_cohorts(match["c"])[0][3], match.group()) for name in following]
    for match in patterns["pair"].finditer(text):  # 两人都是“95后”: the last two people named before, in the paragraph
        paragraph_start = text.rfind("\n", 0, match.start()) + 1
        before = list(dict.fromkeys(name for s, e, name in named if paragraph_start <= s and e <= match.start()))
        counted = COUNTS[match["n"]]
        if len(before) >= counted:
            found += [(name, find_cohorts(match["c"])[0][3], match.group()) for name in before[-counted:]]
    for key in ("pronoun", "demonstrative"):
        for match in patterns[key].finditer(text):
            paragraph_start = text.rfind("\n", 0, match.start()) + 1
            before = [name for s, e, name in named if paragraph_start <= s and e <= match.start()]
            after = [name for s, e, name in named if s >= match.end()][:1] if key == "demonstrative" else []
            who = before[-1:] or after
            if who:
                found.append((who[0], _first_cohort(match), match.group()))
    known = {name for _, _, name in named}
    for match in patterns["like_name"].finditer(text):
        if match["name"] in known:
            found.append((match["name"], find_cohorts(match["c"])[0][3], match.group()))
    return [row for row in found if row[1]]
