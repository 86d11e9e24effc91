"""What every reader takes and gives: a ``Source`` (one file, on disk or in a ZIP), ``ReadOptions``, and
``Document`` records; ``Notes`` collects what was skipped, to say it in one line per kind.
"""
from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable


@dataclass(frozen=True)
class Source:
    """One file of the corpus. ``name`` is its path inside the corpus (``2021/人民日报/x.txt``), or the file's
    name for a corpus of one file; ``path`` is set for a file on disk (readers that need a seekable file use
    ``seekable()``); ``opener`` gives a fresh binary stream each call."""

    name: str
    opener: Callable[[], BinaryIO]
    path: Path | None = None

    @classmethod
    def from_path(cls, path: Path, name: str | None = None) -> "Source":
        return cls(name or path.name, lambda: path.open("rb"), path)

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    @property
    def folder(self) -> str | None:
        """The sub-path the file lies in (``2021/人民日报``), None at the top of the corpus."""
        parent = PurePosixPath(self.name).parent.as_posix()
        return None if parent == "." else parent

    def open(self) -> BinaryIO:
        return self.opener()

    def read_bytes(self) -> bytes:
        with self.open() as stream:
            return stream.read()

    def seekable(self):
        """The path on disk, or the bytes in memory (a ZIP member): what openpyxl, python-docx and PDFium open."""
        return self.path if self.path is not None else io.BytesIO(self.read_bytes())


@dataclass
class Document:
    """One document as a reader found it. ``text`` is cleaned later (``clean.clean_text``), when it is described.

    ``fields`` are what the file itself states and what wins over the text: ``title``, ``issuer``, ``date`` (a
    ``datetime.date``) and ``date_note`` (where the date came from). ``columns`` are further document columns
    (a table's other columns). ``splittable``: the text may hold several documents (a lone ``.txt``)."""

    file: str
    text: str
    source: str = ""
    fields: dict = field(default_factory=dict)
    columns: dict = field(default_factory=dict)
    splittable: bool = False

    def __post_init__(self):
        self.source = self.source or self.file


# A ``Notes`` kind -> how its line starts; the items follow, the first ``SHOWN`` of them.
NOTE_LINES = {
    "empty_rows": "skipped {n} table row(s) with an empty text cell",
    "bad_dates": "{n} date cell(s) could not be read, so those dates come from the text",
    "no_text_layer": "skipped {n} PDF(s) without a text layer (scans? OCR is not supported)",
    "no_main_text": "skipped {n} web page(s) without a main text",
    "other_sheets": "read the first sheet only of {n} workbook(s); other sheets",
    "ignored": "ignored {n} file(s) in formats it does not read",
    "no_text_column": "skipped {n} table(s) without a text column (name it with --columns text=COLUMN)",
}
SHOWN = 8


class Notes:
    """What reading skipped or could not use, said in one line per kind (never silently).

    >>> notes = Notes()
    >>> notes.add("empty_rows", "export.csv row 4"); notes.add("empty_rows", "export.csv row 7")
    >>> notes.lines()
    ['note: skipped 2 table row(s) with an empty text cell: export.csv row 4, export.csv row 7']
    """

    def __init__(self):
        self.items: dict[str, list[str]] = {}

    def add(self, kind: str, item: str) -> None:
        self.items.setdefault(kind, []).append(item)

    def lines(self) -> list[str]:
        lines = []
        for kind, items in self.items.items():
            shown = ", ".join(items[:SHOWN]) + (f" … ({len(items)} in all)" if len(items) > SHOWN else "")
            lines.append(f"note: {NOTE_LINES[kind].format(n=len(items))}: {shown}")
        return lines

    def summary(self) -> str:
        """The lines as one, for an error message."""
        return "; ".join(line.removeprefix("note: ") for line in self.lines())

    def emit(self) -> None:
        for line in self.lines():
            print(line, file=sys.stderr)


@dataclass
class ReadOptions:
    """``columns``: the table columns named by the user (``{"text": "正文"}``, see ``table.parse_columns``)."""

    columns: dict = field(default_factory=dict)
    notes: Notes = field(default_factory=Notes)


# Where a line break stood for a space: a Latin word (or , . ; : ! ? ) %) before it and a word or number after it,
# or a number before a word. Digits on both sides are one number that the layout broke (8个方面1 | 6个).
SPACED_BREAK = re.compile(r"(?:[A-Za-z,.;:!?)%]\n[A-Za-z0-9(]|[0-9]\n[A-Za-z(])")


def join_lines(lines: list[str]) -> str:
    """Lines that the layout broke, joined: Chinese without a space, a space only between Latin words.

    >>> join_lines(["在统筹推进会议上的", "讲话"]), join_lines(["the Communist", "Youth League"]), join_lines(["方面1", "6个"])
    ('在统筹推进会议上的讲话', 'the Communist Youth League', '方面16个')
    """
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        space = " " if joined and SPACED_BREAK.fullmatch(joined[-1] + "\n" + line[0]) else ""
        joined += space + line
    return joined


def clean_field(value) -> str | None:
    """A title or issuer cell as one clean line (broken lines joined, spaces normalised), or None when empty.

    >>> clean_field(" 在统筹推进会议上的\\n讲话 "), clean_field("  "), clean_field(None)
    ('在统筹推进会议上的讲话', None, None)
    """
    from ...preprocessing import clean

    if value is None:
        return None
    text = join_lines(clean.clean_text(str(value)).split("\n"))
    return text or None
