"""Reprints: MinHash LSH over 5-character shingles finds the six reprints of tests/two_subjects.py and nothing else."""
from __future__ import annotations

import pandas as pd
import pytest

import two_subjects
from corpus_lib.textstats import reprints


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory):
    import corpus_lib as cl

    return cl.load_corpus(two_subjects.write_corpus(tmp_path_factory.mktemp("two-subjects")))


def _by_source(docs, table, column):
    source = dict(zip(docs["doc_id"], docs["source"]))
    return [source[d] for d in table[column]]


def test_the_six_reprints_and_nothing_else(two_docs):
    found = reprints.find_reprints(two_docs)
    # r0k was written from a0k with a new header, one sentence dropped and one changed, dated two days later
    assert _by_source(two_docs, found, "doc_id") == [f"r0{k}.txt" for k in range(1, 7)]
    assert _by_source(two_docs, found, "reprint_of") == [f"a0{k}.txt" for k in range(1, 7)]
    assert found["similarity"].between(0.5, 0.99).all()


def test_the_earliest_document_is_the_original_whatever_the_file_order(two_docs):
    backwards = two_docs.iloc[::-1].reset_index(drop=True)  # reprints now come first in file order
    found = reprints.find_reprints(backwards)
    assert sorted(_by_source(backwards, found, "doc_id")) == [f"r0{k}.txt" for k in range(1, 7)]


def test_mark_apply_and_groups(two_docs, capsys):
    marked = reprints.mark_reprints(two_docs)
    assert marked["reprint_of"].notna().sum() == 6 and len(marked) == 46
    kept = reprints.apply(two_docs, dedup=True)
    line = capsys.readouterr().out
    assert len(kept) == 40 and not kept["source"].str.startswith("r").any()
    assert "DEDUP=True" in line and "40" in line
    reprints.apply(two_docs)
    assert "46 篇文档中 6 篇是另一篇的转载（6 组）" in capsys.readouterr().out
    groups = reprints.reprint_groups(marked)
    assert groups["documents"].tolist() == [2] * 6
    # r01's header names 人民网 (OUTLETS[1]); its original has no issuer of its own
    assert groups.loc[0, "carried_by"] == "人民网（1）、（未署名）（1）"


def test_four_hundred_copies_are_one_group():
    base = "".join(two_subjects.TEACHING).format(**two_subjects._slots(__import__("random").Random(1), 1))
    texts = [base[i % 7:] + f"第{i}稿" for i in range(400)]
    docs = pd.DataFrame({"doc_id": [f"c{i:03d}" for i in range(400)], "text": texts, "date": pd.NaT,
                         "title": "t", "issuer": None})
    found = reprints.find_reprints(docs)
    assert len(found) == 399 and set(found["reprint_of"]) == {"c000"}


def test_short_and_different_texts_are_no_reprints():
    docs = pd.DataFrame({"doc_id": ["x1", "x2", "x3"], "date": pd.NaT,
                         "text": ["青年志愿者", "青年志愿者", two_subjects.FLOODS[0] + two_subjects.FLOODS[1]]})
    assert reprints.find_reprints(docs).empty  # under MIN_CHARACTERS: too short to call a copy


def test_seed_has_no_reprints(seed_docs):
    assert reprints.find_reprints(seed_docs).empty


def test_the_numpy_signature_is_datasketchs():
    from datasketch import MinHash

    text = "".join(two_subjects.FLOODS[:6])
    sketch = MinHash(num_perm=reprints.PERMUTATIONS, seed=reprints.SEED, scheme=reprints.SCHEME, hashfunc=int)
    sketch.update_batch(reprints.shingle_hashes(text).tolist())
    assert reprints.signature(text).tolist() == sketch.hashvalues.tolist()
