"""corpus_lib.plots.cohorts: the cohort charts draw the seed's mentions, statistics and people without a missing glyph."""
from __future__ import annotations

import io
import warnings

from corpus_lib import cohorts, grouping, plots
from corpus_lib import people as people_module


def test_plots_draw_without_missing_glyphs(seed_docs):
    people = people_module.extract_people(seed_docs)
    figures = [plots.cohorts.plot_cohort_counts(cohorts.cohort_counts(seed_docs)),
               plots.cohorts.plot_stated_shares(cohorts.stated_statistics(seed_docs)),
               plots.cohorts.plot_people_by(people.reset_index(), "province", title="按省份")]
    for fig in figures:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png")


def test_cohort_counts_have_a_row_per_document_or_per_group(seed_docs):
    counts = cohorts.cohort_counts(seed_docs)
    titles = dict(zip(seed_docs["doc_id"], seed_docs["title"]))
    ax = plots.cohorts.plot_cohort_counts(counts, grouping.groups_for(seed_docs), labels=titles).axes[0]
    assert ax.get_title() == "各文档提到的世代词 / Cohort mentions per document"
    assert [label.get_text() for label in ax.get_yticklabels()] == [f"{d}  {titles[d]}" for d in counts.index]
    assert ax.images[0].get_array().tolist() == counts.to_numpy().tolist()
    ax = plots.cohorts.plot_cohort_counts(counts, grouping.groups_for(seed_docs, "genre"), labels=titles).axes[0]
    assert ax.get_title() == "各体裁提到的世代词 / Cohort mentions per genre"
    # rows by genre label (信件, 新闻, 讲话, 通知), no document titles; each row sums its documents
    genres = {"信件 letter": ["d01"], "新闻 news": ["d02", "d04", "d05"], "讲话 speech": ["d03"], "通知 notice": ["d06", "d07"]}
    assert [label.get_text() for label in ax.get_yticklabels()] == list(genres)
    assert ax.images[0].get_array().tolist() == [counts.loc[members].sum().tolist() for members in genres.values()]
    assert [label.get_text() for label in ax.get_xticklabels()] == list(counts.columns)
