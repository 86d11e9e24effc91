"""Score the extractors on the development set of issue 14 (``tests/data/devset``).

The set is 37 short texts written for this purpose (not the seed) and one gold file, ``gold.tsv``,
annotated by reading each text. Run it to see precision and recall per extractor and every miss:

    python -m tests.devset            # or: python tests/devset.py [folder]

Matching rules (the gold file's comment lines say how it was annotated):

- Every value is compared through OpenCC t2s (``clean.to_simplified``) with spaces removed, so the
  traditional-character texts may be annotated as written.
- **people**: a gold person is found when the document's people table has that name. Only full names are
  gold (surname and given name); 小李 or 张医生 are not. Every named person is gold, journalists included.
  *role*: press people (记者, 摄影, 通讯员, 编辑, 实习生) must get a press role, nobody else may; precision is
  over the predicted press people, recall over the gold ones. *cohort* and *institution* are judged on
  the gold people that were found: recall = right / gold people with a stated cohort (institution),
  precision = right / found people the code gave one. The gold has an institution only where the text
  states it for that person.
- **genre**, **date**, **title**, **issuer**: one answer per document. A gold date ``none`` (the text states
  no date of its own) accepts no date or a date marked ``inferred``; a gold title ``none`` accepts a
  generated title; a gold issuer ``none`` accepts no issuer. Issuer rows exist only where the issuer is
  clearly determined.
- **day mentions**: every distinct calendar day the text writes (年月日, 月日, ISO forms, a dispatch line, a
  holiday that is one day such as 除夕), compared with the ``date_mentions`` rows of day granularity other
  than relative words (今天) and holiday periods (``around_holiday``: 春节假期, 小长假).
- **cohorts**: a (document, cohort) pair is right when its count is exact.
- **institutions**: a gold value matches a mention whose canonical name or name as written equals it. A
  department (a row with ``parent``) counts as the body it belongs to. News outlets (mastheads, agencies,
  sites, 来源 lines: rows typed media or named like an outlet) are not scored on either side. *province* is judged on the matched gold institutions.
"""
from __future__ import annotations

import csv
import os
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DEVSET = Path(__file__).resolve().parent / "data" / "devset"
PRESS_ROLES = frozenset({"记者", "摄影", "通讯员", "编辑", "实习生"})
# News outlets are not institutions in this gold (see the module docstring).
MEDIA = re.compile(r"(?:日报|晚报|晨报|青年报|报社|报|新华社|中新社|新华网|人民网|中新网|网|电视台|客户端|融媒体中心)$")


class NothingCounted(ValueError):
    """A precision or recall with nothing counted on its side: undefined, never a perfect 1.0."""


@dataclass
class Score:
    """Counts for one extractor: true positives on each side, totals, and what went wrong.

    A side with nothing counted has no precision (or recall): asking for it raises ``NothingCounted``,
    so a floor test on an extractor that predicted nothing, or a gold file with no rows of a kind, fails.
    """
    name: str
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        if not self.n_pred:
            raise NothingCounted(f"{self.name}: nothing predicted, so no precision")
        return self.tp_pred / self.n_pred

    @property
    def recall(self) -> float:
        if not self.n_gold:
            raise NothingCounted(f"{self.name}: no gold rows, so no recall")
        return self.tp_gold / self.n_gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def gold(self, ok: bool, note: str) -> None:
        self.n_gold += 1
        self.tp_gold += ok
        if not ok:
            self.misses.append(note)

    def predicted(self, ok: bool, note: str) -> None:
        self.n_pred += 1
        self.tp_pred += ok
        if not ok:
            self.false_positives.append(note)

    def answer(self, ok: bool, note: str) -> None:
        """One answer per item (an accuracy): counts on both sides."""
        self.gold(ok, note)
        self.n_pred += 1
        self.tp_pred += ok


# ---------------------------------------------------------------- gold

def norm(value) -> str:
    from corpus_lib import clean

    if value is None or (isinstance(value, float) and value != value):
        return ""
    return clean.to_simplified(re.sub(r"\s+", "", str(value)))


def parse_attributes(text: str) -> dict[str, str]:
    pairs = (part.split("=", 1) for part in text.split(";") if part.strip())
    return {key.strip(): norm(value) for key, value in pairs}


def read_gold(folder: Path = DEVSET) -> list[dict]:
    """The gold rows: file, kind, value (normalised) and attributes (a dict)."""
    lines = [line for line in (folder / "gold.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append({"file": row["file"], "kind": row["kind"], "value": norm(row["value"]),
                     "attributes": parse_attributes(row.get("attributes") or "")})
    return rows


# ---------------------------------------------------------------- running the code

