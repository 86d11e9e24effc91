"""Readings for notebook 03: the example sentence, types, provinces, documents and levels.
"""
from __future__ import annotations

import pandas as pd

from ..labels import LEVEL_LABELS, TYPE_LABELS
from .base import Reading, _join_en, _join_zh, _n, _pct


def read_example(found: pd.DataFrame) -> Reading:
    """What the extractor found in the example sentence."""
    if found.empty:
        return Reading("这个例句里没有找到机构。", "No institution was found in the example sentence.")
    names = found["canonical"].tolist()
    parents = int(found["parent"].notna().sum())
    return Reading(f"例句中找到 {len(found)} 个机构：{_join_zh(names)}；其中 {parents} 个部门挂在上级机构下。",
                   f"The example holds {len(found)} institutions: {_join_en(names)}; {parents} of them are departments "
                   "attached to a parent body.")


def read_institution_types(table: pd.DataFrame) -> Reading:
    """Distinct institutions by type."""
    if table.empty:
        return Reading("未发现机构。", "No institutions were found.")
    types = table.groupby("type").agg(n=("canonical", "size"), m=("count", "sum")).sort_values(
        ["n", "m"], ascending=False, kind="stable")
    total = len(table)
    leading = list(types.head(3).itertuples())
    zh = (f"共 {total} 个机构、{_n(table['count'].sum())} 次提及；以 "
          + _join_zh(f"{TYPE_LABELS.get(r.Index, r.Index)}（{r.n}/{total}）" for r in leading) + " 为主。")
    en = (f"{total} distinct institutions, {_n(table['count'].sum())} mentions; mostly "
          + _join_en(f"{r.Index} ({r.n}/{total})" for r in leading) + ".")
    return Reading(zh, en)


def read_provinces(table: pd.DataFrame) -> Reading:
    """Where the located institutions are."""
    located = table.dropna(subset=["province"])
    if located.empty:
        return Reading("没有一个机构能确定省份。", "No institution could be placed in a province.")
    counts = located.groupby("province").size().sort_values(ascending=False, kind="stable")
    leading = list(counts.head(3).items())
    zh = (f"{len(located)}/{len(table)} 个机构能确定省份，分布在 {len(counts)} 个省级地区；最多的是 "
          + _join_zh(f"{p}（{n} 个）" for p, n in leading) + f"；{len(table) - len(located)} 个没有省份（多为中央机构或无地名的机构）。")
    en = (f"{len(located)} of {len(table)} institutions have a province, in {len(counts)} provincial units; most in "
          + _join_en(f"{p} ({n})" for p, n in leading) + f"; {len(table) - len(located)} have none (mostly central "
          "bodies or names without a place).")
    return Reading(zh, en)


def read_institution_documents(mentions: pd.DataFrame) -> Reading:
    """Which institutions appear in more than one document."""
    if mentions.empty:
        return Reading("未发现机构。", "No institutions were found.")
    spread = mentions.groupby("canonical")["doc_id"].nunique().sort_values(ascending=False, kind="stable")
    shared = spread[spread > 1]
    if shared.empty:
        return Reading("每个机构都只出现在一篇文档中。", "Every institution appears in one document only.")
    leading = list(shared.head(3).items())
    return Reading(f"{len(shared)}/{len(spread)} 个机构出现在不止一篇文档中，出现篇数最多的是 "
                   + _join_zh(f"{c}（{n} 篇）" for c, n in leading) + "。",
                   f"{len(shared)} of {len(spread)} institutions appear in more than one document; most widely "
                   + _join_en(f"{c} ({n} documents)" for c, n in leading) + ".")


def read_levels(mentions: pd.DataFrame, table: pd.DataFrame) -> Reading:
    """Mentions of central against local bodies."""
    if mentions.empty:
        return Reading("未发现机构。", "No institutions were found.")
    levels = mentions["canonical"].map(table.set_index("canonical")["level"]).value_counts()
    total = int(levels.sum())
    parts = [(level, int(levels.get(level, 0))) for level in LEVEL_LABELS if levels.get(level, 0)]
    return Reading("机构提及中，" + _join_zh(f"{LEVEL_LABELS[l].split()[0]}机构 {_n(n)} 次（{_pct(n, total)}）" for l, n in parts) + "。",
                   "Of the institution mentions, " + _join_en(f"{n} ({_pct(n, total)}) are {l}" for l, n in parts) + ".")
