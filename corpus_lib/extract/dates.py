"""Dates: find and normalise the dates a Chinese text states, and chart them.

``extract_dates(text, base_date=...)`` returns one row per mention: full dates
(``2020年3月15日``, ``二〇二〇年三月十五日``, ``2020-03-15``), month-day dates whose year is
the occurrence nearest the base date (``3月15日``), month and year dates (``2018年1月``,
``今年3月``), a bracketed date after a relative day (``今天下午（2月24日）``: the bracket
wins), lunar holidays (``除夕``, ``大年初一``, ``元宵节``; ``data/lunar_holidays.csv``) and
solar festivals (``今年“五四”``; ``data/festivals.csv``). Both ends of a range are dates
(``4月20日至21日``, ``4月20—21日``, ``4月30日至5月2日``). A weekday in brackets
(``2月6日（星期四）``) never moves the date: a mismatch sets ``weekday_mismatch`` and says why in ``note``.
Also: English dates (``January 16, 2011``), a year before a holiday (``2018年的春节``), a month-day after
这一年/同年 (the year named before), and a day without its month where news writes one (``29日凌晨``,
``记者22日从…获悉``, ``北京22日电``, ``周二（21日）``: the previous date's month, else the document's).
Patterns and holiday tables are in ``date_patterns``; an undated document's year, in ``corpus_year``.

Numbers that only look like dates (``12355热线``, ``2019级``, ``第21届``, ``1.2万``, ``40余天``)
are never matched: every pattern needs 年, 月 or 日/号 (or a full ``YYYY-MM-DD``).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pandas as pd

from .. import schema
from ..cache import doccache
from ..lexicons.calendar import (
    ENGLISH_MONTHS,
    cn_number,
    nearest_year,
    resolve_holiday,
    safe_date,
    weekday_note,
)
from .date_lines import dateline_date
from .date_patterns import (
    ANAPHORIC_NOTE,
    ANAPHORIC_YEAR,
    BARE_DAY_PATTERNS,
    DAY_RANGE,
    HOLIDAY_SUFFIX,
    MONTH_FROM_BASE_NOTE,
    MONTH_OFFSET,
    PATTERNS,
    REL_OFFSET,
    YEAR_BEFORE,
    holiday_tables,
)
from .spans import overlap, resolve_overlaps

COLUMNS = [c for c in schema.columns("date_mentions") if c != "doc_id"]
NO_BASE_NOTE = "无基准日期 no base date"
HOLIDAY_PERIOD_NOTE = "约指节期前后 around the holiday, not the day itself"
KINDS = ("explicit", "year-inferred", "lunar-holiday", "festival", "relative")

# ---------------------------------------------------------------- extraction

def _iso(value: date | None, granularity: str) -> str | None:
    if value is None:
        return None
    return {"day": value.isoformat(), "month": value.strftime("%Y-%m"), "year": f"{value.year:04d}"}[granularity]


def _read_match(name: str, match: re.Match, base: date | None) -> dict | None:
    """The candidate row of one regex match; None when it names no real day (2月30日).
    Without a base date a year-less mention is kept with date None."""
    groups = match.groupdict()
    year = cn_number(groups["y"]) if groups.get("y") else None
    month = ENGLISH_MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else cn_number(groups["m"]) if groups.get("m") else 1
    day = cn_number(groups["d"]) if groups.get("d") else None
    if name in BARE_DAY_PATTERNS:
        return {"value": None, "granularity": "day", "date_kind": "relative" if name == "bracket_day" else "year-inferred",
                "note": "", "bare_day": day, "weekday": groups.get("wd")}
    granularity = "day" if day else ("month" if groups.get("m") or groups.get("mon") else "year")
    if name in ("full", "numeric", "dotted", "english", "english_day_first", "year_month", "year"):
        kind = "explicit"
    elif name in ("relative_bracket", "relative_month", "this_month_day"):
        kind = "relative"
        if groups.get("rel"):
            year = base.year + REL_OFFSET[groups["rel"]] if base else None
        if groups.get("relm") and base:  # 本月1日: the base date's month (上月: the one before)
            months = base.year * 12 + base.month - 1 + MONTH_OFFSET[groups["relm"]]
            year, month = divmod(months, 12)
            month += 1
    else:
        kind = "year-inferred"
    if year is not None:
        value = safe_date(year, month, day or 1)
    elif base is None:
        return {"value": None, "granularity": granularity, "date_kind": kind, "note": NO_BASE_NOTE,
                "month_day": (month, day or 1)}
    elif granularity == "day":
        value = nearest_year(month, day, base_date=base)
    else:
        value = nearest_year(month, 1, base_date=base)
    if value is None:
        return None
    note = weekday_note(value, groups.get("wd")) if granularity == "day" else ""
    return {"value": value, "granularity": granularity, "date_kind": kind, "note": note,
            "weekday_mismatch": bool(note), "month_day": (month, day or 1)}


def _holiday_mentions(text: str, base: date | None) -> list[dict]:
    aliases, bare, pattern = holiday_tables()
    rows = []
    for match in pattern.finditer(text):
        holiday = aliases.get(match["name"]) if match["name"] else bare[match["bare"]]
        year = None if match["rel"] else YEAR_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if match["bare"] and not (match["rel"] or year) and not re.match(HOLIDAY_SUFFIX, text[match.end():]):
            continue
        if year:  # 2018年的春节: the one in that calendar year
            value = resolve_holiday(holiday, base_date=date(cn_number(year["y"]), 7, 1), offset=0)
            rows.append({"start": year.start(), "end": match.end(), "value": value, "granularity": "day",
                         "date_kind": "lunar-holiday" if holiday.table == "lunar" else "festival", "note": ""})
            continue
        offset = REL_OFFSET[match["rel"]] if match["rel"] else None
        value = resolve_holiday(holiday, base_date=base, offset=offset) if base else None
        kind = "lunar-holiday" if holiday.table == "lunar" else "festival"
        rows.append({"start": match.start(), "end": match.end(), "value": value, "granularity": "day",
                     "date_kind": kind, "note": "" if base else NO_BASE_NOTE})
    return rows


def _candidates(text: str, base: date | None) -> list[dict]:
    rows = []
    for rank, (name, pattern) in enumerate(PATTERNS.items()):
        for match in pattern.finditer(text):
            row = _read_match(name, match, base)
            if row is not None:
                rows.append(row | {"start": match.start(), "end": match.end(), "rank": rank})
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
    """The mention is the date of a line that only dates the document (a signature, 时间：… 来源：…)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return dateline_date(line) is not None


