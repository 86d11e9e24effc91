"""Editable knowledge read once from ``corpus_lib/data``: places, institution words, names, the calendar."""
