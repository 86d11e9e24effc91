"""Person names: a broad candidate step and a learned scoring step.

**Candidates.** The text is segmented and tagged once (jieba's dictionary through rjieba, HMM on, so unknown
names are tagged ``nr`` too). Every run of one to three tokens that spans 2-4 Chinese characters and either
starts with a surname (``data/cohort_surnames.txt``, and the surnames that are also common words in
``data/person_surnames_ambiguous.txt``) or holds a token tagged as a name is a candidate, unless it is a plain
dictionary word that the tagger does not call a name.

**Evidence.** Each candidate gets a small record of features: how the tagger saw it (one name token, pieces
of names, a noun …), its length, its surname's kind, whether it is a common word or starts with a verb, how
name-like its given-name characters are (a log-likelihood ratio from the names in jieba's dictionary), what
stands right before it (a role, an age, a cohort, punctuation, a press credit …) and right after it (说,
表示, 、, 等, 是, a title such as 老师 …), the tags of its neighbours, and, over the whole document, how often
the same string occurs and whether another occurrence of it has strong evidence.

**Scoring.** A logistic model weighs the features (``data/person_scorer.csv``: one weight per feature, the
intercept and the threshold, learned on the development split of real texts by
``python -m tests.realset.train_people``); overlapping candidates keep the likelier one, and a string is a
person when one of its occurrences scores above the threshold. ``evidence`` names the features that weighed
most for it, so a user can see why a row is there.

>>> [(m.text, m.rule) for m in find_person_mentions("护士李爱飞在去武汉的途中发信息给支部书记。")]
[('李爱飞', 'scored')]
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import accumulate

from ..lexicons.names import (
    HAN,
    NAME_DOTS,
    common_words,
    not_names,
    surnames,
    word_frequency,
)
from ..lexicons.institution_words import body_endings
from ..lexicons.places import places
from ..preprocessing.segmentation import has_word, tag_tokens
from ..resources import read_csv
from .person_features import (
    COMMON,
    CONJUNCTIONS,
    FOLLOWER_START,
    HAN_ONLY,
    LEVEL_MARKS,
    NEVER_LAST,
    continuation_features,
    crossed,
    document_features,
    left_features,
    lexical_features,
    link_cues,
    list_features,
    overlap_features,
    right_features,
    role_before,
    speech_cues,
    surname_characters,
)
from .spans import Mention, overlap, resolve_overlaps

NOT_HAN = re.compile("[^\u4e00-\u9fff]")  # a candidate is Chinese characters only

# ---------------------------------------------------------------- the model

@lru_cache(maxsize=None)
def scorer() -> tuple[dict[str, float], float, float]:
    """(feature -> weight, intercept, threshold) from ``data/person_scorer.csv``."""
    weights, intercept, threshold = {}, 0.0, 0.5
    for row in read_csv("person_scorer.csv"):
        value = float(row["weight"])
        if row["feature"] == "(intercept)":
            intercept = value
        elif row["feature"] == "(threshold)":
            threshold = value
        else:
            weights[row["feature"]] = value
    return weights, intercept, threshold


def probability(features: dict[str, float]) -> float:
    weights, intercept, _ = scorer()
    z = intercept + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def explain(features: dict[str, float], *, top: int = 4) -> tuple[str, ...]:
    """The features that weighed most for a candidate, strongest first: ``('right:speech +2.1', …)``."""
    weights = scorer()[0]
    parts = sorted(((weights.get(name, 0.0) * value, name) for name, value in features.items()),
                   key=lambda item: (-item[0], item[1]))
    return tuple(f"{name} {weight:+.1f}" for weight, name in parts[:top] if weight > 0)


# ---------------------------------------------------------------- candidates

def _boundaries(tokens, text: str) -> tuple[set[int], set[int], list[int]]:
    """(possible starts, possible ends, token index of every character). Token edges are boundaries; inside a
    token the dictionary does not know (the tagger glued 会|何 or 毫|在 onto a name), every character is one."""
    starts, ends = {start for _, _, start, _ in tokens}, {end for _, _, _, end in tokens}
    token_at, initials = [0] * (len(text) + 1), surname_characters()
    for k, (word, tag, start, end) in enumerate(tokens):
        if end - start == 1:
            token_at[start] = k
            if tag.startswith("nr") or word in initials:
                ends.update((end + 1, end + 2))  # 的瞿|凡是: a surname alone, its given name glued onto the next word
        else:
            token_at[start:end] = [k] * (end - start)
            if _unknown_word(word):
                starts.update(range(start + 1, end))
                ends.update(range(start + 1, end))
                ends.update((end + 1, end + 2))  # 操一|铭感, 的瞿|凡是: a glued name goes on into the next word
    return starts, ends, token_at


@lru_cache(maxsize=1)
def _surname_pattern() -> re.Pattern:
    """Any surname's first character (``surname_characters``), to find where candidates may begin."""
    return re.compile("[" + "".join(map(re.escape, sorted(surname_characters()))) + "]")


