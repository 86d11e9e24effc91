"""Reprints: which documents are the same story (one 通稿 in many outlets, with a new header and a changed sentence).

Near-duplicates are found with MinHash LSH (datasketch) over character shingles:

- a document is **normalised** (NFKC, lower case, only letters, digits and Han characters kept), so a reprint that
  swaps full-width for half-width punctuation, re-spaces its paragraphs or re-wraps its lines is the same text;
- its **shingles** are the overlapping runs of ``SHINGLE_SIZE`` = 5 characters (Chinese has no spaces, and a word
  split would make whole clauses one token); a shingle is hashed to 32 bits over its code points (numpy), and
  ``PERMUTATIONS`` = 128 MinHash permutations (datasketch's ``affine32`` scheme) sketch the set;
- LSH (the bands and rows datasketch's ``MinHashLSH`` chooses for ``THRESHOLD`` = 0.5, applied in numpy) puts
  documents that agree on a whole band in one bucket, and two documents of a bucket are joined when their estimated
  Jaccard similarity is at least 0.5; joined documents form a group (a chain of reprints is one group even when its
  ends differ more).

Why 5 and 0.5 (``benchmarks/reprint_study.py`` prints the measurement): with 5-character shingles the three real
reprint pairs of the dev set score 0.71–0.88 and the seed's documents with a new header, one sentence dropped and
one changed score 0.77–0.99, while no two different stories of the dev set score above 0.07 (none in the seed above
0.05; stories built from shared sentence templates, the hardest case we made, reach 0.30). Shorter shingles raise
the score of unrelated texts (2 characters: up to 0.14), longer ones lower the score of real reprints (8: down to
0.67). 0.5 sits in the middle of the gap, about five standard errors of a 128-permutation estimate from both sides.

Each group points at its **earliest** document (by date; undated documents after dated ones; then file order), and
every other member is a reprint of it: ``reprint_of`` is that document's doc_id, ``similarity`` their estimated
Jaccard similarity. A document shorter than ``MIN_CHARACTERS`` (normalised) is never a reprint: a few characters
say too little.

Signatures are computed once per document (``doccache.cached_per_document``, with both cores in ``run``) and the
groups once per corpus (``doccache.cached_per_corpus``), so every notebook reads them. The notebooks call
``docs = reprints.apply(docs, DEDUP)`` after ``load_corpus``: it adds ``reprint_of``, prints one line saying how
many documents are reprints, and with ``dedup=True`` keeps only the first document of each group.

>>> sorted(shingles("疫情防控，青年先行", size=5))
['情防控青年', '控青年先行', '疫情防控青', '防控青年先']
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

from .. import schema
from ..cache import doccache

SHINGLE_SIZE = 5
THRESHOLD = 0.5
PERMUTATIONS = 128
MIN_CHARACTERS = 30
SEED = 1            # the permutations' seed: fixed, so signatures are the same in every process and run
SCHEME = "affine32"
CARRIERS_LISTED = 5  # outlets or issuers named per group before "等 N 家"
NOT_LETTERS = re.compile(r"[\W_]+")  # \w is a letter, digit or Han character (str.isalnum) or _
HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


# ---------------------------------------------------------------- shingles

def normalise(text: str) -> str:
    """The text as the comparison sees it: NFKC (full-width letters and digits become ASCII), lower case, and
    only letters, digits and Han characters.

    >>> normalise("“90后”党员， Ｎｏ.１ 青年！")
    '90后党员no1青年'
    """
    letters = NOT_LETTERS.sub("", text.lower())  # punctuation goes first: NFKC then has little left to rewrite
    if not unicodedata.is_normalized("NFKC", letters):
        letters = NOT_LETTERS.sub("", unicodedata.normalize("NFKC", letters).lower())
    return letters


def shingles(text: str, *, size: int = SHINGLE_SIZE) -> set[str]:
    """The distinct runs of ``size`` characters of the normalised text (the whole text when it is shorter)."""
    letters = normalise(text)
    if len(letters) <= size:
        return {letters} if letters else set()
    return {letters[i:i + size] for i in range(len(letters) - size + 1)}


def jaccard(first: set, second: set) -> float:
    """|A ∩ B| / |A ∪ B| (0 for two empty sets): what MinHash estimates.

    >>> jaccard({"青年", "团员"}, {"青年", "党员", "团员", "学生"})
    0.5
    """
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def shingle_hashes(text: str, *, size: int = SHINGLE_SIZE, normalised: bool = False) -> np.ndarray:
    """The distinct 32-bit hashes of the text's shingles (a polynomial over their code points, folded to 32 bits):
    the same set as ``shingles`` without building a string per shingle. ``normalised``: the text already is."""
    letters = text if normalised else normalise(text)
    codes = np.frombuffer(letters.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) == 0:
        return np.zeros(0, dtype=np.uint32)
    width = min(size, len(codes))
    value = np.zeros(len(codes) - width + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping multiplication is the hash
        for offset in range(width):
            value = value * HASH_MULTIPLIER + codes[offset:len(codes) - width + 1 + offset] + np.uint64(1)
        folded = (value ^ (value >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(folded.astype(np.uint32))


# ---------------------------------------------------------------- signatures

@lru_cache(maxsize=4)
def _permutations(permutations: int):
    from datasketch import MinHash

    return MinHash(num_perm=permutations, seed=SEED, scheme=SCHEME).permutations


def signature(text: str, size: int = SHINGLE_SIZE, permutations: int = PERMUTATIONS) -> np.ndarray | None:
    """The MinHash signature (``permutations`` uint32 values) of the text's shingles, or None for a text shorter
    than ``MIN_CHARACTERS`` normalised characters. A module-level function, so ``run``'s workers can compute it.

    The values are those of datasketch's ``MinHash(scheme="affine32").update_batch`` over the shingle hashes (its
    MurmurHash3 finaliser, then its affine permutations, then the minimum), computed as one numpy matrix instead of
    a Python call per shingle; ``tests/test_reprints.py`` checks the two agree."""
    letters = normalise(text)
    if len(letters) < MIN_CHARACTERS:
        return None
    from datasketch.minhash import _fmix

    a, b = _permutations(permutations)
    hashes = _fmix(shingle_hashes(letters, size=size, normalised=True).reshape(-1, 1), 32)
    with np.errstate(over="ignore"):  # uint32 arithmetic wraps, as datasketch's does
        return (hashes * a + b).min(axis=0).astype(np.uint32)


def estimated_jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """The share of permutations on which two signatures agree: MinHash's estimate of their Jaccard similarity."""
    return float(np.mean(first == second))


