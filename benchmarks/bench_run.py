"""Benchmark: ``python -m corpus_lib run`` on the 400x corpus, cold and warm, against plain jieba.

Writes the 400x corpus (2,800 files, ~10M characters; ``make_corpus.py --undated``), then times in one run:
  1. plain ``jieba.lcut`` over the same text (the baseline; dictionary loading not counted);
  2. ``python -m corpus_lib run --corpus DIR --out OUT --formats png`` with an empty cache (cold);
  3. the same command again (warm: segmentation and per-document results cached).
While each command runs, every process under it is sampled from /proc (4 times a second): the peak
resident memory of each process, and each notebook kernel's lifetime (the notebook's time).
Targets: run <= 2.5x baseline, no process over 1.5 GB.

With ``BENCH_BASELINE=<git revision>`` (e.g. the revision before topics and reprints) the same two runs are made
with that revision's code and notebooks (``git archive`` into the scratch folder, put first on PYTHONPATH), and the
current/baseline ratios are printed side by side: what the current code adds to ``run`` (issue 23: topics and
reprints add at most 20%, no process over 2 GB). The 05_topics kernel's own time and peak memory are in the
per-kernel lines.

    python benchmarks/bench_run.py                  # BENCH_DOCS=700 for a quicker look
    BENCH_CORPUS=/tmp/c2800 python benchmarks/bench_run.py   # reuse a corpus you generated
    BENCH_CORPUS=/tmp/c2800 BENCH_BASELINE=98e6dc7 python benchmarks/bench_run.py
    BENCH_COLD_ONLY=1 BENCH_JIEBA=0 ...             # cold runs only, no jieba baseline (a busy machine)
    python benchmarks/bench_run.py --scheduler local         # the per-document stage on a LocalCluster of 2 workers
    python benchmarks/bench_run.py --scheduler tcp://127.0.0.1:8786 --cold-only   # on a running cluster

With ``--scheduler`` the run's own process is the client: its peak is printed as the client's; a LocalCluster's
workers are the run's children and listed with the other processes (a remote cluster's are not sampled).

Not a test: run it by hand (``make bench``). It takes many minutes on two cores.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus  # noqa: E402

DOCS = int(os.environ.get("BENCH_DOCS", "2800"))
GB = 1024 ** 3


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stat:
                    ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/environ", "rb") as environ:
            for item in environ.read().split(b"\0"):
                if item.startswith(b"CORPUS_LIB_NOTEBOOK="):
                    return "kernel " + item.split(b"=", 1)[1].decode()
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            words = cmdline.read().split(b"\0")
    except OSError:
        return "?"
    text = " ".join(w.decode(errors="replace") for w in words if w)
    if "ipykernel_launcher" in text:
        return "kernel"
    return text[:60]


class Sampler(threading.Thread):
    """Peak RSS and lifetime of every process under ``root`` (sampled, so very short peaks can be missed)."""

    def __init__(self, root: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.root, self.interval, self.done = root, interval, threading.Event()
        self.seen: dict[int, dict] = {}
        self.total_peak = 0

    def run(self) -> None:
        while not self.done.is_set():
            tree, stack, total, now = _children(), [self.root], 0, time.perf_counter()
            while stack:
                pid = stack.pop()
                stack += tree.get(pid, [])
                rss = _rss(pid)
                total += rss
                info = self.seen.setdefault(pid, {"name": "?", "first": now, "peak": 0})
                if not info["name"].startswith("kernel "):  # a kernel is named once it has exec'd
                    info["name"] = _name(pid)
                info["peak"], info["last"] = max(info["peak"], rss), now
            self.total_peak = max(self.total_peak, total)
            self.done.wait(self.interval)


def run_command(args: list[str], env: dict, cwd: Path) -> tuple[float, Sampler, bool]:
    """Seconds, the sampled processes, and whether the command succeeded (if not, its last words). The command
    runs in ``cwd`` (the scratch folder): ``python -m corpus_lib`` imports from the working directory first, so run
    from a checkout it would import that checkout's code instead of the one on PYTHONPATH (the baseline's)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    if process.returncode != 0:
        print(f"command failed: {' '.join(args)}\n{stderr[-3000:]}")
    return seconds, sampler, process.returncode == 0


def kernels(sampler: Sampler) -> list[tuple[str, float, int]]:
    """(notebook, seconds alive, peak RSS) per kernel; unnamed kernels take the notebooks' order."""
    from corpus_lib.app.runner import notebooks

    found = sorted((info for info in sampler.seen.values() if info["name"].startswith("kernel")),
                   key=lambda info: info["first"])
    stems = iter(path.stem for path in notebooks())
    return [(info["name"].removeprefix("kernel ") if info["name"] != "kernel" else next(stems, "?"),
             info["last"] - info["first"], info["peak"]) for info in found]


