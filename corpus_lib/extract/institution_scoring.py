"""Scoring institution candidates: each candidate's evidence as a small record of features, weighed by a
linear model whose weights ship in ``data/institution_weights.csv`` (learned on the dev split of the real
texts by ``tests/realset/learn_institutions.py``; edit them by hand if you like). A candidate is kept when
its score reaches the threshold in the same file. Only candidates that rest on characters no list knows are
scored (``needs_score``); the others are kept as they are.

Features say which rule found a candidate and from what parts (a place, a name word, a body found before,
a run of other characters), what that run is in jieba's dictionary (no word, a name, a common noun, a verb),
what stands just before and after it (a clause boundary, 的, a role such as 书记), and whether the text
repeats it.

>>> from corpus_lib.extract.institution_candidates import find_candidates
>>> text = "她在荔枝沟小学任教。"
>>> [(c.text, accepted(c, text)) for c in find_candidates(text)]
[('荔枝沟小学', True)]
>>> candidate_features(find_candidates(text)[0], text)[:4]
['rule bare-name', 'type school', 'part bare', 'part suffix']
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from .. import resources
from ..lexicons.dictionary import dictionary_entry
from ..lexicons.institution_words import aliases, known_bodies, suffixes
from .institution_candidates import Candidate
from .institution_names import BOUNDARY
from .institution_parts import (
    CJK,
    OPEN_QUOTES,
    RELATIVE_BEFORE,
    ROLES_AFTER,
    link_ending,
    verb_ending,
)

WEIGHTS_FILE = "institution_weights.csv"
RUN_KINDS = ("brand", "bare", "quoted")   # parts made of characters that no list knows
NAMING = {"candidate", "place", "strong", "town", "relative", "host"}
AWARD = re.compile(r"红旗|先进|优秀|模范|标兵|示范|文明号|称号|荣誉")
NAME_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "nrfg", "j"})
VERB_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "d", "r", "p", "c", "u", "t", "m", "q", "f", "b", "l", "i"})


def _run(candidate: Candidate) -> str:
    """The run of unknown characters nearest the head (黄河中药, 荔枝沟), or ""."""
    return next((piece for kind, piece in reversed(candidate.parts) if kind in RUN_KINDS), "")


def _word_class(word: str) -> str:
    entry = dictionary_entry(word)
    if entry is None:
        return "unknown"
    if entry[0] < 20:
        return "rare"  # 凹下, 铁炉: a rare entry, as names often are
    if entry[1] in NAME_TAGS:
        return "name"
    return "verb" if entry[1] in VERB_TAGS else "noun"


def _run_features(run: str, text: str, start: int) -> list[str]:
    found = [f"run length {min(len(run), 4)}", f"run word {_word_class(run)}"]
    entry = dictionary_entry(run)
    if entry and entry[0] >= 300:
        found.append("run frequent word")
    if len(run) >= 3 and _word_class(run[:2]) == "verb":
        found.append("run starts with a verb")
    if re.search(r"[0-9A-Za-z]", run):
        found.append("run latin or digit")
    if start and dictionary_entry(text[start - 1:start + 1]):
        found.append("run starts inside a word")
    return found


def _left(text: str, start: int) -> str:
    if start == 0 or text[start - 1] == "\n":
        return "left start"
    before = text[start - 1]
    if before in OPEN_QUOTES:
        return "left quote"
    if before == "的":
        return "left 的"
    if before in BOUNDARY or not CJK.match(before):
        return "left boundary"
    if before in RELATIVE_BEFORE or link_ending(text, start) is not None:
        return "left function word"
    return "left verb" if verb_ending(text, start) else "left glued"


def _right(text: str, end: int) -> str:
    if end >= len(text) or text[end] in BOUNDARY or not CJK.match(text[end]):
        return "right boundary"
    if text[end] == "的":
        return "right 的"
    return "right role" if text.startswith(ROLES_AFTER, end) else "right other"


def _type(candidate: Candidate) -> str:
    if candidate.suffix:
        return suffixes()[candidate.suffix]["type"]
    row = aliases().get(candidate.text) or known_bodies().get(candidate.text) or {}
    return row.get("type") or "other"


def candidate_features(candidate: Candidate, text: str) -> list[str]:
    """The evidence for a candidate as feature names (each worth its weight in ``institution_weights.csv``)."""
    kinds = {kind for kind, _ in candidate.parts}
    found = [f"rule {candidate.rule}", f"type {_type(candidate)}"] + [f"part {kind}" for kind in sorted(kinds)]
    if not kinds & NAMING and not candidate.exact:
        found.append("no place, word or body")
    if _is_unit(candidate):
        found.append("unit")
    run = _run(candidate)
    if run:
        start = candidate.start + candidate.text.find(run)
        found += _run_features(run, text, start)
    found += [_left(text, candidate.start), _right(text, candidate.end)]
    if AWARD.search(candidate.text):
        found.append("award title")
    if text.count(candidate.text) >= 2:
        found.append("repeated")
    size = candidate.end - candidate.start
    found.append("length " + ("2" if size <= 2 else "3-4" if size <= 4 else "5-8" if size <= 8 else "9+"))
    return found


@lru_cache(maxsize=None)
def weights() -> tuple[dict[str, float], float, float]:
    """(feature -> weight, bias, threshold) from ``institution_weights.csv``."""
    table = {row["feature"]: float(row["weight"]) for row in resources.read_csv(WEIGHTS_FILE)}
    return table, table.pop("(bias)", 0.0), table.pop("(threshold)", 0.0)


def score(features: list[str]) -> float:
    """The candidate's score: the bias plus the weights of its features (a logit: above 0 = more likely a body)."""
    table, bias, _ = weights()
    return bias + sum(table.get(feature, 0.0) for feature in features)


