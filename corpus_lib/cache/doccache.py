"""Per-document results, computed once and shared by every process that needs them.

Document metadata, dates, institutions and cohort mentions are pure functions of one document's
text (and a few arguments), so ``cached_per_document(name, function, texts, *columns)`` keeps them
on disk: the five notebook kernels, the command line and a rerun read what any of them computed.

A result is stored under its analysis name and version and the SHA-256 of the text and the
arguments, in one SQLite file per fingerprint of the data files (every file of ``corpus_lib/data``,
with ``CORPUS_LIB_DATA`` overrides) and of the code (every module of the package, sub-packages
included), so an edited dictionary or module means fresh results, never stale ones. Results are
pickled: keep them plain (tuples, dicts, dates), not DataFrames, and build one frame from all rows.
Like the segmentation cache it only costs speed when the cache folder cannot be used.

Within ``with workers(2):`` results that are not cached yet are computed by two processes; within
``with engine(compute):`` by ``compute`` (``app.cluster``: partitions of documents on a Dask cluster). Either
way the results come back to this process, which alone writes them into its cache.
"""
from __future__ import annotations

import hashlib
import pickle
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .. import paths, resources
from . import cachedb

SCHEMA = "v2"
# A rowid table: the (name, key) index stays small, the values (up to megabytes) live apart from it. Measured on a
# 10,010-document cache (450 MB): reading 10,010 results by key 2.5-14x faster, writing them all 3x faster than the
# WITHOUT ROWID table of v1, whose index pages held the values.
CREATE = "CREATE TABLE IF NOT EXISTS results (name TEXT, key TEXT, value BLOB, PRIMARY KEY (name, key))"
BATCH = 500          # keys per SELECT (SQLite allows 999 parameters)
MIN_PARALLEL = 16    # fewer missing documents than this are computed in this process


# ---------------------------------------------------------------- the key

def _inputs() -> list[tuple[str, Path]]:
    """(label, path) of the data files as read (a ``CORPUS_LIB_DATA`` copy wins, labelled by name) and of every
    module of the package (labelled by its path inside it, so ``extract/dates.py`` and ``plots/dates.py`` differ).
    A module that computes nothing per document costs a recomputation when edited, never a stale result."""
    data = sorted(p.name for p in paths.DATA_DIR.iterdir() if p.is_file())
    code = sorted(paths.PACKAGE_DIR.rglob("*.py"))
    return ([(name, resources.data_path(name)) for name in data]
            + [(path.relative_to(paths.PACKAGE_DIR).as_posix(), path) for path in code])


def fingerprint() -> str:
    """Changes whenever a data file or a module changes (checked by size and mtime, then read)."""
    stamps = []
    for label, path in _inputs():
        stat = path.stat()
        stamps.append((label, str(path), stat.st_size, stat.st_mtime_ns))
    return _fingerprint(tuple(stamps))


