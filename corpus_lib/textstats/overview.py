"""Corpus overview: what the documents are, how long, how rich their vocabulary, which terms lead.

Tables for notebook 00: each function takes the documents table (and token lists) and returns
a tidy table (columns in ``corpus_lib.schema``); the charts are in ``corpus_lib.plots.overview``.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .. import schema
from ..preprocessing.segmentation import filter_tokens, is_term


def document_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The documents at a glance: id, title, issuer, date, where the date came from, genre, length."""
    schema.require_docs(docs, "title", "issuer", "date", "date_source", "genre", "n_chars")
    table = docs[schema.columns("document_overview")].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d").fillna("—")
    table["issuer"] = table["issuer"].fillna("—")
    return table


def vocabulary_table(docs: pd.DataFrame, tokens: pd.Series) -> pd.DataFrame:
    """Per document: tokens, terms (no punctuation or numbers), distinct terms, type-token ratio."""
    rows, term_types = [], {}
    for doc_id, doc_tokens in tokens.items():
        counts = Counter(doc_tokens)  # each distinct token tested once in the corpus, not every token
        term_types.update((t, is_term(t)) for t in counts.keys() - term_types.keys())
        terms = {t: n for t, n in counts.items() if term_types[t]}
        n_terms = sum(terms.values())
        rows.append({"doc_id": doc_id, "tokens": len(doc_tokens), "terms": n_terms,
                     "distinct_terms": len(terms),
                     "type_token_ratio": round(len(terms) / n_terms, 3) if n_terms else 0.0})
    table = pd.DataFrame(rows, columns=[c for c in schema.columns("vocabulary") if c != "genre"])
    return docs[["doc_id", "genre"]].merge(table, on="doc_id")


def top_terms(tokens: pd.Series, *, top: int = 20, stopwords: bool = True, boilerplate: bool = False) -> pd.DataFrame:
    """The corpus's most frequent terms; ties broken by the term itself, so the order is stable.

    With ``stopwords=False`` only punctuation and bare numbers are dropped.
    """
    counts = Counter()
    for doc_tokens in tokens:
        counts.update(doc_tokens)  # count every token, then keep the distinct ones that pass
    kept = set(filter_tokens(list(counts), boilerplate=boilerplate)) if stopwords else {t for t in counts if is_term(t)}
    ranked = sorted(((t, n) for t, n in counts.items() if t in kept), key=lambda item: (-item[1], item[0]))[:top]
    table = pd.DataFrame(ranked, columns=["term", "count"])
    table.insert(0, "rank", range(1, len(table) + 1))
    return table
