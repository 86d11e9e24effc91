"""Describing a document: its header, title, issuer, genre and date."""
