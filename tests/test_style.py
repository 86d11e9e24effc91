"""Style: the CJK font ships with the package, renders every character of the corpus, and is applied once."""
from __future__ import annotations

import io
import warnings

import pytest
from matplotlib.figure import Figure

from corpus_lib import style


def test_every_character_of_the_corpus_renders_without_missing_glyphs(seed_text, text_figure):
    characters = "".join(sorted(set(seed_text) - set(" \n\t\u3000")))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for start in range(0, len(characters), 400):
            text_figure(characters[start:start + 400]).savefig(io.BytesIO(), format="png")


def test_a_figure_without_the_cjk_font_does_warn():
    """The check above can fail: with DejaVu Sans only, matplotlib warns about the missing glyphs."""
    import matplotlib as mpl

    with mpl.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        fig = Figure()
        fig.subplots().set_title("青年")
        with pytest.warns(UserWarning, match="missing from font"):
            fig.savefig(io.BytesIO(), format="png")


def test_font_is_single_face_and_env_can_choose_serif(monkeypatch):
    assert style.font_path().suffix in {".otf", ".ttf"}
    monkeypatch.setenv("CORPUS_LIB_FONT_STYLE", "serif")
    assert "Serif" in style.font_path().name


def test_apply_style_returns_the_font_family_and_sets_it_first():
    import matplotlib as mpl

    name = style.apply_style()
    assert name == "Noto Sans SC"
    assert mpl.rcParams["font.sans-serif"][0] == name and mpl.rcParams["axes.unicode_minus"] is False
