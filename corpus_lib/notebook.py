"""Notebook front end: the setup every notebook calls first, and the live KWIC search box.

Nothing here computes an analysis: it calls ``themes.kwic`` and ``style``/``export``.
"""
from __future__ import annotations

import logging

import pandas as pd

from . import export, style, themes


class _SearchBox:
    """Wraps the widget so its plain-text form stays the same on every run (nbval compares it)."""

    def __init__(self, widget):
        self.widget = widget

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = "KWIC 搜索框：在 JupyterLab 中输入关键词 (KWIC search box: type a keyword in JupyterLab)"
        return bundle


def kwic_search_box(docs: pd.DataFrame, *, keyword: str = "青年", window: int = 15, rows: int = 20):
    """An ipywidgets search box that redraws the KWIC table as you type (live JupyterLab only).

    Headless (nbconvert, nbval) it shows as one fixed line of text; show the static
    ``kwic(docs, keyword)`` table next to it for readers of the stored notebook.
    """
    import ipywidgets as widgets
    from IPython.display import display

    box = widgets.Text(value=keyword, description="关键词", continuous_update=False)
    out = widgets.Output()

    def redraw(change):
        out.clear_output()
        with out:
            word = change["new"].strip()
            display(themes.kwic(docs, word, window=window).head(rows) if word else "")

    box.observe(redraw, names="value")
    return _SearchBox(widgets.VBox([box, out]))


def setup_notebook(stem: str, *, serif: bool | None = None) -> None:
    """Call once at the top of a notebook: style, file prefix, quiet jieba, table display."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    style.apply_style(serif=serif)
    export.set_file_prefix(stem)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.unicode.east_asian_width", True)
