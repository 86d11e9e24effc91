"""Load stage: files -> a documents DataFrame (one row per document).

A single file may hold several documents (the seed holds 7); a folder holds one
document per ``.txt``/``.md``/``.docx`` file, with an optional ``metadata.csv``.
Titles, issuers, dates and genres come from the text; ``metadata.csv`` overrides them.

Page furniture (mastheads, ``第A02版``, breadcrumbs, ``时间：… 来源：…`` lines, bylines, web
chrome) is never a title; the genre comes from the weighted cues of ``data/genre_cues.csv``
and the cues that fired are kept in ``genre_cues``.

Traditional characters: each document's ``script`` is detected (the share of its Han
characters that OpenCC t2s changes, ``clean.detect_script``). ``text`` is always the
**simplified view**, so every extractor reads simplified text, and every extracted field
(title, issuer, institutions, people …) is in simplified characters. ``original_text`` keeps
the document as written (the same string for a simplified document). The two have the same
length and line breaks (``clean.simplified_view``), so an offset found in ``text`` points at
the same words in ``original_text``: KWIC and quotes can show the original.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths, schema
from ..cache import doccache
from ..describe.document import _describe_file, _describe_text, resolve_dates
from ..errors import CorpusError
from .metadata import apply_metadata
from .readers.text import read_text
from .split import split_documents

TEXT_SUFFIXES = (".txt", ".md", ".docx")
COLUMNS = schema.columns("documents")


# ---------------------------------------------------------------- loading


def _documents_in_file(path: Path) -> list[tuple[str, list[str]]]:
    return [(path.name, lines) for lines in split_documents(read_text(path))]


def _documents_in_folder(folder: Path) -> list[tuple[str, str]]:
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
        and not any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
    )
    if not files:
        raise CorpusError(f"{folder}: no .txt, .md or .docx files in this folder")
    return [(file.relative_to(folder).as_posix(), read_text(file)) for file in files]  # cleaned when described


def load_corpus(path: str | Path | None = None, *, simplify: bool = False) -> pd.DataFrame:
    """Load a corpus file or folder into a documents table.

    Traditional-character documents are found by themselves (``script``); ``simplify=True``
    treats every document as one. See the module docstring for ``text`` and ``original_text``.

    >>> docs = load_corpus()
    >>> docs.loc[0, ["doc_id", "issuer", "genre", "script"]].tolist()
    ['d01', '习近平', 'letter', 'simplified']
    """
    path = Path(path) if path is not None else paths.corpus_path()
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():  # one document a file, described from the file's text as read (cleaning is cached too)
        documents, describe = _documents_in_folder(path), _describe_file
    else:
        documents, describe = [(source, "\n".join(lines)) for source, lines in _documents_in_file(path)], _describe_text
    described = doccache.cached_per_document(describe.__name__, describe, [text for _, text in documents],
                                             [simplify] * len(documents))
    rows = [row | {"source": source} for (source, _), row in zip(documents, described)]
    resolve_dates(rows)
    width = max(2, len(str(len(rows))))
    for number, row in enumerate(rows, start=1):
        row["doc_id"] = f"d{number:0{width}d}"
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["date"] = pd.to_datetime(table["date"])
    if path.is_dir() and (path / "metadata.csv").exists():
        table = apply_metadata(table, path / "metadata.csv")
    return table
