"""corpus_lib.plots.themes: keyness, theme shares, top terms, word clouds and the network draw in Chinese."""
from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest

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


def test_theme_shares_have_a_bar_per_document_or_per_group(seed_docs):
    from corpus_lib import grouping, labels

    shares = themes.theme_shares(seed_docs)
    doc_labels = labels.document_labels(seed_docs)
    categories = list(dict.fromkeys(shares["category"]))
    ax = plots.themes.plot_theme_shares(shares, grouping.groups_for(seed_docs), labels=doc_labels).axes[0]
    assert ax.get_title() == "各文档的主题构成 / Theme shares by document"
    assert [t.get_text() for t in ax.get_yticklabels()] == [doc_labels[d] for d in sorted(doc_labels, reverse=True)]
    ax = plots.themes.plot_theme_shares(shares, grouping.groups_for(seed_docs, "genre"), labels=doc_labels).axes[0]
    assert ax.get_title() == "各组的主题构成 / Theme shares by genre"
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["通知 notice", "讲话 speech", "新闻 news", "信件 letter"]  # first group on top
    # a group of one document (the speech, d03) has that document's shares, category by category
    row = names.index("讲话 speech")
    widths = [ax.patches[i * len(names) + row].get_width() for i in range(len(categories))]
    d03 = shares[shares["doc_id"] == "d03"].set_index("category")["share"]
    assert widths == pytest.approx([d03[c] for c in categories])  # recomputed from the counts


def test_wordcloud_grid_says_whether_it_shows_documents_or_groups(seed_docs):
    from corpus_lib import grouping

    titles = {"d01": "d01 回信", "d03": "d03 讲话"}
    per_document = pd.DataFrame({"doc_id": ["d01", "d01", "d03"], "term": ["青年", "党员", "疫情"], "count": [5, 2, 9]})
    fig = plots.themes.plot_wordcloud_grid(per_document, grouping.groups_for(seed_docs), titles=titles)
    assert fig.get_suptitle() == "各文档词云 / Word clouds by document"
    assert [ax.get_title() for ax in fig.axes if ax.get_title()] == ["d01 回信", "d03 讲话"]
    by_genre = pd.DataFrame({"doc_id": ["信件 letter", "讲话 speech"], "term": ["青年", "疫情"], "count": [5, 9]})
    fig = plots.themes.plot_wordcloud_grid(by_genre, grouping.groups_for(seed_docs, "genre"), titles=titles)
    assert fig.get_suptitle() == "各组词云 / Word clouds by genre"
    assert [ax.get_title() for ax in fig.axes if ax.get_title()] == ["信件 letter", "讲话 speech"]
    assert len(fig.axes) == 3  # one row of three panels, the third left empty
