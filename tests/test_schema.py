"""Schema: the written contract matches what every analysis returns, and the docs show it verbatim."""
from __future__ import annotations

import pandas as pd
import pytest

from corpus_lib import cohorts, dates, institutions, overview, paths, people, schema, themes
from corpus_lib.errors import CorpusError
from corpus_lib.textstats import reprints, topics


def _tables(docs):
    tokens = __import__("corpus_lib").segment_corpus(docs)
    mentions = dates.date_mentions(docs)
    found = institutions.institution_mentions(docs)
    yield "documents", docs
    yield "document_overview", overview.document_table(docs)
    yield "top_terms", overview.top_terms(tokens, top=5)
    yield "document_dates", dates.document_dates(docs)
    yield "theme_hits", themes.theme_hits(docs)
    yield "cohort_kwic", cohorts.cohort_kwic(docs)
    yield "date_mentions", mentions
    yield "events", dates.event_timeline(mentions)
    yield "term_counts", themes.term_counts(docs)
    yield "keywords", themes.tfidf_keywords(docs, top=3)
    yield "keyness", themes.keyness_by(docs, "genre", "speech", "notice")
    yield "collocations", themes.collocations(docs, top=5)
    yield "kwic", themes.kwic(docs, "青年")
    yield "theme_shares", themes.theme_shares(docs)
    yield "cooccurrence", themes.cooccurrence(docs, top=10)
    yield "institution_mentions", found
    yield "institutions", institutions.institution_table(docs, mentions=found)
    yield "cohort_mentions", cohorts.cohort_mentions(docs)
    yield "stated_statistics", cohorts.stated_statistics(docs)
    yield "people", people.extract_people(docs, institutions=found)
    yield "vocabulary", overview.vocabulary_table(docs, tokens)
    copied = pd.concat([docs, docs.iloc[[1]].assign(doc_id="d99", date=pd.Timestamp("2030-01-01"))], ignore_index=True)
    yield "reprints", reprints.find_reprints(copied)  # the seed has none: d99 is a later copy of d02
    yield "reprint_groups", reprints.reprint_groups(reprints.mark_reprints(copied))
    model = topics.fit_topics(docs)
    yield "topic_coherence", model.coherence
    yield "document_topics", topics.document_topics(model)
    yield "topic_terms", topics.topic_terms(model)
    yield "topics", topics.topic_labels(model, docs)
    yield "topic_shares", topics.topic_shares(model, docs.set_index("doc_id")["genre"])
    yield "similar_documents", topics.similar_documents(model, docs, "d01")


def test_every_table_has_the_documented_columns(seed_docs):
    produced = dict(_tables(seed_docs))
    assert set(produced) == set(schema.TABLES)
    for name, table in produced.items():
        assert list(table.columns) == schema.columns(name), name
        assert len(table) > 0, name  # the seed has rows for every table


def test_documented_dtypes_hold_on_the_seed(seed_docs):
    for name, table in _tables(seed_docs):
        for column in schema.TABLES[name]:
            values = table[column.name].dropna()
            if column.dtype == "object":
                assert all(isinstance(v, str) for v in values), (name, column.name)
            elif column.dtype == "datetime64[ns]":
                assert str(table[column.name].dtype).startswith("datetime64"), (name, column.name)
            else:
                assert pd.api.types.is_dtype_equal(values.infer_objects().dtype, column.dtype) or (
                    column.dtype.startswith(("int", "float")) and pd.api.types.is_numeric_dtype(values)), (name, column.name)


def test_empty_tables_keep_columns_and_dtypes():
    table = schema.empty("people")
    assert list(table.columns) == schema.columns("people") and table.empty
    assert str(schema.empty("kwic")["doc_id"].dtype) == "object"
    assert str(schema.empty("keywords")["rank"].dtype) == "int64"


@pytest.mark.parametrize("bad, message", [
    ("text", "not str"),
    (pd.DataFrame({"doc_id": ["d01"]}), "no column text"),
])
def test_require_docs(bad, message):
    with pytest.raises(CorpusError, match=message):
        schema.require_docs(bad)


def test_architecture_doc_shows_the_schema_verbatim():
    text = (paths.REPO_ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert schema.markdown() in text, "refresh it: schema.refresh_doc(\"docs/ARCHITECTURE.md\")"
