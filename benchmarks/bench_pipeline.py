"""Benchmark: the whole keywords pipeline on ~10M characters, against plain jieba.

Two corpora of the same size, each timed in one run:
  - 400 large files, each a copy of the seed (7 documents; its own first line, so no copy can be
    answered from another copy's cache);
  - 2,800 small files, one document each (``make_corpus.py --undated``: the seed's documents with
    shuffled paragraphs, dates inferred from the text), where per-file work such as the document
    metadata (title, genre, inferred date) counts 2,800 times.
For each: plain ``jieba.lcut`` over all the text (the baseline; dictionary loading not counted), then
``python -m corpus_lib keywords --corpus FOLDER --format json`` with an empty cache (cold) and again
(warm), and the peak memory (max RSS) of the commands.
Targets: cold <= 0.5x baseline, warm <= 0.05x baseline, peak memory <= 2 GB.
Not a test: run it by hand (``make bench``); ``BENCH_CASES=small`` runs one case.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus  # noqa: E402

COPIES = int(os.environ.get("BENCH_COPIES", "400"))
SMALL_FILES = int(os.environ.get("BENCH_SMALL_FILES", "2800"))
CASES = os.environ.get("BENCH_CASES", "large,small").split(",")


def build_copies(folder: Path, seed_text: str) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(COPIES):
        (folder / f"copy_{copy:04d}.txt").write_text(f"副本 {copy}\n{seed_text}", encoding="utf-8")
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir())


def time_command(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(args)}\n{result.stderr}")
    return seconds


def jieba_seconds(corpus: Path) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def measure(label: str, corpus: Path, cache: Path) -> bool:
    baseline = jieba_seconds(corpus)
    env = {**os.environ, "CORPUS_LIB_CACHE": str(cache)}
    command = [sys.executable, "-m", "corpus_lib", "keywords", "--corpus", str(corpus), "--format", "json"]
    cold = time_command(command, env)
    warm = time_command(command, env)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux; largest so far

    print(f"\n{label}")
    print(f"{'run':<30}{'seconds':>9}{'x baseline':>12}{'target':>10}")
    print(f"{'jieba.lcut (baseline)':<30}{baseline:>9.2f}{1:>12.3f}{'':>10}")
    print(f"{'keywords, cold cache':<30}{cold:>9.2f}{cold / baseline:>12.3f}{'<= 0.5':>10}")
    print(f"{'keywords, warm cache':<30}{warm:>9.2f}{warm / baseline:>12.3f}{'<= 0.05':>10}")
    print(f"peak memory of the keywords runs: {peak_mb:,.0f} MB (target <= 2048 MB)")
    return cold / baseline <= 0.5 and warm / baseline <= 0.05 and peak_mb <= 2048


def main() -> int:
    from corpus_lib import paths

    work = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    os.environ["CORPUS_LIB_CACHE"] = str(work / "cache-make")  # never the user's cache
    met = True
    if "large" in CASES:
        chars = build_copies(work / "copies", paths.DEFAULT_CORPUS.read_text(encoding="utf-8"))
        met &= measure(f"{COPIES} large files (copies of the seed), {chars:,} characters", work / "copies",
                       work / "cache-copies")
    if "small" in CASES:
        chars = write_corpus(work / "small", SMALL_FILES, dated=False)
        met &= measure(f"{SMALL_FILES:,} small files (one document each), {chars:,} characters", work / "small",
                       work / "cache-small")
    print("\ntargets:", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
