"""The one place that writes figures and tables, atomically.

Files are named ``<notebook-stem>-<name>.<ext>``; ``notebook.setup_notebook`` sets the stem.
Output is deterministic: no creation dates or software versions in the files.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pandas as pd

from . import paths
from .errors import CorpusError

FORMATS = ("png", "svg", "pdf")
# Metadata keys that would otherwise hold a date or a version and change every run.
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
            "pdf": {"CreationDate": None, "Creator": None, "Producer": None}}
_prefix = {"stem": None}


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


def save_figure(fig, name: str, formats: tuple[str, ...] | None = None) -> list[Path]:
    """Write ``fig`` as ``<stem>-<name>.png/.svg/.pdf`` into the figures folder."""
    formats = formats or formats_from_env()
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise CorpusError(f"unknown figure format {', '.join(unknown)}; use png, svg or pdf")
    folder = paths.figures_dir()
    return [write_atomic(_target(folder, name, ext),
                    lambda tmp, ext=ext: fig.savefig(tmp, format=ext, metadata=METADATA[ext]))
            for ext in formats]


def save_table(table: pd.DataFrame, name: str) -> Path:
    """Write ``table`` as UTF-8 CSV with a BOM (so Excel shows the Chinese) into the tables folder."""
    target = _target(paths.tables_dir(), name, "csv")
    return write_atomic(target, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8-sig"))
