"""Preprocessing: cleaning (str -> str), script (traditional/simplified views), segmentation (str -> tokens)."""
