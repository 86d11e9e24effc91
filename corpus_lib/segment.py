"""Segment stage: str -> tokens, with jieba or its Rust port rjieba, and a disk cache.

``segment`` is a pure per-document function (same text, same dictionary -> same tokens),
so a huge corpus can be mapped over with Dask or Spark:
``bag.map(corpus_lib.segment)``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections import Counter
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import paths, resources
from .export import write_atomic

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


def _cache_file(text: str, backend: str):
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return paths.cache_dir() / "tokens" / _cache_prefix(backend) / digest[:2] / f"{digest}.txt"


def segment(text: str, *, backend: str = DEFAULT_BACKEND, cache: bool = True) -> list[str]:
    """Tokens of ``text`` (whitespace dropped), with the domain user dictionary.

    >>> segment("北京大学援鄂医疗队全体“90后”党员")
    ['北京大学', '援鄂医疗队', '全体', '“', '90后', '”', '党员']
    """
    if not cache:
        return [token for token in _cut(text, backend) if not token.isspace()]
    file = _cache_file(text, backend)
    try:
        stored = file.read_text(encoding="utf-8")
        return stored.split(JOIN) if stored else []
    except FileNotFoundError:
        tokens = segment(text, backend=backend, cache=False)
        try:
            write_atomic(file, lambda tmp: Path(tmp).write_text(JOIN.join(tokens), encoding="utf-8"))
        except OSError:
            pass  # a read-only cache folder only costs speed
        return tokens


def count_tokens(text: str, *, backend: str = DEFAULT_BACKEND) -> dict[str, int]:
    """How often each token occurs in ``text``; cached beside the tokens (as JSON, parsed in C),
    so a warm rerun over a large corpus reads one short table per document instead of every token.

    >>> count_tokens("青年一代有理想、有本领、有担当")["有"]
    3
    """
    file = _cache_file(text, backend).with_suffix(".json")
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        counts = dict(Counter(segment(text, backend=backend)))
        try:
            write_atomic(file, lambda tmp: Path(tmp).write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8"))
        except OSError:
            pass
        return counts


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
