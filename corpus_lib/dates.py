"""Dates: find and normalise the dates a Chinese text states.

This first version handles the forms the loader needs for document dates:
full dates (``2020年3月15日``), month-day dates with the year taken from a base date,
and a bracketed date after a relative day (``今天下午（2月24日）``).
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

FULL_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
# A line that is nothing but a date, bracketed or not: a dateline or a signature date.
DATE_LINE = re.compile(rf"^[（(]?\s*{FULL_DATE.pattern}\s*[)）]?$")
# ``今天下午（2月24日）``: the bracketed date names the day the relative word refers to.
RELATIVE_WITH_DATE = re.compile(
    r"(?:今天|今日|当天|昨天|昨日)(?:上午|下午|晚上|凌晨|中午)?[（(]\s*"
    rf"(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日\s*[)）]"
)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_line(line: str) -> date | None:
    """A line holding only a full date, e.g. a signature.

    >>> parse_date_line("（2020年2月23日）")
    datetime.date(2020, 2, 23)
    """
    match = DATE_LINE.match(line.strip())
    if not match:
        return None
    return safe_date(int(match["y"]), int(match["m"]), int(match["d"]))


def relative_day_date(text: str, *, year: int | None) -> tuple[date | None, bool]:
    """The bracketed date after 今天/今日…; returns (date, year_was_stated).

    >>> relative_day_date("会议今天下午（2月24日）举行。", year=2020)
    (datetime.date(2020, 2, 24), False)
    """
    match = RELATIVE_WITH_DATE.search(text)
    if not match:
        return None, False
    if match["y"]:
        return safe_date(int(match["y"]), int(match["m"]), int(match["d"])), True
    if year is None:
        return None, False
    return safe_date(year, int(match["m"]), int(match["d"])), False


def day_mentions(text: str, *, year: int | None) -> list[date]:
    """Every day-level date in the text; month-day dates take ``year`` (skipped if None)."""
    found = [safe_date(int(m["y"]), int(m["m"]), int(m["d"])) for m in FULL_DATE.finditer(text)]
    if year is not None:
        found += [safe_date(year, int(m["m"]), int(m["d"])) for m in MONTH_DAY.finditer(text)]
    return [d for d in found if d is not None]


def to_timestamp(value: date | None) -> pd.Timestamp:
    return pd.Timestamp(value) if value is not None else pd.NaT
