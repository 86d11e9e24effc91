"""The parts of an institution name left of its suffix (or other head): gazetteer places, name words,
ordinals, brackets, towns, brands and bare runs, relative places, quoted names and short university names, and
when a chunk is only a generic phrase (a place and a common noun). ``institution_candidates`` builds its
candidates from them; ``institution_scoring`` reads the same evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicons.dictionary import dictionary_entry
from ..lexicons.institution_words import (
    _has_never_word,
    _last_characters,
    _max_lengths,
    _suffix_of,
    link_words,
    name_words,
    never_words,
    suffixes,
)
from ..lexicons.places import institution_places
from .institution_names import BOUNDARY, LEVELS

MAX_BRAND = 10       # longest run of unknown characters accepted inside a name (青少年社会工作服务)
CJK = re.compile(r"[\u3400-\u9fff]")
BRAND_STOP = set("的是在了着对把被为从向给及说等各该其这那此我你他她它们一名位个有也将要而并或还又、，。；：！？“”‘’《》（）()「」…—·\n\r\t ")
ORDINAL = re.compile(r"(?:第[〇一二三四五六七八九十百零两\d]+[批届]?|首批)$")
GRADE = re.compile(r"(?:\d{4}|\d{2})级$")
# A relative body (省青少年发展基金会) may follow a clause boundary or one of these function characters.
RELATIVE_BEFORE = set("由在向和与及的经为对将把被从给同到至并暨即是据")
PREFIXES = ("共青团", "中共", "团")


# ---------------------------------------------------------------- name parts left of a suffix

def link_ending(text: str, q: int) -> str | None:
    """The link word (联合) that ends at ``q``, if any."""
    return next((word for word in link_words() if text.startswith(word, q - len(word)) and q >= len(word)), None)


def _longest_ending(text: str, q: int, table, longest: int, last: frozenset) -> str | None:
    if q < 2 or text[q - 1] not in last:
        return None  # no entry of the table ends with this character (``_last_characters``)
    for length in range(min(longest, q), 1, -1):
        if text[q - length:q] in table:
            return text[q - length:q]
    return None


def _item_ending(text: str, q: int, ends: dict[int, int]) -> tuple[int, str] | None:
    """The name part that ends at ``q``: (its start, kind), kind in candidate/place/strong/weak/town/ordinal/
    bracket."""
    if q in ends:
        return ends[q], "candidate"
    place_max, word_max = _max_lengths()
    place = _longest_ending(text, q, institution_places(), place_max, _last_characters()[0])
    if place and place[0] in "和与及" and _suffix_of(text[max(0, q - len(place) - 8):q - len(place)]):
        place = None  # 县人社局和县住建局: 和 joins two bodies here, it does not begin 和县
    if place and _verb_across(text, q - len(place)):
        place = None  # 注册成立|山口…合作社: 立山 is a place, but 成立 holds its first character
    word = _longest_ending(text, q, name_words(), word_max, _last_characters()[1])
    if place and (not word or len(place) >= len(word)):
        return q - len(place), "place"
    if word:
        return q - len(word), name_words()[word]
    town = _town_ending(text, q, ends)
    if town is not None:
        return town, "town"
    for pattern in (ORDINAL, GRADE):
        match = pattern.search(text, max(0, q - 8), q)
        if match:
            return match.start(), "ordinal"
    if q and text[q - 1] in "）)":
        opening = max(text.rfind("（", max(0, q - 10), q), text.rfind("(", max(0, q - 10), q))
        inner = text[opening + 1:q - 1]
        if opening >= 0 and inner and not (set(inner) & BRAND_STOP):
            return opening, "bracket"
    return None


NAMING_KINDS = ("candidate", "place", "strong", "town")  # a part of these kinds makes a name; weak ones only join it
PART_LABELS = {"candidate": "body", "place": "place", "strong": "word", "weak": "word", "ordinal": "ordinal",
               "bracket": "bracket", "brand": "name", "bare": "name", "town": "town", "host": "relative"}
# A town's name (籍山镇, 上湖乡) starts after one of these, a clause boundary, a place or a body.
TOWN_BEFORE = BRAND_STOP | RELATIVE_BEFORE | set("于往入")
NOT_TOWN_AFTER = {"乡": "村亲土下愁音情里间镇", "镇": "压定静"}  # 乡村, 镇压: words, not a town


def _stops_before(text: str, start: int, ends: dict[int, int]) -> bool:
    """A name may begin at ``start``: the text, a clause or a function word ends there, or a place or body."""
    return (start == 0 or text[start - 1] in TOWN_BEFORE or not CJK.match(text[start - 1]) or start in ends
            or _longest_ending(text, start, institution_places(), _max_lengths()[0], _last_characters()[0]) is not None
            or verb_ending(text, start) or link_ending(text, start) is not None)


def _town_ending(text: str, q: int, ends: dict[int, int]) -> int | None:
    """Start of a township's name ending at ``q`` (two or three characters and 镇 or 乡: 代桥镇, 新场镇)."""
    if q < 3 or text[q - 1] not in "镇乡" or (q < len(text) and text[q] in NOT_TOWN_AFTER[text[q - 1]]):
        return None
    for length in (2, 3):
        start = q - 1 - length
        name = text[start:q - 1]
        if start < 0 or any(ch in TOWN_BEFORE or ch in "镇乡" or not CJK.match(ch) for ch in name):
            return None
        if _has_never_word(name):
            return None
        if _stops_before(text, start, ends):
            return start
    return None


