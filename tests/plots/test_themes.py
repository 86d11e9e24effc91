"""corpus_lib.plots.themes: keyness, theme shares, top terms, word clouds and the network draw in Chinese."""
from __future__ import annotations

import io
import warnings

import pandas as pd

from corpus_lib import plots, themes


def _figures(docs):
    counts = themes.term_counts(docs, by="all")
    yield "keyness", lambda: plots.themes.plot_keyness(themes.keyness_by(docs, "genre", "speech", "notice"))
    yield "shares", lambda: plots.themes.plot_theme_shares(themes.theme_shares(docs))
    yield "top", lambda: plots.themes.plot_top_terms(counts)
    yield "cloud", lambda: plots.themes.plot_wordcloud(counts.head(40), title="词云")
    yield "network", lambda: plots.themes.plot_cooccurrence(themes.cooccurrence(docs, top=12))
    yield "empty-keyness", lambda: plots.themes.plot_keyness(themes.keyness(["青年"], ["青年"]))


def test_figures_draw_chinese_without_glyph_warnings(seed_docs):
    from matplotlib.figure import Figure

    for name, build in _figures(seed_docs):
        fig = build()
        assert isinstance(fig, Figure), name
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png", dpi=40)


def test_theme_shares_without_hits_say_so():
    table = themes.theme_shares(pd.DataFrame({"doc_id": ["m1"], "text": ["公园里开满了花。"]}))  # no lexicon term
    fig = plots.themes.plot_theme_shares(table)
    fig.savefig(io.BytesIO(), format="png", dpi=40)
    assert [text.get_text() for text in fig.axes[0].texts] == ["未发现主题词 / no theme-lexicon terms found"]
