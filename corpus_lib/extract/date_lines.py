"""The date a single line states: a signature or dateline (``（2020年2月23日）``, ``2020-03-02 08:15``), a web
page's metadata line (``发布时间：…``), a masthead's issue date, a news dispatch (``新华社北京3月2日电``) and the
bracketed date after 今天. ``describe`` and the readers date documents with these; ``dates`` finds every date
mention in a text."""
from __future__ import annotations

import re
from datetime import date

from ..lexicons.calendar import ENGLISH_MONTHS, cn_number, safe_date
from .date_patterns import DISPATCH, PATTERNS

FULL_DATE = PATTERNS["full"]
RELATIVE_WITH_DATE = PATTERNS["relative_bracket"]
# What may surround the date on a dateline: brackets ([ ] 【 】 too), a weekday (星期一), a time (08:15 or 08:15:30).
_LINE_EXTRAS = re.compile(r"^[（(\[【]\s*|\s*[)）\]】]$|\s*(?:星期|礼拜|周)[一二三四五六日天]|\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
# A web or newspaper metadata line: a label and a colon (时间：, 发布时间：, 来源：, 编辑： …), short, no sentence.
META_LINE = re.compile(
    r"^(?=.*(?:时间|日期|来源|稿源|作者|编辑|责编|发布|更新|浏览|点击|阅读)\s*[:：])[^，。；！？!?]{0,80}$")


def _full_or_numeric(text: str, *, whole: bool) -> date | None:
    for name in ("full", "numeric", "english", "english_day_first"):
        match = PATTERNS[name].fullmatch(text) if whole else PATTERNS[name].search(text)
        if match:
            month = ENGLISH_MONTHS[match["mon"][:3].lower()] if "mon" in match.re.groupindex else cn_number(match["m"])
            return safe_date(cn_number(match["y"]), month, cn_number(match["d"]))
    return None


def parse_date_line(line: str) -> date | None:
    """A line holding only a full date (a signature, a dateline), with brackets, weekday or time around it.

    >>> parse_date_line("（2020年2月23日）"), parse_date_line("2020-03-02 08:15:30")
    (datetime.date(2020, 2, 23), datetime.date(2020, 3, 2))
    >>> parse_date_line("2020年3月2日 星期一"), parse_date_line("2020年3月2日，团市委召开会议。")
    (datetime.date(2020, 3, 2), None)
    """
    return _full_or_numeric(_LINE_EXTRAS.sub("", line.strip()), whole=True)


def meta_line_date(line: str) -> date | None:
    """The date of a web or newspaper metadata line (``时间:2020-03-02 08:15``, ``来源：团市委 2020/3/2``).

    >>> meta_line_date("发布时间：2020年03月02日 08:15 来源：中国青年网"), meta_line_date("时间：上午")
    (datetime.date(2020, 3, 2), None)
    """
    line = line.strip()
    return _full_or_numeric(line, whole=False) if META_LINE.match(line) else None


def first_full_date(text: str) -> date | None:
    """The first full date (``2020年3月2日``, ``2020-03-02``) anywhere in ``text``: a masthead's issue date.

    >>> first_full_date("人民日报 2020年02月21日 第04版")
    datetime.date(2020, 2, 21)
    """
    return _full_or_numeric(text, whole=False)


def dateline_date(line: str) -> date | None:
    """``parse_date_line`` or ``meta_line_date``: the date a header or closing line states for the document."""
    return parse_date_line(line) or meta_line_date(line)




def dispatch_date(text: str, *, year: int | None) -> tuple[date | None, bool]:
    """The day of a news dispatch line in the opening (``新华社北京3月2日电``, ``本报上海3月2日讯``);
    returns (date, year_was_stated).

    >>> dispatch_date("新华社北京3月2日电（记者张三）团中央近日发出通知。", year=2020)
    (datetime.date(2020, 3, 2), False)
    """
    match = DISPATCH.search(text[:300])
    if not match:
        return None, False
    month, day = cn_number(match["m"]), cn_number(match["d"])
    if match["y"]:
        return safe_date(cn_number(match["y"]), month, day), True
    return (safe_date(year, month, day), False) if year is not None else (None, False)


def relative_day_date(text: str, *, year: int | None) -> tuple[date | None, bool]:
    """The bracketed date after 今天/今日…; returns (date, year_was_stated).

    >>> relative_day_date("会议今天下午（2月24日）举行。", year=2020)
    (datetime.date(2020, 2, 24), False)
    """
    match = RELATIVE_WITH_DATE.search(text)
    if not match:
        return None, False
    month, day = cn_number(match["m"]), cn_number(match["d"])
    if match["y"]:
        return safe_date(cn_number(match["y"]), month, day), True
    if year is None:
        return None, False
    return safe_date(year, month, day), False
