"""Cohort charts: mentions per document, stated shares, people by group, 90后 vs 00后 keyness.

Each function takes a table of ``corpus_lib.extract.cohorts`` or ``corpus_lib.extract.people`` and returns a Figure.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .. import grouping
from ..extract.cohorts import cohort_order
from ..extract.people import NO_COHORT, people_crosstab
from ..style import PALETTE
from .base import empty_figure, new_axes, per_document
from .themes import plot_keyness

if TYPE_CHECKING:
    from ..grouping import Groups


def plot_cohort_keyness(table: pd.DataFrame, target: str = "90后", reference: str = "00后", *, top: int = 10):
    """``themes.plot_keyness`` for sentences about two cohorts (an empty table gives a note)."""
    if table.empty:
        return empty_figure(f"没有同时提到{target}和{reference}的句子 / no sentences for both cohorts")
    return plot_keyness(table, top=top, target_label=f"提到{target}的句子", reference_label=f"提到{reference}的句子")


def plot_cohort_counts(counts: pd.DataFrame, groups: Groups | None = None, *, labels: dict | None = None,
                       by: tuple[str, str] = ("文档", "document")):
    """Heatmap: documents (rows, named "d02  <labels[d02]>") x cohorts (columns), the count written in each cell;
    by group, the counts summed per group (``grouping.by_group``) and one row per group. ``by`` names the rows
    of counts already summed (("周", "week"))."""
    if not per_document(groups):
        counts, labels, by = grouping.by_group(counts, groups), None, groups.names
    if counts.empty or counts.columns.empty:
        return empty_figure("未发现世代词 / no cohort mentions found")
    fig, ax = new_axes(1.2 * max(len(counts.columns), 3) + 4.5, 0.45 * max(len(counts), 2) + 1.6)
    values = counts.to_numpy()
    ax.imshow(values, cmap="Reds", aspect="auto", vmin=0, vmax=max(values.max(), 1) if values.size else 1)
    ax.set_xticks(range(len(counts.columns)), list(counts.columns))
    names = [f"{d}  {labels[d]}" if labels and d in labels else d for d in counts.index]
    ax.set_yticks(range(len(counts.index)), names)
    for (row, col), value in pd.DataFrame(values).stack().items():
        ax.text(col, row, str(value) if value else "·", ha="center", va="center",
                color="white" if value > values.max() / 2 else "#333333")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(f"各{by[0]}提到的世代词 / Cohort mentions per {by[1]}")
    ax.set_xlabel("世代 (cohort)")
    return fig


def plot_stated_shares(stats: pd.DataFrame):
    """Horizontal bars: each stated share of a cohort (count / total, or a stated percentage)."""
    rows = stats[stats["share"].notna() & stats["cohort"].notna()]
    rows = rows.drop_duplicates(["cohort", "measure", "share", "of"]).head(20).reset_index(drop=True)  # a big corpus repeats them
    if rows.empty:
        return empty_figure("文中没有给出世代比例 / no cohort shares stated")
    fig, ax = new_axes(8, 0.7 * max(len(rows), 1) + 1.6)
    labels = [f"{r.cohort} 占 {_short(r.of)}" for r in rows.itertuples()]
    ax.barh(range(len(rows)), rows["share"], color="#c0392b")
    ax.barh(range(len(rows)), 1 - rows["share"], left=rows["share"], color="#e5e7e9")
    for k, r in enumerate(rows.itertuples()):
        number = f"约{r.value:,.0f}名" if r.measure == "count" else f"{r.value:.0%}"
        ax.text(r.share + 0.01, k, f"{r.share:.1%}（{number}{'，约数' if r.approximate else ''}）",
                va="center", fontsize=9)
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_title("文中给出的世代比例 / Cohort shares stated in the text")
    ax.set_xlabel("占比 (share of the group named)")
    return fig


def _short(text, limit: int = 18) -> str:
    text = str(text or "").strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def plot_people_by(people: pd.DataFrame, column: str, *, title: str, labels: dict | None = None):
    """Stacked horizontal bars: people per ``column`` value, coloured by stated cohort."""
    if people.empty:
        return empty_figure("未发现人物 / no people found")
    table = people_crosstab(people, column)
    fig, ax = new_axes(8, 0.34 * max(len(table), 3) + 1.8)
    left = pd.Series(0, index=table.index)
    colours = dict(zip(cohort_order(["80后", "85后", "90后", "95后", "00后", "05后", "10后"]),
                       [PALETTE[6], PALETTE[5], PALETTE[0], PALETTE[2], PALETTE[1], PALETTE[3], PALETTE[4]]))
    positions = range(len(table))
    for cohort in table.columns:
        label = "未说明 (not stated)" if cohort == NO_COHORT else cohort
        ax.barh(positions, table[cohort], left=left, label=label, color=colours.get(cohort, "#d5d8dc"))
        left = left + table[cohort]
    labels = dict(labels or {})
    names = ["未知 (unknown)" if v == "未知" else f"{labels[v]} ({v})" if v in labels and labels[v] != v else v
             for v in table.index]
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("人数 (people)")
    ax.set_title(title)
    # beside the bars, not over them: the longest bar is often the last (未知)
    ax.legend(title="自述世代 (stated cohort)", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig
