"""Charts: each function takes a table (see ``corpus_lib.schema``) and returns a matplotlib Figure.

One module per analysis, mirroring the analysis modules; none of them saves a file
(``corpus_lib.save_figure`` is the one writer) and every figure comes from ``base.new_figure``.

>>> from corpus_lib import plots
>>> plots.themes.plot_top_terms  # doctest: +ELLIPSIS
<function plot_top_terms at ...>
"""
from . import cohorts, dates, institutions, overview, themes, topics

__all__ = ["cohorts", "dates", "institutions", "overview", "themes", "topics"]
