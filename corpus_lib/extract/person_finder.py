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

from ..lexicons.names import (
    HAN,
    NAME_DOTS,
    ambiguous_surnames,
    common_words,
    given_name_llr,
    known_names,
    name_cues,
    press_roles,
    roles,
    surname_frequency,
    surnames,
    titles_after_name,
    word_frequency,
)
from ..lexicons.places import places
from ..preprocessing.segmentation import has_word, tag_tokens
from ..resources import read_csv
from .cohorts import find_cohorts
from .spans import Mention, overlap, resolve_overlaps

HAN_ONLY = re.compile(f"[{HAN}]+")
PUNCTUATION_CLASSES = {"，": "comma", ",": "comma", "、": "dun", "。": "period", "；": "semicolon", "：": "colon",
                       ":": "colon", "“": "quote_open", "”": "quote_close", "「": "quote_open", "」": "quote_close",
                       "『": "quote_open", "』": "quote_close", "（": "paren_open", "(": "paren_open",
                       "）": "paren_close", ")": "paren_close", "！": "period", "？": "period", " ": "space",
                       "\n": "line", "《": "book", "》": "book", "·": "dot", "—": "dash"}
AGE_BEFORE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[岁歲](?:的)?$")
COHORT_BEFORE = re.compile(r"(?:[0-9０-９]{2}|[一二三四五六七八九零〇]{2})[后後](?:的)?$")
CONJUNCTIONS = frozenset("和与及同跟")
ADVERBS_BEFORE_SPEECH = ("也", "还", "则", "就", "便", "又", "笑着", "坦言", "对记者", "向记者", "告诉记者")
# characters that begin the words right after a name (说, 是, 今年, 每天, 告诉 …)
FOLLOWER_START = frozenset("说是在和与的了也都就便则等今每告带负正已曾还又从来向对为被把将跟给让一同笑坦称认表介回作通毕当出代亦主")
LEFT_WINDOW = 12
COMMON = 100  # a dictionary word this frequent (jieba's counts) that the tagger does not call a name is no candidate
# last characters of place and organisation names (谷岗乡, 郭庄村, 苗寨): a candidate ending in one is likelier a place
LEVEL_MARKS = frozenset("省市区县镇乡村州")
NEVER_LAST = frozenset("乡镇村县省区寨部局处厅委社站馆队")  # no given name ends with these; places and bodies do
ORGANISATION_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:公司|集团|有限|医院|大学|学院|学校|中学|小学|协会|中心|工作室|合作社|研究所|研究院)")
PLACE_ENDINGS = frozenset("村乡镇寨县区省州市街路港湾岛沟坪屯庄营堡园院局部处委会厅馆站队社校")
# Pairs of feature groups whose combinations are features too (a two-character name tagged as a name, a
# clause-initial candidate followed by a verb …): a linear model cannot combine them by itself.
CROSSED = (("tag", "length"), ("tag", "surname"), ("surname", "word"), ("left", "right"), ("left", "right_tag"),
           ("left_tag", "right"), ("length", "right"), ("length", "left"))


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

def _surname_kind(span: str) -> str:
    singles, compounds = surnames()
    if span.startswith(compounds) and len(span) >= 3:
        return "compound"
    if span[0] in singles:
        return "common"
    if span[0] in ambiguous_surnames():
        return "ambiguous"
    return "none"


def _is_name_tag(tag: str) -> bool:
    return tag.startswith("nr")


def _boundaries(tokens, text: str) -> tuple[set[int], set[int], list[int]]:
    """(possible starts, possible ends, token index of every character). Token edges are boundaries; inside a
    token the dictionary does not know (the tagger glued 会|何 or 毫|在 onto a name), every character is one."""
    starts, ends, token_at = set(), set(), [0] * (len(text) + 1)
    initials = _surname_characters()
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
        starts.add(start)
        ends.add(end)
    return starts, ends, token_at


@lru_cache(maxsize=1 << 16)
def _unknown_word(word: str) -> bool:
    """A Chinese token of several characters that the dictionary does not hold (the tagger made it up)."""
    return bool(HAN_ONLY.fullmatch(word)) and not has_word()(word)


