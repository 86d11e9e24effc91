"""Segment stage: str -> tokens, with jieba or its Rust port rjieba, and a disk cache.

``segment`` is a pure per-document function (same text, same dictionary -> same tokens),
so a huge corpus can be mapped over with Dask or Spark:
``bag.map(corpus_lib.preprocessing.segmentation)``.
"""
from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections import Counter
from functools import lru_cache
from importlib import metadata
from itertools import filterfalse
from typing import Callable

import numpy as np
import pandas as pd

from .. import paths, resources
from ..cache import cachedb

BACKENDS = ("rjieba", "jieba")
DEFAULT_BACKEND = "rjieba"
# Cached token lists are joined with the ASCII unit separator, which cleaned text never holds.
JOIN = "\x1f"
TERM = re.compile(r"[\u3400-\u9fffA-Za-z]")


@lru_cache(maxsize=None)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba prints its load time, which nbval would compare
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(paths.cache_dir())
    os.makedirs(tokenizer.tmp_dir, exist_ok=True)
    for word, freq, tag in resources.user_dictionary():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


@lru_cache(maxsize=None)
def _rjieba():
    import rjieba

    tokenizer = rjieba.Jieba()
    for word, freq, tag in resources.user_dictionary():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def _cut(text: str, backend: str) -> list[str]:
    if backend == "rjieba":
        return _rjieba().cut(text, hmm=True)
    if backend == "jieba":
        return _jieba().lcut(text, HMM=True)
    raise ValueError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")


@lru_cache(maxsize=None)
def _cache_prefix(backend: str) -> str:
    version = metadata.version(backend)
    return f"{backend}-{version}-{resources.dictionary_fingerprint()}"


class TokenCache:
    """The segmentation cache: one SQLite file per (backend, version, dictionary) in the user's cache
    folder. A row per distinct text (its SHA-256) holds the tokens and, once asked for, the distinct
    tokens with their counts (as an int32 array, read back without parsing). SQLite makes each write
    atomic and lets several processes share the file; any database error just means no cache.
    """

    SCHEMA = "v2"

    def __init__(self, backend: str):
        name = f"tokens-{self.SCHEMA}-{_cache_prefix(backend)}.sqlite"
        self.path = paths.cache_dir() / name
        self.db = cachedb.open_database(
            name, "CREATE TABLE IF NOT EXISTS tokens (key TEXT PRIMARY KEY, tokens TEXT, types TEXT, counts BLOB)")

    def get(self, key: str, *columns: str) -> tuple | None:
        row = self.db.execute(f"SELECT {', '.join(columns)} FROM tokens WHERE key = ?", (key,)).fetchone()
        return row if row and row[0] is not None else None

    def put_tokens(self, key: str, tokens: list[str]) -> None:
        self.db.execute("INSERT OR REPLACE INTO tokens VALUES (?, ?, NULL, NULL)", (key, JOIN.join(tokens)))

    def put_counts(self, key: str, types: list[str], counts: np.ndarray) -> None:
        self.db.execute("UPDATE tokens SET types = ?, counts = ? WHERE key = ?",
                        (JOIN.join(types), counts.astype(np.int32).tobytes(), key))


_caches: dict[tuple, TokenCache | None] = {}


def reset_cache() -> None:
    """Forget open cache connections, e.g. after changing ``CORPUS_LIB_CACHE`` in a running process."""
    _caches.clear()


def _cache(backend: str) -> TokenCache | None:
    """This process's cache for ``backend`` (a new connection after a fork)."""
    key = (os.getpid(), backend, _cache_prefix(backend))
    if key not in _caches:
        try:
            _caches[key] = TokenCache(backend)
        except (OSError, sqlite3.Error):
            _caches[key] = None  # an unwritable cache folder only costs speed
    return _caches[key]


def _lookup(text: str, backend: str, *columns: str):
    """(cache, key, stored row or None)."""
    cache = _cache(backend)
    key = cachedb.text_digest(text)
    try:
        return cache, key, cache.get(key, *columns) if cache else None
    except sqlite3.Error:
        return None, key, None


_quietly = cachedb.quietly  # a cache that cannot be written only costs speed


def tag_tokens(text: str) -> list[tuple[str, str, int, int]]:
    """``(word, part-of-speech tag, start, end)`` of every token of ``text``, whitespace included, with the
    domain user dictionary (rjieba, HMM on: unknown names are tagged ``nr`` as in jieba.posseg). Not cached:
    the people finder calls it once per document, and its own results are cached.

    >>> [(w, t) for w, t, _, _ in tag_tokens("护士李爱飞说")]
    [('护士', 'n'), ('李爱飞', 'nr'), ('说', 'v')]
    """
    tokens, position = [], 0
    for word, tag in _rjieba().tag(text, True):
        start = text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        tokens.append((word, tag, start, position))
    return tokens


