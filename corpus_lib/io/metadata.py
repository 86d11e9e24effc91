"""``metadata.csv``: a folder's own titles, issuers, dates and genres, and columns of the user's own.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..describe.genre import GENRES
from ..errors import CorpusError
from ..extract import dates

METADATA_FIELDS = ("file", "title", "issuer", "date", "genre")


def apply_metadata(table: pd.DataFrame, csv_path: Path) -> pd.DataFrame:
    """Override inferred fields with ``metadata.csv`` (``file,title,issuer,date,genre``). Any other column
    (``outlet``, ``region`` …) is added to the documents table as text (empty cells: None), so notebooks can
    group by it (``GROUP_BY``); a column the documents table computes itself (``text``, ``source`` …) is refused."""
    try:
        meta = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
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
    """A metadata.csv date: 2020-03-02, 2020/3/2, 2020.03.02, 2020年3月2日, 20200302, with or without a time."""
    value = re.sub(r"^(\d{4}-\d{2}-\d{2})T", r"\1 ", value)  # ISO 8601 with a time: 2020-03-02T08:15:00
    parsed = dates.parse_date_line(value)
    compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", value)
    if parsed is None and compact:
        parsed = dates.safe_date(*map(int, compact.groups()))
    if parsed is None:
        raise CorpusError(f"{where}: cannot parse date {value!r} (use YYYY-MM-DD)")
    return pd.Timestamp(parsed)