@lru_cache(maxsize=None)
def _surname_characters() -> frozenset[str]:
    singles, compounds = surnames()
    return singles | ambiguous_surnames() | frozenset(c[0] for c in compounds)


def candidate_spans(tokens: list[tuple[str, str, int, int]], text: str) -> list[tuple[int, int, int, int]]:
    """``(start, end, first token, last token)`` of every candidate (see the module docstring). Four characters
    only for a compound surname (欧阳晓晴) or a run the tagger calls a name throughout."""
    starts, ends, token_at = _boundaries(tokens, text)
    named_before = [0]  # named_before[k]: tokens tagged as a name among the first k
    for _, tag, _, _ in tokens:
        named_before.append(named_before[-1] + _is_name_tag(tag))
    initials, compounds = _surname_characters(), surnames()[1]
    frequency, words, length_of_text, place_names = word_frequency(), common_words(), len(text), places()
    not_han = [0]  # not_han[i]: characters before i outside the Han block
    for char in text:
        not_han.append(not_han[-1] + (not "\u4e00" <= char <= "\u9fff"))
    found = []
    for start in sorted(starts):
        a = token_at[start]
        if text[start] not in initials and not tokens[a][1].startswith("nr"):
            if named_before[min(len(tokens), a + 3)] == named_before[a]:
                continue  # no surname and no name tag within reach
        for length in (2, 3, 4):
            end = start + length
            if end > length_of_text or end not in ends:
                continue
            if not_han[end] != not_han[start]:
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
            if names == 0 or (a == b and tokens[a][2] == start and tokens[a][3] == end):
                if span in words and frequency.get(span, 0) >= COMMON and not names:
                    continue  # a frequent dictionary word the tagger does not call a name
            found.append((start, end, a, b))
    return found


# ---------------------------------------------------------------- features

@lru_cache(maxsize=None)
def _role_endings() -> tuple[re.Pattern, int]:
    """Roles (护士, 团委书记 …) as one pattern anchored at the end of a window, and the longest."""
    rows, _ = roles()
    pattern = re.compile("(?:" + "|".join(map(re.escape, sorted(rows, key=len, reverse=True))) + ")$")
    return pattern, max(map(len, rows))


@lru_cache(maxsize=None)
def _credit_ending() -> re.Pattern:
    """A press credit right before the candidate, itself after a boundary (人文|关怀 is no credit); a credit of
    one character (文, 图) only with a separator."""
    longer = "|".join(map(re.escape, sorted((c for c in press_roles() if len(c) > 1), key=len, reverse=True)))
    single = "|".join(map(re.escape, (c for c in press_roles() if len(c) == 1)))
    return re.compile(rf"(?:^|(?<=[\s（(【\[|｜丨:：/□报社台网]))(?:(?:{longer})[\s：:丨|/]*|(?:{single})[\s：:丨|/]+)$")


@lru_cache(maxsize=None)
def _speech_cues() -> tuple[str, ...]:
    after = name_cues()[1]
    return tuple(sorted((cue for cue, kind in after.items() if kind == "speech"), key=len, reverse=True)) + (
        "告诉", "坦言", "回忆", "称", "透露", "笑着说", "感慨", "说道", "谈到", "提到", "讲述")


@lru_cache(maxsize=None)
def _link_cues() -> tuple[str, ...]:
    after = name_cues()[1]
    return tuple(sorted((cue for cue, kind in after.items() if kind == "link"), key=len, reverse=True))


@lru_cache(maxsize=None)
def _weak_cues() -> tuple[str, ...]:
    after = name_cues()[1]
    return tuple(sorted((cue for cue, kind in after.items() if kind == "weak"), key=len, reverse=True))


