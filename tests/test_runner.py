"""``python -m corpus_lib run``: every notebook on another corpus, failures isolated, bad input refused."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from corpus_lib import paths


def run(*args, env_extra=None, cwd=None):
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "corpus_lib", "run", *args], capture_output=True, text=True,
                          env=env, cwd=cwd)


def _fingerprint(*folders: Path) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small_corpus_run(tmp_path_factory):
    """Two short documents with no cohort words, no dates and no institutions, run through every notebook."""
    root = tmp_path_factory.mktemp("small")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "公园.txt").write_text("春天的公园\n公园里开满了花。孩子们在草地上奔跑，老人们在树下下棋。\n", encoding="utf-8")
    (corpus / "图书馆.txt").write_text("城市图书馆\n图书馆延长了开放时间，读者可以在晚上借书和自习。\n", encoding="utf-8")
    before = _fingerprint(paths.NOTEBOOKS_DIR, paths.FIGURES_DIR, paths.SEEDS_DIR)
    result = run("--corpus", str(corpus), "--out", str(root / "out"), "--formats", "png")
    after = _fingerprint(paths.NOTEBOOKS_DIR, paths.FIGURES_DIR, paths.SEEDS_DIR)
    return result, root / "out", before == after


# What the notebooks draw on the small corpus (no dates, institutions or cohorts; seed readings dropped): 00 all four
# charts; 01 all but the seed's speech-vs-notice keyness; 02 none (each chart needs dates); 03 none (each needs an
# institution); 04 all six and 05 all six (an empty chart says what was not found).
SMALL_CORPUS_FIGURES = [
    "00_corpus_overview-lengths", "00_corpus_overview-timeline", "00_corpus_overview-top-terms",
    "00_corpus_overview-vocabulary", "01_themes-cooccurrence-network", "01_themes-keyness", "01_themes-theme-shares",
    "01_themes-top-terms", "01_themes-wordcloud", "01_themes-wordcloud-boilerplate", "01_themes-wordclouds-by-document",
    "04_cohorts-counts", "04_cohorts-keyness-cohorts", "04_cohorts-people-by-institution-type",
    "04_cohorts-people-by-province", "04_cohorts-people-by-role", "04_cohorts-stated-shares",
    "05_topics-by-cohort", "05_topics-by-group", "05_topics-by-institution-type", "05_topics-coherence",
    "05_topics-over-time", "05_topics-terms",
]


@pytest.mark.slow
def test_every_notebook_runs_on_a_small_corpus_without_cohorts_or_dates(small_corpus_run):
    result, out, _ = small_corpus_run
    assert result.returncode == 0, result.stderr[-2000:]
    expected = sorted(p.name for p in paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == expected
    assert sorted(p.name for p in (out / "figures").iterdir()) == sorted(f"{name}.png" for name in SMALL_CORPUS_FIGURES)
    report = (out / "report.html").read_text(encoding="utf-8")
    # every figure embedded once (the template's stylesheet holds one more data URI, not an <img>) …
    assert report.count('src="data:image/png;base64,') == len(SMALL_CORPUS_FIGURES)
    assert not re.search(r'src="https?://', report)  # … and nothing is fetched from the network
    assert not list(out.glob(".staging-*"))


def _printed(path: Path) -> str:
    text = ""
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            text += output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
    return text


@pytest.mark.slow
@pytest.mark.parametrize("notebook, messages", [
    # 春天的公园 5 + 公园里…下棋。27 + 城市图书馆 5 + 图书馆…自习。24 characters
    ("00_corpus_overview.ipynb", ["文档数 documents: 2；总字数 characters: 61"]),
    ("02_dates.ipynb", ["有日期 dated: 0", "未发现日期 / no dates found", "未发现具体日期 / no day-level dates mentioned"]),
    ("03_institutions.ipynb", ["0 次机构提及 / institution mentions", "未发现机构 / no institutions found"]),
    ("04_cohorts.ipynb", ["未发现世代词 / no cohort mentions found", "文中没有给出世代数字 / no cohort figures stated",
                          "未发现人物 / no people found"]),
])
def test_notebooks_say_what_they_did_not_find(small_corpus_run, notebook, messages):
    printed = _printed(small_corpus_run[1] / "notebooks" / notebook)
    for message in messages:
        assert message in printed


@pytest.mark.slow
def test_tables_are_exported_as_csv_and_one_workbook(small_corpus_run):
    import openpyxl
    import pandas as pd

    _, out, _ = small_corpus_run
    csvs = sorted((out / "tables").glob("*.csv"))
    names = {p.name for p in csvs}
    assert {"00_corpus_overview-documents.csv", "01_themes-term-counts-corpus.csv", "04_cohorts-people.csv"} <= names
    documents = pd.read_csv(out / "tables" / "00_corpus_overview-documents.csv", encoding="utf-8-sig")
    assert documents["title"].tolist() == ["春天的公园", "城市图书馆"]
    workbook = openpyxl.load_workbook(out / "tables.xlsx", read_only=True)
    assert len(workbook.sheetnames) == len(csvs)


def test_a_table_too_long_for_a_sheet_stays_csv_and_the_workbook_says_so(tmp_path, monkeypatch):
    import pandas as pd

    from corpus_lib.app import runner

    pd.DataFrame({"term": ["青年", "团员"]}).to_csv(tmp_path / "short.csv", index=False)
    pd.DataFrame({"term": ["青年", "团员", "志愿者", "医护"]}).to_csv(tmp_path / "long.csv", index=False)
    pd.DataFrame({"term": list("一二三四五六七八九")}).to_csv(tmp_path / "longer.csv", index=False)  # counted in 3 chunks
    monkeypatch.setattr(runner, "WORKBOOK_MAX_ROWS", 3)
    runner.write_workbook(tmp_path, tmp_path / "tables.xlsx")
    sheets = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    assert list(sheets)[0] == "short" and sheets["short"]["term"].tolist() == ["青年", "团员"]
    notes = sheets[list(sheets)[1]]
    assert notes.values.tolist() == [["long", 4, "tables/long.csv"], ["longer", 9, "tables/longer.csv"]]


@pytest.mark.slow
def test_the_repository_is_left_untouched(small_corpus_run):
    assert small_corpus_run[2]


@pytest.mark.slow
def test_a_failing_notebook_is_named_and_the_others_still_run(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name, source in [("01_bad.ipynb", "raise ValueError('坏了 broken')"), ("02_good.ipynb", "print('ok')")]:
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, folder / name)
    corpus = tmp_path / "c.txt"
    corpus.write_text("标题\n正文。", encoding="utf-8")
    result = run("--corpus", str(corpus), "--out", str(tmp_path / "out"), env_extra={"CORPUS_LIB_NOTEBOOKS": str(folder)})
    assert result.returncode == 1
    assert "01_bad.ipynb failed: ValueError: 坏了 broken" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "notebooks").iterdir()) == ["02_good.ipynb"]  # ran after the failure


@pytest.mark.parametrize("make_args,message", [
    (lambda tmp: ["--corpus", str(tmp / "missing")], "no such file or folder"),
    (lambda tmp: ["--corpus", str(tmp / "picture.txt"), "--out", str(tmp / "o")], "not a text file"),
    (lambda tmp: ["--corpus", str(tmp / "empty"), "--out", str(tmp / "o")], "no .txt, .md, .docx, .csv"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(tmp / "ok.txt")], "is an existing file"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(tmp / "o"), "--formats", "png,gif"], "unknown figure format gif"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(paths.FIGURES_DIR / "x")], "must not be inside figures/"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(tmp / "o"), "-p", "TOP"], "write NAME=VALUE"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(tmp / "o"), "-p", "GROUP_BY=colour"], "GROUP_BY 'colour'"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(tmp / "o"), "--report", "html,pdf"], "unknown report pdf"),
    (lambda tmp: ["--corpus", str(tmp / "ok.txt"), "--out", str(tmp / "o"), "--report", ","], "unknown report (none)"),
    (lambda tmp: ["--report", "docx"], "--report writes into --out"),  # the repository refresh writes no report
])
def test_bad_input_gets_one_line_and_exit_code_2(tmp_path, capsys, make_args, message):
    from corpus_lib.app.cli import main

    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok.txt").write_text("标题\n正文。", encoding="utf-8")
    code = main(["run", *make_args(tmp_path)])  # in-process: these fail before any kernel starts
    stderr = capsys.readouterr().err
    assert code == 2, stderr
    assert message in stderr and len(stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == "标题\n正文。"


@pytest.mark.parametrize("items,expected", [
    (["TOP=30"], {"TOP": 30}),
    (['KEYNESS_TARGET=["news"]', "KWIC_KEYWORD=团员"], {"KEYNESS_TARGET": ["news"], "KWIC_KEYWORD": "团员"}),
    (["KEYNESS_REFERENCE=None"], {"KEYNESS_REFERENCE": None}),
])
def test_notebook_parameters_from_the_command_line(items, expected):
    from corpus_lib.app.runner import parse_params

    assert parse_params(items) == expected


def test_seed_readings_are_dropped_on_another_corpus_and_kept_on_the_seed(tmp_path):
    from corpus_lib.app.runner import drop_seed_readings, is_seed

    notebook = nbformat.read(paths.NOTEBOOKS_DIR / "04_cohorts.ipynb", as_version=4)
    tagged = sum("seed-reading" in c.metadata.get("tags", []) for c in notebook.cells)
    assert tagged >= 6
    assert is_seed(None) and is_seed(paths.DEFAULT_CORPUS) and not is_seed(tmp_path)
    kept = drop_seed_readings(notebook)
    assert len(kept.cells) == len(nbformat.read(paths.NOTEBOOKS_DIR / "04_cohorts.ipynb", as_version=4).cells) - tagged
    assert not any("**解读：**" in c.source for c in kept.cells)


@pytest.mark.slow
def test_every_notebook_reads_its_own_results_on_another_corpus(small_corpus_run):
    """Each of the five executed notebooks holds generated readings, and none of the seed's hand-written ones."""
    _, out, _ = small_corpus_run
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        readings = [c for c in cells if c.cell_type == "code" and c.source.startswith("readings.read_")]
        generated = [o for c in readings for o in c.get("outputs", []) if "解读（自动生成）" in str(o.get("data", {}))]
        assert len(generated) == len(readings) >= 3, path.name  # every reading cell shows its reading
        assert not any("seed-reading" in c.metadata.get("tags", []) for c in cells), path.name