def _brand_ending(text: str, q: int, ends: dict[int, int], *, unit: bool = False, bodies=()) -> int | None:
    """Start of a short run of unknown characters ending at ``q`` with a name part on its left; a run that
    opens with a verb begins no body's name (a unit's may: 医院 + 感染病科)."""
    for length in range(1, min(MAX_BRAND, q) + 1):
        chunk = text[q - length:q]
        if chunk[0] in BRAND_STOP or not CJK.match(chunk[0]) or _has_never_word(text[q - length - 1:q]):
            return None
        if any(text.startswith(word, q - length) and (q - length in ends or len(word) > 1) for word in link_words()):
            return None  # 团县委联合省基金会: two bodies joined by a verb, not one name
        if length > 1 and (q - length + 1 in ends or q - length + 1 in bodies):
            return None  # a run never holds the end of a body (…委员会|转发国家…)
        if chunk[0] in "和与" or chunk[-1] in "和与" or not unit and _opens_with_verb(chunk):
            continue  # 湖北省卫健委|转发|国家卫健委: a verb between two bodies
        if _item_ending(text, q - length, ends) or _is_relative_place(text, q - length):
            return q - length
    return None


def _verb_across(text: str, start: int) -> bool:
    """A common two-character verb holds the character at ``start`` and the one before it (成立|山口: 立), and
    that one is not the end of a word before it (联合|成都市: 合成 is a verb, but 合 ends 联合)."""
    if start < 1 or not _opens_with_verb(text[start - 1:start + 1]):
        return False
    before = start >= 2 and dictionary_entry(text[start - 2:start])
    return not (before and before[0] >= 100)


def _opens_with_verb(chunk: str) -> bool:
    entry = len(chunk) >= 2 and dictionary_entry(chunk[:2])
    return bool(entry) and entry[1] == "v" and entry[0] >= 300


def _is_relative_place(text: str, q: int) -> bool:
    """A bare 省/市/区/县 just left of ``q`` that starts a word: the document's own place (，市疾控中心)."""
    if q < 1 or text[q - 1] not in LEVELS:
        return False
    if any(text.startswith(word, q - 1) for word in never_words()):
        return False  # 市民, 市场: a word, not the document's city (区市场监督管理局 is the district's)
    before = text[max(0, q - 3):q - 1]
    if before[-1:] and before[-1] in LEVELS or len(before) == 2 and before[0] in LEVELS and before[1] == "、":
        return False  # 省、市定点医院 / 省市两级: levels listed, not one body of the document's place
    return (q == 1 or text[q - 2] in BOUNDARY or text[q - 2] in RELATIVE_BEFORE or not CJK.match(text[q - 2])
            or link_ending(text, q - 1) is not None)


@dataclass
class _Extension:
    start: int
    relative: bool
    parts: list  # (kind, text), left to right


