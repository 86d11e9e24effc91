"""Corpus overview: what the documents are, how long, how rich their vocabulary, which terms lead.

Tables for notebook 00: each function takes the documents table (and token lists) and returns
a tidy table (columns in ``corpus_lib.schema``); the charts are in ``corpus_lib.plots.overview``.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .. import schema
from ..preprocessing.segmentation import count_columns, filter_tokens, is_term


def document_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The documents at a glance: id, title, issuer, date, where the date came from, genre, length."""
    schema.require_docs(docs, "title", "issuer", "date", "date_source", "genre", "n_chars")
    table = docs[schema.columns("document_overview")].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d").fillna("—")
    table["issuer"] = table["issuer"].fillna("—")
    return table


def _document_counts(docs: pd.DataFrame, tokens: pd.Series | None):
    """(doc_id, {token: count}) per document: from ``tokens`` when given, else from the segmentation cache's
    count columns, one document at a time (a large corpus's token lists are never held at once)."""
    if tokens is not None:
        for doc_id, doc_tokens in tokens.items():
            yield doc_id, Counter(doc_tokens)
        return
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        types, counts = count_columns(text)
        yield doc_id, dict(zip(types, counts.tolist()))


def vocabulary_table(docs: pd.DataFrame, tokens: pd.Series | None = None) -> pd.DataFrame:
    """Per document: tokens, terms (no punctuation or numbers), distinct terms, type-token ratio.

    ``tokens`` (``segment_corpus(docs)``) is optional: without it each document's cached token counts are read.
    """
    rows, term_types = [], {}
    for doc_id, counts in _document_counts(docs, tokens):
        term_types.update((t, is_term(t)) for t in counts.keys() - term_types.keys())  # each distinct token once
        terms = {t: n for t, n in counts.items() if term_types[t]}
        n_terms = sum(terms.values())
        rows.append({"doc_id": doc_id, "tokens": sum(counts.values()), "terms": n_terms,
                     "distinct_terms": len(terms),
                     "type_token_ratio": round(len(terms) / n_terms, 3) if n_terms else 0.0})
    table = pd.DataFrame(rows, columns=[c for c in schema.columns("vocabulary") if c != "genre"])
    return docs[["doc_id", "genre"]].merge(table, on="doc_id")


def token_totals(docs: pd.DataFrame) -> Counter:
    """Every token of the corpus and how often it occurs, summed document by document from the cached
    count columns: what ``top_terms`` needs, without holding any document's token list.

    >>> import corpus_lib as cl
    >>> token_totals(cl.load_corpus())["90后"] > 20
    True
    """
    totals = Counter()
    for _, counts in _document_counts(docs, None):
        totals.update(counts)
    return totals


def top_terms(tokens: pd.Series | Counter, *, top: int = 20, stopwords: bool = True,
              boilerplate: bool = False) -> pd.DataFrame:
    """The corpus's most frequent terms; ties broken by the term itself, so the order is stable.

    ``tokens``: token lists by document (``segment_corpus``), or the corpus's token counts (``token_totals``).
    With ``stopwords=False`` only punctuation and bare numbers are dropped.
    """
    if isinstance(tokens, Counter):
        counts = tokens
    else:
        counts = Counter()
        for doc_tokens in tokens:
            counts.update(doc_tokens)  # count every token, then keep the distinct ones that pass
    kept = set(filter_tokens(list(counts), boilerplate=boilerplate)) if stopwords else {t for t in counts if is_term(t)}
    ranked = sorted(((t, n) for t, n in counts.items() if t in kept), key=lambda item: (-item[1], item[0]))[:top]
    table = pd.DataFrame(ranked, columns=["term", "count"])
    table.insert(0, "rank", range(1, len(table) + 1))
    return table
