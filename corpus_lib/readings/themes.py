"""Readings for notebook 01: term counts, keywords, keyness, collocations, KWIC, themes, co-occurrence.
"""
from __future__ import annotations

import pandas as pd

from .base import ALPHA, SMALL_DOCS, Reading, _join_en, _join_zh, _n, _pct, _terms


def read_term_counts(counts: pd.DataFrame) -> Reading:
    """The most frequent terms of the corpus (a ``term_counts(by="all")`` table)."""
    if counts.empty:
        return Reading("没有统计到任何词。", "No terms were counted.")
    zh, en = _terms(counts, 5)
    total = int(counts["count"].sum())
    return Reading(f"全语料去掉停用词后共 {_n(total)} 个词次，出现最多的 5 个词是 {zh}。",
                   f"After stop words the corpus has {_n(total)} term tokens; the five most frequent are {en}.")


def read_keywords(keywords: pd.DataFrame, *, per_document: int = 3, documents: int = 6,
                  grouped: bool = False) -> Reading:
    """Each document's (or, ``grouped``, each group's) first TF-IDF keywords (at most ``documents`` listed)."""
    if keywords.empty:
        return Reading("没有关键词。", "There are no keywords.")
    unit_zh, unit_en, each_zh, each_en = (("组", "groups", "各组", "group") if grouped
                                          else ("篇", "documents", "各文档", "document"))
    doc_ids = list(dict.fromkeys(keywords["doc_id"]))
    firsts = {d: keywords[keywords["doc_id"] == d].sort_values("rank")["term"].head(per_document).tolist()
              for d in doc_ids[:documents]}
    zh = "；".join(f"{d}：{_join_zh(t)}" for d, t in firsts.items())
    en = "; ".join(f"{d}: {_join_en(t)}" for d, t in firsts.items())
    more_zh = f"（共 {len(doc_ids)} {unit_zh}，其余见表）" if len(doc_ids) > documents else ""
    more_en = f" ({len(doc_ids)} {unit_en} in all; the table has the rest)" if len(doc_ids) > documents else ""
    return Reading(f"{each_zh} TF-IDF 最高的词 — {zh}。{more_zh}",
                   f"Top TF-IDF keywords per {each_en} — {en}.{more_en}")


def read_keyness(table: pd.DataFrame, *, target: str, reference: str, comparison: tuple[str, str] | None = None,
                 documents: tuple[int, int] | None = None) -> Reading:
    """Which terms the target group uses more than the reference, and how many differences reach p < 0.05.
    ``comparison`` is the (Chinese, English) sentence that says what is compared; ``documents`` the number
    of documents in each group (a group of fewer than 3 is flagged)."""
    reading = _keyness(table, target=target, reference=reference, comparison=comparison)
    if documents and min(documents) < SMALL_DOCS:
        return Reading(reading.zh + f"（样本很小：两组分别只有 {documents[0]} 篇和 {documents[1]} 篇文档。）",
                       reading.en + f" (Small sample: {documents[0]} and {documents[1]} documents.)")
    return reading


def _keyness(table: pd.DataFrame, *, target: str, reference: str, comparison) -> Reading:
    intro_zh, intro_en = comparison or (f"比较{target}与{reference}。", f"Comparing {target} with {reference}.")
    if table.empty:
        return Reading(f"{intro_zh}无法比较：至少一组没有词。", f"{intro_en} No comparison: a group has no terms.")
    significant = table[table["p_value"] < ALPHA]
    ahead = significant[significant["g2"] > 0].head(5)["term"].tolist()
    behind = significant[significant["g2"] < 0].sort_values(["g2", "term"]).head(5)["term"].tolist()
    if significant.empty:
        top_zh = _join_zh(table[table["g2"] > 0].head(5)["term"])
        return Reading(f"{intro_zh}没有一个词的差异达到 p < 0.05；相对频率偏向目标组的前几个词是 {top_zh or '（无）'}，只能看作方向。",
                       f"{intro_en} No difference reaches p < 0.05; the terms leaning towards the target "
                       f"({_join_en(table[table['g2'] > 0].head(5)['term']) or 'none'}) show a direction only.")
    n_ahead, n_behind = int((significant["g2"] > 0).sum()), int((significant["g2"] < 0).sum())
    zh = (f"{intro_zh}{len(significant)} 个词的差异达到 p < 0.05：{n_ahead} 个在{target}中相对更多"
          + (f"（如 {_join_zh(ahead)}）" if ahead else "") + f"，{n_behind} 个在{reference}中相对更多"
          + (f"（如 {_join_zh(behind)}）" if behind else "") + "。")
    en = (f"{intro_en} {len(significant)} terms differ at p < 0.05: {n_ahead} are relatively more frequent in {target}"
          + (f" ({_join_en(ahead)})" if ahead else "") + f", {n_behind} in {reference}"
          + (f" ({_join_en(behind)})" if behind else "") + ".")
    return Reading(zh, en)


