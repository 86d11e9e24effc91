"""JSON and JSON lines: a scraper's records (English keys, a text as a list of paragraphs, Unix times)."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import corpus_lib as cl
import seed_files


def test_the_seed_as_json_lines_loads_as_its_seven_documents(tmp_path, records, expected_table):
    docs = cl.load_corpus(seed_files.write_jsonl(tmp_path / "export.jsonl", records))
    assert docs["source"].tolist() == [f"export.jsonl:{line}" for line in range(1, 8)]
    for row, want in zip(docs.itertuples(), expected_table):
        assert (row.text, row.title, row.genre) == (want["text"], want["title"], want["genre"])
        assert (row.issuer if isinstance(row.issuer, str) else None) == want["issuer"]
        assert row.date == pd.Timestamp(want["day"])
    assert docs["channel"].tolist() == [record["栏目"] for record in records]
    assert docs["media"].tolist() == [record["来源"] or None for record in records]


@pytest.mark.parametrize("wrap", [lambda items: items, lambda items: {"total": 2, "data": items}])
def test_a_json_list_of_records_or_one_wrapped_in_an_object(tmp_path, wrap):
    items = [{"id": 7, "title": "团市委开展志愿服务", "publish_time": 1583107200, "content": "团市委组织青年志愿者服务社区。"},
             {"id": 8, "title": "青年突击队出发", "publish_time": 1583193600, "content": ["第一段。", "第二段。"]}]
    (tmp_path / "x.json").write_text(json.dumps(wrap(items), ensure_ascii=False), encoding="utf-8")
    docs = cl.load_corpus(tmp_path / "x.json")
    assert docs["text"].tolist() == ["团市委组织青年志愿者服务社区。", "第一段。\n第二段。"]
    assert docs["date"].tolist() == [pd.Timestamp("2020-03-02"), pd.Timestamp("2020-03-03")]  # Beijing time
    assert docs["id"].tolist() == ["7", "8"] and docs["source"].tolist() == ["x.json:1", "x.json:2"]


@pytest.mark.parametrize("name,content,message", [
    ("x.jsonl", '{"content": "第一篇。"}\n{"content": "第二篇。"\n', "x.jsonl: line 2: not valid JSON"),
    ("x.jsonl", '{"content": "第一篇。"}\n["不是对象"]\n', "x.jsonl: line 2: not a JSON object"),
    ("x.json", '{"content": 1', "x.json: not valid JSON"),
    ("x.json", '[1, 2]', "x.json: not a list of records"),
    ("x.json", '[{"标题": "甲", "摘要": "乙"}]', "x.json: no text column among its columns 标题, 摘要;"),
])
def test_bad_json_fails_in_one_line(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(cl.CorpusError) as error:
        cl.load_corpus(tmp_path / name)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_json_lines_saved_as_json_are_read_as_lines(tmp_path):
    (tmp_path / "x.json").write_text('{"text": "第一篇。"}\n{"text": "第二篇。"}\n', encoding="gb18030")
    assert cl.load_corpus(tmp_path / "x.json")["text"].tolist() == ["第一篇。", "第二篇。"]
