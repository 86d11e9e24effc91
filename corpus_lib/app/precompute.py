"""Compute every per-document result once, before the notebooks need it.

``python -m corpus_lib run`` loads the corpus and calls ``warm_cache(docs)`` inside
``doccache.workers(2)``, so a cold run computes token counts, date mentions, institution
mentions, cohort mentions, people, theme hits and reprint signatures with both cores. The five notebook kernels then read
them from the disk caches (``corpus_lib.cache.doccache`` and the segmentation cache) instead of
computing them five times over. Each call here is the one a notebook makes, with the same
arguments, so the cache keys match.
"""
from __future__ import annotations

import pandas as pd

from ..cache import doccache
from ..extract import cohorts, dates, institutions, people
from ..preprocessing import segmentation
from ..textstats import reprints, themes


def warm_cache(docs: pd.DataFrame) -> None:
    """Fill the caches for ``docs`` (in parallel inside ``doccache.workers``); returns nothing."""
    doccache.parallel_map(_count_tokens, list(docs["text"]))
    dates.date_mentions(docs)
    people.extract_people(docs, institutions=institutions.institution_mentions(docs))
    cohorts.cohort_mentions(docs)
    themes.theme_hits(docs)
    reprints.find_reprints(docs)  # the signatures per document, then the groups once for the corpus


def _count_tokens(text: str) -> None:
    segmentation.count_columns(text)  # stores the tokens and their counts in the segmentation cache
