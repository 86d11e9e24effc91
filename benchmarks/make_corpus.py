"""Write a large test corpus: N documents made from the seed's documents with shuffled paragraphs.

    python benchmarks/make_corpus.py /tmp/c700 700                 # 700 news-length documents (2.4M characters)
    python benchmarks/make_corpus.py /tmp/c2800 2800 --undated     # the 400x corpus: 2,800 files, ~10M characters
    python benchmarks/make_corpus.py /tmp/c2800s 2800 --small      # 2,800 short files

Document k copies seed document k mod 7: its title (numbered, so no two files hold the same text),
then its other lines in a new order, so sizes and vocabulary are realistic. By default it ends with
a new signature date spread over 2020; ``--undated`` leaves the dates the copied lines state, so the
loader infers most document dates from the text, as it must for scraped articles. Deterministic (seed 0).
Generated corpora belong in /tmp, never in the repository.
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

import corpus_lib as cl
from corpus_lib import paths


def body_lines(text: str, title: str, title_source: str) -> list[str]:
    """The document's lines after its title (a title may span two lines; a generated title spans none)."""
    lines = text.split("\n")
    taken, consumed = 0, ""
    while title_source == "text" and taken < len(lines) and title.startswith(consumed + lines[taken]) \
            and len(consumed) < len(title):
        consumed += lines[taken]
        taken += 1
    return lines[taken:]


def write_corpus(folder: Path, n: int, *, small: bool = False, dated: bool = True) -> int:
    """Write ``n`` files ``00001.txt`` … into ``folder``; returns the number of characters written."""
    rng = random.Random(0)
    seed = cl.load_corpus(paths.DEFAULT_CORPUS)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for number in range(n):
        source = seed.iloc[number % len(seed)]
        paragraphs = body_lines(source["text"], source["title"], source["title_source"])
        rng.shuffle(paragraphs)
        if small:
            paragraphs = paragraphs[:3]
        lines = [f"{source['title']}（{number + 1}）", *paragraphs]
        if dated:
            day = date(2020, 1, 1) + timedelta(days=rng.randrange(366))
            lines.append(f"{day.year}年{day.month}月{day.day}日")
        text = "\n".join(lines) + "\n"
        (folder / f"{number + 1:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--small", action="store_true", help="keep at most 3 paragraphs per document")
    parser.add_argument("--undated", action="store_true", help="add no signature date (dates are inferred)")
    args = parser.parse_args()
    chars = write_corpus(args.folder, args.n, small=args.small, dated=not args.undated)
    print(f"{args.n} files, {chars:,} characters in {args.folder}")


if __name__ == "__main__":
    main()
