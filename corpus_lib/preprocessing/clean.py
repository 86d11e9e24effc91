"""Clean stage: str -> str. Nothing here reads or writes files."""
from __future__ import annotations

import re

from .script import to_simplified

# Word exports leave bookmarks such as ``[bookmark: _Toc33729744]`` and ``[bookmark: _GoBack]``.
BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Full-width, no-break and other Unicode spaces all count as one ordinary space.
ODD_SPACES = re.compile("[\u3000\u00a0\u2002-\u200a\u202f\u205f\t]")
SPACE_RUN = re.compile(" {2,}")

SENTENCE_END = frozenset("。！？!?；;…")
OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
CLOSE_QUOTES = frozenset(OPEN_QUOTES.values()) | {"’", '"', "'"}


def normalize_newlines(text: str) -> str:
    """``"a\\r\\nb"`` -> ``"a\\nb"``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_artifacts(text: str) -> str:
    """Remove Word bookmarks and zero-width characters.

    >>> strip_artifacts("[bookmark: _GoBack]团各区委\u200b")
    '团各区委'
    """
    return ZERO_WIDTH.sub("", BOOKMARK.sub("", text))


def normalize_spaces(line: str) -> str:
    """Full-width and odd spaces become one ASCII space; the ends are stripped.

    >>> normalize_spaces("\u3000\u3000疫情防控\u3000青春建功 ")
    '疫情防控 青春建功'
    """
    return SPACE_RUN.sub(" ", ODD_SPACES.sub(" ", line)).strip()


def clean_text(text: str, *, simplify: bool = False) -> str:
    """The full clean: newlines, artifacts, spaces; blank lines dropped.

    >>> clean_text("[bookmark: _Toc1]（2020年2月23日）\\r\\n\\r\\n\u3000习近平")
    '（2020年2月23日）\\n习近平'
    """
    text = strip_artifacts(normalize_newlines(text))
    if simplify:
        text = to_simplified(text)
    text = SPACE_RUN.sub(" ", ODD_SPACES.sub(" ", text))  # the whole text at once: fast on big corpora
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences. A sentence end inside quotes or brackets
    does not split; a closing quote stays with the sentence it closes.

    >>> split_sentences("他说：“我很自豪。我们出发！”随后离开。好")
    ['他说：“我很自豪。我们出发！”随后离开。', '好']
    >>> split_sentences("“总书记的回信深深感染着我。”樊静妤说。")
    ['“总书记的回信深深感染着我。”樊静妤说。']
    """
    sentences, current, closers = [], [], []
    for i, char in enumerate(text):
        if char == "\n":
            sentences.append("".join(current)); current, closers = [], []
            continue
        current.append(char)
        if char in OPEN_QUOTES:
            closers.append(OPEN_QUOTES[char])
        elif closers and char == closers[-1]:
            closers.pop()
        elif char in SENTENCE_END and not closers:
            following = text[i + 1 : i + 2]
            if following not in SENTENCE_END and following not in CLOSE_QUOTES:
                sentences.append("".join(current)); current = []
    sentences.append("".join(current))
    return [s.strip() for s in sentences if s.strip()]


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, sentence)`` for every sentence of ``split_sentences``, with offsets into text."""
    spans, cursor = [], 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:  # should not happen; keep the sentence without a reliable offset
            start = cursor
        spans.append((start, start + len(sentence), sentence))
        cursor = start + len(sentence)
    return spans


def sentence_at(spans, position: int) -> str:
    """The sentence of ``sentence_spans`` that holds ``position`` ("" if none)."""
    for start, end, sentence in spans:
        if start <= position < end:
            return sentence
    return ""
