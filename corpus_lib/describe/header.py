"""A document's header and signature: page furniture, title, subtitle, issuer, document number, stated dates.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .. import resources
from ..extract import dates
from ..lexicons.names import press_roles, surnames

INNER_PUNCTUATION = re.compile(r"[。！？；]")


# A title whose line ends in one of these goes on to the next line (…会议上的 / 讲话).
TITLE_CONTINUES = ("的", "和", "与", "及", "在", "关于", "对", "为", "之")


# A title run into the first sentence: …新闻通稿今天下午（2月24日）举行。
TITLE_RUN_ON = re.compile(r"^(?P<title>[^，。：；！？]{6,60}?(?:新闻通稿|通稿|的通知|的讲话|的回信|的决定|的意见|公告|通报))(?P<rest>\S.*)$")


DOC_NUMBER = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")


def _title_like(line: str) -> bool:
    return 4 <= len(line) <= 80 and not INNER_PUNCTUATION.search(line) and not line.endswith(("：", ":", "，"))


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
# A byline or credit line: 本报记者 张华, （记者 张华 通讯员 李明）, 文/张华, 责任编辑：李明. A reporter's credit
# (记者, 通讯员 …) may run into the name; an editor's or a one-character one (编辑, 文) needs a separator.
_REPORTER = "|".join(map(re.escape, (c for c, r in press_roles().items() if len(c) > 1 and r in ("记者", "通讯员", "实习生", "摄影"))))
_CREDIT = "|".join(map(re.escape, press_roles()))
BYLINE = re.compile(rf"^[（(]?(?:本报|本网|本台|新华社)?(?:(?:{_REPORTER})\s*[：:/／|｜丨]?|(?:{_CREDIT})\s*[：:/／|｜丨 ])"
                    r"\s*[\u4e00-\u9fff][^。！？]{0,40}$")
HEADER_LINES = 12


NOT_NAMES = frozenset({"特此通知", "附件", "此致", "敬礼", "谢谢", "谢谢大家"}) | frozenset(press_roles())


def is_furniture(line: str) -> bool:
    """A masthead, page header, breadcrumb, web chrome, byline or metadata line: never a title.

    >>> [is_furniture(x) for x in ["第A02版:要 闻", "首页 > 新闻中心 > 团情快讯", "本报记者 张华", "青年志愿者在行动"]]
    [True, True, True, False]
    """
    return bool(PAGE_FURNITURE.search(line) or BYLINE.match(line) or dates.META_LINE.match(line))


@lru_cache(maxsize=1)
def _issuer_suffixes() -> tuple[str, ...]:
    return tuple(sorted(resources.read_lines("issuer_suffixes.txt"), key=len, reverse=True))


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
    singles, compounds = surnames()
    if 3 <= len(part) <= 30 and part.endswith(_issuer_suffixes()):
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
