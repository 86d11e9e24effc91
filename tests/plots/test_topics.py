"""corpus_lib.plots.topics: the topic charts draw the seed's model without a missing glyph, and say what they show."""
from __future__ import annotations

import io
import warnings

import pandas as pd

from corpus_lib import cohorts, grouping, plots
from corpus_lib.textstats import topics


def test_plots_draw_without_missing_glyphs(seed_docs):
    model = topics.fit_topics(seed_docs)
    labels = topics.topic_labels(model, seed_docs)
    by_group = topics.topic_shares(model, grouping.document_groups(seed_docs, "genre"))
    over_time = topics.topic_shares(model, grouping.document_groups(seed_docs, "week"))
    figures = [plots.topics.plot_coherence(model.coherence),
               plots.topics.plot_topic_terms(topics.topic_terms(model), labels),
               plots.topics.plot_topic_shares(by_group, labels, title="各体裁的主题占比", ylabel="体裁"),
               plots.topics.plot_topic_trend(over_time, labels, period="week"),
               plots.topics.plot_topic_shares(topics.topics_by_mention(model, cohorts.cohort_mentions(seed_docs),
                                                                       "cohort"), labels, title="世代", ylabel="世代")]
    for fig in figures:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png")
    # one bar per genre (信件, 新闻, 讲话, 通知 in label order), the first on top; one panel per topic
    ax = figures[2].axes[0]
    assert [t.get_text().split("（")[0] for t in ax.get_yticklabels()][::-1] == sorted(set(by_group["group"]))
    assert len([a for a in figures[1].axes if a.has_data()]) == model.k


def test_nothing_to_compare_is_said_on_the_chart():
    empty = pd.DataFrame(columns=["group", "topic", "share", "documents"])
    labels = pd.DataFrame({"topic": [1], "label": ["T1 青年"]})
    fig = plots.topics.plot_topic_shares(empty, labels, title="世代", ylabel="世代")
    assert fig.get_label() == "世代：没有可比较的文档 / no documents to compare"  # the report's caption too
    assert fig.axes[0].texts[0].get_text() == fig.get_label()
