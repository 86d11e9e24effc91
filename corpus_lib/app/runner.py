"""``python -m corpus_lib run``: execute every notebook headless and export everything.

Without ``--corpus`` it refreshes the repository's own outputs (the notebooks' stored
outputs, ``figures/`` and ``figures/tables/``); that is what ``make figures`` calls.
With ``--corpus`` it writes into ``--out`` only: executed notebooks, figures, CSV tables,
one XLSX workbook, one self-contained HTML report and one Word report (``--report`` picks the
reports). Files are staged in a temporary folder and moved into place one by one with
``os.replace``, so a crash leaves nothing half-written, and files in ``--out`` that this run
does not produce are left alone.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .. import paths
from ..cache import doccache
from ..errors import CorpusError
from ..io.export import FORMATS, safe_name, write_atomic
from .notebook import coalesce_streams, drop_widget_views

PARAMETERS_TAG = "parameters"
SEED_READING_TAG = "seed-reading"
REPORTS = ("html", "docx")


def notebooks() -> list[Path]:
    return sorted(paths.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))


def parse_formats(value: str) -> tuple[str, ...]:
    formats = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [part for part in formats if part not in FORMATS]
    if unknown or not formats:
        raise CorpusError(f"unknown figure format {', '.join(unknown) or '(none)'}; choose from png, svg, pdf")
    return formats


def parse_reports(value: str) -> tuple[str, ...]:
    """``"html,docx"`` -> ``("html", "docx")``: the reports ``run`` writes."""
    reports = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [part for part in reports if part not in REPORTS]
    if unknown or not reports:
        raise CorpusError(f"--report: unknown report {', '.join(unknown) or '(none)'}; choose from html, docx")
    return reports


def parse_params(items: list[str]) -> dict:
    """``["TOP=30", "KWIC_KEYWORD=团员"]`` -> ``{"TOP": 30, "KWIC_KEYWORD": "团员"}`` (Python literals, else text)."""
    import ast

    values = {}
    for item in items:
        name, separator, value = item.partition("=")
        if not separator or not name.strip().isidentifier():
            raise CorpusError(f"-p {item!r}: write NAME=VALUE, e.g. -p TOP=30")
        try:
            values[name.strip()] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            values[name.strip()] = value
    return values


def inject_parameters(notebook, values: dict) -> None:
    """Add a cell after the ``parameters`` cell that sets ``values`` (as papermill does)."""
    import nbformat

    source = "# Parameters injected by `python -m corpus_lib run`\n" + "\n".join(
        f"{name} = {value!r}" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    tagged = [i for i, c in enumerate(notebook.cells) if PARAMETERS_TAG in c.metadata.get("tags", [])]
    notebook.cells.insert(tagged[0] + 1 if tagged else 0, cell)


@contextmanager
def environment(values: dict):
    """Set environment variables for the kernels started inside the block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update({name: str(value) for name, value in values.items()})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def is_seed(corpus) -> bool:
    """True when ``corpus`` (a path, or None for the default) is the repository's seed corpus."""
    return corpus is None or Path(corpus).resolve() == paths.DEFAULT_CORPUS.resolve()


def drop_seed_readings(notebook):
    """Remove the cells written by hand for the seed corpus (tagged ``seed-reading``): on another
    corpus they would state findings that are not true of it."""
    notebook.cells = [cell for cell in notebook.cells if SEED_READING_TAG not in cell.metadata.get("tags", [])]
    return notebook


def execute(path: Path, *, parameters: dict | None = None):
    """Run one notebook in a fresh kernel, with a progress bar over its code cells."""
    import nbformat
    from nbclient import NotebookClient
    from tqdm import tqdm

    notebook = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(notebook, parameters)
    if not is_seed((parameters or {}).get("CORPUS_PATH")):
        drop_seed_readings(notebook)
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    with tqdm(total=code_cells, desc=path.stem, unit="cell", file=sys.stderr, leave=True) as bar:
        client = NotebookClient(notebook, timeout=900, kernel_name="python3", record_timing=False,
                                store_widget_state=False,
                                resources={"metadata": {"path": str(path.parent)}},
                                extra_arguments=["--IPKernelApp.log_level=ERROR"],
                                on_cell_executed=lambda **_: bar.update(1))
        client.execute(env={**os.environ, "CORPUS_LIB_NOTEBOOK": path.stem})  # names the kernel for bench_run.py
    return coalesce_streams(drop_widget_views(notebook))


