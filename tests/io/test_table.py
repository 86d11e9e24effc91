"""Tables: which column is which, date cells, and what is skipped (said in one line, never silently)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib.io.readers.table import match_columns, parse_columns, parse_date_cell, unique_headers


@pytest.mark.parametrize("headers,expected", [
    (["标题", "日期", "来源", "正文"], {"text": "正文", "title": "标题", "date": "日期", "issuer": "来源"}),
    # a WeChat exporter's header (../shared/FIELD_NOTES.md, "Export shapes")
    (["公众号", "链接", "标题", "摘要", "发布时间", "阅读", "点赞", "作者", "是否原创", "文章内容"],
     {"text": "文章内容", "title": "标题", "date": "发布时间", "issuer": "公众号", "author": "作者", "url": "链接"}),
    # case, spaces and underscores do not matter
    (["Title", "Publish Time", "CONTENT", "media", "full_text_url"], {"text": "CONTENT", "title": "Title",
                                                                       "date": "Publish Time", "issuer": "media"}),
    # of two names for one field the more specific wins, wherever it stands
    (["内容", "时间", "正文", "发布时间"], {"text": "正文", "date": "发布时间"}),
    # a CNKI-style header matches on either part
    (["Title-题名", "Source-刊名", "PubTime-出版时间", "全文"], {"text": "全文", "title": "Title-题名",
                                                             "issuer": "Source-刊名", "date": "PubTime-出版时间"}),
])
def test_columns_are_recognised_from_the_header(headers, expected):
    found = match_columns(headers, {}, name="x.csv")
    assert {field: getattr(found, field) for field in ("text", "title", "date", "issuer", "author", "url")
            if getattr(found, field)} == expected


def test_a_table_without_a_text_column_is_refused_in_one_line_naming_its_columns():
    # CNKI E-Study exports carry the abstract, not the text
    with pytest.raises(cl.CorpusError) as error:
        match_columns(["Title-题名", "Author-作者", "Summary-摘要"], {}, name="cnki.csv")
    message = str(error.value)
    assert message.startswith("cnki.csv: no text column among its columns Title-题名, Author-作者, Summary-摘要; ")
    assert "--columns text=COLUMN" in message and "\n" not in message


def test_columns_named_by_the_user_win_and_an_empty_one_switches_a_field_off():
    found = match_columns(["摘要", "正文", "标题", "时间"], parse_columns("text=摘要,date="), name="x.csv")
    assert (found.text, found.title, found.date) == ("摘要", "标题", None)
    assert match_columns(["Body Text"], parse_columns({"text": "body text"}), name="x.csv").text == "Body Text"
    with pytest.raises(cl.CorpusError, match=r"x\.csv: --columns title=题目: no such column; its columns are 摘要, 正文"):
        match_columns(["摘要", "正文"], parse_columns("title=题目"), name="x.csv")


@pytest.mark.parametrize("value,message", [("body=正文", "the fields are text, title, date"), ("正文", "the fields are")])
def test_an_unknown_field_is_refused(value, message):
    with pytest.raises(cl.CorpusError, match=message):
        parse_columns(value)


def test_header_cells_become_unique_names():
    assert unique_headers(["备注", None, " 备注 ", "正文"]) == ["备注", "column_2", "备注_2", "正文"]


@pytest.mark.parametrize("value,expected", [
    ("2020-03-02", date(2020, 3, 2)), ("2020/3/2 8:05", date(2020, 3, 2)), ("2020.03.02", date(2020, 3, 2)),
    ("2020年3月2日", date(2020, 3, 2)), ("2020年3月2日 08:15:30", date(2020, 3, 2)), ("20200302", date(2020, 3, 2)),
    ("2020-03-02T08:15:00+08:00", date(2020, 3, 2)), ("2020-03-02T00:15:00.000Z", date(2020, 3, 2)),
    # Unix time, read in China Standard Time: 1583107200 is 2020-03-02 08:00 in Beijing (00:00 UTC)
    (1583107200, date(2020, 3, 2)), ("1583107200000", date(2020, 3, 2)),
    ("下周一", None), ("2020-13-45", None), ("12345", None),
])
def test_date_cells_with_or_without_a_time_of_day(value, expected):
    assert parse_date_cell(value) == expected


def test_empty_text_rows_and_unreadable_dates_are_said_in_one_line_each(tmp_path, capsys):
    (tmp_path / "x.csv").write_text("标题,日期,正文\n"
                                    "甲,2020-03-01,团市委开展志愿服务。\n"      # row 2
                                    "乙,2020-03-02,\n"                        # row 3: no text
                                    "丙,下周一,青年突击队出发。\n"              # row 4: a date that is none
                                    ",,\n", encoding="utf-8")                # row 5: nothing at all, not a row
    docs = cl.load_corpus(tmp_path / "x.csv")
    assert docs["title"].tolist() == ["甲", "丙"] and docs["source"].tolist() == ["x.csv:2", "x.csv:4"]
    assert docs.loc[0, "date"] == pd.Timestamp("2020-03-01") and docs.loc[0, "date_source"] == "explicit"
    assert pd.isna(docs.loc[1, "date"])  # read from the text, which states none
    assert capsys.readouterr().err.splitlines() == [
        "note: skipped 1 table row(s) with an empty text cell: x.csv row 3",
        "note: 1 date cell(s) could not be read, so those dates come from the text: x.csv row 4 '下周一'",
    ]


def test_a_table_with_no_rows_of_text_has_no_documents(tmp_path):
    (tmp_path / "x.csv").write_text("标题,正文\n甲,\n", encoding="utf-8")
    with pytest.raises(cl.CorpusError) as error:
        cl.load_corpus(tmp_path / "x.csv")
    assert str(error.value) == (f"{tmp_path / 'x.csv'}: no documents to read "
                                "(skipped 1 table row(s) with an empty text cell: x.csv row 2)")


def test_other_columns_become_document_columns_and_clashing_names_are_prefixed(tmp_path):
    (tmp_path / "x.csv").write_text("正文,source,genre,folder,栏目,作者\n"
                                    "团市委开展志愿服务。,中国青年网,通讯,A,团情,张华\n", encoding="utf-8")
    row = cl.load_corpus(tmp_path / "x.csv").loc[0]
    assert row["issuer"] == "中国青年网"                     # source names the issuer
    assert (row["table_source"], row["table_genre"], row["table_folder"]) == ("中国青年网", "通讯", "A")
    assert row["genre"] in ("news", "notice", "other", "letter", "speech") and row["source"] == "x.csv:2"
    assert (row["栏目"], row["作者"], row["author"]) == ("团情", "张华", "张华")


def test_a_title_column_is_what_the_genre_cues_read(tmp_path):
    # The text alone (two requests) is not a notice; the title that the table gives says it is one.
    (tmp_path / "x.csv").write_text("标题,正文\n关于报送材料的通知,各区团委：\n", encoding="utf-8")
    (tmp_path / "y.csv").write_text("正文\n各区团委：\n", encoding="utf-8")
    titled, untitled = cl.load_corpus(tmp_path / "x.csv").loc[0], cl.load_corpus(tmp_path / "y.csv").loc[0]
    assert titled["title"] == "关于报送材料的通知" and "标题:通知" in titled["genre_cues"]
    assert "标题:通知" not in untitled["genre_cues"]
