"""Institutions: which bodies a text names, what kind they are, and where they are.

A rule- and lexicon-based extractor (no model download). It finds a suffix (大学, 医院, 团委, 市委 …,
``data/institution_suffixes.csv``) and extends left over name parts: places from the gazetteer
(``data/gazetteer_places.csv``), name words (``data/institution_name_words.csv``), ordinals (第一, 首批),
brackets (（集团）), known bodies (``data/institution_known.csv``) and bodies already found, plus a short
"brand" run (黄河中药, 夕阳再晨) when a place or body stands left of it. Aliases
(``data/institution_aliases.csv``) are matched exactly and give canonical names. A department or team
(学院, 科, 团委, 医疗队 …) written right after its body gets its own row with ``parent`` set.

>>> extract_institutions("樊静妤是山西医科大学第一医院感染病科队员")[["name", "type", "parent"]].values.tolist()
[['山西医科大学第一医院', 'hospital', None], ['感染病科', 'hospital', '山西医科大学第一医院']]
"""
from __future__ import annotations

import re

import pandas as pd

from .. import schema
from ..cache import doccache
from ..errors import CorpusError
from ..lexicons.institution_words import (
    _exact_names,
    _known_pattern,
    _suffix_of,
    aliases,
    expand_abbreviation,
    suffixes,
)
from ..lexicons.places import _dominant_place, dominant_province, place_label, place_of
from ..preprocessing import script
from .institution_candidates import find_candidates, select_candidates, split_units
from .institution_names import (
    _province_of,
    canonical_name,
    classify_institution,
    institution_level,
    is_central,
    locate_institution,
    relative_level,
)
from .institution_scoring import needs_score, scored

COLUMNS = [c for c in schema.columns("institution_mentions") if c != "doc_id"]

LEADING_GRADE = re.compile(r"^(?:\d{4}|\d{2})级")
RELATIVE_MARK = re.compile(r"[全我本]([省市区县])")  # 全省, 我市, 本区: the document speaks for a place


# ---------------------------------------------------------------- type, canonical name, province


def _alias_context(name: str) -> str:
    return aliases().get(name, {}).get("context", "")


def _last_university(rows: list[dict]) -> dict | None:
    """The university or school written last before a relative unit (校团委) or a 我校."""
    return next((row for row in reversed(rows) if row["type"] in ("university", "school") and row["parent"] is None),
                None)


SCHOOL_SITES = ("新闻网", "新闻中心", "官网", "网站", "网")  # 某某大学新闻网: the school's own site


def _issuing_school(issuer: str) -> dict | None:
    """The document's issuer as the school a 我校 stands for, when it is a university or a school (某某大学, or its
    news site 某某大学新闻网); else None."""
    name = _simplified(issuer.strip()) if isinstance(issuer, str) else ""
    for ending in SCHOOL_SITES:
        if name.endswith(ending) and len(name) > len(ending) + 2:
            name = name[:-len(ending)]
            break
    if len(name) < 4 or not name.endswith(("大学", "学院", "学校", "中学", "小学")):
        return None
    kind = classify_institution(name)
    if kind not in ("university", "school"):
        return None
    return {"canonical": canonical_name(name), "type": kind, "province": locate_institution(name)}


def _named_in_full(name: str, rows: list[dict]) -> dict | None:
    """The body named in full earlier in the text that a short form stands for: a short known name (协和医院), or
    a bare level and an abbreviation (区义工联 -> …区义工联合会, 市妇联 -> …市妇女联合会)."""
    if _exact_names().get(name, {}).get("source") != "known":
        expanded = expand_abbreviation(name)
        if name[:1] not in "省市区县" or expanded == name:
            return None
        name = expanded
    return next((row for row in reversed(rows) if row["parent"] is None and len(row["canonical"]) > len(name)
                 and row["canonical"].endswith(name)), None)


def _simplified(text: str) -> str:
    """The simplified view of a traditional-character text (same length), else the text itself."""
    return script.simplified_view(text) if text and script.detect_script(text) == "traditional" else text


