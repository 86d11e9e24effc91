"""Learn the institution scorer's weights (``corpus_lib/data/institution_weights.csv``) on the DEV split only.

    python -m tests.realset.learn_institutions            # fit, choose the threshold, print the figures
    python -m tests.realset.learn_institutions --write    # ... and write the weights file

Training rows are the candidates that need a score (``institution_scoring.needs_score``: a brand run, a bare
or quoted name, a relative word) among those ``institution_candidates.find_candidates`` proposes in the dev texts of
``../shared/devset`` (as the loader reads them, both punctuation variants give the same text) and in the
home-written regression texts (``tests/data/devset`` and the seed's d02), each labelled 1 when its name, or
its last unit with the unit before it (县委 + 组织部), is a gold name of that text. Candidates inside a right
one are left out (the longer one wins anyway); media candidates are left out of the home-written sets,
whose gold does not list outlets. The model is a logistic regression with an L2 penalty chosen by 5-fold cross-validation over whole texts
(Newton's method, numpy only); the threshold is the one that gives the best F1 on the dev split as the real-set scorer counts
it (the more precise of two equal ones), so the test split is never read.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from . import score

PENALTIES = (1.0, 2.0, 5.0, 10.0, 20.0)   # L2 on the weights (not the bias), chosen by cross-validation
FOLDS = 5
THRESHOLDS = np.round(np.arange(-2.0, 2.01, 0.25), 2)
REPO = score.REPO
WEIGHTS = REPO / "corpus_lib" / "data" / "institution_weights.csv"


# ---------------------------------------------------------------- training rows

def _place(row) -> str | None:
    from corpus_lib.extract.institutions import document_place

    return document_place(row.text, title=row.title or "", issuer=row.issuer if isinstance(row.issuer, str) else "")


def _texts_and_gold():
    """[(source, simplified text, document place, gold names, media allowed)] for the dev split and the
    home-written sets."""
    import corpus_lib as cl
    from corpus_lib import paths
    from corpus_lib.extract.institutions import _simplified

    sets = []
    gold = score.read_gold(score.realset_folder(), score.split_files("dev"))
    docs = score.load_documents(score.read_texts(score.realset_folder(), score.split_files("dev"), "asis"))
    for row in docs.itertuples():
        names = {score.norm(i["name"]) for i in gold[row.source]["institutions"]}
        sets.append((f"dev/{row.source}", _simplified(row.text), _place(row), names, True))
    sys.path.insert(0, str(REPO / "tests"))
    import devset  # tests/devset.py

    wanted = defaultdict(set)
    for item in devset.read_gold():
        if item["kind"] == "institution":
            wanted[item["file"]].add(score.norm(item["value"]))
    for row in cl.load_corpus(devset.DEVSET).itertuples():
        sets.append((f"own/{row.source}", _simplified(row.text), _place(row), wanted.get(row.source, set()), False))
    from test_institutions import D02_GOLD

    seed = cl.load_corpus(paths.DEFAULT_CORPUS).set_index("doc_id", drop=False)
    row = next(seed.loc[["d02"]].itertuples())
    sets.append(("seed/d02", row.text, _place(row), {score.norm(name) for _, name in D02_GOLD}, False))
    return sets


def _names(candidate, by_start, text, place) -> set[str]:
    """The names the scorer would match a candidate by: as written and canonical, and for a unit also with
    the unit written before it (县委 + 组织部)."""
    from corpus_lib.extract.institution_candidates import split_units
    from corpus_lib.extract.institution_names import canonical_name
    from corpus_lib.lexicons.institution_words import expand_abbreviation

    names = {candidate.text, canonical_name(candidate.text, context_province=place)}
    canonical, previous = None, None
    for piece, parent in split_units(candidate, by_start, text):
        canonical = canonical_name(piece.text, context_province=place) if parent is None or canonical is None \
            else canonical + expand_abbreviation(piece.text)
        last = {piece.text, canonical} | ({previous.text + piece.text} if previous is not None else set())
        previous = piece
    return {score.norm(name) for name in names | last}


def training_rows():
    """(features per candidate, labels, sources)."""
    from corpus_lib.extract.institution_candidates import find_candidates
    from corpus_lib.extract.institution_scoring import _type, candidate_features, needs_score

    rows, labels, sources = [], [], []
    for source, text, place, gold, media in _texts_and_gold():
        found = find_candidates(text)
        by_start = defaultdict(list)
        for candidate in found:
            by_start[candidate.start].append(candidate)
        marked = [(c, int(bool(_names(c, by_start, text, place) & gold))) for c in found
                  if media or _type(c) != "media"]
        right = [c for c, y in marked if y]
        for candidate, y in marked:
            inside = any(r.start <= candidate.start and candidate.end <= r.end and
                         (r.start, r.end) != (candidate.start, candidate.end) for r in right)
            if not inside and needs_score(candidate):
                rows.append(candidate_features(candidate, text))
                labels.append(y)
                sources.append(source)
    return rows, np.array(labels, dtype=float), sources


# ---------------------------------------------------------------- the model

def _matrix(rows, names):
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for i, row in enumerate(rows):
        for feature in row:
            if feature in index:
                x[i, index[feature]] = 1.0
    return x


def cross_validated_penalty(rows, labels, sources) -> tuple[float, dict]:
    """The penalty with the least held-out log-loss over FOLDS folds of whole texts."""
    texts = sorted(set(sources))
    fold_of = {text: i % FOLDS for i, text in enumerate(texts)}
    folds = np.array([fold_of[source] for source in sources])
    losses = {}
    for penalty in PENALTIES:
        total = 0.0
        for k in range(FOLDS):
            train, held = folds != k, folds == k
            names, w, bias = fit([r for r, t in zip(rows, train) if t], labels[train], penalty=penalty)
            p = 1 / (1 + np.exp(-(_matrix([r for r, h in zip(rows, held) if h], names) @ np.append(w, bias))))
            p = np.clip(p, 1e-6, 1 - 1e-6)
            total -= float(np.sum(labels[held] * np.log(p) + (1 - labels[held]) * np.log(1 - p)))
        losses[penalty] = total / len(rows)
    return min(losses, key=losses.get), losses


def fit(rows, labels, *, penalty: float):
    """Logistic regression with an L2 penalty, by Newton's method: (names, weights, bias)."""
    names = sorted({feature for row in rows for feature in row})
    x = _matrix(rows, names)
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[-1] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - labels) + ridge * w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return names, w[:-1], w[-1]


