"""Splitting one file into documents: separator lines, blank runs, signature dates, indents, bookmarked titles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..describe.header import _title_like
from ..extract import date_lines
from ..preprocessing import clean

# A line of ---, === or *** (or a form feed) separates documents in a file you assemble yourself.
SEPARATOR = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,}|\f)\s*$")


SENTENCE_CLOSE = tuple("。！？!?；”」")


QUOTE_OPENERS = tuple("“「『\"'‘")


@dataclass(frozen=True)
class RawLine:
    text: str
    indented: bool = False
    bookmarked: bool = False
    separator: bool = False


def _raw_lines(text: str) -> list[RawLine]:
    lines = []
    for line in clean.normalize_newlines(text).split("\n"):
        without = clean.ZERO_WIDTH.sub("", clean.BOOKMARK.sub("", line))
        lines.append(RawLine(
            text=clean.full_width_punctuation(clean.normalize_spaces(without)),
            indented=bool(re.match(r"^[ \u3000]\S", without)),
            bookmarked=without != clean.ZERO_WIDTH.sub("", line),
            separator=bool(SEPARATOR.match(line)),
        ))
    return lines


def _closes_paragraph(line: str) -> bool:
    return line.endswith(SENTENCE_CLOSE) or date_lines.parse_date_line(line) is not None


def _ends_with_signature(current: list[RawLine]) -> bool:
    """The last line is an unbracketed date after body text: a signature date."""
    last = current[-1].text
    if date_lines.parse_date_line(last) is None or last.startswith(("（", "(")):
        return False
    return any(line.text.endswith(SENTENCE_CLOSE) for line in current[:-1])


def _starts_document(line: RawLine, current: list[RawLine], blank_run: int) -> bool:
    if sum(len(previous.text) for previous in current) < 40:
        return False
    if blank_run >= 2 or _ends_with_signature(current):
        return True
    if not _closes_paragraph(current[-1].text):
        return False
    if line.indented and not line.text.startswith(QUOTE_OPENERS):
        return True
    return line.bookmarked and _title_like(line.text)


def split_documents(text: str) -> list[list[str]]:
    """Split one file into documents, each a list of cleaned, non-blank lines.

    A document starts after two blank lines, after a signature date, at a line
    indented by one space, or at a Word-bookmarked title after a closed paragraph.
    A line of ``---``/``===``/``***`` always separates documents.

    >>> [doc[0] for doc in split_documents("第一篇\\n正文。\\n---\\n第二篇的标题\\n正文。")]
    ['第一篇', '第二篇的标题']
    """
    documents, current, blank_run = [], [], 0
    for line in _raw_lines(text):
        if line.separator or not line.text:
            if line.separator and current:
                documents.append(current)
                current = []
            blank_run += 1
            continue
        if current and _starts_document(line, current, blank_run):
            documents.append(current)
            current = []
        current.append(line)
        blank_run = 0
    if current:
        documents.append(current)
    return [[line.text for line in document] for document in documents]
