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


@pytest.mark.slow
def test_grouped_figures_of_300_documents_stay_within_bounds(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path))
    docs = corpus(300)  # dated over 2021: by month, twelve groups
    groups = grouping.groups_for(docs)
    from corpus_lib import cohorts, dates, institutions, overview, themes

    documents = dates.document_dates(docs.assign(date_source="explicit", date_note=""))
    panels = grouping.largest_group_counts(themes.term_counts(docs, boilerplate=True), groups,
                                           docs.set_index("doc_id")["n_chars"])
    mentions = institutions.institution_mentions(docs)
    table = institutions.institution_table(docs, mentions=mentions)
    figures = {
        "periods": plots.dates.plot_timeline(documents, groups),
        "sizes": plots.overview.plot_lengths(docs, groups),
        "shares": plots.themes.plot_theme_shares(themes.theme_shares(docs), groups),
        "clouds": plots.themes.plot_wordcloud_grid(panels, groups),
        "events": plots.dates.plot_event_counts(pd.DataFrame({"date": docs["date"].dt.strftime("%Y-%m-%d")})),
        "heatmap": plots.institutions.plot_heatmap(mentions, groups),
        "levels": plots.institutions.plot_levels(mentions, table, groups),
        "cohorts": plots.cohorts.plot_cohort_counts(cohorts.cohort_counts(docs), groups),
        "vocabulary": plots.overview.plot_vocabulary(overview.vocabulary_table(docs, cl.segment_corpus(docs)), groups),
        "network": plots.themes.plot_cooccurrence(themes.cooccurrence(docs, top=30, max_edges=60)),
    }
    shown = min(30, mentions["canonical"].nunique())
    assert figures["heatmap"].axes[0].get_title() == f"机构 × 月 (top {shown} institutions by month)"
    assert figures["levels"].axes[0].get_title() == "中央与地方机构 (central vs local bodies, by month)"
    assert figures["cohorts"].axes[0].get_title() == "各月提到的世代词 / Cohort mentions per month"
    months = [f"2021年{m:02d}月" for m in range(1, 13)]
    assert [ax.get_title() for ax in figures["clouds"].axes] == months  # 12 panels, the most a grid shows
    for name, fig in figures.items():
        path = cl.save_figure(fig, name, formats=("png",))[0]
        with Image.open(path) as image:
            assert max(image.size) <= export.PNG_MAX_SIDE, (name, image.size)
        assert path.stat().st_size <= export.PNG_MAX_BYTES, name


def test_groups_for_names_the_view_and_says_why():
    seven = corpus(7)
    groups = grouping.groups_for(seven)
    assert (groups.name, groups.per_document, groups.chosen, groups.names) == ("document", True, True, ("文档", "document"))
    assert groups.labels.to_dict() == {d: d for d in seven["doc_id"]}
    assert groups.description == ("图表按文档逐篇绘制（7 篇，自动选择）。 Charts draw one element per document "
                                  "(7 documents, chosen automatically).")
    docs = corpus(300)
    by_genre = grouping.groups_for(docs, "genre")  # the generator draws news, notice and speech
    assert (by_genre.name, by_genre.per_document, by_genre.chosen, by_genre.names) == ("genre", False, False, ("体裁", "genre"))
    assert sorted(set(by_genre.labels)) == ["新闻 news", "讲话 speech", "通知 notice"]
    assert by_genre.description == (
        "图表按体裁分组绘制：300 篇文档分为 3 组（按参数 GROUP_BY；超过 30 篇时逐篇绘制难以阅读）。 Charts are grouped by "
        "genre: 300 documents in 3 groups (set by GROUP_BY; above 30 documents one element per document is unreadable).")
    assert grouping.describe_grouping(docs, "genre", chosen=False) == by_genre.description
    with pytest.raises(CorpusError, match="GROUP_BY 'colour'"):
        grouping.groups_for(docs, "colour")


# d1 and d2 are in group 甲, d3 in 乙
TWO_GROUPS = grouping.Groups("genre", pd.Series({"d1": "甲", "d2": "甲", "d3": "乙"}, name="group"), chosen=False)
PER_DOCUMENT = grouping.Groups("document", pd.Series({"d1": "d1", "d2": "d2", "d3": "d3"}, name="group"), chosen=True)