def has_word(backend: str = DEFAULT_BACKEND) -> Callable[[str], bool]:
    """Whether the segmenter's dictionary (jieba's plus the user dictionary) holds a word."""
    return _rjieba().has_word if backend == "rjieba" else (lambda word: bool(_jieba().FREQ.get(word)))


def segment(text: str, *, backend: str = DEFAULT_BACKEND, cache: bool = True) -> list[str]:
    """Tokens of ``text`` (whitespace dropped), with the domain user dictionary.

    >>> segment("北京大学援鄂医疗队全体“90后”党员")
    ['北京大学', '援鄂医疗队', '全体', '“', '90后', '”', '党员']
    """
    if not cache:
        return list(filterfalse(str.isspace, _cut(text, backend)))
    store, key, stored = _lookup(text, backend, "tokens")
    if stored is not None:
        return stored[0].split(JOIN) if stored[0] else []
    tokens = segment(text, backend=backend, cache=False)
    if store:
        _quietly(store.put_tokens, key, tokens)
    return tokens


def count_columns(text: str, *, backend: str = DEFAULT_BACKEND) -> tuple[list[str], np.ndarray]:
    """The distinct tokens of ``text`` and how often each occurs, as two aligned columns.

    Cached with the tokens, so a warm rerun over a large corpus reads one short table per
    document instead of every token.

    >>> types, counts = count_columns("青年一代有理想、有本领、有担当")
    >>> int(counts[types.index("有")])
    3
    """
    store, key, stored = _lookup(text, backend, "types", "counts")
    if stored is not None:
        return (stored[0].split(JOIN) if stored[0] else []), np.frombuffer(stored[1], dtype=np.int32)
    counts = Counter(segment(text, backend=backend))  # stores the tokens too, if they were new
    types, values = list(counts), np.fromiter(counts.values(), dtype=np.int32, count=len(counts))
    if store:
        _quietly(store.put_counts, key, types, values)
    return types, values


def segmentation_row(text: str, *, backend: str = DEFAULT_BACKEND) -> tuple[list[str], list[str], np.ndarray]:
    """(tokens, distinct tokens, their counts) of ``text``, computed without the cache: what a process
    that does not share the cache (a Dask worker) sends back for ``store_segmentation``."""
    tokens = segment(text, backend=backend, cache=False)
    counts = Counter(tokens)
    return tokens, list(counts), np.fromiter(counts.values(), dtype=np.int32, count=len(counts))


def store_segmentation(text: str, row: tuple[list[str], list[str], np.ndarray], *,
                       backend: str = DEFAULT_BACKEND) -> None:
    """Write a ``segmentation_row`` into this process's cache, as ``count_columns`` would have."""
    store, key, _ = _lookup(text, backend, "counts")
    if store:
        tokens, types, counts = row
        _quietly(lambda: (store.put_tokens(key, tokens), store.put_counts(key, types, counts)))


def has_counts(text: str, *, backend: str = DEFAULT_BACKEND) -> bool:
    """Whether the cache holds the token counts of ``text``."""
    return _lookup(text, backend, "counts")[2] is not None


def count_tokens(text: str, *, backend: str = DEFAULT_BACKEND) -> dict[str, int]:
    """How often each token occurs in ``text`` (from the cached count columns).

    >>> count_tokens("青年一代有理想、有本领、有担当")["有"]
    3
    """
    types, counts = count_columns(text, backend=backend)
    return dict(zip(types, counts.tolist()))


def is_term(token: str) -> bool:
    """A token that can be a term: it holds a Chinese character or a Latin letter.

    >>> [is_term(t) for t in ["90后", "，", "2020", "ICU"]]
    [True, False, False, True]
    """
    return bool(TERM.search(token))


def filter_tokens(tokens: list[str], *, boilerplate: bool = False) -> list[str]:
    """Drop punctuation, bare numbers and stop words (and boilerplate if asked).

    >>> filter_tokens(["我们", "要", "加强", "90后", "，", "2020", "疫情防控"], boilerplate=True)
    ['90后', '疫情防控']
    """
    drop = resources.stopwords() | (resources.boilerplate() if boilerplate else frozenset())
    return [token for token in tokens if is_term(token) and token not in drop]


def segment_corpus(docs: pd.DataFrame, *, backend: str = DEFAULT_BACKEND) -> pd.Series:
    """Token lists for every document, indexed by ``doc_id``."""
    return pd.Series([segment(text, backend=backend) for text in docs["text"]],
                     index=docs["doc_id"], name="tokens")
