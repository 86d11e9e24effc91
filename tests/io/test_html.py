"""Web pages: the seed as 7 news pages with site chrome loads as the same documents, chrome gone."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_lib as cl

# Words that stand only in the chrome the pages are wrapped in (tests/io/seed_files.py, ``page``).
CHROME = ["首页", "当前位置", "责任编辑", "字体", "分享到", "上一篇", "相关新闻", "版权所有", "ICP备", "公网安备",
          "打印本页", "返回顶部", "青年时报网"]


def test_seven_pages_load_as_the_seed_with_the_chrome_gone(seed_pages, seed_docs):
    folder, expected = seed_pages
    docs = cl.load_corpus(folder)
    assert docs["source"].tolist() == [f"{doc_id}.html" for doc_id in seed_docs["doc_id"]]
    for row, want, seed in zip(docs.itertuples(), expected, seed_docs.itertuples()):
        assert row.text == want["text"]                     # the headline as its first line, then the paragraphs
        assert row.title == want["title"]
        assert row.date == pd.Timestamp(want["day"])
        assert row.genre == seed.genre
        assert not [word for word in CHROME if word in row.text]


def test_the_date_comes_from_the_metadata_else_the_dateline_else_the_text(seed_pages):
    notes = cl.load_corpus(seed_pages[0]).set_index("source")["date_note"]
    assert notes["d01.html"] == "网页元数据 the page's metadata"
    assert notes["d02.html"] == "网页日期行 the page's dateline"    # 2020年03月16日 09:30, above the text
    assert notes["d06.html"] == "文中标明的日期 stated in the text"  # the page states none: the signature's


@pytest.mark.parametrize("head,heading,title", [
    ("<title>团市委开展志愿服务_团情快讯_共青团某市委</title>", "", "团市委开展志愿服务"),
    ("<title>团市委开展志愿服务 - 共青团某市委</title>", "<h1><a href='/'><img alt='共青团某市委'></a></h1>", "团市委开展志愿服务"),
    ("<title>共青团某市委</title><meta property='og:site_name' content='共青团某市委'>", "<h1>团市委开展志愿服务</h1>",
     "团市委开展志愿服务"),
])
def test_the_title_is_the_headline_without_the_site_name(tmp_path, head, heading, title):
    body = "".join(f"<p>{line}</p>" for line in ["3月1日，团市委组织200余名青年志愿者深入社区，协助开展疫情防控工作，为居民测量体温、登记信息。",
                                                 "志愿者孙悦表示，能为社区出一份力感到很自豪，今后将继续参加志愿服务。"])
    (tmp_path / "x.html").write_text(f"<html><head><meta charset='utf-8'>{head}</head><body>"
                                     f"<div class='nav'><a href='/'>首页</a></div><div class='main'>{heading}{body}</div>"
                                     "</body></html>", encoding="utf-8")
    row = cl.load_corpus(tmp_path / "x.html").loc[0]
    assert row["title"] == title and row["text"].split("\n")[0] == title


def test_a_gbk_page_is_decoded_by_its_meta_charset(tmp_path):
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>青年突击队在行动</title>"
            "<meta name='PubDate' content='2020-03-02 08:15'></head><body><div class='TRS_Editor'>"
            "<p>3月1日，记者从共青团湖北省委了解到，全省已组建青年突击队1200余支，投身疫情防控一线。</p>"
            "<p>“我们每天工作十几个小时。”青年突击队队长王力说，队员们都是自愿报名的。</p></div></body></html>")
    (tmp_path / "x.htm").write_bytes(html.encode("gbk"))
    row = cl.load_corpus(tmp_path / "x.htm").loc[0]
    assert row["text"].startswith("青年突击队在行动\n3月1日，记者从共青团湖北省委了解到")
    assert row["date"] == pd.Timestamp("2020-03-02") and row["date_note"] == "网页元数据 the page's metadata"


def test_a_page_without_a_main_text_is_skipped_and_named(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><div class='nav'><a href='/'>首页</a></div></body></html>", encoding="utf-8")
    assert cl.load_corpus(tmp_path)["source"].tolist() == ["a.txt"]
    assert capsys.readouterr().err.splitlines() == ["note: skipped 1 web page(s) without a main text: b.html"]


def test_a_run_loads_once_and_its_kernels_read_that_table_with_its_notes(tmp_path, capsys, monkeypatch):
    """``run`` describes the corpus once (``shared_corpus``); a kernel's ``load_corpus`` of the same path and
    columns reads that table and says the same notes; another path or other columns are read from the files;
    the table is gone when the run is."""
    from corpus_lib.io.corpus import SHARED, shared_corpus

    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    (corpus / "b.html").write_text("<html><body><div class='nav'><a href='/'>首页</a></div></body></html>",
                                   encoding="utf-8")
    note = "note: skipped 1 web page(s) without a main text: b.html"
    with shared_corpus(corpus) as (docs, env):
        assert capsys.readouterr().err.splitlines() == [note]
        monkeypatch.setenv(SHARED, env[SHARED])
        (corpus / "a.txt").write_text("另一个标题\n文件变了，共享的表不变。", encoding="utf-8")  # the run's own table is read
        assert cl.load_corpus(corpus)["text"].tolist() == ["标题\n正文。"]
        assert capsys.readouterr().err.splitlines() == [note]
        assert cl.load_corpus(corpus, columns="title=题目")["text"].str.startswith("另一个标题").tolist() == [True]
        other = tmp_path / "other.txt"
        other.write_text("别的语料\n正文。", encoding="utf-8")
        assert cl.load_corpus(other)["text"].tolist() == ["别的语料\n正文。"]  # another path: its own files
    assert cl.load_corpus(corpus)["text"].str.startswith("另一个标题").tolist() == [True]  # the table is gone
    assert not Path(env[SHARED]).exists()


def test_a_cache_that_cannot_be_written_only_costs_the_kernels_their_shared_table(tmp_path, monkeypatch):
    from corpus_lib.io.corpus import shared_corpus

    (tmp_path / "blocked").write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "blocked" / "cache"))
    (tmp_path / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    with shared_corpus(tmp_path / "a.txt") as (docs, env):
        assert docs["text"].tolist() == ["标题\n正文。"] and env == {}