def extract_institutions(text: str, *, context_province: str | None = None, issuer: str = "") -> pd.DataFrame:
    """Institution mentions in ``text``, sorted by start.

    Columns: name (as written), canonical, start, end, type, province (short name or None), parent
    (the canonical name of the body a department or team belongs to), rule (what found it) and evidence
    (the words it was read from). ``context_province`` is the
    document's place (``document_place``: 上海, 浙江, 杭州市西湖区 …), which relative bodies such as 市委,
    团省委 or 区卫健委 belong to; ``issuer`` the document's (a school or university stands for the 我校 and 校团委
    of a text that names no school itself). A traditional-character text is read through its simplified view
    (``script.simplified_view``, same length): ``name`` stays as written, the other columns are simplified.

    >>> extract_institutions("团安徽省宿州市委宣传部部长张雨雁说")[["name", "province", "parent"]].values.tolist()
    [['团安徽省宿州市委', '安徽', None], ['宣传部', '安徽', '共青团安徽省宿州市委员会']]
    >>> extract_institutions("團中央發出通知")[["name", "canonical"]].values.tolist()
    [['團中央', '共青团中央']]
    """
    return _none_for_unknown(pd.DataFrame(institution_records(text, context_province=context_province, issuer=issuer),
                                          columns=COLUMNS))


def institution_records(text: str, *, context_province: str | None = None, chosen: tuple | None = None,
                        issuer: str = "") -> list[dict]:
    """The rows of ``extract_institutions`` as dicts, sorted by start (what the per-document cache stores).
    ``chosen``: ``_chosen`` of the text's simplified view, when the caller has it already."""
    if not isinstance(text, str):
        raise CorpusError("extract_institutions needs a string")
    written, text = text, _simplified(text)
    found, kept = chosen or _chosen(text)
    place = place_of(context_province) if context_province else None
    by_start: dict[int, list] = {}
    for candidate in found:
        by_start.setdefault(candidate.start, []).append(candidate)
    rows, seen = [], {}
    for candidate in kept:
        for piece, parent in split_units(candidate, by_start, text):
            name = text[piece.start:piece.end]
            grade = LEADING_GRADE.match(name)
            start = piece.start + (grade.end() if grade else 0)
            name = text[start:piece.end]
            parent_row = seen.get(id(parent)) if parent else None
            suffix = piece.suffix or _suffix_of(name)
            kind = piece.kind or classify_institution(name, suffix=suffix)
            if parent_row and suffix and suffixes()[suffix]["inherits"] == "yes":
                kind = parent_row["type"]
            if parent_row is None and _alias_context(name) == "university":
                parent_row = _last_university(rows) or _issuing_school(issuer)
                canonical = aliases()[name]["canonical"].replace("{university}", parent_row["canonical"]) \
                    if parent_row else name
                province = parent_row["province"] if parent_row else None
                if canonical == (parent_row or {}).get("canonical"):  # 我校: the university itself, not a unit
                    kind, parent_row = parent_row["type"], None
            elif parent_row:
                canonical = parent_row["canonical"] + expand_abbreviation(name)
                province = locate_institution(name) or parent_row["province"]
            else:
                canonical = canonical_name(name, context_province=context_province)
                province = _province_of(name, text, start, place, rows)
                longer = _named_in_full(name, rows)
                if longer:  # 协和医院 after 福建医科大学附属协和医院, 区义工联 after 某市某区义工联合会: the same body
                    canonical, province = longer["canonical"], longer["province"]
            row = {"name": written[start:piece.end], "canonical": canonical, "start": start, "end": piece.end,
                   "type": kind, "province": province, "parent": parent_row["canonical"] if parent_row else None,
                   "rule": piece.rule, "evidence": "; ".join(piece.evidence) + _score_note(candidate)}
            seen[id(piece)] = row
            rows.append(row)
    _same_level_bodies(rows)
    _province_from_document(rows, text, place)
    return sorted(rows, key=lambda row: row["start"])


