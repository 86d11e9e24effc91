"""The per-document stage on a Dask cluster: ``run --scheduler tcp://HOST:PORT`` (or ``local``).

``connect(address)`` opens a ``distributed.Client`` (``local`` starts a ``LocalCluster`` of two
single-threaded worker processes on this machine), registers ``CorpusWorker`` so every worker, also
one that joins later, loads jieba, the dictionaries and the lexicons once, and checks that every worker
runs the same ``corpus_lib`` version on the same data files and code (``doccache.fingerprint()``).
Inside ``doccache.engine(compute_on(client))`` the results that the cache does not hold yet are computed
on the cluster, in partitions of documents; they come back to this process, which alone writes them into
its cache (one writer per SQLite file, and workers on other machines need no access to it). The notebooks
then read that cache as after a local run, so their tables are the same, byte for byte.

A worker lost mid-run is Dask's to handle: the partitions it held are computed again elsewhere. Dask is
imported only here, and this module only when a run asks for a scheduler, so the local path pays nothing.
"""
from __future__ import annotations

import logging
import os
import socket
from contextlib import contextmanager
from typing import Callable

import dask
import distributed

from ..cache import doccache
from ..cache.cachedb import unshared, unshared_item
from ..errors import CorpusError

SCHEDULER_ENV = "CORPUS_LIB_SCHEDULER"
LOCAL = "local"
CONNECT_TIMEOUT = "10s"
PROBE_TIMEOUT = 5            # seconds to wait for the scheduler's port to answer at all
WORKER_TIMEOUT = 60          # seconds to wait for a first worker
PARTITION_CHARS = 300_000    # characters of text per task: about 80 news documents, a second or two of work
MIN_WINDOW = 8               # partitions sent ahead of the one being read, at least
# Dask keeps this many recent messages and transitions per stream, for debugging. Its default, 1,000, keeps the last
# 1,000 batches of tasks sent, texts and all: in the client and the scheduler (in this process for a LocalCluster)
# that grew with the corpus, by about 45 KB a document. Set here for this process and a LocalCluster's workers;
# start a scheduler and workers elsewhere with DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=32.
LOG_LENGTH = 32


def scheduler_address(option: str | None) -> str | None:
    """``--scheduler``, else ``CORPUS_LIB_SCHEDULER``, else None (the local path)."""
    return option or os.environ.get(SCHEDULER_ENV) or None


def worker_identity() -> tuple[str, str]:
    """(corpus_lib version, fingerprint of its data files and code) of the process it runs in."""
    from importlib import metadata

    try:
        version = metadata.version("corpus_lib")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return version, doccache.fingerprint()


class CorpusWorker(distributed.WorkerPlugin):
    """Loads jieba, the dictionaries and the lexicons once per worker, before its first task
    (jieba's tokenizer cannot be pickled and sent; each worker builds its own)."""
    name = "corpus_lib"

    def setup(self, worker):
        from corpus_lib.app.precompute import warm_worker

        warm_worker()


def _open(address: str):
    dask.config.set({"distributed.admin.low-level-log-length": LOG_LENGTH})
    if address == LOCAL:
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        return distributed.Client(cluster), cluster
    if "://" not in address:
        raise CorpusError(f"--scheduler {address}: write tcp://HOST:PORT, or 'local' for a cluster on this machine")
    _check_reachable(address)
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CorpusError(f"--scheduler {address}: cannot reach a Dask scheduler there ({reason[:160]})") from None
    return client, None


def _check_reachable(address: str) -> None:
    """Fail at once, in one line, when nothing listens at a tcp:// address (Dask itself retries until its timeout)."""
    scheme, _, rest = address.partition("://")
    if scheme not in ("tcp", "tls"):
        return
    host, _, port = rest.rstrip("/").rpartition(":")
    if not host or not port.isdigit():
        raise CorpusError(f"--scheduler {address}: write tcp://HOST:PORT, or 'local' for a cluster on this machine")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=PROBE_TIMEOUT).close()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise CorpusError(f"--scheduler {address}: cannot reach a Dask scheduler there ({reason})") from None


def check_workers(client) -> int:
    """Every worker runs this process's corpus_lib version on the same data and code; returns their number."""
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except TimeoutError:
        raise CorpusError(f"the Dask scheduler has no workers after {WORKER_TIMEOUT} s; start some with "
                          f"'dask worker {client.scheduler.address}'") from None
    mine = worker_identity()
    for address, theirs in sorted(client.run(worker_identity).items()):
        if tuple(theirs) != mine:
            raise CorpusError(f"worker {address} runs corpus_lib {theirs[0]} with data and code {theirs[1]}, "
                              f"this machine {mine[0]} with {mine[1]}: install the same corpus_lib and data files "
                              "on every worker")
    return len(client.scheduler_info()["workers"])


