"""Resources: data files are read once, comments skipped, and a user's folder replaces shipped files."""
from __future__ import annotations

from corpus_lib import resources


def test_read_lines_skips_comments_and_blanks(tmp_path, monkeypatch):
    (tmp_path / "boilerplate.txt").write_text("# my list\n\n加强\n  做好  \n", encoding="utf-8")
    monkeypatch.setenv("CORPUS_LIB_DATA", str(tmp_path))
    assert resources.read_lines("boilerplate.txt") == ["加强", "做好"]
    assert resources.data_path("boilerplate.txt") == tmp_path / "boilerplate.txt"
    assert resources.data_path("user_dict.txt").parent.name == "data"  # not overridden: the shipped file


def test_read_csv_gives_stripped_dicts(tmp_path, monkeypatch):
    (tmp_path / "festivals.csv").write_text("# comment\nname,month\n 五四 , 5\n", encoding="utf-8")
    monkeypatch.setenv("CORPUS_LIB_DATA", str(tmp_path))
    assert resources.read_csv("festivals.csv") == [{"name": "五四", "month": "5"}]


def test_user_dictionary_and_stop_words():
    words = {word for word, _, _ in resources.user_dictionary()}
    assert {"90后", "援鄂医疗队", "复工复产"} <= words
    assert "的" in resources.stopwords() and "90后" not in resources.stopwords()
    assert "加强" in resources.boilerplate() and "加强" not in resources.stopwords()
    assert len(resources.dictionary_fingerprint()) == 16
