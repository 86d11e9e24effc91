"""Reader for CSV and TSV tables: one document a row (see ``table`` for the columns).

The file streams: its encoding is found in a first pass over 1 MB chunks (``text.sniff_encoding``), then
its rows are read one at a time, so a 100,000-row export never sits in memory as bytes or as one string.
A ``.csv`` may be separated by commas, tabs, semicolons or ``|`` (whichever its header line holds most of).
"""
from __future__ import annotations

import csv
import io
import itertools

from ...errors import CorpusError
from .base import ReadOptions, Source
from .table import table_documents, unique_headers
from .text import sniff_encoding

SUFFIXES = (".csv", ".tsv")
DELIMITERS = (",", "\t", ";", "|")
FIELD_SIZE_LIMIT = 2**31 - 1  # a long article is one cell; csv's default stops at 131,072 characters


def sniff_delimiter(line: str) -> str:
    """The delimiter a header line holds most of, outside quotes (a comma when it holds none).

    >>> sniff_delimiter('标题;正文;"日期,时间"'), sniff_delimiter("标题")
    (';', ',')
    """
    outside = "".join(part for index, part in enumerate(line.split('"')) if index % 2 == 0)
    counts = [(outside.count(delimiter), -rank, delimiter) for rank, delimiter in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


def read(source: Source, options: ReadOptions):
    encoding = sniff_encoding(source)
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    with source.open() as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as stream:
        first = stream.readline()
        while first and not first.strip():
            first = stream.readline()
        if not first:
            raise CorpusError(f"{source.name}: the file is empty")
        delimiter = "\t" if source.suffix == ".tsv" else sniff_delimiter(first)
        rows = csv.reader(itertools.chain([first], stream), delimiter=delimiter)
        try:
            headers = unique_headers(next(rows))
            records = ((number, dict(zip(headers, row))) for number, row in enumerate(rows, start=2) if row)
            yield from table_documents(source, headers, records, options)
        except csv.Error as error:
            raise CorpusError(f"{source.name}: cannot read it as CSV ({error})") from None