def _error_line(error: Exception) -> str:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # tracebacks arrive coloured
    lines = [line for line in plain.strip().splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


KERNELS_AT_ONCE = 2  # the notebooks are independent; two kernels keep two cores busy
# The order the kernels start in, longest first, so the short ones fill the other core at the end (kernel times
# measured at 10,010 files: 01 40 s, 04 18 s, 05 10 s, 03 9 s, 00 9 s, 02 5 s: about 45 s on two cores this way, 01 and
# 02 on one, the rest on the other).
# A notebook not named here starts last. Only the start order changes: outputs and failures keep notebook order.
LONGEST_FIRST = ("01_themes", "04_cohorts", "03_institutions", "00_corpus_overview", "05_topics", "02_dates")


def start_order(sources) -> list:
    """``sources`` (notebook paths) in the order their kernels start: ``LONGEST_FIRST``, then the others.

    >>> [p.stem for p in start_order([Path("00_corpus_overview.ipynb"), Path("06_mine.ipynb"), Path("01_themes.ipynb")])]
    ['01_themes', '00_corpus_overview', '06_mine']
    """
    rank = {stem: k for k, stem in enumerate(LONGEST_FIRST)}
    return sorted(sources, key=lambda path: rank.get(Path(path).stem, len(rank)))


def run_all(targets: dict[Path, Path], *, parameters: dict | None, env: dict) -> list[tuple[str, str]]:
    """Execute the notebooks, two at a time, and write each to its target; return (name, error) for
    failures, in notebook order."""
    from concurrent.futures import ThreadPoolExecutor

    import nbformat

    def run_one(source: Path):
        try:
            return execute(source, parameters=parameters), None
        except Exception as error:  # one failing notebook must not stop the others
            return None, _error_line(error)

    failures = []
    with environment(env), ThreadPoolExecutor(KERNELS_AT_ONCE) as pool:
        futures = {source: pool.submit(run_one, source) for source in start_order(targets)}
        for source, target in targets.items():
            notebook, error = futures[source].result()
            if error is not None:
                failures.append((source.name, error))
            else:
                _write_notebook(notebook, target, nbformat)
    return failures


def _write_notebook(notebook, target: Path, nbformat) -> None:
    write_atomic(target, lambda tmp: nbformat.write(notebook, tmp))


# Excel stops at 1,048,576 rows, and openpyxl holds a whole workbook in memory (about 1 GB per
# million cells): a longer table stays a CSV file only, and a notes sheet says so.
WORKBOOK_MAX_ROWS = 100_000


def write_workbook(tables_dir: Path, target: Path) -> None:
    """Every CSV table as one sheet of an XLSX workbook (the longest only as CSV, listed in a notes sheet)."""
    import pandas as pd
    from openpyxl import Workbook

    csvs = sorted(tables_dir.glob("*.csv"))
    if not csvs:
        return
    workbook = Workbook(write_only=True)  # streamed row by row: a third faster, and little memory
    used, left_out = set(), []
    for csv in csvs:
        # read a sheet's worth and one row more: a longer table is only counted, a chunk at a time (at 50,000
        # files the term counts by document are hundreds of MB, which read whole took gigabytes)
        chunks = pd.read_csv(csv, encoding="utf-8-sig", chunksize=WORKBOOK_MAX_ROWS + 1)
        table = next(chunks)  # a header alone is one empty chunk
        if len(table) > WORKBOOK_MAX_ROWS:
            left_out.append((csv.stem, len(table) + sum(len(chunk) for chunk in chunks), f"tables/{csv.name}"))
            continue
        _add_sheet(workbook, _sheet_name(csv.stem, used), table)
    if left_out or not used:
        notes = pd.DataFrame(left_out, columns=["表 table", "行数 rows", "完整表格 full table (CSV)"])
        _add_sheet(workbook, _sheet_name("说明 notes (tables too long for a sheet)", used), notes)
    workbook.save(target)


def _add_sheet(workbook, name: str, table) -> None:
    """A sheet with a bold header row, then the table's rows (empty cells for missing values)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title=name)
    header = [WriteOnlyCell(sheet, value=str(column)) for column in table.columns]
    for cell in header:
        cell.font = Font(bold=True)
    sheet.append(header)
    for row in table.astype(object).where(table.notna(), None).itertuples(index=False, name=None):
        sheet.append(row)


def _sheet_name(stem: str, used: set) -> str:
    base = safe_name(stem).replace("[", "(").replace("]", ")")[:31]
    name, number = base, 2
    while name in used:
        suffix = f"~{number}"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name)
    return name


def date_span(docs) -> str:
    dated = docs["date"].dropna()
    return (f"{dated.min():%Y-%m-%d} – {dated.max():%Y-%m-%d}（{len(dated)}/{len(docs)} 篇有日期 dated）"
            if len(dated) else "无日期 no dates")


def corpus_facts(corpus: Path, docs) -> list[tuple[str, str]]:
    """The Word report's title page: (label, value) lines."""
    return [("语料 corpus", corpus.name), ("文档 documents", f"{len(docs):,}"),
            ("字数 characters", f"{int(docs['n_chars'].sum()):,}"), ("日期范围 date range", date_span(docs))]


def corpus_header(corpus: Path, docs) -> str:
    """What a report describes: the corpus's name, documents, characters and date range (Markdown)."""
    return (f"# 分析报告 · Analysis report: {corpus.name}\n\n"
            f"- 语料 corpus: `{corpus.name}`\n- 文档 documents: {len(docs):,}\n"
            f"- 字数 characters: {int(docs['n_chars'].sum()):,}\n- 日期范围 date range: {date_span(docs)}\n\n"
            "以下各节的“解读（自动生成）”由本语料的表格计算得出。 Each “Reading (generated)” below is computed from "
            "this corpus's own tables.")


def write_report(notebook_paths: list[Path], target: Path, *, header: str | None = None) -> None:
    """One self-contained HTML page of all notebooks: outputs only, figures embedded, ``header`` first."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    merged.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    if header:
        merged.cells.append(nbformat.v4.new_markdown_cell(header, id="corpus-header"))  # a fixed id: same bytes
    for path in notebook_paths:
        merged.cells.extend(nbformat.read(path, as_version=4).cells)
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(merged)
    # The template loads require.js and MathJax from a CDN; the report needs neither, and must open offline.
    body = re.sub(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>', "", body)
    target.write_text(body, encoding="utf-8")


def write_word_report(executed: list[Path], staging: Path, corpus: Path, docs) -> list[tuple[str, str]]:
    """``report.docx`` from the executed notebooks; a failure is reported like a notebook's, and the
    run's other outputs are still published."""
    from .report_docx import (
        write_docx_report,  # python-docx only when a run writes the report
    )

    try:
        write_docx_report(executed, staging / "report.docx", corpus_name=corpus.name,
                          facts=corpus_facts(corpus, docs), figures_dir=staging / "figures",
                          tables_dir=staging / "tables")
    except Exception as error:
        return [("report.docx", _error_line(error))]
    return []


def _default_out(corpus: Path) -> Path:
    base = Path.cwd() / f"{safe_name(corpus.stem or corpus.name)}-analysis"
    candidate, number = base, 2
    while candidate.exists():
        candidate, number = base.with_name(f"{base.name}-{number}"), number + 1
    return candidate


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise CorpusError(f"--out {out}: is an existing file, not a folder")
    resolved = out.resolve()
    for protected in (paths.NOTEBOOKS_DIR, paths.FIGURES_DIR, paths.SEEDS_DIR):
        if resolved == protected.resolve() or protected.resolve() in resolved.parents:
            raise CorpusError(f"--out {out}: must not be inside {protected.name}/ (the repository's own outputs)")


def _publish(staging: Path, out: Path) -> None:
    """Move every staged file into ``out``, replacing same-named files atomically."""
    for file in sorted(p for p in staging.rglob("*") if p.is_file()):
        target = out / file.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(file, target)


@contextmanager
def per_document_engine(scheduler: str | None):
    """Where the per-document results are computed: this machine's two cores, or the Dask cluster at
    ``scheduler`` (``app.cluster``, imported only then). An unreachable scheduler fails here, in one line."""
    if scheduler is None:
        with doccache.workers(2):
            yield
        return
    from . import cluster

    with cluster.connect(scheduler) as client, doccache.engine(cluster.compute_on(client)):
        yield


def unsupported(docs) -> dict[str, str]:
    """The notebooks a corpus cannot support, with why: a topic model (05_topics) needs at least two documents."""
    from ..textstats.topics import MIN_TOPICS

    if len(docs) < MIN_TOPICS:
        return {"05_topics": f"a topic model needs at least {MIN_TOPICS} documents; this corpus has {len(docs)}"}
    return {}


def run_into_folder(corpus: Path, out: Path, formats: tuple[str, ...], params: dict | None = None,
                    reports: tuple[str, ...] = REPORTS, scheduler: str | None = None) -> int:
    from contextlib import ExitStack

    from ..io.corpus import shared_corpus
    from .precompute import warm_cache

    with ExitStack() as stack:
        with per_document_engine(scheduler):  # a cold run computes the per-document results once, in parallel
            # bad input fails here, in one line, before anything is written; the kernels read this table
            docs, shared = stack.enter_context(shared_corpus(corpus, columns=(params or {}).get("CORPUS_COLUMNS")))
            if params and params.get("GROUP_BY") is not None:
                from ..grouping import choose_grouping

                choose_grouping(docs, params["GROUP_BY"])  # an unknown grouping too
            warm_cache(docs)
        return _run_notebooks(corpus, out, formats, params, reports, docs, shared)


def _run_notebooks(corpus: Path, out: Path, formats: tuple[str, ...], params: dict | None,
                   reports: tuple[str, ...], docs, shared: dict[str, str]) -> int:
    from concurrent.futures import ProcessPoolExecutor

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        env = {"CORPUS_LIB_FIGURES_DIR": staging / "figures", "CORPUS_LIB_TABLES_DIR": staging / "tables",
               "CORPUS_LIB_FORMATS": ",".join(formats), "MPLBACKEND": "Agg", **shared}
        skipped = unsupported(docs)
        for name, why in skipped.items():
            print(f"{name}: 跳过 skipped: {why}", file=sys.stderr)
        targets = {nb: staging / "notebooks" / nb.name for nb in notebooks() if nb.stem not in skipped}
        failures = run_all(targets, parameters={"CORPUS_PATH": str(corpus.resolve()), **(params or {})}, env=env)
        executed = [t for t in targets.values() if t.exists()]
        # the workbook (openpyxl, one core for seconds at 10,000 files) is written in another process meanwhile
        with ProcessPoolExecutor(1) as pool:
            workbook = pool.submit(write_workbook, staging / "tables", staging / "tables.xlsx")
            if "html" in reports:
                write_report(executed, staging / "report.html", header=corpus_header(corpus, docs))
            if "docx" in reports:
                failures += write_word_report(executed, staging, corpus, docs)
            workbook.result()
        _publish(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return _summary(failures, out, len(skipped))


def refresh_repository(formats: tuple[str, ...]) -> int:
    env = {"CORPUS_LIB_FIGURES_DIR": paths.FIGURES_DIR, "CORPUS_LIB_TABLES_DIR": paths.TABLES_DIR,
           "CORPUS_LIB_FORMATS": ",".join(formats), "MPLBACKEND": "Agg"}
    failures = run_all({nb: nb for nb in notebooks()}, parameters=None, env=env)
    return _summary(failures, paths.FIGURES_DIR)


def _summary(failures: list[tuple[str, str]], out: Path, skipped: int = 0) -> int:
    for name, message in failures:
        print(f"error: {name} failed: {message}", file=sys.stderr)
    ran = len(notebooks()) - skipped - sum(name.endswith(".ipynb") for name, _ in failures)
    note = f" ({skipped} skipped)" if skipped else ""
    print(f"{ran}/{len(notebooks())} notebooks ran{note}; outputs in {out}", file=sys.stderr)
    return 1 if failures else 0


def corpus_columns(args, params: dict) -> dict | None:
    """The table columns ``--columns`` names (or ``-p CORPUS_COLUMNS``, not both), checked, for every notebook."""
    from ..io.readers.table import parse_columns

    given = getattr(args, "columns", None)
    if given and "CORPUS_COLUMNS" in params:
        raise CorpusError("--columns and -p CORPUS_COLUMNS: name the columns once")
    columns = parse_columns(given or params.get("CORPUS_COLUMNS"))
    return columns or None


def run_command(args) -> int:
    formats = parse_formats(args.formats)
    params = parse_params(getattr(args, "param", []))
    report = getattr(args, "report", None)
    reports = parse_reports(report) if report is not None else REPORTS
    # -p SCHEDULER=… is --scheduler: the run computes the per-document results there, the kernels then read them
    scheduler = (getattr(args, "scheduler", None) or params.pop("SCHEDULER", None)
                 or os.environ.get("CORPUS_LIB_SCHEDULER") or None)
    columns = corpus_columns(args, params)
    if columns:
        params["CORPUS_COLUMNS"] = columns
    if args.corpus is None and args.out is None:
        if params:
            option = "--columns" if getattr(args, "columns", None) else "-p"
            raise CorpusError(f"{option} changes the analysis: use it with --corpus or --out, not to refresh the repository")
        if getattr(args, "scheduler", None):
            raise CorpusError("--scheduler is for --corpus or --out, not to refresh the repository")
        if report is not None:
            raise CorpusError("--report writes into --out: use it with --corpus or --out, not to refresh the repository")
        return refresh_repository(formats)
    corpus = Path(args.corpus) if args.corpus else paths.corpus_path()
    if not corpus.exists():
        raise CorpusError(f"{corpus}: no such file or folder")
    out = Path(args.out) if args.out else _default_out(corpus)
    _check_out(out)
    return run_into_folder(corpus, out, formats, params, reports, scheduler=scheduler)