def extend_left(text: str, q: int, ends: dict[int, int], *, committee: bool,
                 brands: bool = True, unit: bool = False, bodies=()) -> _Extension | None:
    """Walk left from ``q`` over name parts (and runs of unknown characters if ``brands``); None unless a
    part names the body (a place, a strong word, a body found before, the document's own place)."""
    has_name = False
    kind = None
    parts: list[tuple[str, str]] = []
    if committee:  # 委 needs a place ending in 省/市/县/区/州 right before it
        item = _item_ending(text, q, ends)
        if not (item and item[1] == "place" and text[q - 1] in "省市县区州"):
            return None  # (a bare 市委 / 省委 is an alias, found exactly)
        parts.append(("place", text[item[0]:q]))
        (q, kind), has_name = item, True
    while q > 0:
        item = _item_ending(text, q, ends)
        if item:
            parts.append((item[1], text[item[0]:q]))
            q, kind = item
            has_name = has_name or kind in NAMING_KINDS
            continue
        if _is_relative_place(text, q):
            parts.append(("relative", text[q - 1]))
            return _Extension(q - 1, True, parts[::-1])
        brand = _brand_ending(text, q, ends, unit=unit, bodies=bodies) if kind != "place" and brands else None  # 联合 in 团市委联合成都市卫健委 is a verb
        if brand is not None:
            parts.append(("brand", text[brand:q]))
            q, kind = brand, "brand"
            continue
        break
    if not has_name:
        return None
    for prefix in PREFIXES:
        if text.startswith(prefix, q - len(prefix)) and q >= len(prefix):
            parts.append(("prefix", prefix))
            q -= len(prefix)
            break
    return _Extension(q, False, parts[::-1])


GENERIC_PARTS = ("place", "relative", "prefix")
QUANTITY = re.compile(r"^[一二两三四五六七八九十百千几多数\d]+[所家个座支名位批栋幢种类级]")
OPEN_QUOTES, CLOSE_QUOTES = "“「『", "”」』"
# Titles and members written right after a body (市委书记, 团委副书记, 协会会员 …).
ROLES_AFTER = ("书记", "副书记", "主任", "副主任", "主席", "副主席", "会长", "副会长", "院长", "副院长", "校长",
               "副校长", "负责人", "成员", "队员", "志愿者", "老师", "教师", "学生", "员工", "干部", "党员",
               "团员", "工作人员", "部长", "局长", "处长", "队长", "社长", "董事长", "总经理", "经理", "创始人",
               "委员", "常委", "记者", "编辑", "护士", "医生", "副处长", "秘书长", "理事长", "领导")


def generic_phrase(suffix: str, parts: list) -> str | None:
    """Why a candidate is a place and a common noun, not a name (某地学校, 中国农村, 浙江三所大学), or None."""
    generic = suffixes()[suffix]["generic"] == "yes"
    if generic and all(kind in GENERIC_PARTS for kind, _ in parts):
        return "a place and a common noun"
    if generic and all(kind in ("strong", "weak") and piece not in NATIONAL for kind, piece in parts):
        return "name words and a common noun"  # 金融科技公司, 医药集团: a kind of body
    brand = parts[-1][1] if parts and parts[-1][0] == "brand" else ""
    if not brand:
        return None
    if len(brand) == 1 and len(suffix) == 1:
        return "one character before a one-character suffix"
    entry = dictionary_entry(brand)
    if entry and entry[1] == "f":
        return f"{brand} is a direction"  # 深圳北部中心
    if len(brand) == 1 and len(parts) >= 2 and parts[-2][0] == "place" and \
            (dictionary_entry(brand + suffix) or (0, ""))[1] != "nt":
        return "one character between a place and the suffix"  # 常州读大学; not 杭州市中医院
    only = all(kind in GENERIC_PARTS for kind, _ in parts[:-1])  # 中国农村, not 青少年社会工作服务中心
    return _generic_name(brand, suffix, generic and only)


def _generic_name(name: str, suffix: str, generic: bool = True) -> str | None:
    """Why ``name`` + ``suffix`` is a common word rather than a name (农村, 贫困村, 三所大学; 中小学 and
    高等学校 after any suffix), or None."""
    if QUANTITY.match(name):
        return "a quantity"
    entry = dictionary_entry(name + suffix)
    if entry and entry[0] >= 20 and (entry[1] in ("j", "l") or generic and entry[1] not in ("nt", "nz")):
        return f"{name + suffix} is a common word"
    tail = dictionary_entry(name[-1] + suffix) if len(suffix) == 1 else None
    if tail and tail[0] >= 500 and tail[1] not in ("nt", "nz"):
        return f"{name[-1] + suffix} is a common word"  # 大山深处, 发展大局, 回到乡村
    return None


BARE_BEFORE = BOUNDARY | RELATIVE_BEFORE | BRAND_STOP | set("了着说于往入届批最更很较太后驻进—…·「」『』\r\t")
NATIONAL = ("中共中央", "中共", "中央", "中国", "全国", "国家", "共青团", "政治局")  # words that begin a name
VERBAL = frozenset({"v", "vn", "vd", "d", "ad", "p", "c", "r"})
CLASSIFIERS = set("家所个座支批种类名位")


BARE_LONGEST = 8


SHORT_UNIVERSITY = ("工大", "师大", "农大", "医大", "财大", "理工大", "交大", "科大")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*[A-Za-z0-9]$")


