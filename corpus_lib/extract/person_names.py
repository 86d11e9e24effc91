"""Person names in a paragraph: cue-led names, bylines and credit lines, and paragraph leads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons.names import (
    HAN,
    NAME_DOTS,
    common_words,
    name_cues,
    press_roles,
    roles,
    surnames,
)
from ..lexicons.places import places
from .cohorts import CLOSE_QUOTE, find_cohorts

AGE_BEFORE = re.compile(r"岁的(?P<described>[^，。；！？、]{0,10})$")


CLOSE_QUOTES = CLOSE_QUOTE + "」』"


COHORT_BEFORE = re.compile(r"(?:名|位|的)(?:[0-9０-９]{2}|[一二三四五六七八九零〇]{2})[后後]$")


WEAK_BREAK = "，。；：！？“、（）()：,;!?\n"


def _left_kind(text: str, i: int) -> str | None:
    """``strong``/``weak`` if a name may start at ``i``, else None.

    >>> _left_kind("团委书记张笑予", 4), _left_kind("对青年一代的关心", 6)
    ('strong', 'weak')
    """
    if i > 0 and text[i - 1] in CLOSE_QUOTES:  # ” and the 」』 of Hong Kong and Taiwan texts
        return "strong"
    if i > 1 and text[i - 1] in " \u3000" and _ends_with_role(text, i - 1):
        return "strong"
    if i and text[i - 1] in "后後" and COHORT_BEFORE.search(text, max(0, i - 8), i):  # 另一名90后|王力
        return "strong"
    kinds = [kind for cue, kind in _before_cues_ending_in().get(text[i - 1], ()) if i and text.endswith(cue, 0, i)]
    if "strong" in kinds:
        return "strong"
    aged = AGE_BEFORE.search(text, max(0, i - 16), i) if "岁" in text[max(0, i - 16):i] else None
    if aged and (not aged["described"] or any(m.end() == len(aged["described"])  # 23岁的|李想, 27岁的返乡青年|覃志强
                                              for m in roles()[1].finditer(aged["described"]))):
        return "strong"
    if i == 0 or text[i - 1] in WEAK_BREAK:
        return "weak"
    return "weak" if kinds else None


def _introduces(text: str, i: int) -> bool:
    """Whether what ends at ``i`` introduces a person by itself, with no speech verb after the name: a role
    (护士|, 书记 |), an age (23岁的|, 27岁的返乡青年|), a cohort (另一名90后|) or 联系人：. A body's name
    (…大学|) does not: 广西大学毕业后 is no person."""
    aged = "岁" in text[max(0, i - 16):i] and AGE_BEFORE.search(text, max(0, i - 16), i)
    return (_ends_with_role(text, i) or (text[i - 1] in " \u3000" and _ends_with_role(text, i - 1))
            or bool(aged) or bool(COHORT_BEFORE.search(text, max(0, i - 8), i))
            or text.endswith(("联系人：", "联系人:"), 0, i))


@lru_cache(maxsize=None)
def _role_end() -> tuple[re.Pattern, int]:
    rows, _ = roles()
    surfaces = sorted(rows, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, surfaces)) + ")$"), max(map(len, surfaces))


def _ends_with_role(text: str, j: int) -> bool:
    """Whether a strong role ends at ``j`` (书记|, 医生|); a blocking row ends none (总书记|殷殷嘱托)."""
    pattern, longest = _role_end()
    found = pattern.search(text, max(0, j - longest), j) if j > 0 else None
    row = roles()[0].get(found.group()) if found else None
    return bool(row and row["role"] and not row["weak"])


@lru_cache(maxsize=None)
def _before_cues_ending_in() -> dict[str, tuple[tuple[str, str], ...]]:
    """The "before" cues by their last character: only those can end where a name starts."""
    table: dict[str, list] = {}
    for cue, kind in name_cues()[0].items():
        table.setdefault(cue[-1], []).append((cue, kind))
    return {last: tuple(cues) for last, cues in table.items()}


@lru_cache(maxsize=None)
def _start_marks() -> re.Pattern:
    """The characters a name can follow: a break, a closing quote, or the last character of a "before" cue."""
    marks = set(WEAK_BREAK) | set(CLOSE_QUOTES) | {" ", "\u3000", "后", "後"} | set(_before_cues_ending_in())
    return re.compile("[" + "".join(map(re.escape, sorted(marks))) + "]")


def _possible_starts(text: str) -> list[int]:
    """Every place ``_left_kind`` can accept (a superset), in order: name starts are looked for only there."""
    return [i for i in [0] + [m.end() for m in _start_marks().finditer(text)] if i < len(text) - 1]


def _starts_with_function_word(candidate: str) -> bool:
    """应该|做, 毕业|后: the first two characters are a verb, adverb, conjunction … (not a noun or place,
    which a surname and a given name can spell: 黎国|强)."""
    return common_words().get(candidate[:2], "n")[0] in "vdcpartmfuzil"


# characters that begin the words right after a name (说, 是, 今年, 每天, 告诉 …): a three-character
# candidate ending in one is a two-character name and its follower (张华今|年 -> 张华)
FOLLOWER_START = frozenset("说是在和与的了也都就便则等今每告带负正已曾还又从来向对为被把将跟给让一同笑坦称认表介回作通毕当出代亦主")


def _free_name(text: str, i: int) -> int | None:
    """End of a name at ``i`` that needs no cue after it (its left cue is strong): three characters (most
    Chinese names have three) unless the third begins the words after a name (张华今|年, 韩东每|天), else two."""
    for length in (3, 2):
        end = i + length
        if not _name_like(text, i, length) or _starts_with_function_word(text[i:end]):
            continue
        if (length == 3 and text[end - 1] in FOLLOWER_START) or text[i:i + 2] in places():
            continue  # 张华今|年; 武汉|理工大学 starts a place, not a name
        return end
    return None


def _right_cue(text: str, j: int) -> str | None:
    return next((cue for cue in name_cues()[1] if text.startswith(cue, j)), None)


HAN_RUN = re.compile(f"[{HAN}]+")


@lru_cache(maxsize=None)
def _inner_cues() -> tuple[re.Pattern, int]:
    """The "after" cues that may not begin inside a name (张云|表示), as one pattern, and the longest."""
    after = name_cues()[1]
    cues = [cue for cue in after if len(cue) > 1 or after[cue] == "speech"]
    return re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True)))), max(map(len, cues))


def _plain_name(text: str, i: int, length: int) -> bool:
    """2-4 Han characters, a surname first, no role or cohort inside, no cue inside (张云|表示)."""
    candidate = text[i:i + length]
    singles, compounds = surnames()
    if len(candidate) < length or not (candidate[0] in singles or candidate.startswith(compounds)):
        return False
    if not HAN_RUN.fullmatch(candidate) or (length == 4 and candidate[-1] in FOLLOWER_START):  # 邓可欣便|是
        return False
    pattern, longest = _inner_cues()
    inner = pattern.search(text, i + 2, i + length + longest)
    if inner and inner.start() < i + length:
        return False
    return not roles()[1].search(candidate) and not find_cohorts(candidate)


def _name_like(text: str, i: int, length: int) -> bool:
    """``_plain_name`` and not a common word (a name that no cue vouches for must be both)."""
    return _plain_name(text, i, length) and text[i:i + length] not in common_words()


def _dotted_end(text: str, i: int) -> int | None:
    """End of a ``·`` name starting at ``i`` (阿迪力·阿不力米提表示 -> before 表示), or None."""
    match = re.match(f"[{HAN}]{{2,6}}[{NAME_DOTS}][{HAN}]{{2,8}}", text[i:])
    if not match:
        return None
    head = len(re.split(f"[{NAME_DOTS}]", match.group())[0])
    return next((end for end in range(i + match.end(), i + head + 2, -1) if _right_cue(text, end)), None)


def _candidate(text: str, i: int) -> tuple[int, str, str] | None:
    """``(end, left kind, right cue)`` of a name candidate at ``i``; 3, then 2, then 4 characters."""
    left = _left_kind(text, i)
    if left is None:
        return None
    end = _dotted_end(text, i)
    if end is None:
        end = next((i + n for n in (3, 2, 4) if _plain_name(text, i, n) and _right_cue(text, i + n)
                    and not _starts_with_function_word(text[i:i + n])
                    and (left == "strong" or text[i:i + n] not in common_words())), None)
    if end is None and left == "strong" and _introduces(text, i):  # 护士张华（左一）, 骑手韩东每天…, 联系人：马丽，
        end = _free_name(text, i)
        return (end, left, _right_cue(text, end) or "") if end else None
    return (end, left, _right_cue(text, end)) if end else None


def _ends_in_speech(text: str, j: int) -> bool:
    """After ``等``: an optional role, then a speech cue (陈世杰、乔瑞娟|等团干表示)."""
    rest = text[j + 1:]
    role = roles()[1].match(rest)
    rest = rest[role.end():] if role else rest
    return any(rest.startswith(cue) for cue, kind in name_cues()[1].items() if kind == "speech")


def _accepted(text: str, candidates: list) -> list[bool]:
    kinds = name_cues()[1]
    ok = [kinds.get(cue) in ("speech", "link") or (left == "strong" and cue != "、") for _, _, left, cue in candidates]
    # a list of names joined by 、 stands or falls with its last member
    for k in range(len(candidates) - 1, -1, -1):
        start, end, left, cue = candidates[k]
        if cue == "等" and _ends_in_speech(text, end):
            ok[k] = True
        if cue == "、" and k + 1 < len(candidates) and candidates[k + 1][0] == end + 1 and ok[k + 1]:
            ok[k] = True
    return ok


def find_names(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, right cue)`` for person names in one paragraph.

    >>> [n[2] for n in find_names("云南省昆明市五华区疾控中心团员方飞燕、杨丽红表示，感谢总书记")]
    ['方飞燕', '杨丽红']
    """
    candidates, resume = [], 0
    for i in _possible_starts(text):
        if i < resume:
            continue
        found = _candidate(text, i)
        if found:
            end, left, cue = found
            candidates.append((i, end, left, cue))
            resume = end
    keep = _accepted(text, candidates)
    return [(s, e, text[s:e], cue) for (s, e, _, cue), k in zip(candidates, keep) if k]


