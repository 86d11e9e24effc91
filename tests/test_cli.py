"""The command line: JSON with real Chinese characters, and one-line errors with exit code 2."""
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
    from corpus_lib.cli import main

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
    (lambda tmp: ["docs", "--corpus", str(tmp)], "no .txt, .md or .docx files"),
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
