"""Bylines and credit lines: the journalists, photographers, correspondents and editors a text names as press.

A credit (``data/press_roles.csv``: 记者, 通讯员, 编辑, 文, 图, 审核 …, or an outlet's 记者 such as 澎湃新闻记者)
is followed by a separator (：, 丨, /, a space) and one or more names (separated by 、, ， or spaces) up to the
next credit, a bracket, a semicolon or the end of the line: ``记者 陈某 通讯员 桑某 包某``, ``文字丨杜某 审校丨李某``,
``（文/张某；图/刘某、李某）``, ``文、摄影:吴某|图表制作:某某``, ``编丨May`` (a name in Latin letters is taken whole:
``摄影：Kevin Frayer``), ``〔记者某某／台北报导〕``, ``◎记者 某某``, ``作者：某某大学 某某`` (the unit is skipped),
``作者简介：某某，…``, and a caption's credit right after its full stop (``…爬上一棵树。摄:某某``); an agency after
a slash is no name (``图：某某/视觉中国``). A reporter's credit may run into the name (``新华社记者陶某走近…``),
whose end is then the person finder's best name there. ``某某 摄``, ``某某/图`` and a line ending in ``某某摄`` make
a photographer, and a bracketed name closing the last paragraph (``…的发展贡献自己的青春。（管某）``) the author.
These people are press (role group 记者), never quoted voices.

>>> [(c["name"], c["role"]) for c in find_credits("□记者 陈旻 通讯员 桑惠 包杰\\n文字:团区委 柳向乐  审核:张翔")]
[('陈旻', '记者'), ('桑惠', '通讯员'), ('包杰', '通讯员'), ('柳向乐', '作者'), ('张翔', '审核')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons.names import HAN, NAME_DOTS, ambiguous_surnames, press_roles, surnames
from .person_finder import LATIN_NAME, candidates, score_candidates

SEPARATOR = r"[\s：:丨|｜/／]"
NAME_GAP = re.compile(r"[\s、，,]+")
# what ends a list of credited names: a bracket, a semicolon, a full stop, the end of the line
LIST_END = "）)】]〕］；;。！？\n"
ORGANISATION_END = frozenset("部处办科室社台站局厅院校队组委会中心网报学司所馆厂")
PHOTO_TAIL = re.compile(r"\s*(?:[/／]\s*)?[（(]?(?P<what>摄|图|文)[）)]?(?![\u4e00-\u9fff])")
CLOSING_BRACKET = re.compile(rf"[（(](?P<names>[{HAN}{NAME_DOTS}]{{2,4}}(?:[\s、，,][{HAN}]{{2,4}})*)[）)]\s*$")


@lru_cache(maxsize=None)
def _credit_pattern() -> re.Pattern:
    """A credit: an outlet's 记者 (中青报·中青网记者), or a credit of ``press_roles.csv`` (composites such as
    文、摄影 or 图/文 too), at the start of a line or after a space, a bracket, a separator or □."""
    credits = "|".join(map(re.escape, press_roles()))
    outlet = rf"[{HAN}A-Za-z·]{{2,14}}?(?:记者|通讯员)"
    crafted = rf"[{HAN}]{{1,4}}(?:制作|拍摄|监制|设计|编辑)(?={SEPARATOR})"  # 图表制作:, 影片拍摄:, 美术设计：
    after_sentence = rf"(?<=[。！？!?])(?=(?:{credits})[：:丨|｜/／])"  # a caption's 。摄:某某, with its separator only
    return re.compile(rf"(?:^|(?<=[\s（(【\[〔［|｜丨;；:：□■◎●○◆◇★☆▲•/])|{after_sentence})"
                      rf"(?P<credit>{outlet}|{crafted}|(?:{credits})(?:[、/](?:{credits}))?)"
                      rf"(?P<separator>{SEPARATOR}*)", re.M)


def _role(credit: str) -> str:
    """The press role a credit gives: its own entry, else that of its last part (文、摄影 -> 摄影; 澎湃新闻记者 -> 记者)."""
    roles = press_roles()
    if credit in roles:
        return roles[credit]
    parts = re.split("[、/]", credit)
    if parts[-1] in roles:
        return roles[parts[-1]]
    return next((role for word, role in roles.items() if credit.endswith(word)), "记者")


def _name_like(piece: str) -> bool:
    singles, compounds = surnames()
    if not re.fullmatch(f"[{HAN}]{{2,4}}|[{HAN}]{{2,6}}[{NAME_DOTS}][{HAN}]{{2,8}}", piece):
        return False
    if piece[-1] in ORGANISATION_END or piece in press_roles():
        return False
    return piece[0] in singles or piece[0] in ambiguous_surnames() or piece.startswith(compounds)


RUN_ON_SCORE = 0.1  # after a reporter's credit a name is expected: a low bar for the likeliest candidate


def _run_on_name(text: str, start: int) -> int | None:
    """The end of the name a reporter's credit runs into (新华社记者陶冶|走近…): the likeliest candidate of the
    person finder that starts there, if it is likely enough."""
    window = text[start:start + 12]
    found = [c for c in score_candidates(candidates(window)) if c["start"] == 0 and c["score"] >= RUN_ON_SCORE]
    return start + max(found, key=lambda c: c["score"])["end"] if found else None


NAME_MARK = re.compile(r"[（(](?P<what>文|图|摄|摄影)[）)]")  # 叶某某（文） 俞某（图）


def _names_after(text: str, position: int, role: str) -> list[dict]:
    """The names credited from ``position`` on, each with its role, until the list ends."""
    found = []
    while position < len(text) and text[position] not in LIST_END:
        credit = _credit_pattern().match(text, position)
        if credit and credit.start() == position:
            break  # the next credit takes over
        latin = LATIN_NAME.match(text, position)  # 摄:Kevin Frayer, 编丨May: a name in Latin letters, spaces and all
        if latin:
            end = latin.end()
        else:
            gap = NAME_GAP.search(text, position)
            end = gap.start() if gap else len(text)
            for stop in LIST_END + "丨|｜（(/／":  # 图:某某/视觉中国: the agency after a slash is no name
                at = text.find(stop, position, end)
                end = at if at >= 0 else end
        piece = text[position:end]
        mark = NAME_MARK.match(text, end)
        if latin or _name_like(piece):
            own = "摄影" if mark and mark["what"] != "文" else role
            found.append({"start": position, "end": end, "name": piece, "role": own})
        elif not (re.fullmatch(f"[{HAN}]{{2,12}}", piece) and piece[-1] in ORGANISATION_END):
            break  # an organisation (团区委, 团委宣传部) is skipped, anything else ends the list
        position = mark.end() if mark else end
        gap = NAME_GAP.match(text, position)
        if not gap:
            break
        position = gap.end()
    own_mark = found and NAME_MARK.match(text, found[-1]["end"])
    tail = PHOTO_TAIL.match(text, found[-1]["end"]) if found and not own_mark else None
    if tail and tail.group("what") in "摄图":
        for row in found:
            row["role"] = "摄影" if role == "记者" else role
    return found


def find_credits(text: str) -> list[dict]:
    """``{"start", "end", "name", "role", "credit"}`` for every person a byline or credit line names."""
    found = []
    for match in _credit_pattern().finditer(text):
        role, position = _role(match["credit"]), match.end()
        if match["separator"]:
            names = _names_after(text, position, role)
        else:  # a reporter's credit running into the name, or nothing
            end = _run_on_name(text, position) if role in ("记者", "通讯员") else None
            names = [{"start": position, "end": end, "name": text[position:end], "role": role}] if end else []
        found += [row | {"credit": match["credit"]} for row in names]
    found += _name_tails(text) + _closing_author(text)
    unique = {(row["start"], row["end"]): row for row in found}
    return [unique[key] for key in sorted(unique)]


NAME_TAIL = re.compile(rf"(?<![{HAN}])(?P<name>[{HAN}]{{2,4}})(?:\s*[/／]|\s+)(?P<what>文|摄|图|摄影)(?![{HAN}])"
                       rf"|(?<![{HAN}])(?P<glued>[{HAN}]{{2,4}})摄(?=\s*(?:$|[）)】]))", re.M)


def _name_tails(text: str) -> list[dict]:
    """A name credited after it: 何某某/文, 梁某/摄, 张某 / 图."""
    roles = {"文": "作者", "摄": "摄影", "图": "摄影", "摄影": "摄影"}
    found = []
    for m in NAME_TAIL.finditer(text):
        group, what = ("name", m["what"]) if m["name"] else ("glued", "摄")  # 某某 摄 / 某某/图 / 某某摄 at a line's end
        if _name_like(m[group]):
            found.append({"start": m.start(group), "end": m.end(group), "name": m[group], "role": roles[what],
                          "credit": what})
    return found


def _closing_author(text: str) -> list[dict]:
    """A bracketed name closing the text's last paragraph: its author (…自己的青春。（管龙）)."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    match = CLOSING_BRACKET.search(last)
    if not match or match["names"].endswith("摄"):
        return []  # （某某摄）: a photographer (``_name_tails``)
    offset = len(text.rstrip()) - len(last) + match.start("names")
    rows, position = [], 0
    for piece in NAME_GAP.split(match["names"]):
        at = match["names"].index(piece, position)
        position = at + len(piece)
        if _name_like(piece):
            rows.append({"start": offset + at, "end": offset + position, "name": piece, "role": "作者",
                         "credit": "（署名）"})
    return rows if len(rows) == len(NAME_GAP.split(match["names"])) else []
