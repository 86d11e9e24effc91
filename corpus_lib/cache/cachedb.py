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


@lru_cache(maxsize=1 << 15)
def text_digest(text: str) -> str:
    """SHA-256 of ``text`` (hex): the key of its cached results. Remembered, so the texts of a corpus
    are hashed once per process however many caches look them up."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