def _reachable_starts(tokens, text: str, starts: set[int]) -> list[int]:
    """The starts worth trying, in order: at a surname's character, or in one of the three tokens before a token
    tagged as a name (a candidate spans at most three tokens)."""
    reach = {j for k, (_, tag, _, _) in enumerate(tokens) if tag.startswith("nr") for j in (k - 2, k - 1, k) if j >= 0}
    chosen = {match.start() for match in _surname_pattern().finditer(text)} & starts
    chosen.update(starts.intersection(position for j in reach for position in range(tokens[j][2], tokens[j][3])))
    return sorted(chosen)


@lru_cache(maxsize=1 << 16)
def _unknown_word(word: str) -> bool:
    """A Chinese token of several characters that the dictionary does not hold (the tagger made it up)."""
    return bool(HAN_ONLY.fullmatch(word)) and not has_word()(word)


def candidate_spans(tokens: list[tuple[str, str, int, int]], text: str) -> list[tuple[int, int, int, int]]:
    """``(start, end, first token, last token)`` of every candidate (see the module docstring). Four characters
    only for a compound surname (欧阳晓晴) or a run the tagger calls a name throughout."""
    starts, ends, token_at = _boundaries(tokens, text)
    named = [tag.startswith("nr") for _, tag, _, _ in tokens]
    named_before = list(accumulate(named, initial=0))  # named_before[k]: tokens tagged as a name among the first k
    initials, compounds = surname_characters(), surnames()[1]
    frequency, words, length_of_text, place_names = word_frequency(), common_words(), len(text), places()
    never, endings = not_names(), body_endings()
    found = []
    for start in _reachable_starts(tokens, text, starts):
        a = token_at[start]
        for length in (2, 3, 4):
            end = start + length
            if end > length_of_text or end not in ends:
                continue
            if NOT_HAN.search(text, start, end):
                break
            b = token_at[end - 1]
            if b - a > 2:
                break
            span = text[start:end]
            names = named_before[b + 1] - named_before[a]
            if not names and span[0] not in initials:
                continue
            if length == 4 and not span.startswith(compounds) and names < b - a + 1:
                continue
            if span[-1] in NEVER_LAST or (end < length_of_text and text[end] in LEVEL_MARKS and span + text[end] in place_names):
                continue  # 谷岗乡, 裴庄村, 金凤|区委: a place
            if length >= 3 and span[-2:] in endings:
                continue  # 余杭政协, 某某大学: a body
            if span[0] in CONJUNCTIONS and span[1:] in place_names:
                continue  # 和|湖北: a conjunction that is also a surname, then a place
            if names == 0 or (a == b and tokens[a][2] == start and tokens[a][3] == end):
                if span in words and frequency.get(span, 0) >= COMMON and not names:
                    continue  # a frequent dictionary word the tagger does not call a name
            if span in never:
                continue  # the user's list: never a name
            found.append((start, end, a, b))
    return found


JOINED_FLOOR = 0.15  # a candidate joined by 、 or 和 to an accepted name, not tagged a name, needs this much
RULE_FLOOR = 0.02  # a cued candidate still needs this much from the scorer (青年张云表示 is no name: 0.00)

def candidates(text: str) -> list[dict]:
    """Every candidate of ``text`` with its features: ``{"start", "end", "text", "features"}``."""
    tokens = tag_tokens(text)
    found = []
    for start, end, a, b in candidate_spans(tokens, text):
        span = text[start:end]
        features = lexical_features(span, tokens, a, b)
        features.update(left_features(text, start, tokens, a))
        features.update(right_features(text, end, tokens, b))
        features.update(continuation_features(text, start, end))
        features.update(crossed(features))
        found.append({"start": start, "end": end, "text": span, "features": features})
    document_features(found)
    list_features(found, text)
    overlap_features(found, text)
    return found


CUE_BEFORE = ("left:role", "left:age", "left:cohort")
CUE_AFTER = ("right:speech", "right:link", "right:title", "right:shi")


def cued(features: dict[str, float]) -> bool:
    """The rule beside the scorer: a name after a strong cue (a role, an age, a cohort) and before a cue (说/表示,
    也是/作为, a title, 是), or one the tagger calls a name right after a role, is a person whatever its score
    (团委干部温阳说, 26岁的瞿凡是…, 快递员侯乐每天…)."""
    before = any(f in features for f in CUE_BEFORE)
    tagged_after_role = ("left:role" in features and "tag:name" in features and "boundary:word_continues_right" not in features
                         and ("right_tag:v" not in features or "left:cohort" in features))  # not 干部闻令|而动, 总书记殷殷|嘱托
    return before and (any(f in features for f in CUE_AFTER) or tagged_after_role)



