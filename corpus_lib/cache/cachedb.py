"""The SQLite files behind the caches (segmentation, per-document results).

One file per cache and fingerprint in the user's cache folder (``paths.cache_dir()``). SQLite
makes each write atomic and lets several processes (notebook kernels, workers) share a file;
WAL mode lets them read while one writes. A cache is only ever an optimisation: any error
opening or writing it means "no cache", never a failure.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

from .. import paths

ERRORS = (OSError, sqlite3.Error)


def open_database(name: str, create: str) -> sqlite3.Connection:
    """A connection to ``<cache folder>/<name>``, its tables created by the ``create`` statement.
    Raises ``OSError`` or ``sqlite3.Error`` when the folder or file cannot be used."""
    path = paths.cache_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    database = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("PRAGMA synchronous=NORMAL")  # a cache: no fsync per write
    database.execute(create)
    return database


_connections: dict[tuple[int, Path], sqlite3.Connection | None] = {}


def shared_database(name: str, create: str) -> sqlite3.Connection | None:
    """This process's connection to the file (a new one after a fork or a new ``CORPUS_LIB_CACHE``);
    None when it cannot be opened, which only costs speed."""
    key = (os.getpid(), paths.cache_dir() / name)
    if key not in _connections:
        try:
            _connections[key] = open_database(name, create)
        except ERRORS:
            _connections[key] = None
    return _connections[key]


def quietly(write, *args) -> bool:
    """Run a cache write; False (and no error) when the cache cannot be written."""
    try:
        write(*args)
    except ERRORS:
        return False
    return True


@lru_cache(maxsize=1 << 12)
def text_digest(text: str) -> str:
    """SHA-256 of ``text`` (hex): the key of its cached results. The last few thousand are remembered, so a
    document's several caches hash it once; not more, since the memo keeps each text it saw alive (a large
    corpus's texts read from files would otherwise stay in memory after loading)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def unshared(text: str) -> str:
    """An equal, new string. Pickling a string (to send it to another process or to store it) makes CPython keep a
    UTF-8 copy inside it for as long as it lives: 3 more bytes for each Chinese character it holds in 2. What is
    sent elsewhere is pickled from such a copy, so a corpus's texts stay 2 bytes a character in this process.

    >>> text = "青年志愿者"
    >>> unshared(text) == text and unshared(text) is not text
    True
    """
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


def unshared_item(item: tuple) -> tuple:
    """``item`` with every string in it ``unshared``."""
    return tuple(unshared(value) if isinstance(value, str) else value for value in item)