def _same_level_bodies(rows: list[dict]) -> None:
    """A relative committee the document's place could not resolve (团市委 in a text about a county of 海南) is the
    one committee of that kind and level the document names in full (团某某市委 -> 共青团某某市委员会), when it names
    exactly one; in place."""
    resolved = [row["canonical"] for row in rows if row["parent"] is None]
    for row in rows:
        entry = aliases().get(_simplified(row["name"]))
        if row["parent"] is not None or not entry or entry["context"] != "place" or row["canonical"] != row["name"]:
            continue
        level = re.fullmatch(r"(.*)\{(省|市|区|县)\}(.*)", entry["canonical"])
        if not level:
            continue
        head, mark, tail = level.groups()
        pattern = re.compile(re.escape(head) + rf"[\u4e00-\u9fff]{{1,12}}{mark}" + re.escape(tail))
        same = {name for name in resolved if pattern.fullmatch(name)}
        if len(same) == 1:
            full = next(other for other in rows if other["canonical"] in same)
            row["canonical"], row["province"] = full["canonical"], row["province"] or full["province"]


def _province_from_document(rows: list[dict], text: str, place: dict | None) -> None:
    """A local body whose name, known-body row and clause give no province (荔枝沟小学, 校团委) takes the
    document's: the province of its place (``document_place``), else the one it names most, if any."""
    todo = [row for row in rows if row["province"] is None and _local(row)]
    if not todo:
        return
    province = place["province"] if place else dominant_province(text)
    for row in todo if province else ():
        row["province"] = province
        row["evidence"] += "; province from the document"


def _local(row: dict) -> bool:
    """Neither a national or international body nor an outlet, nor one known by name (肯德基, 宝洁公司 have no
    province); relative names (团省委, 校团委) are local."""
    canonical, name = row["canonical"], _simplified(row["name"])
    alias = aliases().get(name, {})
    if row["type"] == "media" or alias and not alias["context"] or _known_pattern().search(name):
        return False
    return not is_central(canonical) and not is_central(name) and institution_level(canonical) == "local"


def _score_note(candidate) -> str:
    return f" (score {candidate.score:g})" if needs_score(candidate) else ""


# ---------------------------------------------------------------- corpus tables


def _chosen(text: str) -> tuple[tuple, list]:
    """(every candidate, the candidates kept: scored, then the longest) of a simplified text. ``document_place``
    and ``institution_records`` both need them; ``_institution_rows`` finds them once for both."""
    found = find_candidates(text)
    return found, select_candidates(found, text, keep=lambda c: scored(c, text))


def _relative_levels(text: str, kept: list | None = None) -> set[str]:
    """The levels (省 / 市 / 区 / 县) of the document's own bodies: 全省 / 我市 / 本区, or a relative body.
    ``kept``: the text's kept candidates (``_chosen``), when the caller has them."""
    levels = {match.group(1) for match in RELATIVE_MARK.finditer(text)}
    for candidate in _chosen(text)[1] if kept is None else kept:
        level = relative_level(text[candidate.start:candidate.end])
        if level:
            levels.add(level)
    return levels


def document_place(text: str, *, title: str = "", issuer: str = "", chosen: tuple | None = None) -> str | None:
    """The place a document speaks for when it writes 市委 / 团省委 / 省…基金会 for its own bodies: the place
    of its issuer, else the places a title begins with, else - if the document has such relative bodies or
    writes 全市 / 我省 / 本区 - the province it names most (and, as far as its relative bodies need, the city
    and the district or county named most there). A province's short name (上海, 浙江) or a city or district
    (杭州市, 杭州市西湖区), as ``extract_institutions(context_province=...)`` takes it; None when unknown.
    ``chosen``: ``_chosen`` of the text's simplified view, when the caller has it already.

    >>> document_place("……", issuer="共青团上海市委员会")
    '上海'
    >>> document_place("团区委组织青年志愿者……", issuer="共青团杭州市西湖区委员会")
    '杭州市西湖区'
    """
    for source, leading in ((issuer, False), (title, True)):
        found = place_of(_simplified(source), leading=leading) if isinstance(source, str) and source else None
        if found:
            return place_label(found)
    text = _simplified(text)
    levels = _relative_levels(text, chosen[1] if chosen else None)
    return place_label(_dominant_place(text, levels)) if levels else None


