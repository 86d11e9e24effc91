"""Themes: what the documents talk about, and how they differ (quanteda/Voyant for Chinese).

Functions take the documents table (``load_corpus``) and return tidy tables.

- counts and keywords: ``term_counts``, ``tfidf_keywords``;
- differences: ``keyness``, ``keyness_by``;
- context: ``kwic``, ``collocations``, ``cooccurrence``;
- dictionary themes: ``theme_shares`` (lexicon ``data/theme_lexicon.csv``).

Their charts are in ``corpus_lib.plots.themes``; every table's columns are in ``corpus_lib.schema``.

Tokens are counted after ``filter_tokens``: punctuation, bare numbers and stop words are dropped,
and with ``boilerplate=True`` also the official-document boilerplate of ``data/boilerplate.txt``.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain, combinations
from typing import Iterable

import numpy as np
import pandas as pd

from .. import resources, schema
from ..cache import doccache
from ..errors import CorpusError
from ..preprocessing.clean import split_sentences
from ..preprocessing.script import simplified_view
from ..preprocessing.segmentation import TERM, count_columns, segment

LEXICON_FILE = "theme_lexicon.csv"


# --------------------------------------------------------------------------- tokens and counts

def _drop_set(boilerplate: bool) -> frozenset[str]:
    return resources.stopwords() | resources.boilerplate() if boilerplate else resources.stopwords()


def _count_arrays(docs: pd.DataFrame, boilerplate: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(document position, term code, count, distinct terms) of the filtered counts, one entry per
    (document, term); ``terms[code]`` is the term.

    Each distinct type is tested once for the whole corpus and documents stay integer positions,
    so a 10M-character corpus needs no per-token Python work after its cached counts.
    The arrays of the last corpus and option asked for are kept (read-only) in this process: a notebook asks for
    them a dozen times in a row, and each read from the cache would unpickle and widen millions of entries again.
    """
    schema.require_docs(docs)
    texts = list(docs["text"])
    corpus = doccache.corpus_key(texts, (boilerplate,))
    key = (doccache.fingerprint(), corpus)
    if key not in _last_counts:
        _last_counts.clear()  # one set at a time: the previous one can go before the next is read
        positions, codes, counts, terms = doccache.cached_per_corpus("count_arrays", _corpus_count_arrays, texts,
                                                                     boilerplate, key=corpus)
        arrays = (positions.astype(np.int64), codes.astype(np.intp), counts.astype(np.int64), terms.copy())
        for array in arrays:
            array.flags.writeable = False
        _last_counts[key] = arrays
    return _last_counts[key]


_last_counts: dict[tuple[str, str], tuple[np.ndarray, ...]] = {}


def _corpus_count_arrays(texts: list[str], boilerplate: bool) -> tuple[np.ndarray, ...]:
    """``_count_arrays`` of a list of texts, stored compactly (int32) in the per-corpus cache."""
    columns = [count_columns(text) for text in texts]
    sizes = [len(types) for types, _ in columns]
    codes, terms = pd.factorize(np.fromiter(chain.from_iterable(t for t, _ in columns), dtype=object, count=sum(sizes)))
    drop = _drop_set(boilerplate)
    kept = np.fromiter((t not in drop and bool(TERM.search(t)) for t in terms), dtype=bool, count=len(terms))
    mask = kept[codes]
    counts = np.concatenate([c for _, c in columns]) if columns else np.zeros(0, np.int32)
    positions = np.repeat(np.arange(len(columns), dtype=np.int32), sizes)
    return (positions[mask], codes[mask].astype(np.int32), counts[mask].astype(np.int32),
            np.asarray(terms, dtype=object))


def count_table(docs: pd.DataFrame, *, boilerplate: bool = False) -> pd.DataFrame:
    """Filtered term counts as rows ``doc_id, term, count`` (documents in order, terms unordered).

    Same result as counting ``filter_tokens`` output for every document.
    """
    positions, codes, counts, terms = _count_arrays(docs, boilerplate)
    return pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(dtype=object)[positions], "term": terms[codes],
                         "count": counts})


