"""Clean stage: str -> str, and sentences with their offsets."""
from __future__ import annotations

import pytest

import corpus_lib as cl
from corpus_lib import clean


@pytest.mark.parametrize("raw, expected", [
    ("[bookmark: _Toc33729744]全体“90后”党员", "全体“90后”党员"),
    ("团各区委\u200b\ufeff", "团各区委"),
    ("没有任何标记", "没有任何标记"),
])
def test_strip_artifacts(raw, expected):
    assert clean.strip_artifacts(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("\u3000\u3000疫情防控\u3000青春建功 ", "疫情防控 青春建功"),
    ("青年\u00a0\u00a0突击队", "青年 突击队"),
    ("a\tb", "a b"),
])
def test_normalize_spaces(raw, expected):
    assert clean.normalize_spaces(raw) == expected


def test_clean_text_drops_blank_lines_and_joins_crlf():
    assert clean.clean_text("标题\r\n\r\n\u3000正文。\r\n  \r\n落款") == "标题\n正文。\n落款"


def test_to_simplified():
    assert clean.to_simplified("團中央號召青年們") == "团中央号召青年们"


@pytest.mark.parametrize("text,expected", [
    ("来信收悉。在新冠肺炎疫情防控斗争中，你们冲锋在前！", ["来信收悉。", "在新冠肺炎疫情防控斗争中，你们冲锋在前！"]),
    ("“总书记的回信深深感染着我。”樊静妤是队员。", ["“总书记的回信深深感染着我。”樊静妤是队员。"]),
    ("他说：“我很荣幸。用行动书写使命。”随后出发。好吗？好", ["他说：“我很荣幸。用行动书写使命。”随后出发。", "好吗？", "好"]),
    ("一要狠抓落实……二要改进作风。", ["一要狠抓落实……", "二要改进作风。"]),
    ("第一行\n第二行。", ["第一行", "第二行。"]),
])
def test_split_sentences(text, expected):
    assert cl.split_sentences(text) == expected


def test_sentence_spans_give_offsets_into_the_text():
    text = "他说：“我很荣幸。”随后出发。\n第二段。"
    spans = clean.sentence_spans(text)
    assert [sentence for _, _, sentence in spans] == ["他说：“我很荣幸。”随后出发。", "第二段。"]
    assert all(text[start:end] == sentence for start, end, sentence in spans)
    assert clean.sentence_at(spans, text.index("随后")) == "他说：“我很荣幸。”随后出发。"
    assert clean.sentence_at(spans, text.index("第二段")) == "第二段。"
    assert clean.sentence_at(spans, len(text) + 5) == ""