def _left_features(text: str, start: int, tokens, a: int) -> dict[str, float]:
    """What stands right before the candidate: a cue (a role, an age, a cohort, a press credit, 的, 和 …), else
    the kind of character there (punctuation, the line start, another Chinese character)."""
    features = {}
    before = text[max(0, start - LEFT_WINDOW):start]
    char = text[start - 1] if start else "\n"
    rows, _ = roles()
    role = _role_endings()[0].search(before)
    if role:
        features["left:role" if not rows[role.group()]["weak"] else "left:weak_role"] = 1.0
    stripped = before.rstrip(" ")
    if AGE_BEFORE.search(stripped):
        features["left:age"] = 1.0
    if COHORT_BEFORE.search(stripped):
        features["left:cohort"] = 1.0
    elif role and COHORT_BEFORE.search(stripped[:len(stripped) - len(role.group())]):
        features["left:cohort"] = 1.0  # 另一名00后护士|闵佳, 95后新农人|某某: a cohort, then a role
    if _credit_ending().search(before):
        features["left:press_credit"] = 1.0
    if char in CONJUNCTIONS:
        features["left:conjunction"] = 1.0
    if char == "的":
        features["left:de"] = 1.0
    if before.endswith(("叫", "名叫", "名字叫", "名为")):
        features["left:named"] = 1.0
    if not features:
        features[f"left:{PUNCTUATION_CLASSES.get(char, 'han' if HAN_ONLY.fullmatch(char) else 'other')}"] = 1.0
    if a > 0:
        features[f"left_tag:{tokens[a - 1][1][:1] or 'x'}"] = 1.0
    return features


def _right_features(text: str, end: int, tokens, b: int) -> dict[str, float]:
    """What follows the candidate: a cue (说, 表示, 也是, a title such as 老师, 是, 等, 的, 和 …), else the kind of
    character there."""
    features = {}
    char = text[end] if end < len(text) else "\n"
    after = text[end:end + 8]
    if after.startswith(_speech_cues()):
        features["right:speech"] = 1.0
    elif after.startswith(ADVERBS_BEFORE_SPEECH) and any(cue in after for cue in _speech_cues()):
        features["right:speech_near"] = 1.0
    if after.startswith(_link_cues()):
        features["right:link"] = 1.0
    elif after.startswith(_weak_cues()) and after[:1] not in "是和等的、":
        features["right:weak_cue"] = 1.0  # 所在 …
    if after.startswith(titles_after_name()):
        features["right:title"] = 1.0
    if char in CONJUNCTIONS:
        features["right:conjunction"] = 1.0
    for mark, name in (("是", "right:shi"), ("等", "right:deng"), ("的", "right:de")):
        if char == mark:
            features[name] = 1.0
    if not features:
        features[f"right:{PUNCTUATION_CLASSES.get(char, 'han' if HAN_ONLY.fullmatch(char) else 'other')}"] = 1.0
    if ORGANISATION_AFTER.match(text, end):
        features["right:organisation_follows"] = 1.0  # 康天晟|合生物技术有限公司
    if b + 1 < len(tokens):
        features[f"right_tag:{tokens[b + 1][1][:1] or 'x'}"] = 1.0
    return features


def _lexical_features(span: str, tokens, a: int, b: int) -> dict[str, float]:
    """What the string and its tokens' tags say (a copy: callers add to it)."""
    tags = tuple(tokens[k][1] for k in range(a, b + 1))
    apart = len(tags) == 2 and len(tokens[a][0]) == 1 and tokens[a][0] == span[0]
    return dict(_word_features(span, tags, apart))


