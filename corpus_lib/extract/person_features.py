"""The evidence of a person-name candidate (see ``person_finder``): what the string is (its tags, length,
surname, dictionary entries, how name-like its given-name characters are), what stands right before and after it,
whether a word goes on across its edges, and, over the document, how often it recurs and whether it stands in a
list. Each is a small ``{feature: value}`` dict; the weights are in ``data/person_scorer.csv``."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ..lexicons.dictionary import dictionary_entry
from ..lexicons.names import (
    HAN,
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
from ..lexicons.places import county_short_forms, places
from .cohorts import cohort_alternation, find_cohorts

HAN_ONLY = re.compile(f"[{HAN}]+")
PUNCTUATION_CLASSES = {"，": "comma", ",": "comma", "、": "dun", "。": "period", "；": "semicolon", "：": "colon",
                       ":": "colon", "“": "quote_open", "”": "quote_close", "「": "quote_open", "」": "quote_close",
                       "『": "quote_open", "』": "quote_close", "（": "paren_open", "(": "paren_open",
                       "）": "paren_close", ")": "paren_close", "！": "period", "？": "period", " ": "space",
                       "\n": "line", "《": "book", "》": "book", "·": "dot", "—": "dash"}
AGE_BEFORE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[岁歲](?:的)?$")
CONJUNCTIONS = frozenset("和与及同跟")
# One-character prepositions and adverbs that follow a sentence's subject (杜某某在会上…, 王某也…): after a name they
# say the name has ended, whether the tagger split them off or glued them on (毫在).
SUBJECT_FOLLOWERS = frozenset("在从向对为把被将也还都就又曾已正便亦仍")
ADVERBS_BEFORE_SPEECH = ("也", "还", "则", "就", "便", "又", "笑着", "坦言", "对记者", "向记者", "告诉记者")
# characters that begin the words right after a name (说, 是, 今年, 每天, 告诉 …)
FOLLOWER_START = frozenset("说是在和与的了也都就便则等今每告带负正已曾还又从来向对为被把将跟给让一同笑坦称认表介回作通毕当出代亦主")
LEFT_WINDOW = 12
COMMON = 100  # a dictionary word this frequent (jieba's counts) that the tagger does not call a name is no candidate
# last characters of place and organisation names (谷岗乡, 郭庄村, 苗寨): a candidate ending in one is likelier a place
LEVEL_MARKS = frozenset("省市区县镇乡村州")
NEVER_LAST = frozenset("乡镇村县省区寨部局处厅委社站馆队籍")  # no given name ends with these; places, bodies and 某地籍 do
ORGANISATION_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:公司|集团|有限|医院|大学|学院|学校|中学|小学|协会|中心|工作室|合作社|研究所|研究院)")
PLACE_ENDINGS = frozenset("村乡镇寨县区省州市街路港湾岛沟坪屯庄营堡园院局部处委会厅馆站队社校")
# Pairs of feature groups whose combinations are features too (a two-character name tagged as a name, a
# clause-initial candidate followed by a verb …): a linear model cannot combine them by itself.
CROSSED = (("tag", "length"), ("tag", "surname"), ("surname", "word"), ("left", "right"), ("left", "right_tag"),
           ("left_tag", "right"), ("length", "right"), ("length", "left"))


# ---------------------------------------------------------------- the string's surname

def _surname_kind(span: str) -> str:
    singles, compounds = surnames()
    if span.startswith(compounds) and len(span) >= 3:
        return "compound"
    if span[0] in singles:
        return "common"
    if span[0] in ambiguous_surnames():
        return "ambiguous"
    return "none"


def is_name_tag(tag: str) -> bool:
    return tag.startswith("nr")


@lru_cache(maxsize=None)
def surname_characters() -> frozenset[str]:
    singles, compounds = surnames()
    return singles | ambiguous_surnames() | frozenset(c[0] for c in compounds)


# ---------------------------------------------------------------- features

@lru_cache(maxsize=None)
def _cohort_before() -> re.Pattern:
    """A cohort word (the one pattern, from ``cohort_variants.csv``) right before the candidate, with or without 的."""
    return re.compile(cohort_alternation() + "(?:的)?$")


# Last characters of words for a kind of person (新农人, 主播, 创业者, 快递员, 设计师, 大学生, 歌手, 画家, 电焊工 …).
PERSON_WORD_ENDINGS = "人者员师生手家工匠播"


@lru_cache(maxsize=None)
def _cohort_then_descriptor() -> re.Pattern:
    """A cohort word, then (without 的) a word of two to four characters for a kind of person."""
    return re.compile(cohort_alternation() + f"[{HAN}]{{1,3}}[{PERSON_WORD_ENDINGS}]$")


@lru_cache(maxsize=None)
def _longest_role() -> int:
    return max(map(len, roles()[0]))


def role_before(before: str) -> str | None:
    """The longest role (护士, 团委书记 …) that ``before`` ends with, by lookups of its last characters; like a
    regular expression's ``$``, a role may also end right before a final line break."""
    rows, size, trailing = roles()[0], len(before), before.endswith("\n")
    for i in range(max(0, size - _longest_role() - 1), size):
        if before[i:] in rows:
            return before[i:]
        if trailing and before[i:-1] in rows:
            return before[i:-1]
    return None