def read_collocations(table: pd.DataFrame, *, min_freq: int = 3) -> Reading:
    """The strongest collocations with their counts."""
    if table.empty:
        return Reading(f"没有出现 {min_freq} 次以上的搭配。", f"No word pair occurs {min_freq} times or more.")
    rows = list(table.head(3)[["collocation", "count"]].itertuples(index=False))
    return Reading("得分最高的搭配是 " + _join_zh(f"“{c}”（{_n(n)} 次）" for c, n in rows) + "。",
                   "The highest-scoring pairs are " + _join_en(f"“{c}” ({_n(n)}×)" for c, n in rows) + ".")


def read_kwic(concordance: pd.DataFrame, keyword: str, *, n_documents: int) -> Reading:
    """How often the keyword occurs and in how many documents."""
    if concordance.empty:
        return Reading(f"语料中没有出现“{keyword}”。", f"“{keyword}” does not occur in the corpus.")
    per_doc = concordance.groupby("doc_id").size().sort_values(ascending=False, kind="stable")
    top, count = per_doc.index[0], int(per_doc.iloc[0])
    zh = (f"“{keyword}”共出现 {_n(len(concordance))} 次，分布在 {len(per_doc)}/{n_documents} 篇文档中；"
          f"最多的是 {top}（{_n(count)} 次，占 {_pct(count, len(concordance))}）。")
    en = (f"“{keyword}” occurs {_n(len(concordance))} times in {len(per_doc)} of {n_documents} documents; most in "
          f"{top} ({_n(count)}, {_pct(count, len(concordance))}).")
    return Reading(zh, en)


def read_theme_shares(shares: pd.DataFrame) -> Reading:
    """Theme-lexicon hits over the whole corpus, and documents without any."""
    total = int(shares["count"].sum())
    if total == 0:
        return Reading("语料中没有出现主题词典里的词，无法给出主题构成。",
                       "No theme-lexicon term occurs in the corpus, so there are no theme shares.")
    by_theme = shares.groupby("category", sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
    leading = [(c, int(n)) for c, n in by_theme.head(3).items() if n > 0]
    per_doc = shares.groupby("doc_id")["count"].sum()
    without = int((per_doc == 0).sum())
    zh = (f"全语料共 {_n(total)} 次主题词命中，最多的类别是 "
          + _join_zh(f"{c}（{_n(n)} 次，占 {_pct(n, total)}）" for c, n in leading)
          + (f"；{without} 篇文档没有命中任何主题词" if without else "") + "。")
    en = (f"The corpus has {_n(total)} theme-lexicon hits; the leading themes are "
          + _join_en(f"{c} ({_n(n)}, {_pct(n, total)})" for c, n in leading)
          + (f"; {without} documents have no hit" if without else "") + ".")
    return Reading(zh, en)


def read_boilerplate(with_boilerplate: pd.DataFrame, without: pd.DataFrame, *, top: int = 10) -> Reading:
    """Which of the top terms the boilerplate list removes, and which terms take their place."""
    before = with_boilerplate.head(top)["term"].tolist()
    after = without.head(top)["term"].tolist()
    removed, added = [t for t in before if t not in after], [t for t in after if t not in before]
    if not removed:
        return Reading(f"前 {top} 个高频词里没有套话，去掉套话表前后相同。",
                       f"None of the top {top} terms is boilerplate; the two clouds lead with the same terms.")
    return Reading(f"去掉套话后，前 {top} 个高频词中的 {_join_zh(removed)} 不再出现，{_join_zh(added) or '（无）'} 进入前 {top}。",
                   f"Removing boilerplate drops {_join_en(removed)} from the top {top}; {_join_en(added) or 'nothing'} "
                   f"comes in.")


def read_cooccurrence(edges: pd.DataFrame, *, excluded=()) -> Reading:
    """The number of links and the strongest pairs."""
    if edges.empty:
        return Reading("没有在两句以上共同出现的词对。", "No pair of terms shares two or more sentences.")
    rows = list(edges.head(3)[["source", "target", "weight"]].itertuples(index=False))
    note_zh = f"（不含几乎与一切共现的 {_join_zh(excluded)}）" if excluded else ""
    note_en = f" (leaving out the hub terms {_join_en(excluded)})" if excluded else ""
    return Reading(f"网络有 {len(edges)} 条连线{note_zh}；共现句数最多的是 "
                   + _join_zh(f"{s}—{t}（{w} 句）" for s, t, w in rows) + "。",
                   f"The network has {len(edges)} links{note_en}; the pairs sharing most sentences are "
                   + _join_en(f"{s}–{t} ({w})" for s, t, w in rows) + ".")