# Credits of one character (文, 图) need a separator, read by the combined forms (文/图) and NAME_TAIL (某某/摄).
PRESS_ROLE = re.compile(r"(?:^|(?<=[\s（(：:【】/|报社台网刊电]))(?P<role>"
                        + "|".join(re.escape(credit) for credit in press_roles() if len(credit) > 1) + r")[\s：:]*")


NAME_TAIL = re.compile(r"/(?P<what>文|摄|图)")  # 何嘉敏/文  梁志伟/摄


ORG_END = frozenset("部处办科室社台站局厅院校队组委")  # 宣传部 is a department, not a name


BYLINE_END = re.compile(r"[\s）)/|]|摄|报道|$")


LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[●■◆▲•·])?\s*")


def _byline_name(text: str, i: int) -> int | None:
    """End of a name at ``i`` in a byline: surname, one or two more characters, then a space, a bracket,
    ``/``, 摄 or the end (记者 孙立群 通讯员 黄佳)."""
    for length in (3, 2):
        end = i + length
        if _name_like(text, i, length) and text[end - 1] not in ORG_END \
                and BYLINE_END.match(text, end):
            return end
    return None


def find_bylines(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, press role)`` for the journalists, photographers, correspondents and editors a
    byline or credit line names: 本报记者 张三, （记者 李四 通讯员 王五）, 新华社记者 王军 摄, 编辑：周婷,
    何嘉敏/文, 文/图：宣传部 孔令辉. They are press, never quoted voices.

    >>> [(n, r) for _, _, n, r in find_bylines("（记者 孙立群 通讯员 黄佳）")]
    [('孙立群', '记者'), ('黄佳', '通讯员')]
    >>> [(n, r) for _, _, n, r in find_bylines("新华社记者 王军 摄")]
    [('王军', '摄影')]
    """
    found = []
    for match in PRESS_ROLE.finditer(text):
        role, i = press_roles()[match["role"]], match.end()
        if match["role"] in ("文/图", "图/文"):  # 文/图：宣传部 孔令辉: a department may come first
            skip = re.match(r"[^\s：:]{1,10}\s+", text[i:])
            i += skip.end() if skip and not _byline_name(text, i) else 0
        while i < len(text) and (end := _byline_name(text, i)):
            after = re.match(r"\s*摄", text[end:])
            found.append((i, end, text[i:end], "摄影" if after else role))
            gap = re.match(r"[\s、，,]+", text[end:])
            i = end + (gap.end() if gap else 0)
            if not gap:
                break
    for match in NAME_TAIL.finditer(text):
        start = next((match.start() - n for n in (3, 2) if match.start() - n >= 0
                      and (match.start() - n == 0 or not re.match(f"[{HAN}]", text[match.start() - n - 1]))
                      and _byline_name(text, match.start() - n) == match.start()), None)
        if start is not None:
            found.append((start, match.start(), text[start:match.start()], "记者" if match["what"] == "文" else "摄影"))
    return sorted(set(found))


def _lead_name(paragraph: str) -> list[tuple[int, int, str, str]]:
    """People who open a paragraph or list item and are described next: 陈晨，24岁，…护士 / 许晨阳（…护士）
    / 刘洋和赵敏，上海支援湖北的护士 / 余梦婷：… (an interview's answer)."""
    i, found = LIST_MARK.match(paragraph).end(), []
    while True:
        end = next((i + n for n in (3, 2) if _name_like(paragraph, i, n) and i + n < len(paragraph)
                    and paragraph[i + n] in "，（(：和与、"), None)
        if end is None:
            return []
        found.append((i, end, paragraph[i:end]))
        if paragraph[end] not in "和与、" or len(found) == 3:
            break
        i = end + 1
    mark = paragraph[end]
    clause = re.split("[。；！？]", paragraph[end + 1:])[0]
    described = AGE.search(clause) or roles()[1].search(clause) or BODY_HINT.search(clause) or find_cohorts(clause)
    if (mark == "：" and len(found) == 1) or (mark in "，（(" and described):
        return [(start, stop, name, "，" if mark != "：" else "：") for start, stop, name in found]
    return []


AGE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})岁")


BODY_HINT = re.compile(r"大学|学院|医院|中学|小学|学校|公司|集团|中心|委员会|团委|研究所|研究院|局|站|队|协会|银行|报社")
