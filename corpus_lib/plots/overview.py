"""Overview charts: document lengths, top terms before and after stop words, vocabulary size.

Each function takes a table of ``corpus_lib.textstats.overview`` (or the documents table) and returns a Figure;
``plot_lengths`` and ``plot_vocabulary`` also take the notebook's ``grouping.Groups`` and draw per document or
by group.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .. import style
from ..labels import GENRE_LABEL, GENRE_ZH
from .base import new_figure, per_document

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..grouping import Groups


def _genre_colors(genres) -> list[str]:
    order = list(GENRE_ZH)
    return [style.PALETTE[order.index(genre) % len(style.PALETTE)] for genre in genres]


def _genre_legend(ax, genres) -> None:
    from matplotlib.patches import Patch

    present = [genre for genre in GENRE_ZH if genre in set(genres)]
    ax.legend(handles=[Patch(color=color, label=GENRE_LABEL[genre])
                       for genre, color in zip(present, _genre_colors(present))],
              title="体裁 genre", loc="lower right", frameon=False)


def plot_lengths(docs: pd.DataFrame, groups: Groups | None = None) -> Figure:
    """Characters per document (``plot_document_lengths``), or, by group, documents and characters per group
    (``plot_group_sizes``)."""
    if per_document(groups):
        return plot_document_lengths(docs)
    return plot_group_sizes(docs, groups.labels)


def plot_document_lengths(docs: pd.DataFrame) -> Figure:
    """Horizontal bars: characters per document, coloured by genre."""
    fig = new_figure(8, 0.45 * len(docs) + 1.4)
    ax = fig.subplots()
    labels = [f"{d}  {t[:18]}{'…' if len(t) > 18 else ''}" for d, t in zip(docs["doc_id"], docs["title"])]
    ax.barh(labels, docs["n_chars"], color=_genre_colors(docs["genre"]))
    ax.invert_yaxis()
    for y, value in enumerate(docs["n_chars"]):
        ax.text(value, y, f" {value:,}", va="center", fontsize=8)
    ax.set_xlabel("字数（不含换行） characters")
    ax.set_title("各文档篇幅 Document length")
    ax.margins(x=0.12)
    _genre_legend(ax, docs["genre"])
    return fig


def plot_top_terms_before_after(before: pd.DataFrame, after: pd.DataFrame) -> Figure:
    """Two panels: the most frequent terms before and after removing stop words."""
    fig = new_figure(10, 0.28 * max(len(before), len(after)) + 1.5)
    axes = fig.subplots(1, 2)
    panels = [(before, "去停用词前 before stop words", style.PALETTE[6]),
              (after, "去停用词后 after stop words", style.PALETTE[0])]
    for ax, (table, title, color) in zip(axes, panels):
        ax.barh(table["term"], table["count"], color=color)
        ax.invert_yaxis()
        ax.set_title(title)
        ax.set_xlabel("出现次数 count")
    fig.suptitle("高频词 Most frequent terms")
    fig.subplots_adjust(wspace=0.35)
    return fig


def plot_vocabulary(vocabulary: pd.DataFrame, groups: Groups | None = None) -> Figure:
    """Vocabulary per document as bars (``plot_vocabulary_bars``), or, by group, a scatter of every document
    (``plot_vocabulary_scatter``), readable at any corpus size."""
    if per_document(groups):
        return plot_vocabulary_bars(vocabulary)
    return plot_vocabulary_scatter(vocabulary)


def plot_vocabulary_bars(vocabulary: pd.DataFrame) -> Figure:
    """Terms and distinct terms per document, with the type-token ratio written on each bar."""
    fig = new_figure(8, 4)
    ax = fig.subplots()
    x = range(len(vocabulary))
    ax.bar([i - 0.2 for i in x], vocabulary["terms"], width=0.4, label="词次 terms (tokens)", color=style.PALETTE[1])
    ax.bar([i + 0.2 for i in x], vocabulary["distinct_terms"], width=0.4, label="词种 distinct terms",
           color=style.PALETTE[2])
    for i, (value, ratio) in enumerate(zip(vocabulary["distinct_terms"], vocabulary["type_token_ratio"])):
        ax.text(i + 0.2, value, f"{ratio:.2f}", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(list(x), vocabulary["doc_id"])
    ax.set_ylabel("数量 count")
    ax.set_title("词汇量（柱上数字为词种/词次比） Vocabulary size (type-token ratio on bars)")
    ax.legend(frameon=False)
    return fig


def plot_group_sizes(docs: pd.DataFrame, groups: pd.Series, *, limit: int = 40) -> Figure:
    """Two panels: documents and characters per group (the ``limit`` largest groups by characters)."""
    chars = docs.set_index("doc_id")["n_chars"].groupby(groups).sum()
    keep = chars.sort_values(ascending=False, kind="stable").head(limit).index
    table = pd.DataFrame({"documents": groups.value_counts(), "characters": chars}).loc[sorted(keep)]
    from matplotlib.ticker import FuncFormatter

    fig = new_figure(11, 0.3 * len(table) + 1.8)
    axes = fig.subplots(1, 2, sharey=True)
    titles = (f"各组文档数 documents per group（共 {len(docs):,} 篇）", "各组字数 characters per group")
    for ax, column, title, color in zip(axes, table.columns, titles, (style.PALETTE[1], style.PALETTE[0])):
        ax.barh(table.index, table[column], color=color)
        ax.set_title(title)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    axes[0].invert_yaxis()  # shared: the first group on top in both panels
    return fig


def plot_vocabulary_scatter(vocabulary: pd.DataFrame) -> Figure:
    """Type-token ratio against length, one dot per document: readable at any corpus size."""
    fig = new_figure(8, 4.5)
    ax = fig.subplots()
    ax.scatter(vocabulary["terms"], vocabulary["type_token_ratio"], s=8, alpha=0.5, color=style.PALETTE[1])
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    ax.set_xscale("log")
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))  # 100, 200, 500, 1,000 …
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.xaxis.set_minor_formatter(NullFormatter())  # 3×10², 4×10² … would crowd each other
    ax.set_xlabel("词次（对数刻度） terms, log scale")
    ax.set_ylabel("词种/词次比 type-token ratio")
    ax.set_title(f"词汇丰富度与篇幅 Vocabulary richness against length（{len(vocabulary):,} 篇）")
    return fig
