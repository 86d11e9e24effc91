"""The gazetteer (``data/gazetteer_places.csv``): place names and short forms, their provinces, and the
finest place a run of written place names adds up to.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import resources

DESTINATION = re.compile(r"(?:支援|援助|驰援|援|赴)$")


@lru_cache(maxsize=None)
def places() -> dict[str, frozenset[str]]:
    """Place name (full and short forms) -> the provinces it may lie in. ``gazetteer_places.csv``."""
    table: dict[str, set[str]] = {}
    for row in resources.read_csv("gazetteer_places.csv"):
        for name in {row["name"], row["short"], prefecture_short_form(row)} - {""}:
            if len(name) >= 2:
                table.setdefault(name, set()).add(row["province"])
    return {name: frozenset(provinces) for name, provinces in table.items()}


def prefecture_short_form(row: dict) -> str:
    """How an autonomous prefecture is written short with its 州 (湘西土家族苗族自治州 -> 湘西州, 凉山州), or ""."""
    return row["short"] + "州" if row["name"].endswith("自治州") and row["short"] else ""


COMMON_TAGS = frozenset("n v vn vd a ad an d m mq t f s c r q b j l i p u z".split())


def county_short_form(name: str) -> str | None:
    """How a county's name is written short (余杭区 -> 余杭, 定安县 -> 定安, 玉龙纳西族自治县 -> 玉龙), unless
    that short form is a common word in jieba's dictionary (和平区, 资源县, 新华区 stay full)."""
    from .dictionary import dictionary_entry

    if "自治" in name:
        short = name[:2]
    elif len(name) >= 3 and name[-1] in "区县市旗":
        short = name[:-1]
    else:
        return None
    entry = dictionary_entry(short)
    if entry and (entry[0] >= 500 or entry[1] in COMMON_TAGS and entry[0] >= 100):
        return None
    return None if short[0] in "市城" else short


@lru_cache(maxsize=None)
def county_short_forms() -> dict[str, frozenset[str]]:
    """Short forms of the counties the gazetteer gives none for (``county_short_form``) -> their provinces.
    The institution finder reads them as places (余杭政协, 永嘉团县委); ``places()`` leaves them out."""
    table: dict[str, set[str]] = {}
    for row in resources.read_csv("gazetteer_places.csv"):
        short = row["level"] == "county" and not row["short"] and county_short_form(row["name"])
        if short and short not in places():
            table.setdefault(short, set()).add(row["province"])
    return {name: frozenset(provinces) for name, provinces in table.items()}


@lru_cache(maxsize=None)
def institution_places() -> dict[str, frozenset[str]]:
    """``places()`` and the counties' short forms (``county_short_forms``)."""
    return {**places(), **county_short_forms()}


@lru_cache(maxsize=None)
def _gazetteer() -> tuple[dict[str, tuple[dict, ...]], dict[str, dict]]:
    """(place name or short form -> its gazetteer rows, adcode or province short name -> row); a county's
    derived short form too."""
    by_name: dict[str, list[dict]] = {}
    by_code: dict[str, dict] = {}
    shorts = county_short_forms()
    for row in resources.read_csv("gazetteer_places.csv"):
        if row["adcode"]:
            by_code[row["adcode"]] = row
        if row["level"] == "province":
            by_code[row["province"]] = row
        derived = county_short_form(row["name"]) if row["level"] == "county" and not row["short"] else None
        for name in {row["name"], row["short"], prefecture_short_form(row),
                     derived if derived in shorts else ""} - {"", None}:
            if len(name) >= 2:
                by_name.setdefault(name, []).append(row)
    return {name: tuple(rows) for name, rows in by_name.items()}, by_code


def _ancestors(row: dict) -> tuple[dict, dict | None, dict | None]:
    """(province, prefecture, county) rows of a gazetteer row; a region (南疆) counts as its province."""
    by_code = _gazetteer()[1]
    code = row["adcode"]
    province = by_code.get(code[:2] + "0000") if code else by_code[row["province"]]
    prefecture = by_code.get(code[:4] + "00") if row["level"] in ("prefecture", "county") else None
    return province, prefecture, row if row["level"] == "county" else None


