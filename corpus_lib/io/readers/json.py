"""Reader for JSON (.json: a list of records) and JSON lines (.jsonl, .ndjson: one record a line), one
document a record (see ``table``). A ``.json`` may also wrap its list in one object (``{"data": [...]}``).
A text given as a list of paragraphs becomes one paragraph a line. JSON lines stream; a ``.json`` file is
parsed whole, so keep very large exports as JSON lines.
"""
from __future__ import annotations

import io
import itertools
import json

from ...errors import CorpusError
from .base import ReadOptions, Source
from .table import table_documents
from .text import decode_bytes, sniff_encoding

SUFFIXES = (".json", ".jsonl", ".ndjson")
HEADER_RECORDS = 50  # the header is every key of the first 50 records, in order of first appearance


def _records_of(value, name: str) -> list[dict]:
    if isinstance(value, dict):
        lists = [item for item in value.values() if isinstance(item, list) and item and isinstance(item[0], dict)]
        value = lists[0] if lists else [value]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise CorpusError(f"{name}: not a list of records (write [{{\"正文\": …}}, …], or one object a line as .jsonl)")
    return value


def _lines(source: Source):
    """(line number, record) for every non-blank line, streamed."""
    encoding = sniff_encoding(source)
    with source.open() as raw, io.TextIOWrapper(raw, encoding=encoding) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise CorpusError(f"{source.name}: line {number}: not valid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise CorpusError(f"{source.name}: line {number}: not a JSON object (one record a line)")
            yield number, record


def _whole(source: Source):
    """("record", (record number, record) …) of a .json file, or ("line", …) for JSON lines saved as .json."""
    text = decode_bytes(source.read_bytes(), name=source.name)
    if not text.strip():
        raise CorpusError(f"{source.name}: the file is empty")
    try:
        records = _records_of(json.loads(text), source.name)
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":
            raise CorpusError(f"{source.name}: not valid JSON ({error.msg}, line {error.lineno})") from None
        return "line", _lines(source)
    return "record", enumerate(records, start=1)


def _headers(first: list[tuple[int, dict]]) -> list[str]:
    return list(dict.fromkeys(key for _, record in first for key in record))


def read(source: Source, options: ReadOptions):
    label, numbered = ("line", _lines(source)) if source.suffix in (".jsonl", ".ndjson") else _whole(source)
    first = list(itertools.islice(numbered, HEADER_RECORDS))
    yield from table_documents(source, _headers(first), itertools.chain(first, numbered), options, label=label)
