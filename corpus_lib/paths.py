"""Every path the project uses, resolved in one place.

Environment variables override the defaults, so tests and the ``run`` command can
redirect output without touching the repository:

- ``CORPUS_LIB_CORPUS``: the default corpus (a file or a folder; else the repository's seed corpus, which an
  installed wheel does not carry: there it must be set, or a path given);
- ``CORPUS_LIB_FIGURES_DIR``: where ``save_figure`` writes;
- ``CORPUS_LIB_TABLES_DIR``: where ``save_table`` writes;
- ``CORPUS_LIB_NOTEBOOKS``: the notebooks that ``run`` executes;
- ``CORPUS_LIB_CACHE``: the segmentation cache (default: the per-user cache folder).
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import CorpusError

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = REPO_ROOT / "seeds"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
FIGURES_DIR = REPO_ROOT / "figures"
TABLES_DIR = FIGURES_DIR / "tables"
DEFAULT_CORPUS = SEEDS_DIR / "000_1a50c47c6069e7e2.txt"


def _from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


def corpus_path() -> Path:
    """The corpus loaded when no path is given: ``CORPUS_LIB_CORPUS``, else the repository's seed corpus.

    The seed lives in the repository's ``seeds/``, not in the package, so an installed wheel (which has no
    ``seeds/``) says so in one line instead of looking for it inside site-packages.
    """
    path = _from_env("CORPUS_LIB_CORPUS", DEFAULT_CORPUS)
    if path == DEFAULT_CORPUS and not path.exists():
        raise CorpusError("no corpus given, and the seed corpus is in the repository (seeds/), not in the installed "
                          "package: pass --corpus PATH (or a path to load_corpus), or set CORPUS_LIB_CORPUS")
    return path


def notebooks_dir() -> Path:
    return _from_env("CORPUS_LIB_NOTEBOOKS", NOTEBOOKS_DIR)


def figures_dir() -> Path:
    return _from_env("CORPUS_LIB_FIGURES_DIR", FIGURES_DIR)


def tables_dir() -> Path:
    return _from_env("CORPUS_LIB_TABLES_DIR", figures_dir() / "tables")


def cache_dir() -> Path:
    """Per-user cache folder; never inside the repository."""
    import platformdirs

    return _from_env("CORPUS_LIB_CACHE", Path(platformdirs.user_cache_dir("corpus_lib")))


def data_file(name: str) -> Path:
    return DATA_DIR / name
