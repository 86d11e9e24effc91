"""Defaults that fit the corpus: each ``choose_*`` gives a notebook parameter left at ``None`` its value.
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..labels import GENRE_ZH

# Words the toolkit is about: the concordance starts with the first one the corpus uses.
FOCUS_TERMS = ("青年", "团员", "大学生", "学生", "志愿者", "90后", "00后")


def group_sizes(docs: pd.DataFrame, choice: KeynessChoice) -> tuple[int, int]:
    """How many documents each group of a keyness comparison holds."""
    target = docs[choice.column].isin(choice.target)
    reference = ~target if choice.reference is None else docs[choice.column].isin(choice.reference)
    return int(target.sum()), int(reference.sum())


class KeynessChoice(NamedTuple):
    """A keyness comparison: the column, the target and reference values, and why (Chinese, English)."""

    column: str
    target: list
    reference: list | None
    zh: str
    en: str


def choose_keyness_groups(docs: pd.DataFrame) -> KeynessChoice | None:
    """The default keyness comparison for this corpus.

    The two largest genre groups; else the earlier against the later half by date; else the longest
    document against the rest. None when the corpus has a single document.
    """
    genres = docs["genre"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    if len(genres) >= 2:
        a, b = genres.index[:2]
        return KeynessChoice("genre", [a], [b],
                             f"比较两个最大的体裁组：{GENRE_ZH.get(a, a)}（{genres[a]} 篇）与{GENRE_ZH.get(b, b)}（{genres[b]} 篇）。",
                             f"The two largest genre groups: {a} ({genres[a]}) against {b} ({genres[b]}).")
    dated = docs.dropna(subset=["date"]).sort_values(["date", "doc_id"])
    if len(dated) >= 2 and dated["date"].nunique() >= 2:
        half = len(dated) // 2
        early, late = dated["doc_id"].iloc[:half].tolist(), dated["doc_id"].iloc[half:].tolist()
        return KeynessChoice("doc_id", early, late,
                             f"所有文档同属一种体裁，按日期分为前后两半：较早的 {len(early)} 篇与较晚的 {len(late)} 篇。",
                             f"All documents share one genre: the earlier {len(early)} against the later {len(late)} by date.")
    if len(docs) >= 2:
        largest = docs.sort_values(["n_chars", "doc_id"], ascending=[False, True])["doc_id"].iloc[0]
        return KeynessChoice("doc_id", [largest], None,
                             f"文档同属一种体裁且无法按日期分组，比较最长的文档 {largest} 与其余文档。",
                             f"One genre and no dates to split by: the longest document, {largest}, against the rest.")
    return None


def keyness_choice(docs: pd.DataFrame, column=None, target=None, reference=None) -> KeynessChoice | None:
    """The notebook's comparison: the parameters when ``target`` is set, else ``choose_keyness_groups``."""
    if target is None:
        return choose_keyness_groups(docs)
    column = column or "genre"
    return KeynessChoice(column, target, reference, f"按参数比较 {column} = {target} 与 {reference or '其余文档'}。",
                         f"As set in the parameters: {column} = {target} against {reference or 'all other documents'}.")


def choose_example_sentence(docs: pd.DataFrame, mentions: pd.DataFrame) -> str | None:
    """The sentence of the corpus that names the most institutions (the first such, in document order)."""
    from ..preprocessing.clean import sentence_spans

    best, best_count = None, 1
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for doc_id, found in mentions.groupby("doc_id", sort=False):
        starts, ends = found["start"].to_numpy(), found["end"].to_numpy()  # numpy: 100x less per sentence than pandas
        for start, end, sentence in sentence_spans(texts[doc_id]):
            count = int(((starts >= start) & (ends <= end)).sum())
            if count > best_count and len(sentence) <= 120:
                best, best_count = sentence, count
    return best


def choose_kwic_keyword(docs: pd.DataFrame, counts: pd.DataFrame) -> str | None:
    """The first of the toolkit's focus words (``FOCUS_TERMS``) the corpus uses, else its most frequent term."""
    text = "\n".join(docs["text"])
    for term in FOCUS_TERMS:
        if term in text:
            return term
    return counts["term"].iloc[0] if len(counts) else None


def choose_hub_terms(counts: pd.DataFrame, *, n: int = 3) -> list[str]:
    """The corpus's ``n`` most frequent terms: they co-occur with nearly everything, so a network leaves them out."""
    return counts["term"].head(n).tolist()


def choose_cohort_pair(counts: pd.DataFrame) -> tuple[str, str] | None:
    """The two most mentioned cohorts (for the cohort keyness), or None with fewer than two."""
    totals = counts.sum().sort_values(ascending=False, kind="stable") if counts.size else pd.Series(dtype=int)
    totals = totals[totals > 0]
    return (totals.index[0], totals.index[1]) if len(totals) >= 2 else None
