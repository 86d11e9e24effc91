"""Topics: what a corpus is about, and how that moves over time, between groups, and with who speaks.

A topic model factorises the documents' TF-IDF matrix with non-negative matrix factorisation (scikit-learn's
``NMF``), so each document is a mix of K topics and each topic a weighting of terms:

- **terms**: the segmented tokens with stop words *and* official boilerplate removed (``themes.count_table(...,
  boilerplate=True)``: 工作, 加强, 落实 … would otherwise lead every topic), one-character terms left out; a term
  must occur in at least 2 documents when the corpus has 20 or more, and in at most 90% of them (``_vocabulary``);
- **TF-IDF**: sublinear tf (1 + ln count), smooth idf, rows scaled to length 1 (scikit-learn's ``TfidfTransformer``);
- **NMF**: ``init="nndsvda"`` (an SVD start, no random restarts) with ``random_state=0``, so the same corpus gives
  the same topics on every run;
- **reprints**: when the documents table has ``reprint_of`` (``reprints.apply``), only one document per story (the
  earliest) shapes the vocabulary, the idf, the topics and their coherence; each reprint is then expressed in those
  topics (``NMF.transform``), so 400 copies of one wire story neither make it a topic of its own nor cost 400 fits;
- **K**: unless it is given (``TOPICS_K``, ``--k``), every K from 2 to ``max_topics(N)`` (at most 10, at most half
  the documents) is fitted and scored by **NPMI coherence** computed on the corpus itself: for the 10 top terms of
  each topic, the normalised pointwise mutual information of every pair, with documents as the co-occurrence window
  (log(P(a,b) / (P(a) P(b))) / −log P(a,b); −1 for a pair never together, 1 for a pair always together), averaged
  over the pairs and then over the topics; the best K wins, a tie goes to the smaller K, and a K with a topic
  that is no document's largest (a split of another topic, not a topic of its own) is passed over.

A document's topic **weights** are its row of the factorisation scaled to sum to 1; topics are numbered by their
share of the corpus (topic 1 the largest). The same TF-IDF rows give **document similarity** (cosine).

A corpus of a handful of documents supports only a few topics, each close to one document's vocabulary;
``small_corpus`` says so and the notebook prints it. The charts are in ``corpus_lib.plots.topics``; every table's
columns are in ``corpus_lib.schema``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import schema
from ..cache import doccache
from ..errors import CorpusError
from . import themes

MAX_TOPICS = 10
MIN_TOPICS = 2
TOP_TERMS = 10           # terms per topic scored by coherence and shown
SMALL_CORPUS = 30        # below this many documents the notebook says the topics are few and fragile
MIN_DF_FROM = 20         # from this many documents a term must occur in 2 of them
MAX_DF_SHARE = 0.9       # a term in more than this share of the documents says nothing about topics
MAX_TERMS = 20_000       # the most frequent terms kept (ties by term)
MIN_WEIGHT = 0.01        # document_topics leaves out topics below 1% of a document
RANDOM_STATE = 0
MAX_ITER = 400
TOLERANCE = 1e-3         # NMF stops when its error improves by less than this share (scikit-learn's default is 1e-4)
REPRESENTATIVE = 3       # document titles per topic label


@dataclass(frozen=True, eq=False)
class TopicModel:
    """A fitted topic model: ``weights`` (documents × K, rows summing to 1, or 0 for a document with no kept term),
    ``terms`` (K × vocabulary, each topic's term weights), the vocabulary, the documents' ids, their TF-IDF rows
    (for similarity) and the coherence of every K tried (schema ``topic_coherence``)."""

    k: int
    doc_ids: np.ndarray
    vocabulary: np.ndarray
    weights: np.ndarray
    terms: np.ndarray
    tfidf: object                       # scipy.sparse CSR, documents × vocabulary
    coherence: pd.DataFrame = field(repr=False)

    @property
    def n_documents(self) -> int:
        return len(self.doc_ids)

    @property
    def score(self) -> float:
        """The NPMI coherence of the chosen K."""
        return float(self.coherence.loc[self.coherence["k"] == self.k, "coherence"].iloc[0])


def max_topics(n_documents: int) -> int:
    """The largest K tried for a corpus of ``n_documents``: half the documents, at least 2, at most 10.

    >>> [max_topics(n) for n in (2, 7, 46, 2800)]
    [2, 3, 10, 10]
    """
    return min(MAX_TOPICS, max(MIN_TOPICS, n_documents // 2))


def small_corpus(n_documents: int) -> bool:
    """True when a corpus is too small for more than a few fragile topics (fewer than 30 documents)."""
    return n_documents < SMALL_CORPUS


# ---------------------------------------------------------------- the matrix

def _vocabulary(document_frequency: np.ndarray, frequency: np.ndarray, terms: np.ndarray, n_documents: int) -> np.ndarray:
    """Codes of the terms a topic model uses: two or more characters, in at least 2 documents (from 20 documents
    on), in at most 90% of them (from 10 documents on), the ``MAX_TERMS`` most frequent (ties by term)."""
    lengths = np.fromiter((len(t) for t in terms), dtype=np.int64, count=len(terms))
    keep = (lengths >= 2) & (document_frequency >= (2 if n_documents >= MIN_DF_FROM else 1))
    if n_documents >= 10:
        keep &= document_frequency <= MAX_DF_SHARE * n_documents
    codes = np.flatnonzero(keep)
    if len(codes) > MAX_TERMS:
        order = np.lexsort((terms[codes].astype(str), -frequency[codes]))
        codes = np.sort(codes[order[:MAX_TERMS]])
    return codes[np.argsort(terms[codes].astype(str), kind="stable")]  # columns in term order


def count_matrix(docs: pd.DataFrame, *, fitting: np.ndarray | None = None) -> tuple[object, np.ndarray]:
    """(documents × terms sparse count matrix, the terms), over the vocabulary of ``_vocabulary`` computed on the
    ``fitting`` rows (a boolean mask; all rows by default), so copies of one story do not raise its terms' counts."""
    from scipy import sparse

    counts = themes.count_table(docs, boilerplate=True)
    position = pd.Index(docs["doc_id"]).get_indexer(counts["doc_id"])
    codes, terms = pd.factorize(counts["term"])
    terms = np.asarray(terms, dtype=object)
    values = counts["count"].to_numpy(dtype=np.float64)
    fitting = np.ones(len(docs), dtype=bool) if fitting is None else np.asarray(fitting, dtype=bool)
    counted = fitting[position]
    document_frequency = np.bincount(codes[counted], minlength=len(terms))
    frequency = np.bincount(codes[counted], weights=values[counted], minlength=len(terms))
    kept = _vocabulary(document_frequency, frequency, terms, int(fitting.sum()))
    column = np.full(len(terms), -1, dtype=np.int64)
    column[kept] = np.arange(len(kept))
    mask = column[codes] >= 0
    matrix = sparse.csr_matrix((values[mask], (position[mask], column[codes][mask])), shape=(len(docs), len(kept)))
    return matrix, terms[kept]


def tfidf_matrix(counts, *, fitting: np.ndarray | None = None) -> object:
    """Sublinear tf × smooth idf (the idf of the ``fitting`` rows), rows scaled to unit length (scikit-learn's
    ``TfidfTransformer``)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    transformer = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")
    transformer.fit(counts if fitting is None else counts[np.flatnonzero(fitting)])
    return transformer.transform(counts).tocsr()


# ---------------------------------------------------------------- coherence

def npmi(together: float, first: float, second: float) -> float:
    """Normalised PMI of two terms from document probabilities: P(a and b), P(a), P(b).

    >>> round(npmi(0.25, 0.5, 0.5), 6), npmi(0.0, 0.5, 0.5), npmi(1.0, 1.0, 1.0)
    (0.0, -1.0, 1.0)
    """
    if together <= 0:
        return -1.0
    if together >= 1:
        return 1.0
    return float(np.log(together / (first * second)) / -np.log(together))


def topic_coherence(present, top_terms: list[np.ndarray]) -> float:
    """Mean NPMI over the term pairs of each topic, then over the topics. ``present`` is the documents × terms
    matrix of 0/1 (which document holds which term); ``top_terms`` the column indices of each topic's top terms."""
    n = present.shape[0]
    scores = []
    for columns in top_terms:
        if len(columns) < 2:
            continue
        block = present[:, columns]
        together = (block.T @ block).toarray() if hasattr(block, "toarray") else block.T @ block
        alone = np.diag(together) / n
        pairs = [npmi(together[i, j] / n, alone[i], alone[j]) for i in range(len(columns)) for j in range(i + 1, len(columns))]
        scores.append(float(np.mean(pairs)))
    return float(np.mean(scores)) if scores else float("nan")


def _top_columns(terms: np.ndarray, top: int) -> list[np.ndarray]:
    """Each topic's ``top`` term columns, by weight (ties by column, i.e. term order), weights above 0 only."""
    result = []
    for row in terms:
        order = np.lexsort((np.arange(len(row)), -row))[:top]
        result.append(order[row[order] > 0])
    return result


# ---------------------------------------------------------------- fitting

def _factorise(tfidf, k: int) -> tuple[np.ndarray, np.ndarray]:
    import warnings

    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning

    model = NMF(n_components=k, init="nndsvda", random_state=RANDOM_STATE, max_iter=MAX_ITER, tol=TOLERANCE)
    with warnings.catch_warnings():  # a model that stops at MAX_ITER is still the same model on every run
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(tfidf)
    return weights, model.components_, model


def _ordered(weights: np.ndarray, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Document rows scaled to sum to 1, topics reordered by their share of the corpus (largest first)."""
    totals = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    order = np.lexsort((np.arange(shares.shape[1]), -shares.sum(axis=0)))
    return shares[:, order], terms[order]


def _fit(tfidf, present, k: int | None, fitting: np.ndarray | None = None) -> dict:
    """The chosen K, the coherence of every K tried, and that K's weights and terms, as plain arrays. Only the
    ``fitting`` rows (all by default) shape the topics and their coherence; the others (reprints) are then
    expressed in the chosen topics (``NMF.transform``)."""
    fitting = np.ones(tfidf.shape[0], dtype=bool) if fitting is None else np.asarray(fitting, dtype=bool)
    full, tfidf, present = tfidf, tfidf[np.flatnonzero(fitting)], present[np.flatnonzero(fitting)].tocsc()
    candidates = [k] if k is not None else list(range(MIN_TOPICS, max_topics(tfidf.shape[0]) + 1))
    candidates = [c for c in candidates if c <= min(tfidf.shape)]
    fits, rows = {}, []
    for candidate in candidates:
        weights, terms, model = _factorise(tfidf, candidate)
        fits[candidate] = (weights, terms, model)
        leading = np.bincount(np.argmax(weights, axis=1)[weights.sum(axis=1) > 0], minlength=candidate)
        rows.append((candidate, round(topic_coherence(present, _top_columns(terms, TOP_TERMS)), 4),
                     int((leading == 0).sum())))
    if not rows:
        return {"k": 0, "coherence": rows, "weights": None, "terms": None}
    admissible = [row for row in rows if row[2] == 0] or rows
    best = max(admissible, key=lambda row: (row[1], -row[0]))[0]
    weights, terms, model = fits[best]
    every = np.zeros((full.shape[0], best))
    every[fitting] = weights
    if not fitting.all():
        every[~fitting] = model.transform(full[np.flatnonzero(~fitting)])
    weights, terms = _ordered(every, terms)
    return {"k": best, "coherence": rows, "weights": weights, "terms": terms}


def fit_topics(docs: pd.DataFrame, *, k: int | None = None) -> TopicModel:
    """Fit the topic model of ``docs``: K topics when ``k`` is given, else the K of best NPMI coherence.

    Raises a one-line ``CorpusError`` for a ``k`` below 2 or above the number of documents, and when the corpus
    has fewer than 2 documents or too few terms to model. The fits are cached per corpus (the texts in order and
    ``k``), so a rerun reads them.
    """
    schema.require_docs(docs)
    if k is not None and (isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not MIN_TOPICS <= k <= len(docs)):
        raise CorpusError(f"TOPICS_K / --k {k!r}: give a whole number from {MIN_TOPICS} to {len(docs)} (the documents)")
    if len(docs) < MIN_TOPICS:
        raise CorpusError(f"a topic model needs at least {MIN_TOPICS} documents; this corpus has {len(docs)}")
    fitting = docs["reprint_of"].isna().to_numpy() if "reprint_of" in docs.columns else np.ones(len(docs), dtype=bool)
    counts, vocabulary = count_matrix(docs, fitting=fitting)
    tfidf = tfidf_matrix(counts, fitting=fitting)
    present = (counts > 0).astype(np.float64).tocsr()
    k = None if k is None else int(k)
    fitted = doccache.cached_per_corpus("topic-model", lambda texts, k, copies: _fit(tfidf, present, k, fitting),
                                        docs["text"], k, tuple(np.flatnonzero(~fitting)), version="2")
    if fitted["k"] == 0:
        raise CorpusError(f"a topic model needs at least {MIN_TOPICS} terms; this corpus has {len(vocabulary)} "
                          "after stop words and boilerplate")
    coherence = pd.DataFrame(fitted["coherence"], columns=["k", "coherence", "unused_topics"])
    coherence["chosen"] = coherence["k"] == fitted["k"]
    return TopicModel(fitted["k"], docs["doc_id"].to_numpy(dtype=object), vocabulary, fitted["weights"],
                      fitted["terms"], tfidf, coherence[schema.columns("topic_coherence")])


# ---------------------------------------------------------------- tables

def document_topics(model: TopicModel, *, min_weight: float = MIN_WEIGHT) -> pd.DataFrame:
    """``doc_id, topic, weight``: each document's topics of at least ``min_weight`` (3 decimals), its largest
    first (ties by topic), documents in order; a document with no kept term has no row."""
    rows, topics = np.nonzero(np.round(model.weights, 3) >= min_weight)
    table = pd.DataFrame({"doc_id": model.doc_ids[rows], "topic": topics + 1,
                          "weight": np.round(model.weights[rows, topics], 3), "position": rows})
    table = table.sort_values(["position", "weight", "topic"], ascending=[True, False, True], kind="stable")
    return table[schema.columns("document_topics")].reset_index(drop=True)


def dominant_topics(model: TopicModel) -> pd.Series:
    """Each document's largest topic (ties by the smaller number), indexed by doc_id; 0 for no kept term."""
    top = np.argmax(model.weights, axis=1) + 1
    return pd.Series(np.where(model.weights.sum(axis=1) > 0, top, 0), index=model.doc_ids, name="topic")


def topic_terms(model: TopicModel, *, top: int = TOP_TERMS) -> pd.DataFrame:
    """``topic, rank, term, weight``: each topic's ``top`` terms by weight (ties by term), 4 decimals."""
    rows = []
    for topic, columns in enumerate(_top_columns(model.terms, top), start=1):
        rows += [(topic, rank, model.vocabulary[c], round(float(model.terms[topic - 1, c]), 4))
                 for rank, c in enumerate(columns, start=1)]
    return pd.DataFrame(rows, columns=schema.columns("topic_terms"))


def topic_labels(model: TopicModel, docs: pd.DataFrame, *, terms: int = 5,
                 representative: int = REPRESENTATIVE) -> pd.DataFrame:
    """One row per topic (schema ``topics``): its top terms, its ``representative`` most typical documents (largest
    weight, one per reprint group when ``docs`` has ``reprint_of``), its share of the corpus and how many documents
    it leads."""
    top = topic_terms(model, top=terms)
    dominant = dominant_topics(model)
    titles = dict(zip(docs["doc_id"], docs["title"]))
    story = dict(zip(docs["doc_id"], docs["reprint_of"].where(docs["reprint_of"].notna(), docs["doc_id"]))) \
        if "reprint_of" in docs.columns else {d: d for d in model.doc_ids}
    shares = model.weights.sum(axis=0) / max(model.weights.sum(), 1e-12)
    rows = []
    for topic in range(1, model.k + 1):
        words = top.loc[top["topic"] == topic, "term"].tolist()
        order = np.lexsort((np.arange(model.n_documents), -model.weights[:, topic - 1]))
        chosen, seen = [], set()
        for position in order:
            doc_id = model.doc_ids[position]
            if model.weights[position, topic - 1] <= 0 or len(chosen) == representative:
                break
            if story.get(doc_id, doc_id) not in seen:
                seen.add(story.get(doc_id, doc_id))
                chosen.append(doc_id)
        rows.append({"topic": topic, "label": f"T{topic} " + "·".join(words[:3]), "terms": "、".join(words),
                     "documents": "；".join(f"{d} {titles.get(d, '')}" for d in chosen),
                     "share": round(float(shares[topic - 1]), 3), "leads": int((dominant == topic).sum())})
    return pd.DataFrame(rows, columns=schema.columns("topics"))


def topic_shares(model: TopicModel, labels: pd.Series, *, order: list | None = None) -> pd.DataFrame:
    """``group, topic, share, documents``: the mean topic weights of each group's documents (``labels``: a group
    label per doc_id; a document may appear under several labels, as in ``topics_by_mention``). Groups in
    ``order`` when given, else sorted; documents with no kept term are left out."""
    frame = pd.DataFrame(model.weights, index=model.doc_ids, columns=range(1, model.k + 1))
    frame = frame[frame.sum(axis=1) > 0]
    labelled = labels[labels.index.isin(frame.index)]
    if labelled.empty:
        return schema.empty("topic_shares")
    joined = frame.loc[labelled.index].assign(group=labelled.to_numpy())
    means = joined.groupby("group", sort=True).mean()
    sizes = joined.groupby("group", sort=True).size()
    groups = [g for g in (order if order is not None else means.index) if g in means.index]
    rows = [(g, topic, round(float(means.loc[g, topic]), 3), int(sizes[g])) for g in groups for topic in means.columns]
    return pd.DataFrame(rows, columns=schema.columns("topic_shares"))


ALL_DOCUMENTS = "全部文档 all"


def topics_by_mention(model: TopicModel, mentions: pd.DataFrame, column: str, *,
                      names: dict | None = None) -> pd.DataFrame:
    """Topic shares of the documents that mention each value of ``column`` in a mentions table (``cohort`` of
    ``cohort_mentions``, ``type`` of ``institution_mentions``), with the whole corpus first for comparison; a
    document mentioning two values counts under both. ``names`` relabels the values (e.g. ``TYPE_LABELS``)."""
    pairs = mentions[["doc_id", column]].drop_duplicates()
    if pairs.empty:  # nothing to compare the whole corpus with
        return schema.empty("topic_shares")
    counts = pairs[column].value_counts()
    values = sorted(counts.index, key=lambda v: (-counts[v], str(v)))
    label = (lambda v: names.get(v, v)) if names else (lambda v: v)
    labels = pd.concat([pd.Series(ALL_DOCUMENTS, index=model.doc_ids),
                        pd.Series([label(v) for v in pairs[column]], index=pairs["doc_id"].to_numpy())])
    return topic_shares(model, labels, order=[ALL_DOCUMENTS, *[label(v) for v in values]])


def similar_documents(model: TopicModel, docs: pd.DataFrame, doc_id: str, *, top: int = 10) -> pd.DataFrame:
    """The ``top`` documents most similar to ``doc_id`` (schema ``similar_documents``): cosine similarity of their
    TF-IDF rows (the representation the topics factorise), 3 decimals, ties by document order."""
    positions = {d: i for i, d in enumerate(model.doc_ids)}
    if doc_id not in positions:
        shown = ", ".join(list(model.doc_ids[:3]) + (["…", model.doc_ids[-1]] if len(model.doc_ids) > 3 else []))
        raise CorpusError(f"SIMILAR_TO {doc_id!r}: no such document (the doc_ids are {shown})")
    row = model.tfidf[positions[doc_id]]
    similarity = np.asarray((model.tfidf @ row.T).todense()).ravel()
    similarity[positions[doc_id]] = -1
    order = np.lexsort((np.arange(len(similarity)), -np.round(similarity, 3)))[:top]
    order = order[similarity[order] >= 0]
    titles = dict(zip(docs["doc_id"], docs["title"]))
    reprint = dict(zip(docs["doc_id"], docs["reprint_of"])) if "reprint_of" in docs.columns else {}
    dominant = dominant_topics(model)
    ids = model.doc_ids[order]
    return pd.DataFrame({"rank": np.arange(1, len(order) + 1), "doc_id": ids, "title": [titles.get(d) for d in ids],
                         "similarity": np.round(similarity[order], 3), "topic": [int(dominant[d]) for d in ids],
                         "reprint_of": [reprint.get(d) for d in ids]}, columns=schema.columns("similar_documents"))


def purity(assigned: pd.Series, truth: pd.Series) -> float:
    """The share of documents whose topic's most common true class is their own class (a clustering score).

    >>> purity(pd.Series([1, 1, 2, 2]), pd.Series(["a", "a", "b", "a"]))
    0.75
    """
    table = pd.crosstab(assigned.to_numpy(), truth.to_numpy())
    return float(table.max(axis=1).sum() / table.to_numpy().sum())
