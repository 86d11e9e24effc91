"""Topics: NMF on TF-IDF separates the two subjects of tests/two_subjects.py, the same rows every run."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import two_subjects
from corpus_lib import readings
from corpus_lib.errors import CorpusError
from corpus_lib.textstats import reprints, topics


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory):
    import corpus_lib as cl

    return cl.load_corpus(two_subjects.write_corpus(tmp_path_factory.mktemp("two-subjects")))


@pytest.fixture(scope="module")
def model(two_docs):
    return topics.fit_topics(two_docs, k=2)


def test_two_topics_are_the_two_subjects(two_docs, model):
    truth = two_docs.set_index("doc_id")["source"].map(two_subjects.subject)
    dominant = topics.dominant_topics(model)
    assert topics.purity(dominant, truth.loc[dominant.index]) >= 0.95
    terms = set(topics.topic_terms(model)["term"])
    assert {"支教", "洪水"} <= terms  # each subject's own word leads a topic


def test_same_rows_every_run(two_docs, model):
    counts, _ = topics.count_matrix(two_docs)
    tfidf = topics.tfidf_matrix(counts)
    present = (counts > 0).astype(float).tocsc()
    again = topics._fit(tfidf, present, 2)  # the fit itself, not the cached one
    assert np.array_equal(np.round(again["weights"], 3), np.round(model.weights, 3))
    table = topics.document_topics(model)
    assert table.equals(topics.document_topics(topics.fit_topics(two_docs, k=2)))
    assert table.groupby("doc_id")["weight"].sum().between(0.98, 1.02).all()


def test_similar_documents_find_the_reprint(two_docs, model):
    marked = reprints.mark_reprints(two_docs)
    first = two_docs.loc[two_docs["source"] == "a01.txt", "doc_id"].iloc[0]
    copy = two_docs.loc[two_docs["source"] == "r01.txt", "doc_id"].iloc[0]
    similar = topics.similar_documents(model, marked, first, top=5)
    assert similar.loc[0, "doc_id"] == copy and similar.loc[0, "reprint_of"] == first
    assert similar["similarity"].is_monotonic_decreasing
    with pytest.raises(CorpusError, match="SIMILAR_TO 'd99'"):
        topics.similar_documents(model, marked, "d99")


def test_labels_and_shares(two_docs, model):
    labels = topics.topic_labels(model, reprints.mark_reprints(two_docs))
    assert labels["leads"].sum() == 46 and labels["share"].sum() == pytest.approx(1, abs=0.01)
    assert labels["label"].str.match(r"T[12] ").all()
    groups = pd.Series(two_docs["source"].str[0].to_numpy(), index=two_docs["doc_id"])
    shares = topics.topic_shares(model, groups)
    leading = shares.sort_values("share").drop_duplicates("group", keep="last").set_index("group")["topic"]
    assert leading["a"] != leading["b"] and leading["a"] == leading["r"]  # reprints read like their originals


@pytest.mark.parametrize("k", [1, 0, 47, 2.5, True])
def test_bad_k_is_one_line(two_docs, k):
    with pytest.raises(CorpusError, match="from 2 to 46"):
        topics.fit_topics(two_docs, k=k)


def test_seed_supports_only_a_few_topics(seed_docs):
    model = topics.fit_topics(seed_docs)
    assert 2 <= model.k <= 3 and model.coherence["k"].tolist() == [2, 3]
    reading = readings.read_coherence(model.coherence, len(seed_docs), k_given=False)
    assert "只能支持少数几个主题" in reading.zh and "supports only a few topics" in reading.en


def test_cli_topics_and_reprints(tmp_path, capsys):
    from corpus_lib.app.cli import main

    folder = two_subjects.write_corpus(tmp_path / "c")
    assert main(["topics", "--corpus", str(folder), "--k", "2", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    table = pd.read_csv(pd.io.common.StringIO(out))
    assert list(table.columns) == ["doc_id", "topic", "weight"] and set(table["topic"]) == {1, 2}
    assert "K = 2" in err
    assert main(["reprints", "--corpus", str(folder), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # files sort a01…a20, b01…b20, r01…r06, so r0k is d4k and its original a0k is d0k
    assert lines[0] == "doc_id,reprint_of,similarity"
    assert [line.rsplit(",", 1)[0] for line in lines[1:]] == [f"d4{k},d0{k}" for k in range(1, 7)]
    assert main(["topics", "--corpus", str(folder), "--k", "0"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_reprints_take_the_topics_of_the_stories_they_copy(two_docs):
    marked = reprints.mark_reprints(two_docs)
    model = topics.fit_topics(marked, k=2)  # fitted on the 40 originals; the 6 copies expressed in their topics
    dominant = topics.dominant_topics(model)
    truth = two_docs.set_index("doc_id")["source"].map(two_subjects.subject)
    assert topics.purity(dominant, truth.loc[dominant.index]) >= 0.95
    copies = marked.dropna(subset=["reprint_of"])
    assert [dominant[d] for d in copies["doc_id"]] == [dominant[d] for d in copies["reprint_of"]]