@pytest.mark.slow
def test_the_report_says_what_it_describes(small_corpus_run):
    _, out, _ = small_corpus_run
    report = (out / "report.html").read_text(encoding="utf-8")
    # the corpus folder's name, 2 documents, 61 characters, and no dates
    assert "Analysis report: corpus" in report and "文档 documents: 2" in report
    assert "字数 characters: 61" in report and "无日期 no dates" in report
    assert report.index("Analysis report") < report.index("00 语料概览")


def test_the_word_report_holds_every_notebook_with_captions_from_the_charts_titles(small_corpus_run):
    import docx

    _, out, _ = small_corpus_run
    document = docx.Document(str(out / "report.docx"))
    titles = [nbformat.read(p, as_version=4).cells[0].source.splitlines()[0].lstrip("# ")
              for p in sorted((out / "notebooks").glob("*.ipynb"))]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == titles
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption" and p.text.startswith("图")]
    assert len(captions) == len(document.inline_shapes) >= 10
    # each caption is the chart's title as the kernel recorded it, not the file-name fallback; a chart with
    # nothing to draw is captioned with what it says
    assert not [c for c in captions if c.endswith(".png")]
    assert captions[:2] == ["图1　文档时间线 Document timeline", "图2　各文档篇幅 Document length"]
    assert "图12　未发现世代词 / no cohort mentions found" in captions
    assert "字数 characters：61" in "\n".join(p.text for p in document.paragraphs[:20])


