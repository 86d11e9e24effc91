"""corpus_lib.plots.dates: the document and event timelines and the share trend draw, with labels that never collide."""
from __future__ import annotations

import io
import itertools
import warnings

import pandas as pd
import pytest

from corpus_lib import dates, grouping, plots
from synthetic import corpus


@pytest.mark.parametrize("positions, gap, expected", [
    ([0.0, 0.0, 0.0], 1.0, [-1.0, 0.0, 1.0]),
    ([0.0, 5.0, 10.0], 1.0, [0.0, 5.0, 10.0]),
    ([0.0, 0.5, 10.0], 1.0, [-0.25, 0.75, 10.0]),
])
def test_spread_labels(positions, gap, expected):
    assert plots.dates._spread_labels(positions, gap=gap) == pytest.approx(expected)


def _draw(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph fails the test
        fig.savefig(io.BytesIO(), format="png")


def test_charts_draw_without_missing_glyphs(seed_docs):
    from corpus_lib.textstats.themes import theme_shares

    documents = dates.document_dates(seed_docs)
    events = dates.event_timeline(dates.date_mentions(seed_docs))
    for fig in (plots.dates.plot_document_timeline(documents), plots.dates.plot_event_timeline(events),
                plots.dates.plot_share_trend(theme_shares(seed_docs), documents, title="主题占比 Theme shares")):
        _draw(fig)


def test_event_labels_do_not_overlap(seed_docs):
    fig = plots.dates.plot_event_timeline(dates.event_timeline(dates.date_mentions(seed_docs)))
    _draw(fig)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [text.get_window_extent(renderer) for text in fig.axes[0].texts]
    assert len(boxes) == 14
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


@pytest.mark.parametrize("span", [40, 200, 800, 2000])
def test_event_counts_keep_ticks_and_labels_apart_at_any_span(span):
    # a mention on every day of the span, 1 to 7 a day in a weekly cycle, so busy days are neighbours
    days = pd.date_range("2020-01-01", periods=span, freq="D")
    events = pd.DataFrame({"date": [d.strftime("%Y-%m-%d") for i, d in enumerate(days) for _ in range(1 + i % 7)]})
    fig = plots.dates.plot_event_counts(events, top=10)
    fig.canvas.draw()
    ax = fig.axes[0]
    labelled = sorted(pd.Timestamp(text.xy[0]) if not isinstance(text.xy[0], float) else
                      pd.Timestamp("1970-01-01") + pd.to_timedelta(text.xy[0], unit="D") for text in ax.texts)
    assert 1 <= len(labelled) <= 10
    gaps = [(b - a).days for a, b in zip(labelled, labelled[1:])]
    assert all(gap > max(1, span // 15) for gap in gaps), gaps
    ticks = [t for t in ax.get_xticklabels() if t.get_text()]
    assert 2 <= len(ticks) <= 14, [t.get_text() for t in ticks]


def test_share_trend_by_month_draws():
    from corpus_lib import themes

    docs = corpus(300)
    groups = grouping.groups_for(docs, "month")
    documents = dates.document_dates(docs.assign(date_source="explicit", date_note="", issuer=None))
    fig = plots.dates.plot_share_trend(themes.theme_shares(docs), documents, groups, title="主题占比")
    assert len(fig.axes[0].get_xticklabels()) == groups.labels.nunique() == 12  # dated over 2021: twelve months
    _draw(fig)


# Seed document dates (tests/test_dates.py): d06 1月31日; d07 2月4日, d03 2月23日, d04 2月24日; d01 and d02 3月15日,
# d05 3月19日. By month: 1, 3 and 3 documents.

def test_the_timeline_draws_one_row_per_document_or_the_documents_per_group(seed_docs):
    documents = dates.document_dates(seed_docs)
    for per_document in (plots.dates.plot_timeline(documents), plots.dates.plot_timeline(documents, grouping.groups_for(seed_docs))):
        ax = per_document.axes[0]
        assert ax.get_title() == "文档时间线 Document timeline 2020年1月31日—3月19日"
        assert [label.get_text()[:3] for label in ax.get_yticklabels()] == ["d06", "d07", "d03", "d04", "d01", "d02", "d05"]
    ax = plots.dates.plot_timeline(documents, grouping.groups_for(seed_docs, "month")).axes[0]
    assert ax.get_title() == "各时段的文档数 Documents per period（共 7 篇）"
    assert [label.get_text() for label in ax.get_xticklabels()] == ["2020年01月", "2020年02月", "2020年03月"]
    assert [bar.get_height() for bar in ax.patches] == [1, 3, 3]


def test_the_share_trend_has_a_column_per_document_or_per_group(seed_docs):
    from corpus_lib import themes

    documents, shares = dates.document_dates(seed_docs), themes.theme_shares(seed_docs)
    ax = plots.dates.plot_share_trend(shares, documents, grouping.groups_for(seed_docs)).axes[0]
    assert ax.get_title() == "主题占比随文档日期变化 Theme shares by document date"
    assert [label.get_text().split("\n")[:2] for label in ax.get_xticklabels()][:2] == [["d06", "1月31日"], ["d07", "2月4日"]]
    assert len(ax.get_xticklabels()) == 7
    fig = plots.dates.plot_share_trend(shares, documents, grouping.groups_for(seed_docs, "month"))
    ax = fig.axes[0]
    assert (ax.get_title(), ax.get_xlabel()) == ("各月的主题占比 Theme shares by month",
                                                 "按月分组，标注组内最早日期 months, with the group's first date")
    # each month dated by its first document; a group has no genre line
    assert [label.get_text() for label in ax.get_xticklabels()] == ["2020年01月\n1月31日", "2020年02月\n2月4日",
                                                                    "2020年03月\n3月15日"]
    # January is d06 alone: its column holds d06's shares
    d06 = shares[shares["doc_id"] == "d06"].set_index("category")["share"]
    grid = ax.images[0].get_array()
    rows = [label.get_text() for label in ax.get_yticklabels()]
    assert [round(float(grid[rows.index(c), 0]), 6) for c in d06.index] == [round(v, 6) for v in d06]
    _draw(fig)
