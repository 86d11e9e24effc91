"""What an institution's name says: its type, canonical form (团省委 -> 共青团浙江省委员会), province and level.
"""
from __future__ import annotations

import re

import pandas as pd

from ..lexicons.institution_words import (
    _alias_by_canonical,
    _is_ministry,
    _known_pattern,
    _suffix_of,
    _unit_suffix,
    aliases,
    expand_abbreviation,
    known_bodies,
    rewrites,
    suffixes,
)
from ..lexicons.places import (
    _ancestors,
    _gazetteer,
    _place_names_in,
    _places_in,
    _prefix,
    _province_from_places,
    place_at_level,
    place_of,
)

CENTRAL_PREFIXES = ("中共中央", "中央", "国务院", "全国", "国家", "共青团中央", "中国共产党中央", "中华人民共和国")


LEVELS = "省市区县"   # a bare 省/市/区/县 before a body means the document's own province, city, district, county


COMMITTEE = re.compile(r"^(?P<prefix>共青团|团|中国共产党|中共)?(?P<place>.+?)(?P<league>团)?(?P<level>[省市区县州]?)委$")


def classify_institution(name: str, *, suffix: str | None = None) -> str:
    """The type of a body from its name: ``classify_institution("团沈阳市委")`` -> ``"youth_league"``."""
    alias = aliases().get(name)
    if alias:
        return alias["type"]
    if _is_ministry(name):
        return "party_government"
    known = known_bodies().get(name)
    if known and known["type"]:
        return known["type"]
    suffix = suffix or _suffix_of(name)
    kind = suffixes()[suffix]["type"] if suffix else "other"
    if name.startswith(("团", "共青团")) and suffix in ("委", "委员会", "工作部", "宣传部", "组织部"):
        return "youth_league"
    return kind


def locate_institution(name: str) -> str | None:
    """Province of a body from its own name or the known-body table, else None.

    >>> locate_institution("团安徽省宿州市委")
    '安徽'
    """
    alias = aliases().get(name)
    if alias and alias["province"]:
        return alias["province"]
    known = [(match.start(), match.end(), known_bodies()[match.group()]["province"])
             for match in _known_pattern().finditer(name)]
    pieces = [piece for piece in _places_in(name)  # 阿里 in 阿里巴巴 is no place
              if not any(start <= piece[0] < end for start, end, _ in known)]
    pieces += [(start, frozenset([province])) for start, _, province in known if province]
    pieces.sort(key=lambda piece: piece[0])
    return _province_from_places(pieces)


PLACEHOLDER = re.compile(r"\{([省市区县])\}")


def _fill(template: str, place: dict | None) -> str | None:
    """An alias's canonical template with the document's place put in (中共{市}委员会 -> 中共上海市委员会)."""
    filled = template
    for level in PLACEHOLDER.findall(template):
        at = place_at_level(place, level)
        if at is None:
            return None
        filled = filled.replace("{" + level + "}", at)
    return None if "{" in filled else filled


def relative_level(name: str) -> str | None:
    """省 / 市 / 区 / 县 when a name stands for a body of the document's own place, else None:
    ``relative_level("团省委")`` -> ``"省"``; ``relative_level("市中区人民医院")`` -> None (市中区 is a place)."""
    alias = aliases().get(name)
    if alias:
        found = PLACEHOLDER.search(alias["canonical"]) if alias["context"] == "place" else None
        return found.group(1) if found else None
    if name[:1] in LEVELS and not (_place_names_in(name)[:1] and _place_names_in(name)[0][0] == 0):
        return name[0]
    return None


def _full_place(place: str, level: str) -> str:
    """浙江 + 省 -> 浙江省, 广西 + 区 -> 广西壮族自治区: a short form's full name when it ends with the level."""
    if place.endswith(level):
        return place
    full = [row["name"] for row in _gazetteer()[0].get(place, ()) if row["short"] == place]
    return full[0] if len(full) == 1 and full[0].endswith(level) else place + level


def _with_city(district: str, place: dict | None) -> str:
    """A district written without its city gets it (江岸区 -> 武汉市江岸区), as relative 区 bodies do, when the
    gazetteer (or the document's place, for 鼓楼区) says which city it is in."""
    rows = [row for row in _gazetteer()[0].get(district, ()) if row["level"] == "county"]
    if place is not None and len(rows) > 1:
        rows = [row for row in rows if row["adcode"].startswith(_prefix(place)[:4] if place["level"] != "province"
                                                                  else _prefix(place))]
    if len(rows) != 1:
        return district
    city = _ancestors(rows[0])[1]
    return city["name"] + district if city and city["name"].endswith("市") else district


def _committee_name(name: str, document: dict | None = None) -> str | None:
    """The real name of a Party or League committee written short: 团浙江省委 / 共青团浙江省委 / 浙江团省委 /
    杭州市团委 -> 共青团浙江省委员会 …; 湖北省委 / 中共湖北省委 -> 中共湖北省委员会. None if not one."""
    match = COMMITTEE.match(name)
    if not match:
        return None
    place, level = match["place"], match["level"]
    if not level:
        if not (match["league"] and len(place) >= 2 and place[-1] in LEVELS + "州"):
            return None
        place, level = place[:-1], place[-1]
    if not place:
        return None
    league = match["league"] or match["prefix"] in ("团", "共青团")
    full = _full_place(place, level)
    if level == "区":
        full = _with_city(full, document)
    return ("共青团" if league else "中共") + full + "委员会"


