"""Cohorts: mentions, counts and stated statistics, checked against a reading of the seed."""
from __future__ import annotations


import pytest

from corpus_lib import cohorts
from corpus_lib import people as people_module


@pytest.mark.parametrize("text, expected", [
    ("北京大学援鄂医疗队全体“90后”党员：", [("90后", "90后")]),
    ("九零后和九〇后都来了", [("九零后", "90后"), ("九〇后", "90后")]),
    ("９０後的青年", [("９０後", "90后")]),
    ("相当一部分还是95后甚至00后", [("95后", "95后"), ("00后", "00后")]),
    ("教育影响更多的00后、10后", [("00后", "00后"), ("10后", "10后")]),
    ("2010后出生；1.90后", []),           # a digit or a decimal point before: not a cohort
    ("疫情过后的中国", []),
])
def test_find_cohorts(text, expected):
    assert [(surface, cohort) for _, _, surface, cohort in cohorts.find_cohorts(text)] == expected


@pytest.mark.parametrize("doc_id, expected", [
    ("d01", {"90后": 2}),                                     # title + salutation
    ("d02", {"90后": 24, "95后": 2, "00后": 5, "10后": 1}),   # counted by hand, line by line
    ("d03", {}), ("d04", {}), ("d05", {}), ("d06", {}), ("d07", {}),
])
def test_cohort_counts_per_document(seed_docs, doc_id, expected):
    row = cohorts.cohort_counts(seed_docs).loc[doc_id]
    assert {c: n for c, n in row.items() if n} == expected


def test_quoted_mentions_are_flagged(seed_docs):
    d01 = cohorts.cohort_mentions(seed_docs).query("doc_id == 'd01'")
    assert d01["quoted"].tolist() == [True, True]


@pytest.mark.parametrize("phrase, expected", [
    ("4.2万余名", (42000.0, True)),
    ("1.2万多名", (12000.0, True)),
    ("2000多名", (2000.0, True)),
    ("12人", (12.0, False)),
    ("25％", (0.25, False)),
    ("83%", (0.83, False)),
    ("150万元", None),
])
def test_parse_number(phrase, expected):
    assert cohorts.parse_number(phrase) == expected


def test_stated_statistics(seed_docs):
    stats = cohorts.stated_statistics(seed_docs)
    rows = [(r.cohort, r.measure, r.value, r.approximate, r.share) for r in stats.itertuples()]
    assert [(None if c != c else c, k, v, a, None if s != s else s) for c, k, v, a, s in rows] == [
        (None, "total", 42000.0, True, None),
        ("90后", "count", 12000.0, True, 0.2857),
        (None, "total", 2000.0, True, None),
        ("90后", "share", 0.25, False, 0.25),
    ]


def test_empty_corpus_gives_empty_tables(seed_docs):
    plain = seed_docs[seed_docs["doc_id"] == "d03"]
    assert cohorts.cohort_mentions(plain).empty
    assert cohorts.stated_statistics(plain).empty
    named = people_module.extract_people(plain)
    assert "习近平" in set(named["name"])  # the speaker, named under the title
    assert named["cohort"].isna().all()  # the speech states nobody's cohort
    assert cohorts.cohort_counts(plain).shape == (1, 0)


