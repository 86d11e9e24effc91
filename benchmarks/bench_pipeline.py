"""Benchmark: the whole keywords pipeline on ~10M characters, and loading a large table, against plain jieba.

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

The ``table`` case loads one CSV export of 20,000 and one of 100,000 rows (``BENCH_TABLE_ROWS``) of
400-character texts (标题, 发布时间, 来源, 正文) with ``python -m corpus_lib docs --corpus FILE --format csv``,
cold and warm, against ``jieba.lcut`` over the same texts, sampling every process under the command (the
loader and its two workers) for its peak memory. Target: 20,000 rows load in under 1.5 GB.
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
TABLE_ROWS = [int(rows) for rows in os.environ.get("BENCH_TABLE_ROWS", "20000,100000").split(",")]
TABLE_TEXT = 400        # characters of each row's text
TABLE_TARGET_GB = 1.5   # for the 20,000-row table
CASES = os.environ.get("BENCH_CASES", "large,small,table").split(",")


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


def write_table(path: Path, rows: int) -> list[str]:
    """A news-database export: row k holds 400 characters of seed document k mod 7's paragraphs, shuffled
    (numbered, so no two rows share a text), a title, a date and an outlet. Returns the texts."""
    import csv
    import random

    from make_corpus import body_lines

    import corpus_lib as cl

    rng = random.Random(0)
    seed = cl.load_corpus()
    outlets = ["人民日报", "中国青年报", "新华社", "解放日报", "共青团中央"]
    texts = []
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["标题", "发布时间", "来源", "正文"])
        for number in range(rows):
            source = seed.iloc[number % len(seed)]
            paragraphs = body_lines(source["text"], source["title"], source["title_source"])
            rng.shuffle(paragraphs)
            text = f"（{number + 1}）" + "\n".join(paragraphs)
            text = text[:TABLE_TEXT]
            day = f"2020-{1 + number % 12:02d}-{1 + number % 28:02d} 08:{number % 60:02d}:00"
            writer.writerow([f"{source['title']}（{number + 1}）", day, outlets[number % len(outlets)], text])
            texts.append(text)
    return texts


def measure_table(rows: int, work: Path) -> bool:
    from bench_run import GB, run_command

    import jieba

    path = work / f"export-{rows}.csv"
    texts = write_table(path, rows)
    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    baseline = time.perf_counter() - start
    del texts
    env = {**os.environ, "CORPUS_LIB_CACHE": str(work / f"cache-table-{rows}")}
    command = [sys.executable, "-m", "corpus_lib", "docs", "--corpus", str(path), "--format", "csv"]
    print(f"\nCSV export of {rows:,} rows of {TABLE_TEXT} characters ({path.stat().st_size / 1024 ** 2:,.0f} MB)")
    print(f"{'run':<30}{'seconds':>9}{'x baseline':>12}{'loader GB':>11}{'largest GB':>12}{'all GB':>8}")
    print(f"{'jieba.lcut (baseline)':<30}{baseline:>9.2f}{1:>12.3f}")
    met = True
    for label in ("docs, cold cache", "docs, warm cache"):
        seconds, sampler, ok = run_command(command, env, work)
        loader = sampler.seen[sampler.root]["peak"] / GB
        largest = max(info["peak"] for info in sampler.seen.values()) / GB
        print(f"{label:<30}{seconds:>9.2f}{seconds / baseline:>12.3f}{loader:>11.2f}{largest:>12.2f}"
              f"{sampler.total_peak / GB:>8.2f}")
        met &= ok and (rows > 20_000 or sampler.total_peak / GB <= TABLE_TARGET_GB)
    print(f"target: 20,000 rows load with every process together under {TABLE_TARGET_GB} GB")
    return met


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
    if "table" in CASES:
        for rows in TABLE_ROWS:
            met &= measure_table(rows, work)
    print("\ntargets:", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