def _signatures(texts: list[str], size: int, permutations: int) -> list:
    return doccache.cached_per_document("reprint-signature", signature, texts, [size] * len(texts),
                                        [permutations] * len(texts))


# ---------------------------------------------------------------- groups

def _find(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union_bucket(members: np.ndarray, matrix: np.ndarray, parent: list[int], threshold: float) -> None:
    """Join the members of one LSH bucket whose signatures agree on at least ``threshold`` of the permutations:
    the first member against all the others at once, then the first of those it did not join, and so on."""
    while len(members) > 1:
        leader, rest = members[0], members[1:]
        root = _find(parent, leader)
        rest = rest[[_find(parent, m) != root for m in rest]]  # already in its group: nothing to check
        if not len(rest):
            return
        close = np.mean(matrix[rest] == matrix[leader], axis=1) >= threshold
        for member in rest[close]:
            mine, theirs = _find(parent, leader), _find(parent, member)
            parent[max(mine, theirs)] = min(mine, theirs)
        members = rest[~close]


def _corpus_groups(texts: list[str], size: int, threshold: float, permutations: int) -> tuple[np.ndarray, np.ndarray]:
    """(group of each text: the position of its group's first text, or -1 alone; the signatures as a matrix, a row
    of zeros for a text too short to have one). Cached per corpus.

    LSH in numpy: the bands and rows are datasketch's (``MinHashLSH(threshold, num_perm).b, .r``, the split that
    minimises false positives and negatives at ``threshold``); texts whose signatures agree on all rows of a band
    share a bucket, and a bucket's texts are joined by ``_union_bucket``. A bucket of 400 copies costs one
    vectorised comparison, not 400 × 399 / 2 queries."""
    from datasketch import MinHashLSH

    sketches = _signatures(texts, size, permutations)
    matrix = np.zeros((len(texts), permutations), dtype=np.uint32)
    signed = np.array([position for position, values in enumerate(sketches) if values is not None], dtype=np.int64)
    for position in signed:
        matrix[position] = sketches[position]
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    parent = list(range(len(texts)))
    for band in range(lsh.b):
        block = np.ascontiguousarray(matrix[signed, band * lsh.r:(band + 1) * lsh.r])
        keys = block.view(np.dtype((np.void, block.itemsize * lsh.r))).ravel()
        _, bucket, counts = np.unique(keys, return_inverse=True, return_counts=True)
        order = np.argsort(bucket.ravel(), kind="stable")  # file order inside each bucket
        starts = np.concatenate([[0], np.cumsum(counts)])
        for index in np.flatnonzero(counts > 1):
            _union_bucket(signed[order[starts[index]:starts[index + 1]]], matrix, parent, threshold)
    roots = np.array([_find(parent, position) for position in range(len(texts))], dtype=np.int64)
    sizes = np.bincount(roots, minlength=len(texts))
    return np.where(sizes[roots] > 1, roots, -1), matrix


def _groups(docs: pd.DataFrame, size: int, threshold: float, permutations: int):
    return doccache.cached_per_corpus("reprint-groups", _corpus_groups, docs["text"], size, threshold, permutations)


def find_reprints(docs: pd.DataFrame, *, size: int = SHINGLE_SIZE, threshold: float = THRESHOLD,
                  permutations: int = PERMUTATIONS) -> pd.DataFrame:
    """One row per reprint: ``doc_id, reprint_of, similarity`` (schema ``reprints``), in document order.

    ``reprint_of`` is the earliest document of the group (by date, undated last, then file order);
    ``similarity`` the estimated Jaccard similarity of the two documents' shingles, 2 decimals.
    """
    schema.require_docs(docs, "date")
    if docs.empty:
        return schema.empty("reprints")
    groups, matrix = _groups(docs, size, threshold, permutations)
    table = pd.DataFrame({"position": np.arange(len(docs)), "group": groups,
                          "undated": docs["date"].isna().to_numpy(), "date": docs["date"].to_numpy()})
    table = table[table["group"] >= 0].sort_values(["group", "undated", "date", "position"], kind="stable")
    first = table.groupby("group")["position"].transform("first").to_numpy()
    members = table["position"].to_numpy()
    keep = members != first
    members, first = members[keep], first[keep]
    similarity = np.round(np.mean(matrix[members] == matrix[first], axis=1), 2)
    ids = docs["doc_id"].to_numpy(dtype=object)
    order = np.argsort(members, kind="stable")
    return pd.DataFrame({"doc_id": ids[members[order]], "reprint_of": ids[first[order]],
                         "similarity": similarity[order].astype(float)}, columns=schema.columns("reprints"))


def mark_reprints(docs: pd.DataFrame, **options) -> pd.DataFrame:
    """The documents table with a ``reprint_of`` column: the doc_id of the document it reprints, else None."""
    found = find_reprints(docs, **options)
    column = docs["doc_id"].map(dict(zip(found["doc_id"], found["reprint_of"])))
    return docs.assign(reprint_of=column.astype(object).where(column.notna(), None))


def describe(docs: pd.DataFrame, *, dedup: bool, kept: int | None = None) -> str:
    """The notebooks' one line: how many documents are reprints, and how to count each story once."""
    reprinted = docs["reprint_of"].notna()
    n, groups = int(reprinted.sum()), docs.loc[reprinted, "reprint_of"].nunique()
    if dedup:
        return (f"转载：DEDUP=True，{n:,} 篇转载（{groups:,} 组）只计一次，保留每组最早的一篇，共 {kept:,} 篇文档。 "
                f"Reprints: DEDUP=True counts each of {groups:,} reprint groups once ({n:,} reprints left out); "
                f"{kept:,} documents remain.")
    return (f"转载：{len(docs):,} 篇文档中 {n:,} 篇是另一篇的转载（{groups:,} 组）；每篇都计入，设 DEDUP=True 则每个报道"
            f"只计一次。 Reprints: {n:,} of {len(docs):,} documents reprint another ({groups:,} groups); every copy "
            "counts here, set DEDUP=True to count each story once.")


def apply(docs: pd.DataFrame, dedup: bool = False) -> pd.DataFrame:
    """Mark the reprints (``reprint_of``), print the one line of ``describe``, and with ``dedup`` keep only the
    earliest document of each reprint group (every other document too). The notebooks' one call after loading."""
    marked = mark_reprints(docs)
    kept = marked[marked["reprint_of"].isna()].reset_index(drop=True) if dedup else marked
    print(describe(marked, dedup=bool(dedup), kept=len(kept)))
    return kept


# ---------------------------------------------------------------- the groups, for notebook 00

def carrier_column(docs: pd.DataFrame) -> str:
    """Who carried a document: its ``outlet`` (a ``metadata.csv`` column) when the table has one, else its issuer."""
    return "outlet" if "outlet" in docs.columns and docs["outlet"].notna().any() else "issuer"


def reprint_groups(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per reprint group, largest first (then by first document): schema ``reprint_groups``.

    ``docs`` must carry ``reprint_of`` (``mark_reprints``). ``carried_by`` names the outlets (or issuers) that
    carried the story with how many copies each, the most frequent first, at most five, then how many more.
    """
    schema.require_docs(docs, "reprint_of", "title", "date")
    carrier = carrier_column(docs)
    group = docs["reprint_of"].where(docs["reprint_of"].notna(), docs["doc_id"])
    members = docs.assign(group=group, position=np.arange(len(docs)),
                          carrier=docs[carrier].where(docs[carrier].notna() & (docs[carrier] != ""), "（未署名）")
                          if carrier in docs.columns else "（未署名）")
    members = members[members["group"].isin(set(docs["reprint_of"].dropna()))]
    if members.empty:
        return schema.empty("reprint_groups")
    titles = dict(zip(docs["doc_id"], docs["title"]))
    rows = []
    for first, part in members.groupby("group", sort=False):
        counts = part["carrier"].value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        listed = "、".join(f"{name}（{count}）" for name, count in counts.head(CARRIERS_LISTED).items())
        if len(counts) > CARRIERS_LISTED:
            listed += f" 等 {len(counts)} 家"
        dates = part["date"].dropna()
        rows.append({"documents": len(part), "first": first, "title": titles[first],
                     "first_date": dates.min().strftime("%Y-%m-%d") if len(dates) else None,
                     "last_date": dates.max().strftime("%Y-%m-%d") if len(dates) else None,
                     "carriers": len(counts), "carried_by": listed, "position": part["position"].min()})
    table = pd.DataFrame(rows).sort_values(["documents", "position"], ascending=[False, True], kind="stable")
    table.insert(0, "group", range(1, len(table) + 1))
    return table[schema.columns("reprint_groups")].reset_index(drop=True)
