"""corpus_lib.plots.overview: lengths and vocabulary, drawn per document or by group as the view says."""
from __future__ import annotations

import io
import warnings

import corpus_lib as cl
from corpus_lib import grouping, overview, plots
from corpus_lib.labels import GENRE_LABEL

# The seed's genres (README): a letter (d01), three news items (d02, d04, d05), a speech (d03), two notices (d06, d07).
SEED_GENRES = {"d01": "letter", "d02": "news", "d03": "speech", "d04": "news", "d05": "news", "d06": "notice",
               "d07": "notice"}


def _draw(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph fails the test
        fig.savefig(io.BytesIO(), format="png", dpi=40)


def test_lengths_per_document_are_one_bar_each(seed_docs):
    for fig in (plots.overview.plot_lengths(seed_docs), plots.overview.plot_lengths(seed_docs, grouping.groups_for(seed_docs))):
        ax = fig.axes[0]
        assert ax.get_title() == "各文档篇幅 Document length"
        assert [bar.get_width() for bar in ax.patches] == seed_docs["n_chars"].tolist()
        assert [label.get_text()[:3] for label in ax.get_yticklabels()] == sorted(SEED_GENRES)
        _draw(fig)


def test_lengths_by_genre_are_documents_and_characters_per_group(seed_docs):
    fig = plots.overview.plot_lengths(seed_docs, grouping.groups_for(seed_docs, "genre"))
    documents, characters = fig.axes
    labels = sorted(GENRE_LABEL[g] for g in set(SEED_GENRES.values()))  # 信件, 新闻, 讲话, 通知
    assert [label.get_text() for label in documents.get_yticklabels()] == labels
    per_genre = {GENRE_LABEL[g]: [d for d, genre in SEED_GENRES.items() if genre == g] for g in set(SEED_GENRES.values())}
    assert [bar.get_width() for bar in documents.patches] == [len(per_genre[label]) for label in labels]  # 1, 3, 1, 2
    n_chars = seed_docs.set_index("doc_id")["n_chars"]
    assert [bar.get_width() for bar in characters.patches] == [n_chars[per_genre[label]].sum() for label in labels]
    assert documents.get_title() == "各组文档数 documents per group（共 7 篇）"
    _draw(fig)


def test_vocabulary_is_bars_per_document_or_a_scatter_by_group(seed_docs):
    vocabulary = overview.vocabulary_table(seed_docs, cl.segment_corpus(seed_docs))
    ax = plots.overview.plot_vocabulary(vocabulary, grouping.groups_for(seed_docs)).axes[0]
    assert [label.get_text() for label in ax.get_xticklabels()] == sorted(SEED_GENRES)
    # two bars per document (terms, distinct terms), the type-token ratio written over the second
    assert [bar.get_height() for bar in ax.patches] == vocabulary["terms"].tolist() + vocabulary["distinct_terms"].tolist()
    assert [text.get_text() for text in ax.texts] == [f"{r:.2f}" for r in vocabulary["type_token_ratio"]]
    fig = plots.overview.plot_vocabulary(vocabulary, grouping.groups_for(seed_docs, "genre"))
    ax = fig.axes[0]
    assert ax.get_title() == "词汇丰富度与篇幅 Vocabulary richness against length（7 篇）"
    assert ax.collections[0].get_offsets().tolist() == vocabulary[["terms", "type_token_ratio"]].values.tolist()
    _draw(fig)
