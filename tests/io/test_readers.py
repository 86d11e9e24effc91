"""The readers' registry and the folders they read: one module per format, found by itself."""
from __future__ import annotations

import pytest

import corpus_lib as cl
from corpus_lib.io import readers


def test_every_suffix_has_exactly_one_reader():
    names = {suffix: module.__name__.rsplit(".", 1)[1] for suffix, module in readers.registry().items()}
    assert names == {".txt": "text", ".md": "text", ".docx": "docx", ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx",
                     ".xlsm": "xlsx", ".json": "json", ".jsonl": "json", ".ndjson": "json", ".html": "html",
                     ".htm": "html", ".pdf": "pdf", ".zip": "zip"}


def test_a_new_format_is_one_new_module(tmp_path, monkeypatch):
    (tmp_path / "rot.py").write_text(
        '"""A toy format: the text written backwards."""\n'
        "from corpus_lib.io.readers.base import Document\n"
        "SUFFIXES = ('.rot',)\n"
        "def read(source, options):\n"
        "    yield Document(source.name, source.read_bytes().decode('utf-8')[::-1])\n", encoding="utf-8")
    monkeypatch.setattr(readers, "__path__", [*readers.__path__, str(tmp_path)])
    readers.registry.cache_clear()
    try:
        (tmp_path / "corpus").mkdir()
        (tmp_path / "corpus" / "a.rot").write_text("。文正\n题标", encoding="utf-8")
        assert cl.load_corpus(tmp_path / "corpus").loc[0, "text"] == "标题\n正文。"
    finally:
        monkeypatch.undo()
        readers.registry.cache_clear()


def test_a_folder_is_read_recursively_with_its_sub_paths_as_a_column(tmp_path, capsys):
    for name in ["2021/人民日报/x.txt", "2021/人民日报/y.txt", "2020/z.txt", "top.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}的标题\n正文。", encoding="utf-8")
    for skipped in [".git/config.txt", "~$草稿.docx", "sub/.hidden.txt"]:
        (tmp_path / skipped).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / skipped).write_bytes(b"\x00")
    (tmp_path / "2020" / "旧稿.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "2020" / "metadata.csv").write_text("file,title\nz.txt,别的\n", encoding="utf-8")
    docs = cl.load_corpus(tmp_path)
    assert docs["source"].tolist() == ["2020/z.txt", "2021/人民日报/x.txt", "2021/人民日报/y.txt", "top.txt"]
    assert docs["folder"].tolist() == ["2020", "2021/人民日报", "2021/人民日报", None]
    assert docs["title"].tolist()[0] == "2020/z.txt的标题"  # a metadata.csv below the top is not metadata
    assert capsys.readouterr().err.splitlines() == [
        "note: ignored 2 file(s) in formats it does not read: 2020/metadata.csv, 2020/旧稿.doc"]


def test_a_corpus_of_one_file_of_another_suffix_is_read_as_text(tmp_path):
    (tmp_path / "README").write_text("第一篇\n正文一。\n---\n第二篇\n正文二。", encoding="utf-8")
    assert cl.load_corpus(tmp_path / "README")["text"].tolist() == ["第一篇\n正文一。", "第二篇\n正文二。"]


def test_run_takes_the_columns_once(tmp_path):
    from types import SimpleNamespace

    from corpus_lib.app.runner import corpus_columns

    assert corpus_columns(SimpleNamespace(columns=["text=摘要", "title=题目"]), {}) == {"text": "摘要", "title": "题目"}
    assert corpus_columns(SimpleNamespace(columns=None), {"CORPUS_COLUMNS": "text=摘要"}) == {"text": "摘要"}
    with pytest.raises(cl.CorpusError, match="name the columns once"):
        corpus_columns(SimpleNamespace(columns=["text=摘要"]), {"CORPUS_COLUMNS": {"text": "正文"}})


def test_in_a_folder_a_table_without_a_text_column_is_skipped_and_named(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("团市委开展志愿服务\n团市委组织青年志愿者服务社区。", encoding="utf-8")
    (tmp_path / "gold.tsv").write_text("file\tkind\tvalue\na.txt\ttitle\t团市委开展志愿服务\n", encoding="utf-8")
    assert cl.load_corpus(tmp_path)["source"].tolist() == ["a.txt"]
    assert capsys.readouterr().err.splitlines() == [
        "note: skipped 1 table(s) without a text column (name it with --columns text=COLUMN): gold.tsv (file, kind, value)"]
    (tmp_path / "a.txt").unlink()
    with pytest.raises(cl.CorpusError) as error:  # nothing else to read: one line, naming its columns
        cl.load_corpus(tmp_path)
    assert str(error.value).endswith("no documents to read (skipped 1 table(s) without a text column (name it with "
                                     "--columns text=COLUMN): gold.tsv (file, kind, value))")
