"""The one figure factory: every chart starts here, styled once, with no pyplot state.

matplotlib is imported only when a chart is drawn, so the analysis modules and the CLI
start fast and never depend on it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..grouping import Groups


def new_figure(width: float, height: float) -> Figure:
    """A styled, pyplot-free Figure of ``width`` × ``height`` inches."""
    from matplotlib.figure import Figure

    style.apply_style()
    return Figure(figsize=(width, height))


def new_axes(width: float, height: float):
    """``(figure, axes)``: a figure with one plot area."""
    fig = new_figure(width, height)
    return fig, fig.subplots()


def empty_figure(message: str, *, width: float = 6, height: float = 1.5) -> Figure:
    """A small figure that says why there is nothing to draw (未发现… / no … found)."""
    fig, ax = new_axes(width, height)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    fig.set_label(message)  # not drawn; figure_title reads it, so a report's caption says it too
    return fig


def per_document(groups: Groups | None) -> bool:
    """True when a chart draws one element per document: no ``groups`` given, or a per-document view."""
    return groups is None or groups.per_document


def font_name() -> str:
    """The family name of the project's CJK font (for networkx labels and the like)."""
    return style.apply_style()


def figure_title(fig: Figure) -> str:
    r"""A chart's title as one line: its suptitle, else its plot areas' titles joined by ；, else its label
(``empty_figure`` labels its message), else ''.

    >>> fig, ax = new_axes(4, 3)
    >>> _ = ax.set_title("各文档篇幅\nDocument length")
    >>> figure_title(fig)
    '各文档篇幅 Document length'
    """
    suptitle = fig.get_suptitle()
    titles = [suptitle] if suptitle.strip() else [
        ax.get_title(loc) for ax in fig.axes for loc in ("center", "left", "right") if ax.get_title(loc).strip()]
    titles = titles or [fig.get_label()]
    return "；".join(" ".join(title.split()) for title in titles)
