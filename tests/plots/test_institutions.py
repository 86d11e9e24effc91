"""corpus_lib.plots.institutions: every chart draws the seed's institutions without a missing glyph."""
from __future__ import annotations

import io
import warnings

from corpus_lib import grouping
from corpus_lib import institutions as inst
from corpus_lib import plots
from corpus_lib.labels import GENRE_LABEL


def test_plots_draw_without_missing_glyphs(seed_docs):
    mentions = inst.institution_mentions(seed_docs)
    table = inst.institution_table(seed_docs, mentions=mentions)
    assert table["canonical"].nunique() > 10  # so the heatmap shows its top 10
    figures = {
        "各类机构 (institutions by type)": plots.institutions.plot_types(table),
        "机构所在省份 (province of each institution): 机构数 (institutions)": plots.institutions.plot_province_map(table),
        "机构 × 文档 (top 10 institutions by document)": plots.institutions.plot_document_heatmap(mentions, top=10),
        "中央与地方机构 (central vs local bodies, by document)": plots.institutions.plot_levels(mentions, table),
    }
    for title, fig in figures.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png")
        assert fig.axes[0].get_title() == title


def _column_totals(ax) -> list[float]:
    """The height of each stacked bar, left to right."""
    totals = {}
    for bar in ax.patches:
        x = round(bar.get_x() + bar.get_width() / 2, 6)
        totals[x] = totals.get(x, 0) + bar.get_height()
    return [totals[x] for x in sorted(totals)]


def test_the_heatmap_has_a_column_per_document_or_per_group(seed_docs):
    mentions = inst.institution_mentions(seed_docs)
    genre_of = {d: GENRE_LABEL[g] for d, g in zip(seed_docs["doc_id"], seed_docs["genre"])}
    per_document = plots.institutions.plot_heatmap(mentions, grouping.groups_for(seed_docs), top=10).axes[0]
    by_genre = plots.institutions.plot_heatmap(mentions, grouping.groups_for(seed_docs, "genre"), top=10).axes[0]
    assert per_document.get_title() == "机构 × 文档 (top 10 institutions by document)"
    assert by_genre.get_title() == "机构 × 体裁 (top 10 institutions by genre)"
    documents = [label.get_text() for label in per_document.get_xticklabels()]
    genres = [label.get_text() for label in by_genre.get_xticklabels()]
    assert documents == sorted(set(mentions["doc_id"])) and genres == sorted({genre_of[d] for d in documents})
    # the same ten institutions (ranked by all their mentions), and each genre's column sums its documents' columns
    assert [t.get_text() for t in by_genre.get_yticklabels()] == [t.get_text() for t in per_document.get_yticklabels()]
    grid, summed = per_document.images[0].get_array(), by_genre.images[0].get_array()
    for j, genre in enumerate(genres):
        members = [i for i, d in enumerate(documents) if genre_of[d] == genre]
        assert summed[:, j].tolist() == grid[:, members].sum(axis=1).tolist(), genre


def test_levels_stack_the_mentions_of_each_document_or_group(seed_docs):
    mentions = inst.institution_mentions(seed_docs)
    table = inst.institution_table(seed_docs, mentions=mentions)
    leveled = mentions[mentions["canonical"].map(table.set_index("canonical")["level"]).notna()]
    ax = plots.institutions.plot_levels(mentions, table, grouping.groups_for(seed_docs)).axes[0]
    assert (ax.get_title(), ax.get_xlabel()) == ("中央与地方机构 (central vs local bodies, by document)", "文档 (document)")
    assert _column_totals(ax) == leveled.groupby("doc_id").size().tolist()
    ax = plots.institutions.plot_levels(mentions, table, grouping.groups_for(seed_docs, "genre")).axes[0]
    assert (ax.get_title(), ax.get_xlabel()) == ("中央与地方机构 (central vs local bodies, by genre)", "体裁 (genre)")
    genre_of = {d: GENRE_LABEL[g] for d, g in zip(seed_docs["doc_id"], seed_docs["genre"])}
    assert _column_totals(ax) == leveled["doc_id"].map(genre_of).value_counts().sort_index().tolist()