def document_counts(docs: pd.DataFrame, *, boilerplate: bool = False) -> pd.Series:
    """Filtered term Counters, one per document, indexed by ``doc_id``.

    >>> import corpus_lib as cl
    >>> document_counts(cl.load_corpus())["d02"]["90后"] > 10
    True
    """
    table = count_table(docs, boilerplate=boilerplate)
    grouped = {doc_id: Counter(dict(zip(part["term"], part["count"])))
               for doc_id, part in table.groupby("doc_id", sort=False)}
    return pd.Series([grouped.get(d, Counter()) for d in docs["doc_id"]], index=docs["doc_id"], name="counts")


def term_counts(docs: pd.DataFrame, *, boilerplate: bool = False, by: str = "doc") -> pd.DataFrame:
    """Term frequencies: ``doc_id, term, count, per_10k``.

    ``per_10k`` is per 10,000 *filtered* tokens of that document (tokens left after dropping
    punctuation, numbers, stop words and, if asked, boilerplate). ``by="all"`` counts the whole
    corpus as one document with ``doc_id`` "all". Rows: doc_id, then count descending, then term.

    >>> import corpus_lib as cl
    >>> term_counts(cl.load_corpus(), by="all").head(1)["term"].tolist()
    ['疫情防控']
    """
    if by not in ("doc", "all"):
        raise CorpusError(f"by must be 'doc' or 'all', not {by!r}")
    positions, codes, counts, terms = _count_arrays(docs, boilerplate)
    labels = docs["doc_id"].to_numpy(dtype=object)
    if by == "all":  # the corpus as one document
        totals = np.bincount(codes, weights=counts, minlength=len(terms)).astype(np.int64)
        codes = np.flatnonzero(totals)
        counts, positions, labels = totals[codes], np.zeros(len(codes), dtype=np.int64), np.array(["all"], dtype=object)
    per_10k = np.round(counts / np.bincount(positions, weights=counts)[positions] * 10_000, 2)
    # sorted with integer keys (numpy, not 2.5M-row string sorts): doc_id, count descending, term
    order = np.lexsort((_string_ranks(terms)[codes], -counts, _string_ranks(labels)[positions]))
    return pd.DataFrame({"doc_id": "all" if by == "all" else labels[positions[order]], "term": terms[codes[order]],
                         "count": counts[order], "per_10k": per_10k[order]})


def term_counts_in_chunks(docs: pd.DataFrame, *, boilerplate: bool = False, rows: int = 500_000):
    """``term_counts(docs, boilerplate=...)`` (by document) as consecutive frames of about ``rows`` rows,
    whole documents each, in the same order: the long table can be written (``save_table``) without
    ever being one frame. There is always at least one frame, empty for a corpus without terms.

    >>> import corpus_lib as cl
    >>> docs = cl.load_corpus()
    >>> pd.concat(list(term_counts_in_chunks(docs, rows=1000)), ignore_index=True).equals(term_counts(docs))
    True
    """
    positions, codes, counts, terms = _count_arrays(docs, boilerplate)
    labels = docs["doc_id"].to_numpy(dtype=object)
    totals, term_ranks, label_ranks = np.bincount(positions, weights=counts), _string_ranks(terms), _string_ranks(labels)
    by_document = np.argsort(positions, kind="stable")
    starts = np.searchsorted(positions[by_document], np.arange(len(labels) + 1))
    chunk, size = [], 0
    for position in np.argsort(label_ranks, kind="stable"):  # documents in doc_id order
        chunk.append(by_document[starts[position]:starts[position + 1]])
        size += len(chunk[-1])
        if size >= rows:
            yield _count_rows(np.concatenate(chunk), positions, codes, counts, terms, labels, totals, term_ranks,
                              label_ranks)
            chunk, size = [], 0
    if chunk or size == 0:
        yield _count_rows(np.concatenate(chunk) if chunk else np.zeros(0, dtype=np.intp), positions, codes, counts,
                          terms, labels, totals, term_ranks, label_ranks)


