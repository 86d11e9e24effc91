"""One place for the look of every chart: the CJK font, sizes and palette.

The font is a single-face Noto Sans SC (or Noto Serif SC) shipped by the PyPI package
``pylopdf-fonts-zh-cn``, so figures look the same on every OS with no system font.
``CORPUS_LIB_FONT`` names another font file (.otf/.ttf; not a .ttc collection);
``CORPUS_LIB_FONT_STYLE=serif`` picks the serif face, which suits print.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

PALETTE = ["#c0392b", "#2471a3", "#d4ac0d", "#229954", "#7d3c98", "#ca6f1e", "#566573", "#17a589",
           "#a93226", "#5dade2"]
SIZES = {"font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10, "xtick.labelsize": 9,
         "ytick.labelsize": 9, "legend.fontsize": 9, "figure.titlesize": 13}


def font_path(*, serif: bool | None = None) -> Path:
    """The font file used by matplotlib and wordcloud alike."""
    custom = os.environ.get("CORPUS_LIB_FONT")
    if custom:
        return Path(custom).expanduser()
    import pylopdf_fonts_zh_cn as fonts

    if serif is None:
        serif = os.environ.get("CORPUS_LIB_FONT_STYLE", "sans") == "serif"
    return Path(fonts.serif_path() if serif else fonts.sans_path())


@lru_cache(maxsize=None)
def _register(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def apply_style(*, serif: bool | None = None) -> str:
    """Register the CJK font and set the shared style; returns the font's family name."""
    import matplotlib as mpl
    from cycler import cycler

    name = _register(str(font_path(serif=serif)))
    mpl.rcParams.update(SIZES)
    mpl.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [name, "DejaVu Sans"],
        "axes.unicode_minus": False,  # the CJK font has no U+2212 minus sign
        "axes.prop_cycle": cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.figsize": (8, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 200,
        "savefig.bbox": "tight",
        "svg.hashsalt": "corpus_lib",  # stable SVG ids
        "svg.fonttype": "path",
    })
    return name
