"""Learn the people finder's weights on the development split of the real texts.

    python -m tests.realset.train_people            # writes corpus_lib/data/person_scorer.csv
    python -m tests.realset.train_people --dry-run  # prints the cross-validated figures only

Every candidate of ``corpus_lib.extract.person_finder`` in the dev texts is an example; it is positive when
its string is the name of a person the gold lists for that text (after OpenCC t2s, spaces removed). The
project's own development texts (``tests/data/devset``) add examples of the shapes news uses most; they are
always trained on and never scored. A logistic model with an L2 penalty is fit by Newton's method (numpy;
deterministic). The penalty and the threshold are chosen by
five-fold cross-validation over documents: the held-out documents' names are decided as the finder decides
them (overlaps resolved, a string is a person when its best occurrence passes the threshold), and the threshold
is the lowest that keeps the pooled precision at or above ``TARGET_PRECISION``. Only the dev split is read;
the test split stays for scoring.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from . import score

TARGET_PRECISION = 0.93
PENALTIES = (1.0, 3.0, 10.0)
FOLDS = 5
OUTPUT = Path(__file__).resolve().parents[2] / "corpus_lib" / "data" / "person_scorer.csv"
HEADER = """# The people finder's weights (corpus_lib/extract/person_finder.py): one weight per feature, the intercept and
# the threshold a name's best occurrence must pass. Learned on the development split of ../shared/devset
# ({n_docs} real texts, {n_pos} positive and {n_neg} negative candidates) by `python -m tests.realset.train_people`
# (an L2-penalised logistic model, penalty {penalty}, chosen with the threshold by five-fold cross-validation
# over documents for precision >= {target}). Cross-validated on dev: names P {p:.3f} / R {r:.3f}.
# Edit a weight to change how much a cue counts; rerun the script to learn them again.
"""


def examples(split: str = "dev") -> list[tuple[str, list[dict], set[str]]]:
    """(file, candidates, gold names) for every text of the split."""
    from corpus_lib.extract import person_finder

    folder = score.realset_folder()
    files = score.split_files(split)
    gold = score.read_gold(folder, files)
    docs = score.load_documents(score.read_texts(folder, files, "asis"))
    rows = []
    for file, text in sorted(zip(docs["source"], docs["text"])):
        names = {score.norm(person["name"]) for person in gold[file]["people"]}
        rows.append((file, person_finder.candidates(text), names))
    return rows


HOME_SET = Path(__file__).resolve().parents[1] / "data" / "devset"


def home_examples() -> list[tuple[str, list[dict], set[str]]]:
    """The same rows for the project's own development texts (``tests/data/devset``, written here, gold in
    ``gold.tsv``): extra training examples of the shapes news uses most (护士某某说, 某某，24岁，…), never
    scored here."""
    import csv

    import corpus_lib as cl
    from corpus_lib.extract import person_finder

    names: dict[str, set[str]] = {}
    with open(HOME_SET / "gold.tsv", encoding="utf-8") as file:
        for row in csv.reader(file, delimiter="\t"):
            if len(row) >= 3 and row[1] == "person":
                names.setdefault(row[0], set()).add(score.norm(row[2]))
    docs = cl.load_corpus(HOME_SET)
    return [(f"home/{file}", person_finder.candidates(text), names.get(file, set()))
            for file, text in sorted(zip(docs["source"], docs["text"]))]


def design(rows, vocabulary: list[str] | None = None):
    """(X, y, document index per row, vocabulary)."""
    if vocabulary is None:
        vocabulary = sorted({name for _, found, _ in rows for c in found for name in c["features"]})
    column = {name: k for k, name in enumerate(vocabulary)}
    n = sum(len(found) for _, found, _ in rows)
    x, y, doc = np.zeros((n, len(vocabulary))), np.zeros(n), np.zeros(n, dtype=int)
    i = 0
    for d, (_, found, names) in enumerate(rows):
        for candidate in found:
            for name, value in candidate["features"].items():
                if name in column:
                    x[i, column[name]] = value
            y[i], doc[i] = candidate["text"] in names, d
            i += 1
    return x, y, doc, vocabulary


def fit(x: np.ndarray, y: np.ndarray, penalty: float, *, iterations: int = 30) -> tuple[np.ndarray, float]:
    """(weights, intercept) of an L2-penalised logistic regression (the intercept is not penalised), by
    Newton's method with the step found by conjugate gradients (Hessian-vector products only, as liblinear
    does), so a few thousand features stay cheap. Deterministic."""
    a = np.hstack([x, np.ones((len(x), 1))])
    ridge = np.full(a.shape[1], penalty)
    ridge[-1] = 1e-6
    w = np.zeros(a.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(a @ w, -30, 30)))
        gradient = a.T @ (p - y) + ridge * w
        if np.linalg.norm(gradient) < 1e-4:
            break
        d = p * (1 - p)
        step = _conjugate_gradient(lambda v: a.T @ (d * (a @ v)) + ridge * v, -gradient)
        w += step
        if np.max(np.abs(step)) < 1e-7:
            break
    return w[:-1], float(w[-1])


def _conjugate_gradient(multiply, b: np.ndarray, *, steps: int = 60, relative: float = 0.05) -> np.ndarray:
    """An inexact Newton step: conjugate gradients until the residual is a twentieth of the gradient."""
    tolerance = (relative * np.linalg.norm(b)) ** 2
    x = np.zeros_like(b)
    r = b.copy()
    direction = r.copy()
    rr = r @ r
    for _ in range(steps):
        hd = multiply(direction)
        alpha = rr / (direction @ hd)
        x += alpha * direction
        r -= alpha * hd
        new = r @ r
        if new < tolerance:
            break
        direction = r + (new / rr) * direction
        rr = new
    return x


def decide(found: list[dict], probabilities, threshold: float) -> set[str]:
    """The names the finder would keep (see ``person_finder.choose_names``)."""
    from corpus_lib.extract import person_finder

    scored = [c | {"score": float(p)} for c, p in zip(found, probabilities)]
    return {m["text"] for m in person_finder.choose_names(scored, threshold)}


def name_counts(rows, probabilities_by_doc, threshold: float) -> tuple[int, int, int]:
    """(right names, names kept, gold names) over the real documents."""
    right = kept = total = 0
    for (file, found, names), probabilities in zip(rows, probabilities_by_doc):
        if file.startswith("home/"):
            continue
        chosen = decide(found, probabilities, threshold)
        right, kept, total = right + len(chosen & names), kept + len(chosen), total + len(names)
    return right, kept, total


def out_of_fold(rows, x, y, doc, penalty: float) -> list[np.ndarray | None]:
    """Each real document's candidate probabilities from a model fit on the other folds (the project's own
    texts are in every training fold and in no held-out one)."""
    result = [None] * len(rows)
    real = [d for d, (file, _, _) in enumerate(rows) if not file.startswith("home/")]
    for fold in range(FOLDS):
        test_docs = real[fold::FOLDS]
        train = ~np.isin(doc, test_docs)
        w, b = fit(x[train], y[train], penalty)
        for d in test_docs:
            result[d] = 1 / (1 + np.exp(-np.clip(x[doc == d] @ w + b, -30, 30)))
    return result


def choose_threshold(rows, probabilities) -> tuple[float, tuple[int, int, int]]:
    """The lowest threshold whose pooled precision reaches the target (else the most precise one)."""
    best = None
    for threshold in np.arange(0.05, 0.96, 0.01):
        right, kept, total = name_counts(rows, probabilities, float(threshold))
        precision = right / kept if kept else 0.0
        if precision >= TARGET_PRECISION:
            return round(float(threshold), 2), (right, kept, total)
        if best is None or precision > best[0]:
            best = (precision, round(float(threshold), 2), (right, kept, total))
    return best[1], best[2]


def write(vocabulary: list[str], weights: np.ndarray, intercept: float, threshold: float, info: dict) -> None:
    lines = [HEADER.format(**info), "feature,weight"]
    lines += [f"{name},{weight:.4f}" for name, weight in zip(vocabulary, weights) if abs(weight) >= 5e-5]
    lines += [f"(intercept),{intercept:.4f}", f"(threshold),{threshold:.2f}"]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def select(rows, x, y, doc, label: str) -> tuple[float, float, float, float]:
    """(penalty, threshold, P, R) with the best cross-validated recall at the target precision."""
    results = []
    for penalty in PENALTIES:
        threshold, (right, kept, total) = choose_threshold(rows, out_of_fold(rows, x, y, doc, penalty))
        p, r = right / kept if kept else 0.0, right / total
        print(f"{label} penalty {penalty:>5}: threshold {threshold:.2f}  names P {p:.3f} R {r:.3f} ({right}/{kept} of {total})")
        results.append((r if p >= TARGET_PRECISION else p - 1, -penalty, penalty, threshold, p, r))
    return max(results)[2:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.realset.train_people", description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validated figures, write nothing")
    args = parser.parse_args(argv)
    reason = score.missing_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    rows = examples("dev") + home_examples()
    x, y, doc, vocabulary = design(rows)
    print(flush=True)
    print(f"{len(rows)} texts, {int(y.sum())} positive and {int(len(y) - y.sum())} negative candidates, "
          f"{len(vocabulary)} features")
    penalty, threshold, p, r = select(rows, x, y, doc, "")
    weights, intercept = fit(x, y, penalty)
    info = dict(n_docs=len(rows), n_pos=int(y.sum()), n_neg=int(len(y) - y.sum()), penalty=penalty,
                target=TARGET_PRECISION, p=p, r=r)
    print(f"chosen: penalty {penalty}, threshold {threshold:.2f} (cross-validated P {p:.3f} R {r:.3f})")
    for weight, name in sorted(zip(weights, vocabulary), key=lambda item: -abs(item[0]))[:25]:
        print(f"  {name:40} {weight:+.2f}")
    if not args.dry_run:
        write(vocabulary, weights, intercept, threshold, info)
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