def extract_dates(text: str, *, base_date: date | pd.Timestamp | None) -> pd.DataFrame:
    """Every date mention in ``text``, one row each, in text order.

    ``base_date`` (the document's date) supplies missing years: the nearest occurrence wins.
    Columns: those of the ``date_mentions`` table in ``corpus_lib.schema`` without doc_id: surface, start,
    end, date (ISO: 2020-03-15 / 2020-03 / 2020), granularity, date_kind, weekday_mismatch, around_holiday,
    note, context, role (``dateline`` for a line holding only the date, else ``mention``).

    >>> extract_dates("其中已组建的于2月6日（星期四）前报我处", base_date=date(2020, 2, 4))[["surface", "date"]].values.tolist()
    [['2月6日（星期四）', '2020-02-06']]
    """
    return _mention_table(date_records(text, base_date=base_date))


def _mention_table(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=COLUMNS).astype({"start": int, "end": int, "weekday_mismatch": bool,
                                                          "around_holiday": bool})


def _range_start(match: re.Match, base: date | None, kept: list[dict]) -> dict:
    """The first day of a range: the mention already read there, else read with the month the text last named."""
    first = {"start": match.start("first"), "end": match.end("first")}
    for row in kept:
        if overlap(first, row):
            return row if row["granularity"] == "day" else {}
    if not (match["m"] or match["day_mark"]):
        return {}
    day, kind, note = cn_number(match["d"]), "year-inferred", ""
    if match["m"]:
        month = cn_number(match["m"])
        value = (safe_date(cn_number(match["y"]), month, day) if match["y"]
                 else nearest_year(month, day, base_date=base) if base else None)
        kind = "explicit" if match["y"] else kind
    else:
        earlier = [r["value"] for r in kept if r["end"] <= first["start"] and r["value"] is not None
                   and r["granularity"] in ("day", "month")]
        anchor = earlier[-1] if earlier else base
        value = safe_date(anchor.year, anchor.month, day) if anchor else None
        note = "" if earlier else MONTH_FROM_BASE_NOTE if base else ""
    note = note or ("" if value or match["y"] else NO_BASE_NOTE)
    return first | {"value": value, "granularity": "day", "date_kind": kind, "note": note}


