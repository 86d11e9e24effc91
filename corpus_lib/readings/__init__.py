"""Generated readings: a short paragraph per notebook section, computed only from that section's table.

One module per notebook (``overview``, ``themes``, ``dates``, ``institutions``, ``cohorts``, ``topics``), the ``Reading`` type
and the wording helpers in ``base``, and the ``choose_*`` defaults that fit a corpus in ``choose``. Every name is
also here, so a notebook writes ``readings.read_people(table)``.
"""

from .base import Reading
from .choose import (
    FOCUS_TERMS,
    KeynessChoice,
    choose_cohort_pair,
    choose_example_sentence,
    choose_hub_terms,
    choose_keyness_groups,
    choose_kwic_keyword,
    group_sizes,
    keyness_choice,
)
from .cohorts import (
    read_cohort_counts,
    read_cohort_keyness,
    read_people,
    read_stated_statistics,
)
from .dates import read_date_mentions, read_events, read_share_trend
from .institutions import (
    read_example,
    read_institution_documents,
    read_institution_types,
    read_levels,
    read_provinces,
)
from .overview import (
    read_documents,
    read_lengths,
    read_timeline,
    read_top_terms,
    read_vocabulary,
)
from .topics import (
    read_coherence,
    read_reprint_groups,
    read_similar,
    read_topic_shares,
    read_topic_trend,
    read_topics,
    read_topics_by_mention,
)
from .themes import (
    read_boilerplate,
    read_collocations,
    read_cooccurrence,
    read_keyness,
    read_keywords,
    read_kwic,
    read_term_counts,
    read_theme_shares,
)

__all__ = [
    "FOCUS_TERMS",
    "KeynessChoice",
    "Reading",
    "choose_cohort_pair",
    "choose_example_sentence",
    "choose_hub_terms",
    "choose_keyness_groups",
    "choose_kwic_keyword",
    "group_sizes",
    "keyness_choice",
    "read_boilerplate",
    "read_coherence",
    "read_cohort_counts",
    "read_cohort_keyness",
    "read_collocations",
    "read_cooccurrence",
    "read_date_mentions",
    "read_documents",
    "read_events",
    "read_example",
    "read_institution_documents",
    "read_institution_types",
    "read_keyness",
    "read_keywords",
    "read_kwic",
    "read_lengths",
    "read_levels",
    "read_people",
    "read_provinces",
    "read_reprint_groups",
    "read_share_trend",
    "read_similar",
    "read_stated_statistics",
    "read_term_counts",
    "read_theme_shares",
    "read_timeline",
    "read_top_terms",
    "read_topic_shares",
    "read_topic_trend",
    "read_topics",
    "read_topics_by_mention",
    "read_vocabulary",
]
