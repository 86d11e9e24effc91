"""Caches: the SQLite files behind segmentation and per-document results."""