def _range_rows(text: str, base: date | None, kept: list[dict]) -> list[dict]:
    """Both days of every range (``4月20日至21日``) that the single-date patterns did not read."""
    rows = []
    for match in DAY_RANGE.finditer(text):
        start = _range_start(match, base, kept)
        if not start or (not match["m2"] and cn_number(match["d2"]) <= cn_number(match["d"])):
            continue
        end = {"start": match.start("second"), "end": match.end("second"), "granularity": "day",
               "date_kind": start["date_kind"], "note": start["note"], "value": None}
        if start["value"] is not None:
            month = cn_number(match["m2"]) if match["m2"] else start["value"].month
            year = start["value"].year + (month < start["value"].month)
            end["value"] = safe_date(year, month, cn_number(match["d2"]))
            if end["value"] is None or end["value"] <= start["value"]:
                continue
        read = [row for row in kept if overlap(end, row)]
        if len(read) == 1 and read[0]["date_kind"] == "year-inferred" and end["value"] is not None:
            read[0].update(value=end["value"], date_kind=end["date_kind"], note=end["note"])  # 12月30日至1月2日: the start's year
        rows += [row for row in (start, end) if not any(overlap(row, other) for other in kept + rows)]
    return rows


def date_records(text: str, *, base_date: date | pd.Timestamp | None) -> list[dict]:
    """The rows of ``extract_dates`` as dicts (what the per-document cache stores)."""
    base = _as_date(base_date)
    # the earliest mention wins, then the longest, then the pattern listed first
    kept = resolve_overlaps(_candidates(text, base), priority=lambda r: (r["start"], -(r["end"] - r["start"]), r["rank"]))
    kept = sorted(kept + _range_rows(text, base, kept), key=lambda r: r["start"])
    _anaphoric_years(text, kept)
    _fill_bare_days(kept, base)
    records = []
    for row in kept:
        dateline = _is_dateline(text, row["start"], row["end"])
        period = row["date_kind"] in ("lunar-holiday", "festival") and bool(_PERIOD_AFTER.match(text, row["end"]))
        records.append({
            "surface": text[row["start"]:row["end"]], "start": row["start"], "end": row["end"],
            "date": _iso(row["value"], row["granularity"]), "granularity": row["granularity"],
            "date_kind": row["date_kind"], "weekday_mismatch": row.get("weekday_mismatch", False),
            "around_holiday": period, "note": row["note"] or (HOLIDAY_PERIOD_NOTE if period else ""),
            "context": "（日期行 dateline）" if dateline else mention_context(text, row["start"], row["end"]),
            "role": "dateline" if dateline else "mention",
        })
    return records