def test_by_group_leaves_a_per_document_table_as_it_is():
    counts = pd.DataFrame({"90后": [1, 2, 0]}, index=pd.Index(["d1", "d2", "d3"], name="doc_id"))
    assert grouping.by_group(counts, PER_DOCUMENT) is counts


def test_by_group_sums_a_table_indexed_by_document():
    counts = pd.DataFrame({"90后": [1, 2, 0], "00后": [0, 1, 4]}, index=pd.Index(["d1", "d2", "d3"], name="doc_id"))
    summed = grouping.by_group(counts, TWO_GROUPS)
    # 甲: 90后 1 + 2, 00后 0 + 1; 乙: d3 alone. Groups in label order (乙 U+4E59 before 甲 U+7532).
    assert summed.to_dict("index") == {"乙": {"90后": 0, "00后": 4}, "甲": {"90后": 3, "00后": 1}}
    assert list(summed.index) == ["乙", "甲"] and summed.index.name == "group"


def test_by_group_sums_long_counts_and_recomputes_shares():
    terms = pd.DataFrame({"doc_id": ["d1", "d2", "d2", "d3"], "term": ["青年", "青年", "团员", "青年"],
                          "count": [2, 3, 1, 4], "per_10k": [1.0, 2.0, 3.0, 4.0]})
    # 甲: 青年 2 + 3, 团员 1; 乙: 青年 4. per_10k cannot be summed and is left out.
    assert grouping.by_group(terms, TWO_GROUPS).values.tolist() == [["甲", "青年", 5], ["甲", "团员", 1], ["乙", "青年", 4]]
    shares = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2", "d3", "d3"], "category": ["疫情", "青年"] * 3,
                           "count": [1, 1, 2, 0, 0, 0], "share": [0.5, 0.5, 1.0, 0.0, 0.0, 0.0]})
    # 甲: 疫情 1 + 2 = 3 and 青年 1 of 4 hits; 乙 has no hits, so its shares are 0
    assert grouping.by_group(shares, TWO_GROUPS).values.tolist() == [
        ["甲", "疫情", 3, 0.75], ["甲", "青年", 1, 0.25], ["乙", "疫情", 0, 0.0], ["乙", "青年", 0, 0.0]]


def test_by_group_dates_each_group_by_its_first_document():
    from corpus_lib import dates

    docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "date": pd.to_datetime(["2020-03-02", "2020-02-10", None]),
                         "date_source": ["explicit", "explicit", "none"], "date_note": "", "issuer": None,
                         "genre": "news", "title": ["一", "二", "三"], "text": ""})
    grouped = grouping.by_group(dates.document_dates(docs), TWO_GROUPS)
    assert grouped["doc_id"].tolist() == ["乙", "甲"] and grouped["genre"].isna().all()
    assert pd.isna(grouped.loc[0, "date"]) and grouped.loc[1, "date"] == "2020-02-10"  # d3 undated; d2 before d1
    with pytest.raises(ValueError, match="by_group"):
        grouping.by_group(pd.DataFrame({"doc_id": ["d1"], "name": ["张三"]}), TWO_GROUPS)


def test_largest_group_counts_keeps_the_largest_groups_most_frequent_terms_first():
    counts = pd.DataFrame({"doc_id": ["d1", "d2", "d2", "d3"], "term": ["团员", "青年", "团员", "抗疫"], "count": [1, 3, 1, 7]})
    sizes = pd.Series({"d1": 100, "d2": 50, "d3": 120})  # 甲 150 characters, 乙 120
    assert grouping.largest_group_counts(counts, TWO_GROUPS, sizes, limit=1).values.tolist() == [
        ["甲", "青年", 3], ["甲", "团员", 2]]
    # per document the three documents are their own groups; the two longest are d1 and d3
    assert grouping.largest_group_counts(counts, PER_DOCUMENT, sizes, limit=2).values.tolist() == [
        ["d1", "团员", 1], ["d3", "抗疫", 7]]