@lru_cache(maxsize=1 << 17)
def _word_features(span: str, tags: tuple[str, ...], apart: bool) -> dict[str, float]:
    """The lexical features of a string tagged ``tags``: they depend on nothing else, and the same strings recur
    across a corpus (names, and the common words that start with a surname character)."""
    features = {f"length:{len(span)}": 1.0, f"tokens:{len(tags)}": 1.0, f"surname:{_surname_kind(span)}": 1.0}
    if len(tags) == 1:
        features["tag:name" if _is_name_tag(tags[0]) else f"tag:{tags[0][:1] or 'x'}"] = 1.0
    elif all(_is_name_tag(tag) for tag in tags):
        features["tag:name_pieces"] = 1.0
    elif any(_is_name_tag(tag) for tag in tags):
        features["tag:some_name"] = 1.0
    if apart:
        features["pieces:surname_apart"] = 1.0  # 陈/有原
    words = common_words()
    if span in words:
        features["word:common"] = 1.0
    elif span[:2] in words and words[span[:2]][:1] in "vdcpartmfuzil":
        features["word:starts_with_function_word"] = 1.0
    if len(span) == 3 and span[-1] in FOLLOWER_START:
        features["word:ends_like_a_follower"] = 1.0
    table = places()
    if span in table or span[:2] in table:
        features["word:place"] = 1.0
    if roles()[1].search(span) or find_cohorts(span):
        features["word:role_or_cohort_inside"] = 1.0
    given = span[2:] if features.get("surname:compound") else span[1:]
    llr = given_name_llr()
    features["given_name_llr"] = sum(llr.get(char, -1.0) for char in given) / max(1, len(given))
    head = span[:len(span) - len(given)]
    features["surname_frequency"] = surname_frequency().get(head, 0.0) / 5
    if known_names().get(span):
        features[f"dictionary:{known_names()[span]}"] = 1.0
    if span in word_frequency():
        features["dictionary:log_frequency"] = math.log10(1 + word_frequency()[span]) / 4
    if len(given) >= 2 and given in words:
        features["word:given_is_a_word"] = 1.0
    if span[-1] in PLACE_ENDINGS:
        features["word:ends_like_a_place"] = 1.0
    if any(span[k:k + n] in table for k in range(1, len(span) - 1) for n in (2, 3)):
        features["word:place_inside"] = 1.0  # 和武汉, 连线湖北
    if span.endswith(titles_after_name()) or any(span.endswith(title) for title in ("同志", "老师")):
        features["word:ends_with_a_title"] = 1.0
    return features


def _continuation_features(text: str, start: int, end: int) -> dict[str, float]:
    """The candidate is part of a longer dictionary word: 闻令而|动, 殷|勤, |苗头性 (a frequent word, not a name)."""
    frequency = word_frequency()
    features = {}
    if frequency.get(text[start:end + 1], 0) >= COMMON or (len(text[start:end + 2]) >= 4 and text[start:end + 2] in frequency):
        features["boundary:word_continues_right"] = 1.0  # 闻令|而动, 殷殷|嘱托: an idiom goes on
    if any(frequency.get(text[start - k:end], 0) >= COMMON for k in (1, 2) if start - k >= 0):
        features["boundary:word_continues_left"] = 1.0
    if any(frequency.get(text[end - 1:end + k], 0) >= COMMON for k in (1, 2) if end + k <= len(text)):
        features["boundary:last_character_starts_a_word"] = 1.0  # 陈寅作|报告: 作报告 is a word
    if any(frequency.get(text[start - k:start + 1], 0) >= COMMON for k in (1, 2) if start - k >= 0):
        features["boundary:first_character_ends_a_word"] = 1.0
    return features


def _document_features(candidates: list[dict]) -> None:
    """How often each string occurs, and whether another occurrence has strong evidence, in place."""
    counts: dict[str, int] = {}
    strong: dict[str, int] = {}
    extensions: dict[str, set[str]] = {}
    for candidate in candidates:
        if len(candidate["text"]) >= 3:
            extensions.setdefault(candidate["text"][:-1], set()).add(candidate["text"])
        counts[candidate["text"]] = counts.get(candidate["text"], 0) + 1
        if _strong(candidate["features"]):
            strong[candidate["text"]] = strong.get(candidate["text"], 0) + 1
    for candidate in candidates:
        features, name = candidate["features"], candidate["text"]
        features["document:repeats"] = math.log(counts[name])
        if strong.get(name, 0) - _strong(features) > 0:
            features["document:strong_elsewhere"] = 1.0
        if len(name) == 3 and counts.get(name[:2], 0) > counts[name]:
            features["document:shorter_recurs"] = 1.0  # 陈寅作 once, 陈寅 more often: 作 is not part of the name
        if any(counts.get(longer, 0) >= counts[name] for longer in extensions.get(name, ())):
            features["document:longer_recurs"] = 1.0  # 王陈政 as often as 王陈政辉