def choose_names(scored: list[dict], threshold: float) -> list[dict]:
    """Of scored candidates (with ``score``), the likelier of any two that overlap (nearly equal ones: the
    longer), and of those the occurrences of every string whose best occurrence passes ``threshold`` or is
    ``cued``."""
    scored = [c | {"score": max(c["score"], threshold), "cued": True} if cued(c["features"]) and c["score"] >= RULE_FLOOR
              else c for c in scored]
    # a cued candidate's cues pin both its ends, so it wins an overlap (学生|王陈政辉|说 over 陈政辉)
    kept = resolve_overlaps(scored, priority=lambda c: (not c.get("cued"), -round(c["score"], 2),
                                                        -(c["end"] - c["start"]), c["start"]))
    best: dict[str, float] = {}
    for candidate in kept:
        best[candidate["text"]] = max(best.get(candidate["text"], 0.0), candidate["score"])
    accepted = {c["text"] for c in kept if best[c["text"]] >= threshold}
    by_end = {c["end"]: c for c in kept}
    for candidate in kept:  # 简宁和柳依, 方飞燕、杨丽红: a name the tagger calls one, joined to an accepted name
        before = by_end.get(candidate["start"] - 1)
        joined = "left:conjunction" in candidate["features"] or "left:dun" in candidate["features"]
        likely = "tag:name" in candidate["features"] or candidate["score"] >= JOINED_FLOOR
        if (candidate["text"] not in accepted and likely and joined and before is not None
                and before["text"] in accepted and candidate["score"] >= RULE_FLOOR):
            accepted.add(candidate["text"])
    return [c for c in kept if c["text"] in accepted]


def score_candidates(found: list[dict]) -> list[dict]:
    """The candidates with their probability as ``score``."""
    return [c | {"score": probability(c["features"])} for c in found]


OUTLET_ENDINGS = frozenset("报网社台刊线端号")
DOTTED = re.compile(f"[{HAN}]{{2,6}}[{NAME_DOTS}][{HAN}]{{2,10}}")


def dotted_names(text: str) -> list[Mention]:
    """Names written with a middle dot (阿迪力·阿不力米提, 卡地尔丁·艾合买提), as persons: in Chinese news the dot joins
    the parts of a transliterated name. The last part ends where the words after a name begin (…米提|表示)."""
    found = []
    for match in DOTTED.finditer(text):
        start, end = _dotted_start(text, match), _dotted_end(text, match)
        parts = re.split(f"[{NAME_DOTS}]", text[start:end])
        if any(part[-1] in OUTLET_ENDINGS or "记者" in part for part in parts):
            continue  # 中青报·中青网记者, 中国青年报·中青在线: outlets joined by a dot
        found.append(Mention(start, end, text[start:end], "person", "dotted", ("shape:dotted",), 1.0))
    return found


def _dotted_start(text: str, match: re.Match) -> int:
    """The first part begins after the last frequent word or role before the dot (大一新生|卡地尔丁·…, 驻村干部|阿迪力·…),
    and keeps at least two characters."""
    dot = next(i for i in range(match.start(), match.end()) if text[i] in NAME_DOTS)
    frequency, start = word_frequency(), match.start()
    for cut in range(match.start() + 1, dot - 1):
        head = text[match.start():cut]
        if role_before(head) or any(frequency.get(head[-n:], 0) >= COMMON
                                                             for n in (2, 3, 4) if len(head) >= n):
            start = cut
    return start


def _dotted_end(text: str, match: re.Match) -> int:
    dot = next(i for i in range(match.start(), match.end()) if text[i] in NAME_DOTS)
    cues = speech_cues() + link_cues() + tuple(FOLLOWER_START)
    for end in range(dot + 3, match.end() + 1):
        if text.startswith(cues, end) or end == match.end():
            return end
    return match.end()


LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){0,2}(?![A-Za-z0-9])")
LATIN_LEFT = 12


def latin_names(text: str) -> list[Mention]:
    """Names in Latin letters (Cindy, Kevin Frayer: Hong Kong, Macau and overseas texts write many so) right after a
    role (单位主任Cindy, 社工Theresa) or right before 说/表示: the shape of a name and a person's cue, as persons."""
    found = []
    for match in LATIN_NAME.finditer(text):
        before = text[max(0, match.start() - LATIN_LEFT):match.start()].rstrip(" ")
        if role_before(before) and not before.endswith("\n"):
            cue = "left:role"
        elif text.startswith(speech_cues(), match.end()):
            cue = "right:speech"
        else:
            continue
        found.append(Mention(match.start(), match.end(), match.group(), "person", "latin", ("shape:latin", cue), 1.0))
    return found


def find_person_mentions(text: str) -> list[Mention]:
    """The person names of ``text`` (one document), each mention a ``Mention`` labelled ``person``
    with its probability as ``score`` and the features that weighed most as ``evidence``; names written with a
    middle dot are persons by their shape (``dotted_names``), and names in Latin letters by their shape and a cue
    (``latin_names``)."""
    shaped = dotted_names(text)
    shaped += [m for m in latin_names(text) if not any(overlap(m, d) for d in shaped)]
    scored = [c for c in score_candidates(candidates(text)) if not any(overlap(c, m) for m in shaped)]
    mentions = [Mention(c["start"], c["end"], c["text"], "person", "scored", explain(c["features"]), round(c["score"], 4))
                for c in choose_names(scored, scorer()[2])]
    return sorted(mentions + shaped, key=lambda m: m.start)
