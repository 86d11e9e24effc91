"""Excel workbooks: the seed as an .xlsx export, its date cells as Excel keeps them; groups by a column."""
from __future__ import annotations

import pytest

import corpus_lib as cl
import seed_files
from test_csv import assert_loads_as_the_export


def test_the_seed_as_an_xlsx_export_loads_as_its_seven_documents(tmp_path, records, expected_table, capsys):
    docs = cl.load_corpus(seed_files.write_xlsx(tmp_path / "export.xlsx", records))
    assert_loads_as_the_export(docs, expected_table, "export.xlsx")
    assert docs.loc[0, "发布时间"] == "2020-03-15 20:05:00"  # a real date cell, kept as ISO text
    assert capsys.readouterr().err == ""                     # one sheet, no empty rows: nothing to say


def test_a_column_of_the_export_groups_the_documents(tmp_path, records):
    from corpus_lib.grouping import choose_grouping, document_groups

    docs = cl.load_corpus(seed_files.write_xlsx(tmp_path / "export.xlsx", records))
    assert choose_grouping(docs, "来源") == "来源"
    assert document_groups(docs, "来源").tolist() == [record["来源"] or "（未署名）" for record in records]


def test_only_the_first_sheet_is_read_and_the_others_are_named(tmp_path, capsys):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["标题", "正文"])
    workbook.active.append(["团市委开展志愿服务", "团市委组织青年志愿者服务社区。"])
    workbook.active.append([None, None])  # trailing empty rows, as Excel leaves them: not rows
    workbook.create_sheet("说明").append(["导出于2020年3月1日"])
    workbook.create_sheet("空表")
    workbook.save(tmp_path / "x.xlsx")
    docs = cl.load_corpus(tmp_path / "x.xlsx")
    assert docs["title"].tolist() == ["团市委开展志愿服务"]
    assert capsys.readouterr().err.splitlines() == [
        "note: read the first sheet only of 1 workbook(s); other sheets: x.xlsx (说明)"]


def test_a_damaged_workbook_fails_in_one_line(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(cl.CorpusError, match=r"^x\.xlsx: not a readable \.xlsx file"):
        cl.load_corpus(tmp_path / "x.xlsx")