JOINED_FLOOR = 0.15  # a candidate joined by 、 or 和 to an accepted name, not tagged a name, needs this much
RULE_FLOOR = 0.02  # a cued candidate still needs this much from the scorer (青年张云表示 is no name: 0.00)
STRONG = ("left:role", "left:age", "left:cohort", "right:speech", "right:title", "tag:name")


def _strong(features: dict[str, float]) -> int:
    return int(any(name in features for name in STRONG))


def _overlap_features(candidates: list[dict], text: str) -> None:
    """A candidate one character inside a longer one that starts with a surname right before it (王|陈政辉 in
    王陈政辉, 欧阳|晓晴): the name may begin a character earlier. In place."""
    spans = {(c["start"], c["end"]) for c in candidates}
    initials = _surname_characters()
    for candidate in candidates:
        start, end = candidate["start"], candidate["end"]
        if start and text[start - 1] in initials and (start - 1, end) in spans:
            candidate["features"]["left:surname_before"] = 1.0


def _list_features(candidates: list[dict], text: str) -> None:
    """A candidate in a list of name-like candidates (张华、李明、王芳 / 金星级：张华、李明；…), in place."""
    by_start = {c["start"]: c for c in candidates}
    by_end = {c["end"]: c for c in candidates}
    for candidate in candidates:
        start, end = candidate["start"], candidate["end"]
        before = start >= 2 and text[start - 1] in "、，, " and (start - 1) in by_end
        after = end < len(text) and text[end] in "、，, " and (end + 1) in by_start
        if before or after:
            candidate["features"]["list:neighbour"] = 1.0


def _crossed(features: dict[str, float]) -> dict[str, float]:
    """The combinations of the binary features of the ``CROSSED`` group pairs (``tag:name&length:2``)."""
    groups: dict[str, list[str]] = {}
    for name, value in features.items():
        if value == 1.0:
            head, colon, _ = name.partition(":")
            if colon:
                groups.setdefault(head, []).append(name)
    crossed = {}
    for left, right in CROSSED:
        if left in groups and right in groups:
            for a in groups[left]:
                for b in groups[right]:
                    crossed[a + "&" + b] = 1.0
    return crossed


def candidates(text: str) -> list[dict]:
    """Every candidate of ``text`` with its features: ``{"start", "end", "text", "features"}``."""
    tokens = tag_tokens(text)
    found = []
    for start, end, a, b in candidate_spans(tokens, text):
        span = text[start:end]
        features = _lexical_features(span, tokens, a, b)
        features.update(_left_features(text, start, tokens, a))
        features.update(_right_features(text, end, tokens, b))
        features.update(_continuation_features(text, start, end))
        features.update(_crossed(features))
        found.append({"start": start, "end": end, "text": span, "features": features})
    _document_features(found)
    _list_features(found, text)
    _overlap_features(found, text)
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
    frequency, (role_ending, longest_role) = word_frequency(), _role_endings()
    start = match.start()
    for cut in range(match.start() + 1, dot - 1):
        head = text[match.start():cut]
        if role_ending.search(head[-longest_role:]) or any(frequency.get(head[-n:], 0) >= COMMON
                                                             for n in (2, 3, 4) if len(head) >= n):
            start = cut
    return start


def _dotted_end(text: str, match: re.Match) -> int:
    dot = next(i for i in range(match.start(), match.end()) if text[i] in NAME_DOTS)
    cues = _speech_cues() + _link_cues() + tuple(FOLLOWER_START)
    for end in range(dot + 3, match.end() + 1):
        if text.startswith(cues, end) or end == match.end():
            return end
    return match.end()


def find_person_mentions(text: str) -> list[Mention]:
    """The person names of ``text`` (one document), each mention a ``Mention`` labelled ``person``
    with its probability as ``score`` and the features that weighed most as ``evidence``; names written with a
    middle dot are persons by their shape (``dotted_names``)."""
    dotted = dotted_names(text)
    scored = [c for c in score_candidates(candidates(text)) if not any(overlap(c, m) for m in dotted)]
    mentions = [Mention(c["start"], c["end"], c["text"], "person", "scored", explain(c["features"]), round(c["score"], 4))
                for c in choose_names(scored, scorer()[2])]
    return sorted(mentions + dotted, key=lambda m: m.start)
