"""What the Word report takes from an executed notebook: headings, text, figures, tables and readings."""
from __future__ import annotations

import base64
import io

import nbformat
import pandas as pd
import pytest
from PIL import Image

from corpus_lib.app import report_content
from corpus_lib.app.report_content import Figure, Heading, Prose, Table, markdown_blocks, parse_dataframe_html


def _png(width: int, height: int, colour: str = "steelblue") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("table,header,rows,total", [
    # a row number is not data
    (pd.DataFrame({"词": ["青年", "团员"], "次数": [104, 30]}), ("词", "次数"), [("青年", "104"), ("团员", "30")], None),
    # a named index is (the index-name row of pandas' header is merged into the header)
    (pd.DataFrame({"90后": [2, 24], "00后": [0, 8]}, index=pd.Index(["d01", "d02"], name="doc_id")),
     ("doc_id", "90后", "00后"), [("d01", "2", "0"), ("d02", "24", "8")], None),
    # the columns' name and the index's name: the index column is headed by the index's name
    (pd.DataFrame({"90后": [2]}, index=pd.Index(["d01"], name="doc_id")).rename_axis(columns="cohort"),
     ("doc_id", "90后"), [("d01", "2")], None),
    # a text index without a name is data too
    (pd.DataFrame({"hits": [6, 40]}, index=["d01", "d02"]), ("", "hits"), [("d01", "6"), ("d02", "40")], None),
])
def test_a_dataframe_shown_in_a_notebook_becomes_header_and_rows(table, header, rows, total):
    assert parse_dataframe_html(table._repr_html_()) == (header, rows, total)


def test_pandas_own_cut_drops_its_dots_and_keeps_the_total():
    table = pd.DataFrame({"term": [f"词{i}" for i in range(30)], "count": range(30)})
    with pd.option_context("display.max_rows", 6, "display.min_rows", 6):
        header, rows, total = parse_dataframe_html(table._repr_html_())
    assert header == ("term", "count") and total == 30
    assert [row[0] for row in rows] == ["词0", "词1", "词2", "词27", "词28", "词29"]


def test_a_multi_index_spans_its_labels_over_rows():
    table = pd.DataFrame({"count": [3, 1, 2]},
                         index=pd.MultiIndex.from_tuples([("d01", "90后"), ("d01", "00后"), ("d02", "90后")],
                                                         names=["doc_id", "cohort"]))
    header, rows, _ = parse_dataframe_html(table._repr_html_())
    assert header == ("doc_id", "cohort", "count")
    assert rows == [("d01", "90后", "3"), ("d01", "00后", "1"), ("d02", "90后", "2")]


def test_markdown_becomes_headings_and_paragraphs_of_runs():
    blocks = markdown_blocks("## 1. 时间线 Timeline\n\n文档按**日期**排列，\n每篇一行；`date_source` 说明来源。\n\n"
                             "The documents in date order,\none row each.\n\n- 回信\n- 讲话\n\n1. 通知\n2. 新闻")
    assert blocks[0] == Heading(2, "1. 时间线 Timeline")
    paragraphs = blocks[1].paragraphs
    assert "".join(run.text for run in paragraphs[0].runs) == "文档按日期排列，每篇一行；date_source 说明来源。"  # no space
    assert [run.text for run in paragraphs[0].runs if run.bold] == ["日期"]
    assert [run.text for run in paragraphs[0].runs if run.code] == ["date_source"]
    assert "".join(run.text for run in paragraphs[1].runs) == "The documents in date order, one row each."
    assert [(p.kind, "".join(r.text for r in p.runs)) for p in paragraphs[2:]] == [
        ("bullet", "回信"), ("bullet", "讲话"), ("numbered", "1. 通知"), ("numbered", "2. 新闻")]


def _code(source: str, *outputs, tags=()):
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)} if tags else {})
    cell.outputs = [nbformat.from_dict(output) for output in outputs]
    return cell


def _image(png: bytes, metadata: dict | None = None) -> dict:
    return {"output_type": "display_data", "data": {"image/png": base64.b64encode(png).decode(), "text/plain": "<Figure>"},
            "metadata": metadata or {}}


