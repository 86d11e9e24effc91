"""Load stage: files -> a documents DataFrame (one row per document).

``--corpus`` is a file, a folder or a ZIP archive. Each file is read by the reader of its format
(``io/readers/``: text and Markdown, Word, CSV/TSV, Excel, JSON and JSON lines, web pages, PDF, ZIP):
- a lone ``.txt``/``.md``/``.docx`` file may hold several documents (the seed holds 7; ``split.py``);
- in a folder or an archive every file is one document, read recursively and sorted by path; the sub-path
  becomes the ``folder`` column (``2021/人民日报/x.txt`` -> ``2021/人民日报``), and an optional
  ``metadata.csv`` at the top overrides titles, issuers, dates and genres and adds columns of its own;
- a table (CSV, TSV, XLSX, JSON) holds one document a row, in its row order: its text, title, date and
  issuer columns are recognised (``readers/table.py``; ``columns=`` names them), and its other columns
  become document columns, usable as ``GROUP_BY`` like ``metadata.csv``'s;
- a web page gives its main text, title and date; a PDF its text layer as paragraphs.
What a file states about itself (a table's title, date and issuer columns, a page's title and date) wins over
what is read from the text. What is skipped (empty rows, scanned PDFs, files in other formats) is said in one
line per kind on stderr, never silently. Documents are described in batches as they are read, so a large
table is held once, as the documents' texts.

Titles, issuers, dates and genres come from the text (``describe/``). Page furniture (mastheads,
``第A02版``, breadcrumbs, ``时间：… 来源：…`` lines, bylines, web chrome) is never a title; the genre comes
from the weighted cues of ``data/genre_cues.csv`` and the cues that fired are kept in ``genre_cues``.

Traditional characters: each document's ``script`` is detected (the share of its Han
characters that OpenCC t2s changes, ``clean.detect_script``). ``text`` is always the
**simplified view**, so every extractor reads simplified text, and every extracted field
(title, issuer, institutions, people …) is in simplified characters. ``original_text`` keeps
the document as written (the same string for a simplified document). The two have the same
length and line breaks (``clean.simplified_view``), so an offset found in ``text`` points at
the same words in ``original_text``: KWIC and quotes can show the original.
"""
from __future__ import annotations

import itertools
import os
import pickle
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .. import paths, schema
from ..cache import doccache
from ..cache.cachedb import unshared
from ..describe.document import _describe_file, _describe_text, resolve_dates
from ..errors import CorpusError
from . import readers
from .metadata import apply_metadata
from .readers import text as text_reader
from .readers import zip as zip_reader
from .readers.base import Document, ReadOptions, Source
from .readers.table import parse_columns
from .split import split_documents

COLUMNS = schema.columns("documents")
BATCH = 2000  # documents described at a time: the raw texts of one batch are all that is held twice


# ---------------------------------------------------------------- what the corpus is

@dataclass
class Corpus:
    """The files of a corpus: ``lone`` for a corpus of one file; a folder or an archive has ``metadata``."""

    sources: list[Source]
    metadata: Source | None = None
    lone: bool = False


def _list_folder(folder: Path) -> list[Source]:
    return [Source.from_path(file, file.relative_to(folder).as_posix())
            for file in sorted(folder.rglob("*")) if file.is_file()]


@contextmanager
def open_corpus(path: Path) -> Iterator[Corpus]:
    """The corpus at ``path``, its files open for reading inside the block."""
    if path.is_dir():
        yield _container_of(path, _list_folder(path), "folder")
    elif path.suffix.lower() in zip_reader.SUFFIXES:
        with zip_reader.open_archive(Source.from_path(path)) as archive:
            yield _container_of(path, zip_reader.members(archive, ""), "archive")
    else:
        yield Corpus([Source.from_path(path)], lone=True)


def _container_of(path: Path, sources: list[Source], kind: str) -> Corpus:
    readable = [source for source in sources if not readers.is_hidden(source.name)
                and readers.reader_for(source) is not None and source.name != readers.METADATA_FILE]
    if not readable:
        raise CorpusError(f"{path}: no {', '.join(readers.suffixes())} files in this {kind}")
    metadata = next((source for source in sources if source.name == readers.METADATA_FILE), None)
    return Corpus(sources, metadata)


def _read_documents(corpus: Corpus, options: ReadOptions) -> Iterator[Document]:
    if not corpus.lone:
        return readers.read_sources(corpus.sources, options)
    source = corpus.sources[0]
    reader = readers.reader_for(source) or text_reader  # a lone file of another suffix is read as text
    return reader.read(source, options)


# ---------------------------------------------------------------- describing

def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _describe_split(document: Document, simplify: bool) -> list[dict]:
    """A lone text file: split into its documents, each described from its cleaned lines."""
    texts = ["\n".join(lines) for lines in split_documents(document.text)]
    described = doccache.cached_per_document(_describe_text.__name__, _describe_text, texts, [simplify] * len(texts))
    return [row | {"source": document.source} for row in described]


def _describe_batch(batch: list[Document], simplify: bool, folders: bool) -> list[dict]:
    """Whole documents, described from their text (cleaning is cached too), with what the file states."""
    described = doccache.cached_per_document(_describe_file.__name__, _describe_file, [doc.text for doc in batch],
                                             [simplify] * len(batch), [doc.fields.get("title") for doc in batch])
    return [_apply_fields(row, document, folders) for row, document in zip(described, batch)]


def _apply_fields(row: dict, document: Document, folders: bool) -> dict:
    row = document.columns | row | {"source": document.source}  # a column never replaces a computed field
    if document.fields.get("issuer"):
        row["issuer"] = document.fields["issuer"]
    if document.fields.get("date"):
        row["stated_date"], row["_date_note"] = document.fields["date"], document.fields["date_note"]
    if folders:
        parent = Path(document.file).parent.as_posix()
        row["folder"] = None if parent == "." else parent
    return row