@contextmanager
def connect(address: str):
    """A checked ``distributed.Client`` for ``address`` (``local``: a LocalCluster of 2 workers), closed after."""
    client, cluster = _open(address)
    try:
        client.register_plugin(CorpusWorker())
        check_workers(client)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(items: list[tuple]) -> list[list[tuple]]:
    """Consecutive runs of items holding about ``PARTITION_CHARS`` characters of text each."""
    parts, part, size = [], [], 0
    for item in items:
        part.append(item)
        size += len(item[0]) if isinstance(item[0], str) else 1
        if size >= PARTITION_CHARS:
            parts.append(part)
            part, size = [], 0
    return parts + [part] if part else parts


def compute_partition(function: Callable, items: list[tuple]) -> list:
    """A task: ``function`` over one partition of items (runs on a worker)."""
    return [function(*item) for item in items]


def compute_on(client) -> "ClusterEngine":
    """The engine for ``doccache.engine``: per-document results by partition, corpus-wide sums summed on the cluster."""
    return ClusterEngine(client)


class ClusterEngine:
    """``engine(function, items)``: one task per partition of items, the results back in order (they are the
    per-document rows the cache stores). ``engine.reduce(partial, texts, args)``: ``partial`` over partitions of
    the texts, then their sums added pairwise on the workers (a tree), so this process receives one sum: the
    corpus-wide counts (word pairs, their margins, sentence co-occurrence) are reduced on the cluster.

    Partitions go out a window at a time (``window``: twice the workers, at least ``MIN_WINDOW``), each pickled
    from copies of its texts (``cachedb.unshared``), so this process never holds a serialised copy of the corpus
    and its own texts keep no UTF-8 copy."""

    def __init__(self, client):
        self.client = client

    def window(self) -> int:
        return max(MIN_WINDOW, 2 * len(self.client.scheduler_info()["workers"]))

    def _keys(self, function: Callable, count: int) -> list[str]:
        from uuid import uuid4

        run = f"{getattr(function, '__name__', 'compute')}-{uuid4().hex[:8]}"
        return [f"corpus_lib-{run}-{number}" for number in range(count)]

    def __call__(self, function: Callable, items: list[tuple]) -> list:
        parts, window = _partitions(items), self.window()
        keys = self._keys(function, len(parts))

        def submit(number: int):
            sent = [unshared_item(item) for item in parts[number]]
            return self.client.submit(compute_partition, function, sent, key=keys[number])

        futures = {number: submit(number) for number in range(min(window, len(parts)))}
        results = []
        for number in range(len(parts)):  # in order; each partition's memory on the cluster is released once read
            future = futures.pop(number)
            results += future.result()
            future.release()
            if number + window < len(parts):
                futures[number + window] = submit(number + window)
        return results

    def reduce(self, partial: Callable, texts: list[str], args: tuple):
        parts, window = [[text for (text,) in part] for part in _partitions([(text,) for text in texts])], self.window()
        keys, total = self._keys(partial, len(parts)), None
        sums = iter(self._keys(doccache.add_up, 2 * len(parts)))  # fewer sums than that are ever made
        for first in range(0, len(parts), window):  # a window of partitions, summed as a tree, then onto the total
            futures = [self.client.submit(doccache.partial_sum, partial, [unshared(text) for text in parts[number]],
                                          args, key=keys[number]) for number in range(first, min(first + window, len(parts)))]
            while len(futures) > 1:  # pairs of sums added where they lie, level by level
                pairs = [futures[i:i + 2] for i in range(0, len(futures), 2)]
                futures = [self.client.submit(doccache.add_up, pair, key=next(sums)) if len(pair) == 2 else pair[0]
                           for pair in pairs]
            total = futures[0] if total is None else self.client.submit(doccache.add_up, [total, futures[0]],
                                                                        key=next(sums))
            distributed.wait(total)
        result = total.result()
        total.release()
        return result


def use_scheduler(address: str):
    """For a notebook or script: compute missing per-document results on the cluster at ``address`` from now
    on in this process (``cl.load_corpus`` and every analysis then send their uncached work there). Returns
    the client; ``client.close()`` goes back to local computing only by restarting the kernel."""
    client, _ = _open(address)
    client.register_plugin(CorpusWorker())
    check_workers(client)
    doccache._pool["engine"] = compute_on(client)
    return client
