"""Person-name knowledge, read once: surnames, roles, press credits, the cues around a name, and common words
that are not names (``data/cohort_surnames.txt``, ``cohort_roles.csv``, ``press_roles.csv``, ``cohort_name_cues.csv``,
``person_not_names.txt`` and jieba's own dictionary)."""
from __future__ import annotations

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
def common_words() -> dict[str, str]:
    """Two- and three-character words of jieba's dictionary tagged as something other than a personal
    name (高中, 方面, 毛巾 …) with their tag, plus ``data/person_not_names.txt`` (tag x): a candidate
    spelled like one is not a name."""
    import jieba

    words = {word: "x" for line in read_lines("person_not_names.txt") for word in line.split()}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as dictionary:
        for line in dictionary:
            word, _, tag = line.rstrip("\n").split(" ")
            if 2 <= len(word) <= 3 and not tag.startswith("nr"):
                words.setdefault(word, tag)
    return words


@lru_cache(maxsize=None)
def press_roles() -> dict[str, str]:
    """Press credit -> the role it gives (首席记者 -> 记者, 责编 -> 编辑), longest credit first."""
    rows = read_csv("press_roles.csv")
    return {row["credit"]: row["role"] for row in sorted(rows, key=lambda row: -len(row["credit"]))}