def _anaphoric_years(text: str, rows: list[dict]) -> None:
    """Give a month-day after 这一年/当年/同年 the year of the last explicit date before it, in place."""
    named = None
    for row in rows:
        if row["date_kind"] == "explicit" and row["value"] is not None:
            named = row["value"].year
        elif named and "month_day" in row and row["date_kind"] == "year-inferred" \
                and ANAPHORIC_YEAR.search(text, max(0, row["start"] - 4), row["start"]):
            value = safe_date(named, *row["month_day"])
            if value is not None:
                row.update(value=value, note=ANAPHORIC_NOTE)


def _fill_bare_days(rows: list[dict], base: date | None) -> None:
    """A day written without its month (29日凌晨, 周二（21日）) takes the month of the text's previous date,
    else the document date's month or the one before (the latest not after it; a stated weekday decides), in place."""
    anchor = None
    for row in rows:
        if row.get("bare_day") and row["value"] is None:
            row.update(_bare_day(row["bare_day"], row.get("weekday"), anchor, base))
        if row["value"] is not None and row["granularity"] in ("day", "month"):
            anchor = row["value"]


def _bare_day(day: int, weekday: str | None, anchor: date | None, base: date | None) -> dict:
    if anchor is not None:
        value, note = safe_date(anchor.year, anchor.month, day), ""
    elif base is not None:
        before = base.replace(day=1) - timedelta(days=1)
        options = [d for d in (safe_date(base.year, base.month, day), safe_date(before.year, before.month, day)) if d]
        agree = [d for d in options if not weekday_note(d, weekday)] if weekday else []
        value = next(iter(agree or [d for d in options if d <= base] or options), None)
        note = MONTH_FROM_BASE_NOTE
    else:
        value, note = None, NO_BASE_NOTE
    mismatch = weekday_note(value, weekday) if value is not None else ""
    return {"value": value, "note": "；".join(filter(None, (note, mismatch))), "weekday_mismatch": bool(mismatch)}


def _as_date(value) -> date | None:
    """A plain date from a date, datetime or Timestamp; None for None/NaT/NaN (pd.NaT passes isinstance(date))."""
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


PAST_KINDS = ("explicit", "year-inferred", "lunar-holiday", "relative")
# A deadline or a plan names a day the document looks ahead to: 请于4月10日前报送, 将于3月10日举行.
PLANNED_BEFORE = re.compile(r"(?:将于|拟于|定于|请于|计划于|预计于?|将在|务必于|须于|需于|应于)\s*$")
PLANNED_AFTER = re.compile(r"^\s*(?:[（(][^）)]{0,6}[)）])?\s*(?:前|之前|以前|截止|为止)")


def _planned(text: str, start: int, end: int) -> bool:
    return bool(PLANNED_BEFORE.search(text[max(0, start - 6):start]) or PLANNED_AFTER.match(text[end:end + 10]))


def day_mentions(text: str, *, year: int | None) -> list[date]:
    """Every past day-level date in the text, for the loader's "not before the latest date it mentions" rule.

    Year-less dates take ``year`` (skipped if None). A document cannot be dated by its plans, so festivals
    (mostly ahead: 今年“五四”前后 …表彰), deadlines (4月10日前) and plans (将于3月10日) are left out.

    >>> day_mentions("1月7日，我主持召开会议。大年初一，我主持召开会议。", year=2020)
    [datetime.date(2020, 1, 7), datetime.date(2020, 1, 25)]
    >>> day_mentions("3月2日，团市委发出通知，请于4月10日前报送材料，评审将于4月20日举行。", year=2020)
    [datetime.date(2020, 3, 2)]
    """
    base = date(year, 7, 1) if year is not None else None  # every month-day of ``year`` is nearest to 1 July
    return [date.fromisoformat(row["date"]) for row in date_records(text, base_date=base)
            if row["granularity"] == "day" and row["date_kind"] in PAST_KINDS and row["date"] is not None
            and MONTH_FROM_BASE_NOTE not in row["note"] and not _planned(text, row["start"], row["end"])]


