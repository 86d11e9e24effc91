"""Benchmark: the whole keywords pipeline on ~10M characters, against plain jieba.

Builds a folder of 400 copies of the seed (each file gets its own first line, so no copy can be
answered from another copy's cache), then times in one run:
  1. plain ``jieba.lcut`` over all the text (the baseline; dictionary loading not counted);
  2. ``python -m corpus_lib keywords --corpus FOLDER --format json``, cold cache (a new, empty cache folder);
  3. the same command again, warm cache;
and reports the peak memory (max RSS) of the two commands.
Targets: cold <= 0.5x baseline, warm <= 0.05x baseline, peak memory <= 2 GB.
Not a test: run it by hand (`make bench`).
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COPIES = int(os.environ.get("BENCH_COPIES", "400"))


def build_corpus(folder: Path, seed_text: str) -> int:
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


def main() -> int:
    from corpus_lib import paths

    work = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    corpus = work / "corpus"
    chars = build_corpus(corpus, paths.DEFAULT_CORPUS.read_text(encoding="utf-8"))
    print(f"corpus: {COPIES} files, {chars:,} characters")

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    baseline = time.perf_counter() - start
    del texts

    env = {**os.environ, "CORPUS_LIB_CACHE": str(work / "cache")}
    command = [sys.executable, "-m", "corpus_lib", "keywords", "--corpus", str(corpus), "--format", "json"]
    cold = time_command(command, env)
    warm = time_command(command, env)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux

    print(f"{'run':<30}{'seconds':>9}{'x baseline':>12}{'target':>10}")
    print(f"{'jieba.lcut (baseline)':<30}{baseline:>9.2f}{1:>12.3f}{'':>10}")
    print(f"{'keywords, cold cache':<30}{cold:>9.2f}{cold / baseline:>12.3f}{'<= 0.5':>10}")
    print(f"{'keywords, warm cache':<30}{warm:>9.2f}{warm / baseline:>12.3f}{'<= 0.05':>10}")
    print(f"peak memory of the keywords runs: {peak_mb:,.0f} MB (target <= 2048 MB)")
    met = cold / baseline <= 0.5 and warm / baseline <= 0.05 and peak_mb <= 2048
    print("targets:", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
