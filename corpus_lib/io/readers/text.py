"""Reader for plain text files (.txt, .md): bytes -> str, whatever the encoding.
"""
from __future__ import annotations

import re
from pathlib import Path

from ...errors import CorpusError
from .docx import read_docx

BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode_bytes(data: bytes, *, name: str) -> str:
    """Bytes -> str: BOM first, then UTF-8, then GB18030 (a superset of GBK)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="strict")
    if b"\x00" in data:
        raise CorpusError(f"{name}: not a text file (it holds binary data)")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise CorpusError(f"{name}: not a text file (it is neither UTF-8, UTF-16 nor GB18030 text)")


def _looks_like_text(text: str) -> bool:
    return len(CONTROL_CHARACTERS.findall(text)) <= len(text) // 100


def read_text(path: Path) -> str:
    """One file's text, whatever its encoding; bad files raise ``CorpusError``."""
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".docx":
        text = read_docx(path)
    else:
        data = path.read_bytes()
        if not data.strip():
            raise CorpusError(f"{path.name}: the file is empty")
        text = decode_bytes(data, name=path.name)
    if path.suffix.lower() == ".md":
        text = re.sub(r"(?m)^#{1,6}\s+", "", text)
    if not text.strip():
        raise CorpusError(f"{path.name}: the file has no text")
    return text