def run_extractors(folder: Path = DEVSET) -> dict:
    """Every table the scorer needs, from the folder loaded as one corpus."""
    import corpus_lib as cl
    from corpus_lib import cohorts, dates, institutions, people

    docs = cl.load_corpus(folder)
    mentions = institutions.institution_mentions(docs)
    return {
        "docs": docs,
        "dates": dates.date_mentions(docs),
        "cohorts": cohorts.cohort_mentions(docs),
        "institutions": mentions,
        "people": people.extract_people(docs, institutions=mentions),
    }


# ---------------------------------------------------------------- scoring

def _by_file(gold: list[dict], kind: str) -> dict[str, list[dict]]:
    table = defaultdict(list)
    for row in gold:
        if row["kind"] == kind:
            table[row["file"]].append(row)
    return table


def score_metadata(gold, docs) -> dict[str, Score]:
    rows = {row["source"]: row for row in docs.to_dict("records")}
    scores = {name: Score(name) for name in ("genre", "document date", "title", "issuer")}
    for row in gold:
        doc = rows[row["file"]]
        where, want = row["file"], row["value"]
        if row["kind"] == "genre":
            got = doc["genre"]
            scores["genre"].answer(got == want, f"{where}: {got} (gold {want})")
        elif row["kind"] == "date":
            got = doc["date"].strftime("%Y-%m-%d") if doc["date"] == doc["date"] else "none"
            ok = got == want or (want == "none" and doc["date_source"] == "inferred")
            scores["document date"].answer(ok, f"{where}: {got} [{doc['date_source']}] (gold {want})")
        elif row["kind"] == "title":
            got = norm(doc["title"])
            ok = doc["title_source"] == "generated" if want == "none" else got == want
            scores["title"].answer(ok, f"{where}: {got} (gold {want})")
        elif row["kind"] == "issuer":
            got = norm(doc["issuer"]) or "none"
            scores["issuer"].answer(got == want, f"{where}: {got} (gold {want})")
    return scores


def score_days(gold, docs, mentions) -> Score:
    score = Score("day mentions")
    source = dict(zip(docs["doc_id"], docs["source"]))
    days = mentions[(mentions["granularity"] == "day") & (mentions["date_kind"] != "relative")
                    & ~mentions["around_holiday"].astype(bool) & mentions["date"].notna()]
    predicted = defaultdict(set)
    for doc_id, day in zip(days["doc_id"], days["date"]):
        predicted[source[doc_id]].add(day)
    wanted = {file: {row["value"] for row in rows} for file, rows in _by_file(gold, "day").items()}
    for file in sorted(set(predicted) | set(wanted)):
        for day in sorted(wanted.get(file, ())):
            score.gold(day in predicted[file], f"{file}: {day}")
        for day in sorted(predicted[file]):
            score.predicted(day in wanted.get(file, ()), f"{file}: {day}")
    return score


def score_cohorts(gold, docs, mentions) -> Score:
    score = Score("cohorts (exact count)")
    source = dict(zip(docs["doc_id"], docs["source"]))
    counted = defaultdict(int)
    for doc_id, cohort in zip(mentions["doc_id"], mentions["cohort"]):
        counted[(source[doc_id], cohort)] += 1
    wanted = {(row["file"], row["value"]): int(row["attributes"]["count"]) for row in gold if row["kind"] == "cohort"}
    for key, count in sorted(wanted.items()):
        score.gold(counted.get(key) == count, f"{key[0]}: {key[1]} ×{counted.get(key, 0)} (gold ×{count})")
    for key, count in sorted(counted.items()):
        score.predicted(wanted.get(key) == count, f"{key[0]}: {key[1]} ×{count} (gold ×{wanted.get(key, 0)})")
    return score


def _institution_bodies(docs, mentions) -> dict[str, dict[str, dict]]:
    """file -> canonical (a department counted as its parent) -> {names, province}; outlets left out.

    ``names`` holds the canonical and every name as written, a department's among its parent's."""
    source = dict(zip(docs["doc_id"], docs["source"]))
    bodies: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in mentions.to_dict("records"):
        canonical = norm(row["parent"]) or norm(row["canonical"])
        if row["type"] == "media" or MEDIA.search(canonical) or MEDIA.search(norm(row["name"])):
            continue
        body = bodies[source[row["doc_id"]]].setdefault(canonical, {"names": {canonical}, "province": None})
        body["names"] |= {norm(row["name"]), norm(row["canonical"])}
        if not row["parent"] or body["province"] is None:
            body["province"] = norm(row["province"])
    return bodies


def score_institutions(gold, docs, mentions) -> tuple[Score, Score]:
    found, province = Score("institutions"), Score("institution province")
    bodies = _institution_bodies(docs, mentions)
    wanted = _by_file(gold, "institution")
    for file in sorted(set(bodies) | set(wanted)):
        values = {row["value"] for row in wanted.get(file, ())}
        for row in wanted.get(file, ()):
            match = next((b for b in bodies[file].values() if row["value"] in b["names"]), None)
            found.gold(match is not None, f"{file}: {row['value']}")
            if match is not None:
                want = row["attributes"].get("province", "")
                province.answer(match["province"] == want,
                                f"{file}: {row['value']} province {match['province'] or '—'} (gold {want or '—'})")
        for canonical, body in sorted(bodies[file].items()):
            found.predicted(bool(body["names"] & values), f"{file}: {canonical}")
    return found, province


