"""Dates: find and normalise the dates a Chinese text states, and chart them.

``extract_dates(text, base_date=...)`` returns one row per mention: full dates
(``2020年3月15日``, ``二〇二〇年三月十五日``, ``2020-03-15``), month-day dates whose year is
the occurrence nearest the base date (``3月15日``), month and year dates (``2018年1月``,
``今年3月``), a bracketed date after a relative day (``今天下午（2月24日）``: the bracket
wins), lunar holidays (``除夕``, ``大年初一``, ``元宵节``; ``data/lunar_holidays.csv``) and
solar festivals (``今年“五四”``; ``data/festivals.csv``). A weekday in brackets
(``2月6日（星期四）``) never moves the date: a mismatch is flagged in ``flag``.

Numbers that only look like dates (``12355热线``, ``2019级``, ``第21届``, ``1.2万``, ``40余天``)
are never matched: every pattern needs 年, 月 or 日/号 (or a full ``YYYY-MM-DD``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from . import style
from .resources import read_csv

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from matplotlib.figure import Figure

COLUMNS = ["surface", "start", "end", "date", "granularity", "kind", "flag", "context", "role"]
KINDS = ("explicit", "year-inferred", "lunar-holiday", "festival", "relative")

# ---------------------------------------------------------------- numerals and patterns

CN_DIGITS = "〇零一二三四五六七八九"
_CN_VALUE = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
WEEKDAYS = "一二三四五六日"  # Monday .. Sunday; 天 is another name for 日

_Y = r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NOT_DIGIT_BEFORE = r"(?<![\d.０-９〇零一二三四五六七八九十])"
_NOT_DIGIT_AFTER = r"(?![\d.０-９])"
_WEEKDAY = r"(?:\s*[（(]\s*(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])\s*[)）])?"
_REL_YEAR = r"(?P<rel>今年|去年|明年|前年|后年)"
_REL_OFFSET = {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "后年": 2}
_SUFFIX = r"(?=前后|期间|前夕|当天|当日|之际|假期|长假|节)"

# Ordered: an earlier pattern wins where two matches overlap and start at the same place.
PATTERNS = {
    "relative_bracket": re.compile(
        r"(?:今天|今日|当天|当日|昨天|昨日|明天|明日)(?:上午|下午|中午|晚上|晚间|凌晨|早上|早晨)?\s*[（(]\s*"
        rf"(?:{_Y}\s*年\s*)?{_M}\s*月\s*{_D}\s*[日号]{_WEEKDAY}\s*[)）]"),
    "full": re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*[日号]{_WEEKDAY}"),
    "numeric": re.compile(
        r"(?<![\d.:/-])(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])"
        r"(?![\d.:/-])"),
    "relative_month": re.compile(rf"{_REL_YEAR}\s*{_M}\s*月(?:份)?(?:\s*{_D}\s*[日号]{_WEEKDAY})?"),
    "month_day": re.compile(rf"{_NOT_DIGIT_BEFORE}(?<!年){_M}\s*月\s*{_D}\s*[日号]{_WEEKDAY}"),
    "year_month": re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}\s*年\s*{_M}\s*月(?:份)?(?!\s*[\d一二三四五六七八九十])"),
    "year": re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}\s*年(?![代级])"),
    "month": re.compile(r"(?<![\d.０-９个年])(?P<m>1[0-2]|[1-9])\s*月(?:份)?(?![\d０-９]|\s*[日号])"),
}


@dataclass(frozen=True)
class Holiday:
    name: str
    table: str            # "lunar" or "solar"
    month: int
    day: int | str        # a number, or "last" (lunar month end)
    rule: str = "fixed"




def _alias_pattern(aliases: dict[str, Holiday], bare: dict[str, Holiday]) -> re.Pattern:
    def names(table):
        return "|".join(map(re.escape, sorted(table, key=len, reverse=True))) or "(?!)"
    return re.compile(
        rf"{_REL_YEAR}?[“\"「]?(?:(?P<name>{names(aliases)})|(?P<bare>{names(bare)}))[”\"」]?")


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


def cn_number(text: str) -> int:
    """Arabic or Chinese numerals to int: ``"二十四"`` -> 24, ``"二〇二〇"`` -> 2020, ``"03"`` -> 3."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CN_VALUE[ch]) for ch in text))
    tens, _, units = text.partition("十")
    return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[units] if units else 0)