def _prefix(row: dict) -> str:
    """The adcode digits every place inside ``row`` shares."""
    return {"county": row["adcode"], "prefecture": row["adcode"][:4]}.get(row["level"], row["adcode"][:2])


def _narrow(finest: dict | None, rows: tuple[dict, ...]) -> dict | None:
    """The finest place once ``rows`` (one written place name) is read after ``finest``."""
    if finest is None:
        options = rows
    else:
        inside = _prefix(finest)
        options = tuple(r for r in rows if r["adcode"].startswith(inside) and r["adcode"] != finest["adcode"]
                        and r["province"] == finest["province"])
    if len(options) == 1:
        return options[0]
    if finest is None and options and len({r["province"] for r in options}) == 1:
        return _ancestors(options[0])[0]  # 鼓楼区: two in 江苏, so only 江苏 is certain
    provinces = [r for r in options if r["level"] == "province"] if finest is None else []
    if len(provinces) == 1:
        return provinces[0]  # 海南 alone is the province, not 青海's 海南州 or 乌海's 海南区
    return finest


@lru_cache(maxsize=4096)
def place_of(text: str, *, leading: bool = False) -> dict | None:
    """The finest gazetteer place that the places written in ``text`` add up to, read left to right
    (``杭州市西湖区`` -> the 西湖区 of 杭州; ``西湖区`` alone is ambiguous). ``leading``: only the
    places written at the very start of ``text``."""
    by_name, _ = _gazetteer()
    finest, end = None, 0
    for position, name in _place_names_in(text):
        if leading and position != end:
            break
        finest, end = _narrow(finest, by_name[name]), position + len(name)
    return finest


def place_label(row: dict | None) -> str | None:
    """A place as one string that ``place_of`` reads back: 上海, 浙江, 杭州市, 杭州市西湖区."""
    if row is None:
        return None
    province, prefecture, county = _ancestors(row)
    if county is None:
        return prefecture["name"] if prefecture else (province["short"] or province["name"])
    city = prefecture or (province if province["name"].endswith("市") else None)
    return (city["name"] if city else "") + county["name"]


def place_at_level(row: dict | None, level: str) -> str | None:
    """The full name the document's place has at ``level`` (省 / 市 / 区 / 县), or None:
    ``place_at_level(place_of("杭州市西湖区"), "区")`` -> ``"杭州市西湖区"``."""
    if row is None:
        return None
    province, prefecture, county = _ancestors(row)
    if level == "省":
        return province["name"] if province["name"].endswith("省") else None
    if level == "市":  # a county-level city, a prefecture city, or a municipality
        return next((place["name"] for place in (county, prefecture, province)
                     if place and place["name"].endswith("市")), None)
    if level == "区":
        if county and county["name"].endswith("区"):
            city = prefecture or province
            return (city["name"] if city["name"].endswith("市") else "") + county["name"]
        return province["name"] if prefecture is None and province["name"].endswith("自治区") else None
    if level == "县":
        return county["name"] if county and county["name"].endswith("县") else None
    return None