@lru_cache(maxsize=None)
def _credit_ending() -> re.Pattern:
    """A press credit right before the candidate, itself after a boundary (人文|关怀 is no credit); a credit of
    one character (文, 图) only with a separator."""
    longer = "|".join(map(re.escape, sorted((c for c in press_roles() if len(c) > 1), key=len, reverse=True)))
    single = "|".join(map(re.escape, (c for c in press_roles() if len(c) == 1)))
    return re.compile(rf"(?:^|(?<=[\s（(【\[|｜丨:：/□报社台网]))(?:(?:{longer})[\s：:丨|/]*|(?:{single})[\s：:丨|/]+)$")


@lru_cache(maxsize=None)
def speech_cues() -> tuple[str, ...]:
    after = name_cues()[1]
    return tuple(sorted((cue for cue, kind in after.items() if kind == "speech"), key=len, reverse=True)) + (
        "告诉", "坦言", "回忆", "称", "透露", "笑着说", "感慨", "说道", "谈到", "提到", "讲述")


@lru_cache(maxsize=None)
def link_cues() -> tuple[str, ...]:
    after = name_cues()[1]
    return tuple(sorted((cue for cue, kind in after.items() if kind == "link"), key=len, reverse=True))


@lru_cache(maxsize=None)
def _weak_cues() -> tuple[str, ...]:
    after = name_cues()[1]
    return tuple(sorted((cue for cue, kind in after.items() if kind == "weak"), key=len, reverse=True))


def left_features(text: str, start: int, tokens, a: int) -> dict[str, float]:
    """What stands right before the candidate: a cue (a role, an age, a cohort, a press credit, 的, 和 …), else
    the kind of character there (punctuation, the line start, another Chinese character)."""
    features = {}
    before = text[max(0, start - LEFT_WINDOW):start]
    char = text[start - 1] if start else "\n"
    rows, _ = roles()
    role = role_before(before)
    if role:
        features["left:role" if not rows[role]["weak"] else "left:weak_role"] = 1.0
    stripped = before.rstrip(" ")
    if AGE_BEFORE.search(stripped):
        features["left:age"] = 1.0
    if _cohort_before().search(stripped):
        features["left:cohort"] = 1.0
    elif role and _cohort_before().search(stripped[:len(stripped) - len(role)]):
        features["left:cohort"] = 1.0  # 另一名00后护士|闵佳: a cohort, then a role
    elif not role and _cohort_then_descriptor().search(stripped):
        features["left:cohort"] = features["left:role"] = 1.0  # 95后新农人|某某: a cohort, then a word for a person
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


def right_features(text: str, end: int, tokens, b: int) -> dict[str, float]:
    """What follows the candidate: a cue (说, 表示, 也是, a title such as 老师, 是, 等, 的, 和 …), else the kind of
    character there."""
    features = {}
    char = text[end] if end < len(text) else "\n"
    after = text[end:end + 8]
    if after.startswith(speech_cues()):
        features["right:speech"] = 1.0
    elif after.startswith(ADVERBS_BEFORE_SPEECH) and any(cue in after for cue in speech_cues()):
        features["right:speech_near"] = 1.0
    if after.startswith(link_cues()):
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
        kind = PUNCTUATION_CLASSES.get(char, "han" if HAN_ONLY.fullmatch(char) else "other")
        features["right:subject_follower" if char in SUBJECT_FOLLOWERS else f"right:{kind}"] = 1.0
    if ORGANISATION_AFTER.match(text, end):
        features["right:organisation_follows"] = 1.0  # 康天晟|合生物技术有限公司
    if b + 1 < len(tokens):
        features[f"right_tag:{tokens[b + 1][1][:1] or 'x'}"] = 1.0
    return features


def lexical_features(span: str, tokens, a: int, b: int) -> dict[str, float]:
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
        features["tag:name" if is_name_tag(tags[0]) else f"tag:{tags[0][:1] or 'x'}"] = 1.0
    elif all(is_name_tag(tag) for tag in tags):
        features["tag:name_pieces"] = 1.0
    elif any(is_name_tag(tag) for tag in tags):
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
    if span in county_short_forms():
        features["word:county_stem"] = 1.0  # 乐安 of 乐安县: a county written short, as places() does not (names collide)
    if any(span[k:k + n] in table for k in range(1, len(span) - 1) for n in (2, 3)):
        features["word:place_inside"] = 1.0  # 和武汉, 连线湖北
    if span.endswith(titles_after_name()) or any(span.endswith(title) for title in ("同志", "老师")):
        features["word:ends_with_a_title"] = 1.0
    return features