def _names_of(bodies, file: str, canonical: str) -> set[str]:
    """All the names of the body ``canonical`` belongs to (a department's are its parent's)."""
    body = next((b for b in bodies.get(file, {}).values() if canonical in b["names"]), None)
    return body["names"] if body else {canonical}


def score_people(gold, docs, people, mentions) -> dict[str, Score]:
    scores = {name: Score(name) for name in ("people", "people: press role", "people: cohort", "people: institution")}
    source = dict(zip(docs["doc_id"], docs["source"]))
    bodies = _institution_bodies(docs, mentions)
    predicted = defaultdict(dict)
    for row in people.to_dict("records"):
        predicted[source[row["doc_id"]]][norm(row["name"])] = row
    wanted = {file: {row["value"]: row["attributes"] for row in rows} for file, rows in _by_file(gold, "person").items()}
    for file in sorted(set(predicted) | set(wanted)):
        gold_people, found = wanted.get(file, {}), predicted.get(file, {})
        for name, attributes in sorted(gold_people.items()):
            row = found.get(name)
            scores["people"].gold(row is not None, f"{file}: {name}")
            _score_person(scores, file, name, attributes, row, bodies)
        for name, row in sorted(found.items()):
            scores["people"].predicted(name in gold_people, f"{file}: {name}")
            if norm(row["role"]) in PRESS_ROLES:
                ok = gold_people.get(name, {}).get("role", "") in PRESS_ROLES
                scores["people: press role"].predicted(ok, f"{file}: {name} marked {row['role']}")
    return scores


def _score_person(scores, file, name, attributes, row, bodies) -> None:
    press = attributes.get("role", "") in PRESS_ROLES
    if press:
        got = norm(row["role"]) if row is not None else "not found"
        scores["people: press role"].gold(got in PRESS_ROLES, f"{file}: {name} role {got or '—'} (gold {attributes['role']})")
    if row is None:
        return
    cohort, got_cohort = attributes.get("cohort", ""), norm(row["cohort"])
    if cohort:
        scores["people: cohort"].gold(got_cohort == cohort, f"{file}: {name} {got_cohort or '—'} (gold {cohort})")
    if got_cohort:
        scores["people: cohort"].predicted(got_cohort == cohort, f"{file}: {name} {got_cohort} (gold {cohort or '—'})")
    unit, got_unit = attributes.get("institution", ""), norm(row["institution"])
    right = bool(unit and got_unit) and unit in _names_of(bodies, file, got_unit)
    if unit:
        scores["people: institution"].gold(right, f"{file}: {name} {got_unit or '—'} (gold {unit})")
    if got_unit:
        scores["people: institution"].predicted(right, f"{file}: {name} {got_unit} (gold {unit or '—'})")


def evaluate(folder: Path = DEVSET) -> dict[str, Score]:
    """Every extractor's score on the dev set, in report order."""
    gold, tables = read_gold(folder), run_extractors(folder)
    docs = tables["docs"]
    missing = {row["file"] for row in gold} - set(docs["source"])
    if missing:
        raise ValueError(f"gold names files the corpus does not have: {sorted(missing)}")
    people = score_people(gold, docs, tables["people"], tables["institutions"])
    institutions, province = score_institutions(gold, docs, tables["institutions"])
    metadata = score_metadata(gold, docs)
    return {score.name: score for score in (
        *people.values(), metadata["genre"], metadata["document date"], score_days(gold, docs, tables["dates"]),
        metadata["title"], metadata["issuer"], score_cohorts(gold, docs, tables["cohorts"]), institutions, province)}


def _rate(score: Score, measure: str) -> str:
    """A measure to three decimals, or "— (nothing counted)" for a side with nothing on it."""
    try:
        return f"{getattr(score, measure):.3f}"
    except NothingCounted:
        return "— (nothing counted)"


def report(scores: dict[str, Score]) -> str:
    lines = ["| extractor | precision | recall | f1 | n |", "|---|---|---|---|---|"]
    lines += [f"| {s.name} | {_rate(s, 'precision')} | {_rate(s, 'recall')} | {_rate(s, 'f1')} | {s.n_gold} |"
              for s in scores.values()]
    for score in scores.values():
        if score.misses or score.false_positives:
            lines.append(f"\n### {score.name}")
            lines += [f"- miss: {note}" for note in score.misses]
            lines += [f"- false positive: {note}" for note in score.false_positives]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    os.environ.setdefault("CORPUS_LIB_CACHE", tempfile.mkdtemp(prefix="corpus_lib-devset-"))
    folder = Path(argv[0]) if argv else DEVSET
    print(report(evaluate(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