def write_weights(path: Path, names, w, bias, threshold, note: str, penalty: float = 0.0) -> None:
    lines = ["# Weights of the institution scorer (extract/institution_scoring.py): a candidate's score is the",
             "# bias plus the weights of its features; it is kept when the score reaches the threshold.",
             "# Learned on the dev split of ../shared/devset and the home-written regression texts",
             "# (tests/data/devset, the seed's d02) by tests/realset/learn_institutions.py: logistic regression,",
             f"# L2 penalty {penalty:g} (the least held-out log-loss in {FOLDS}-fold cross-validation over whole texts);",
             f"# the threshold gives the best F1 on the dev split. {note}",
             "# Edit by hand if you like: a feature that is not listed weighs 0."]
    rows = [("(bias)", bias), ("(threshold)", threshold)] + sorted(zip(names, w), key=lambda item: -item[1])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(lines) + "\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["feature", "weight"])
        writer.writerows((name, f"{value:.3f}") for name, value in rows)


# ---------------------------------------------------------------- choosing the threshold on dev

def dev_scores(folder: Path):
    """A function threshold -> the dev split's institution Score, reading the weights from ``folder``."""
    from corpus_lib import resources  # noqa: F401  (CORPUS_LIB_DATA is read per call)
    from corpus_lib.extract import institution_scoring
    from corpus_lib.extract.institutions import _institution_rows
    import pandas as pd
    from corpus_lib import schema

    gold = score.read_gold(score.realset_folder(), score.split_files("dev"))
    texts = score.read_texts(score.realset_folder(), score.split_files("dev"), "asis")
    docs = score.load_documents(texts)

    def measure():
        institution_scoring.weights.cache_clear()
        rows = []
        for row in docs.itertuples():
            for found in _institution_rows(row.text, row.title or "", row.issuer if isinstance(row.issuer, str) else ""):
                rows.append((row.doc_id, *found))
        mentions = pd.DataFrame(rows, columns=schema.columns("institution_mentions"))
        run = score.Run(texts=texts, docs=docs, mentions=mentions, people=None, dates=None, cohorts=None)
        return score.score_institutions(gold, run)["institutions"]
    return measure


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.realset.learn_institutions")
    parser.add_argument("--write", action="store_true", help="write corpus_lib/data/institution_weights.csv")
    args = parser.parse_args(argv)
    reason = score.missing_reason()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 1
    os.environ.setdefault("CORPUS_LIB_CACHE", tempfile.mkdtemp(prefix="corpus_lib-learn-"))
    rows, labels, sources = training_rows()
    print(f"{len(rows)} candidates, {int(labels.sum())} right, from {len(set(sources))} texts")
    penalty, losses = cross_validated_penalty(rows, labels, sources)
    print("held-out log-loss by penalty:", ", ".join(f"{p:g}: {v:.3f}" for p, v in losses.items()))
    names, w, bias = fit(rows, labels, penalty=penalty)
    folder = Path(tempfile.mkdtemp(prefix="corpus_lib-weights-"))
    os.environ["CORPUS_LIB_DATA"] = str(folder)
    measure = dev_scores(folder)
    best = None
    for threshold in THRESHOLDS:
        write_weights(folder / "institution_weights.csv", names, w, bias, threshold, "", penalty)
        s = measure()
        f1 = 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision and s.recall else 0.0
        print(f"threshold {threshold:+.2f}: P {s.precision:.3f} R {s.recall:.3f} F1 {f1:.3f} ({s.tp_gold}/{s.n_gold})")
        if best is None or (round(f1, 3), s.precision) > best[0]:  # ties: the more precise
            best = ((round(f1, 3), s.precision), threshold, s, f1)
    _, threshold, s, f1 = best
    print(f"\nchosen threshold {threshold:+.2f}: dev P {s.precision:.3f} R {s.recall:.3f} F1 {f1:.3f}")
    for name, value in sorted(zip(names, w), key=lambda item: -abs(item[1])):
        print(f"  {value:+.2f}  {name}")
    if args.write:
        note = f"Dev at the threshold: P {s.precision:.2f} R {s.recall:.2f} ({datetime.date.today():%Y-%m})."
        del os.environ["CORPUS_LIB_DATA"]
        write_weights(WEIGHTS, names, w, bias, threshold, note, penalty)
        print(f"wrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