def _count_rows(entries, positions, codes, counts, terms, labels, totals, term_ranks, label_ranks) -> pd.DataFrame:
    """The rows of ``term_counts`` for some entries of the count arrays, in its order."""
    positions, codes, counts = positions[entries], codes[entries], counts[entries]
    per_10k = np.round(counts / totals[positions] * 10_000, 2) if len(entries) else np.zeros(0)
    order = np.lexsort((term_ranks[codes], -counts, label_ranks[positions]))
    return pd.DataFrame({"doc_id": labels[positions[order]], "term": terms[codes[order]],
                         "count": counts[order], "per_10k": per_10k[order]})


def _string_ranks(values: np.ndarray) -> np.ndarray:
    """Each string's place in code-point order (equal strings never occur here)."""
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[np.argsort(values, kind="stable")] = np.arange(len(values))
    return ranks


def _rank_within(table: pd.DataFrame, top: int | None) -> pd.DataFrame:
    table = table.sort_values(["doc_id", "score", "term"], ascending=[True, False, True], ignore_index=True)
    table["rank"] = table.groupby("doc_id").cumcount() + 1
    return table[table["rank"] <= top].reset_index(drop=True) if top else table


def tfidf_keywords(docs: pd.DataFrame, *, top: int = 20, boilerplate: bool = False,
                   by: str = "doc", groups: pd.Series | None = None) -> pd.DataFrame:
    """The ``top`` TF-IDF keywords of each document: ``doc_id, term, score, rank``.

    score = tf × idf, with tf = count of the term in the document / filtered tokens of the document,
    and idf = ln((1 + N) / (1 + df)) + 1 (N documents, df documents holding the term; the
    scikit-learn "smooth" idf, so a term found everywhere keeps weight 1 instead of 0).
    Scores are rounded to 6 decimals; equal scores are ranked by term (code-point order).
    ``by="all"`` scores the corpus as one document (tf over all tokens, the same idf), ``doc_id`` "all".
    ``groups`` (a group label per doc_id, ``grouping.document_groups``) scores each group as one document:
    tf over the group's tokens, idf over the groups (N groups, df groups holding the term); ``doc_id``
    then holds the group label, and groups come in label order.

    >>> import corpus_lib as cl
    >>> "90后" in tfidf_keywords(cl.load_corpus(), top=5).query("doc_id == 'd02'")["term"].tolist()
    True
    """
    if by not in ("doc", "all"):
        raise CorpusError(f"by must be 'doc' or 'all', not {by!r}")
    positions, codes, counts, terms = _count_arrays(docs, boilerplate)
    labels = docs["doc_id"].to_numpy(dtype=object)
    if groups is not None:  # each group as one document
        labels, group_of = np.unique(docs["doc_id"].map(groups).astype(str).to_numpy(), return_inverse=True)
        labels = labels.astype(object)
        keys, inverse = np.unique(group_of[positions] * len(terms) + codes, return_inverse=True)
        counts = np.bincount(inverse, weights=counts).astype(np.int64)
        positions, codes = keys // len(terms), keys % len(terms)
    idf = np.log((1 + len(labels)) / (1 + np.bincount(codes, minlength=len(terms)))) + 1
    if by == "all":  # the corpus as one document
        present = np.flatnonzero(np.bincount(codes, minlength=len(terms)))
        counts = np.bincount(codes, weights=counts, minlength=len(terms))[present]
        positions, codes = np.zeros(len(present), dtype=np.int64), present
    totals = np.bincount(positions, weights=counts)
    scores = np.round(counts / totals[positions] * idf[codes], 6)
    labels = np.array(["all"], dtype=object) if by == "all" else labels
    keep = _top_candidates(positions, scores, top) if top else slice(None)
    table = pd.DataFrame({"doc_id": labels[positions[keep]], "term": terms[codes[keep]], "score": scores[keep]})
    return _rank_within(table, top)


