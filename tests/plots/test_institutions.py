"""corpus_lib.plots.institutions: every chart draws the seed's institutions without a missing glyph."""
from __future__ import annotations

import io
import warnings

from corpus_lib import institutions as inst
from corpus_lib import plots


def test_plots_draw_without_missing_glyphs(seed_docs):
    mentions = inst.institution_mentions(seed_docs)
    table = inst.institution_table(seed_docs, mentions=mentions)
    figures = [plots.institutions.plot_types(table), plots.institutions.plot_province_map(table),
               plots.institutions.plot_document_heatmap(mentions, top=10), plots.institutions.plot_levels(mentions, table)]
    for fig in figures:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png")
        assert fig.axes[0].get_title()
