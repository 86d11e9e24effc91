"""Institution word lists, read once: suffixes and types, name words, link and never words, ministries,
known bodies, aliases, rewrites and phrases that are never institutions (``data/institution_*``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import resources
from ..errors import CorpusError
from .places import institution_places

TYPES = ("university", "school", "hospital", "youth_league", "party_government", "company", "ngo",
         "grassroots", "medical_team", "media", "other")


@lru_cache(maxsize=1)
def body_endings() -> frozenset[str]:
    """Two-character suffixes (政协, 大学, 医院, 公司 …), numbered schools (一中) aside: no person's given name
    ends with one (the people finder's candidates and a page's issuer)."""
    return frozenset(s for s in suffixes() if len(s) == 2 and s[0] not in "一二三四五六七八九十")


@lru_cache(maxsize=None)
def suffixes() -> dict[str, dict]:
    """Suffix -> its row (type, scope, not_before, inherits, generic, bare, full). ``institution_suffixes.csv``
    and the short forms of ``institution_abbreviations.csv`` (人社局: full = 人力资源和社会保障局)."""
    rows = {row["suffix"]: {**row, "full": ""} for row in resources.read_csv("institution_suffixes.csv")}
    for short, row in abbreviations().items():
        rows.setdefault(short, {"suffix": short, "type": row["type"], "scope": row["scope"],
                                "not_before": "公事" if short.endswith("办") else "",
                                "inherits": "yes" if row["scope"] == "unit" else "no", "generic": "", "bare": ""})
        rows[short]["full"] = row["full"]
    bad = sorted({row["type"] for row in rows.values()} - set(TYPES))
    if bad:
        raise CorpusError(f"institution_suffixes.csv: unknown type {', '.join(bad)}")
    return rows


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, dict]:
    """Short form of a department -> full, type, scope, alone. ``institution_abbreviations.csv``."""
    return {row["short"]: row for row in resources.read_csv("institution_abbreviations.csv")}


def expand_abbreviation(name: str) -> str:
    """The name with a short form at its end written out: 桐庐县人社局 -> 桐庐县人力资源和社会保障局."""
    for length in (5, 4, 3, 2):
        row = abbreviations().get(name[-length:])
        if row and len(name) >= length:
            return name[:-length] + row["full"]
    return name


@lru_cache(maxsize=None)
def name_words() -> dict[str, str]:
    """Word -> strong/weak. ``institution_name_words.csv``; a ministry word is a weak one too, so that a
    department named with 和 stays whole (安溪县人力资源和社会保障局)."""
    rows = resources.read_csv("institution_name_words.csv")
    words = {row["word"]: "weak" for row in rows if row["strength"] == "ministry"}
    words.update({row["word"]: row["strength"] for row in rows if row["strength"] in ("strong", "weak")})
    return words


@lru_cache(maxsize=None)
def link_words() -> tuple[str, ...]:
    """Words that join two bodies (联合, 会同): ``institution_name_words.csv``, strength link."""
    return tuple(row["word"] for row in resources.read_csv("institution_name_words.csv") if row["strength"] == "link")


@lru_cache(maxsize=None)
def _ministry_pattern() -> re.Pattern:
    """A central ministry: a ministry word (教育, 外交 …, strength ministry) + 部, not 部门 / 部长."""
    words = sorted((row["word"] for row in resources.read_csv("institution_name_words.csv")
                    if row["strength"] == "ministry"), key=len, reverse=True)
    return re.compile("(?:中华人民共和国|国家)?(?:" + "|".join(map(re.escape, words)) + ")部(?![门分长属委])")


def _is_ministry(name: str) -> bool:
    return bool(_ministry_pattern().fullmatch(name))


@lru_cache(maxsize=None)
def never_words() -> frozenset[str]:
    """Words that never stand inside a name (市民, 市场, 派出). ``institution_name_words.csv``."""
    return frozenset(row["word"] for row in resources.read_csv("institution_name_words.csv")
                     if row["strength"] == "never")


def _has_never_word(chunk: str) -> bool:
    return any(word in chunk for word in never_words())


KNOWN_FILES = (("institution_known.csv", ""), ("institution_media.csv", "media"),
               ("institution_companies.csv", "company"))


@lru_cache(maxsize=None)
def known_bodies() -> dict[str, dict]:
    """Well-known body -> province, level and type ("" = from its suffix): ``institution_known.csv``, news
    outlets (``institution_media.csv``, type media) and companies known by brand (``institution_companies.csv``)."""
    table: dict[str, dict] = {}
    for name, kind in KNOWN_FILES:
        for row in resources.read_csv(name):
            table.setdefault(row["name"], {**row, "level": row.get("level", ""), "type": kind,
                                           "source": name.removeprefix("institution_").removesuffix(".csv")})
    return table


@lru_cache(maxsize=None)
def _known_pattern() -> re.Pattern:
    """Every known body, longest first (to find the ones written inside a name)."""
    return re.compile("|".join(map(re.escape, sorted(known_bodies(), key=lambda name: (-len(name), name)))))


@lru_cache(maxsize=None)
def aliases() -> dict[str, dict]:
    """Alias -> canonical, type, province, level, context. ``institution_aliases.csv``, and the short forms
    of ``institution_abbreviations.csv`` that name a central body when written alone (国资委, 发改委)."""
    table = {row["alias"]: row for row in resources.read_csv("institution_aliases.csv")}
    for short, row in abbreviations().items():
        if row["alone"]:
            table.setdefault(short, {"alias": short, "canonical": row["alone"], "type": row["type"],
                                     "province": "", "level": "central", "context": ""})
    return table


@lru_cache(maxsize=None)
def rewrites() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["pattern"]), row["replacement"]) for row in resources.read_csv("institution_rewrites.csv"))


@lru_cache(maxsize=None)
def not_names() -> tuple[str, ...]:
    """Phrases that are never institutions (农业农村). ``institution_not_names.txt``."""
    return tuple(resources.read_lines("institution_not_names.txt"))


@lru_cache(maxsize=None)
def _exact_names() -> dict[str, dict]:
    """Names found exactly as written: aliases, their plain canonical names, known bodies."""
    names = {name: {"source": "known"} for name in known_bodies()}
    for alias, row in aliases().items():
        names[alias] = {"source": "alias"}
        if "{" not in row["canonical"]:
            names.setdefault(row["canonical"], {"source": "canonical"})
    return names


@lru_cache(maxsize=None)
def _exact_pattern() -> re.Pattern:
    names = sorted(_exact_names(), key=lambda name: (-len(name), name))
    return re.compile("|".join(map(re.escape, names)))


@lru_cache(maxsize=None)
def _suffix_pattern() -> re.Pattern:
    names = sorted(suffixes(), key=lambda name: (-len(name), name))
    first = "".join(sorted({name[0] for name in names}))  # a cheap test first: the lookahead alone is 4x slower
    return re.compile("(?=[" + re.escape(first) + "])(?=(" + "|".join(map(re.escape, names)) + "))")


@lru_cache(maxsize=None)
def _max_lengths() -> tuple[int, int]:
    return max(map(len, institution_places())), max(map(len, name_words()))


@lru_cache(maxsize=None)
def _last_characters() -> tuple[frozenset, frozenset]:
    """The characters the places and the name words end with: most positions end neither, found at once."""
    return (frozenset(name[-1] for name in institution_places() if name),
            frozenset(word[-1] for word in name_words() if word))


@lru_cache(maxsize=None)
def _suffix_lengths() -> tuple[frozenset[str], tuple[int, ...]]:
    """The suffixes as a set, and their lengths, longest first."""
    return frozenset(suffixes()), tuple(sorted({len(suffix) for suffix in suffixes()}, reverse=True))


def _suffix_of(name: str) -> str | None:
    """The longest suffix (``institution_suffixes.csv``) that ``name`` ends with, or None."""
    table, lengths = _suffix_lengths()
    for length in lengths:
        if len(name) >= length and name[-length:] in table:
            return name[-length:]
    return None


def _unit_suffix(name: str) -> bool:
    suffix = _suffix_of(name)
    return bool(suffix) and suffixes()[suffix]["scope"] == "unit"


@lru_cache(maxsize=None)
def _alias_by_canonical() -> dict[str, dict]:
    table: dict[str, dict] = {}
    for row in aliases().values():
        table.setdefault(row["canonical"], row)
    return table