def probability(features: list[str]) -> float:
    return 1 / (1 + math.exp(-score(features)))


VERB_WORD = 300      # a verb this frequent that a one-character suffix begins (处在, 处于) makes it no suffix
COMMON_WORD = 2000   # a dictionary word this frequent is a common word, not a name (城市, 年轻, 临时)
DATE_TAIL = re.compile(r"[0-9０-９〇一二三四五六七八九十][年月日号]")
DATE_RUN = re.compile(r"[0-9０-９〇一二三四五六七八九十]+[年月日号]")


def generic(candidate: Candidate, text: str) -> bool:
    """A candidate that names no body whatever the scorer says: its only name is a common word before the
    body word (城市图书馆, 临时团支部: a common noun or adjective, no proper name) or opens with a frequent
    adjective or adverb (广大基层社区), or a date (五月 + 团支部), or it opens with the tail of a date (2010年 +
    乡镇团委), or its one-character suffix begins a verb with the next character (防控正|处在)."""
    start, end = candidate.start, candidate.end
    if start and DATE_TAIL.match(text, start - 1):
        return True
    if candidate.suffix and len(candidate.suffix) == 1 and end < len(text):
        verb = dictionary_entry(text[end - 1:end + 1])
        if verb and verb[1] == "v" and verb[0] >= VERB_WORD and not text.startswith(ROLES_AFTER, end):
            return True  # 防控正|处在…: the suffix begins a verb (not 工商处|处长: a title follows)
    parts = candidate.parts
    if parts and parts[0][0] == "bare" and DATE_RUN.fullmatch(parts[0][1]):
        return True
    if not parts or parts[0][0] != "bare" or any(kind not in ("bare", "suffix") for kind, _ in parts):
        return False
    entry = dictionary_entry(parts[0][1])
    head = dictionary_entry(parts[0][1][:2])
    return (bool(entry) and entry[0] >= COMMON_WORD) or (  # 广大|基层社区: a frequent adjective or adverb opens it
        bool(head) and head[1] in ("a", "ad", "d") and head[0] >= COMMON_WORD)


def accepted(candidate: Candidate, text: str) -> bool:
    """The candidate is no generic phrase (``generic``) and scores at least the threshold."""
    return not generic(candidate, text) and score(candidate_features(candidate, text)) >= weights()[2]


def needs_score(candidate: Candidate) -> bool:
    """A candidate that rests on characters no list knows (a brand run, a bare or quoted name) or on a relative
    word (公司团委): the scorer decides. One made only of known parts (places, name words, bodies found before,
    aliases, known bodies, ministries, abbreviations), or a department named right after its body
    (南京鼓楼医院 + 呼吸科), is kept as it is."""
    parts = candidate.parts
    for i, (kind, _) in enumerate(parts):
        if kind in ("bare", "quoted", "host"):
            return True
        if kind == "brand" and not (i and parts[i - 1][0] == "candidate" and _is_unit(candidate)):
            return True
    return False


def _is_unit(candidate: Candidate) -> bool:
    return bool(candidate.suffix) and suffixes()[candidate.suffix]["scope"] == "unit"


def scored(candidate: Candidate, text: str) -> Candidate | None:
    """The candidate with its score (kept without one if it needs none), or None when it scores below the
    threshold."""
    if not needs_score(candidate):
        return candidate
    if generic(candidate, text):
        return None
    value = score(candidate_features(candidate, text))
    return replace(candidate, score=round(value, 2)) if value >= weights()[2] else None