def institution_mentions(docs: pd.DataFrame) -> pd.DataFrame:
    """Every institution mention of every document: ``doc_id`` plus the columns of ``extract_institutions``."""
    if docs.empty:
        return schema.empty("institution_mentions")
    heads = [[value or "" for value in docs[column]] if column in docs else [""] * len(docs)
             for column in ("title", "issuer")]
    found = doccache.cached_per_document("institution_mentions", _institution_rows, docs["text"], *heads)
    rows = [(doc_id, *row) for doc_id, doc_rows in zip(docs["doc_id"], found) for row in doc_rows]
    return _per_document(_none_for_unknown(pd.DataFrame(rows, columns=schema.columns("institution_mentions"))))


RELATIVE_OPENINGS = ("我", "本校", "本院", "本公司", "本单位", "该")


def unresolved_relative(canonical: str, name: str, rule: str) -> bool:
    """A body named relative to the document that the text did not resolve to a full name: 我校, 我校团委,
    该公司团委, a 公司团委 or 镇团委 with no name, a 团省委 whose province the document does not give.

    >>> [unresolved_relative(*row) for row in (("我校", "我校", "alias"), ("公司团委", "公司团委", "relative"),
    ...     ("共青团浙江省委员会", "团省委", "alias"), ("团省委", "团省委", "alias"), ("本溪市第一中学", "本溪市第一中学", "suffix"))]
    [True, True, False, True, False]
    """
    if canonical.startswith(RELATIVE_OPENINGS):
        return True
    if rule == "relative" and canonical == _simplified(name):
        return True
    return aliases().get(canonical, {}).get("context") == "place"


def _per_document(table: pd.DataFrame) -> pd.DataFrame:
    """Unresolved relative bodies (``unresolved_relative``) are a different body in every document: their
    canonical name, and the parent of their units, get the document's id (我校 -> 我校（d39）), so that the corpus
    tables never add two schools' 我校 up into one."""
    if table.empty:
        return table
    local = [unresolved_relative(c, n, r) for c, n, r in zip(table["canonical"], table["name"], table["rule"])]
    names = {(doc, c) for doc, c, is_local in zip(table["doc_id"], table["canonical"], local) if is_local}
    if not names:
        return table
    table = table.copy()
    table["canonical"] = [f"{c}（{doc}）" if is_local else c
                          for doc, c, is_local in zip(table["doc_id"], table["canonical"], local)]
    table["parent"] = [f"{p}（{doc}）" if (doc, p) in names else p for doc, p in zip(table["doc_id"], table["parent"])]
    return _none_for_unknown(table)


def _none_for_unknown(table: pd.DataFrame) -> pd.DataFrame:
    for column in ("province", "parent"):  # None, not NaN, for "unknown" / "no parent"
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def _institution_rows(text: str, title: str, issuer: str) -> list[tuple]:
    chosen = _chosen(_simplified(text))  # the place and the rows read the same candidates: found once
    context = document_place(text, title=title, issuer=issuer, chosen=chosen)
    return [tuple(row[column] for column in COLUMNS)
            for row in institution_records(text, context_province=context, chosen=chosen, issuer=issuer)]


def institution_table(docs: pd.DataFrame, *, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per canonical institution: type, province, level, parent, documents, count.
    Sorted by count (desc), then canonical name."""
    mentions = institution_mentions(docs) if mentions is None else mentions
    columns = schema.columns("institutions")
    if mentions.empty:
        return schema.empty("institutions")
    grouped = mentions.groupby("canonical", sort=True)
    table = pd.DataFrame({
        "type": grouped["type"].agg(lambda s: s.mode().iloc[0]),
        "province": grouped["province"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else None),
        "parent": grouped["parent"].agg(lambda s: s.dropna().iloc[0] if s.notna().any() else None),
        "documents": grouped["doc_id"].agg(lambda s: ",".join(sorted(set(s)))),
        "count": grouped.size(),
    }).reset_index()
    table["level"] = [institution_level(c, p) for c, p in zip(table["canonical"], table["province"])]
    table = table[columns].sort_values(["count", "canonical"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)
