"""Write a large test corpus: N documents made from the seed's documents with shuffled paragraphs.

    python benchmarks/make_corpus.py /tmp/c700 700           # 700 news-length documents
    python benchmarks/make_corpus.py /tmp/c2800 2800 --small # 2,800 short files

Each document keeps its source's title, gets a new date (spread over a year, written as a signature
line) and its paragraphs in a new order, so sizes and vocabulary are realistic. Deterministic (seed 0).
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

import corpus_lib as cl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--small", action="store_true", help="keep at most 3 paragraphs per document")
    args = parser.parse_args()
    rng = random.Random(0)
    seed = cl.load_corpus()
    args.folder.mkdir(parents=True, exist_ok=True)
    for number in range(args.n):
        source = seed.iloc[number % len(seed)]
        paragraphs = source["text"].split("\n")[1:]
        rng.shuffle(paragraphs)
        if args.small:
            paragraphs = paragraphs[:3]
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(366))
        text = "\n".join([f"{source['title']}（{number + 1}）", *paragraphs, f"{day.year}年{day.month}月{day.day}日"])
        (args.folder / f"{number + 1:05d}.txt").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
