"""The per-document result cache: hits and misses, what changes the key, and a broken cache folder
that only costs speed."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib import cohorts, dates, institutions, paths, themes
from corpus_lib.cache import doccache

CALLS: list[str] = []
TEXTS = ["习近平总书记给北京大学援鄂医疗队全体“90后”党员的回信", "团中央发出通知。2020年2月23日"]


def count_chars(text: str, year: int | None = None) -> tuple:
    """A module-level function (workers import it) that records each real call."""
    CALLS.append(text)
    return (len(text), year, date(2020, 3, 15))


def must_not_run(text: str, year: int | None = None) -> tuple:
    raise AssertionError(f"computed again: {text}")


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CORPUS_LIB_DATA", raising=False)
    CALLS.clear()


def test_the_first_call_computes_and_the_second_reads_the_stored_results():
    first = doccache.cached_per_document("chars", count_chars, TEXTS)
    assert first == [(28, None, date(2020, 3, 15)), (18, None, date(2020, 3, 15))]
    assert CALLS == TEXTS
    assert doccache.cached_per_document("chars", must_not_run, TEXTS) == first


def test_only_the_missing_documents_are_computed():
    doccache.cached_per_document("chars", count_chars, TEXTS[:1])
    CALLS.clear()
    doccache.cached_per_document("chars", count_chars, TEXTS)
    assert CALLS == TEXTS[1:]


def test_a_repeated_text_is_computed_once():
    assert doccache.cached_per_document("chars", count_chars, [TEXTS[0], TEXTS[0]])[1][0] == 28
    assert CALLS == TEXTS[:1]


@pytest.mark.parametrize("change", ["argument", "name", "version"])
def test_arguments_name_and_version_are_part_of_the_key(change):
    doccache.cached_per_document("chars", count_chars, TEXTS, [2020, 2020])
    CALLS.clear()
    if change == "argument":
        assert doccache.cached_per_document("chars", count_chars, TEXTS, [2021, 2021])[0][1] == 2021
    elif change == "name":
        doccache.cached_per_document("other", count_chars, TEXTS, [2020, 2020])
    else:
        doccache.cached_per_document("chars", count_chars, TEXTS, [2020, 2020], version="2")
    assert CALLS == TEXTS


def test_editing_a_data_file_means_fresh_results(tmp_path, monkeypatch):
    doccache.cached_per_document("chars", count_chars, TEXTS)
    before = doccache.fingerprint()
    own = tmp_path / "data"
    own.mkdir()
    shutil.copy(paths.data_file("boilerplate.txt"), own / "boilerplate.txt")
    monkeypatch.setenv("CORPUS_LIB_DATA", str(own))
    assert doccache.fingerprint() == before  # the same content: the same results
    with open(own / "boilerplate.txt", "a", encoding="utf-8") as file:
        file.write("\n统筹推进\n")
    assert doccache.fingerprint() != before
    CALLS.clear()
    doccache.cached_per_document("chars", count_chars, TEXTS)
    assert CALLS == TEXTS


@pytest.mark.parametrize("module", ["extract/dates.py", "plots/dates.py", "io/readers/text.py", "app/cli.py", "schema.py"])
def test_editing_any_module_of_any_sub_package_changes_the_fingerprint(tmp_path, monkeypatch, module):
    package = tmp_path / "corpus_lib"
    for name in ("extract/dates.py", "plots/dates.py", "io/readers/text.py", "app/cli.py", "schema.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("# version 1\n", encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    before = doccache.fingerprint()
    (package / module).write_text("# version 1\n", encoding="utf-8")  # rewritten, same bytes: same results
    assert doccache.fingerprint() == before
    (package / module).write_text("# version 2, a longer line\n", encoding="utf-8")
    assert doccache.fingerprint() != before


def test_two_modules_of_one_name_in_two_sub_packages_are_told_apart(tmp_path, monkeypatch):
    """extract/dates.py and plots/dates.py swapping contents is a change, though the names and bytes are the same."""
    package = tmp_path / "corpus_lib"
    for name, body in (("extract/dates.py", "# a\n"), ("plots/dates.py", "# b\n")):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(body, encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    before = doccache.fingerprint()
    (package / "extract/dates.py").write_text("# b\n", encoding="utf-8")
    (package / "plots/dates.py").write_text("# a\n", encoding="utf-8")
    assert doccache.fingerprint() != before


def test_another_process_reads_what_this_one_stored():
    doccache.cached_per_document("chars", count_chars, TEXTS)
    script = ("from corpus_lib.cache import doccache; import tests.test_doccache as t; "
              "print(doccache.cached_per_document('chars', t.must_not_run, t.TEXTS)[0][0])")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ,
                            cwd=paths.REPO_ROOT)
    assert result.stdout.strip() == "28", result.stderr


def test_workers_compute_the_same_results_and_store_them():
    texts = [f"第{n}篇：青年突击队" for n in range(40)]
    with doccache.workers(2):
        computed = doccache.cached_per_document("chars", count_chars, texts, [2020] * 40)
    assert computed == [(len(text), 2020, date(2020, 3, 15)) for text in texts]
    assert CALLS == []  # computed by the worker processes, not this one
    assert doccache.cached_per_document("chars", must_not_run, texts, [2020] * 40) == computed


def test_a_cache_folder_that_is_a_file_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(blocker / "cache"))
    assert doccache.cached_per_document("chars", count_chars, TEXTS)[0][0] == 28
    assert doccache.cached_per_document("chars", count_chars, TEXTS)[1][0] == 18
    assert CALLS == TEXTS + TEXTS  # nothing stored, everything computed


def test_a_damaged_database_file_only_costs_speed():
    cache = paths.cache_dir()
    cache.mkdir(parents=True)
    (cache / f"documents-{doccache.SCHEMA}-{doccache.fingerprint()}.sqlite").write_bytes(b"not a database" * 100)
    assert doccache.cached_per_document("chars", count_chars, TEXTS)[0][0] == 28
    assert CALLS == TEXTS


def test_a_damaged_row_is_computed_again():
    doccache.cached_per_document("chars", count_chars, TEXTS)
    database = sqlite3.connect(paths.cache_dir() / f"documents-{doccache.SCHEMA}-{doccache.fingerprint()}.sqlite")
    with database:
        database.execute("UPDATE results SET value = ? WHERE key = ?", (b"garbage", doccache.document_key(TEXTS[0])))
    database.close()
    CALLS.clear()
    assert doccache.cached_per_document("chars", count_chars, TEXTS)[0][0] == 28
    assert CALLS == TEXTS[:1]


def test_the_corpus_tables_read_back_equal_the_ones_computed():
    def tables():
        docs = cl.load_corpus()
        return [docs, dates.date_mentions(docs), institutions.institution_mentions(docs),
                cohorts.cohort_mentions(docs), themes.theme_hits(docs)]
    cold, warm = tables(), tables()
    for computed, read in zip(cold, warm):
        pd.testing.assert_frame_equal(computed, read)
    assert cold[0].loc[cold[0]["doc_id"] == "d04", "date"].item() == pd.Timestamp("2020-02-24")


def _pairs(texts: list[str]):
    """Adjacent character pairs and characters of some texts: a sum over them (a ``reduced_per_corpus`` part)."""
    from collections import Counter

    return Counter(pair for text in texts for pair in zip(text, text[1:])), sum(map(len, texts))


def test_a_corpus_sum_by_parts_in_two_processes_equals_the_sum_in_one(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path))
    texts = [f"第{n}篇：青年志愿者在社区服务{n % 7}天。" for n in range(doccache.MIN_PARALLEL * 3)]
    serial = _pairs(texts)
    with doccache.workers(2):
        summed = doccache.reduced_per_corpus("pairs-test", _pairs, texts)
        assert doccache._pool["executor"] is not None  # the parts went to the two processes
    assert summed == serial and summed[1] == sum(map(len, texts))
    assert summed[0][("青", "年")] == len(texts)
    with monkeypatch.context() as patch:  # the second call reads the cache
        patch.setattr(doccache, "_reduce", lambda *args: pytest.fail("summed again"))
        assert doccache.reduced_per_corpus("pairs-test", _pairs, texts) == serial
