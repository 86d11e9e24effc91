"""Benchmark: the institutions and people finders on real-sized input, against a baseline revision, side by side.

For the current checkout and for BASELINE (a git revision; default ``cf7fe9b``, the last commit before the
finders were rebuilt on real texts), in a fresh process each with an empty cache:
load the first N documents of a corpus folder (default: 700 files of a ``make_corpus.py --undated`` corpus),
then time ``institutions.institution_mentions`` and ``people.extract_people`` (single process, no cache),
and plain ``jieba.lcut`` over the same texts in the same process. Prints seconds and the ratio to jieba for
each revision, and the current/baseline ratio. Target (issue 18): at most 1.3x.
Not a test: run it by hand, ``python benchmarks/bench_extract.py [CORPUS] [N] [BASELINE]``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD = r"""
import json, logging, os, sys, tempfile, time
os.environ["CORPUS_LIB_CACHE"] = tempfile.mkdtemp()
os.environ.setdefault("MPLBACKEND", "Agg")
import jieba
jieba.setLogLevel(logging.WARNING)
import corpus_lib as cl
from corpus_lib import institutions, people
docs = cl.load_corpus(sys.argv[1]).head(int(sys.argv[2]))
institutions.institution_mentions(docs.head(1)); people.extract_people(docs.head(1))   # word lists loaded
t = time.perf_counter(); mentions = institutions.institution_mentions(docs); ti = time.perf_counter() - t
t = time.perf_counter(); found = people.extract_people(docs, institutions=mentions); tp = time.perf_counter() - t
text = "\n".join(docs["text"]); jieba.lcut("预热")
t = time.perf_counter(); jieba.lcut(text); tj = time.perf_counter() - t
print(json.dumps({"docs": len(docs), "chars": len(text), "institutions": ti, "people": tp, "jieba": tj,
                  "mentions": len(mentions), "people_rows": len(found)}))
"""


def measure(checkout: Path, corpus: str, n: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    out = subprocess.run([sys.executable, "-c", CHILD, corpus, str(n)], env=env, cwd=checkout,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    corpus = sys.argv[1] if len(sys.argv) > 1 else ""
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 700
    baseline = sys.argv[3] if len(sys.argv) > 3 else "cf7fe9b"
    scratch = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    if not corpus:
        from make_corpus import write_corpus
        corpus = str(scratch / "corpus")
        write_corpus(Path(corpus), n, dated=False)
    old = scratch / "baseline"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), baseline],
                   check=True, capture_output=True)
    try:
        rows = {"baseline " + baseline: measure(old, corpus, n), "current": measure(ROOT, corpus, n)}
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], capture_output=True)
    print(f"{n} documents of {corpus}")
    print(f"{'revision':<18}{'chars':>11}{'institutions s':>16}{'/jieba':>8}{'people s':>10}{'/jieba':>8}"
          f"{'both s':>8}{'mentions':>10}{'people':>8}")
    for name, r in rows.items():
        both = r["institutions"] + r["people"]
        print(f"{name:<18}{r['chars']:>11,}{r['institutions']:>16.2f}{r['institutions'] / r['jieba']:>8.2f}"
              f"{r['people']:>10.2f}{r['people'] / r['jieba']:>8.2f}{both:>8.2f}{r['mentions']:>10}{r['people_rows']:>8}")
    (b, c) = rows.values()
    ratio = (c["institutions"] + c["people"]) / c["jieba"] / ((b["institutions"] + b["people"]) / b["jieba"])
    print(f"current / baseline (each against its own jieba run): {ratio:.2f}x  (target <= 1.3x)")


if __name__ == "__main__":
    main()
