"""The floors of issue 14 on the development set (tests/data/devset, scored by tests/devset.py).

``python -m tests.devset`` prints the full table and every miss; these tests only hold the floors.
"""
from __future__ import annotations

import pytest

import devset

TEXTS = sorted(devset.DEVSET.glob("*.txt"))


@pytest.fixture(scope="module")
def scores():
    return devset.evaluate()


def test_the_dev_set_has_enough_texts_of_every_kind():
    from corpus_lib.preprocessing.script import detect_script

    assert len(TEXTS) >= 30
    traditional = [path.name for path in TEXTS if detect_script(path.read_text(encoding="utf-8")) == "traditional"]
    assert len(traditional) >= 5, traditional
    lengths = {path.name: len(path.read_text(encoding="utf-8").replace("\n", "")) for path in TEXTS}
    assert all(80 <= n <= 600 for n in lengths.values()), lengths


def test_every_gold_row_names_a_text_and_every_text_has_its_metadata():
    gold = devset.read_gold()
    names = {path.name for path in TEXTS}
    assert {row["file"] for row in gold} <= names
    for kind in ("genre", "date", "title"):
        assert {row["file"] for row in gold if row["kind"] == kind} == names, kind
    assert {row["value"] for row in gold if row["kind"] == "genre"} == {"news", "notice", "speech", "letter", "other"}
    assert all(row["attributes"].get("count", "").isdigit() for row in gold if row["kind"] == "cohort")


@pytest.mark.parametrize("name, precision, recall", [
    ("people", 0.90, 0.85),                  # the floor
    ("people: press role", 0.90, 0.85),      # journalists marked as such, nobody else
    ("people: cohort", 0.90, 0.80),          # stated cohorts, anaphora included
    ("people: institution", 0.80, 0.70),
    ("genre", 0.90, 0.90),                   # the floor
    ("document date", 0.95, 0.95),           # the floor
    ("day mentions", 0.90, 0.95),
    ("title", 0.90, 0.90),
    ("issuer", 0.90, 0.90),
    ("cohorts (exact count)", 0.95, 0.95),
    ("institutions", 0.85, 0.85),
    ("institution province", 0.90, 0.90),
])
def test_floor(scores, name, precision, recall):
    _assert_floor(scores, name, precision, recall)


def test_a_score_with_nothing_counted_has_no_precision_or_recall():
    score = devset.Score("people")
    with pytest.raises(devset.NothingCounted, match="people: nothing predicted"):
        score.precision
    score.predicted(True, "a.txt: 张三")  # one right prediction, still no gold
    assert score.precision == 1.0
    with pytest.raises(devset.NothingCounted, match="people: no gold rows"):
        score.recall
    with pytest.raises(devset.NothingCounted):
        score.f1
    assert devset.report({"people": score}).splitlines()[2] == "| people | 1.000 | — (nothing counted) | — (nothing counted) | 0 |"


def _assert_floor(scores, name, precision, recall):
    score = scores[name]
    assert score.precision >= precision and score.recall >= recall, devset.report({name: score})


# ---------------------------------------------------------------- the held-out set
# tests/data/heldout: 15 texts written and annotated by someone who had seen neither the code nor the dev set,
# scored once before any change (README: people 0.885 / 0.561, genre 0.800, document date 0.933, institutions
# 0.738 / 0.738). The floors below are regression guards a little under what the code reaches now, not targets.

HELDOUT = devset.DEVSET.parent / "heldout"


@pytest.fixture(scope="module")
def heldout_scores():
    return devset.evaluate(HELDOUT)


@pytest.mark.parametrize("name, precision, recall", [
    ("people", 0.90, 0.85),
    ("people: press role", 0.90, 0.80),
    ("genre", 0.75, 0.75),
    ("document date", 0.90, 0.90),
    ("day mentions", 0.85, 0.90),
    ("cohorts (exact count)", 0.95, 0.95),
    ("institutions", 0.70, 0.70),
])
def test_heldout_does_not_regress(heldout_scores, name, precision, recall):
    _assert_floor(heldout_scores, name, precision, recall)
