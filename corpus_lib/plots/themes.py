"""Theme charts: top terms, keyness, theme shares, word clouds and the co-occurrence network.

Each function takes a table of ``corpus_lib.textstats.themes`` and returns a Figure.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Mapping

import numpy as np
import pandas as pd

from .. import grouping, style
from .base import font_name, new_figure, per_document

if TYPE_CHECKING:
    from ..grouping import Groups

WORDCLOUD_SEED = 42
LAYOUT_SEED = 7


def plot_keyness(table: pd.DataFrame, *, top: int = 15, target_label: str = "目标组 (target)",
                 reference_label: str = "参照组 (reference)"):
    """The two-sided keyness bar chart: the ``top`` terms most over-used in the target (right,
    G² > 0) above the ``top`` most over-used in the reference (left, G² < 0). Terms with
    p ≥ 0.05 are drawn pale."""
    ahead = table[table["g2"] > 0].head(top)
    behind = table[table["g2"] < 0].sort_values(["g2", "term"]).head(top).iloc[::-1]
    rows = pd.concat([ahead, behind], ignore_index=True)
    fig = new_figure(8, 0.28 * max(len(rows), 4) + 1.6)
    ax = fig.subplots()
    ax.set_title(f"关键性 (keyness)：{target_label} 对比 {reference_label}")
    if rows.empty:
        ax.text(0.5, 0.5, "没有关键词 / no key terms", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    y = np.arange(len(rows))[::-1]
    colors = [style.PALETTE[0] if g > 0 else style.PALETTE[1] for g in rows["g2"]]
    alphas = [1.0 if p < 0.05 else 0.35 for p in rows["p_value"]]
    bars = ax.barh(y, rows["g2"], color=colors, height=0.75)
    for bar, alpha in zip(bars, alphas):
        bar.set_alpha(alpha)
    reach = rows["g2"].abs().max()
    for yi, (term, g2) in zip(y, rows[["term", "g2"]].itertuples(index=False)):
        ax.text(g2 + (0.01 if g2 > 0 else -0.01) * reach, yi, term, va="center",
                ha="left" if g2 > 0 else "right", fontsize=9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.axvline(0, color="#566573", linewidth=0.8)
    ax.set_xlim(-reach * 1.3 if (rows["g2"] < 0).any() else 0, reach * 1.3 if (rows["g2"] > 0).any() else 0)
    ax.set_xlabel("G²（对数似然，正值偏向目标组，负值偏向参照组）/ signed log-likelihood")
    from matplotlib.patches import Patch
    ax.legend(handles=[Patch(color=style.PALETTE[0], label=target_label),
                       Patch(color=style.PALETTE[1], label=reference_label)],
              loc="lower right", frameon=False)
    return fig


def plot_top_terms(table: pd.DataFrame, *, top: int = 20, title: str | None = None):
    """Horizontal bars of the ``top`` terms of a ``term_counts`` table (largest on top)."""
    rows = table.sort_values(["count", "term"], ascending=[False, True]).head(top).iloc[::-1]
    fig = new_figure(7, 0.3 * max(len(rows), 4) + 1.2)
    ax = fig.subplots()
    ax.barh(rows["term"], rows["count"], color=style.PALETTE[0])
    ax.set_xlabel("出现次数 (count)")
    ax.set_title(title or f"高频词前 {top} 个 / top {top} terms")
    for y, n in enumerate(rows["count"]):
        ax.text(n, y, f" {n}", va="center", fontsize=8)
    return fig


def plot_theme_shares(table: pd.DataFrame, groups: Groups | None = None, *,
                      labels: Mapping[str, str] | None = None, title: str | None = None):
    """Stacked horizontal bars: each document's theme shares (one bar per doc_id, first on top), or, by group,
    each group's (``grouping.by_group``: shares of the group's hits). ``labels`` maps doc_id to a longer
    label, e.g. "d03 讲话"."""
    if not per_document(groups):
        table, labels = grouping.by_group(table, groups), None
        title = title or f"各组的主题构成 / Theme shares by {groups.name}"
    wide = table.pivot(index="doc_id", columns="category", values="share")
    wide = wide[list(dict.fromkeys(table["category"]))].sort_index(ascending=False)
    fig = new_figure(9, 0.45 * max(len(wide), 3) + 1.8)
    ax = fig.subplots()
    left = np.zeros(len(wide))
    names = [labels.get(d, d) if labels else d for d in wide.index]
    for i, category in enumerate(wide.columns):
        values = wide[category].to_numpy(dtype=float)
        ax.barh(names, values, left=left, label=category, color=style.PALETTE[i % len(style.PALETTE)])
        for y, (x0, v) in enumerate(zip(left, values)):
            if v >= 0.08:
                ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=8, color="white")
        left += values
    if not left.any():
        ax.text(0.5, 0.5, "未发现主题词 / no theme-lexicon terms found", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel("主题词占比 (share of theme-lexicon hits)")
    ax.set_title(title or "各文档的主题构成 / Theme shares by document")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, frameon=False)
    return fig


def _wordcloud_image(frequencies: Mapping[str, float], *, width: int = 800, height: int = 450):
    from matplotlib.colors import ListedColormap
    from wordcloud import WordCloud

    cloud = WordCloud(font_path=str(style.font_path()), random_state=WORDCLOUD_SEED, width=width,
                      height=height, background_color="white", prefer_horizontal=1.0, max_words=150,
                      colormap=ListedColormap(style.PALETTE[:8]), collocations=False)
    return cloud.generate_from_frequencies(dict(frequencies)).to_array()


def _frequencies(frequencies) -> dict[str, float]:
    if isinstance(frequencies, pd.DataFrame):
        frequencies = dict(zip(frequencies["term"], frequencies["count"]))
    items = sorted(dict(frequencies).items(), key=lambda kv: (-kv[1], kv[0]))
    return {k: float(v) for k, v in items if v > 0}


def _draw_cloud(ax, frequencies, title, **size):
    ax.set_axis_off()
    ax.set_title(title or "")
    words = _frequencies(frequencies)
    if words:
        ax.imshow(_wordcloud_image(words, **size), interpolation="bilinear")
    else:
        ax.text(0.5, 0.5, "没有词 / no terms", ha="center", va="center", transform=ax.transAxes)


def plot_wordcloud(frequencies, *, title: str | None = None):
    """A word cloud from term frequencies (a dict/Counter, or a ``term_counts`` table), drawn with
    ``generate_from_frequencies`` in the project font with a fixed ``random_state``."""
    fig = new_figure(8, 4.8)
    _draw_cloud(fig.subplots(), frequencies, title)
    return fig


def plot_wordcloud_pair(left, right, *, titles: tuple[str, str] = ("保留套话 / with boilerplate",
                                                                 "去除套话 / boilerplate removed")):
    """Two word clouds side by side, e.g. with and without the boilerplate list."""
    fig = new_figure(12, 3.9)
    for ax, frequencies, title in zip(fig.subplots(1, 2), (left, right), titles):
        _draw_cloud(ax, frequencies, title, width=700, height=450)
    return fig


def plot_wordcloud_grid(table: pd.DataFrame, groups: Groups | None = None, *, top: int = 60, columns: int = 3,
                        titles: Mapping[str, str] | None = None, title: str | None = None):
    """Small multiples: one word cloud per doc_id of a ``term_counts`` table (``top`` terms each), in table
    order; by group the doc_ids are group labels (``grouping.largest_group_counts``) and the title says so."""
    if title is None and not per_document(groups):
        title = f"各组词云 / Word clouds by {groups.name}"
    doc_ids = list(dict.fromkeys(table["doc_id"]))
    rows = max(math.ceil(len(doc_ids) / columns), 1)
    fig = new_figure(4 * columns, 2.7 * rows)
    axes = np.atleast_1d(fig.subplots(rows, columns)).ravel()
    for ax in axes:
        ax.set_axis_off()
    for ax, doc_id in zip(axes, doc_ids):
        part = table[table["doc_id"] == doc_id].head(top)
        _draw_cloud(ax, part, titles.get(doc_id, doc_id) if titles else doc_id, width=500, height=300)
    fig.suptitle(title or "各文档词云 / Word clouds by document")
    return fig


def plot_cooccurrence(edges: pd.DataFrame, *, seed: int = LAYOUT_SEED, title: str | None = None):
    """Network of co-occurring terms (node size = frequency, line width = shared sentences,
    colour = community by greedy modularity), laid out with a fixed seed so the picture is the
    same on every run."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_weighted_edges_from(edges[["source", "target", "weight"]].itertuples(index=False))
    fig = new_figure(9, 7.5)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title or "词语共现网络（同句共现）/ Sentence co-occurrence network")
    if not graph.number_of_nodes():
        ax.text(0.5, 0.5, "没有共现词对 / no co-occurring pairs", ha="center", va="center")
        return fig
    # Unweighted forces with a wide spacing keep labels apart; the seed fixes the picture.
    layout = nx.spring_layout(graph, seed=seed, weight=None, iterations=300,
                              k=3.0 / math.sqrt(graph.number_of_nodes()))
    layout = _spread_nodes(layout)
    groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    colour = {n: style.PALETTE[i % len(style.PALETTE)] for i, group in enumerate(groups) for n in group}
    frequency = edges.attrs.get("frequency", {})
    nodes = list(graph.nodes)
    widths = [0.5 + 4.0 * w / edges["weight"].max() for _, _, w in graph.edges(data="weight")]
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, edge_color="#aab7b8", alpha=0.6)
    # 15 points² per occurrence, scaled down when the most frequent term would pass 1,250 (a big corpus)
    scale = min(15.0, 1250.0 / max([frequency.get(n, 1) for n in nodes] + [1]))
    nx.draw_networkx_nodes(graph, layout, ax=ax, nodelist=nodes, node_color=[colour[n] for n in nodes],
                           node_size=[250 + scale * frequency.get(n, 1) for n in nodes], alpha=0.3)
    nx.draw_networkx_labels(graph, layout, ax=ax, font_size=10, font_family=font_name())
    ax.margins(0.08)
    return fig


def _spread_nodes(layout: dict, *, gap: float = 0.2, rounds: int = 100) -> dict:
    """Push apart nodes closer than ``gap`` (layout units) so their labels do not overlap."""
    names = list(layout)
    xy = np.array([layout[n] for n in names], dtype=float)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1]) + np.eye(len(xy))
        push = np.clip(gap - dist, 0, None) / dist / 2
        if not push.any():
            break
        xy += (delta * push[..., None]).sum(axis=1)
    return dict(zip(names, xy))
