"""corpus_lib.clean: script detection and the simplified view of traditional-character text."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus_lib import clean

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
    assert clean.detect_script(text) == script


def test_traditional_share_counts_distinct_changed_han_characters_only():
    assert clean.traditional_share("青年們") == pytest.approx(1 / 3)
    assert clean.traditional_share("們們們青年") == pytest.approx(1 / 3)   # distinct characters
    assert clean.traditional_share("ABC 123，。") == 0.0


def test_simplified_view_converts_and_keeps_every_offset():
    view = clean.simplified_view(TRADITIONAL + "\n" + TRADITIONAL)
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
    real = clean.to_simplified
    monkeypatch.setattr(clean, "to_simplified", lambda text: real(text).replace("发", "头发") if "髮" in text else real(text))
    view = clean.simplified_view("理髮後回來")
    assert view == "理髮后回来" and len(view) == 5
