"""Compute every per-document result once, before the notebooks need it.

``python -m corpus_lib run`` loads the corpus and calls ``warm_cache(docs)`` inside
``doccache.workers(2)``, so a cold run computes token counts, date mentions, institution
mentions, cohort mentions, people, theme hits and reprint signatures with both cores, and the corpus-wide
word-pair counts summed by parts. The five notebook kernels then read
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


DISCARDED = ("date_mentions", "people", "cohort_mentions", "theme_hits")  # filled, never read here


def warm_cache(docs: pd.DataFrame) -> None:
    """Fill the caches for ``docs`` (in parallel inside ``doccache.workers`` or ``doccache.engine``); returns
    nothing. Results are written a batch at a time and dropped, so this process never holds a corpus's rows:
    the people need their documents' institution mentions (their cache key holds them), so those two are
    computed together for ``doccache.FILL_BATCH`` documents at a time (a document's key is the same in a batch
    as in the whole corpus, which the notebooks read)."""
    warm_segmentation(list(docs["text"]))
    with doccache.discarding(*DISCARDED):
        dates.date_mentions(docs)
        for start in range(0, len(docs), doccache.FILL_BATCH):
            batch = docs.iloc[start:start + doccache.FILL_BATCH]
            people.extract_people(batch, institutions=institutions.institution_mentions(batch))
        cohorts.cohort_mentions(docs)
        themes.theme_hits(docs)
    reprints.find_reprints(docs)  # the signatures per document, then the groups once for the corpus
    themes.corpus_sums(docs)  # word pairs and their margins, summed by parts (on the cluster, if any)


def warm_segmentation(texts: list[str]) -> None:
    """Tokens and their counts of every text into the segmentation cache. Processes of this machine
    write the shared cache themselves; an engine's workers (another machine, perhaps) send them back."""
    if not doccache.computing_elsewhere():
        doccache.parallel_map(_count_tokens, texts)
        return
    missing = list(dict.fromkeys(text for text in texts if not segmentation.has_counts(text)))
    for start in range(0, len(missing), doccache.FILL_BATCH):
        batch = missing[start:start + doccache.FILL_BATCH]
        for text, row in zip(batch, doccache.parallel_map(segmentation.segmentation_row, batch)):
            segmentation.store_segmentation(text, row)


def warm_worker() -> None:
    """Load everything a worker needs once (jieba's and the user dictionary, the tagger, lexicons) by running
    each per-document step on one short text, so the first partition does not pay for it."""
    text = "2020年3月15日，北京大学援鄂医疗队的90后护士李爱飞说：“青年要担当。”共青团中央发出通知。"
    segmentation.segmentation_row(text)
    dates.date_records(text, base_date=None)
    people._document_people(text, tuple(institutions._institution_rows(text, "通知", "共青团中央")))
    cohorts._cohort_rows(text)
    themes._lexicon_counts(text)


def _count_tokens(text: str) -> None:
    segmentation.count_columns(text)  # stores the tokens and their counts in the segmentation cache
