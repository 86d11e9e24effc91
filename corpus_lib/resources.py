"""Editable knowledge, read once from ``corpus_lib/data/`` (or a folder you name).

``CORPUS_LIB_DATA`` points at a folder whose files replace the shipped ones of
the same name, so a user can extend dictionaries without editing the package.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from . import paths


def data_path(name: str) -> Path:
    """The user's copy of a data file if ``CORPUS_LIB_DATA`` holds one, else the shipped one."""
    override = os.environ.get("CORPUS_LIB_DATA")
    if override and (Path(override) / name).exists():
        return Path(override) / name
    return paths.data_file(name)


def read_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a data file, stripped."""
    text = data_path(name).read_text(encoding="utf-8-sig")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a data CSV (``#`` comment lines skipped) as dicts, values stripped, missing cells ``""``."""
    import csv

    return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(read_lines(name))]


@lru_cache(maxsize=None)
def user_dictionary() -> tuple[tuple[str, int | None, str | None], ...]:
    """``(word, freq, tag)`` entries of ``user_dict.txt``, in file order."""
    entries = []
    for line in read_lines("user_dict.txt"):
        parts = line.split()
        word, rest = parts[0], parts[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        entries.append((word, freq, rest[0] if rest else None))
    return tuple(entries)


@lru_cache(maxsize=None)
def dictionary_fingerprint() -> str:
    """Changes whenever the user dictionary changes; part of the segmentation cache key."""
    return hashlib.sha256(repr(user_dictionary()).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """stopwordsiso's Chinese list plus ``stopwords_domain.txt``, minus user-dictionary words."""
    import stopwordsiso

    words = set(stopwordsiso.stopwords("zh")) | set(read_lines("stopwords_domain.txt"))
    return frozenset(words - {word for word, _, _ in user_dictionary()})


@lru_cache(maxsize=None)
def boilerplate() -> frozenset[str]:
    """Official-document boilerplate (``boilerplate.txt``): 加强, 做好, 坚决 …"""
    return frozenset(read_lines("boilerplate.txt"))