@lru_cache(maxsize=8)
def _fingerprint(stamps: tuple) -> str:
    digest = hashlib.sha256(SCHEMA.encode())
    for label, path, _, _ in stamps:
        digest.update(label.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def document_key(text: str, args: tuple = ()) -> str:
    """SHA-256 of the text and the repr of the other arguments.

    >>> document_key("青年") == document_key("青年", ()) != document_key("青年", (2020,))
    True
    """
    digest = cachedb.text_digest(text if isinstance(text, str) else repr(text))
    if not args:
        return digest
    return hashlib.sha256(f"{digest}\0{args!r}".encode("utf-8", "surrogatepass")).hexdigest()


def _database():
    return cachedb.shared_database(f"documents-{SCHEMA}-{fingerprint()}.sqlite", CREATE)


# ---------------------------------------------------------------- reading and writing

def _read(database, name: str, keys: list[str]) -> dict:
    found = {}
    if database is None:
        return found
    unique = list(dict.fromkeys(keys))
    try:
        for start in range(0, len(unique), BATCH):
            part = unique[start:start + BATCH]
            marks = ",".join("?" * len(part))
            rows = database.execute(f"SELECT key, value FROM results WHERE name = ? AND key IN ({marks})",
                                    [name, *part]).fetchall()
            for key, value in rows:
                try:
                    found[key] = pickle.loads(value)
                except Exception:  # a damaged row is a miss
                    continue
    except cachedb.ERRORS:
        pass
    return found


def _write(database, name: str, results: dict) -> None:
    if database is None or not results:
        return
    rows = [(name, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in results.items()]

    def write():
        try:
            database.execute("BEGIN")
            database.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
            database.execute("COMMIT")
        except cachedb.ERRORS:
            if database.in_transaction:
                database.execute("ROLLBACK")
            raise
    cachedb.quietly(write)


# ---------------------------------------------------------------- computing

_pool: dict[str, object] = {"workers": 1, "executor": None, "engine": None}


@contextmanager
def workers(count: int = 2):
    """Compute missing results with ``count`` processes inside the block (one pool, reused)."""
    saved = dict(_pool)
    _pool.update(workers=max(1, count), executor=None)
    try:
        yield
    finally:
        if _pool["executor"] is not None:
            _pool["executor"].shutdown()
        _pool.update(saved)


@contextmanager
def engine(compute: Callable[[Callable, list[tuple]], list]):
    """Inside the block, missing results are computed by ``compute(function, items)`` (which returns
    ``[function(*item) for item in items]``, in order), e.g. on a Dask cluster (``app.cluster``);
    the results are written to this process's cache as always."""
    saved = _pool["engine"]
    _pool["engine"] = compute
    try:
        yield
    finally:
        _pool["engine"] = saved


def _compute(function: Callable, items: list[tuple]) -> list:
    if _pool["engine"] is not None and len(items) >= MIN_PARALLEL:
        return _pool["engine"](function, items)
    if _pool["workers"] < 2 or len(items) < MIN_PARALLEL:
        return [function(*item) for item in items]
    if _pool["executor"] is None:
        _pool["executor"] = ProcessPoolExecutor(_pool["workers"])
    chunk = max(1, len(items) // (_pool["workers"] * 8))
    sent = [cachedb.unshared_item(item) for item in items]  # pickled copies: the texts here stay small
    return list(_pool["executor"].map(function, *zip(*sent), chunksize=chunk))


def computing_elsewhere() -> bool:
    """True inside ``engine``: results are computed by other processes, which may not share this one's cache."""
    return _pool["engine"] is not None


def parallel_map(function: Callable, texts: Sequence[str]) -> list:
    """``[function(text) for text in texts]``, with the processes of ``workers`` when inside it."""
    return _compute(function, [(text,) for text in texts])


def cached_per_document(name: str, function: Callable, texts: Iterable[str], *columns: Sequence,
                        version: str = "1") -> list:
    """``[function(text, *args) for each text]``, each result read from the cache when it is there.

    ``columns`` hold further per-text arguments (each as long as ``texts``); they are part of the key.
    ``function`` must be a module-level function (workers import it) whose result depends only on its
    arguments, the data files and the library code; bump ``version`` when its result changes shape.

    >>> cached_per_document("length-example", len, ["青年", "90后党员"])
    [2, 5]
    """
    items = list(zip(texts, *columns)) if columns else [(text,) for text in texts]
    keys = [document_key(item[0], item[1:]) for item in items]
    label, database = f"{name}/{version}", _database()
    if name in _discarded:
        _fill(database, label, function, keys, items)
        return [[] for _ in keys]
    found = _read(database, label, keys)
    missing = {key: item for key, item in zip(keys, items) if key not in found}
    if missing:
        computed = dict(zip(missing, _compute(function, list(missing.values()))))
        _write(database, label, computed)
        found.update(computed)
    return [found[key] for key in keys]


FILL_BATCH = 2_000  # documents computed and written at a time when only filling the cache
_discarded: set[str] = set()


@contextmanager
def discarding(*names: str):
    """Inside the block, ``cached_per_document`` for these analyses only fills the cache, a batch of
    documents at a time, and returns an empty list per document: ``run`` precomputes results it never
    reads itself without holding them (the analyses' results are lists of rows, so [] is "no rows")."""
    saved = set(_discarded)
    _discarded.update(names)
    try:
        yield
    finally:
        _discarded.clear()
        _discarded.update(saved)


def _fill(database, label: str, function: Callable, keys: list[str], items: list[tuple]) -> None:
    cached = set(_read_keys(database, label, keys))
    missing = list({key: item for key, item in zip(keys, items) if key not in cached}.items())
    for start in range(0, len(missing), FILL_BATCH):
        batch = missing[start:start + FILL_BATCH]
        _write(database, label, dict(zip((key for key, _ in batch), _compute(function, [item for _, item in batch]))))


def _read_keys(database, name: str, keys: list[str]) -> list[str]:
    """The keys among ``keys`` that the cache holds (without reading their values)."""
    if database is None:
        return []
    unique, found = list(dict.fromkeys(keys)), []
    try:
        for start in range(0, len(unique), BATCH):
            part = unique[start:start + BATCH]
            rows = database.execute(f"SELECT key FROM results WHERE name = ? AND key IN ({','.join('?' * len(part))})",
                                    [name, *part]).fetchall()
            found += [key for (key,) in rows]
    except cachedb.ERRORS:
        pass
    return found


def reduced_per_corpus(name: str, partial: Callable, texts: Iterable[str], *args, version: str = "1"):
    """``partial(texts, *args)`` for a whole corpus, where ``partial`` is a sum: its result over the corpus equals
    ``add_up`` of its results over consecutive parts of it (Counters, numbers and tuples of them: pair counts,
    margins, totals). Cached as ``cached_per_corpus``. When it is computed, the parts go to the processes of
    ``workers``, or inside ``engine`` to a cluster that sums them there (``app.cluster``), so only the
    corpus's sum comes back to this process, never a row per document.

    >>> from collections import Counter
    >>> reduced_per_corpus("characters-example", lambda texts: Counter("".join(texts)), ["青年", "青春"])["青"]
    2
    """
    return cached_per_corpus(name, lambda texts, *rest: _reduce(partial, texts, rest), texts, *args, version=version)


def _reduce(partial: Callable, texts: list[str], args: tuple):
    engine = _pool["engine"]
    if engine is not None and hasattr(engine, "reduce") and len(texts) >= MIN_PARALLEL:
        return engine.reduce(partial, texts, args)
    if _pool["workers"] < 2 or len(texts) < MIN_PARALLEL:
        return partial(texts, *args)
    if _pool["executor"] is None:
        _pool["executor"] = ProcessPoolExecutor(_pool["workers"])
    size = -(-len(texts) // (_pool["workers"] * 4))
    parts = [[cachedb.unshared(text) for text in texts[start:start + size]] for start in range(0, len(texts), size)]
    return add_up(_pool["executor"].map(partial_sum, [partial] * len(parts), parts, [args] * len(parts)))


def partial_sum(partial: Callable, texts: list[str], args: tuple):
    """``partial(texts, *args)``: one part of a ``reduced_per_corpus`` (a task of a worker process)."""
    return partial(texts, *args)


def add_up(values: Iterable):
    """The sum of ``reduced_per_corpus`` parts: Counters add their counts, tuples add item by item, numbers add.

    >>> from collections import Counter
    >>> add_up([(Counter(a=1), 3), (Counter(a=2, b=1), 4)])
    (Counter({'a': 3, 'b': 1}), 7)
    """
    values = iter(values)
    total = next(values)
    for value in values:
        total = _add(total, value)
    return total


def _add(first, second):
    if isinstance(first, tuple):
        return tuple(_add(a, b) for a, b in zip(first, second, strict=True))
    if isinstance(first, dict):
        total = first.copy()
        for item, count in second.items():
            total[item] = total.get(item, 0) + count
        return total
    return first + second


def corpus_key(texts: list[str], args: tuple = ()) -> str:
    """The key ``cached_per_corpus`` files a result under: this list of texts, in this order, and the arguments
    (the data files' fingerprint names the cache file)."""
    return document_key("\n".join(cachedb.text_digest(text) for text in texts), args)


def cached_per_corpus(name: str, function: Callable, texts: Iterable[str], *args, version: str = "1",
                      key: str | None = None):
    """``function(texts, *args)`` for a whole corpus, read from the cache when this exact list of texts
    (in this order) and these arguments were seen before: for results such as count arrays that are
    cheap to store and dear to rebuild from thousands of per-document rows. ``key``: ``corpus_key(texts, args)``
    when the caller has it already.

    >>> cached_per_corpus("total-length-example", lambda texts: sum(map(len, texts)), ["青年", "90后党员"])
    7
    """
    texts = list(texts)
    key = key or corpus_key(texts, args)
    label, database = f"{name}/{version}", _database()
    found = _read(database, label, [key])
    if key in found:
        return found[key]
    result = function(texts, *args)
    _write(database, label, {key: result})
    return result