def _html(table: pd.DataFrame) -> dict:
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {},
            "data": {"text/html": table._repr_html_(), "text/plain": table.to_string()}}


def _reading(text: str) -> dict:
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {},
            "data": {"text/markdown": text, "text/plain": text}}


def _stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text}


@pytest.fixture
def demo_notebook():
    """A notebook laid out like ours: title, Setup, Parameters (with a table), two numbered sections, an
    Exports section with nothing to report, and a seed-only summary."""
    md = nbformat.v4.new_markdown_cell
    titled = {"image/png": {"corpus_lib": {"title": "各文档篇幅 Document length", "file": "09_demo-lengths"}}}
    people = pd.DataFrame({"name": [f"人{i}" for i in range(25)]})
    cells = [
        md("# 09 示例 · Demo\n\n**问题：** 有多长？"),
        md("## 准备 Setup"), _code("import corpus_lib as cl"),
        md("## 参数 Parameters"), _code("CORPUS_PATH = None", tags=["parameters"]),
        _code("docs.head()", _html(pd.DataFrame({"doc_id": ["d01"]}))),
        md("## 1. 篇幅 Length\n\n为什么：篇幅影响计数。"),
        _code('fig = plot()\ncl.save_figure(fig, "lengths")\nfig', _image(_png(640, 480), titled)),
        _code("readings.read_lengths(docs)", _reading("**解读（自动生成）：** 最长的是 d03。\n\n**Reading (generated):** d03.")),
        md("## 2. 人物 People"),
        _code('cl.save_table(people, "people")\ncl.show_table(people)',
              _stream("显示前 20 行 / 共 25 行 · first 20 of 25 rows\n"), _html(people.head(20))),
        _code('fig = plot()\ncl.save_figure(fig, "people-by-role")\nfig', _image(_png(640, 480))),
        _code("people.head(2)", _html(people.head(2))),
        md("## 导出 Exports\n\n图：`figures/09_demo-lengths`。"),
        nbformat.v4.new_markdown_cell("## 小结 Summary\n\n- 人很多。", metadata={"tags": ["seed-reading"]}),
    ]
    return nbformat.v4.new_notebook(cells=cells)


def test_a_notebook_reports_its_title_and_its_numbered_sections_only(demo_notebook, tmp_path):
    blocks = report_content.notebook_blocks(demo_notebook, stem="09_demo", figures_dir=tmp_path)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["09 示例 · Demo", "1. 篇幅 Length", "2. 人物 People", "小结 Summary"]  # no Setup, Parameters, Exports
    assert sum(isinstance(b, Table) for b in blocks) == 2  # not the table in Parameters
    readings = [b for b in blocks if isinstance(b, Prose) and b.reading]
    assert len(readings) == 2  # the generated one and the seed's summary


def test_a_figure_is_captioned_from_its_recorded_title_and_read_from_its_exported_file(demo_notebook, tmp_path):
    exported = _png(1280, 960, "darkred")
    (tmp_path / "09_demo-lengths.png").write_bytes(exported)
    first, second = [b for b in report_content.notebook_blocks(demo_notebook, stem="09_demo", figures_dir=tmp_path)
                     if isinstance(b, Figure)]
    assert (first.title, first.source, first.png) == ("各文档篇幅 Document length", "file", exported)
    # no recorded title (a notebook run before titles were recorded) and no exported file: the file name
    # from the cell's save_figure call, and the notebook's own PNG
    assert (second.title, second.source) == ("09_demo-people-by-role.png", "notebook")


def test_a_table_is_captioned_from_its_section_and_says_where_it_was_cut(demo_notebook, tmp_path):
    (tmp_path / "09_demo-people.csv").write_text("name\n人0\n", encoding="utf-8")
    tables = [b for b in report_content.notebook_blocks(demo_notebook, stem="09_demo", tables_dir=tmp_path)
              if isinstance(b, Table)]
    assert [t.caption for t in tables] == ["人物 People", "人物 People（2）"]
    assert tables[0].notes == ("显示前 20 行 / 共 25 行 · first 20 of 25 rows", "完整表格 full table: 09_demo-people.csv")
    assert len(tables[0].rows) == 20 and tables[1].notes == ()
