"""corpus_lib: load, clean, segment and chart Chinese policy and news corpora.

The data flows one way: load -> clean -> segment -> extract -> plot/save.
Analyses compute tables (columns in ``corpus_lib.schema``); ``corpus_lib.plots`` turns them into
Figures; ``save_figure``/``save_table`` write them; ``cli``, ``notebook`` and ``runner`` are front ends.

>>> import corpus_lib as cl
>>> docs = cl.load_corpus()          # the seed corpus: 7 documents
>>> cl.segment("全体“90后”党员")
['全体', '“', '90后', '”', '党员']
"""
from .clean import clean_text, split_sentences
from .errors import CorpusError
from .export import save_figure, save_table
from .load import load_corpus
from .notebook import kwic_search_box, setup_notebook, show_table
from .segmentation import filter_tokens, segment, segment_corpus
from .style import apply_style, font_path

__all__ = [
    "CorpusError", "apply_style", "clean_text", "filter_tokens", "font_path", "kwic_search_box", "load_corpus",
    "save_figure", "save_table", "segment", "segment_corpus", "setup_notebook", "show_table", "split_sentences",
]