def continuation_features(text: str, start: int, end: int) -> dict[str, float]:
    """The candidate is part of a longer dictionary word: 闻令而|动, 殷|勤, |苗头性 (a frequent word, not a name)."""
    frequency = word_frequency()
    get, size = frequency.get, len(text)
    features = {}
    if get(text[start:end + 1], 0) >= COMMON or (min(size, end + 2) - start >= 4 and text[start:end + 2] in frequency):
        features["boundary:word_continues_right"] = 1.0  # 闻令|而动, 殷殷|嘱托: an idiom goes on
    if (start >= 1 and get(text[start - 1:end], 0) >= COMMON) or (start >= 2 and get(text[start - 2:end], 0) >= COMMON):
        features["boundary:word_continues_left"] = 1.0
    if (end + 1 <= size and get(text[end - 1:end + 1], 0) >= COMMON) or (end + 2 <= size
                                                                          and get(text[end - 1:end + 2], 0) >= COMMON):
        features["boundary:last_character_starts_a_word"] = 1.0  # 陈寅作|报告: 作报告 is a word
    if get(text[end:end + 2], 0) >= COMMON or get(text[end:end + 3], 0) >= COMMON:
        features["boundary:a_word_follows"] = 1.0  # 张伟|担任: the text goes on with a word of its own
        following = dictionary_entry(text[end:end + 2])
        if following and following[1][:1] == "v":
            features["boundary:a_verb_follows"] = 1.0
    if (start >= 1 and get(text[start - 1:start + 1], 0) >= COMMON) or (start >= 2
                                                                        and get(text[start - 2:start + 1], 0) >= COMMON):
        features["boundary:first_character_ends_a_word"] = 1.0
    return features


def document_features(candidates: list[dict]) -> None:
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
            # 王陈政 as often as 王陈政辉; written once, that says little (张伟|担任 is also the candidate 张伟担)
            features["document:longer_recurs" if counts[name] > 1 else "document:longer_once"] = 1.0


STRONG = ("left:role", "left:age", "left:cohort", "right:speech", "right:title", "tag:name")


def _strong(features: dict[str, float]) -> int:
    return int(any(name in features for name in STRONG))


def overlap_features(candidates: list[dict], text: str) -> None:
    """A candidate one character inside a longer one that starts with a surname right before it (王|陈政辉 in
    王陈政辉, 欧阳|晓晴): the name may begin a character earlier; not after a conjunction that is also a surname
    (简宁和|柳依). In place."""
    spans = {(c["start"], c["end"]) for c in candidates}
    initials = surname_characters()
    for candidate in candidates:
        start, end = candidate["start"], candidate["end"]
        if start and text[start - 1] in initials and text[start - 1] not in CONJUNCTIONS and (start - 1, end) in spans:
            candidate["features"]["left:surname_before"] = 1.0


def list_features(candidates: list[dict], text: str) -> None:
    """A candidate in a list of name-like candidates (张华、李明、王芳 / 金星级：张华、李明；…), in place."""
    by_start = {c["start"]: c for c in candidates}
    by_end = {c["end"]: c for c in candidates}
    for candidate in candidates:
        start, end = candidate["start"], candidate["end"]
        before = start >= 2 and text[start - 1] in "、，, " and (start - 1) in by_end
        after = end < len(text) and text[end] in "、，, " and (end + 1) in by_start
        if before or after:
            candidate["features"]["list:neighbour"] = 1.0


def crossed(features: dict[str, float]) -> dict[str, float]:
    """The combinations of the binary features of the ``CROSSED`` group pairs (``tag:name&length:2``); the
    result (not to be changed) depends only on the binary features' names in order, and few such lists recur."""
    return _crossed(tuple(name for name, value in features.items() if value == 1.0))


@lru_cache(maxsize=1 << 14)
def _crossed(names: tuple[str, ...]) -> dict[str, float]:
    groups: dict[str, list[str]] = {}
    for name in names:
        head = _group(name)
        if head:
            groups.setdefault(head, []).append(name)
    crossed = {}
    for left, right in CROSSED:
        if left in groups and right in groups:
            for a in groups[left]:
                for b in groups[right]:
                    crossed[a + "&" + b] = 1.0
    return crossed


@lru_cache(maxsize=1 << 12)
def _group(name: str) -> str:
    """The group of a feature's name (``left`` of ``left:role``), or "" for a name without one."""
    head, colon, _ = name.partition(":")
    return head if colon else ""
