"""Readings for notebook 04: cohort counts, stated statistics, people and cohort keyness.
"""
from __future__ import annotations

import pandas as pd

from .base import (
    MAX_LISTED,
    SMALL_SENTENCES,
    Reading,
    _join_en,
    _join_zh,
    _n,
    _pct,
    _small,
)
from .themes import read_keyness


def read_cohort_counts(counts: pd.DataFrame) -> Reading:
    """In how many documents cohort words occur, and which cohort leads (a documents x cohorts count table)."""
    total = int(counts.to_numpy().sum()) if counts.size else 0
    if total == 0:
        return Reading("未发现世代词（80后 … 10后）。", "No cohort words (80后 … 10后) were found.")
    with_words = int((counts.sum(axis=1) > 0).sum())
    by_cohort = counts.sum().sort_values(ascending=False, kind="stable")
    leading = [(c, int(n)) for c, n in by_cohort.head(2).items() if n > 0]
    zh = (f"世代词出现在 {with_words}/{len(counts)} 篇文档中，共 {_n(total)} 次；最多的是 {leading[0][0]}"
          f"（{_n(leading[0][1])} 次，占 {_pct(leading[0][1], total)}）")
    en = (f"Cohort words occur in {with_words} of {len(counts)} documents, {_n(total)} times; most often "
          f"{leading[0][0]} ({_n(leading[0][1])}, {_pct(leading[0][1], total)})")
    if len(leading) > 1:
        zh += f"，其次是 {leading[1][0]}（{_n(leading[1][1])} 次，占 {_pct(leading[1][1], total)}）"
        en += f", then {leading[1][0]} ({_n(leading[1][1])}, {_pct(leading[1][1], total)})"
    small_zh, small_en = _small(len(counts))
    return Reading(zh + f"。{small_zh}", en + f".{small_en}")


def read_stated_statistics(stats: pd.DataFrame) -> Reading:
    """The shares the texts state for cohorts."""
    shares = stats[stats["share"].notna() & stats["cohort"].notna()]
    if shares.empty:
        return Reading("文中没有给出关于世代的比例。", "The texts state no share for any cohort.")
    items = list(shares.itertuples())
    distinct = shares.groupby(["cohort", "share", "approximate"], sort=False)["doc_id"].nunique()
    if len(distinct) == len(items) and len(items) <= MAX_LISTED:
        zh = _join_zh(f"{r.cohort} 占 {r.share:.1%}" + ("（约数）" if r.approximate else "") for r in items)
        en = _join_en(f"{r.cohort} {r.share:.1%}" + (" (approximate)" if r.approximate else "") for r in items)
        return Reading(f"文中给出 {len(items)} 个世代比例：{zh}。", f"The texts state {len(items)} cohort shares: {en}.")
    # many documents: each distinct share once, the most widely stated first, with how many documents state it
    n_docs, n_distinct = shares["doc_id"].nunique(), len(distinct)
    distinct = distinct.reset_index().sort_values("doc_id", ascending=False, kind="stable").head(MAX_LISTED)
    zh = _join_zh(f"{r.cohort} 占 {r.share:.1%}" + ("（约数）" if r.approximate else "") + f"（{r.doc_id} 篇）"
                  for r in distinct.itertuples())
    en = _join_en(f"{r.cohort} {r.share:.1%}" + (" (approximate)" if r.approximate else "") + f" ({r.doc_id} documents)"
                  for r in distinct.itertuples())
    more_zh = "；其余见表" if n_distinct > MAX_LISTED else ""
    more_en = "; the table has the rest" if n_distinct > MAX_LISTED else ""
    return Reading(f"{n_docs} 篇文档共给出 {len(items)} 个世代比例，{n_distinct} 个不同的值，最常见的是：{zh}{more_zh}。",
                   f"{n_docs} documents state {len(items)} cohort shares, {n_distinct} distinct values; the most "
                   f"common: {en}{more_en}.")


def read_people(people: pd.DataFrame) -> Reading:
    """Who is named: how many, how many state a cohort, where they come from."""
    if people.empty:
        return Reading("未发现人物。", "No people were found.")
    voices = people[people["role_group"].fillna("") != "记者"]
    stated = voices["cohort"].value_counts()
    provinces = voices["province"].dropna().value_counts()
    zh = (f"共 {len(voices)} 人（{voices['doc_id'].nunique()} 篇文档），其中 {int(stated.sum())} 人的世代由文中写明"
          + (f"：{_join_zh(f'{c} {n} 人' for c, n in stated.items())}" if len(stated) else "")
          + (f"；来自 {len(provinces)} 个省级地区，最多的是 {provinces.index[0]}（{int(provinces.iloc[0])} 人）"
             if len(provinces) else "") + "。")
    en = (f"{len(voices)} people in {voices['doc_id'].nunique()} documents; the text states the cohort of "
          f"{int(stated.sum())}" + (f": {_join_en(f'{n} {c}' for c, n in stated.items())}" if len(stated) else "")
          + (f"; they come from {len(provinces)} provincial units, most from {provinces.index[0]} "
             f"({int(provinces.iloc[0])})" if len(provinces) else "") + ".")
    return Reading(zh, en)


def read_cohort_keyness(table: pd.DataFrame, target: str, reference: str, *, target_sentences: int,
                        reference_sentences: int) -> Reading:
    """``read_keyness`` for sentences about two cohorts, with the sentence counts and a small-sample flag."""
    if target_sentences == 0 or reference_sentences == 0:
        return Reading(f"没有同时提到{target}和{reference}的句子可比：{target} {target_sentences} 句，{reference} {reference_sentences} 句。",
                       f"Nothing to compare: {target_sentences} sentences mention {target}, {reference_sentences} {reference}.")
    base = read_keyness(table, target=f"提到{target}的句子", reference=f"提到{reference}的句子", comparison=(
        f"比较提到{target}的 {target_sentences} 句与提到{reference}的 {reference_sentences} 句。",
        f"Comparing {target_sentences} sentences that mention {target} with {reference_sentences} that mention {reference}."))
    if min(target_sentences, reference_sentences) < SMALL_SENTENCES:
        return Reading(base.zh + "（样本很小：少于 5 句。）", base.en + " (Small sample: fewer than 5 sentences.)")
    return base
