"""Readings for notebook 00: documents, timeline, lengths, vocabulary, top terms.
"""
from __future__ import annotations

import pandas as pd

from ..labels import GENRE_ZH
from .base import Reading, _join_en, _join_zh, _n, _pct, _small, _terms, _zh_day


def read_documents(docs: pd.DataFrame) -> Reading:
    """Documents by genre, and where their dates come from."""
    n = len(docs)
    genres = docs["genre"].value_counts()
    zh_genres = _join_zh(f"{GENRE_ZH.get(g, g)} {c} 篇" for g, c in genres.items())
    en_genres = _join_en(f"{c} {g}" for g, c in genres.items())
    sources = docs["date_source"].value_counts()
    explicit, inferred, none = (int(sources.get(k, 0)) for k in ("explicit", "inferred", "none"))
    generated = int((docs.get("title_source", pd.Series(dtype=object)) == "generated").sum())
    small_zh, small_en = _small(n)
    zh = (f"语料共 {n} 篇文档：{zh_genres}。日期：{explicit} 篇文中写明，{inferred} 篇按规则推断，{none} 篇没有日期"
          + (f"；{generated} 篇没有标题行，标题为自动生成" if generated else "") + f"。{small_zh}")
    en = (f"The corpus has {n} documents: {en_genres}. Dates: {explicit} stated in the text, {inferred} inferred by a "
          f"rule, {none} undated" + (f"; {generated} have no title line and get a generated one" if generated else "")
          + f".{small_en}")
    return Reading(zh, en)


def read_timeline(docs: pd.DataFrame) -> Reading:
    """The span of the document dates."""
    dated = docs.dropna(subset=["date"]).sort_values(["date", "doc_id"])
    undated = len(docs) - len(dated)
    if dated.empty:
        return Reading("没有一篇文档有日期，因此没有时间线。", "No document has a date, so there is no timeline.")
    first, last = dated.iloc[0], dated.iloc[-1]
    days = (last["date"] - first["date"]).days
    zh = (f"{len(dated)} 篇有日期的文档从 {_zh_day(first['date'])}（{first['doc_id']}）到 {_zh_day(last['date'])}"
          f"（{last['doc_id']}），跨 {days} 天" + (f"；另有 {undated} 篇没有日期" if undated else "") + "。")
    en = (f"The {len(dated)} dated documents run from {first['date']:%Y-%m-%d} ({first['doc_id']}) to "
          f"{last['date']:%Y-%m-%d} ({last['doc_id']}), {days} days" + (f"; {undated} more are undated" if undated else "")
          + ".")
    return Reading(zh, en)


def read_lengths(docs: pd.DataFrame) -> Reading:
    """The longest and shortest documents and their share of all characters."""
    total = int(docs["n_chars"].sum())
    ordered = docs.sort_values(["n_chars", "doc_id"], ascending=[False, True])
    longest, shortest = ordered.iloc[0], ordered.iloc[-1]
    zh = (f"全语料 {_n(total)} 字。最长的是 {longest['doc_id']}（{_n(longest['n_chars'])} 字，占 "
          f"{_pct(longest['n_chars'], total)}），最短的是 {shortest['doc_id']}（{_n(shortest['n_chars'])} 字）。")
    en = (f"The corpus has {_n(total)} characters. The longest document is {longest['doc_id']} "
          f"({_n(longest['n_chars'])}, {_pct(longest['n_chars'], total)} of the corpus); the shortest is "
          f"{shortest['doc_id']} ({_n(shortest['n_chars'])}).")
    if len(docs) == 1:
        zh, en = f"全语料只有 1 篇文档，{_n(total)} 字。", f"The corpus is one document of {_n(total)} characters."
    return Reading(zh, en)


def read_vocabulary(vocabulary: pd.DataFrame) -> Reading:
    """The range of the type-token ratio, with the document sizes it comes from."""
    rows = vocabulary[vocabulary["terms"] > 0].sort_values(["type_token_ratio", "doc_id"], ascending=[False, True])
    if rows.empty:
        return Reading("没有可统计的词。", "There are no terms to count.")
    high, low = rows.iloc[0], rows.iloc[-1]
    zh = (f"词种/词次比最高的是 {high['doc_id']}（{high['type_token_ratio']:.2f}，{_n(high['terms'])} 个词次），"
          f"最低的是 {low['doc_id']}（{low['type_token_ratio']:.2f}，{_n(low['terms'])} 个词次）。"
          "这个比值随篇幅变化，只宜在篇幅相近的文档之间比较。")
    en = (f"The type-token ratio is highest in {high['doc_id']} ({high['type_token_ratio']:.2f}, {_n(high['terms'])} "
          f"terms) and lowest in {low['doc_id']} ({low['type_token_ratio']:.2f}, {_n(low['terms'])} terms). The ratio "
          "depends on length, so compare it only between documents of similar length.")
    return Reading(zh, en)


def read_top_terms(before: pd.DataFrame, after: pd.DataFrame) -> Reading:
    """The leading terms before and after stop words are removed."""
    if after.empty:
        return Reading("去掉停用词后没有剩下任何词。", "No term is left after removing stop words.")
    zh_before, en_before = _terms(before, 3)
    zh_after, en_after = _terms(after, 5)
    return Reading(f"去停用词前，最常见的是 {zh_before}；去掉之后，最常见的是 {zh_after}。",
                   f"Before stop words the most frequent terms are {en_before}; after, {en_after}.")