def _cppcc_name(name: str, document: dict | None = None) -> str | None:
    """A place's CPPCC committee written short: 余杭政协 / 杭州市余杭区政协 -> 中国人民政治协商会议杭州市余杭区委员会."""
    if not name.endswith("政协") or len(name) < 4:
        return None
    written = name[:-2]
    found = _place_names_in(written)
    if not found or found[0][0] != 0 or sum(len(piece) for _, piece in found) != len(written):
        return None
    row = place_of(written)
    if row is None:
        return None
    full = _with_city(row["name"], document) if row["level"] == "county" else row["name"]
    return "中国人民政治协商会议" + full + "委员会"


def canonical_name(name: str, *, context_province: str | None = None) -> str:
    """The canonical form: ``canonical_name("团中央")`` -> ``"共青团中央"``;
    ``canonical_name("团省委", context_province="浙江")`` -> ``"共青团浙江省委员会"``.
    ``context_province`` is the document's place (see ``document_place``)."""
    place = place_of(context_province) if context_province else None
    alias = aliases().get(name)
    if alias:
        if alias["context"] == "university":
            return name
        return _fill(alias["canonical"], place) or name
    level = relative_level(name)
    if level:
        at = place_at_level(place, level)
        if at is None:
            return name
        name = at + name[1:]
    name = expand_abbreviation(name)
    for prefix in sorted(aliases(), key=len, reverse=True):  # 华山医院援鄂医疗队 -> 复旦大学附属华山医院…
        row, rest = aliases()[prefix], name[len(prefix):]
        if name.startswith(prefix) and "{" not in row["canonical"] and rest and _unit_suffix(rest):
            return row["canonical"] + rest
    if _is_ministry(name):
        return name if name.startswith("中华人民共和国") else "中华人民共和国" + name.removeprefix("国家")
    committee = _committee_name(name, place) or _cppcc_name(name, place)
    if committee:
        return committee
    for pattern, replacement in rewrites():
        if pattern.match(name):
            return pattern.sub(replacement, name)
    return name


def is_central(name: str) -> bool:
    """A national body (团中央, 国务院, 国家卫生健康委员会, 全国青联 …), named as written or canonically:
    it has no province, wherever it is mentioned.

    >>> is_central("中华人民共和国国务院"), is_central("全国青联"), is_central("共青团浙江省委员会")
    (True, True, False)
    """
    if _is_ministry(name):
        return True
    row = aliases().get(name) or _alias_by_canonical().get(name) or known_bodies().get(name) or {}
    if row.get("level"):
        return row["level"] == "central"
    return name.startswith(CENTRAL_PREFIXES) and locate_institution(name) is None


def institution_level(canonical: str, province: str | None = None) -> str:
    """central for national bodies (党中央, 国务院, 团中央 …), international, else local."""
    alias = _alias_by_canonical().get(canonical)
    if alias and alias["level"]:
        return alias["level"]
    known = known_bodies().get(canonical)
    if known and known["level"]:
        return known["level"]
    return "central" if canonical.startswith(CENTRAL_PREFIXES) and (province is None or pd.isna(province)) else "local"


BOUNDARY = set("、，。；：！？“”‘’《》（）()「」 \n")


def _relative_province(place: dict | None, level: str) -> str | None:
    """The province of a relative body: the document's, unless a 省 body sits in a municipality's document."""
    if place is None or (level == "省" and place_at_level(place, "省") is None):
        return None
    return place["province"]


def _province_of(name: str, text: str, start: int, place: dict | None, earlier: list[dict]) -> str | None:
    """From the name itself; an ambiguous place in it (西湖区: 浙江 or 江西) settled by the document's place
    or the last body found before it; for a relative body, the document's place; else, unless the body is
    central, a place just left of it in the same clause."""
    province = locate_institution(name)
    if province is not None:
        return province
    level = relative_level(name)
    if level:
        return _relative_province(place, level)
    located = _places_in(name)
    if located:
        settled = [place["province"]] if place else []
        settled += [row["province"] for row in reversed(earlier) if row["province"]][:1]
        return next((province for province in settled if province in located[0][1]), None)
    return None if is_central(name) else _context_province(text, start)


def _context_province(text: str, start: int) -> str | None:
    """A place just left of a mention in the same clause (宁夏石嘴山市惠农区西部计划志愿者 …)."""
    left = start
    while left > 0 and start - left < 12 and text[left - 1] not in BOUNDARY:
        left -= 1
    before = max(0, left - 2)  # (read with the two characters before: 成立|山口 holds no 立山)
    return _province_from_places([(position, provinces) for position, provinces in _places_in(text[before:start])
                                  if position >= left - before])
