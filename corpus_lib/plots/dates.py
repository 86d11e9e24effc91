"""Date charts: the document timeline, the event timeline and theme shares by date.

Each function takes a table of ``corpus_lib.extract.dates`` (or ``themes.theme_shares``) and returns a Figure;
``plot_timeline`` and ``plot_share_trend`` also take the notebook's ``grouping.Groups`` and draw per document
or by group.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .. import grouping, style
from ..labels import DATE_KIND_LABEL, GENRE_LABEL
from .base import new_figure, per_document

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..grouping import Groups


def _spoken(day) -> str:
    return f"{day.month}月{day.day}日"


def _date_axis(axis, *, weeks: int = 1) -> None:
    """Ticks on every ``weeks``-th Monday, labelled 2月3日; the first tick and the first of each year carry the year."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    def label(value, position):
        day = mdates.num2date(value)
        new_year = position == 0 or mdates.num2date(value - 7 * weeks).year != day.year
        return f"{day.year}年{_spoken(day)}" if new_year else _spoken(day)

    axis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=weeks))
    axis.set_major_formatter(FuncFormatter(label))


def _period_axis(axis, span_days: int) -> None:
    """At most about 12 date ticks whatever the span: weekly, fortnightly or four-weekly Mondays up to
    a year, then months (2020年3月), then years."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    if span_days <= 366:
        _date_axis(axis, weeks=max(1, -(-span_days // 84)))
        return
    months = span_days > 3 * 366
    axis.set_major_locator(mdates.YearLocator() if months else mdates.MonthLocator(interval=max(1, -(-span_days // 305))))
    axis.set_major_formatter(FuncFormatter(lambda value, position: f"{mdates.num2date(value).year}年" if months
                                           else f"{mdates.num2date(value).year}年{mdates.num2date(value).month}月"))


def _spaced(days: pd.Series, top: int, gap: int) -> pd.Series:
    """The ``top`` busiest days, skipping any within ``gap`` days of a busier one already kept (so labels never collide)."""
    kept: list = []
    for day in days.sort_values(ascending=False, kind="stable").index:
        if all(abs((day - other).days) > gap for other in kept):
            kept.append(day)
        if len(kept) == top:
            break
    return days.loc[sorted(kept)]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plot_timeline(documents: pd.DataFrame, groups: Groups | None = None) -> Figure:
    """The document timeline (``plot_document_timeline``), or, by group, documents per group
    (``plot_documents_per_period``). ``documents`` is ``document_dates(docs)``."""
    if per_document(groups):
        return plot_document_timeline(documents)
    return plot_documents_per_period(documents, groups.labels)


def plot_document_timeline(documents: pd.DataFrame) -> Figure:
    """Documents in date order: one row each (doc_id, issuer, genre, title), a dot at its date.

    ``documents`` is ``document_dates(docs)``; inferred dates are hollow, undated documents are named in the caption.
    """
    dated = documents.dropna(subset=["date"]).reset_index(drop=True)
    days = pd.to_datetime(dated["date"])
    fig = new_figure(10, 0.55 * max(len(dated), 1) + 1.8)
    ax = fig.subplots()
    genres = list(GENRE_LABEL)
    for y, (day, doc) in enumerate(zip(days, dated.itertuples())):
        color = style.PALETTE[genres.index(doc.genre) % len(style.PALETTE)] if doc.genre in genres else "grey"
        hollow = doc.date_source != "explicit"
        ax.axhline(y, color="#dddddd", linewidth=0.8, zorder=1)
        ax.scatter(day, y, s=80, color="white" if hollow else color, edgecolor=color, linewidth=2, zorder=3)
        ax.annotate(_spoken(day), (day, y), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9)
    issuers = dated["issuer"].fillna("（未署名）").astype(str)
    ax.set_yticks(range(len(dated)), [f"{d}  {_shorten(i, 10)}｜{_shorten(t, 16)}"
                                      for d, i, t in zip(dated["doc_id"], issuers, dated["title"])])
    ax.set_ylim(len(dated) - 0.4, -0.6)
    if len(dated):
        ax.set_xlim(days.min() - pd.Timedelta(days=3), days.max() + pd.Timedelta(days=7))
    _date_axis(ax.xaxis)
    ax.grid(axis="x", color="#eeeeee")
    handles = [ax.scatter([], [], s=60, color=style.PALETTE[genres.index(g) % len(style.PALETTE)], label=GENRE_LABEL[g])
               for g in genres if g in set(dated["genre"])]
    handles.append(ax.scatter([], [], s=60, color="white", edgecolor="grey", linewidth=2, label="推断日期 inferred"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="体裁 genre")
    undated = documents.loc[documents["date"].isna(), "doc_id"].tolist()
    ax.set_xlabel("文档日期 document date" + (f"；无日期 undated: {', '.join(undated)}" if undated else ""))
    span = f"{days.min().year}年{_spoken(days.min())}—{_spoken(days.max())}" if len(dated) else ""
    ax.set_title(f"文档时间线 Document timeline {span}")
    return fig


def _spread_labels(positions: list[float], *, gap: float) -> list[float]:
    """Label positions as close as possible (least squares) to sorted ``positions`` but ``gap`` apart.

    Subtracting i*gap turns "gap apart" into "non-decreasing": pool adjacent violators, add it back.
    """
    blocks: list[list[float]] = []  # [mean, size]
    for i, value in enumerate(positions):
        blocks.append([value - i * gap, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (mean_a, size_a), (mean_b, size_b) = blocks.pop(-2), blocks.pop()
            blocks.append([(mean_a * size_a + mean_b * size_b) / (size_a + size_b), size_a + size_b])
    shifted = [mean for mean, size in blocks for _ in range(size)]
    return [value + i * gap for i, value in enumerate(shifted)]


def plot_event_timeline(events: pd.DataFrame) -> Figure:
    """A vertical timeline of the days the documents mention, each labelled with its context.

    ``events`` is ``event_timeline(date_mentions(docs))``. Dots sit at the true date; labels are
    spread so they never overlap and joined to their dot by a thin line.
    """
    import matplotlib.dates as mdates

    n = len(events)
    fig = new_figure(10, 0.42 * max(n, 4) + 1.4)
    ax = fig.subplots()
    days = mdates.date2num(pd.to_datetime(events["date"]).dt.to_pydatetime()) if n else []
    low, high = (min(days), max(days)) if n else (0, 1)
    span = max(high - low, 1.0)
    axes_inches = 0.42 * max(n, 4)
    gap = span * 0.34 / axes_inches if n > 1 else 1.0
    label_y = _spread_labels(list(days), gap=gap)
    kinds = list(DATE_KIND_LABEL)
    for day, y, event in zip(days, label_y, events.itertuples()):
        color = style.PALETTE[kinds.index(event.date_kind) % len(style.PALETTE)]
        ax.scatter(0, day, s=45, color=color, zorder=3)
        ax.plot([0, 0.05, 0.09], [day, y, y], color=color, linewidth=0.8, alpha=0.7)
        ax.text(0.1, y, event.label, va="center", fontsize=9)
    ax.axvline(0, color="#999999", linewidth=1.2, zorder=1)
    ax.set_xlim(-0.02, 1.0)
    ax.set_ylim(max([high, *label_y]) + gap, min([low, *label_y]) - gap)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    _date_axis(ax.yaxis)
    handles = [ax.scatter([], [], s=45, color=style.PALETTE[kinds.index(k) % len(style.PALETTE)], label=DATE_KIND_LABEL[k])
               for k in kinds if k in set(events["date_kind"])]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=min(len(handles), 4),
              frameon=False, title="日期类型 kind")
    ax.set_title("文中提及的日期 Event timeline: days the documents mention")
    return fig


def plot_share_trend(shares: pd.DataFrame, documents: pd.DataFrame, groups: Groups | None = None, *,
                     title: str | None = None, xlabel: str | None = None) -> Figure:
    """Heatmap: rows are categories (largest overall first), columns are documents in date order, or, by
    group, the groups (``grouping.by_group``: shares of the group's hits, dated by its first document).

    ``shares`` has doc_id, category, count, share (0-1); ``documents`` is ``document_dates(docs)``.
    """
    if per_document(groups):
        return _share_grid(shares, documents, title=title or "主题占比随文档日期变化 Theme shares by document date",
                           xlabel=xlabel or "文档（按日期排序） documents in date order")
    zh, en = groups.names
    return _share_grid(grouping.by_group(shares, groups), grouping.by_group(documents, groups),
                       title=title or f"各{zh}的主题占比 Theme shares by {en}",
                       xlabel=xlabel or f"按{zh}分组，标注组内最早日期 {en}s, with the group's first date")


def _share_grid(shares: pd.DataFrame, documents: pd.DataFrame, *, title: str, xlabel: str) -> Figure:
    order = documents.dropna(subset=["date"])["doc_id"].tolist() + documents.loc[documents["date"].isna(), "doc_id"].tolist()
    grid = shares.pivot_table(index="category", columns="doc_id", values="share", aggfunc="sum").reindex(columns=order)
    grid = grid.loc[sorted(grid.index, key=lambda c: (-grid.loc[c].mean(), c))]
    fig = new_figure(1.05 * len(order) + 3, 0.5 * len(grid) + 2.2)
    ax = fig.subplots()
    image = ax.imshow(grid.fillna(0).to_numpy(), cmap="YlOrRd", aspect="auto", vmin=0)
    for (row, col), value in pd.DataFrame(grid.fillna(0).to_numpy()).stack().items():
        ax.text(col, row, f"{value:.0%}", ha="center", va="center", fontsize=8,
                color="white" if value > 0.6 * max(grid.max().max(), 1e-9) else "black")
    info = documents.set_index("doc_id")
    labels = [f"{d}\n{_spoken(pd.Timestamp(info.at[d, 'date'])) if pd.notna(info.at[d, 'date']) else '无日期'}"
              + (f"\n{GENRE_LABEL[info.at[d, 'genre']].split()[0]}" if info.at[d, "genre"] in GENRE_LABEL else "")
              for d in order]
    ax.set_xticks(range(len(order)), labels)
    ax.set_yticks(range(len(grid)), grid.index)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02, format=lambda value, _: f"{value:.0%}").set_label("占比 share")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return fig


def plot_documents_per_period(docs: pd.DataFrame, groups: pd.Series, *, title: str | None = None) -> Figure:
    """Bars: documents per group (week or month of the date, genre …), in label order; the grouped
    form of the document timeline for a large corpus."""
    counts = groups.value_counts().sort_index()
    fig = new_figure(10, 4.5)
    ax = fig.subplots()
    ax.bar(range(len(counts)), counts.to_numpy(), color=style.PALETTE[1])
    step = max(1, len(counts) // 24)  # at most about 24 tick labels
    ax.set_xticks(range(0, len(counts), step), [counts.index[i] for i in range(0, len(counts), step)],
                  rotation=45, ha="right")
    ax.set_ylabel("文档数 documents")
    ax.set_title(title or f"各时段的文档数 Documents per period（共 {len(docs):,} 篇）")
    return fig


def plot_event_counts(events: pd.DataFrame, *, top: int = 10) -> Figure:
    """Bars: mentions per day, the ``top`` busiest days labelled with their date; the grouped form of
    the event timeline for a large corpus."""
    days = pd.to_datetime(events["date"]).value_counts().sort_index()
    span = max((days.index.max() - days.index.min()).days, 1)
    fig = new_figure(10, 4.5)
    ax = fig.subplots()
    ax.bar(days.index, days.to_numpy(), width=max(1.0, span / 300), color=style.PALETTE[0])
    busiest = _spaced(days, top, gap=max(1, span // 15))  # a label such as 3月15日 needs about 1/15 of the axis
    for day, count in busiest.items():
        label = _spoken(day) if span <= 366 else f"{day.year}年{_spoken(day)}"
        ax.annotate(label, (day, count), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8)
    ax.set_ylim(0, days.max() * 1.1)
    _period_axis(ax.xaxis, span)
    ax.tick_params(axis="x", labelrotation=30)
    ax.set_ylabel("提及次数 mentions")
    ax.set_title(f"文中提及的日期：每天的提及次数 Days mentioned, per day（标出最多的 {len(busiest)} 天，彼此相隔较远）")
    return fig
