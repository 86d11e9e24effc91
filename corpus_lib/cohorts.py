"""Cohorts (世代): 80后 … 10后. Where they are mentioned, what numbers are given for them,
and who the quoted young people are ("youth voices").

Stages: documents -> mentions / statistics / people tables -> figures.

>>> import corpus_lib as cl
>>> from corpus_lib import cohorts
>>> docs = cl.load_corpus()
>>> cohorts.cohort_counts(docs).loc["d01", "90后"]      # title + salutation
2

Editable knowledge: ``data/cohort_variants.csv`` (generation words), ``data/cohort_roles.csv``
(roles), ``data/cohort_name_cues.csv`` (what comes before/after a name) and
``data/cohort_surnames.txt``.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import pandas as pd

from .clean import split_sentences
from .errors import CorpusError
from .resources import read_lines

HAN = "\u4e00-\u9fff"
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
NAME_DOTS = "·•‧・"
MENTION_COLUMNS = ["doc_id", "cohort", "surface", "start", "end", "quoted", "sentence"]
STAT_COLUMNS = ["doc_id", "cohort", "kind", "value", "approximate", "share", "of", "surface", "sentence"]
PEOPLE_COLUMNS = ["doc_id", "name", "institution", "institution_type", "province", "role", "cohort", "quote"]
PEOPLE_EXTRA = ["role_group", "quote_type", "cohort_evidence", "sentence"]
NO_COHORT = "未说明"


# ---------------------------------------------------------------- data files
def _read_csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO("\n".join(read_lines(name)))))


@lru_cache(maxsize=None)
def cohort_variants() -> dict[str, str]:
    """``{surface: cohort}`` from ``cohort_variants.csv``: ``{"九零后": "90后", …}``."""
    return {row["surface"]: row["cohort"] for row in _read_csv("cohort_variants.csv")}


def _loose(surface: str) -> str:
    """A regex for one surface that also accepts full-width digits, 後 and 〇/零."""
    parts = []
    for char in surface:
        if char.isdigit():
            parts.append(f"[{char}{chr(ord(char) + 0xFEE0)}]")
        elif char == "后":
            parts.append("[后後]")
        elif char in "零〇":
            parts.append("[零〇○]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@lru_cache(maxsize=None)
def _cohort_pattern() -> re.Pattern:
    surfaces = sorted(cohort_variants(), key=len, reverse=True)
    return re.compile(r"(?<![0-9０-９.．])(?:" + "|".join(_loose(s) for s in surfaces) + ")")


def normalize_cohort(surface: str) -> str | None:
    """``"９０後"`` -> ``"90后"``; ``"九〇后"`` -> ``"90后"``; unknown words -> None."""
    key = unicodedata.normalize("NFKC", surface).replace("後", "后").replace("○", "〇")
    variants = cohort_variants()
    return variants.get(key) or variants.get(key.replace("〇", "零"))


@lru_cache(maxsize=None)
def _roles() -> tuple[dict[str, dict[str, str]], re.Pattern]:
    rows = {row["surface"]: row for row in _read_csv("cohort_roles.csv")}
    pattern = re.compile("|".join(re.escape(s) for s in sorted(rows, key=len, reverse=True)))
    return rows, pattern


@lru_cache(maxsize=None)
def _name_cues() -> tuple[dict[str, str], dict[str, str]]:
    """``(before, after)``: cue -> kind. Every role surface is a strong "before" cue."""
    rows = _read_csv("cohort_name_cues.csv")
    before = {r["cue"]: r["kind"] for r in rows if r["side"] == "before"}
    before.update({surface: "weak" if row["weak"] else "strong" for surface, row in _roles()[0].items()})
    after = {r["cue"]: r["kind"] for r in sorted(rows, key=lambda r: -len(r["cue"])) if r["side"] == "after"}
    return before, after


@lru_cache(maxsize=None)
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w for line in read_lines("cohort_surnames.txt") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), tuple(w for w in words if len(w) > 1)


# ---------------------------------------------------------------- mentions
def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, sentence)`` for every sentence of ``split_sentences``, with offsets into text."""
    spans, cursor = [], 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:  # should not happen; keep the sentence without a reliable offset
            start = cursor
        spans.append((start, start + len(sentence), sentence))
        cursor = start + len(sentence)
    return spans


def _sentence_at(spans, position: int) -> str:
    for start, end, sentence in spans:
        if start <= position < end:
            return sentence
    return ""


