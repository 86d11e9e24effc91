"""report.docx, built from the repository's executed notebooks (the seed: 7 documents, hand-written readings
kept) and opened again with python-docx: headings, figures under their captions, tables under theirs, the
readings, the fonts and the size. The run date is passed in; nothing is compared with a stored copy."""
from __future__ import annotations

import datetime as dt
import io
import re

import docx
import nbformat
import pytest
from docx.oxml.ns import qn
from PIL import Image

from corpus_lib import paths
from corpus_lib.app import report_docx

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
FACTS = [("语料 corpus", "000_1a50c47c6069e7e2.txt"), ("文档 documents", "7"), ("字数 characters", "23,990"),
         ("日期范围 date range", "2020-01-31 – 2020-03-19（7/7 篇有日期 dated）")]


def _expected() -> dict:
    """What the stored notebooks hold from their first numbered section on (before it: Setup, Parameters)."""
    counts = {"figures": 0, "tables": 0, "readings": 0, "seed_readings": 0, "titles": []}
    for path in NOTEBOOKS:
        cells = nbformat.read(path, as_version=4).cells
        counts["titles"].append(cells[0].source.splitlines()[0].lstrip("# ").strip())
        start = next(i for i, c in enumerate(cells) if c.cell_type == "markdown" and re.match(r"## \d+\.", c.source))
        for cell in cells[start:]:
            counts["seed_readings"] += cell.cell_type == "markdown" and cell.source.startswith("**解读：**")
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                counts["figures"] += "image/png" in data
                counts["tables"] += 'class="dataframe' in str(data.get("text/html", ""))
                counts["readings"] += "text/markdown" in data
    return counts


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    target = tmp_path_factory.mktemp("docx") / "report.docx"
    report_docx.write_docx_report(NOTEBOOKS, target, corpus_name="000_1a50c47c6069e7e2.txt", facts=FACTS,
                                  figures_dir=paths.FIGURES_DIR, tables_dir=paths.TABLES_DIR,
                                  run_date=dt.date(2026, 12, 5))
    return target, docx.Document(str(target))


