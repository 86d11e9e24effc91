"""Readings for notebook 02: date mentions, events and the theme-share trend.
"""
from __future__ import annotations

import pandas as pd

from .base import Reading, _n, _small, _zh_day


def read_date_mentions(mentions: pd.DataFrame, *, n_documents: int) -> Reading:
    """How many date expressions, of which kinds, and whether any weekday disagrees."""
    if mentions.empty:
        return Reading("文中没有找到任何日期表述。", "The texts state no dates.")
    in_docs = mentions["doc_id"].nunique()
    days = mentions[mentions["granularity"] == "day"]
    datelines = int((mentions["role"] == "dateline").sum())
    mismatches = int(mentions["weekday_mismatch"].sum())
    zh = (f"共找到 {_n(len(mentions))} 处日期表述，分布在 {in_docs}/{n_documents} 篇文档中；其中 {len(days)} 处精确到日，"
          f"{datelines} 处是单独成行的日期（落款或题下日期）。"
          + (f"{mismatches} 处括号中的星期与日期不符，已标出、未改动。" if mismatches else "没有星期与日期不符的情况。"))
    en = (f"{_n(len(mentions))} date expressions in {in_docs} of {n_documents} documents; {len(days)} are day-level and "
          f"{datelines} are datelines (a line holding only the date). "
          + (f"{mismatches} bracketed weekdays disagree with their date (flagged, not changed)." if mismatches
             else "No bracketed weekday disagrees with its date."))
    return Reading(zh, en)


def read_events(events: pd.DataFrame) -> Reading:
    """The days the texts mention: how many, over what span, and the busiest week."""
    if events.empty:
        return Reading("文中没有提到具体的日子（不计落款日期）。", "The texts mention no specific day (datelines aside).")
    days = pd.to_datetime(events["date"])
    weeks = days.dt.to_period("W-SUN").value_counts().sort_index().sort_values(ascending=False, kind="stable")
    week, count = weeks.index[0], int(weeks.iloc[0])
    zh = (f"文中提到 {days.dt.date.nunique()} 个不同的日子（{len(events)} 处），从 {_zh_day(days.min())} 到 "
          f"{_zh_day(days.max())}；提到最多的一周是 {_zh_day(week.start_time)} 那一周（{count} 处）。")
    en = (f"The texts mention {days.dt.date.nunique()} distinct days ({len(events)} mentions), from "
          f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}; the busiest week starts {week.start_time:%Y-%m-%d} "
          f"({count} mentions).")
    return Reading(zh, en)


def read_share_trend(shares: pd.DataFrame, documents: pd.DataFrame, *, grouped: bool = False) -> Reading:
    """The leading theme of the earliest and the latest dated document (``grouped``: group, from
    ``grouping.group_shares`` and ``group_documents``, dated by its first document)."""
    dated = documents.dropna(subset=["date"]).sort_values(["date", "doc_id"])
    hits = shares[shares["count"] > 0]
    dated = dated[dated["doc_id"].isin(set(hits["doc_id"]))]
    if len(dated) < 2:
        return Reading("有日期且含主题词的文档少于两篇，无法按时间比较。",
                       "Fewer than two dated documents have theme terms, so there is nothing to compare over time.")

    def leading(doc_id):
        part = hits[hits["doc_id"] == doc_id].sort_values(["share", "category"], ascending=[False, True]).iloc[0]
        return part["category"], part["share"]

    (first_theme, first_share), (last_theme, last_share) = leading(dated.iloc[0]["doc_id"]), leading(dated.iloc[-1]["doc_id"])
    if grouped:
        first, last = dated.iloc[0], dated.iloc[-1]
        return Reading(
            f"最早的一组 {first['doc_id']}（自 {_zh_day(first['date'])} 起）占比最高的主题是 {first_theme}（{first_share:.0%}），"
            f"最晚的一组 {last['doc_id']}（自 {_zh_day(last['date'])} 起）是 {last_theme}（{last_share:.0%}）。"
            "这是各组文档合计的主题词命中；各组的体裁和发文者构成不同，也会造成这种差异。",
            f"The earliest group, {first['doc_id']} (from {first['date']}), leads with {first_theme} ({first_share:.0%}); "
            f"the latest, {last['doc_id']} (from {last['date']}), with {last_theme} ({last_share:.0%}). These are the "
            "theme hits of each group's documents together; groups that differ in genre and issuer differ for that reason too.")
    small_zh, small_en = _small(len(dated))
    zh = (f"最早的文档 {dated.iloc[0]['doc_id']}（{_zh_day(dated.iloc[0]['date'])}）占比最高的主题是 {first_theme}"
          f"（{first_share:.0%}），最晚的 {dated.iloc[-1]['doc_id']}（{_zh_day(dated.iloc[-1]['date'])}）是 {last_theme}"
          f"（{last_share:.0%}）。篇数有限时，这种差异也可能来自体裁和发文者，而不是时间。{small_zh}")
    en = (f"The earliest document, {dated.iloc[0]['doc_id']} ({dated.iloc[0]['date']}), leads with {first_theme} "
          f"({first_share:.0%}); the latest, {dated.iloc[-1]['doc_id']} ({dated.iloc[-1]['date']}), with {last_theme} "
          f"({last_share:.0%}). With few documents such a difference may follow genre and issuer rather than time."
          f"{small_en}")
    return Reading(zh, en)
