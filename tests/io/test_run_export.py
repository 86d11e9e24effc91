"""``run --corpus export.xlsx -p GROUP_BY=来源``: the report of an export, its charts grouped by one of its columns.

The whole report (five notebooks) was run by hand; here one notebook runs, so the suite stays fast."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import nbformat

import seed_files
from corpus_lib import paths


def test_an_export_is_reported_grouped_by_its_column(tmp_path, records):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(paths.NOTEBOOKS_DIR / "00_corpus_overview.ipynb", notebooks)
    export = seed_files.write_xlsx(tmp_path / "export.xlsx", records)
    result = subprocess.run([sys.executable, "-m", "corpus_lib", "run", "--corpus", str(export), "--out",
                             str(tmp_path / "out"), "--formats", "png", "-p", "GROUP_BY=来源"],
                            capture_output=True, text=True, env={**os.environ, "CORPUS_LIB_NOTEBOOKS": str(notebooks)})
    assert result.returncode == 0, result.stderr[-2000:]
    printed = "".join(output.get("text", "") for cell in nbformat.read(tmp_path / "out" / "notebooks" / "00_corpus_overview.ipynb",
                                                                        as_version=4).cells for output in cell.get("outputs", []))
    groups = len({record["来源"] for record in records})  # 6: two 上海发布 rows, one empty cell (未署名)
    assert f"图表按来源分组绘制：7 篇文档分为 {groups} 组（按参数 GROUP_BY" in printed
    assert (tmp_path / "out" / "figures" / "00_corpus_overview-timeline.png").stat().st_size > 10_000
    assert (tmp_path / "out" / "report.html").exists() and (tmp_path / "out" / "tables.xlsx").exists()