def describe_documents(documents: Iterable[Document], *, simplify: bool, lone: bool) -> list[dict]:
    rows = []
    for batch in _batches(documents, BATCH):
        if lone and len(batch) == 1 and batch[0].splittable:
            rows += _describe_split(batch[0], simplify)
        else:
            rows += _describe_batch(batch, simplify, folders=not lone)
    return rows


def _build_table(rows: list[dict]) -> pd.DataFrame:
    """The documents table: the schema's columns, then the columns files brought (as text, None when empty)."""
    extra = list(dict.fromkeys(key for row in rows for key in row if key not in COLUMNS))
    for row in rows:  # texts that were pickled (sent to workers, stored in the cache) carry a UTF-8 copy: drop it
        original, row["text"] = row.get("original_text"), unshared(row["text"])
        if isinstance(original, str):
            row["original_text"] = row["text"] if original == row["text"] else unshared(original)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["date"] = pd.to_datetime(table["date"])
    for column in extra:
        table[column] = pd.Series([row.get(column) for row in rows], dtype=object)
    return table


# ---------------------------------------------------------------- the entry point

def load_corpus(path: str | Path | None = None, *, simplify: bool = False, columns=None) -> pd.DataFrame:
    """Load a corpus file, folder or ZIP archive into a documents table.

    Traditional-character documents are found by themselves (``script``); ``simplify=True``
    treats every document as one. See the module docstring for ``text`` and ``original_text``.
    ``columns`` names a table's columns: ``"text=正文,title=标题"`` or ``{"text": "正文"}``
    (fields: text, title, date, issuer, author, url; ``readers/table.py``).

    >>> docs = load_corpus()
    >>> docs.loc[0, ["doc_id", "issuer", "genre", "script"]].tolist()
    ['d01', '习近平', 'letter', 'simplified']
    """
    path = Path(path) if path is not None else paths.corpus_path()
    shared = _shared_table(path, simplify, columns)
    if shared is not None:
        return shared
    return _load(path, simplify, columns)[0]


def _load(path: Path, simplify: bool, columns) -> tuple[pd.DataFrame, list[str]]:
    """The documents table, and the lines said on stderr about what was skipped."""
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    options = ReadOptions(columns=parse_columns(columns))
    with open_corpus(path) as corpus:
        rows = describe_documents(_read_documents(corpus, options), simplify=simplify, lone=corpus.lone)
        if not rows:
            found = f" ({options.notes.summary()})" if options.notes.items else ""
            raise CorpusError(f"{path}: no documents to read{found}")
        options.notes.emit()
        table = _build_table(_number_documents(_resolve_dates(rows)))
        if corpus.metadata is not None:
            table = apply_metadata(table, corpus.metadata)
    return table, list(options.notes.lines())


# ---------------------------------------------------------------- one load for a run's notebooks

SHARED = "CORPUS_LIB_SHARED_CORPUS"  # the file a run wrote its documents table to, for its kernels


@contextmanager
def shared_corpus(path: str | Path, *, columns=None) -> Iterator[tuple[pd.DataFrame, dict[str, str]]]:
    """``load_corpus(path, columns=columns)``, and the environment under which a kernel's ``load_corpus`` of
    the same path and columns reads this table instead of reading and describing every file again (``run``
    starts six kernels; at 10,000 files each load took seconds). The table is written beside the cache (it can
    be large: not to a memory-backed /tmp) and removed when the block ends; when it cannot be written the
    environment is empty and the kernels read the files themselves."""
    path = Path(path)
    table, notes = _load(path, False, columns)  # bad input fails here, before anything is written
    folder = _scratch_folder()
    shared = _write_shared(folder / ".documents.pickle", _share_key(path, False, columns), notes, table) \
        if folder else {}
    try:
        yield table, shared
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def _scratch_folder() -> Path | None:
    """A new folder beside the cache, or None when the cache folder cannot be written (that only costs speed)."""
    try:
        paths.cache_dir().mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="run-", dir=paths.cache_dir()))
    except OSError:
        return None


def _write_shared(target: Path, key: tuple, notes: list[str], table: pd.DataFrame) -> dict[str, str]:
    try:
        with open(target, "wb") as handle:
            pickle.dump({"key": key, "notes": notes, "table": table}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:  # a full disk
        return {}
    return {SHARED: str(target)}


def _share_key(path: Path, simplify: bool, columns) -> tuple:
    return str(path.resolve()), simplify, sorted(parse_columns(columns).items())


def _shared_table(path: Path, simplify: bool, columns) -> pd.DataFrame | None:
    """The run's documents table (``shared_corpus``) when this is the load it made, with its notes said again."""
    target = os.environ.get(SHARED)
    if not target or not Path(target).is_file():
        return None
    with open(target, "rb") as handle:
        shared = pickle.load(handle)
    if shared["key"] != _share_key(path, simplify, columns):
        return None
    for line in shared["notes"]:
        print(line, file=sys.stderr)
    return shared["table"]


def _resolve_dates(rows: list[dict]) -> list[dict]:
    """Dates across the corpus (``describe.document.resolve_dates``); a date a file stated keeps its note."""
    resolve_dates(rows)
    for row in rows:
        if "_date_note" in row:
            row["date_note"] = row.pop("_date_note")
    return rows


def _number_documents(rows: list[dict]) -> list[dict]:
    width = max(2, len(str(len(rows))))
    for number, row in enumerate(rows, start=1):
        row["doc_id"] = f"d{number:0{width}d}"
    return rows
