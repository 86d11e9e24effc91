"""CSV and TSV: the seed as an export loads as the same 7 documents, in the encodings Excel and scrapers write."""
from __future__ import annotations

import pandas as pd
import pytest

import corpus_lib as cl
import seed_files


def assert_loads_as_the_export(docs, expected, name):
    assert docs["doc_id"].tolist() == [f"d0{i}" for i in range(1, 8)]
    assert docs["source"].tolist() == [f"{name}:{row}" for row in range(2, 9)]  # the header is row 1
    for row, want in zip(docs.itertuples(), expected):
        assert row.text == want["text"]
        assert row.title == want["title"]
        assert (row.issuer if isinstance(row.issuer, str) else None) == want["issuer"]
        assert row.date == pd.Timestamp(want["day"]) and row.date_source == "explicit"
        assert row.genre == want["genre"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-8"])
def test_the_seed_as_a_csv_export_loads_as_its_seven_documents(tmp_path, records, expected_table, encoding):
    path = seed_files.write_csv(tmp_path / "export.csv", records, encoding)
    docs = cl.load_corpus(path)
    assert_loads_as_the_export(docs, expected_table, "export.csv")
    assert docs["栏目"].tolist() == [record["栏目"] for record in records]
    assert docs["url"].tolist() == [record["链接"] for record in records] == docs["链接"].tolist()
    assert docs.loc[1, "date_note"] == "表格的“发布时间”列 the table's 发布时间 column"


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path, records, expected_table):
    header = "\t".join(seed_files.HEADER)
    lines = ["\t".join('"' + record[column].replace('"', '""') + '"' for column in seed_files.HEADER) for record in records]
    (tmp_path / "export.tsv").write_bytes(("\r\n".join([header, *lines]) + "\r\n").encode("utf-16"))
    assert_loads_as_the_export(cl.load_corpus(tmp_path / "export.tsv"), expected_table, "export.tsv")


def test_semicolons_quoted_newlines_and_a_very_long_cell(tmp_path):
    long_text = "青年突击队坚守一线。" * 20_000  # 200,000 characters: past csv's default field limit
    (tmp_path / "x.csv").write_text(f'标题;正文\n"第一篇";"第一段，有逗号。\n第二段。"\n第二篇;{long_text}\n', encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "x.csv")
    assert docs["text"].tolist() == ["第一段，有逗号。\n第二段。", long_text]
    assert docs["title"].tolist() == ["第一篇", "第二篇"]


@pytest.mark.parametrize("content,message", [
    (b"", "x.csv: the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8, "x.csv: not a text file"),
    ("标题,日期,来源\n甲,2020-03-01,团市委\n".encode("utf-8"), "x.csv: no text column among its columns 标题, 日期, 来源;"),
])
def test_bad_tables_fail_in_one_line(tmp_path, content, message):
    (tmp_path / "x.csv").write_bytes(content)
    with pytest.raises(cl.CorpusError) as error:
        cl.load_corpus(tmp_path / "x.csv")
    assert message in str(error.value) and "\n" not in str(error.value)


def test_the_command_line_refuses_a_table_without_a_text_column_with_exit_code_2(tmp_path):
    import subprocess
    import sys

    (tmp_path / "export.csv").write_text("标题,日期,来源,摘要\n甲,2020-03-01,团市委,简介\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "corpus_lib", "docs", "--corpus", str(tmp_path / "export.csv")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "error: export.csv: no text column among its columns 标题, 日期, 来源, 摘要; name it with --columns "
        "text=COLUMN (recognised: 正文, 内容, 全文, 文本, 原文, 文章内容, 正文内容, text, content, body, article, fulltext)"]


def test_the_command_line_takes_the_columns(tmp_path, capsys):
    import json

    from corpus_lib.app.cli import main

    (tmp_path / "export.csv").write_text("题目,时间,摘要\n团市委开展志愿服务,2020-03-01,团市委组织青年志愿者服务社区。\n",
                                         encoding="utf-8")
    assert main(["docs", "--corpus", str(tmp_path / "export.csv"), "--columns", "text=摘要", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)[0]
    assert (record["title"], record["date"]) == ("团市委开展志愿服务", "2020-03-01")
    assert main(["docs", "--corpus", str(tmp_path / "export.csv"), "--columns", "body=摘要"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "error: --columns body=…: the fields are text, title, date, issuer, author, url (e.g. --columns text=正文,title=标题)"]
