"""Reader for ZIP archives: every file inside is read by the reader of its format, as in a folder (sorted by
path; a sub-path gives the ``folder`` column). Names written by Chinese Windows (GBK, no UTF-8 flag) are
decoded as such; macOS's ``__MACOSX/`` copies are left out. A ZIP inside the archive is read the same way.
"""
from __future__ import annotations

import io
import zipfile
from contextlib import contextmanager

from ...errors import CorpusError
from .base import ReadOptions, Source

SUFFIXES = (".zip",)
UTF8_FLAG = 0x800


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it: UTF-8 when flagged, else UTF-8 or GB18030, else CP437.

    >>> info = zipfile.ZipInfo("2021/人民日报/x.txt".encode("gbk").decode("cp437"))
    >>> member_name(info)
    '2021/人民日报/x.txt'
    """
    if info.flag_bits & UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


@contextmanager
def open_archive(source: Source):
    """The archive, open for reading; a damaged one raises ``CorpusError``."""
    file = source.path if source.path is not None else io.BytesIO(source.read_bytes())
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as error:
        raise CorpusError(f"{source.name}: not a readable ZIP archive ({error})") from None
    with archive:
        yield archive


def members(archive: zipfile.ZipFile, prefix: str) -> list[Source]:
    """Every file in the archive as a ``Source`` named ``prefix/its path`` (no prefix for the corpus itself)."""
    sources = []
    for info in archive.infolist():
        name = member_name(info).replace("\\", "/").strip("/")
        if info.is_dir() or not name or name.split("/")[0] == "__MACOSX":
            continue
        full = f"{prefix}/{name}" if prefix else name
        sources.append(Source(full, lambda info=info: archive.open(info)))
    return sources


def read(source: Source, options: ReadOptions):
    from . import read_sources

    with open_archive(source) as archive:
        yield from read_sources(members(archive, source.name), options)
