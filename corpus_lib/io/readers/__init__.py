"""One reader per input format, chosen by the file's suffix.

A reader is a module of this package with ``SUFFIXES`` (``(".csv", ".tsv")``) and
``read(source, options)``, which yields ``base.Document`` records for one file; the registry finds every such
module by itself, so a new format is one new module (and its test). ``table`` holds what the table readers
share. ``read_sources`` reads the files of a folder or an archive, in path order.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType
from typing import Iterable, Iterator

from ...errors import CorpusError
from .base import Document, ReadOptions, Source

METADATA_FILE = "metadata.csv"


@lru_cache(maxsize=1)
def registry() -> dict[str, ModuleType]:
    """suffix -> reader module, for every module here that has ``SUFFIXES`` and ``read``."""
    readers = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if not (hasattr(module, "SUFFIXES") and hasattr(module, "read")):
            continue
        for suffix in module.SUFFIXES:
            if suffix in readers:
                raise RuntimeError(f"{suffix} is read by both {readers[suffix].__name__} and {module.__name__}")
            readers[suffix] = module
    return readers


README_ORDER = ("text", "docx", "csv", "xlsx", "json", "html", "pdf", "zip")


def _rank(module: ModuleType) -> tuple[int, str]:
    name = module.__name__.rsplit(".", 1)[1]
    return (README_ORDER.index(name) if name in README_ORDER else len(README_ORDER), name)


def suffixes() -> tuple[str, ...]:
    """Every suffix a reader reads (the README's order, then any new reader's).

    >>> suffixes()[:3]
    ('.txt', '.md', '.docx')
    """
    return tuple(suffix for module in sorted(set(registry().values()), key=_rank) for suffix in module.SUFFIXES)


def reader_for(source: Source) -> ModuleType | None:
    return registry().get(source.suffix)


def is_hidden(name: str) -> bool:
    """Hidden files and folders, Office's lock files (``~$x.docx``) and macOS's ``__MACOSX``."""
    return any(part.startswith((".", "~$")) or part == "__MACOSX" for part in name.split("/"))


def read_source(source: Source, options: ReadOptions) -> Iterator[Document]:
    reader = reader_for(source)
    if reader is None:
        raise CorpusError(f"{source.name}: no reader for {source.suffix or 'files without a suffix'}")
    yield from reader.read(source, options)


def read_sources(sources: Iterable[Source], options: ReadOptions) -> Iterator[Document]:
    """The documents of many files, sorted by path. Hidden files are passed over; files no reader reads
    and ``metadata.csv`` files below the top (only the top one is metadata) are noted as ignored, and so
    is a table without a text column (a folder's annotations, say), with its columns."""
    from .table import NoTextColumn

    for source in sorted(sources, key=lambda source: source.name):
        if is_hidden(source.name) or source.name == METADATA_FILE:
            continue
        if reader_for(source) is None or source.name.endswith("/" + METADATA_FILE):
            options.notes.add("ignored", source.name)
            continue
        try:
            yield from read_source(source, options)
        except NoTextColumn as error:
            options.notes.add("no_text_column", f"{source.name} ({', '.join(error.columns)})")
