"""Segmentation: the domain dictionary keeps key terms whole; rjieba gives jieba's tokens; the cache works."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import corpus_lib as cl
from corpus_lib import paths, resources
segment_module = importlib.import_module("corpus_lib.preprocessing.segmentation")  # the package exports a function of the same name


# The mis-segmentations listed in FIELD_NOTES, each with the whole word expected.
@pytest.mark.parametrize("text,word", [
    ("全体“90后”党员", "90后"),
    ("教育影响更多的00后、10后", "00后"),
    ("教育影响更多的00后、10后", "10后"),
    ("作为一名95后，我会向他们学习", "95后"),
    ("在新冠肺炎疫情防控斗争中", "新冠肺炎"),
    ("在新冠肺炎疫情防控斗争中", "疫情防控"),
    ("推动企业复工复产", "复工复产"),
    ("北京大学援鄂医疗队全体", "援鄂医疗队"),
    ("山西医科大学第一医院感染病科", "山西医科大学第一医院"),
    ("成为方舱医院安保志愿者", "方舱医院"),
    ("构建联防联控、群防群控防控体系", "联防联控"),
    ("昆明五华区社区疫情防控青年突击队", "青年突击队"),
])
def test_domain_words_stay_whole(text, word):
    assert word in cl.segment(text, cache=False)


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_both_backends_read_the_user_dictionary(backend):
    assert cl.segment("北京大学援鄂医疗队全体“90后”党员", backend=backend, cache=False) == [
        "北京大学", "援鄂医疗队", "全体", "“", "90后", "”", "党员"]


def test_rjieba_gives_jiebas_tokens_on_the_whole_corpus(seed_docs, seed_text):
    for text in list(seed_docs["text"]) + [seed_text]:
        assert cl.segment(text, backend="rjieba", cache=False) == cl.segment(text, backend="jieba", cache=False)


def test_cache_is_used_and_lives_outside_the_repository(tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path))
    segment_module.reset_cache()
    monkeypatch.setattr(segment_module, "_caches", {})  # and the session's connection comes back afterwards
    text = "青年一代有理想、有本领、有担当，国家就有前途。"
    first = cl.segment(text)
    databases = list(tmp_path.glob("tokens-*rjieba-*.sqlite"))
    assert len(databases) == 1 and paths.REPO_ROOT not in databases[0].parents
    with sqlite3.connect(databases[0]) as db:  # prove the next call reads the stored row
        db.execute("UPDATE tokens SET tokens = ?, types = ?, counts = ?",
                   ("\x1f".join(["被", "缓存", "的"]), "被", (7).to_bytes(4, "little")))
    assert cl.segment(text) == ["被", "缓存", "的"]
    assert segment_module.count_tokens(text) == {"被": 7}
    assert first == cl.segment(text, cache=False)


def test_count_tokens_matches_the_tokens(seed_docs):
    from collections import Counter

    text = seed_docs.loc[1, "text"]
    assert segment_module.count_tokens(text) == dict(Counter(cl.segment(text)))
    assert segment_module.count_tokens(text)["90后"] == 24  # d02 says 90后 24 times (counted by hand with grep)


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(segment_module, "_caches", {})
    assert cl.segment("疫情防控") == ["疫情防控"]


def test_cache_key_changes_with_the_dictionary(monkeypatch, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shipped = Path(resources.paths.data_file("user_dict.txt")).read_text(encoding="utf-8")
    (data / "user_dict.txt").write_text(shipped + "\n团干部们\n", encoding="utf-8")
    before = resources.dictionary_fingerprint()
    monkeypatch.setenv("CORPUS_LIB_DATA", str(data))
    resources.user_dictionary.cache_clear()
    resources.dictionary_fingerprint.cache_clear()
    try:
        assert resources.dictionary_fingerprint() != before
    finally:
        monkeypatch.delenv("CORPUS_LIB_DATA")
        resources.user_dictionary.cache_clear()
        resources.dictionary_fingerprint.cache_clear()
        segment_module._cache_prefix.cache_clear()


@pytest.mark.parametrize("tokens,boilerplate,expected", [
    (["我们", "要", "坚决", "打赢", "疫情防控", "阻击战", "，", "2020", "年"], False, ["坚决", "打赢", "疫情防控", "阻击战"]),
    (["我们", "要", "坚决", "打赢", "疫情防控", "阻击战", "，", "2020", "年"], True, ["打赢", "疫情防控", "阻击战"]),
    (["90后", "、", "00后", "后", "12355", "ICU"], False, ["90后", "00后", "ICU"]),
])
def test_filter_tokens(tokens, boilerplate, expected):
    assert cl.filter_tokens(tokens, boilerplate=boilerplate) == expected


def test_cohort_words_are_not_stop_words():
    assert "后" in resources.stopwords()  # the shipped list holds 后 …
    assert not {"90后", "00后", "95后"} & resources.stopwords()  # … but never the cohort words
