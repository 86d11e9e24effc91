"""The per-document stage on a Dask cluster (``run --scheduler``): a LocalCluster computes what the cache lacks,
the tables equal a local run's byte for byte, and an unreachable scheduler stops the run in one line."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from corpus_lib import paths
from corpus_lib.app.cli import main
from corpus_lib.cache import doccache

pytest.importorskip("distributed")


def _write_corpus(seed_docs: pd.DataFrame, folder: Path, copies: int = 3) -> Path:
    """More documents than ``doccache.MIN_PARALLEL`` (so the cluster is asked), each a distinct text."""
    folder.mkdir()
    for copy in range(copies):
        for number, text in enumerate(seed_docs["text"]):
            (folder / f"{copy}-{number}.txt").write_text(f"第{copy + 1}稿\n{text}", encoding="utf-8")
    assert copies * len(seed_docs) >= doccache.MIN_PARALLEL
    return folder


def _tables(docs: pd.DataFrame) -> dict[str, bytes]:
    """The per-document tables the notebooks read, as CSV bytes."""
    from corpus_lib.extract import cohorts, dates, institutions, people
    from corpus_lib.textstats import overview, themes

    found = institutions.institution_mentions(docs)
    tables = {"dates": dates.date_mentions(docs), "institutions": found,
              "people": people.extract_people(docs, institutions=found), "cohorts": cohorts.cohort_mentions(docs),
              "themes": themes.theme_hits(docs), "vocabulary": overview.vocabulary_table(docs),
              "collocations": themes.collocations(docs, min_freq=2, top=200)}
    return {name: table.to_csv(index=False).encode() for name, table in tables.items()}


def _computing_forbidden(function, items):
    raise AssertionError(f"{getattr(function, '__name__', function)} computed {len(items)} results again")


@pytest.mark.slow
def test_a_local_cluster_fills_the_cache_with_the_same_results_as_this_machine(seed_docs, tmp_path, monkeypatch,
                                                                              request):
    from corpus_lib.app import cluster
    from corpus_lib.app.precompute import warm_cache
    from corpus_lib.preprocessing import segmentation

    request.addfinalizer(segmentation.reset_cache)  # after the environment is restored
    import corpus_lib as cl

    docs = cl.load_corpus(_write_corpus(seed_docs, tmp_path / "corpus"))
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "local"))
    segmentation.reset_cache()
    with doccache.workers(1):
        warm_cache(docs)
    local = _tables(docs)
    assert all(len(table.splitlines()) > 1 for name, table in local.items() if name != "cohorts")

    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "cluster"))
    monkeypatch.setattr(cluster, "PARTITION_CHARS", 20_000)  # several partitions, so sums are added on the cluster
    monkeypatch.setattr(cluster, "LOG_LENGTH", 100_000)  # the scheduler's transition log keeps every task, to be read
    segmentation.reset_cache()
    monkeypatch.setattr(doccache, "FILL_BATCH", doccache.MIN_PARALLEL)  # institutions and people in two batches
    with cluster.connect("local") as client, doccache.engine(cluster.compute_on(client)):
        warm_cache(docs)
        ran = client.run_on_scheduler(
            lambda dask_scheduler: sorted({str(entry[0]).split("-")[1] for entry in dask_scheduler.transition_log
                                           if str(entry[0]).startswith("corpus_lib-")}))
    assert {"segmentation_row", "_institution_rows", "_document_people", "_cohort_rows"} <= set(ran)
    # the word pairs and their margins were counted by partition and summed on the workers
    assert {"_corpus_bigrams", "_corpus_pair_margins", "add_up"} <= set(ran)
    with monkeypatch.context() as patch:  # the tables now come from the cache the cluster filled
        patch.setattr(doccache, "_compute", _computing_forbidden)
        patch.setattr(doccache, "_reduce", lambda partial, texts, args: _computing_forbidden(partial, texts))
        clustered = _tables(docs)
    assert clustered == local  # also the people, precomputed in batches, are read with the whole corpus's keys


@pytest.mark.slow
def test_run_on_a_local_cluster_writes_the_tables_of_a_local_run(seed_docs, tmp_path):
    corpus = _write_corpus(seed_docs, tmp_path / "corpus")
    notebooks = tmp_path / "notebooks"  # the three whose tables hold documents, tokens, institutions and people
    notebooks.mkdir()
    for name in ("00_corpus_overview", "03_institutions", "04_cohorts"):
        shutil.copy(paths.NOTEBOOKS_DIR / f"{name}.ipynb", notebooks)

    def run(out: str, *extra: str) -> dict[str, str]:
        env = {**os.environ, "CORPUS_LIB_CACHE": str(tmp_path / f"cache-{out}"), "CORPUS_LIB_NOTEBOOKS": str(notebooks)}
        result = subprocess.run([sys.executable, "-m", "corpus_lib", "run", "--corpus", str(corpus),
                                 "--out", str(tmp_path / out), "--formats", "png", "--report", "html", *extra],
                                capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr[-2000:]
        return {str(path.relative_to(tmp_path / out)): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted((tmp_path / out).rglob("*.csv"))}

    local = run("local")
    assert len(local) >= 5 and any("people" in name for name in local)
    assert run("cluster", "--scheduler", "local") == local


@pytest.mark.parametrize("address, reason", [
    ("tcp://127.0.0.1:1", "cannot reach a Dask scheduler there"),
    ("127.0.0.1:8786", "write tcp://HOST:PORT"),
])
def test_an_unreachable_scheduler_stops_the_run_in_one_line_before_anything_is_written(tmp_path, capsys, address,
                                                                                        reason):
    (tmp_path / "a.txt").write_text("城市图书馆\n图书馆延长了开放时间。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(tmp_path / "a.txt"), "--out", str(out), "--scheduler", address]) == 2
    err = capsys.readouterr().err.strip()
    assert reason in err and address in err and len(err.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("how", ["environment", "parameter"])
def test_the_scheduler_also_comes_from_the_environment_or_a_notebook_parameter(tmp_path, capsys, monkeypatch, how):
    (tmp_path / "a.txt").write_text("城市图书馆\n图书馆延长了开放时间。\n", encoding="utf-8")
    args = ["run", "--corpus", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]
    if how == "environment":
        monkeypatch.setenv("CORPUS_LIB_SCHEDULER", "tcp://127.0.0.1:1")
    else:
        args += ["-p", "SCHEDULER=tcp://127.0.0.1:1"]
    assert main(args) == 2
    assert "tcp://127.0.0.1:1" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_local_path_does_not_import_dask():
    code = ("import sys, corpus_lib as cl, corpus_lib.app.runner, corpus_lib.app.precompute; "
            "assert cl.use_scheduler(None) is None; "
            "print(any(name.split('.')[0] in ('dask', 'distributed') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_partitions_keep_every_item_in_order():
    from corpus_lib.app import cluster

    items = [("字" * size, number) for number, size in enumerate([10, 200_000, 150_000, 5, 400_000, 1])]
    parts = cluster._partitions(items)
    assert [item for part in parts for item in part] == items
    assert len(parts) > 1 and all(part for part in parts)


class _FakeClient:
    """What ``check_workers`` asks of a ``distributed.Client``: workers answering with their identity."""

    def __init__(self, identities: dict):
        self.identities = identities

    def wait_for_workers(self, count, timeout):
        if len(self.identities) < count:
            raise TimeoutError

    def run(self, function):
        return self.identities

    def scheduler_info(self):
        return {"workers": dict.fromkeys(self.identities)}


def test_a_worker_with_other_code_or_data_stops_the_run_naming_it():
    from corpus_lib.app import cluster
    from corpus_lib.errors import CorpusError

    mine = cluster.worker_identity()
    assert cluster.check_workers(_FakeClient({"tcp://a:1": mine, "tcp://b:2": list(mine)})) == 2
    with pytest.raises(CorpusError, match="tcp://b:2") as error:
        cluster.check_workers(_FakeClient({"tcp://a:1": mine, "tcp://b:2": (mine[0], "0" * len(mine[1]))}))
    assert len(str(error.value).splitlines()) == 1
