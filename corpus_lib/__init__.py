"""corpus_lib: load, clean, segment and chart Chinese policy and news corpora.

The data flows one way, and the folders are its stages: ``io`` (files -> documents) -> ``preprocessing``
(clean, script, segment) -> ``describe`` (header, genre, date) -> ``extract`` (dates, cohorts, institutions,
people) and ``textstats`` (counts, keyness, themes) -> ``plots`` (tables -> Figures) -> ``io.export``.
``lexicons`` reads the editable data files, ``cache`` keeps per-document results, ``readings`` writes the
generated paragraphs, ``app`` holds the front ends. Every table's columns are in ``corpus_lib.schema``.

>>> import corpus_lib as cl
>>> docs = cl.load_corpus()          # the seed corpus: 7 documents
>>> cl.segment("全体“90后”党员")
['全体', '“', '90后', '”', '党员']
>>> from corpus_lib import people    # an analysis module by its short name
>>> people.__name__
'corpus_lib.extract.people'
"""
from importlib import import_module

from .app.notebook import kwic_search_box, setup_notebook, show_figure, show_table
from .errors import CorpusError
from .io.corpus import load_corpus
from .io.export import save_figure, save_table
from .preprocessing.clean import clean_text, split_sentences
from .preprocessing.segmentation import filter_tokens, segment, segment_corpus
from .style import apply_style, font_path

# The analysis modules by their short names (``from corpus_lib import people``), imported when first used.
MODULES = {
    "cohorts": "extract.cohorts", "dates": "extract.dates", "institutions": "extract.institutions",
    "people": "extract.people", "themes": "textstats.themes", "overview": "textstats.overview",
    "topics": "textstats.topics", "reprints": "textstats.reprints",
    "clean": "preprocessing.clean", "segmentation": "preprocessing.segmentation", "export": "io.export",
}


def use_scheduler(address: str | None):
    """Compute this process's uncached per-document results on the Dask cluster at ``address`` (``tcp://HOST:PORT``,
    or ``local`` for a LocalCluster of 2 workers) from now on; ``None`` changes nothing. Returns the client or None.
    Dask is imported only when an address is given."""
    if not address:
        return None
    from .app import cluster

    return cluster.use_scheduler(address)


def __getattr__(name: str):
    if name in MODULES:
        return import_module(f"{__name__}.{MODULES[name]}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CorpusError", "apply_style", "clean_text", "filter_tokens", "font_path", "kwic_search_box", "load_corpus",
    "save_figure", "save_table", "segment", "segment_corpus", "setup_notebook", "show_figure", "show_table",
    "split_sentences", "use_scheduler",
]
