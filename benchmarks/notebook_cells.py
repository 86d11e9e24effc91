"""Where a notebook spends its time: run its code cells in one IPython shell and time each cell.

    python benchmarks/notebook_cells.py /tmp/c700 notebooks/01_themes.ipynb [more notebooks]

``CORPUS_PATH`` is set to the corpus after the parameters cell, figures go to a temporary folder, and
each cell's seconds and the process's peak memory after it are printed, slowest cells first, so a
slow chart or analysis shows up by name. Not a test: a tool for finding what to make faster.
"""
from __future__ import annotations

import contextlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def cell_times(notebook: Path, corpus: str) -> list[tuple[float, float, str]]:
    import matplotlib
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib_inline.backend_inline import configure_inline_support

    shell = InteractiveShell.instance()
    matplotlib.use("module://matplotlib_inline.backend_inline")
    configure_inline_support(shell, "inline")  # displayed figures are rendered to PNG, as in a kernel
    rows = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.startswith("%matplotlib"))
        start = time.perf_counter()
        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            result = shell.run_cell(source)
        seconds = time.perf_counter() - start
        if "parameters" in cell.metadata.get("tags", []):
            shell.run_cell(f"CORPUS_PATH = {corpus!r}", silent=True)
        if not result.success:
            raise SystemExit(f"{notebook.name}: a cell failed: {result.error_in_exec or result.error_before_exec}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2  # KiB -> GB
        rows.append((seconds, peak, cell.source.strip().splitlines()[0][:70] if cell.source.strip() else ""))
    InteractiveShell.clear_instance()
    return rows


def main() -> int:
    corpus, notebooks = sys.argv[1], [Path(p) for p in sys.argv[2:]]
    os.environ.setdefault("CORPUS_LIB_FORMATS", "png")
    os.environ.setdefault("CORPUS_LIB_FIGURES_DIR", tempfile.mkdtemp(prefix="cells-figures-"))
    for notebook in notebooks:
        rows = cell_times(notebook, corpus)
        print(f"\n{notebook.name}: {sum(r[0] for r in rows):.1f} s in all, peak {max(r[1] for r in rows):.2f} GB")
        for seconds, peak, first_line in sorted(rows, reverse=True)[:8]:
            print(f"  {seconds:7.1f} s  {peak:5.2f} GB  {first_line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