# ---------------------------------------------------------------- calendar arithmetic

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

    >>> _, _, _ = holiday_tables()
    >>> resolve_holiday(holiday_tables()[0]["除夕"], base_date=date(2020, 3, 15))
    datetime.date(2020, 1, 24)
    """
    found = [holiday_in_year(holiday, base_date.year + shift) for shift in (-2, -1, 0, 1)]
    found = [d for d in found if d is not None]
    if offset is not None:
        found = [d for d in found if d.year == base_date.year + offset]
    return min(found, key=lambda d: (abs((d - base_date).days), d), default=None)


def weekday_flag(day: date, weekday: str | None) -> str:
    """'' when the bracketed weekday agrees with the date, else a note; the date is never changed."""
    if not weekday:
        return ""
    stated = WEEKDAYS.index("日" if weekday == "天" else weekday)
    if stated == day.weekday():
        return ""
    return f"星期不符 weekday mismatch: 文中星期{weekday}，{day.isoformat()}是星期{WEEKDAYS[day.weekday()]}"


# ---------------------------------------------------------------- extraction

def _iso(value: date | None, granularity: str) -> str | None:
    if value is None:
        return None
    return {"day": value.isoformat(), "month": value.strftime("%Y-%m"), "year": f"{value.year:04d}"}[granularity]


def _read_match(name: str, match: re.Match, base: date | None) -> tuple[date | None, str, str, str]:
    """(date, granularity, kind, flag) for one regex match."""
    groups = match.groupdict()
    year = cn_number(groups["y"]) if groups.get("y") else None
    month = cn_number(groups["m"]) if groups.get("m") else 1
    day = cn_number(groups["d"]) if groups.get("d") else None
    granularity = "day" if day else ("month" if groups.get("m") else "year")
    if name in ("full", "numeric", "year_month", "year"):
        kind = "explicit"
    elif name in ("relative_bracket", "relative_month"):
        kind = "relative"
        if groups.get("rel"):
            year = base.year + _REL_OFFSET[groups["rel"]] if base else None
    else:
        kind = "year-inferred"
    if year is not None:
        value = safe_date(year, month, day or 1)
    elif base is None:
        return None, granularity, kind, "无基准日期 no base date"
    elif granularity == "day":
        value = nearest_year(month, day, base_date=base)
    else:
        value = nearest_year(month, 1, base_date=base)
    flag = weekday_flag(value, groups.get("wd")) if value and granularity == "day" else ""
    return value, granularity, kind, flag


def _holiday_mentions(text: str, base: date | None) -> list[dict]:
    aliases, bare, pattern = holiday_tables()
    rows = []
    for match in pattern.finditer(text):
        holiday = aliases.get(match["name"]) if match["name"] else bare[match["bare"]]
        if match["bare"] and not match["rel"] and not re.match(_SUFFIX, text[match.end():]):
            continue
        offset = _REL_OFFSET[match["rel"]] if match["rel"] else None
        value = resolve_holiday(holiday, base_date=base, offset=offset) if base else None
        kind = "lunar-holiday" if holiday.table == "lunar" else "festival"
        rows.append({"start": match.start(), "end": match.end(), "value": value, "granularity": "day",
                     "kind": kind, "flag": "" if base else "无基准日期 no base date"})
    return rows


def _overlaps(row: dict, kept: list[dict]) -> bool:
    return any(row["start"] < other["end"] and other["start"] < row["end"] for other in kept)


def _candidates(text: str, base: date | None) -> list[dict]:
    rows = []
    for rank, (name, pattern) in enumerate(PATTERNS.items()):
        for match in pattern.finditer(text):
            value, granularity, kind, flag = _read_match(name, match, base)
            if value is None and not flag:
                continue  # 2月30日 and the like: not a date
            rows.append({"start": match.start(), "end": match.end(), "value": value, "granularity": granularity,
                         "kind": kind, "flag": flag, "rank": rank})
    rows += [row | {"rank": len(PATTERNS)} for row in _holiday_mentions(text, base)]
    return rows


_CLAUSE_STOPS = "，。；！？\n：,;!?"
_PERIOD_AFTER = re.compile(r"[”\"」]?(?:假期|长假|期间|前后|前夕|返乡|黄金周)")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in _CLAUSE_STOPS) + 1
    right = min([i for i in (text.find(ch, end) for ch in _CLAUSE_STOPS) if i >= 0] or [len(text)])
    return left, right


def mention_context(text: str, start: int, end: int, *, width: int = 28) -> str:
    """A short context for a mention: its clause, or the next clause when the date stands alone before a comma.

    >>> mention_context("1月7日，我主持召开中央政治局常委会会议时，就对做好疫情防控工作提出了要求。", 0, 4)
    '我主持召开中央政治局常委会会议时'
    """
    clause_start, clause_end = _clause_bounds(text, start, end)
    left, right = text[clause_start:start].strip(), text[end:clause_end].strip()
    surface = text[start:end]
    if len(left) + len(right) < 6 and clause_end < len(text):
        following = text[clause_end + 1:_clause_bounds(text, clause_end + 1, clause_end + 1)[1]].strip()
        if left or right:
            right = f"{right}{text[clause_end]}{following}"
        else:  # the date stands alone before a comma: its event is the next clause
            surface, right = "", following
    keep_left = max(width // 3, width - len(surface) - len(right))
    if len(left) > keep_left:
        left = "…" + left[-keep_left:]
    room = max(4, width - len(left) - len(surface))
    if len(right) > room:
        right = right[:room] + "…"
    return f"{left}{surface}{right}".strip(" “”\"") or text[start:end]


def _is_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return line.strip().strip("（()）").strip() == text[start:end].strip()


def extract_dates(text: str, *, base_date: date | pd.Timestamp | None) -> pd.DataFrame:
    """Every date mention in ``text``, one row each, in text order.

    ``base_date`` (the document's date) supplies missing years: the nearest occurrence wins.
    Columns: surface, start, end, date (ISO: 2020-03-15 / 2020-03 / 2020), granularity,
    kind, flag, context, role (``dateline`` for a line holding only the date, else ``mention``).

    >>> extract_dates("其中已组建的于2月6日（星期四）前报我处", base_date=date(2020, 2, 4))[["surface", "date"]].values.tolist()
    [['2月6日（星期四）', '2020-02-06']]
    """
    base = _as_date(base_date)
    kept: list[dict] = []
    for row in sorted(_candidates(text, base), key=lambda r: (r["start"], -(r["end"] - r["start"]), r["rank"])):
        if not _overlaps(row, kept):
            kept.append(row)
    records = []
    for row in kept:
        dateline = _is_dateline(text, row["start"], row["end"])
        flag = row["flag"]
        if row["kind"] in ("lunar-holiday", "festival") and _PERIOD_AFTER.match(text, row["end"]):
            flag = flag or "约指节期前后 around the holiday, not the day itself"
        records.append({
            "surface": text[row["start"]:row["end"]], "start": row["start"], "end": row["end"],
            "date": _iso(row["value"], row["granularity"]), "granularity": row["granularity"], "kind": row["kind"],
            "flag": flag, "context": "（日期行 dateline）" if dateline else mention_context(text, row["start"], row["end"]),
            "role": "dateline" if dateline else "mention",
        })
    return pd.DataFrame(records, columns=COLUMNS).astype({"start": int, "end": int})


def _as_date(value) -> date | None:
    """A plain date from a date, datetime or Timestamp; None for None/NaT/NaN (pd.NaT passes isinstance(date))."""
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


# ---------------------------------------------------------------- the loader's helpers (same signatures)

FULL_DATE = PATTERNS["full"]
DATE_LINE = re.compile(rf"^[（(]?\s*{FULL_DATE.pattern}\s*[)）]?$")
RELATIVE_WITH_DATE = PATTERNS["relative_bracket"]


def parse_date_line(line: str) -> date | None:
    """A line holding only a full date, e.g. a signature.

    >>> parse_date_line("（2020年2月23日）")
    datetime.date(2020, 2, 23)
    """
    match = DATE_LINE.match(line.strip())
    if not match:
        return None
    return safe_date(cn_number(match["y"]), cn_number(match["m"]), cn_number(match["d"]))


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


PAST_KINDS = ("explicit", "year-inferred", "lunar-holiday", "relative")


def day_mentions(text: str, *, year: int | None) -> list[date]:
    """Every day-level date in the text, for the loader's "not before the latest date it mentions" rule.

    Year-less dates take ``year`` (skipped if None). Festivals are left out: they mostly
    look ahead (今年“五四”前后 …表彰), and a document cannot be dated by its plans.

    >>> day_mentions("1月7日，我主持召开会议。大年初一，我主持召开会议。", year=2020)
    [datetime.date(2020, 1, 7), datetime.date(2020, 1, 25)]
    """
    base = date(year, 7, 1) if year is not None else None  # every month-day of ``year`` is nearest to 1 July
    table = extract_dates(text, base_date=base)
    table = table[(table["granularity"] == "day") & table["kind"].isin(PAST_KINDS) & table["date"].notna()]
    return [date.fromisoformat(value) for value in table["date"]]


def to_timestamp(value: date | None) -> pd.Timestamp:
    return pd.Timestamp(value) if value is not None else pd.NaT


# ---------------------------------------------------------------- the corpus

def _base_dates(docs: pd.DataFrame) -> pd.Series:
    """Each document's date; an undated document borrows the corpus median, so years can still be inferred."""
    dates = pd.to_datetime(docs["date"])
    fallback = dates.dropna().median() if dates.notna().any() else pd.NaT
    return dates.fillna(fallback)


def document_dates(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per document, sorted by date: doc_id, date (ISO), date_source, date_note, issuer, genre, title.

    >>> document_dates(load_corpus()).iloc[0][["doc_id", "date"]].tolist()   # doctest: +SKIP
    ['d06', '2020-01-31']
    """
    table = docs[["doc_id", "date", "date_source", "date_note", "issuer", "genre", "title"]].copy()
    table["date"] = pd.to_datetime(table["date"]).dt.strftime("%Y-%m-%d")
    table["date"] = table["date"].where(table["date"].notna(), None)
    return table.sort_values(["date", "doc_id"], na_position="last").reset_index(drop=True)


def date_mentions(docs: pd.DataFrame) -> pd.DataFrame:
    """Every date mention in the corpus, datelines included: doc_id plus the ``extract_dates`` columns."""
    tables = [extract_dates(text, base_date=base).assign(doc_id=doc_id)
              for doc_id, text, base in zip(docs["doc_id"], docs["text"], _base_dates(docs))]
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=COLUMNS + ["doc_id"])
    return table[["doc_id"] + COLUMNS].sort_values(["doc_id", "start"]).reset_index(drop=True)


def date_records(docs: pd.DataFrame, args=None) -> pd.DataFrame:
    """The CLI's ``dates`` command: doc_id, surface, date, granularity, kind (one row per mention)."""
    return date_mentions(docs)[["doc_id", "surface", "date", "granularity", "kind"]]


def event_timeline(mentions: pd.DataFrame) -> pd.DataFrame:
    """Day-level mentions other than datelines, in date order, with a short Chinese label for charts.

    >>> event_timeline(date_mentions(load_corpus()))["label"].iloc[0]   # doctest: +SKIP
    '1月7日 我主持召开中央政治局常委会会议时〔d03〕'
    """
    table = mentions[(mentions["granularity"] == "day") & (mentions["role"] == "mention") & mentions["date"].notna()]
    table = table.sort_values(["date", "doc_id", "start"]).reset_index(drop=True)
    day = pd.to_datetime(table["date"])
    spoken = day.dt.month.astype(str) + "月" + day.dt.day.astype(str) + "日"
    named = table["surface"].where(table["kind"].isin(["lunar-holiday", "festival"]), "")
    table["label"] = spoken + named.map(lambda s: f"（{s}）" if s else "") + " " + table["context"] + "〔" + table["doc_id"] + "〕"
    return table[["date", "doc_id", "surface", "kind", "flag", "context", "label"]]


# ---------------------------------------------------------------- charts

KIND_LABEL = {"explicit": "完整日期 explicit", "year-inferred": "推断年份 year inferred",
              "lunar-holiday": "农历节日 lunar holiday", "festival": "公历节日 festival",
              "relative": "相对日期 relative day"}


def _spoken(day) -> str:
    return f"{day.month}月{day.day}日"


def _date_axis(axis) -> None:
    """Weekly ticks on Mondays, labelled 2月3日; the first tick and the first of each year carry the year."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    def label(value, position):
        day = mdates.num2date(value)
        new_year = position == 0 or mdates.num2date(value - 7).year != day.year
        return f"{day.year}年{_spoken(day)}" if new_year else _spoken(day)

    axis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    axis.set_major_formatter(FuncFormatter(label))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plot_document_timeline(documents: pd.DataFrame) -> Figure:
    """Documents in date order: one row each (doc_id, issuer, genre, title), a dot at its date.

    ``documents`` is ``document_dates(docs)``; inferred dates are hollow, undated documents are named in the caption.
    """
    from .load import GENRE_LABEL  # load imports this module

    dated = documents.dropna(subset=["date"]).reset_index(drop=True)
    days = pd.to_datetime(dated["date"])
    fig = style.new_figure(figsize=(10, 0.55 * max(len(dated), 1) + 1.8))
    ax = fig.subplots()
    genres = list(GENRE_LABEL)
    for y, (day, doc) in enumerate(zip(days, dated.itertuples())):
        color = style.PALETTE[genres.index(doc.genre) % len(style.PALETTE)] if doc.genre in genres else "grey"
        hollow = doc.date_source != "explicit"
        ax.axhline(y, color="#dddddd", linewidth=0.8, zorder=1)
        ax.scatter(day, y, s=80, color="white" if hollow else color, edgecolor=color, linewidth=2, zorder=3)
        ax.annotate(_spoken(day), (day, y), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9)
    issuers = dated["issuer"].fillna("（未署名）").astype(str)
    ax.set_yticks(range(len(dated)), [f"{d}  {_shorten(i, 10)}｜{_shorten(t, 16)}"
                                      for d, i, t in zip(dated["doc_id"], issuers, dated["title"])])
    ax.set_ylim(len(dated) - 0.4, -0.6)
    if len(dated):
        ax.set_xlim(days.min() - pd.Timedelta(days=3), days.max() + pd.Timedelta(days=7))
    _date_axis(ax.xaxis)
    ax.grid(axis="x", color="#eeeeee")
    handles = [ax.scatter([], [], s=60, color=style.PALETTE[genres.index(g) % len(style.PALETTE)], label=GENRE_LABEL[g])
               for g in genres if g in set(dated["genre"])]
    handles.append(ax.scatter([], [], s=60, color="white", edgecolor="grey", linewidth=2, label="推断日期 inferred"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="体裁 genre")
    undated = documents.loc[documents["date"].isna(), "doc_id"].tolist()
    ax.set_xlabel("文档日期 document date" + (f"；无日期 undated: {', '.join(undated)}" if undated else ""))
    span = f"{days.min().year}年{_spoken(days.min())}—{_spoken(days.max())}" if len(dated) else ""
    ax.set_title(f"文档时间线 Document timeline {span}")
    return fig


def _spread(positions: list[float], *, gap: float) -> list[float]:
    """Label positions as close as possible (least squares) to sorted ``positions`` but ``gap`` apart.

    Subtracting i*gap turns "gap apart" into "non-decreasing": pool adjacent violators, add it back.
    """
    blocks: list[list[float]] = []  # [mean, size]
    for i, value in enumerate(positions):
        blocks.append([value - i * gap, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (mean_a, size_a), (mean_b, size_b) = blocks.pop(-2), blocks.pop()
            blocks.append([(mean_a * size_a + mean_b * size_b) / (size_a + size_b), size_a + size_b])
    shifted = [mean for mean, size in blocks for _ in range(size)]
    return [value + i * gap for i, value in enumerate(shifted)]


def plot_event_timeline(events: pd.DataFrame) -> Figure:
    """A vertical timeline of the days the documents mention, each labelled with its context.

    ``events`` is ``event_timeline(date_mentions(docs))``. Dots sit at the true date; labels are
    spread so they never overlap and joined to their dot by a thin line.
    """
    import matplotlib.dates as mdates

    n = len(events)
    fig = style.new_figure(figsize=(10, 0.42 * max(n, 4) + 1.4))
    ax = fig.subplots()
    days = mdates.date2num(pd.to_datetime(events["date"]).dt.to_pydatetime()) if n else []
    low, high = (min(days), max(days)) if n else (0, 1)
    span = max(high - low, 1.0)
    axes_inches = 0.42 * max(n, 4)
    gap = span * 0.34 / axes_inches if n > 1 else 1.0
    label_y = _spread(list(days), gap=gap)
    kinds = list(KIND_LABEL)
    for day, y, event in zip(days, label_y, events.itertuples()):
        color = style.PALETTE[kinds.index(event.kind) % len(style.PALETTE)]
        ax.scatter(0, day, s=45, color=color, zorder=3)
        ax.plot([0, 0.05, 0.09], [day, y, y], color=color, linewidth=0.8, alpha=0.7)
        ax.text(0.1, y, event.label, va="center", fontsize=9)
    ax.axvline(0, color="#999999", linewidth=1.2, zorder=1)
    ax.set_xlim(-0.02, 1.0)
    ax.set_ylim(max([high, *label_y]) + gap, min([low, *label_y]) - gap)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    _date_axis(ax.yaxis)
    handles = [ax.scatter([], [], s=45, color=style.PALETTE[kinds.index(k) % len(style.PALETTE)], label=KIND_LABEL[k])
               for k in kinds if k in set(events["kind"])]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=min(len(handles), 4),
              frameon=False, title="日期类型 kind")
    ax.set_title("文中提及的日期 Event timeline: days the documents mention")
    return fig


def plot_share_trend(shares: pd.DataFrame, documents: pd.DataFrame, *, title: str) -> Figure:
    """Heatmap: rows are categories (largest overall first), columns are documents in date order.

    ``shares`` has doc_id, category, share (0-1); ``documents`` is ``document_dates(docs)``.
    """
    from .load import GENRE_LABEL  # load imports this module

    order = documents.dropna(subset=["date"])["doc_id"].tolist() + documents.loc[documents["date"].isna(), "doc_id"].tolist()
    grid = shares.pivot_table(index="category", columns="doc_id", values="share", aggfunc="sum").reindex(columns=order)
    grid = grid.loc[sorted(grid.index, key=lambda c: (-grid.loc[c].mean(), c))]
    fig = style.new_figure(figsize=(1.05 * len(order) + 3, 0.5 * len(grid) + 2.2))
    ax = fig.subplots()
    image = ax.imshow(grid.fillna(0).to_numpy(), cmap="YlOrRd", aspect="auto", vmin=0)
    for (row, col), value in pd.DataFrame(grid.fillna(0).to_numpy()).stack().items():
        ax.text(col, row, f"{value:.0%}", ha="center", va="center", fontsize=8,
                color="white" if value > 0.6 * max(grid.max().max(), 1e-9) else "black")
    info = documents.set_index("doc_id")
    labels = [f"{d}\n{_spoken(pd.Timestamp(info.at[d, 'date'])) if pd.notna(info.at[d, 'date']) else '无日期'}"
              f"\n{GENRE_LABEL.get(info.at[d, 'genre'], '').split()[0]}" for d in order]
    ax.set_xticks(range(len(order)), labels)
    ax.set_yticks(range(len(grid)), grid.index)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02, format=lambda value, _: f"{value:.0%}").set_label("占比 share")
    ax.set_title(title)
    ax.set_xlabel("文档（按日期排序） documents in date order")
    return fig