@pytest.mark.parametrize("report,written,absent", [("html", "report.html", "report.docx"),
                                                   ("docx", "report.docx", "report.html")])
def test_report_chooses_the_reports(tmp_path, monkeypatch, report, written, absent):
    from corpus_lib.app import runner
    from corpus_lib.app.cli import main

    monkeypatch.setattr(runner, "run_all", lambda targets, **_: [])  # no kernels: the reports of no notebooks
    (tmp_path / "ok.txt").write_text("标题\n正文。", encoding="utf-8")
    assert main(["run", "--corpus", str(tmp_path / "ok.txt"), "--out", str(tmp_path / "o"), "--report", report]) == 0
    assert (tmp_path / "o" / written).exists() and not (tmp_path / "o" / absent).exists()


def test_a_failing_word_report_is_named_and_the_rest_is_published(tmp_path, monkeypatch, capsys):
    from corpus_lib.app import report_docx, runner
    from corpus_lib.app.cli import main

    def broken(*args, **kwargs):
        raise OSError("磁盘已满 disk full")

    monkeypatch.setattr(runner, "run_all", lambda targets, **_: [])
    monkeypatch.setattr(report_docx, "write_docx_report", broken)
    (tmp_path / "ok.txt").write_text("标题\n正文。", encoding="utf-8")
    assert main(["run", "--corpus", str(tmp_path / "ok.txt"), "--out", str(tmp_path / "o")]) == 1
    assert "error: report.docx failed: 磁盘已满 disk full" in capsys.readouterr().err
    assert (tmp_path / "o" / "report.html").exists() and not (tmp_path / "o" / "report.docx").exists()