def _captions(document, label: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Caption" and p.text.startswith(label)]


def test_the_report_has_the_notebooks_headings_in_word_heading_styles(report):
    _, document = report
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [text for style, text in headings if style == "Heading 1"] == _expected()["titles"]
    assert ("Heading 2", "1. 有哪些文档？ What are the documents?") in headings
    assert ("Heading 3", "关键词上下文 Keyword in context") in headings
    assert not any(text in ("准备 Setup", "参数 Parameters", "导出 Exports") for _, text in headings)
    assert len(headings) >= 5


def test_every_figure_is_in_it_under_a_numbered_caption(report):
    _, document = report
    expected = _expected()["figures"]
    assert expected >= 20 and len(document.inline_shapes) == expected
    captions = _captions(document, "图")
    assert [int(re.match(r"图(\d+)　", c).group(1)) for c in captions] == list(range(1, expected + 1))
    paragraphs = document.paragraphs
    for i, paragraph in enumerate(paragraphs):
        if paragraph._p.xpath(".//w:drawing"):
            assert paragraphs[i + 1].style.name == "Caption" and paragraphs[i + 1].text.startswith("图")


def test_figures_are_printed_at_page_width_and_at_most_print_resolution(report):
    _, document = report
    text_width = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    for shape in document.inline_shapes:
        assert shape.width <= text_width
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        with Image.open(io.BytesIO(document.part.related_parts[blip.embed].blob)) as image:
            assert image.mode == "RGB"
            assert image.width / (shape.width / 914400) <= report_docx.PRINT_DPI + 1
    wide = [shape for shape in document.inline_shapes if shape.width == text_width]
    assert len(wide) >= len(document.inline_shapes) // 2  # the tall ones are fitted to the page's height


def test_every_table_shown_is_a_word_table_under_a_numbered_caption(report):
    _, document = report
    expected = _expected()["tables"]
    assert expected >= 5 and len(document.tables) == expected
    captions = _captions(document, "表")
    assert [int(re.match(r"表(\d+)　", c).group(1)) for c in captions] == list(range(1, expected + 1))
    body = list(document.element.body)
    for i, element in enumerate(body):
        if element.tag == qn("w:tbl"):
            assert "".join(t.text for t in body[i - 1].iter(qn("w:t"))).startswith("表")
    assert all(len(table.rows) <= 1 + report_docx.TABLE_ROWS for table in document.tables)
    notes = [p.text for p in document.paragraphs if p.style.name == "Table Note"]
    import corpus_lib as cl
    from corpus_lib import institutions

    rows = len(institutions.institution_table(cl.load_corpus()))  # 03's table of institutions on the seed
    assert rows > 20
    assert any(f"共 {rows} 行" in note and "完整表格 full table: 03_institutions-institutions.csv" in note
               for note in notes)  # 20 of them shown, the total and where the rest is
    # 01 saves its keywords by group only when it groups: the seed has no such file, so none is named
    assert not any("tfidf-keywords-by-group" in note for note in notes)


def test_the_readings_are_body_text(report):
    _, document = report
    texts = [p.text for p in document.paragraphs]
    expected = _expected()
    assert sum(t.startswith("解读（自动生成）：") for t in texts) == expected["readings"] > 20
    assert sum(t.startswith("Reading (generated):") for t in texts) == expected["readings"]
    assert sum(t.startswith("解读：") for t in texts) == expected["seed_readings"] > 10  # the seed's own


def test_the_title_page_says_what_the_report_describes(report):
    _, document = report
    first = "\n".join(p.text for p in document.paragraphs[:20])
    for label, value in FACTS:
        assert f"{label}：{value}" in first
    assert "运行日期 date of the run：2026-12-05" in first
    properties = document.core_properties
    assert properties.title == "分析报告 · Analysis report: 000_1a50c47c6069e7e2.txt"
    assert "文档 documents 7" in properties.subject


def test_the_contents_and_the_captions_are_word_fields(report):
    _, document = report
    instructions = [node.text for node in document.element.body.iter(qn("w:instrText"))]
    assert instructions[0] == ' TOC \\o "1-2" \\h \\z \\u '
    assert sum(code == " SEQ 图 \\* ARABIC " for code in instructions) == len(document.inline_shapes)
    assert sum(code == " SEQ 表 \\* ARABIC " for code in instructions) == len(document.tables)


@pytest.mark.parametrize("style,east_asian", [("Normal", "SimSun"), ("Heading 1", "SimHei"), ("Heading 2", "SimHei"),
                                              ("Heading 3", "SimHei"), ("Caption", "SimHei"), ("Table Text", "SimSun")])
def test_styles_set_the_east_asian_font_and_no_theme_font(report, style, east_asian):
    _, document = report
    fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == east_asian
    assert not [name for name in fonts.attrib if name.endswith("Theme") or name.endswith("theme")]


def test_the_report_is_small(report):
    target, _ = report
    assert target.stat().st_size < 30_000_000


def test_a_big_transparent_png_is_flattened_and_scaled_for_print():
    big = io.BytesIO()
    Image.new("RGBA", (4000, 2000), (200, 30, 30, 0)).save(big, format="PNG")
    with Image.open(io.BytesIO(report_docx.print_ready_png(big.getvalue(), 6.0))) as image:
        assert image.size == (6 * report_docx.PRINT_DPI, 3 * report_docx.PRINT_DPI)
        assert image.mode == "RGB" and image.getpixel((10, 10)) == (255, 255, 255)  # transparent is white
        assert round(image.info["dpi"][0]) == report_docx.PRINT_DPI


@pytest.mark.parametrize("rows", [
    [("doc_id", "name", "quote"), ("d02", "朱可馨", "作为一名武汉的00后，见证了全国各族青年对武汉的深情厚谊。" * 3)],
    [("a", "b"), ("1", "2")],
    [tuple(f"column_{i}" for i in range(30))],  # wider than the page: every column shrinks alike
])
def test_column_widths_fill_the_text_width_and_fit_the_header(rows):
    total = 5_700_000
    widths = report_docx.column_widths(rows, len(rows[0]), total)
    assert total - len(widths) <= sum(widths) <= total
    if len(rows[0]) < 10:
        assert widths[0] >= 6 * report_docx.CHARACTER_WIDTH  # "doc_id" fits on one line
