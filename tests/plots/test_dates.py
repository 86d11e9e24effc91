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


def test_share_trend_by_month_draws(tmp_path):
    from corpus_lib import themes

    docs = corpus(300)
    groups = grouping.document_groups(docs, "month")
    documents = dates.document_dates(docs.assign(date_source="explicit", date_note="", issuer=None))
    fig = plots.dates.plot_share_trend(grouping.group_shares(themes.theme_shares(docs), groups),
                                       grouping.group_documents(documents, groups), title="主题占比")
    assert len(fig.axes[0].get_xticklabels()) == groups.nunique() == 12
    _draw(fig)
