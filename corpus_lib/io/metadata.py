"""``metadata.csv``: a folder's own titles, issuers, dates and genres, and columns of the user's own.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..describe.genre import GENRES
from ..errors import CorpusError
from .readers.base import Source
from .readers.table import parse_date_cell
from .readers.text import decode_bytes

METADATA_FIELDS = ("file", "title", "issuer", "date", "genre")


def apply_metadata(table: pd.DataFrame, csv_path: Path | Source) -> pd.DataFrame:
    """Override inferred fields with ``metadata.csv`` (``file,title,issuer,date,genre``; a file on disk or in a
    ZIP, in any encoding the readers read). Any other column (``outlet``, ``region`` …) is added to the
    documents table as text (empty cells: None), so notebooks can group by it (``GROUP_BY``); a column the
    documents table computes itself (``text``, ``source`` …) is refused."""
    try:
        text = decode_bytes(csv_path.read_bytes(), name=csv_path.name)
        meta = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise CorpusError(f"{csv_path.name}: cannot read it as CSV ({type(error).__name__})") from None
    if "file" not in meta.columns:
        raise CorpusError(f"{csv_path.name}: needs a 'file' column (file,title,issuer,date,genre)")
    meta.columns = [str(column).strip() for column in meta.columns]
    extra = [column for column in meta.columns if column not in METADATA_FIELDS]
    computed = [column for column in extra if column in table.columns]
    if computed:
        raise CorpusError(f"{csv_path.name}: column {computed[0]!r} is computed from the text; metadata.csv sets "
                          f"{', '.join(METADATA_FIELDS[1:])} and columns of your own")
    table = table.copy()
    for column in extra:  # columns of your own (outlet, region …): kept, and usable as GROUP_BY
        table[column] = None
    for index, record in meta.iterrows():
        line = index + 2  # the header is line 1
        matches = table.index[table["source"] == record["file"].strip()]
        if len(matches) == 0:
            raise CorpusError(f"{csv_path.name}: line {line}: no document file named {record['file']!r}")
        for column in ("title", "issuer", "genre"):
            value = record.get(column, "").strip()
            if value:
                if column == "genre" and value not in GENRES:
                    raise CorpusError(f"{csv_path.name}: line {line}: genre {value!r} is not one of {', '.join(GENRES)}")
                table.loc[matches, column] = value
        for column in extra:
            value = str(record.get(column, "")).strip()
            table.loc[matches, column] = value or None
        value = record.get("date", "").strip()
        if value:
            table.loc[matches, ["date", "date_source", "date_note"]] = [
                _parse_metadata_date(value, f"{csv_path.name}: line {line}"), "explicit", "metadata.csv"]
    table["date"] = pd.to_datetime(table["date"])
    return table


def _parse_metadata_date(value: str, where: str) -> pd.Timestamp:
    """A metadata.csv date: 2020-03-02, 2020/3/2, 2020.03.02, 2020年3月2日, 20200302, with or without a time
    (the rules of a table's date cells, ``readers.table.parse_date_cell``)."""
    parsed = parse_date_cell(value)
    if parsed is None:
        raise CorpusError(f"{where}: cannot parse date {value!r} (use YYYY-MM-DD)")
    return pd.Timestamp(parsed)