def find_cohorts(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, surface, cohort)`` for each generation word in ``text``.

    >>> find_cohorts("全体“90后”党员，九零后和00後")
    [(3, 6, '90后', '90后'), (10, 13, '九零后', '90后'), (14, 17, '00後', '00后')]
    """
    found = []
    for match in _cohort_pattern().finditer(text):
        cohort = normalize_cohort(match.group())
        if cohort:
            found.append((match.start(), match.end(), match.group(), cohort))
    return found


def _check_docs(docs) -> None:
    if not isinstance(docs, pd.DataFrame) or not {"doc_id", "text"} <= set(docs.columns):
        raise CorpusError("expected a documents table with doc_id and text columns (cl.load_corpus())")


def cohort_mentions(docs) -> pd.DataFrame:
    """One row per cohort word: doc_id, cohort, surface, start, end, quoted, sentence.

    >>> cohort_mentions(cl.load_corpus()).query("doc_id == 'd01'")["surface"].tolist()
    ['90后', '90后']
    """
    _check_docs(docs)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        spans = sentence_spans(text)
        for start, end, surface, cohort in find_cohorts(text):
            quoted = text[start - 1:start] == OPEN_QUOTE and text[end:end + 1] == CLOSE_QUOTE
            rows.append((doc_id, cohort, surface, start, end, quoted, _sentence_at(spans, start)))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def cohort_order(cohorts) -> list[str]:
    """Generations in birth order: 80后, 85后, 90后, 95后, 00后, 05后, 10后."""
    def year(cohort: str) -> int:
        digits = int(re.sub(r"\D", "", cohort) or 0)
        return digits + (1900 if digits >= 30 else 2000)
    return sorted(set(cohorts), key=year)


def cohort_counts(docs) -> pd.DataFrame:
    """Documents x cohorts count table (every document is a row, zeros included).

    >>> cohort_counts(cl.load_corpus()).loc["d02", ["90后", "00后"]].tolist()
    [24, 5]
    """
    mentions = cohort_mentions(docs)
    table = pd.crosstab(mentions["doc_id"], mentions["cohort"]) if len(mentions) else pd.DataFrame()
    table = table.reindex(index=list(docs["doc_id"]), columns=cohort_order(table.columns), fill_value=0)
    table.index.name, table.columns.name = "doc_id", "cohort"
    return table.fillna(0).astype(int)


def cohort_kwic(docs, *, cohort: str | None = None, width: int = 20) -> pd.DataFrame:
    """Keyword in context: doc_id, cohort, left, keyword, right (``width`` characters each side).

    >>> cohort_kwic(cl.load_corpus(), cohort="95后", width=4)["right"].tolist()
    ['甚至00', '，我会向']
    """
    mentions = cohort_mentions(docs)
    if cohort is not None:
        mentions = mentions[mentions["cohort"] == normalize_cohort(cohort)]
    texts = dict(zip(docs["doc_id"], docs["text"]))
    rows = []
    for row in mentions.itertuples():
        text = texts[row.doc_id]
        left = text[max(0, row.start - width):row.start].replace("\n", " ")
        right = text[row.end:row.end + width].replace("\n", " ")
        rows.append((row.doc_id, row.cohort, left, row.surface, right))
    return pd.DataFrame(rows, columns=["doc_id", "cohort", "left", "keyword", "right"])


def cohort_records(docs, args=None) -> pd.DataFrame:
    """For the CLI: doc_id, cohort, count (only non-zero counts; documents in order)."""
    counts = cohort_counts(docs)
    table = counts.stack().rename("count").reset_index()
    return table[table["count"] > 0].reset_index(drop=True)


# ---------------------------------------------------------------- stated statistics
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([十百千万亿]?)\s*(余|多)?\s*(?:名|人|位)")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[％%]")
CLAUSE = re.compile(r"[^，,；;。！？]+")


def parse_number(phrase: str) -> tuple[float, bool] | None:
    """``"4.2万余名"`` -> ``(42000.0, True)``; ``"25％"`` -> ``(0.25, False)``; approximate when 余/多.

    >>> parse_number("1.2万多名"), parse_number("2000多名"), parse_number("25％")
    ((12000.0, True), (2000.0, True), (0.25, False))
    """
    percent = PERCENT.fullmatch(phrase.strip())
    if percent:
        return round(float(percent.group(1)) / 100, 6), False
    count = COUNT.fullmatch(phrase.strip())
    if not count:
        return None
    number, unit, approx = count.groups()
    return float(number) * MULTIPLIERS.get(unit, 1), bool(approx)


def _clause_numbers(clause: str) -> list[tuple[str, str]]:
    """``(kind, surface)`` for counts of people and percentages in one clause."""
    found = [("count", m.group()) for m in COUNT.finditer(clause)]
    return found + [("share", m.group()) for m in PERCENT.finditer(clause)]


def _sentence_statistics(sentence: str) -> list[dict]:
    clauses = CLAUSE.findall(sentence)
    rows, total = [], None
    for index, clause in enumerate(clauses):
        cohorts = [c for _, _, _, c in find_cohorts(clause)]
        for kind, surface in _clause_numbers(clause):
            value, approx = parse_number(surface)
            if cohorts:
                rows.append({"cohort": cohorts[0], "kind": kind, "value": value, "approximate": approx,
                             "surface": surface})
                continue
            later = clauses[index + 1:]
            if kind == "count" and (clause.endswith("中") or any(c.startswith("其中") for c in later)):
                total = {"cohort": None, "kind": "total", "value": value, "approximate": approx,
                         "surface": surface, "of": clause.strip()}
                rows.append(total)
    for row in rows:
        if row["kind"] == "count" and total:
            row["share"] = round(row["value"] / total["value"], 4)
            row["of"] = total["of"]
        elif row["kind"] == "share":
            row["share"] = row["value"]
            row["of"] = total["of"] if total else None
    return rows


def stated_statistics(docs) -> pd.DataFrame:
    """Numbers stated next to cohort words, one row per number.

    kind is ``count`` (people of a cohort), ``share`` (a stated percentage) or ``total`` (the
    population the others are part of); ``share`` is value / total for counts; ``approximate`` is
    True for 余/多. In ``在4.2万余名驰援湖北的医护人员中，有1.2万多名是90后`` the total is
    42000 (approximate) and 90后 count 12000 (approximate), share 0.2857.
    """
    _check_docs(docs)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        for sentence in split_sentences(text):
            if find_cohorts(sentence):
                rows += [{"doc_id": doc_id, "sentence": sentence, **row} for row in _sentence_statistics(sentence)]
    return pd.DataFrame(rows, columns=STAT_COLUMNS)


# ---------------------------------------------------------------- people ("youth voices")
WEAK_BREAK = "，。；：！？“、（）()：,;!?\n"


def _left_kind(text: str, i: int) -> str | None:
    """``strong``/``weak`` if a name may start at ``i``, else None.

    >>> _left_kind("团委书记张笑予", 4), _left_kind("对青年一代的关心", 6)
    ('strong', 'weak')
    """
    if i > 0 and text[i - 1] == CLOSE_QUOTE:
        return "strong"
    if i == 0 or text[i - 1] in WEAK_BREAK:
        return "weak"
    before, _ = _name_cues()
    kinds = [kind for cue, kind in before.items() if text.endswith(cue, 0, i)]
    return "strong" if "strong" in kinds else ("weak" if kinds else None)


def _right_cue(text: str, j: int) -> str | None:
    return next((cue for cue in _name_cues()[1] if text.startswith(cue, j)), None)


def _plain_name(text: str, i: int, length: int) -> bool:
    """2-4 Han characters, a surname first, no role or cohort inside, no cue inside (张云|表示)."""
    candidate = text[i:i + length]
    singles, compounds = _surnames()
    if len(candidate) < length or not re.fullmatch(f"[{HAN}]+", candidate):
        return False
    if not (candidate[0] in singles or candidate.startswith(compounds)):
        return False
    after = _name_cues()[1]
    inner_cue = any(text.startswith(cue, k) for k in range(i + 2, i + length) for cue in after
                    if len(cue) > 1 or after[cue] == "speech")
    return not inner_cue and not _roles()[1].search(candidate) and not find_cohorts(candidate)


def _dotted_end(text: str, i: int) -> int | None:
    """End of a ``·`` name starting at ``i`` (阿迪力·阿不力米提表示 -> before 表示), or None."""
    match = re.match(f"[{HAN}]{{2,6}}[{NAME_DOTS}][{HAN}]{{2,8}}", text[i:])
    if not match:
        return None
    head = len(re.split(f"[{NAME_DOTS}]", match.group())[0])
    return next((end for end in range(i + match.end(), i + head + 2, -1) if _right_cue(text, end)), None)


def _candidate(text: str, i: int) -> tuple[int, str, str] | None:
    """``(end, left kind, right cue)`` of a name candidate at ``i``; 3, then 2, then 4 characters."""
    left = _left_kind(text, i)
    if left is None:
        return None
    end = _dotted_end(text, i)
    if end is None:
        end = next((i + n for n in (3, 2, 4) if _plain_name(text, i, n) and _right_cue(text, i + n)), None)
    return (end, left, _right_cue(text, end)) if end else None


def _ends_in_speech(text: str, j: int) -> bool:
    """After ``等``: an optional role, then a speech cue (陈世杰、乔瑞娟|等团干表示)."""
    rest = text[j + 1:]
    role = _roles()[1].match(rest)
    rest = rest[role.end():] if role else rest
    return any(rest.startswith(cue) for cue, kind in _name_cues()[1].items() if kind == "speech")


def _accepted(text: str, candidates: list) -> list[bool]:
    kinds = _name_cues()[1]
    ok = [kinds[cue] in ("speech", "link") or (left == "strong" and cue != "、") for _, _, left, cue in candidates]
    # a list of names joined by 、 stands or falls with its last member
    for k in range(len(candidates) - 1, -1, -1):
        start, end, left, cue = candidates[k]
        if cue == "等" and _ends_in_speech(text, end):
            ok[k] = True
        if cue == "、" and k + 1 < len(candidates) and candidates[k + 1][0] == end + 1 and ok[k + 1]:
            ok[k] = True
    return ok


def find_names(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, right cue)`` for person names in one paragraph.

    >>> [n[2] for n in find_names("云南省昆明市五华区疾控中心团员方飞燕、杨丽红表示，感谢总书记")]
    ['方飞燕', '杨丽红']
    """
    candidates, i = [], 0
    while i < len(text) - 1:
        found = _candidate(text, i)
        if found:
            end, left, cue = found
            candidates.append((i, end, left, cue))
            i = end
        else:
            i += 1
    keep = _accepted(text, candidates)
    return [(s, e, text[s:e], cue) for (s, e, _, cue), k in zip(candidates, keep) if k]
