"""jieba's own dictionary (its ``dict.txt``), read once on first use: is a string a word, how common, what tag.

>>> dictionary_entry("农村")
(11478, 'n')
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def _dictionary() -> dict[str, tuple[int, str]]:
    """Word of 2 to 6 characters -> (frequency, part-of-speech tag)."""
    import jieba

    words = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").split()
    return {word: (int(freq), tag) for word, freq, tag in zip(words[0::3], words[1::3], words[2::3])
            if 2 <= len(word) <= 6}


def dictionary_entry(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of a word of 2 to 6 characters in jieba's dictionary, or None."""
    return _dictionary().get(word)
