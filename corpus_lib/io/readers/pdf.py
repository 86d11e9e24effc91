"""Reader for PDF files: the text layer, read with PDFium (pypdfium2), as paragraphs.

PDFium gives each line and where its characters sit. From that:
- **page furniture goes**: peeling each page from its top and its bottom edge (two lines at most each), a
  line that is a page number (``3``, ``- 3 -``, ``第 3 页``, ``第3页 共5页``, ``3/5``, ``Page 3``), or that
  repeats (digits aside) at the edges of at least half of the pages, and of two at least (a running header or
  footer); the peeling stops at the first line of body text;
- **lines the layout broke are joined**: a line that reaches the right margin goes on in the next line unless
  that one is indented, centred or right-aligned, or starts after a blank gap; Chinese joins without a space.
A PDF without a text layer (a scan) is skipped and listed in one line; there is no OCR.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from ...errors import CorpusError
from .base import Document, ReadOptions, Source, join_lines

SUFFIXES = (".pdf",)

PAGE_NUMBER = re.compile(r"[-–—－·\s]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
                         r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[-–—－·\s]*", re.I)
EDGE_LINES = 2          # lines at the top and at the bottom of a page that may be furniture
MIN_TEXT = 10           # fewer non-space characters than this in the whole file: no text layer
INDENT = 0.5            # in character widths: a line starting further right than this is indented
PLACED = 4.0            # ... further right than this: centred or right-aligned, a line of its own
SHORT = 1.5             # a line ending this far before the right margin ends its paragraph
GAP = 1.2               # a blank gap taller than this between two lines breaks the paragraph


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


def _page_lines(textpage, page: int) -> list[Line]:
    """The page's lines as PDFium breaks them, with the box of their visible characters."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: one call per character keeps the indices aligned
        text = "".join(textpage.get_text_range(index, 1) or " " for index in range(count))
    lines, chars, boxes = [], [], []
    for index, char in enumerate(text + "\n"):
        if char in "\r\n":
            if boxes:
                left, bottom, right, top = zip(*boxes)
                lines.append(Line("".join(chars).strip(), min(left), max(right), max(top), min(bottom), page))
            chars, boxes = [], []
            continue
        chars.append(char)
        if not char.isspace():
            boxes.append(textpage.get_charbox(index, loose=True))  # the font's box, not the ink's: same height for 。 and 国
    return [line for line in lines if line.text]


def _read_pages(source: Source) -> list[list[Line]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(source.seekable())
    except (pdfium.PdfiumError, OSError, ValueError) as error:
        raise CorpusError(f"{source.name}: not a readable PDF ({error})") from None
    try:
        return [_page_lines(document[number].get_textpage(), number) for number in range(len(document))]
    finally:
        document.close()


def _edges(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The top lines from the top down, and the bottom lines from the bottom up."""
    by_height = sorted(lines, key=lambda line: -line.top)
    return by_height[:EDGE_LINES], by_height[::-1][:EDGE_LINES]


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def drop_furniture(pages: list[list[Line]]) -> list[Line]:
    """Every line but page numbers and running headers and footers, in reading order. A page is peeled from
    its top and its bottom edge inwards, and the peeling stops at the first line of body text."""
    repeats = Counter(key for lines in pages for key in {_furniture_key(line) for edge in _edges(lines) for line in edge})
    running = {key for key, count in repeats.items() if count >= 2 and count >= len(pages) / 2}
    kept = []
    for lines in pages:
        dropped = set()
        for edge in _edges(lines):
            for line in edge:
                if not (PAGE_NUMBER.fullmatch(line.text) or _furniture_key(line) in running):
                    break
                dropped.add(line)
        kept += [line for line in lines if line not in dropped]
    return kept


def paragraphs(lines: list[Line]) -> list[str]:
    """Lines joined into paragraphs (see the module docstring), measured against the body's margins."""
    if not lines:
        return []
    em = median(line.top - line.bottom for line in lines) or 1.0
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = max(line.x1 for line in lines if line.x0 <= left + INDENT * em)
    result, current, previous = [], [], None
    for line in lines:
        if previous is not None and not _continues(previous, line, left, right, em):
            result.append(join_lines(current))
            current = []
        current.append(line.text)
        previous = line
    result.append(join_lines(current))
    return [paragraph for paragraph in result if paragraph]


def _continues(previous: Line, line: Line, left: float, right: float, em: float) -> bool:
    if previous.x0 > left + PLACED * em or previous.x1 < right - SHORT * em:
        return False  # the previous line is centred or right-aligned, or stops short: its paragraph ended
    if line.x0 > left + INDENT * em:
        return False  # indented: a new paragraph
    return line.page != previous.page or previous.bottom - line.top <= GAP * em


def read(source: Source, options: ReadOptions):
    pages = _read_pages(source)
    if sum(len(re.sub(r"\s", "", line.text)) for lines in pages for line in lines) < MIN_TEXT:
        options.notes.add("no_text_layer", source.name)
        return
    yield Document(source.name, "\n".join(paragraphs(drop_furniture(pages))))