def _short_university(text: str, q: int, end: int) -> int | None:
    """Start of a university's short name: one or two characters standing for a place before 工大 / 师大 …
    (浙工大, 哈工大（威海）), after a clause boundary; never the start of a longer word (加工大米)."""
    for length in (1, 2):
        start = q - length
        if start < 0 or not CJK.match(text[start]) or text[start] in BARE_BEFORE:
            return None
        if start == 0 or text[start - 1] in BARE_BEFORE or not CJK.match(text[start - 1]):
            ending = dictionary_entry(text[end - 1:end + 1])
            return None if crosses_word(text, start, q, edges=(start,)) or ending else start
    return None


def _latin_name(text: str, q: int) -> int | None:
    """Start of a name in Latin letters right before a suffix (Roundtable研究所)."""
    match = LATIN_NAME.search(text, max(0, q - 30), q)
    if match is None or match.end() != q or (match.start() and text[match.start() - 1].isascii()
                                             and text[match.start() - 1].isalnum()):
        return None
    return match.start()


TIME_WORDS = ("今年", "去年", "明年", "当年", "今天", "昨天", "明天", "近日", "日前", "目前", "此前", "近年", "如今", "现在")
ROAD_ENDINGS = ("路", "街", "巷", "大道")
NUMERAL_CHARS = "一二三四五六七八九十"
NUMERALS = re.compile(f"[{NUMERAL_CHARS}百千万两几数0-9]+")


def bare_name(text: str, q: int, suffix: str) -> int | None:
    """Start of a name of two to eight other characters left of ``q`` that begins after a clause boundary or
    a function word (在荔枝沟小学, 的凹下村, 、海螺小学), or right after a verb (加入东湖新城社区)."""
    if q and text[q - 1].isascii():
        return _latin_name(text, q)
    start, road = None, text.endswith(ROAD_ENDINGS, 0, q)
    for length in range(1, BARE_LONGEST + 1):
        at = q - length
        if at < 0 or text[at] in BARE_BEFORE and not (road and text[at] in NUMERAL_CHARS) or not CJK.match(text[at]):
            break  # a numeral may stand in a road's name (五一路, 二环路)
        if length >= 2 and (at == 0 or text[at - 1] in BARE_BEFORE or not CJK.match(text[at - 1])
                            or link_ending(text, at) is not None):
            start = at
            break
    else:
        for length in range(BARE_LONGEST, 1, -1):  # no boundary: a name right after a verb
            if verb_ending(text, q - length):
                start = q - length
                break
    if start is not None and q - start >= 4 and text.startswith(TIME_WORDS, start):
        start += 2  # 今年|喜马拉雅电台: a time word opens the clause, not the name
    if start is None:
        return None
    found = _checked_bare(text, start, q, suffix)
    if found is None and q - start >= 4 and _opens_with_verb(text[start:start + 2]):
        found = _checked_bare(text, start + 2, q, suffix)  # 来自|桃源社区, 注册成立|…: the clause's verb goes
    return found


def _checked_bare(text: str, start: int, q: int, suffix: str) -> int | None:
    """``start`` when ``text[start:q]`` may be a bare name before ``suffix``: no word crosses its start, it is
    no name word, kind of body, number or clause."""
    if crosses_word(text, start, q, edges=(start,)):
        return None
    name = text[start:q]
    if text[start] in CLASSIFIERS or name in name_words() or _has_never_word(name) or _generic_name(name, suffix):
        return None
    entry = dictionary_entry(name)
    if entry and entry[1] in ("n", "s", "f") and entry[0] >= 2000:
        return None  # 乡村小学, 城市社区: a kind of body, not one
    if NUMERALS.fullmatch(name) or len(suffix) == 1 and _runs_into_suffix(text, q):
        return None  # 五六|处: a number; 卡口随|处可见: a one-character suffix that ends a word of the run
    if len(name) >= 3 and name.endswith(ROAD_ENDINGS):
        return start  # 解放路 + 街道, 建设路 + 社区: a road's name, whatever word it begins with
    return None if verbal(name) else start


def _runs_into_suffix(text: str, q: int) -> bool:
    """An adverb, verb or function word of the dictionary runs from the run into the suffix (随|处 in 随处可见)."""
    for left in range(max(0, q - 2), q):
        entry = dictionary_entry(text[left:q + 1])
        if entry and entry[1] in VERBAL and entry[0] >= 50:
            return True
    return False


