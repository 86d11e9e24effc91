"""Shared fixtures. Tests never write into figures/ or the user's cache folder."""
from __future__ import annotations

import os
import tempfile

import pytest

# Set before corpus_lib is imported anywhere, so every path resolves into a scratch folder.
_SCRATCH = tempfile.mkdtemp(prefix="corpus_lib-tests-")
os.environ.setdefault("CORPUS_LIB_FIGURES_DIR", os.path.join(_SCRATCH, "figures"))
os.environ.setdefault("CORPUS_LIB_CACHE", os.path.join(_SCRATCH, "cache"))
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def seed_docs():
    """The seed corpus as a documents table (loaded once per test session)."""
    import corpus_lib as cl

    return cl.load_corpus()


@pytest.fixture(scope="session")
def seed_text():
    from corpus_lib import paths

    return paths.DEFAULT_CORPUS.read_text(encoding="utf-8")


@pytest.fixture
def text_figure():
    """A factory: a styled Figure showing ``text`` in its title and body, with a minus sign on an axis."""
    from matplotlib.figure import Figure

    from corpus_lib import style

    def draw(text: str):
        style.apply_style()
        fig = Figure(figsize=(6, 3))
        ax = fig.subplots()
        ax.set_title(text[:40])
        ax.text(0, 0.5, text, fontsize=6)
        ax.plot([-1, 1], [1, -1])
        return fig
    return draw
