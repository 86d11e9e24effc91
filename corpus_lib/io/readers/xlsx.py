"""Reader for Excel workbooks (.xlsx, .xlsm): one document a row of the first sheet (see ``table``).

The sheet is read row by row (openpyxl's read-only mode); the first row with any cell filled is the header.
Other sheets are not read, and a note says which. Excel itself keeps at most 32,767 characters in a cell.
"""
from __future__ import annotations

from zipfile import BadZipFile

from ...errors import CorpusError
from .base import ReadOptions, Source
from .table import table_documents, unique_headers

SUFFIXES = (".xlsx", ".xlsm")


def _open_workbook(source: Source):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(source.seekable(), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise CorpusError(f"{source.name}: not a readable .xlsx file ({type(error).__name__})") from None


def _header_and_rows(sheet):
    """(the header cells, the (row number, cells) after it)."""
    rows = sheet.iter_rows(values_only=True)
    for number, cells in enumerate(rows, start=1):
        if any(cell is not None and str(cell).strip() for cell in cells):
            return cells, ((later, cells) for later, cells in enumerate(rows, start=number + 1))
    return None, iter(())


def _has_cells(sheet, rows: int = 20) -> bool:
    return any(cell is not None for cells in sheet.iter_rows(max_row=rows, values_only=True) for cell in cells)


def _other_sheets(workbook) -> list[str]:
    """The names of the other sheets that hold anything (Excel's empty Sheet2 and Sheet3 are not worth a note)."""
    return [sheet.title for sheet in workbook.worksheets[1:] if _has_cells(sheet)]


def read(source: Source, options: ReadOptions):
    workbook = _open_workbook(source)
    try:
        sheet = workbook.worksheets[0]
        header, rows = _header_and_rows(sheet)
        if header is None:
            raise CorpusError(f"{source.name}: the first sheet ({sheet.title}) is empty")
        others = _other_sheets(workbook)
        if others:
            options.notes.add("other_sheets", f"{source.name} ({', '.join(others)})")
        headers = unique_headers(header)
        records = ((number, dict(zip(headers, cells))) for number, cells in rows)
        yield from table_documents(source, headers, records, options)
    finally:
        workbook.close()
