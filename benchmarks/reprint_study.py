"""How the reprint finder's shingle size and threshold were chosen: exact Jaccard similarities of character
shingles, by shingle size, on reprints and on different stories; then the finder end to end.

    python benchmarks/reprint_study.py            # reads ../shared/devset when it is there

Reprints measured:
  - the three real reprint pairs of ../shared/devset (``reprint_group`` in sources.json; excerpts of the first
    500-2,000 characters of each page, so a pair also differs in where it was cut);
  - each seed document with a new header line, one sentence dropped and one sentence changed (seeded);
  - the six reprints of tests/two_subjects.py (the same edits, on short generated stories).
Different stories measured: every other pair of the dev set (96 texts), of the seed, and of tests/two_subjects.py
(20 stories per subject built from shared sentence templates: the hardest case, not a realistic one).
Not a test; the texts of the dev set are read, never copied.
"""
from __future__ import annotations

import itertools
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import two_subjects  # noqa: E402

import corpus_lib as cl  # noqa: E402
from corpus_lib.textstats import reprints  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"
SIZES = (2, 3, 4, 5, 6, 8)


def edited(text: str, rng: random.Random) -> str:
    """A reprint: a new header line, one sentence (not the first) dropped, another one changed."""
    sentences = [s for s in cl.split_sentences(text) if s.strip()]
    dropped, changed = rng.sample(range(1, len(sentences)), 2)
    out = [s if i != changed else s.rstrip("。") + two_subjects.CHANGED + "。" for i, s in enumerate(sentences)]
    del out[dropped]
    return "来源：中国青年网　2020年3月20日　转载\n" + "".join(out)


def devset() -> tuple[dict[str, str], set[frozenset]]:
    if not DEVSET.exists():
        return {}, set()
    sources = json.loads((DEVSET / "sources.json").read_text(encoding="utf-8"))
    texts = {s["file"]: (DEVSET / "texts" / s["file"]).read_text(encoding="utf-8") for s in sources}
    groups: dict[str, list[str]] = {}
    for s in sources:
        if s.get("reprint_group"):
            groups.setdefault(s["reprint_group"], []).append(s["file"])
    return texts, {frozenset(pair) for files in groups.values() for pair in itertools.combinations(files, 2)}


def similarities(texts: dict[str, str], pairs: set[frozenset], size: int) -> tuple[list[float], list[float]]:
    sets = {name: reprints.shingles(text, size=size) for name, text in texts.items()}
    same, different = [], []
    for a, b in itertools.combinations(sets, 2):
        (same if frozenset((a, b)) in pairs else different).append(reprints.jaccard(sets[a], sets[b]))
    return same, different


def span(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if values else "—"


def main() -> None:
    dev_texts, dev_pairs = devset()
    seed = cl.load_corpus()
    rng = random.Random(5)
    synthetic = {f"{d}.txt": t for d, t in zip(seed["doc_id"], seed["text"])}
    synthetic |= {f"{d}-reprint.txt": edited(t, rng) for d, t in zip(seed["doc_id"], seed["text"])}
    synthetic_pairs = {frozenset((f"{d}.txt", f"{d}-reprint.txt")) for d in seed["doc_id"]}
    generated = two_subjects.corpus_files()
    generated_pairs = {frozenset((f"a{i:02d}.txt", f"r{i:02d}.txt")) for i in range(1, 7)}
    print("Jaccard similarity of character shingles (exact), reprints vs different stories")
    print(f"{'size':>4} | {'dev reprints':>14} {'dev others max':>14} | {'seed edited':>12} {'seed others max':>15} | "
          f"{'template reprints':>17} {'template others max':>19}")
    for size in SIZES:
        dev_same, dev_other = similarities(dev_texts, dev_pairs, size) if dev_texts else ([], [])
        seed_same, seed_other = similarities(synthetic, synthetic_pairs, size)
        gen_same, gen_other = similarities(generated, generated_pairs, size)
        print(f"{size:>4} | {span(dev_same):>14} {max(dev_other, default=0):>14.3f} | {span(seed_same):>12} "
              f"{max(seed_other):>15.3f} | {span(gen_same):>17} {max(gen_other):>19.3f}")
    print(f"\nchosen: {reprints.SHINGLE_SIZE}-character shingles, threshold {reprints.THRESHOLD}, "
          f"{reprints.PERMUTATIONS} permutations")
    for name, texts, pairs in (("dev set", dev_texts, dev_pairs), ("seed + edited copies", synthetic, synthetic_pairs),
                               ("two subjects", generated, generated_pairs)):
        if not texts:
            print(f"{name}: absent")
            continue
        names = list(texts)
        docs = cl.load_corpus(_folder(name, texts))
        found = reprints.find_reprints(docs)
        by_id = dict(zip(docs["doc_id"], docs["source"]))
        got = {frozenset((by_id[a], by_id[b])) for a, b in zip(found["doc_id"], found["reprint_of"])}
        print(f"{name}: {len(names)} texts, {len(pairs)} reprint pairs; found {len(got)}, of them right "
              f"{len(got & pairs)}, wrong {len(got - pairs)}, missed {len(pairs - got)}; similarity "
              f"{span(found['similarity'].tolist())}")


def _folder(name: str, texts: dict[str, str]) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reprint-study-"))
    for file, text in texts.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"({time.perf_counter() - start:.1f} s)")
