"""Topic charts: coherence by K, each topic's top terms, and topic shares by group, over time, by cohort and by
institution type.

Each function takes a table of ``corpus_lib.textstats.topics`` (columns in ``corpus_lib.schema``) and returns a
Figure; ``labels`` is the ``topics`` table (topic → its label "T1 词·词·词").
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import style
from .base import empty_figure, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PANEL_TERMS = 8


def _colour(topic: int) -> str:
    return style.PALETTE[(topic - 1) % len(style.PALETTE)]


def _names(labels: pd.DataFrame) -> dict[int, str]:
    return dict(zip(labels["topic"], labels["label"]))


def plot_coherence(coherence: pd.DataFrame) -> Figure:
    """NPMI coherence of every K tried, the chosen K marked (one point when K was given)."""
    if coherence.empty:
        return empty_figure("没有拟合主题模型 / no topic model fitted")
    fig = new_figure(6.5, 3.6)
    ax = fig.subplots()
    ax.plot(coherence["k"], coherence["coherence"], marker="o", color=style.PALETTE[1])
    chosen = coherence[coherence["chosen"]]
    ax.scatter(chosen["k"], chosen["coherence"], s=140, facecolors="none", edgecolors=style.PALETTE[0], linewidths=2,
               zorder=3, label=f"选定 chosen: K = {int(chosen['k'].iloc[0])}")
    ax.set_xticks(coherence["k"].tolist())
    ax.set_xlabel("主题数 K (number of topics)")
    ax.set_ylabel("NPMI 一致性 (coherence)")
    ax.set_title("主题数与一致性 / Coherence by number of topics")
    ax.legend(frameon=False, loc="best")
    return fig


def plot_topic_terms(terms: pd.DataFrame, labels: pd.DataFrame, *, top: int = PANEL_TERMS) -> Figure:
    """Small multiples: each topic's ``top`` terms by weight (largest on top), one panel per topic, two columns."""
    topics = labels["topic"].tolist()
    if not topics:
        return empty_figure("没有主题 / no topics")
    columns = 2 if len(topics) > 1 else 1
    rows = math.ceil(len(topics) / columns)
    fig = new_figure(5 * columns, 0.24 * top * rows + 0.9 * rows + 0.6)
    axes = np.atleast_1d(fig.subplots(rows, columns)).ravel()
    names = _names(labels)
    for ax in axes[len(topics):]:
        ax.set_axis_off()
    for ax, topic in zip(axes, topics):
        part = terms[terms["topic"] == topic].head(top).iloc[::-1]
        ax.barh(part["term"], part["weight"], color=_colour(topic))
        ax.set_title(names[topic], loc="left", fontsize=10)
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle("各主题的高权重词 / Top terms of each topic")
    fig.supxlabel("词在主题中的权重 (term weight in the topic)", fontsize=9)
    fig.tight_layout()
    return fig


def plot_topic_shares(shares: pd.DataFrame, labels: pd.DataFrame, *, title: str, ylabel: str) -> Figure:
    """Stacked horizontal bars: the mean topic shares of each group (``topic_shares``), first group on top, the
    group's documents in brackets; the legend names every topic by its label."""
    if shares.empty:
        return empty_figure(f"{title}：没有可比较的文档 / no documents to compare")
    groups = list(dict.fromkeys(shares["group"]))
    wide = shares.pivot(index="group", columns="topic", values="share").reindex(groups)
    sizes = shares.drop_duplicates("group").set_index("group")["documents"]
    fig = new_figure(9.5, 0.42 * len(groups) + 2.4)
    ax = fig.subplots()
    names = [f"{g}（{sizes[g]:,}）" for g in groups][::-1]
    left = np.zeros(len(groups))
    topic_names = _names(labels)
    for topic in wide.columns:
        values = wide[topic].fillna(0).to_numpy(dtype=float)[::-1]
        ax.barh(names, values, left=left, color=_colour(topic), label=topic_names.get(topic, f"T{topic}"))
        for y, (x0, v) in enumerate(zip(left, values)):
            if v >= 0.1:
                ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=8, color="white")
        left += values
    ax.set_xlim(0, max(1.0, float(left.max()) if len(left) else 1.0))
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel("平均主题占比（括号内为文档数）/ mean topic share (documents in brackets)")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=min(3, len(wide.columns)), frameon=False,
              fontsize=8)
    return fig


def plot_topic_trend(shares: pd.DataFrame, labels: pd.DataFrame, *, period: str = "month") -> Figure:
    """Lines: each topic's mean share by period (``topic_shares`` over week/month/year labels, in label order),
    the documents of each period under its tick."""
    from .. import grouping

    zh, en = grouping.group_name(period)
    title = f"主题随时间变化（按{zh}）/ Topics over time (by {en})"
    periods = sorted(p for p in dict.fromkeys(shares["group"]) if p != grouping.UNDATED)
    if len(periods) < 2:
        return empty_figure(f"{title}：有日期的时期不足两个 / fewer than two dated periods")
    wide = shares.pivot(index="group", columns="topic", values="share").reindex(periods)
    sizes = shares.drop_duplicates("group").set_index("group")["documents"]
    fig = new_figure(max(8.0, 0.45 * len(periods) + 3), 4.8)
    ax = fig.subplots()
    names = _names(labels)
    x = np.arange(len(periods))
    for topic in wide.columns:
        ax.plot(x, wide[topic].to_numpy(dtype=float), marker="o", markersize=3, color=_colour(topic),
                label=names.get(topic, f"T{topic}"))
    step = max(1, math.ceil(len(periods) / 16))
    ax.set_xticks(x[::step], [f"{p}\n({sizes[p]:,})" for p in periods][::step], fontsize=7)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:.0%}")
    ax.set_ylim(0, None)
    ax.set_ylabel("平均主题占比 mean topic share")
    ax.set_xlabel(f"{zh}（括号内为文档数）/ {en} (documents in brackets)")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=min(3, len(wide.columns)), frameon=False,
              fontsize=8)
    return fig
