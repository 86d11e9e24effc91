"""The regular expressions of Chinese (and English) dates, and the holiday tables, read by ``extract.dates``.

Every pattern needs 年, 月 or 日/号 (or a full ``YYYY-MM-DD``), so numbers that only look like dates
(``12355热线``, ``2019级``, ``1.2万``) are never matched. Group names: ``y`` year, ``m`` month (``mon`` an
English month), ``d`` day, ``wd`` a weekday, ``rel`` 今年/去年/明年.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons.calendar import Holiday
from ..resources import read_csv

_Y = r"(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NOT_DIGIT_BEFORE = r"(?<![\d.０-９〇○零一二三四五六七八九十])"
_NOT_DIGIT_AFTER = r"(?![\d.０-９])"
_WEEKDAY = r"(?:\s*[（(]\s*(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])\s*[)）])?"
_REL_YEAR = r"(?P<rel>今年|去年|明年|前年|后年)"
REL_OFFSET = {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "后年": 2}
MONTH_OFFSET = {"本月": 0, "当月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
HOLIDAY_SUFFIX = r"(?=前后|期间|前夕|当天|当日|之际|假期|长假|节)"
# A bilingual page's English date: January 16, 2011 / Jan. 16, 2011 / 16 January 2011.
_MON = r"(?P<mon>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?"
_EN_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_EN_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
# A day written without its month, where news writes it: 29日凌晨, 记者22日从…获悉, 北京22日电, 周二（21日）.
# The month is the text's previous date's, else the document date's (noted); see _fill_bare_days.
_TIME_OF_DAY = r"(?:上午|下午|中午|晚上|晚间|凌晨|早上|早晨|傍晚|夜间|夜里|晚|\d{1,2}\s*(?:时|点|[:：]\d{2}))"
_NO_MONTH_BEFORE = r"(?<![\d.０-９〇○零一二三四五六七八九十月年第每前近数几余多个连续期/-])"  # not 每月5日, 第3日, 连续5日, 为期3日
_YEAR_ANAPHOR = r"(?<=同年|当年|那年|这年|是年)"  # 同年9月5日: see ANAPHORIC_YEAR
# 这一年的11月3日, 同年5月: a month-day that points back at the year the text named last.
ANAPHORIC_YEAR = re.compile(r"(?:这一年|这年|当年|同年|那一年|那年|是年)的?\s*$")
ANAPHORIC_NOTE = "年份取自前文所述年份 year from the year named before"
BARE_DAY_PATTERNS = ("bracket_day", "timed_day", "reporter_day", "dispatch_day")

# The first character of a year, a month or a day: a pattern that opens with this lookahead leaves most positions of a
# text at once, before its lookbehinds and alternatives are tried (the same matches, much less work).
_NUMERAL_AHEAD = r"(?=[\d〇○零一二三四五六七八九十])"

# Ordered: an earlier pattern wins where two matches overlap and start at the same place.
PATTERNS = {
    "relative_bracket": re.compile(
        r"(?:今天|今日|当天|当日|昨天|昨日|明天|明日)(?:上午|下午|中午|晚上|晚间|凌晨|早上|早晨)?\s*[（(]\s*"
        rf"(?:{_Y}\s*年\s*)?{_M}\s*月\s*{_D}\s*[日号]{_WEEKDAY}\s*[)）]"),
    "full": re.compile(rf"{_NUMERAL_AHEAD}{_NOT_DIGIT_BEFORE}{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*[日号]{_WEEKDAY}"),
    # 2020-03-02, 2020/3/2, 2020.03.02 (also after 时间: and before a time); not inside a version number,
    # an IP address or a longer digit run (v2020.3.1, 2020.3.1.5, 12020-3-1).
    "numeric": re.compile(
        r"(?=[12])(?<![A-Za-z\d.,/-])(?<!\d[:：])(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
        r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/-]|\.\d)"),
    # an event named by its date with its year before it: 2008年“5·12”汶川特大地震 (a “5·12” alone names an event
    # of some year, which the text does not say: no date)
    "dotted": re.compile(rf"{_NUMERAL_AHEAD}{_NOT_DIGIT_BEFORE}{_Y}\s*年\s*的?[“\"「『]"
                         r"(?P<m>1[0-2]|[1-9])\s*[·•・]\s*(?P<d>3[01]|[12]\d|[1-9])[”\"」』]"),
    "english": re.compile(rf"(?=[JFMASONDjfmasond])(?<![A-Za-z]){_MON}\s+{_EN_DAY},?\s+{_EN_YEAR}"),
    "english_day_first": re.compile(rf"(?=\d)(?<![\dA-Za-z]){_EN_DAY}\s+{_MON},?\s+{_EN_YEAR}"),
    # a day of the document's month, or of the month before or after it: 本月1日起施行, 上月28日
    "this_month_day": re.compile(rf"(?P<relm>本月|当月|上个?月|下个?月)\s*{_D}\s*[日号]{_WEEKDAY}"),
    "relative_month": re.compile(rf"{_REL_YEAR}\s*{_M}\s*月(?:份)?(?:\s*{_D}\s*[日号]{_WEEKDAY})?"),
    "month_day": re.compile(rf"{_NUMERAL_AHEAD}{_NOT_DIGIT_BEFORE}(?:(?<!年)|{_YEAR_ANAPHOR}){_M}\s*月\s*{_D}\s*[日号]{_WEEKDAY}"),
    "year_month": re.compile(rf"{_NUMERAL_AHEAD}{_NOT_DIGIT_BEFORE}{_Y}\s*年\s*{_M}\s*月(?:份)?(?!\s*[\d一二三四五六七八九十])"),
    "year": re.compile(rf"{_NUMERAL_AHEAD}{_NOT_DIGIT_BEFORE}{_Y}\s*年(?![代级])"),
    "month": re.compile(rf"(?=[1-9])(?:(?<![\d.０-９个年])|{_YEAR_ANAPHOR})(?P<m>1[0-2]|[1-9])\s*月(?:份)?(?![\d０-９]|\s*[日号])"),
    # days without a month (BARE_DAY_PATTERNS)
    "bracket_day": re.compile(r"(?:(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])|今天|今日|昨天|昨日|前天|前日|明天|明日)"
                              rf"{_TIME_OF_DAY}?\s*[（(]\s*{_D}\s*[日号]\s*[)）]"),
    "timed_day": re.compile(rf"{_NUMERAL_AHEAD}{_NO_MONTH_BEFORE}{_D}\s*日(?=\s*{_TIME_OF_DAY})"),
    "reporter_day": re.compile(rf"{_NUMERAL_AHEAD}(?<=记者){_D}\s*日(?=\s*(?:从|在|获悉|了解|采访|走访))"),
    "dispatch_day": re.compile(rf"{_NUMERAL_AHEAD}(?<=[\u4e00-\u9fff]){_NO_MONTH_BEFORE}{_D}\s*日(?=\s*电(?![视话影台脑力器商网子费池梯]))"),
}

# A range of days: 4月20日至21日, 4月20日—21日, 4月20—21日, 20日至21日, 4月30日至5月2日. Both ends are read; an end
# without a month takes the start's, a start without a month takes the month of the text's previous date (else the
# base date's, noted). A count of days (3至5日内) or a monthly window (每月1日至5日) is no range; a month-less
# start needs its own 日.
_BARE_WEEKDAY = r"(?:\s*[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）])?"
DAY_RANGE = re.compile(
    rf"{_NUMERAL_AHEAD}(?P<first>{_NOT_DIGIT_BEFORE}(?<!每月)(?<!每个月)(?:{_Y}\s*年\s*)?(?:{_M}\s*月\s*)?{_D}\s*(?P<day_mark>[日号])?{_BARE_WEEKDAY})"
    r"\s*(?:至|到|—{1,2}|–|－|-|～|~)\s*"
    rf"(?P<second>(?:{_M.replace('?P<m>', '?P<m2>')}\s*月\s*)?{_D.replace('?P<d>', '?P<d2>')}\s*[日号]{_BARE_WEEKDAY})"
    r"(?!\s*(?:内|之内|以内|左右))")
# A news dispatch line: 新华社北京3月2日电, 本报上海2020年3月4日讯 (not 电视, 电话 …).
DISPATCH = re.compile(rf"{_NOT_DIGIT_BEFORE}(?:{_Y}\s*年\s*)?{_M}\s*月\s*{_D}\s*日\s*(?:电|讯)(?![视话影台脑力器商网子费池梯])")
MONTH_FROM_BASE_NOTE = "月份取自文档日期 month taken from the document's date"


def _alias_pattern(aliases: dict[str, Holiday], bare: dict[str, Holiday]) -> re.Pattern:
    def names(table):
        return "|".join(map(re.escape, sorted(table, key=len, reverse=True))) or "(?!)"
    first = "".join(sorted({name[0] for name in (*aliases, *bare)} | set("今去明前后“\"「")))
    return re.compile(  # 今年“五四”, 除夕; a year written before it (2018年的春节) is read by YEAR_BEFORE
        rf"(?=[{re.escape(first)}]){_REL_YEAR}?[“\"「]?(?:(?P<name>{names(aliases)})|(?P<bare>{names(bare)}))[”\"」]?")


# 2018年的 right before a holiday's name (searched in the few characters before it)
YEAR_BEFORE = re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}\s*年的?$")


@lru_cache(maxsize=None)
def holiday_tables() -> tuple[dict[str, Holiday], dict[str, Holiday], re.Pattern]:
    """(always-dates, bare names, compiled pattern) from festivals.csv and lunar_holidays.csv."""
    aliases, bare = {}, {}
    for row in read_csv("lunar_holidays.csv"):
        day = row["lunar_day"].strip()
        holiday = Holiday(row["name"], "lunar", int(row["lunar_month"]), day if day == "last" else int(day))
        _add_aliases(aliases, bare, row, holiday)
    for row in read_csv("festivals.csv"):
        holiday = Holiday(row["name"], "solar", int(row["month"]), int(row["day"]), row["rule"].strip() or "fixed")
        _add_aliases(aliases, bare, row, holiday)
    return aliases, bare, _alias_pattern(aliases, bare)


def _add_aliases(aliases: dict, bare: dict, row: dict, holiday: Holiday) -> None:
    for alias in filter(None, (row.get("aliases") or "").split("|")):
        aliases[alias.strip()] = holiday
    for alias in filter(None, (row.get("bare_aliases") or "").split("|")):
        bare[alias.strip()] = holiday
