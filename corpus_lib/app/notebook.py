"""Notebook front end: the setup every notebook calls first, showing a figure (saved, then displayed) and a
long table, the live KWIC search box, the display hook that gives each figure output its title, and the save
hook that keeps stored notebooks free of widget views.

Nothing here computes an analysis: it calls ``themes.kwic`` and ``style``/``export``.
"""
from __future__ import annotations

import logging

import pandas as pd

from .. import style
from ..io import export
from ..textstats import themes


class KwicBox:
    """A live KWIC search box: a keyword box and a window slider above the concordance lines.

    It redraws as you type (debounced, so a fast typist triggers one search, not ten), shows the
    initial keyword's lines at once, and always says how many lines there are in all. Headless
    (nbconvert, nbval) only its plain-text line is stored, the same on every run.
    """

    FALLBACK = "KWIC 搜索框：在 JupyterLab 中输入关键词 (KWIC search box: type a keyword in JupyterLab)"

    def __init__(self, docs: pd.DataFrame, *, keyword: str, window: int = 15, rows: int = 20,
                 debounce: float = 0.3):
        import ipywidgets as widgets

        self.docs, self.rows, self.debounce = docs, rows, debounce
        self.keyword = widgets.Text(value=keyword, description="关键词", placeholder="输入关键词 type a keyword",
                                    continuous_update=True)
        self.window = widgets.IntSlider(value=window, min=2, max=60, description="窗口 window",
                                        continuous_update=False)
        self.status = widgets.Label()
        self.output = widgets.HTML()  # the lines as an HTML table: state, not captured output, so it always redraws
        self.lines = None  # set by refresh()
        self._pending = None
        self.keyword.observe(self._changed, names="value")
        self.window.observe(self._changed, names="value")
        self.widget = widgets.VBox([widgets.HBox([self.keyword, self.window]), self.status, self.output])
        self.refresh()

    def _changed(self, _change) -> None:
        """Wait ``debounce`` seconds after the last keystroke (on the kernel's event loop), then search."""
        import asyncio

        if self._pending is not None:
            self._pending.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a plain script or a test): search at once
            self.refresh()
            return
        self._pending = loop.call_later(self.debounce, self.refresh)

    def refresh(self) -> None:
        """Search for the box's keyword and show the first ``rows`` lines with the total."""
        self._pending = None
        word = self.keyword.value.strip()
        self.lines = themes.kwic(self.docs, word, window=self.window.value) if word else None
        self.status.value = self.summary()
        shown = self.lines.head(self.rows) if self.lines is not None and len(self.lines) else None
        self.output.value = "" if shown is None else shown.to_html(index=False, classes="kwic", border=0)

    def summary(self) -> str:
        """The status line: how many lines in all and how many are shown."""
        word = self.keyword.value.strip()
        if not word:
            return "请输入关键词 / type a keyword to search"
        total = len(self.lines)
        if total == 0:
            return f"未找到“{word}” / no lines for “{word}”"
        if total > self.rows:
            return f"“{word}”：显示前 {self.rows} 条 / 共 {total} 条 · first {self.rows} of {total}"
        return f"“{word}”：共 {total} 条 · all {total} lines"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = self.FALLBACK
        return bundle


def kwic_search_box(docs: pd.DataFrame, *, keyword: str = "青年", window: int = 15, rows: int = 20) -> KwicBox:
    """A live KWIC search box over ``docs`` (see ``KwicBox``); show the static ``themes.kwic`` table
    next to it for readers of the stored notebook."""
    return KwicBox(docs, keyword=keyword, window=window, rows=rows)


