"""Paths: one module resolves every path, and environment variables redirect them."""
from __future__ import annotations

from corpus_lib import paths


def test_defaults_point_into_the_repository():
    assert paths.DEFAULT_CORPUS == paths.SEEDS_DIR / "000_1a50c47c6069e7e2.txt" and paths.DEFAULT_CORPUS.exists()
    assert paths.data_file("user_dict.txt").exists()
    assert paths.TABLES_DIR == paths.FIGURES_DIR / "tables"


def test_environment_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("CORPUS_LIB_CORPUS", str(tmp_path / "c.txt"))
    monkeypatch.setenv("CORPUS_LIB_FIGURES_DIR", str(tmp_path / "figs"))
    monkeypatch.delenv("CORPUS_LIB_TABLES_DIR", raising=False)
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "cache"))
    assert paths.corpus_path() == tmp_path / "c.txt"
    assert paths.figures_dir() == tmp_path / "figs"
    assert paths.tables_dir() == tmp_path / "figs" / "tables"  # tables follow the figures folder
    assert paths.cache_dir() == tmp_path / "cache"
    monkeypatch.setenv("CORPUS_LIB_TABLES_DIR", str(tmp_path / "t"))
    assert paths.tables_dir() == tmp_path / "t"


def test_cache_defaults_outside_the_repository(monkeypatch):
    monkeypatch.delenv("CORPUS_LIB_CACHE", raising=False)
    assert paths.REPO_ROOT not in paths.cache_dir().parents


def test_without_the_repository_seed_the_default_corpus_must_be_named(monkeypatch, tmp_path):
    """An installed wheel has no seeds/: a missing seed is one clear line, and CORPUS_LIB_CORPUS still works."""
    import pytest

    from corpus_lib.errors import CorpusError

    monkeypatch.delenv("CORPUS_LIB_CORPUS", raising=False)
    monkeypatch.setattr(paths, "DEFAULT_CORPUS", tmp_path / "seeds" / "000_1a50c47c6069e7e2.txt")
    with pytest.raises(CorpusError, match="pass --corpus PATH .*or set CORPUS_LIB_CORPUS"):
        paths.corpus_path()
    monkeypatch.setenv("CORPUS_LIB_CORPUS", str(tmp_path / "mine"))
    assert paths.corpus_path() == tmp_path / "mine"