@lru_cache(maxsize=None)
def _place_lengths() -> dict[str, tuple[int, ...]]:
    """First character of a place name -> the lengths of the names starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in institution_places():
        lengths.setdefault(name[0], set()).add(len(name))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


@lru_cache(maxsize=None)
def _place_initials() -> re.Pattern:
    """Any first character of a place name: the scan jumps from one to the next."""
    return re.compile("[" + "".join(map(re.escape, sorted(_place_lengths()))) + "]")


@lru_cache(maxsize=16)  # a document's place, its dominant province and its bodies' provinces read the same text
def _place_names_in(text: str) -> tuple[tuple[int, str], ...]:
    """Place names written in ``text`` (longest first, left to right) with their positions, skipping
    destinations (支援湖北医疗队: 湖北 is not home)."""
    table, lengths, shorts = institution_places(), _place_lengths(), county_short_forms()
    found, i, initial = [], 0, _place_initials().search
    while match := initial(text, i):
        i = match.start()
        for length in lengths[text[i]]:
            piece = text[i:i + length]
            if piece in table and not _inside_word(text, i, i + length, both=piece in shorts, short=length == 2):
                if not DESTINATION.search(text, max(0, i - 2), i):
                    found.append((i, piece))
                i += length
                break
        else:
            i += 1
    return tuple(found)


def _inside_word(text: str, start: int, end: int, *, both: bool, short: bool) -> bool:
    """A place name read inside another word: a county's derived short form across either edge (大城 in
    大城市), any two-character name across its start (大理 in 远大理想, 立山 in 成立山口; 山西 in 山西医科大学
    is read as written)."""
    from .dictionary import dictionary_entry

    if not (both or short):
        return False
    for left in range(max(0, start - 2), end if both else start):
        for right in range(left + 2, min(len(text), end + 2) + 1):
            if (left < start < right or left < end < right) and (left, right) != (start, end):
                entry = dictionary_entry(text[left:right])
                if entry and entry[1] not in ("ns", "nt", "nz", "j"):
                    return True
    return False


def _places_in(name: str) -> list[tuple[int, frozenset[str]]]:
    """Places written in a name, left to right, with the provinces each may lie in."""
    return [(position, institution_places()[piece]) for position, piece in _place_names_in(name)]


def _province_from_places(located: list[tuple[int, frozenset[str]]]) -> str | None:
    """The leftmost place decides; an ambiguous one (朝阳区) is settled by the other places."""
    if not located:
        return None
    candidates = set(located[0][1])
    for _, provinces in located[1:]:
        if candidates & provinces:
            candidates &= provinces
    return next(iter(candidates)) if len(candidates) == 1 else None


def _dominant(keys: list[str]) -> str | None:
    """The key named more often than any other, in at least half of ``keys``, and at least twice unless it is
    the only one."""
    counts = sorted(Counter(keys).items(), key=lambda item: (-item[1], item[0]))
    if not counts:
        return None
    (top, count), second = counts[0], counts[1][1] if len(counts) > 1 else 0
    return top if (count >= 2 or len(counts) == 1) and count > second and 2 * count >= len(keys) else None


def _unique(rows: list[dict], key) -> str | None:
    keys = {key(row) for row in rows}
    return keys.pop() if len(keys) == 1 and None not in keys else None


def dominant_province(text: str) -> str | None:
    """The province ``text`` names more often than any other, in at least half of its place names and at least
    twice unless it names no other, or None.

    >>> dominant_province("三亚的志愿者……海南……三亚学院"), dominant_province("从北京到上海")
    ('海南', None)
    """
    by_name, _ = _gazetteer()
    written = [by_name[name] for _, name in _place_names_in(text)]
    return _dominant([key for rows in written if (key := _unique(rows, lambda r: r["province"]))])


def _dominant_place(text: str, levels: set[str]) -> dict | None:
    """The province named most in ``text``; within it the city, then the district or county named most,
    as far down as the document's relative bodies (``levels``) need."""
    by_name, by_code = _gazetteer()
    written = [by_name[name] for _, name in _place_names_in(text)]
    province = _dominant([key for rows in written if (key := _unique(rows, lambda r: r["province"]))])
    if province is None:
        return None
    finest = by_code[province]
    inside = [[r for r in rows if r["province"] == province and r["level"] in ("prefecture", "county")]
              for rows in written]
    if levels - {"省"} and not finest["name"].endswith("市"):  # a city: a prefecture or a county-level city
        def city(row):
            return row["adcode"] if row["name"].endswith("市") and row["level"] == "county" else row["adcode"][:4] + "00"
        code = _dominant([key for rows in inside if rows and (key := _unique(rows, city))])
        finest = by_code.get(code, finest)
    if levels & {"区", "县"} and finest["level"] != "county":
        within = _prefix(finest)
        code = _dominant([key for rows in inside if (key := _unique(
            [r for r in rows if r["level"] == "county" and r["adcode"].startswith(within)], lambda r: r["adcode"]))])
        finest = by_code.get(code, finest)
    return finest