def verbal(name: str) -> bool:
    """A run that is, or begins with, a common verb or adverb of jieba's dictionary (筹建, 配合学校, 帮忙传达,
    曾配合学校): a clause, not a name."""
    for word, least in ((name, 50), (name[:2], 300), (name[1:] if len(name) >= 3 else "", 300)):
        entry = dictionary_entry(word)
        if entry and entry[1] in VERBAL and entry[0] >= least:
            return True
    return False


def _quoted_name(text: str, q: int, end: int) -> int | None:
    """Start of a quoted name that the suffix ending at ``end`` closes (“鸣鹰支教队”), or None."""
    if end >= len(text) or text[end] not in CLOSE_QUOTES:
        return None
    for start in range(q - 1, max(-1, q - 16), -1):
        if text[start] in OPEN_QUOTES:
            return start + 1 if start + 1 < q else None
        if text[start] in "，。；：！？、\n”」』":
            return None
    return None


HOSTS = ("该公司", "本公司", "该校", "学校", "学院", "公司", "集团", "镇", "乡", "局", "校", "院")
HOST_UNITS = ("党委", "团委", "党总支", "团总支", "团支部", "党支部", "工会")


def _host(text: str, q: int, suffix: str) -> str | None:
    """The body a unit belongs to, written as a relative word right before it (镇党委, 公司团委, 校医院)."""
    if suffix not in HOST_UNITS and suffix != "医院":
        return None
    for host in (("校",) if suffix == "医院" else HOSTS):
        start = q - len(host)
        if start >= 0 and text.startswith(host, start) and (
                start == 0 or text[start - 1] in BARE_BEFORE or not CJK.match(text[start - 1])
                or verb_ending(text, start)):
            return None if crosses_word(text, start, q, edges=(start,)) else host
    return None


def verb_ending(text: str, q: int) -> bool:
    """A two-character verb of jieba's dictionary ends at ``q`` (代表|学院党总支, 加入|东湖新城社区)."""
    entry = q >= 2 and dictionary_entry(text[q - 2:q])
    return bool(entry) and entry[1] == "v"


def crosses_word(text: str, start: int, end: int, *, edges=None) -> bool:
    """A dictionary word other than a body's name runs across the start or the end of ``text[start:end]``
    (香港 across 港大 in 香港大公报, 高等学校 across 学校)."""
    for edge in (start, end) if edges is None else edges:
        for left in range(max(0, edge - 3), edge):
            for right in range(edge + 1, min(len(text), left + 6) + 1):
                entry = (left, right) != (start, end) and dictionary_entry(text[left:right])
                if entry and entry[1] != "nt":
                    return True
    return False


CLAUSE_ENDS = "，。；：！？\n,;:!?"


def _distributive(text: str, q: int) -> bool:
    """The clause opens with 各 (各委、局、公司团委; 各乡镇、学校团组织): every such body, not one."""
    clause = max(text.rfind(mark, 0, q) for mark in CLAUSE_ENDS) + 1
    return text.startswith("各", clause) or text.startswith("各", clause + 1) and not CJK.match(text[clause])


def fallback(text: str, q: int, end: int, suffix: str) -> tuple[int, str, list[str]] | None:
    """A candidate with no place or name word before its suffix: a quoted name, a unit of a body written as a
    relative word, or a bare name (for suffixes whose ``bare`` is yes): (start, rule, evidence). None in a
    clause that addresses every body of a kind (各…)."""
    if _distributive(text, q):
        return None
    start = _quoted_name(text, q, end)
    if start is not None and text[start:end] not in suffixes():  # “青年突击队” is a suffix, not 青年 + 突击队
        return start, "quoted", [("quoted", text[start:q]), ("suffix", suffix)]
    host = _host(text, q, suffix)
    if host:
        return q - len(host), "relative", [("host", host), ("suffix", suffix)]
    if suffix in SHORT_UNIVERSITY:
        start = _short_university(text, q, end)
        if start is not None:
            return start, "short-name", [("bare", text[start:q]), ("suffix", suffix)]
    if suffixes()[suffix]["bare"] == "yes":
        start = bare_name(text, q, suffix)
        if start is not None:
            return start, "bare-name", [("bare", text[start:q]), ("suffix", suffix)]
    return None


def extend_right(text: str, end: int) -> int:
    """Take a campus in brackets after a name: 中国地质大学（北京）."""
    match = re.match(r"[（(]([\u3400-\u9fff]{2,6})[）)]", text[end:end + 10])
    return end + match.end() if match and match.group(1) in institution_places() else end


def with_head(parts: list, head: str, word: str, *, right: str = "") -> list[tuple[str, str]]:
    return [*parts, (head, word)] + ([("campus", right)] if right else [])
