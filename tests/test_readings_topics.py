"""Readings of notebook 05 and of notebook 00's reprint groups: every number comes from the table it reads."""
from __future__ import annotations

import pandas as pd

from corpus_lib import readings


def _coherence(rows, chosen):
    table = pd.DataFrame(rows, columns=["k", "coherence", "unused_topics"])
    return table.assign(chosen=table["k"] == chosen)


def test_coherence_names_the_chosen_k_and_the_one_passed_over():
    # K = 4 scores 0.61 but leaves a topic that leads no document, so K = 3 (0.55) is used
    table = _coherence([(2, 0.40, 0), (3, 0.55, 0), (4, 0.61, 1)], 3)
    reading = readings.read_coherence(table, 200, k_given=False)
    assert reading.zh.startswith("在 K = 2–4 中，K = 3 的 NPMI 一致性最高（0.550）")
    assert "K = 4 的分数更高" in reading.zh and "K = 4 scored higher" in reading.en
    assert "少数几个主题" not in reading.zh  # 200 documents is no small corpus


def test_coherence_of_a_given_k_on_a_small_corpus():
    reading = readings.read_coherence(_coherence([(2, 0.5, 0)], 2), 7, k_given=True)
    assert "由参数 TOPICS_K 设定" in reading.zh and "语料只有 7 篇文档" in reading.zh
    assert "a corpus this small supports only a few topics" in reading.en


def test_topic_shares_name_each_groups_leader():
    shares = pd.DataFrame({"group": ["新闻", "新闻", "通知", "通知"], "topic": [1, 2, 1, 2],
                           "share": [0.7, 0.3, 0.2, 0.8], "documents": [5, 5, 4, 4]})
    reading = readings.read_topic_shares(shares, what=("体裁", "genre"))
    assert "新闻：T1（70%）、通知：T2（80%）" in reading.zh and "2 different topics lead" in reading.en


def test_reprint_groups_count_copies_not_originals():
    groups = pd.DataFrame({"group": [1, 2], "documents": [4, 2], "first": ["d01", "d09"], "title": ["甲", "乙"],
                           "first_date": ["2023-07-01", None], "last_date": ["2023-07-03", None], "carriers": [3, 1],
                           "carried_by": ["人民网（2）、新华网（1）、光明网（1）", "（未署名）（2）"]})
    reading = readings.read_reprint_groups(groups, 20)
    # 4 + 2 documents in 2 groups: 4 of them are copies of the two first ones
    assert reading.zh.startswith("20 篇文档中有 4 篇是转载，分属 2 组；最大的一组有 4 篇（首发 d01《甲》），由 3 个来源刊发")
    empty = readings.read_reprint_groups(groups.iloc[0:0], 7)
    assert "没有发现转载" in empty.zh and "No reprints among the 7 documents" in empty.en


def test_similar_counts_the_reprints_listed():
    similar = pd.DataFrame({"rank": [1, 2, 3], "doc_id": ["d41", "d07", "d12"], "title": ["甲", "乙", "丙"],
                            "similarity": [0.91, 0.4, 0.2], "topic": [1, 1, 2], "reprint_of": ["d01", None, "d01"]})
    reading = readings.read_similar(similar, "d01")
    assert "最相似的是 d41（甲，余弦相似度 0.910）" in reading.zh and "2 of the 3 listed are reprints of d01" in reading.en
