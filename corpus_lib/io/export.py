"""The one place that writes figures and tables, atomically.

Files are named ``<notebook-stem>-<name>.<ext>``; ``notebook.setup_notebook`` sets the stem.
Output is deterministic: no creation dates or software versions in the files.
"""
from __future__ import annotations

import os
import re
import tempfile
import weakref
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .. import paths
from ..errors import CorpusError

FORMATS = ("png", "svg", "pdf")
# Metadata keys that would otherwise hold a date or a version and change every run.
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
            "pdf": {"CreationDate": None, "Creator": None, "Producer": None}}
# Every PNG stays pasteable into a report and small enough to embed, whatever the corpus size.
PNG_MAX_SIDE = 4000
PNG_MAX_BYTES = 3_000_000
_prefix = {"stem": None}
# Figure -> the file stem save_figure gave it, so a displayed figure can name its file (report.docx).
_saved_stems: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def set_file_prefix(stem: str | None) -> None:
    """Name the files ``save_figure``/``save_table`` write ``<stem>-<name>`` (a notebook's stem)."""
    _prefix["stem"] = stem


def safe_name(name: str, *, limit: int = 80) -> str:
    """A file-name part that cannot escape its folder or break on any OS.

    >>> safe_name("../通知: 第1号/附件")
    '通知-第1号-附件'
    """
    cleaned = re.sub(r'\s*[\\/:*?"<>|\x00-\x1f]+\s*', "-", name)
    cleaned = re.sub(r"\.{2,}", "", cleaned).strip(" .-")
    return cleaned[:limit].rstrip(" .-") or "untitled"


def formats_from_env() -> tuple[str, ...]:
    value = os.environ.get("CORPUS_LIB_FORMATS")
    return tuple(value.split(",")) if value else FORMATS


def _target(folder: Path, name: str, extension: str) -> Path:
    stem = _prefix["stem"]
    base = f"{stem}-{safe_name(name)}" if stem else safe_name(name)
    return folder / f"{base}.{extension}"


def write_atomic(path: Path, write) -> Path:
    """Call ``write(temporary_path)``, then move the file into place: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return path


def _write_png(fig, path: str) -> None:
    """Save a PNG no larger than ``PNG_MAX_SIDE`` pixels on its long side and ``PNG_MAX_BYTES`` on disk,
    whatever the corpus: a big figure is written at a lower resolution, never refused."""
    import matplotlib
    from PIL import Image

    dpi = matplotlib.rcParams["savefig.dpi"]
    dpi = float(fig.dpi if dpi == "figure" else dpi)  # "figure", matplotlib's default, until the style is applied
    for _ in range(8):
        fig.savefig(path, format="png", dpi=dpi, metadata=METADATA["png"])
        with Image.open(path) as image:
            long_side = max(image.size)
        size = os.path.getsize(path)
        if long_side <= PNG_MAX_SIDE and size <= PNG_MAX_BYTES:
            return
        dpi *= min(PNG_MAX_SIDE / long_side, (PNG_MAX_BYTES / size) ** 0.5, 1.0) * 0.95


def save_figure(fig, name: str, formats: tuple[str, ...] | None = None) -> list[Path]:
    """Write ``fig`` as ``<stem>-<name>.png/.svg/.pdf`` into the figures folder (PNGs bounded in size)."""
    formats = formats or formats_from_env()
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise CorpusError(f"unknown figure format {', '.join(unknown)}; use png, svg or pdf")
    folder = paths.figures_dir()
    _saved_stems[fig] = _target(folder, name, "png").stem
    return [write_atomic(_target(folder, name, ext),
                         lambda tmp, ext=ext: _write_png(fig, tmp) if ext == "png"
                         else fig.savefig(tmp, format=ext, metadata=METADATA[ext]))
            for ext in formats]


def saved_stem(fig) -> str | None:
    """The file stem ``save_figure`` last wrote ``fig`` under (``00_corpus_overview-lengths``), or None."""
    return _saved_stems.get(fig)


def save_table(table: pd.DataFrame | Iterable[pd.DataFrame], name: str) -> Path:
    """Write ``table`` as UTF-8 CSV with a BOM (so Excel shows the Chinese) into the tables folder.

    ``table`` may also be an iterable of frames with the same columns (``themes.term_counts_in_chunks``):
    they are written one after another under one header, the same bytes as their concatenation, so a
    table of millions of rows never needs to be one frame in memory.
    """
    target = _target(paths.tables_dir(), name, "csv")
    if isinstance(table, pd.DataFrame):
        return write_atomic(target, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8-sig"))
    return write_atomic(target, lambda tmp: _write_chunks(table, tmp))


def _write_chunks(chunks: Iterable[pd.DataFrame], path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        for number, chunk in enumerate(chunks):
            plain = _plain_csv(chunk)
            if plain is None:
                chunk.to_csv(handle, index=False, header=number == 0, lineterminator=os.linesep)
            else:
                if number == 0:
                    handle.write(",".join(chunk.columns) + os.linesep)
                handle.write(plain)


# A field with one of these is quoted by the CSV writer; a chunk that holds none is written by plain joins.
_QUOTED = re.compile('[,"\r\n]')


def _plain_csv(chunk: pd.DataFrame) -> str | None:
    """The body rows ``chunk.to_csv(index=False, header=False)`` writes, joined directly (several times faster on
    millions of rows), or None when the frame is not plain: two columns or more, named by strings, holding
    strings that need no quotes, integers, or 64-bit floats without NaN (written as pandas writes them, the shortest
    repr). Numbers go through Python's ``str``/``repr``, not ``astype(str)``: that makes a fixed-width array of the
    longest value (755 MB for a column of 5.9 million floats) and is four times slower."""
    if len(chunk.columns) < 2 or not all(isinstance(name, str) for name in chunk.columns) \
            or _QUOTED.search("".join(chunk.columns)):
        return None
    columns = []
    for name in chunk.columns:
        values = chunk[name].to_numpy()
        if values.dtype.kind in "iu":
            columns.append(list(map(str, values.tolist())))
        elif values.dtype == np.float64 and not pd.isna(values).any():
            columns.append(list(map(repr, values.tolist())))  # Python's shortest repr, numpy's and pandas' too
        elif values.dtype == object and all(type(value) is str for value in values) \
                and not _QUOTED.search("".join(values)):
            columns.append(values.tolist())
        else:
            return None
    body = os.linesep.join(map(",".join, zip(*columns)))
    return body + os.linesep if len(chunk) else ""
