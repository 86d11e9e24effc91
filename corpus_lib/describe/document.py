"""One document's row (title, issuer, genre, script, stated date), and dates resolved across the corpus.
"""
from __future__ import annotations

import re

from ..cache import doccache
from ..extract import date_lines, dates
from ..labels import GENRE_ZH
from ..preprocessing import clean
from ..preprocessing.script import detect_script, simplified_view
from .genre import classify_genre
from .header import (
    closing_date,
    issuer_kind,
    parse_header,
    signature,
    source_issuer,
    title_issuer,
    without_site,
)


def genre_inputs(lines: list[str]) -> dict:
    """What ``describe`` passes ``classify_genre`` besides the lines: the title, subtitle and signer kind
    (the weight learner, tests/realset/learn_genre.py, reads documents the same way)."""
    header = parse_header(lines)
    signed_by, _ = signature(lines)
    return {"title": header["title"], "subtitle": header["subtitle"], "signer": issuer_kind(signed_by) if signed_by else None}


def describe(lines: list[str], *, title: str | None = None) -> dict:
    """One document's row, before dates are resolved across the corpus. ``title``: the title the file states
    (a table's title column, a web page's headline), which the genre cues then read instead of the text's."""
    header = parse_header(lines)
    signed_by, signed_on = signature(lines)
    title, site = without_site(title) if title else (None, None)  # a table's 标题_新闻频道_某某网 too
    issuer = (signed_by or source_issuer(lines) or header["issuer"] or title_issuer(title or header["title"])
              or site)
    title, title_source = title or header["title"], "text"
    genre, cues = classify_genre(lines, title=title, subtitle=header["subtitle"],
                                 signer=issuer_kind(signed_by) if signed_by else None)
    if title is None:
        title = f"（无标题）{issuer or ''}{GENRE_ZH[genre]}"
        title_source = "generated"
    text = "\n".join(lines)
    return {
        "title": title, "issuer": issuer, "genre": genre, "genre_cues": "; ".join(cues), "text": text,
        "n_chars": len(text.replace("\n", "")), "subtitle": header["subtitle"],
        "doc_number": header["doc_number"], "title_source": title_source,
        # a signature dates the document; a date line under the title may be the page's posting time
        "stated_date": signed_on or header["date"] or header["posted"] or closing_date(lines),
    }


def resolve_dates(rows: list[dict]) -> None:
    """Fill ``date``, ``date_source`` and ``date_note`` for every row, in place.

    A date the text states in full (a dateline, a signature, a ``时间：`` line) is ``explicit``.
    Otherwise it is ``inferred`` from, in turn: a bracketed day after 今天 (``今天下午（2月24日）``), a dispatch
    line (``新华社北京3月2日电``), or else the latest day the document mentions (it cannot predate what it
    reports). A year the text leaves out is the one the corpus's stated dates share (``dates.corpus_year``);
    when they span several years, the latest year the text writes (``written_year``: not a birth year, a
    founding year, a decade or a plan); with neither, only days written with their year count.
    With none of these: NaT, ``none``.
    """
    corpus_year = dates.corpus_year(row["stated_date"].year for row in rows if row["stated_date"])
    undated = [row["text"] for row in rows if not row["stated_date"]]
    inferred = iter(doccache.cached_per_document("inferred_date", _date_from_text, undated, [corpus_year] * len(undated)))
    for row in rows:
        stated = row.pop("stated_date")
        if stated:
            row.update(date=stated, date_source="explicit", date_note="文中标明的日期 stated in the text")
        else:
            row.update(next(inferred))


DAY_FINDERS = ((date_lines.relative_day_date, "“今天（X月X日）”"), (date_lines.dispatch_date, "电头“X月X日电”"))
# A year the text writes that says when it was written: not 出生于1998年, 创办于2003年, 2003年成立的,
# 自2003年以来, 到2025年, 1990年代, 2021级, 2021年度.
WRITTEN_YEAR = re.compile(r"(?<![\d.\-/])(?<!出生于)(?<!生于)(?<!出生的)(?<!创办于)(?<!成立于)(?<!始于)(?<!诞生于)"
                          r"(?<![自从到])(?<!(?<!截)至)((?:19|20)\d{2})\s*年(?![代级届度]|的?(?:出生|生|创办|成立|创立|建成|始建)|以来|起|开始|至今)")
YEAR_NOTES = {"text": "年份取自文中所写年份 year from a year the text writes", "corpus": "年份取自语料 year from the corpus"}


def written_year(text: str) -> int | None:
    """The latest year the text writes as a time of its events, or None.

    >>> written_year("出生于1998年的她，2016年考入大学，2020年毕业。"), written_year("论坛创办于2003年。")
    (2020, None)
    """
    years = [int(year) for year in WRITTEN_YEAR.findall(text)]
    return max(years, default=None)


def _date_from_text(text: str, corpus_year: int | None) -> dict:
    # a year the corpus shares outranks the text's own years, which in a profile are often years gone by
    year, note = (corpus_year, YEAR_NOTES["corpus"]) if corpus_year else (written_year(text), YEAR_NOTES["text"])
    for finder, cue in DAY_FINDERS:
        day, year_stated = finder(text, year=year)
        if day:
            return {"date": day, "date_source": "explicit" if year_stated else "inferred",
                    "date_note": f"{cue}，{note}"}
    mentioned = dates.day_mentions(text, year=year)
    if mentioned:
        return {"date": max(mentioned), "date_source": "inferred", "date_note": "不早于文中最晚日期 not before the latest date mentioned"}
    return {"date": None, "date_source": "none", "date_note": "文中无日期 no date in the text"}


def describe_document(lines: list[str], *, source: str, simplify: bool = False, title: str | None = None) -> dict:
    """One document's row from its cleaned lines: the script is detected, and a traditional-character
    document (or any, with ``simplify=True``) is described from its simplified view (``title`` too)."""
    original = "\n".join(lines)
    script = detect_script(original)
    view = view_lines(lines, script=script, simplify=simplify)
    if title and (script == "traditional" or simplify):
        title = simplified_view(title)
    row = describe(view, title=title) | {"source": source, "script": script}
    row["original_text"] = row["text"] if row["text"] == original else original  # one string when nothing changed
    return row


def view_lines(lines: list[str], *, script: str | None = None, simplify: bool = False) -> list[str]:
    """The lines a document is described from: its simplified view when it is traditional (or ``simplify``)."""
    original = "\n".join(lines)
    if simplify or (script or detect_script(original)) == "traditional":
        return simplified_view(original).split("\n")
    return lines


def _describe_text(text: str, simplify: bool, title: str | None = None) -> dict:
    return describe_document(text.split("\n"), source="", simplify=simplify, title=title)


def _describe_file(text: str, simplify: bool, title: str | None = None) -> dict:
    return _describe_text(clean.clean_text(text), simplify, title)
