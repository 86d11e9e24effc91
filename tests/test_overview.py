"""Overview: the documents table, vocabulary sizes and the top terms, checked by hand on small texts."""
from __future__ import annotations

import pandas as pd

import corpus_lib as cl
from corpus_lib import overview


def test_document_table_formats_dates_and_fills_missing_issuers(seed_docs):
    table = overview.document_table(seed_docs)
    assert list(table.columns) == ["doc_id", "title", "issuer", "date", "date_source", "genre", "n_chars"]
    d02 = table.set_index("doc_id").loc["d02"]
    assert (d02["issuer"], d02["date"], d02["date_source"]) == ("—", "2020-03-15", "inferred")


def test_vocabulary_by_hand():
    docs = pd.DataFrame({"doc_id": ["d01"], "genre": ["news"], "text": ["x"]})
    tokens = pd.Series([["青年", "，", "青年", "2020", "抗疫"]], index=["d01"])
    row = overview.vocabulary_table(docs, tokens).iloc[0]
    # 5 tokens; terms drop the comma and the bare number: 青年, 青年, 抗疫 -> 3 terms, 2 distinct
    assert (row["tokens"], row["terms"], row["distinct_terms"], row["type_token_ratio"]) == (5, 3, 2, 0.667)


def test_top_terms_before_and_after_stop_words():
    tokens = pd.Series([["我们", "的", "青年", "的", "青年", "抗疫", "，"]])
    before = overview.top_terms(tokens, top=3, stopwords=False)
    after = overview.top_terms(tokens, top=3)
    assert before[["term", "count"]].values.tolist() == [["的", 2], ["青年", 2], ["我们", 1]]
    assert after[["rank", "term", "count"]].values.tolist() == [[1, "青年", 2], [2, "抗疫", 1]]


def test_seed_top_terms_lead_with_the_epidemic(seed_docs):
    after = overview.top_terms(cl.segment_corpus(seed_docs), top=3)
    assert after["term"].tolist()[0] == "疫情防控"
