"""Calendar knowledge: Chinese numerals, safe dates, the year nearest a base date, lunar and solar holidays.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

CN_DIGITS = "〇○零一二三四五六七八九"


# ○ (U+25CB, a white circle) stands for 〇 in many typed and converted documents (二○一二年四月十日).
_CN_VALUE = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2, "○": 0}


# English month names (a bilingual page's "Posted on January 16, 2011"): the first three letters, lower case.
ENGLISH_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


WEEKDAYS = "一二三四五六日"  # Monday .. Sunday; 天 is another name for 日


@dataclass(frozen=True)
class Holiday:
    name: str
    table: str            # "lunar" or "solar"
    month: int
    day: int | str        # a number, or "last" (lunar month end)
    rule: str = "fixed"


def cn_number(text: str) -> int:
    """Arabic or Chinese numerals to int: ``"二十四"`` -> 24, ``"二〇二〇"`` -> 2020, ``"二○一二"`` -> 2012, ``"03"`` -> 3."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CN_VALUE[ch]) for ch in text))
    tens, _, units = text.partition("十")
    return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[units] if units else 0)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, *, base_date: date) -> date | None:
    """The month-day nearest the base date (within half a year): 1月5日 in a December document is next January.

    >>> nearest_year(1, 5, base_date=date(2020, 12, 20))
    datetime.date(2021, 1, 5)
    """
    candidates = [safe_date(base_date.year + shift, month, day) for shift in (-1, 0, 1)]
    candidates = [c for c in candidates if c is not None]
    return min(candidates, key=lambda c: (abs((c - base_date).days), c), default=None)


def qingming(year: int) -> date:
    """清明 (the solar term), 4 or 5 April; the usual formula, exact for 1901-2099."""
    y = year % 100
    century = 4.81 if year >= 2000 else 5.59
    return date(year, 4, int(y * 0.2422 + century) - (y // 4 if year >= 2000 else (y - 1) // 4))


def holiday_in_year(holiday: Holiday, lunar_year: int) -> date | None:
    """The holiday's Gregorian date in a (lunar or solar) year; 除夕 of lunar year 2019 is 2020-01-24."""
    if holiday.table == "solar":
        return qingming(lunar_year) if holiday.rule == "qingming" else safe_date(lunar_year, holiday.month, holiday.day)
    from lunardate import LunarDate

    try:
        if holiday.day == "last":  # the day before the first of the next month
            next_month = (lunar_year + 1, 1) if holiday.month == 12 else (lunar_year, holiday.month + 1)
            return LunarDate(*next_month, 1).to_solar_date() - timedelta(days=1)
        return LunarDate(lunar_year, holiday.month, holiday.day).to_solar_date()
    except ValueError:
        return None


def resolve_holiday(holiday: Holiday, *, base_date: date, offset: int | None = None) -> date | None:
    """The occurrence nearest the base date; with 今年/去年/明年 (offset), the one in that calendar year.

    >>> resolve_holiday(Holiday("除夕", "lunar", 12, "last"), base_date=date(2020, 3, 15))
    datetime.date(2020, 1, 24)
    """
    found = [holiday_in_year(holiday, base_date.year + shift) for shift in (-2, -1, 0, 1)]
    found = [d for d in found if d is not None]
    if offset is not None:
        found = [d for d in found if d.year == base_date.year + offset]
    return min(found, key=lambda d: (abs((d - base_date).days), d), default=None)


def weekday_note(day: date, weekday: str | None) -> str:
    """'' when the bracketed weekday agrees with the date, else a note; the date is never changed."""
    if not weekday:
        return ""
    stated = WEEKDAYS.index("日" if weekday == "天" else weekday)
    if stated == day.weekday():
        return ""
    return f"星期不符 weekday mismatch: 文中星期{weekday}，{day.isoformat()}是星期{WEEKDAYS[day.weekday()]}"
