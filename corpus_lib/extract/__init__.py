"""Extractors: text -> tidy tables of mentions (dates, cohorts, institutions, people)."""