def _top_candidates(positions: np.ndarray, scores: np.ndarray, top: int) -> np.ndarray:
    """Entries scoring at least each document's ``top``-th best score (ties kept for the term tie-break)."""
    order = np.lexsort((-scores, positions))
    starts = np.searchsorted(positions[order], np.arange(positions.max() + 1 if len(positions) else 0))
    ends = np.append(starts[1:], len(order))
    threshold = scores[order[np.minimum(starts + top, ends) - 1]]
    return np.flatnonzero(scores >= threshold[positions])


# --------------------------------------------------------------------------- keyness

def _as_counter(tokens) -> Counter:
    return tokens if isinstance(tokens, Counter) else Counter(tokens)


def _xlogx_ratio(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """observed × ln(observed / expected), with 0 × ln 0 = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def keyness(target, reference) -> pd.DataFrame:
    """Log-likelihood keyness of every term: which terms does ``target`` use more than ``reference``?

    ``target`` and ``reference`` are each an iterable of tokens or a ``collections.Counter``
    (tokens are used as given: filter them first, as ``keyness_by`` does).
    For a term with counts a (target) and b (reference), and corpus sizes c and d:
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)) (Dunning 1993; Rayson).

    - ``g2`` is **signed**: positive when the term is relatively more frequent in the target,
      negative when it is more frequent in the reference; ``direction`` says "target"/"reference".
    - ``log_ratio`` = log2((a/c) / (b/d)) (Hardie's effect size; a zero count counts as 0.5).
    - ``p_value`` = P(χ²₁ ≥ |G²|) = erfc(sqrt(|G²|/2)).

    Rows are sorted by g2 descending, then term: target-favoured terms first, reference-favoured last.

    >>> keyness(["青年", "青年", "抗疫"], ["抗疫", "抗疫"])["term"].tolist()
    ['青年', '抗疫']
    """
    target, reference = _as_counter(target), _as_counter(reference)
    terms = sorted(set(target) | set(reference))
    a = np.array([target.get(t, 0) for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    c, d = a.sum(), b.sum()
    if c == 0 or d == 0:
        raise CorpusError("keyness needs tokens in both the target and the reference")
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (_xlogx_ratio(a, e1) + _xlogx_ratio(b, e2))
    log_ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    sign = np.where(a / c >= b / d, 1.0, -1.0)
    table = pd.DataFrame({
        "term": terms, "target_count": a.astype(int), "reference_count": b.astype(int),
        "g2": np.round(sign * g2, 4), "log_ratio": np.round(log_ratio, 4),
        "p_value": [round(math.erfc(math.sqrt(x / 2)), 6) for x in g2],
        "direction": np.where(sign > 0, "target", "reference"),
    })
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


def _values(values) -> list:
    return [values] if isinstance(values, (str, int, float)) else list(values)


def keyness_by(docs: pd.DataFrame, column: str, target_values, reference_values=None, *,
               boilerplate: bool = False) -> pd.DataFrame:
    """Keyness between two groups of documents picked by any metadata column.

    ``target_values`` / ``reference_values``: one value or a list; ``reference_values=None`` means
    every other document. The table is that of ``keyness``.

    >>> import corpus_lib as cl
    >>> table = keyness_by(cl.load_corpus(), "genre", "speech", "notice")
    >>> table.iloc[0]["direction"]
    'target'
    """
    schema.require_docs(docs, column)
    targets = docs[column].isin(_values(target_values))
    references = ~targets if reference_values is None else docs[column].isin(_values(reference_values))
    if not targets.any() or not references.any():
        raise CorpusError(f"no documents with {column} in {_values(target_values)} "
                          f"or in the reference group; values present: {sorted(map(str, docs[column].unique()))}")
    if (targets & references).any():
        raise CorpusError("the target and reference groups overlap")
    table = count_table(docs, boilerplate=boilerplate)

    def group_counts(mask) -> Counter:
        rows = table[table["doc_id"].isin(docs.loc[mask, "doc_id"])]
        return Counter(rows.groupby("term")["count"].sum().to_dict())

    return keyness(group_counts(targets), group_counts(references))


# --------------------------------------------------------------------------- collocations

def _bigrams(docs: pd.DataFrame, boilerplate: bool) -> tuple[Counter, int]:
    """Adjacent pairs of raw tokens where both are kept terms (a pair never spans punctuation
    or a dropped stop word), and the number of adjacent token pairs in the corpus (cached per corpus; a sum
    over the documents, so summed by parts in parallel or on a cluster: ``doccache.reduced_per_corpus``)."""
    return doccache.reduced_per_corpus("bigrams", _corpus_bigrams, docs["text"], boilerplate)


def _corpus_bigrams(texts: list[str], boilerplate: bool) -> tuple[Counter, int]:
    """The kept pairs of some texts and their adjacent pairs: whether a word is kept depends on the word
    alone, so the kept pairs of the corpus are the sum of those of its parts."""
    drop, pairs, total = _drop_set(boilerplate), Counter(), 0
    for tokens in map(segment, texts):
        total += max(len(tokens) - 1, 0)
        pairs.update(zip(tokens, tokens[1:]))
    keep = {w for pair in pairs for w in pair if w not in drop and TERM.search(w)}
    return Counter({p: n for p, n in pairs.items() if p[0] in keep and p[1] in keep}), total


def collocations(docs: pd.DataFrame, *, method: str = "llr", min_freq: int = 3, top: int = 30,
                 boilerplate: bool = False) -> pd.DataFrame:
    """Two-word collocations: ``collocation, first, second, count, score, rank``.

    Pairs are adjacent tokens that are both terms (no punctuation, number or stop word between).
    With k11 = pair count, n1 = pairs starting with ``first``, n2 = pairs ending with ``second``
    and N = adjacent token pairs in the corpus:
    ``method="llr"``: Dunning's G² of the 2×2 table (k11, n1−k11, n2−k11, N−n1−n2+k11);
    ``method="pmi"``: log2(k11 · N / (n1 · n2)). Pairs seen fewer than ``min_freq`` times are left
    out. Sorted by score descending, then collocation.

    >>> import corpus_lib as cl
    >>> "团员 青年" in collocations(cl.load_corpus(), top=50)["collocation"].tolist()
    False
    """
    if method not in ("llr", "pmi"):
        raise CorpusError(f"method must be 'llr' or 'pmi', not {method!r}")
    pairs, total = _bigrams(docs, boilerplate)
    if not pairs or total == 0:
        return schema.empty("collocations")
    table = pd.DataFrame([(w1, w2, n) for (w1, w2), n in pairs.items()], columns=["first", "second", "count"])
    firsts, seconds = _pair_margins(docs)
    k11 = table["count"].to_numpy(float)
    n1, n2 = table["first"].map(firsts).to_numpy(float), table["second"].map(seconds).to_numpy(float)
    if method == "pmi":
        score = np.log2(k11 * total / (n1 * n2))
    else:
        observed = np.stack([k11, n1 - k11, n2 - k11, total - n1 - n2 + k11])
        rows, cols = np.stack([n1, n1, total - n1, total - n1]), np.stack([n2, total - n2, n2, total - n2])
        score = 2 * _xlogx_ratio(observed, rows * cols / total).sum(axis=0)
    table["score"] = np.round(score, 4)
    table["collocation"] = table["first"] + " " + table["second"]
    table = table[table["count"] >= min_freq]
    table = table.sort_values(["score", "collocation"], ascending=[False, True], ignore_index=True).head(top)
    table["rank"] = np.arange(1, len(table) + 1)
    return table[["collocation", "first", "second", "count", "score", "rank"]]


def _pair_margins(docs: pd.DataFrame) -> tuple[Counter, Counter]:
    """How often each token begins and ends an adjacent pair (a sum over documents, as ``_bigrams``)."""
    return doccache.reduced_per_corpus("pair_margins", _corpus_pair_margins, docs["text"])


def _corpus_pair_margins(texts: list[str]) -> tuple[Counter, Counter]:
    firsts, seconds = Counter(), Counter()
    for tokens in map(segment, texts):
        firsts.update(tokens[:-1])
        seconds.update(tokens[1:])
    return firsts, seconds


def corpus_sums(docs: pd.DataFrame) -> None:
    """Compute the corpus-wide pair counts that ``collocations`` reads into the per-corpus cache (``run`` calls
    it while the per-document work runs in parallel or on a cluster, which sums them there)."""
    _bigrams(docs, False)
    _pair_margins(docs)


# --------------------------------------------------------------------------- KWIC

def kwic(docs: pd.DataFrame, keyword: str, *, window: int = 15, regex: bool = False) -> pd.DataFrame:
    """Keyword in context, matched on the text (so it finds 青年 inside 团员青年 too):
    ``doc_id, left, keyword, right`` with ``window`` characters each side (line breaks shown as
    spaces). Rows follow the documents, then the position in the text. A traditional-character
    document is matched on its simplified view and shown as written (``original_text``), so 团中央
    and 團中央 both find 團中央.

    >>> import corpus_lib as cl
    >>> kwic(cl.load_corpus(), "90后", window=4).iloc[0].tolist()
    ['d01', '队全体“', '90后', '”党员的']
    """
    schema.require_docs(docs)
    if not keyword:
        raise CorpusError("kwic needs a keyword")
    pattern = re.compile(keyword if regex else "|".join(map(re.escape, dict.fromkeys([keyword, simplified_view(keyword)]))))
    originals = docs["original_text"] if "original_text" in docs.columns else docs["text"]
    rows = []
    for doc_id, text, original in zip(docs["doc_id"], docs["text"], originals):
        # Matched on the simplified view, shown as written: the two have the same offsets.
        flat, shown = text.replace("\n", " "), original.replace("\n", " ")
        shown = shown if len(shown) == len(flat) else flat
        for match in pattern.finditer(flat):
            start, end = match.span()
            rows.append((doc_id, shown[max(0, start - window):start], shown[start:end], shown[end:end + window]))
    return pd.DataFrame(rows, columns=schema.columns("kwic"))


# --------------------------------------------------------------------------- theme lexicon

@lru_cache(maxsize=None)
def theme_lexicon() -> tuple[tuple[str, str], ...]:
    """``(category, term)`` rows of ``data/theme_lexicon.csv``, in file order."""
    rows = list(csv.reader(io.StringIO("\n".join(resources.read_lines(LEXICON_FILE)))))
    if not rows or [cell.strip() for cell in rows[0]] != ["category", "term"]:
        raise CorpusError(f"{LEXICON_FILE}: the first row must be 'category,term'")
    entries, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise CorpusError(f"{LEXICON_FILE}: data row {number} is not 'category,term': {','.join(row)}")
        category, term = row[0].strip(), row[1].strip()
        if seen.setdefault(term, category) != category:
            raise CorpusError(f"{LEXICON_FILE}: {term} is listed under both {seen[term]} and {category}")
        entries.append((category, term))
    return tuple(entries)


@lru_cache(maxsize=None)
def _lexicon_pattern() -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    lexicon = theme_lexicon()
    terms = sorted({t for _, t in lexicon}, key=lambda t: (-len(t), t))  # longest first wins
    categories = tuple(dict.fromkeys(c for c, _ in lexicon))
    return re.compile("|".join(map(re.escape, terms))), {t: c for c, t in lexicon}, categories


def theme_hits(docs: pd.DataFrame) -> pd.DataFrame:
    """Every lexicon term found in each text (leftmost-longest): ``doc_id, category, term, count``."""
    _, category_of, _ = _lexicon_pattern()
    found = doccache.cached_per_document("theme_hits", _lexicon_counts, docs["text"])
    rows = [(doc_id, category_of[term], term, n) for doc_id, counts in zip(docs["doc_id"], found) for term, n in counts]
    return pd.DataFrame(rows, columns=schema.columns("theme_hits"))


def _lexicon_counts(text: str) -> list[tuple[str, int]]:
    return sorted(Counter(_lexicon_pattern()[0].findall(text)).items())


def theme_shares(docs: pd.DataFrame) -> pd.DataFrame:
    """Share of each theme in each document: ``doc_id, category, count, share``.

    Counts are lexicon hits (``theme_lexicon.csv``); share = category hits / all hits of the
    document, so shares sum to 1 for every document with a hit (0 everywhere for one without).
    Every document gets a row for every category, in lexicon order.

    >>> import corpus_lib as cl
    >>> shares = theme_shares(cl.load_corpus())
    >>> shares.query("doc_id == 'd01' and category == '青年与共青团'")["share"].item()
    0.5
    """
    schema.require_docs(docs)
    _, _, categories = _lexicon_pattern()
    hits = theme_hits(docs).groupby(["doc_id", "category"])["count"].sum()
    grid = pd.MultiIndex.from_product([docs["doc_id"], categories], names=["doc_id", "category"])
    table = hits.reindex(grid, fill_value=0).reset_index()
    table["count"] = table["count"].astype(int)  # an empty hit table sums to object dtype
    totals = table.groupby("doc_id")["count"].transform("sum")
    table["share"] = (table["count"] / totals.where(totals > 0)).fillna(0.0)  # unrounded: sums to 1
    return table


# --------------------------------------------------------------------------- co-occurrence

def cooccurrence(docs: pd.DataFrame, *, top: int = 30, min_count: int = 2, max_edges: int = 60,
                 exclude: Iterable[str] = (), boilerplate: bool = True) -> pd.DataFrame:
    """Sentence co-occurrence among the ``top`` most frequent terms: ``source, target, weight``
    (weight = sentences holding both). Pairs seen in fewer than ``min_count`` sentences are
    dropped and only the ``max_edges`` heaviest are kept; ``exclude`` leaves out hub words
    (e.g. 疫情) that co-occur with everything. ``edges.attrs["frequency"]`` holds term counts.

    >>> import corpus_lib as cl
    >>> edges = cooccurrence(cl.load_corpus(), top=10)
    >>> list(edges.columns)
    ['source', 'target', 'weight']
    """
    frequent = term_counts(docs, boilerplate=boilerplate, by="all")
    frequent = frequent[~frequent["term"].isin(set(exclude))].head(top)
    vocabulary = tuple(sorted(frequent["term"]))
    pairs = doccache.reduced_per_corpus("sentence_pairs", _sentence_pairs, docs["text"], vocabulary)
    edges = pd.DataFrame([(s, t, n) for (s, t), n in pairs.items() if n >= min_count],
                         columns=schema.columns("cooccurrence"))
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
    edges = edges.head(max_edges)
    edges.attrs["frequency"] = dict(zip(frequent["term"], frequent["count"]))
    return edges


def _sentence_pairs(texts: list[str], vocabulary: tuple[str, ...]) -> Counter:
    """How many sentences hold each pair of ``vocabulary`` terms."""
    terms, pairs = set(vocabulary), Counter()
    for text in texts:
        # a term that is a token of a sentence is written in it: a document, then a sentence, in which fewer
        # than two terms are written holds no pair, and is not segmented
        written = [term for term in vocabulary if term in text]
        if len(written) < 2:
            continue
        for sentence in split_sentences(text):
            if sum(term in sentence for term in written) >= 2:
                present = sorted(terms.intersection(segment(sentence, cache=False)))
                pairs.update(combinations(present, 2))
    return pairs


# --------------------------------------------------------------------------- plots


def empty_keyness() -> pd.DataFrame:
    """A keyness table with no rows (for a corpus where the chosen groups do not exist)."""
    return schema.empty("keyness")
