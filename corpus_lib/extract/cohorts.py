"""Cohorts (世代): 80后 … 10后. Where they are mentioned, what numbers are given for them,
and what is said around each.

Stages: documents -> mentions / counts / stated statistics / keyness tables (columns in
``corpus_lib.schema``); the people ("youth voices") are in ``corpus_lib.extract.people`` and the charts in
``corpus_lib.plots.cohorts``.

>>> import corpus_lib as cl
>>> from corpus_lib import cohorts
>>> docs = cl.load_corpus()
>>> int(cohorts.cohort_counts(docs).loc["d01", "90后"])      # title + salutation
2

Editable knowledge: ``data/cohort_variants.csv`` (generation words).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import pandas as pd

from .. import schema
from ..cache import doccache
from ..preprocessing.clean import sentence_at, sentence_spans, split_sentences
from ..preprocessing.segmentation import filter_tokens, segment
from ..resources import read_csv
from ..textstats.themes import keyness

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


# ---------------------------------------------------------------- data files


@lru_cache(maxsize=None)
def cohort_variants() -> dict[str, str]:
    """``{surface: cohort}`` from ``cohort_variants.csv``: ``{"九零后": "90后", …}``."""
    return {row["surface"]: row["cohort"] for row in read_csv("cohort_variants.csv")}


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
def cohort_alternation() -> str:
    """A regex group matching any cohort word as written (longest first), for patterns built around it."""
    return "(?:" + "|".join(_loose(s) for s in sorted(cohort_variants(), key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def _cohort_pattern() -> re.Pattern:
    return re.compile(r"(?<![0-9０-９.．])" + cohort_alternation())


def normalize_cohort(surface: str) -> str | None:
    """``"９０後"`` -> ``"90后"``; ``"九〇后"`` -> ``"90后"``; unknown words -> None."""
    key = unicodedata.normalize("NFKC", surface).replace("後", "后").replace("○", "〇")
    variants = cohort_variants()
    return variants.get(key) or variants.get(key.replace("〇", "零"))


# ---------------------------------------------------------------- mentions


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


def cohort_mentions(docs) -> pd.DataFrame:
    """One row per cohort word: doc_id, cohort, surface, start, end, quoted, sentence.

    >>> from corpus_lib import load_corpus
    >>> cohort_mentions(load_corpus()).query("doc_id == 'd01'")["surface"].tolist()
    ['90后', '90后']
    """
    schema.require_docs(docs)
    found = doccache.cached_per_document("cohort_mentions", _cohort_rows, docs["text"])
    rows = [(doc_id, *row) for doc_id, doc_rows in zip(docs["doc_id"], found) for row in doc_rows]
    return pd.DataFrame(rows, columns=schema.columns("cohort_mentions"))


def _cohort_rows(text: str) -> list[tuple]:
    spans, rows = sentence_spans(text), []
    for start, end, surface, cohort in find_cohorts(text):
        quoted = text[start - 1:start] == OPEN_QUOTE and text[end:end + 1] == CLOSE_QUOTE
        rows.append((cohort, surface, start, end, quoted, sentence_at(spans, start)))
    return rows


def cohort_order(cohorts) -> list[str]:
    """Generations in birth order: 80后, 85后, 90后, 95后, 00后, 05后, 10后."""
    def year(cohort: str) -> int:
        digits = int(re.sub(r"\D", "", cohort) or 0)
        return digits + (1900 if digits >= 30 else 2000)
    return sorted(set(cohorts), key=year)


def cohort_counts(docs) -> pd.DataFrame:
    """Documents x cohorts count table (every document is a row, zeros included).

    >>> from corpus_lib import load_corpus
    >>> cohort_counts(load_corpus()).loc["d02", ["90后", "00后"]].tolist()
    [24, 5]
    """
    mentions = cohort_mentions(docs)
    table = pd.crosstab(mentions["doc_id"], mentions["cohort"]) if len(mentions) else pd.DataFrame()
    table = table.reindex(index=list(docs["doc_id"]), columns=cohort_order(table.columns), fill_value=0)
    table.index.name, table.columns.name = "doc_id", "cohort"
    return table.fillna(0).astype(int)


def cohort_kwic(docs, *, cohort: str | None = None, width: int = 20) -> pd.DataFrame:
    """Keyword in context: doc_id, cohort, left, keyword, right (``width`` characters each side).

    >>> from corpus_lib import load_corpus
    >>> cohort_kwic(load_corpus(), cohort="95后", width=4)["right"].tolist()
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
    return pd.DataFrame(rows, columns=schema.columns("cohort_kwic"))


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
    """``(measure, surface)`` for counts of people and percentages in one clause."""
    found = [("count", m.group()) for m in COUNT.finditer(clause)]
    return found + [("share", m.group()) for m in PERCENT.finditer(clause)]


