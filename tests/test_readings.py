"""Generated readings: every number comes from the table it describes; edge cases are said plainly."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib import cohorts, paths, readings, themes
from corpus_lib.readings.base import MAX_LISTED

WASTE = paths.REPO_ROOT / "tests" / "data" / "waste_sorting"


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?%?", text)


def test_cohort_counts_by_hand():
    # 90后: 2 + 39 = 41 of 60 words (68%); 00后: 19 (32%); two of three documents have any
    counts = pd.DataFrame({"90后": [2, 39, 0], "00后": [0, 19, 0]}, index=["d01", "d02", "d03"])
    reading = readings.read_cohort_counts(counts)
    assert reading.zh == "世代词出现在 2/3 篇文档中，共 60 次；最多的是 90后（41 次，占 68%），其次是 00后（19 次，占 32%）。"
    assert numbers(reading.en) == ["2", "3", "60", "90", "41", "68%", "00", "19", "32%"]


def test_no_cohort_words_is_said_plainly_and_gives_no_share():
    counts = pd.DataFrame(index=["d01", "d02"])
    reading = readings.read_cohort_counts(counts)
    assert reading.zh == "未发现世代词（80后 … 10后）。" and "%" not in reading.en


def test_small_samples_are_flagged():
    counts = pd.DataFrame({"90后": [3, 1]}, index=["d01", "d02"])
    assert "样本很小：只有 2 篇文档" in readings.read_cohort_counts(counts).zh


def _keyness(p_values):
    return pd.DataFrame({"term": ["青年", "团员", "抗疫"], "target_count": [9, 4, 0], "reference_count": [0, 1, 5],
                         "g2": [6.1, 1.2, -4.4], "log_ratio": [3.0, 1.0, -3.0], "p_value": p_values,
                         "direction": ["target", "target", "reference"]})


def test_keyness_names_significance_only_below_005():
    significant = readings.read_keyness(_keyness([0.013, 0.27, 0.036]), target="甲", reference="乙")
    assert "2 个词的差异达到 p < 0.05：1 个在甲中相对更多（如 青年），1 个在乙中相对更多（如 抗疫）" in significant.zh
    none = readings.read_keyness(_keyness([0.2, 0.27, 0.3]), target="甲", reference="乙")
    assert "没有一个词的差异达到 p < 0.05" in none.zh and "显著" not in none.zh and "significant" not in none.en
    flagged = readings.read_keyness(_keyness([0.2, 0.27, 0.3]), target="甲", reference="乙", documents=(1, 4))
    assert "样本很小：两组分别只有 1 篇和 4 篇文档" in flagged.zh
    assert readings.read_keyness(pd.DataFrame(columns=_keyness([1, 1, 1]).columns), target="甲", reference="乙").zh \
        .endswith("无法比较：至少一组没有词。")


def test_kwic_counts_come_from_the_concordance():
    concordance = pd.DataFrame({"doc_id": ["d01", "d02", "d02", "d02"], "left": "", "keyword": "团员", "right": ""})
    reading = readings.read_kwic(concordance, "团员", n_documents=5)
    assert reading.zh == "“团员”共出现 4 次，分布在 2/5 篇文档中；最多的是 d02（3 次，占 75%）。"
    assert readings.read_kwic(concordance.iloc[0:0], "党员", n_documents=5).zh == "语料中没有出现“党员”。"


def test_events_busiest_week():
    events = pd.DataFrame({"date": ["2021-06-01", "2021-06-03", "2021-06-03", "2021-07-01"], "doc_id": "d01"})
    reading = readings.read_events(events)
    # 1 and 3 June 2021 fall in the week starting Monday 31 May: 3 mentions there
    assert reading.zh == ("文中提到 3 个不同的日子（4 处），从 2021年6月1日 到 2021年7月1日；"
                          "提到最多的一周是 2021年5月31日 那一周（3 处）。")


def test_stated_shares_and_people_by_hand():
    stats = pd.DataFrame({"doc_id": ["d01", "d01"], "cohort": ["90后", None], "share": [0.2857, None],
                          "approximate": [True, True]})
    assert readings.read_stated_statistics(stats).zh == "文中给出 1 个世代比例：90后 占 28.6%（约数）。"
    people = pd.DataFrame({"doc_id": ["d01", "d01", "d02"], "name": ["王小雨", "张华", "李明"],
                           "cohort": ["90后", None, "90后"], "province": ["浙江", "浙江", None],
                           "role_group": ["志愿者", "记者", "学生"]})
    # the journalist is not a voice: 2 people, both 90后, one with a province
    assert readings.read_people(people).zh == "共 2 人（2 篇文档），其中 2 人的世代由文中写明：90后 2 人；来自 1 个省级地区，最多的是 浙江（1 人）。"


def test_stated_shares_repeated_in_many_documents_are_listed_once_each():
    # 30 documents state 90后 50%, 3 state 00后 20% (approximate), 1 states 90后 60%; 10 more distinct shares once each
    rows = ([("90后", 0.5, False)] * 30 + [("00后", 0.2, True)] * 3 + [("90后", 0.6, False)]
            + [("95后", k / 100, False) for k in range(1, 11)])
    stats = pd.DataFrame(rows, columns=["cohort", "share", "approximate"]).assign(
        doc_id=[f"d{i:02d}" for i in range(len(rows))])
    reading = readings.read_stated_statistics(stats)
    assert reading.zh.startswith("44 篇文档共给出 44 个世代比例，13 个不同的值，最常见的是：90后 占 50.0%（30 篇）、"
                                 "00后 占 20.0%（约数）（3 篇）、90后 占 60.0%（1 篇）")
    assert reading.zh.endswith("；其余见表。") and reading.zh.count("篇）") == MAX_LISTED


def test_keywords_by_group_say_groups():
    keywords = pd.DataFrame({"doc_id": [f"2020年{m:02d}月" for m in range(1, 9)], "term": "青年", "rank": 1})
    reading = readings.read_keywords(keywords, grouped=True)
    assert reading.zh.startswith("各组 TF-IDF 最高的词 — 2020年01月：青年；") and reading.zh.endswith("（共 8 组，其余见表）")
    assert reading.en.endswith("(8 groups in all; the table has the rest)")


def test_share_trend_by_group_speaks_of_groups():
    shares = pd.DataFrame({"doc_id": ["2020年01月", "2020年01月", "2020年03月"], "category": ["志愿服务", "医疗救治", "医疗救治"],
                           "count": [3, 1, 2], "share": [0.75, 0.25, 1.0]})
    documents = pd.DataFrame({"doc_id": ["2020年01月", "2020年03月"], "date": ["2020-01-05", "2020-03-02"], "genre": None})
    reading = readings.read_share_trend(shares, documents, grouped=True)
    assert reading.zh.startswith("最早的一组 2020年01月（自 2020年1月5日 起）占比最高的主题是 志愿服务（75%），"
                                 "最晚的一组 2020年03月（自 2020年3月2日 起）是 医疗救治（100%）。")
    assert "文档" not in reading.zh.split("。")[0]


def test_theme_shares_without_hits_give_no_share():
    shares = pd.DataFrame({"doc_id": ["d01", "d01"], "category": ["疫情防控", "志愿服务"], "count": [0, 0], "share": [0.0, 0.0]})
    reading = readings.read_theme_shares(shares)
    assert "无法给出主题构成" in reading.zh and "%" not in reading.zh


def test_readings_on_the_seed_agree_with_its_tables(seed_docs):
    counts = cohorts.cohort_counts(seed_docs)
    total = int(counts.to_numpy().sum())
    ninety = int(counts["90后"].sum())
    zh = readings.read_cohort_counts(counts).zh
    assert f"共 {total} 次" in zh and f"90后（{ninety} 次，占 {ninety / total:.0%}）" in zh
    concordance = themes.kwic(seed_docs, "青年")
    assert f"共出现 {len(concordance)} 次" in readings.read_kwic(concordance, "青年", n_documents=7).zh


@pytest.fixture(scope="module")
def waste():
    return cl.load_corpus(WASTE)


def test_choosers_on_the_seed(seed_docs):
    choice = readings.choose_keyness_groups(seed_docs)
    # the seed: 3 news, 2 notices, 1 letter, 1 speech -> the two largest genre groups
    assert (choice.column, choice.target, choice.reference) == ("genre", ["news"], ["notice"])
    assert readings.group_sizes(seed_docs, choice) == (3, 2)
    assert readings.choose_kwic_keyword(seed_docs, themes.term_counts(seed_docs, by="all")) == "青年"
    hubs = readings.choose_hub_terms(themes.term_counts(seed_docs, by="all", boilerplate=True))
    assert hubs == ["疫情防控", "疫情", "防控"]
    assert readings.choose_cohort_pair(cohorts.cohort_counts(seed_docs)) == ("90后", "00后")


def test_choosers_on_a_corpus_the_seed_is_not(waste):
    counts = themes.term_counts(waste, by="all")
    assert readings.choose_kwic_keyword(waste, counts) == "学生"  # the first focus word it uses
    assert readings.choose_cohort_pair(cohorts.cohort_counts(waste)) is None
    assert readings.choose_hub_terms(counts) == counts["term"].head(3).tolist()


def test_one_genre_splits_by_date_then_by_length():
    dated = pd.DataFrame({"doc_id": ["d01", "d02", "d03"], "genre": "news", "n_chars": [10, 30, 20],
                          "date": pd.to_datetime(["2021-03-01", "2021-01-01", "2021-02-01"])})
    choice = readings.choose_keyness_groups(dated)
    assert (choice.column, choice.target, choice.reference) == ("doc_id", ["d02"], ["d03", "d01"])
    undated = dated.assign(date=pd.NaT)
    choice = readings.choose_keyness_groups(undated)
    assert (choice.target, choice.reference) == (["d02"], None) and "最长的文档 d02" in choice.zh
    assert readings.choose_keyness_groups(dated.head(1)) is None


def test_example_sentence_names_the_most_institutions(seed_docs):
    from corpus_lib.extract.institutions import institution_mentions

    sentence = readings.choose_example_sentence(seed_docs, institution_mentions(seed_docs))
    # the addressees of the League's notice (seed line 145): six League committees in one line
    assert sentence == ("共青团各省、自治区、直辖市委，全国铁道团委，全国民航团委，中央和国家机关团工委，中央金融团工委，"
                        "中央企业团工委，新疆生产建设兵团团委：")
