"""The command line: every table command, JSON with real Chinese characters, one-line errors with exit code 2."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args, cwd=None):
    """The real entry point, in a new process (used once: it costs an interpreter start)."""
    return subprocess.run([sys.executable, "-m", "corpus_lib", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def cli(capsys):
    """``main(argv)`` in this process: returns (exit code, stdout, stderr)."""
    from corpus_lib.app.cli import main

    def call(*args):
        code = main(list(args))
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, captured.out, captured.err)
    return call


def test_docs_json_lists_the_seven_documents():
    result = run("docs", "--format", "json")
    assert result.returncode == 0
    assert "\\u" not in result.stdout
    records = json.loads(result.stdout)
    assert [r["doc_id"] for r in records] == [f"d0{i}" for i in range(1, 8)]
    assert records[0]["issuer"] == "习近平" and records[0]["date"] == "2020-03-15"
    assert records[5]["issuer"] == "共青团中央" and records[5]["date"] == "2020-01-31"
    assert set(records[0]) == {"doc_id", "title", "issuer", "date", "genre", "n_chars"}


def test_segment_keeps_cohort_and_medical_team_whole(cli):
    result = cli("segment", "北京大学援鄂医疗队全体“90后”党员")
    assert result.stdout.split() == ["北京大学", "援鄂医疗队", "全体", "“", "90后", "”", "党员"]
    assert json.loads(cli("segment", "90后党员", "--format", "json").stdout) == ["90后", "党员"]


def test_docs_csv_has_a_header_and_seven_rows(cli):
    lines = cli("docs", "--format", "csv").stdout.strip().split("\n")
    assert lines[0] == "doc_id,title,issuer,date,genre,n_chars" and len(lines) == 8


@pytest.mark.parametrize("make_args,message", [
    (lambda tmp: ["docs", "--corpus", str(tmp / "nope")], "no such file or folder"),
    (lambda tmp: ["docs", "--corpus", str(tmp)], "no .txt, .md, .docx, .csv"),
    (lambda tmp: ["docs", "--format", "xml"], "invalid choice"),
    (lambda tmp: ["frobnicate"], "invalid choice"),
])
def test_bad_input_gets_one_line_and_exit_code_2(cli, tmp_path, make_args, message):
    result = cli(*make_args(tmp_path))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_binary_file_and_empty_file(tmp_path):
    """Through the real entry point: exit code 2 and no traceback from the process itself."""
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "empty.txt").write_text("")
    for name, message in [("image.txt", "not a text file"), ("empty.txt", "the file is empty")]:
        result = run("docs", "--corpus", str(tmp_path / name))
        assert (result.returncode, message in result.stderr, "Traceback" in result.stderr) == (2, True, False)


@pytest.mark.parametrize("by, top, doc_ids", [("all", 5, {"all"}), ("doc", 2, {f"d0{i}" for i in range(1, 8)})])
def test_keywords(cli, by, top, doc_ids):
    records = json.loads(cli("keywords", "--by", by, "--top", str(top), "--format", "json").stdout)
    assert set(records[0]) == {"doc_id", "term", "score", "rank"}
    assert {r["doc_id"] for r in records} == doc_ids
    assert max(r["rank"] for r in records) == top
    if by == "doc":  # d02's first keyword is 90后 (24 mentions, twice elsewhere)
        assert [r["term"] for r in records if r["doc_id"] == "d02" and r["rank"] == 1] == ["90后"]


def test_keywords_top_must_be_positive(cli):
    result = cli("keywords", "--top", "0")
    assert (result.returncode, result.stderr.strip()) == (2, "error: --top must be at least 1")


def test_dates(cli):
    lines = cli("dates", "--format", "csv").stdout.strip().split("\n")
    assert lines[0] == "doc_id,surface,date,granularity,date_kind"
    assert "d07,2月6日（星期四）,2020-02-06,day,year-inferred" in lines
    assert "d02,除夕夜,2020-01-24,day,lunar-holiday" in lines


def test_institutions(cli):
    records = json.loads(cli("institutions", "--format", "json").stdout)
    assert set(records[0]) == {"doc_id", "name", "type", "province", "count"}
    league = [r for r in records if r["doc_id"] == "d06" and r["name"] == "共青团中央"]
    assert league == [{"doc_id": "d06", "name": "共青团中央", "type": "youth_league", "province": None, "count": 2}]


def test_cohorts(cli):
    lines = cli("cohorts", "--format", "csv").stdout.strip().split("\n")
    # d01: title + salutation; d02: 90后 ×24, 00后 ×5, 95后 ×2, 10后 ×1; no other document names a cohort
    assert lines == ["doc_id,cohort,count", "d01,90后,2", "d02,90后,24", "d02,95后,2", "d02,00后,5", "d02,10后,1"]


def test_people(cli):
    records = json.loads(cli("people", "--format", "json").stdout)
    assert set(records[0]) == {"doc_id", "name", "institution", "institution_type", "province", "role", "cohort", "quote"}
    sun = [r for r in records if r["name"] == "孙铭泽"]
    assert len(sun) == 1 and sun[0]["cohort"] == "95后"