def _sentence_statistics(sentence: str) -> list[dict]:
    clauses = CLAUSE.findall(sentence)
    rows, total = [], None
    for index, clause in enumerate(clauses):
        cohorts = [c for _, _, _, c in find_cohorts(clause)]
        for measure, surface in _clause_numbers(clause):
            value, approx = parse_number(surface)
            if cohorts:
                rows.append({"cohort": cohorts[0], "measure": measure, "value": value, "approximate": approx,
                             "surface": surface})
                continue
            later = clauses[index + 1:]
            if measure == "count" and (clause.endswith("中") or any(c.startswith("其中") for c in later)):
                total = {"cohort": None, "measure": "total", "value": value, "approximate": approx,
                         "surface": surface, "of": clause.strip()}
                rows.append(total)
    for row in rows:
        if row["measure"] == "count" and total:
            row["share"] = round(row["value"] / total["value"], 4)
            row["of"] = total["of"]
        elif row["measure"] == "share":
            row["share"] = row["value"]
            row["of"] = total["of"] if total else None
    return rows


def stated_statistics(docs) -> pd.DataFrame:
    """Numbers stated next to cohort words, one row per number.

    measure is ``count`` (people of a cohort), ``share`` (a stated percentage) or ``total`` (the
    population the others are part of); ``share`` is value / total for counts; ``approximate`` is
    True for 余/多. In ``在4.2万余名驰援湖北的医护人员中，有1.2万多名是90后`` the total is
    42000 (approximate) and 90后 count 12000 (approximate), share 0.2857.
    """
    schema.require_docs(docs)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        for sentence in split_sentences(text):
            if find_cohorts(sentence):
                rows += [{"doc_id": doc_id, "sentence": sentence, **row} for row in _sentence_statistics(sentence)]
    return pd.DataFrame(rows, columns=schema.columns("stated_statistics"))


# ---------------------------------------------------------------- 90后 vs 00后: what is said around them
def cohort_sentences(docs, cohort: str) -> list[str]:
    """Sentences that mention ``cohort`` (each once, in document order)."""
    wanted = normalize_cohort(cohort)
    mentions = cohort_mentions(docs)
    return list(dict.fromkeys(mentions.loc[mentions["cohort"] == wanted, "sentence"]))


def cohort_keyness(docs, target: str = "90后", reference: str = "00后", *, boilerplate: bool = False):
    """Keyness of the words in sentences that mention ``target`` against those that mention
    ``reference`` (``corpus_lib.textstats.themes.keyness``). Cohort words themselves are left out; a
    sentence naming both cohorts counts in both groups."""
    def tokens(cohort):
        words = [t for s in cohort_sentences(docs, cohort) for t in filter_tokens(segment(s), boilerplate=boilerplate)]
        return Counter(t for t in words if not normalize_cohort(t))
    target_tokens, reference_tokens = tokens(target), tokens(reference)
    if not target_tokens or not reference_tokens:  # one cohort is never mentioned: nothing to compare
        return schema.empty("keyness")
    return keyness(target_tokens, reference_tokens)
