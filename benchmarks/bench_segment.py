"""Benchmark: corpus_lib's segmentation against plain jieba, on the seed replicated 100x (~2.4M characters).

Prints characters per second and ratios; checks the tokens are identical. Not a test: run it by hand
(`make bench` or `.venv/bin/python benchmarks/bench_segment.py`). Each copy of a document gets its own
first line, so the cache cannot answer a copy from another copy: every text is segmented once.
Targets: cold >= 10x jieba with identical tokens; a warm-cache rerun >= 50x jieba.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time

COPIES = int(os.environ.get("BENCH_COPIES", "100"))


def main() -> int:
    os.environ["CORPUS_LIB_CACHE"] = tempfile.mkdtemp(prefix="bench-segment-cache-")
    import jieba

    import corpus_lib as cl
    from corpus_lib import resources

    docs = cl.load_corpus()
    texts = [f"第{copy}份\n{text}" for copy in range(COPIES) for text in docs["text"]]
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} documents, {chars:,} characters ({COPIES} copies of the seed)")

    jieba.setLogLevel(60)
    for word, freq, tag in resources.user_dictionary():  # the same dictionary, so tokens can be compared
        jieba.add_word(word, freq, tag)
    jieba.initialize()
    cl.segment("预热", cache=False)  # load rjieba's dictionary outside the timing, as jieba.initialize does

    def timed(function):
        start = time.perf_counter()
        result = function()
        return time.perf_counter() - start, result

    base_s, base_tokens = timed(lambda: [[t for t in jieba.lcut(text) if not t.isspace()] for text in texts])
    cold_s, cold_tokens = timed(lambda: [cl.segment(text) for text in texts])
    warm_s, warm_tokens = timed(lambda: [cl.segment(text) for text in texts])
    identical = base_tokens == cold_tokens == warm_tokens
    tokens = sum(map(len, base_tokens))
    print(f"{'run':<28}{'seconds':>9}{'chars/s':>14}{'speed-up':>10}")
    for name, seconds in [("jieba.lcut (baseline)", base_s), ("corpus_lib cold cache", cold_s),
                          ("corpus_lib warm cache", warm_s)]:
        print(f"{name:<28}{seconds:>9.2f}{chars / seconds:>14,.0f}{base_s / seconds:>9.1f}x")
    print(f"tokens: {tokens:,}; identical to jieba: {identical}")
    ok = identical and base_s / cold_s >= 10 and base_s / warm_s >= 50
    print("targets (cold >= 10x, warm >= 50x, identical):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
