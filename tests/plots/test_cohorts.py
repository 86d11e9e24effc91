"""corpus_lib.plots.cohorts: the cohort charts draw the seed's mentions, statistics and people without a missing glyph."""
from __future__ import annotations

import io
import warnings

from corpus_lib import cohorts, plots
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
