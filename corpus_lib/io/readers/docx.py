"""Reader for Word files (.docx): the paragraphs' text, one per line.
"""
from __future__ import annotations

from ...errors import CorpusError
from .base import Document, ReadOptions, Source

SUFFIXES = (".docx",)


def read_docx(file, *, name: str | None = None) -> str:
    """The paragraphs of a .docx (a path or a seekable binary file), one a line; bad or empty files raise."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    name = name or getattr(file, "name", "the .docx file")
    try:
        document = docx.Document(file if hasattr(file, "read") else str(file))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise CorpusError(f"{name}: not a readable .docx file ({type(error).__name__})") from None
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    if not text.strip():
        raise CorpusError(f"{name}: the file has no text")
    return text


def read(source: Source, options: ReadOptions):
    """One document: the whole file (a lone file may hold several; the loader splits it)."""
    yield Document(source.name, read_docx(source.seekable(), name=source.name), splittable=True)
