"""Institution charts: types, the province tile map, the institution × document heatmap, levels.

Each function takes a table of ``corpus_lib.extract.institutions`` and returns a Figure; ``plot_heatmap`` and
``plot_levels`` also take the notebook's ``grouping.Groups`` and draw per document or by group.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from .. import grouping, resources
from ..labels import LEVEL_LABELS, TYPE_LABELS
from ..lexicons.institution_words import TYPES
from .base import new_figure, per_document

if TYPE_CHECKING:
    from ..grouping import Groups


@lru_cache(maxsize=None)
def tile_grid() -> pd.DataFrame:
    """Row and column of each province on the tile map. ``places_tile_grid.csv``."""
    grid = pd.DataFrame(resources.read_csv("places_tile_grid.csv"))
    return grid.astype({"row": int, "col": int})


def plot_types(table: pd.DataFrame):
    """Bar chart: how many distinct institutions of each type (and how many mentions)."""
    counts = (table.groupby("type").agg(institutions=("canonical", "size"), mentions=("count", "sum"))
              .reindex(TYPES).fillna(0).astype(int))
    counts = counts[counts["institutions"] > 0].sort_values(["institutions", "mentions"])
    fig = new_figure(8, 0.45 * max(len(counts), 3) + 1.2)
    ax = fig.add_subplot()
    labels = [f"{TYPE_LABELS[t]} ({t})" for t in counts.index]
    bars = ax.barh(labels, counts["institutions"], color="#2471a3")
    for bar, (n, m) in zip(bars, counts[["institutions", "mentions"]].values):
        ax.text(bar.get_width() + 0.2, bar.get_y() + bar.get_height() / 2, f"{n} 个 / {m} 次", va="center",
                fontsize=9)
    ax.set_xlabel("机构数 (distinct institutions); 标注: 机构数 / 提及次数")
    ax.set_xlim(0, max(counts["institutions"].max(), 1) * 1.25)
    ax.set_title("各类机构 (institutions by type)")
    return fig


def plot_province_map(table: pd.DataFrame, *, value: str = "institutions"):
    """Tile-grid map of China's provinces shaded by the number of institutions located there."""
    import matplotlib
    from matplotlib import colors

    located = table.dropna(subset=["province"])
    counts = (located.groupby("province").size() if value == "institutions"
              else located.groupby("province")["count"].sum())
    grid = tile_grid()
    top = max(int(counts.max()) if len(counts) else 1, 1)
    norm, cmap = colors.Normalize(vmin=0, vmax=top), matplotlib.colormaps["OrRd"]
    fig = new_figure(8, 7.4)
    ax = fig.add_subplot()
    for tile in grid.itertuples():
        n = int(counts.get(tile.province, 0))
        face = cmap(0.15 + 0.85 * norm(n)) if n else "#eeeeee"
        ax.add_patch(matplotlib.patches.FancyBboxPatch((tile.col, -tile.row), 0.92, 0.92,
                                                       boxstyle="round,pad=0,rounding_size=0.08",
                                                       facecolor=face, edgecolor="white"))
        ink = "white" if n and norm(n) > 0.55 else "#333333"
        ax.text(tile.col + 0.46, -tile.row + 0.58, tile.province, ha="center", va="center", fontsize=10, color=ink)
        ax.text(tile.col + 0.46, -tile.row + 0.28, str(n) if n else "", ha="center", va="center", fontsize=9,
                color=ink)
    ax.set_xlim(-0.2, grid["col"].max() + 1.1)
    ax.set_ylim(-grid["row"].max() - 0.2, 1.1)
    ax.set_aspect("equal")
    ax.axis("off")
    unknown = int(table["province"].isna().sum())
    what = "机构数 (institutions)" if value == "institutions" else "提及次数 (mentions)"
    ax.set_title(f"机构所在省份 (province of each institution): {what}")
    fig.text(0.5, 0.04, f"另有 {unknown} 个机构无法确定省份（多为中央机构）/ {unknown} institutions with no "
             "province (mostly central bodies)", ha="center", fontsize=9, color="#555555")
    return fig


def plot_heatmap(mentions: pd.DataFrame, groups: Groups | None = None, *, top: int = 30):
    """The ``top`` most-mentioned institutions by document, or, by group, with each group as one column
    (``plot_document_heatmap``)."""
    if per_document(groups):
        return plot_document_heatmap(mentions, top=top)
    return plot_document_heatmap(grouping.regroup(mentions, groups.labels), top=top, by=groups.names)


def plot_document_heatmap(mentions: pd.DataFrame, *, top: int = 30, by: tuple[str, str] = ("文档", "document")):
    """Heatmap: the ``top`` most-mentioned institutions (rows) by document (columns); with ``mentions``
    regrouped (``grouping.regroup``), by group, and ``by`` names the columns (("月", "month"))."""
    matrix = mentions.pivot_table(index="canonical", columns="doc_id", values="start", aggfunc="size", fill_value=0)
    order = sorted(matrix.index, key=lambda name: (-matrix.loc[name].sum(), name))[:top]
    matrix = matrix.loc[order]
    fig = new_figure(1.2 + 0.7 * matrix.shape[1] + 3.2, 0.32 * len(matrix) + 1.6)
    ax = fig.add_subplot()
    image = ax.imshow(matrix.values, cmap="Blues", aspect="auto", vmin=0)
    long_labels = max((len(str(c)) for c in matrix.columns), default=0) > 4  # group labels such as 2020年03月
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=45 if long_labels else 0,
                  ha="right" if long_labels else "center")
    ax.set_yticks(range(len(matrix)), matrix.index)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    high = matrix.values.max() if matrix.size else 1
    for (i, j), n in pd.DataFrame(matrix.values).stack().items():
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=8, color="white" if n > high / 2 else "#222222")
    fig.colorbar(image, ax=ax, shrink=0.5, label="提及次数 (mentions)")
    ax.set_title(f"机构 × {by[0]} (top {len(matrix)} institutions by {by[1]})")
    return fig


def plot_levels(mentions: pd.DataFrame, table: pd.DataFrame, groups: Groups | None = None, *,
                by: tuple[str, str] = ("文档", "document")):
    """Stacked bars: mentions of central, local (and international) bodies in each document, or, by group, in
    each group (``by`` names the bars of mentions already regrouped)."""
    if not per_document(groups):
        mentions, by = grouping.regroup(mentions, groups.labels), groups.names
    level = table.set_index("canonical")["level"]
    counts = (mentions.assign(level=mentions["canonical"].map(level)).groupby(["doc_id", "level"]).size()
              .unstack(fill_value=0))
    counts = counts[[c for c in LEVEL_LABELS if c in counts.columns]]
    fig = new_figure(8, 4.5)
    ax = fig.add_subplot()
    bottom = pd.Series(0, index=counts.index)
    for color, column in zip(["#c0392b", "#2471a3", "#d4ac0d"], counts.columns):
        ax.bar(counts.index, counts[column], bottom=bottom, color=color, label=LEVEL_LABELS[column])
        bottom += counts[column]
    ax.set_ylim(0, max(int(bottom.max()), 1) * 1.12)
    ax.set_ylabel("机构提及次数 (institution mentions)")
    ax.set_xlabel(f"{by[0]} ({by[1]})")
    if len(counts) > 8 or max((len(str(i)) for i in counts.index), default=0) > 6:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_ha("right")
    ax.legend(frameon=False)
    ax.set_title(f"中央与地方机构 (central vs local bodies, by {by[1]})")
    return fig
