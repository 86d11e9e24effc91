"""Text statistics: counts, keywords, keyness, collocations, KWIC, themes, co-occurrence, the overview."""