def test_a_corpus_of_one_document_skips_the_topics_notebook_and_says_why():
    import corpus_lib as cl
    from corpus_lib.app import runner

    seed = cl.load_corpus()
    assert runner.unsupported(seed) == {}
    skipped = runner.unsupported(seed.head(1))
    assert list(skipped) == ["05_topics"] and "at least 2 documents; this corpus has 1" in skipped["05_topics"]


def test_what_a_cell_prints_is_stored_as_one_output_however_the_kernel_sent_it():
    """``print(x)`` may reach the client as ``x`` then a line break, or as one message: stored, it is one
    stream per run of the same name, so a notebook and its report are the same bytes on every run."""
    from corpus_lib.app.notebook import coalesce_streams

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(x); df")])
    stream = nbformat.v4.new_output
    notebook.cells[0].outputs = [stream("stream", name="stdout", text="共青团中央："), stream("stream", name="stdout", text="\n"),
                                 stream("stream", name="stderr", text="note\n"),
                                 stream("display_data", data={"text/plain": "表"}),
                                 stream("stream", name="stdout", text=["一", "二"]), stream("stream", name="stdout", text="\n")]
    outputs = coalesce_streams(notebook).cells[0].outputs
    assert [(o.output_type, o.get("name"), o.get("text")) for o in outputs] == [
        ("stream", "stdout", "共青团中央：\n"), ("stream", "stderr", "note\n"), ("display_data", None, None),
        ("stream", "stdout", "一二\n")]


def test_the_html_report_is_the_same_bytes_on_every_run(tmp_path):
    from corpus_lib.app.runner import write_report

    source = tmp_path / "a.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 标题", id="title")]), source)
    write_report([source], tmp_path / "one.html", header="语料 corpus")
    write_report([source], tmp_path / "two.html", header="语料 corpus")
    assert (tmp_path / "one.html").read_bytes() == (tmp_path / "two.html").read_bytes()