def report(label: str, seconds: float, baseline: float, sampler: Sampler) -> bool:
    peak = max(info["peak"] for info in sampler.seen.values())
    print(f"\n{label}: {seconds:.1f} s = {seconds / baseline:.2f}x jieba (target <= 2.5); "
          f"largest process {peak / GB:.2f} GB (target <= 1.5), all processes together at most {sampler.total_peak / GB:.2f} GB")
    root = sampler.seen.get(sampler.root)
    if root:
        print(f"  {'run (the command; the client)':<28}{'':>9}{root['peak'] / GB:>8.2f} GB")
    for name, alive, rss in kernels(sampler):
        print(f"  {name:<28}{alive:>8.1f}s{rss / GB:>8.2f} GB")
    workers = [info for pid, info in sampler.seen.items() if pid != sampler.root and not info["name"].startswith("kernel")
               and info["peak"] > 50 * 1024 ** 2]
    for info in workers:
        print(f"  {info['name'][:28]:<28}{info['last'] - info['first']:>8.1f}s{info['peak'] / GB:>8.2f} GB")
    sys.stdout.flush()
    return (baseline != baseline or seconds / baseline <= 2.5) and peak <= 1.5 * GB  # nan: no jieba run


def jieba_baseline(corpus: Path) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


ROOT = Path(__file__).resolve().parent.parent


def baseline_tree(revision: str, work: Path) -> Path:
    """The files of ``revision`` in ``work/baseline`` (git archive: no worktree, nothing in the repository changes)."""
    target = work / "baseline"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def cold_and_warm(label: str, command: list[str], env: dict, work: Path, baseline: float, *,
                  cold_only: bool) -> tuple[float, float, bool]:
    cold, cold_sampler, cold_ok = run_command(command + [str(work / f"out-{label.split()[0]}-cold")], env, work)
    met = report(f"{label}: run, cold cache", cold, baseline, cold_sampler) and cold_ok
    if cold_only:
        return cold, float("nan"), met
    warm, warm_sampler, warm_ok = run_command(command + [str(work / f"out-{label.split()[0]}-warm")], env, work)
    met = report(f"{label}: run, warm cache", warm, baseline, warm_sampler) and warm_ok and met
    return cold, warm, met


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="time python -m corpus_lib run against plain jieba")
    parser.add_argument("--scheduler", help="pass --scheduler to the run (tcp://HOST:PORT or local)")
    parser.add_argument("--cold-only", action="store_true", help="skip the second (warm) run")
    options = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-run-"))
    os.environ["CORPUS_LIB_CACHE"] = str(work / "cache-make")  # never the user's cache
    corpus = Path(os.environ["BENCH_CORPUS"]) if os.environ.get("BENCH_CORPUS") else work / "corpus"
    if not os.environ.get("BENCH_CORPUS"):
        chars = write_corpus(corpus, DOCS, dated=False)
        print(f"corpus: {DOCS} files, {chars:,} characters in {corpus}")
    env = {**os.environ, "CORPUS_LIB_CACHE": str(work / "cache")}
    command = [sys.executable, "-m", "corpus_lib", "run", "--corpus", str(corpus), "--formats", "png"]
    command += ["--scheduler", options.scheduler] if options.scheduler else []
    command += ["--out"]
    cold_only = options.cold_only or bool(os.environ.get("BENCH_COLD_ONLY"))  # skip the warm runs
    baseline = jieba_baseline(corpus) if os.environ.get("BENCH_JIEBA", "1") != "0" else float("nan")
    print(f"jieba.lcut over the same text: {baseline:.1f} s", flush=True)
    cold, warm, met = cold_and_warm("current", command, env, work, baseline, cold_only=cold_only)
    revision = os.environ.get("BENCH_BASELINE")
    if revision:
        tree = baseline_tree(revision, work)
        old_env = {**env, "CORPUS_LIB_CACHE": str(work / "cache-baseline"),
                   "PYTHONPATH": os.pathsep.join([str(tree), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
        old_cold, old_warm, old_met = cold_and_warm(f"baseline {revision}", command, old_env, work, baseline,
                                                    cold_only=cold_only)
        print(f"\n{'':<12}{'current':>10}{'baseline':>10}{'ratio':>8}   (target <= 1.20)")
        for name, now, before in (("cold", cold, old_cold), ("warm", warm, old_warm)):
            print(f"{name:<12}{now:>9.1f}s{before:>9.1f}s{now / before:>8.2f}")
        met = met and old_met and cold / old_cold <= 1.2 and not warm / old_warm > 1.2  # nan: no warm run
    print("\ntargets:", "met" if met else "NOT met", f"(outputs in {work})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
