"""Clean stage: str -> str, sentences with their offsets, script detection and the simplified view."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_lib as cl
from corpus_lib.preprocessing import clean
from corpus_lib.preprocessing.script import detect_script, simplified_view, to_simplified, traditional_share


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


TRADITIONAL = "國務院聯防聯控機制發佈會上，團中央負責人介紹了青年志願者參與社區防控的情況。"
SIMPLIFIED = "国务院联防联控机制发布会上，团中央负责人介绍了青年志愿者参与社区防控的情况。"


@pytest.mark.parametrize("text, script", [
    (TRADITIONAL, "traditional"),
    (SIMPLIFIED, "simplified"),
    ("關於做好青年工作的通知", "traditional"),
    ("青年們的選擇", "traditional"),
    # a simplified story that quotes one traditional name stays simplified
    ("记者来到香港，走访了" + "九龍" + "一家社区中心，" + "志愿者们正在分装口罩和消毒液，准备送往附近的老人家中。" * 3, "simplified"),
    ("2020-03-02 08:15", "simplified"),              # no Han characters at all
    ("", "simplified"),
])
def test_detect_script(text, script):
    assert detect_script(text) == script


def test_traditional_share_counts_distinct_changed_han_characters_only():
    assert traditional_share("青年們") == pytest.approx(1 / 3)
    assert traditional_share("們們們青年") == pytest.approx(1 / 3)   # distinct characters
    assert traditional_share("ABC 123，。") == 0.0


def test_simplified_view_converts_and_keeps_every_offset():
    view = simplified_view(TRADITIONAL + "\n" + TRADITIONAL)
    assert view == SIMPLIFIED + "\n" + SIMPLIFIED
    assert len(view) == len(TRADITIONAL) * 2 + 1
    start = view.index("团中央")
    assert (TRADITIONAL + "\n" + TRADITIONAL)[start:start + 3] == "團中央"


def test_opencc_tables_map_every_entry_to_the_same_length():
    """The reason offsets survive t2s: no entry of the t2s tables changes the length."""
    import opencc

    folder = Path(opencc.__file__).with_name("dictionary")
    for name in ("TSPhrases.txt", "TSCharacters.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            source, _, targets = line.partition("\t")
            assert len(targets.split(" ")[0]) == len(source), (name, line)


def test_a_length_changing_conversion_falls_back_to_one_character_at_a_time(monkeypatch):
    # Pretend OpenCC turned 髮 into two characters: the view keeps its length and still converts the rest.
    real = to_simplified
    monkeypatch.setattr("corpus_lib.preprocessing.script.to_simplified", lambda text: real(text).replace("发", "头发") if "髮" in text else real(text))
    view = simplified_view("理髮後回來")
    assert view == "理髮后回来" and len(view) == 5


@pytest.mark.parametrize("written, expected", [
    ("他说:好!(记者 王一)", "他说：好！（记者 王一）"),                  # after Chinese, and a bracket pair around Chinese
    ("时间:2020-03-02 10:30", "时间：2020-03-02 10:30"),                 # 10:30 sits between two digits
    ("共3,000名青年报名,其中90后占一半", "共3,000名青年报名，其中90后占一半"),  # 3,000 is a number
    ("比分4:0, 我校夺冠", "比分4:0， 我校夺冠"),                          # the comma's nearest neighbour (a space skipped) is 我
    ("COVID-19(新冠)疫情", "COVID-19（新冠）疫情"),                       # what the brackets hold is Chinese
    ("(1)提高认识", "（1）提高认识"),                                       # a numbered point: Chinese right after
    ("见 https://a.cn/x?id=1,2 (Hello, world!)", "见 https://a.cn/x?id=1,2 (Hello, world!)"),  # URL and English kept
    ("（已是全角）", "（已是全角）"),
])
def test_half_width_punctuation_in_chinese_becomes_full_width(written, expected):
    assert clean.full_width_punctuation(written) == expected
    assert len(clean.full_width_punctuation(written)) == len(written)  # offsets stay


def test_half_width_and_full_width_copies_load_the_same(tmp_path):
    full = "关于举办青年志愿者培训的通知\n各学院团委：\n现将有关事项（报名、培训）通知如下：请于3月2日前报名！\n共青团某某大学委员会\n2021年3月1日"
    half = full.replace("：", ":").replace("（", "(").replace("）", ")").replace("！", "!")
    for name, text in (("full", full), ("half", half)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
    a, b = cl.load_corpus(tmp_path / "full"), cl.load_corpus(tmp_path / "half")
    assert a.loc[0, "text"] == b.loc[0, "text"] == full
    pd.testing.assert_frame_equal(a.drop(columns="source"), b.drop(columns="source"))
