"""Reader for plain text files (.txt, .md): bytes -> str, whatever the encoding.

The encoding rules are shared by every reader of text-like files (CSV, JSON, HTML): a BOM first (UTF-8,
UTF-16, UTF-32), then UTF-8, then GB18030 (a superset of GBK and GB2312). ``decode_bytes`` applies them
to bytes in memory, ``sniff_encoding`` to a stream read in chunks, so a large table is never held twice.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Iterable

from ...errors import CorpusError
from .base import Document, ReadOptions, Source
from .docx import read_docx

SUFFIXES = (".txt", ".md")

# The codec that reads past each BOM (UTF-32-LE's BOM starts like UTF-16-LE's, so it comes first).
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
GUESSES = ("utf-8", "gb18030")
CHUNK = 1 << 20


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _bom_encoding(head: bytes) -> str | None:
    return next((encoding for bom, encoding in BOMS if head.startswith(bom)), None)


def _decodes_as_text(chunks: Iterable[bytes], encoding: str, *, name: str) -> bool:
    """The chunks decode strictly in ``encoding`` and hold few control characters (at most 1 in 100)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    controls = length = 0
    try:
        for chunk in chunks:
            if b"\x00" in chunk:
                raise CorpusError(f"{name}: not a text file (it holds binary data)")
            text = decoder.decode(chunk)
            controls, length = controls + len(CONTROL_CHARACTERS.findall(text)), length + len(text)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return controls <= length // 100


def sniff_encoding(source: Source) -> str:
    """The encoding of a file read in chunks (the rules above); bad or empty files raise ``CorpusError``."""
    with source.open() as stream:
        head = stream.read(4)
    bom = _bom_encoding(head)
    if bom:
        return bom
    if not head:
        raise CorpusError(f"{source.name}: the file is empty")

    def chunks():
        with source.open() as stream:
            while chunk := stream.read(CHUNK):
                yield chunk
    for encoding in GUESSES:
        if _decodes_as_text(chunks(), encoding, name=source.name):
            return encoding
    raise CorpusError(f"{source.name}: not a text file (it is neither UTF-8, UTF-16 nor GB18030 text)")


def decode_bytes(data: bytes, *, name: str) -> str:
    """Bytes -> str: BOM first, then UTF-8, then GB18030 (a superset of GBK).

    >>> decode_bytes("青年".encode("gbk"), name="a.txt"), decode_bytes("青年".encode("utf-16"), name="b.txt")
    ('青年', '青年')
    """
    bom = _bom_encoding(data)
    if bom:
        return data.decode(bom, errors="strict")
    for encoding in GUESSES:
        if _decodes_as_text([data], encoding, name=name):
            return data.decode(encoding)
    raise CorpusError(f"{name}: not a text file (it is neither UTF-8, UTF-16 nor GB18030 text)")


def text_of(data: bytes, *, name: str, suffix: str) -> str:
    """A text file's bytes -> its text: decoded, Markdown headings' ``#`` removed; empty files raise."""
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    text = decode_bytes(data, name=name)
    if suffix == ".md":
        text = re.sub(r"(?m)^#{1,6}\s+", "", text)
    if not text.strip():
        raise CorpusError(f"{name}: the file has no text")
    return text


def read(source: Source, options: ReadOptions):
    """One document: the whole file (a lone file may hold several; the loader splits it)."""
    yield Document(source.name, text_of(source.read_bytes(), name=source.name, suffix=source.suffix), splittable=True)


def read_text(path: Path) -> str:
    """One file's text, whatever its encoding; bad files raise ``CorpusError``."""
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".docx":
        return read_docx(path, name=path.name)
    return text_of(path.read_bytes(), name=path.name, suffix=path.suffix.lower())