def setup_notebook(stem: str, *, serif: bool | None = None) -> None:
    """Call once at the top of a notebook: style, file prefix, quiet jieba, table display."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    style.apply_style(serif=serif)
    export.set_file_prefix(stem)
    record_figure_titles()
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.unicode.east_asian_width", True)


def show_figure(fig, name: str, *, formats: tuple[str, ...] | None = None) -> None:
    """Save ``fig`` as ``figures/<notebook>-<name>.png/.svg/.pdf`` (``export.save_figure``, the one writer of
    figures), then show it below the cell. Returns nothing, so no ``<Figure …>`` line follows the picture."""
    from IPython.display import display

    export.save_figure(fig, name, formats)
    display(fig)


FIGURE_METADATA = "corpus_lib"  # the key, in a figure output's image/png metadata, of what report.docx reads


def figure_metadata(fig) -> dict:
    """What a report needs about a displayed figure that its PNG does not carry: the chart's title and,
    once ``save_figure`` has written it, the file stem (``{"title": "各文档篇幅 Document length",
    "file": "00_corpus_overview-lengths"}``)."""
    from ..plots.base import figure_title

    metadata = {"title": figure_title(fig)}
    stem = export.saved_stem(fig)
    if stem:
        metadata["file"] = stem
    return metadata


def record_figure_titles() -> None:
    """Wrap IPython's PNG formatter for Figures so every figure output, whether the cell ends in ``fig`` or
    calls ``display(fig)``, stores ``figure_metadata`` under ``metadata["image/png"]["corpus_lib"]``.
    Outside IPython, or before ``%matplotlib inline`` registered a formatter, it does nothing."""
    try:
        from IPython import get_ipython
        from matplotlib.figure import Figure
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    try:
        draw = formatter.lookup_by_type(Figure)
    except KeyError:
        return
    if getattr(draw, "records_titles", False):  # setup_notebook ran twice in this kernel
        return

    def draw_with_metadata(fig):
        result = draw(fig)
        data, metadata = result if isinstance(result, tuple) else (result, None)
        if data is None:  # an empty figure draws nothing
            return None
        return data, {**(metadata or {}), FIGURE_METADATA: figure_metadata(fig)}

    draw_with_metadata.records_titles = True
    formatter.for_type(Figure, draw_with_metadata)


def show_table(table: pd.DataFrame, *, rows: int = 20, columns: int = 12) -> pd.DataFrame:
    """The first ``rows`` rows (and ``columns`` columns) of a long or wide table, with a line saying how
    many there are in all (the full table goes to CSV with ``save_table``); a small table is returned whole.

    >>> len(show_table(pd.DataFrame({"n": range(25)}), rows=3))
    显示前 3 行 / 共 25 行 · first 3 of 25 rows; 完整表格见导出的 CSV (the full table is in the exported CSV)
    3
    """
    if len(table) > rows:
        print(f"显示前 {rows} 行 / 共 {len(table):,} 行 · first {rows} of {len(table):,} rows; "
              "完整表格见导出的 CSV (the full table is in the exported CSV)")
        table = table.head(rows)
    if table.shape[1] > columns:
        print(f"显示前 {columns} 列 / 共 {table.shape[1]:,} 列 · first {columns} of {table.shape[1]:,} columns; "
              "完整表格见导出的 CSV (the full table is in the exported CSV)")
        table = table.iloc[:, :columns]
    return table


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def drop_widget_views(notebook):
    """Keep a widget's plain-text fallback, not its model id, in a stored notebook.

    A model id is random (so stored outputs would change on every run) and dies with the kernel
    (so a reopened notebook would show "Error displaying widget: model not found"); the live widget
    appears again whenever the cell runs. Works on an nbformat node or a plain JSON dict.
    """
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "text/plain" in data:
                del data[WIDGET_VIEW]
    notebook["metadata"].pop("widgets", None)
    return notebook


def coalesce_streams(notebook):
    """Join each run of consecutive ``stream`` outputs of the same name (stdout, stderr) into one, in place.

    The kernel sends what a cell prints in as many messages as its flushes happened to make (``print(x)`` may
    arrive as ``x`` and ``\\n``), so without this the same cell would be stored differently from run to run.
    """
    for cell in notebook["cells"]:
        joined = []
        for output in cell.get("outputs", []):
            last = joined[-1] if joined else None
            if output.get("output_type") == "stream" and last is not None and last.get("output_type") == "stream" \
                    and last.get("name") == output.get("name"):
                last["text"] = _text(last["text"]) + _text(output["text"])
            else:
                joined.append(output)
        if "outputs" in cell:
            cell["outputs"] = joined
    return notebook


def _text(text) -> str:
    return text if isinstance(text, str) else "".join(text)


def pre_save_hook(model, **kwargs):
    """Jupyter server hook (``ContentsManager.pre_save_hook``): drop widget views on every save,
    so saving a notebook in JupyterLab after running it stores the same text fallback as ``run``."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        drop_widget_views(model["content"])
