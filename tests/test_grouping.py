"""Views that fit the corpus size: the grouping chosen for 7, 31 and 300 documents, and bounded figures at 300."""
from __future__ import annotations

import pandas as pd
import pytest
from PIL import Image

import corpus_lib as cl
from corpus_lib import export, grouping, plots
from corpus_lib.errors import CorpusError
from synthetic import corpus


@pytest.mark.parametrize("n, dated, span, expected", [
    (7, True, 365, "document"),      # the seed's size: one element per document
    (30, True, 365, "document"),
    (31, True, 365, "month"),        # above 30 documents, dated over a year: by month
    (300, True, 40, "week"),         # dated over under ten weeks: by week
    (300, True, 3 * 365, "month"),   # up to three years: by month
    (300, True, 5 * 365, "year"),    # longer: by year
    (300, False, 365, "genre"),      # mostly undated: by genre
])
def test_the_view_follows_the_corpus_size(n, dated, span, expected):
    assert grouping.choose_grouping(corpus(n, dated=dated, span_days=span)) == expected


def test_group_by_can_be_set_and_is_checked():
    docs = corpus(300)
    assert grouping.choose_grouping(docs, "issuer") == "issuer"
    assert set(grouping.document_groups(docs, "issuer")) == {"共青团浙江省委员会", "（未署名）"}
    with pytest.raises(CorpusError, match="GROUP_BY 'colour'"):
        grouping.choose_grouping(docs, "colour")


def test_a_grouping_by_value_keeps_eleven_groups_and_puts_the_rest_in_other():
    # 20 issuers: 机构00 writes 40 documents, 机构01 39 … each issuer one fewer
    issuers = [f"机构{k:02d}" for k in range(20) for _ in range(40 - k)]
    docs = corpus(len(issuers)).assign(issuer=issuers)
    labels = grouping.document_groups(docs, "issuer")
    assert labels.nunique() == grouping.MAX_GROUPS
    assert set(labels) == {f"机构{k:02d}" for k in range(11)} | {"其他"}
    assert (labels == "其他").sum() == sum(40 - k for k in range(11, 20))


def test_year_labels():
    docs = corpus(3).assign(date=pd.to_datetime(["2019-12-31", "2020-01-01", None]))
    assert grouping.document_groups(docs, "year").tolist() == ["2019年", "2020年", "无日期"]


def test_month_labels_sort_in_time_and_undated_documents_have_their_own_group():
    docs = corpus(4).assign(date=pd.to_datetime(["2021-10-05", "2021-03-01", None, "2021-03-31"]))
    labels = grouping.document_groups(docs, "month")
    assert labels.tolist() == ["2021年10月", "2021年03月", "无日期", "2021年03月"]
    assert sorted(set(labels) - {"无日期"}) == ["2021年03月", "2021年10月"]


def test_group_shares_sum_to_one_per_group():
    shares = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2"], "category": ["甲", "乙", "甲", "乙"],
                           "count": [1, 3, 2, 0], "share": [0.25, 0.75, 1.0, 0.0]})
    grouped = grouping.group_shares(shares, pd.Series({"d1": "g", "d2": "g"}))
    # g: 甲 1 + 2 = 3, 乙 3 + 0 = 3 of 6 hits
    assert grouped[["doc_id", "category", "count", "share"]].values.tolist() == [["g", "甲", 3, 0.5], ["g", "乙", 3, 0.5]]


def test_grouped_figures_of_300_documents_stay_within_bounds(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    docs = corpus(300)
    view = grouping.choose_grouping(docs)
    groups = grouping.document_groups(docs, view)
    from corpus_lib import themes

    counts = themes.term_counts(docs, boilerplate=True)
    shown = grouping.largest_groups(groups, docs.set_index("doc_id")["n_chars"])
    panels = grouping.regroup(counts, groups).groupby(["doc_id", "term"], as_index=False)["count"].sum()
    figures = {
        "periods": plots.dates.plot_documents_per_period(docs, groups),
        "sizes": plots.overview.plot_group_sizes(docs, groups),
        "shares": plots.themes.plot_theme_shares(grouping.group_shares(themes.theme_shares(docs), groups)),
        "clouds": plots.themes.plot_wordcloud_grid(panels[panels["doc_id"].isin(shown)]),
        "events": plots.dates.plot_event_counts(pd.DataFrame({"date": docs["date"].dt.strftime("%Y-%m-%d")})),
    }
    from corpus_lib import cohorts, institutions, overview

    mentions = institutions.institution_mentions(docs)
    table = institutions.institution_table(docs, mentions=mentions)
    by = grouping.group_name(view)
    figures |= {
        "heatmap": plots.institutions.plot_document_heatmap(grouping.regroup(mentions, groups), by=by),
        "levels": plots.institutions.plot_levels(grouping.regroup(mentions, groups), table, by=by),
        "cohorts": plots.cohorts.plot_cohort_counts(cohorts.cohort_counts(docs).groupby(groups).sum(), by=by),
        "vocabulary": plots.overview.plot_vocabulary_scatter(overview.vocabulary_table(docs, cl.segment_corpus(docs))),
        "network": plots.themes.plot_cooccurrence(themes.cooccurrence(docs, top=30, max_edges=60)),
    }
    assert "by month" in figures["heatmap"].axes[0].get_title() and "by month" in figures["levels"].axes[0].get_title()
    assert figures["cohorts"].axes[0].get_title() == "各月提到的世代词 / Cohort mentions per month"
    assert len(shown) == grouping.MAX_GROUPS
    for name, fig in figures.items():
        path = cl.save_figure(fig, name, formats=("png",))[0]
        with Image.open(path) as image:
            assert max(image.size) <= export.PNG_MAX_SIDE, (name, image.size)
        assert path.stat().st_size <= export.PNG_MAX_BYTES, name
    assert len(figures["clouds"].axes) <= 12


