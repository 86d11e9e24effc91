"""Person-name knowledge, read once: surnames, roles, press credits, the cues around a name, and common words
that are not names (``data/cohort_surnames.txt``, ``cohort_roles.csv``, ``press_roles.csv``, ``cohort_name_cues.csv``,
``person_not_names.txt`` and jieba's own dictionary)."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from ..resources import read_csv, read_lines

HAN = "\u4e00-\u9fff"
NAME_DOTS = "·•‧・"


@lru_cache(maxsize=None)
def roles() -> tuple[dict[str, dict[str, str]], re.Pattern]:
    rows = {row["surface"]: row for row in read_csv("cohort_roles.csv")}
    pattern = re.compile("|".join(re.escape(s) for s in sorted(rows, key=len, reverse=True)))
    return rows, pattern


@lru_cache(maxsize=None)
def name_cues() -> tuple[dict[str, str], dict[str, str]]:
    """``(before, after)``: cue -> kind. Every role surface is a strong "before" cue."""
    rows = read_csv("cohort_name_cues.csv")
    before = {r["cue"]: r["kind"] for r in rows if r["side"] == "before"}
    before.update({surface: "weak" if row["weak"] else "strong" for surface, row in roles()[0].items()})
    after = {r["cue"]: r["kind"] for r in sorted(rows, key=lambda r: -len(r["cue"])) if r["side"] == "after"}
    return before, after


@lru_cache(maxsize=None)
def surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    """(single-character surnames, compound surnames such as 欧阳)."""
    words = [w for line in read_lines("cohort_surnames.txt") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), tuple(w for w in words if len(w) > 1)


@lru_cache(maxsize=None)
def ambiguous_surnames() -> frozenset[str]:
    """Surnames that are also common words (于, 万, 向, 和 …): a candidate may start with one, weighed lower."""
    return frozenset(w for line in read_lines("person_surnames_ambiguous.txt") for w in line.split()) - surnames()[0]


@lru_cache(maxsize=None)
def titles_after_name() -> tuple[str, ...]:
    """Forms of address written right after a name (老师, 同学, 教授, 先生 …), longest first."""
    return tuple(sorted((w for line in read_lines("person_titles.txt") for w in line.split()), key=len, reverse=True))


@lru_cache(maxsize=None)
def _dictionary_tables() -> dict:
    """Everything the people finder reads from jieba's own dictionary, in one pass over its 350,000 lines:
    word frequencies, the names it knows, its non-name words, and character counts for ``given_name_llr``."""
    import jieba

    singles, compounds = surnames()
    frequency, names, words = {}, {}, {}
    in_names: dict[str, int] = {}
    overall: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as dictionary:
        for line in dictionary:
            word, count, tag = line.rstrip("\n").split(" ")
            for char in word:
                overall[char] = overall.get(char, 0) + 1
            if not 2 <= len(word) <= 4:
                continue
            frequency[word] = int(count)
            if tag in ("nr", "nrfg", "nrt"):
                names[word] = tag
                if tag == "nr" and len(word) <= 3 and word[0] in singles:
                    for char in word[1:]:
                        in_names[char] = in_names.get(char, 0) + 1
            elif len(word) <= 3 and not tag.startswith("nr"):
                words[word] = tag
    return {"frequency": frequency, "names": names, "words": words, "in_names": in_names, "overall": overall}


@lru_cache(maxsize=None)
def given_name_llr() -> dict[str, float]:
    """Character -> how much likelier it is in a given name than in words at large: the log ratio of its share
    among the given-name characters of jieba's personal names (entries tagged nr, a surname first) to its
    share among the characters of all entries. 华, 伟, 婷 score high; 的, 们, 化 low."""
    tables = _dictionary_tables()
    in_names, overall = tables["in_names"], tables["overall"]
    n_names, n_all = sum(in_names.values()), sum(overall.values())
    return {char: math.log((in_names.get(char, 0) + 0.5) / n_names) - math.log((count + 0.5) / n_all)
            for char, count in overall.items()}


def word_frequency() -> dict[str, int]:
    """Words of two to four characters in jieba's dictionary -> their frequency there. jieba tags many common
    words as names too (文明, 智慧, 宣传部 are nr), so how frequent a word is says more than its tag."""
    return _dictionary_tables()["frequency"]


def known_names() -> dict[str, str]:
    """Names jieba's dictionary knows, with their tag: nr (personal names), nrfg (well-known people such as
    习近平), nrt (transliterations)."""
    return _dictionary_tables()["names"]


@lru_cache(maxsize=None)
def surname_frequency() -> dict[str, float]:
    """Surname -> log(1 + the number of personal names in jieba's dictionary that start with it): 王 and 李 are
    high, 苗 or 蒲 low."""
    singles, compounds = surnames()
    counts: dict[str, int] = {}
    for word, tag in known_names().items():
        if tag == "nr":
            head = word[:2] if word[:2] in compounds else word[0]
            counts[head] = counts.get(head, 0) + 1
    return {head: math.log1p(count) for head, count in counts.items()}


@lru_cache(maxsize=None)
def not_names() -> frozenset[str]:
    """``data/person_not_names.txt``: strings that are never a person's name, whatever the tagger says."""
    return frozenset(word for line in read_lines("person_not_names.txt") for word in line.split())


@lru_cache(maxsize=None)
def common_words() -> dict[str, str]:
    """Two- and three-character words of jieba's dictionary tagged as something other than a personal
    name (高中, 方面, 毛巾 …) with their tag, plus ``data/person_not_names.txt`` (tag x): a candidate
    spelled like one is not a name."""
    own = dict.fromkeys(not_names(), "x")
    return own | {word: tag for word, tag in _dictionary_tables()["words"].items() if word not in own}


@lru_cache(maxsize=None)
def press_roles() -> dict[str, str]:
    """Press credit -> the role it gives (首席记者 -> 记者, 责编 -> 编辑), longest credit first."""
    rows = read_csv("press_roles.csv")
    return {row["credit"]: row["role"] for row in sorted(rows, key=lambda row: -len(row["credit"]))}