def to_timestamp(value: date | None) -> pd.Timestamp:
    return pd.Timestamp(value) if value is not None else pd.NaT


# ---------------------------------------------------------------- the corpus

# An undated document takes the corpus's year only when the dated documents agree on one (see corpus_year).
CORPUS_YEAR_SHARE = 0.75


def corpus_year(years) -> int | None:
    """The year that at least three quarters of the dated documents share, else None.

    A month-day in a document that states no year of its own takes this year; in a corpus whose documents
    span several years it stays undated (date None, noted) rather than get a guessed year.

    >>> corpus_year([2020, 2020, 2020, 2019]), corpus_year([2018, 2020, 2022]), corpus_year([])
    (2020, None, None)
    """
    counts = Counter(int(year) for year in years)
    if not counts:
        return None
    year, count = counts.most_common(1)[0]
    return year if count >= CORPUS_YEAR_SHARE * sum(counts.values()) else None


def _base_dates(docs: pd.DataFrame) -> pd.Series:
    """Each document's date; an undated one borrows the median date of the corpus's year (``corpus_year``),
    or has none when the corpus spans several years."""
    dates = pd.to_datetime(docs["date"])
    year = corpus_year(dates.dropna().dt.year)
    fallback = dates[dates.dt.year == year].median() if year is not None else pd.NaT
    return dates.fillna(fallback)


def document_dates(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per document, sorted by date: doc_id, date (ISO), date_source, date_note, issuer, genre, title.

    >>> from corpus_lib import load_corpus
    >>> document_dates(load_corpus()).iloc[0][["doc_id", "date"]].tolist()   # the League notice, dated 31 January
    ['d06', '2020-01-31']
    """
    schema.require_docs(docs, "date", "date_source", "date_note", "issuer", "genre", "title")
    table = docs[schema.columns("document_dates")].copy()
    table["date"] = pd.to_datetime(table["date"]).dt.strftime("%Y-%m-%d")
    table["date"] = table["date"].where(table["date"].notna(), None)
    return table.sort_values(["date", "doc_id"], na_position="last").reset_index(drop=True)


def date_mentions(docs: pd.DataFrame) -> pd.DataFrame:
    """Every date mention in the corpus, datelines included: doc_id plus the ``extract_dates`` columns."""
    bases = [_as_date(base) for base in _base_dates(docs)]
    found = doccache.cached_per_document("date_mentions", _records_from, docs["text"], bases)
    if not found:
        return schema.empty("date_mentions")
    table = _mention_table([row for rows in found for row in rows])
    table.insert(0, "doc_id", [doc_id for doc_id, rows in zip(docs["doc_id"], found) for _ in rows])
    return table[schema.columns("date_mentions")].sort_values(["doc_id", "start"]).reset_index(drop=True)


def _records_from(text: str, base: date | None) -> list[dict]:
    return date_records(text, base_date=base)


def event_timeline(mentions: pd.DataFrame) -> pd.DataFrame:
    """Day-level mentions other than datelines, in date order, with a short Chinese label for charts.

    >>> from corpus_lib import load_corpus
    >>> event_timeline(date_mentions(load_corpus()))["label"].iloc[0]   # the earliest day the speech recalls
    '1月7日 我主持召开中央政治局常委会会议时〔d03〕'
    """
    table = mentions[(mentions["granularity"] == "day") & (mentions["role"] == "mention") & mentions["date"].notna()]
    table = table.sort_values(["date", "doc_id", "start"]).reset_index(drop=True)
    day = pd.to_datetime(table["date"])
    spoken = day.dt.month.astype(str) + "月" + day.dt.day.astype(str) + "日"
    named = table["surface"].where(table["date_kind"].isin(["lunar-holiday", "festival"]), "")
    table["label"] = spoken + named.map(lambda s: f"（{s}）" if s else "") + " " + table["context"] + "〔" + table["doc_id"] + "〕"
    return table[schema.columns("events")]
