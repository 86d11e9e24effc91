"""``report.docx``: the executed notebooks as a Word report of the kind analysts hand in.

A title page (the corpus, its documents, characters and date range, the date of the run), a table of
contents, then per notebook its title and question and every section (``report_content`` decides what a
section shows): headings in Word's heading styles (so the navigation pane and the contents work), the text
and the readings as body text, every figure at page width with a numbered caption under it (图1 …, from
the chart's title), every table as a Word table of at most ``TABLE_ROWS`` rows with a numbered caption
above it (表1 …) and a note when it was cut. Body text is 宋体/SimSun, headings and captions 黑体/SimHei,
with the East Asian font set on every style, so Word and WPS use them for the Chinese.

Figures are re-encoded for print: at most ``PRINT_DPI`` at the size they are printed, on white, so the
report of a 2,800-document run stays small (the exported PNGs may be 4000 px and 3 MB each).
"""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENTATION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .report_content import Figure, Heading, Prose, Table, notebook_blocks

PRINT_DPI = 220          # prints sharply, and keeps 25 figures of a large corpus to a few MB
TABLE_ROWS = 20
CHARACTER_WIDTH = Cm(0.18)  # a Latin character of 9 pt table text; a Chinese one is two
CELL_PADDING = Cm(0.45)  # the cell's margins, and a little room for bold
MISSING = {"NaN", "None", "NaT", "nan", "<NA>"}
BODY_FONT = ("Times New Roman", "SimSun")   # (Latin, East Asian): 宋体
HEADING_FONT = ("Arial", "SimHei")          # 黑体
CODE_FONT = "Consolas"
BLACK = RGBColor(0, 0, 0)
# style: (size in pt, bold, font, space before, space after)
STYLES = {
    "Normal": (10.5, False, BODY_FONT, 0, 6),
    "Title": (22, True, HEADING_FONT, 0, 24),
    "Subtitle": (14, False, HEADING_FONT, 0, 12),
    "Heading 1": (16, True, HEADING_FONT, 0, 12),
    "Heading 2": (14, True, HEADING_FONT, 18, 6),
    "Heading 3": (12, True, HEADING_FONT, 12, 6),
    "Caption": (10, False, HEADING_FONT, 3, 12),
    "TOC Heading": (16, True, HEADING_FONT, 0, 12),
}
ADDED_STYLES = {  # our own paragraph styles, based on Normal
    "Table Text": (9, False, BODY_FONT, 0, 0),
    "Table Note": (9, False, BODY_FONT, 3, 12),
    "toc 1": (10.5, True, BODY_FONT, 6, 2),
    "toc 2": (10.5, False, BODY_FONT, 0, 2),
}


def write_docx_report(notebook_paths: list[Path], target: Path, *, corpus_name: str,
                      facts: list[tuple[str, str]], figures_dir: Path | None = None,
                      tables_dir: Path | None = None, run_date: dt.date | None = None) -> None:
    """Write ``target`` from the executed notebooks; ``facts`` are the title page's (label, value) lines,
    ``figures_dir`` holds the exported PNGs (used instead of the notebooks' screen-resolution ones) and
    ``tables_dir`` the CSVs (a cut table names the one that holds all of it)."""
    import nbformat

    run_date = run_date or dt.date.today()
    blocks = [block for path in notebook_paths
              for block in notebook_blocks(nbformat.read(path, as_version=4), stem=path.stem,
                                           figures_dir=figures_dir, tables_dir=tables_dir)]
    document = new_report_document()
    set_core_properties(document, corpus_name, facts, run_date)
    add_title_page(document, corpus_name, facts, run_date)
    add_contents(document, [b for b in blocks if isinstance(b, Heading) and b.level <= 2])
    add_blocks(document, blocks)
    document.save(str(target))


# ---------------------------------------------------------------- the document and its styles

def new_report_document():
    """An A4 document whose styles carry the report's fonts (East Asian included), sizes and spacing."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENTATION.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.54))
    set_default_fonts(document)
    for name, spec in STYLES.items():
        apply_style_spec(document.styles[name], *spec)
    for name, spec in ADDED_STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        apply_style_spec(style, *spec)
    for name in ("Title", "Subtitle", "Caption"):
        document.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _remove_border(document.styles["Title"])
    document.styles["Heading 1"].paragraph_format.page_break_before = True
    document.styles["Normal"].paragraph_format.line_spacing = 1.3
    add_page_numbers(section)
    return document


def set_east_asian_font(properties, latin: str, east_asian: str) -> None:
    """Set the Latin and East Asian fonts of a ``w:rPr``, dropping the theme fonts that would otherwise
    win (python-docx's ``font.name`` sets only the Latin ones)."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)  # rFonts comes first in a style's rPr
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_default_fonts(document) -> None:
    """The document defaults: body fonts, and Chinese (zh-CN) as the East Asian language."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    properties = _child(defaults, "w:rPr")
    set_east_asian_font(properties, *BODY_FONT)
    _child(properties, "w:lang").set(qn("w:eastAsia"), "zh-CN")


def _child(element, tag: str):
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.append(found)
    return found


def apply_style_spec(style, size: float, bold: bool, fonts: tuple[str, str], before: float, after: float) -> None:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = BLACK
    set_east_asian_font(style.element.get_or_add_rPr(), *fonts)
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


def _remove_border(style) -> None:
    properties = style.element.pPr
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


def add_styled(document, style: str, text: str = ""):
    """A paragraph in ``style``, set by its id: python-docx's lookup by name costs milliseconds a paragraph."""
    ids = getattr(document, "_style_ids", None)
    if ids is None:
        ids = document._style_ids = {style.name: style.style_id for style in document.styles}
    paragraph = document.add_paragraph(text)
    paragraph._p.style = ids[style]
    return paragraph


def add_field(paragraph, instruction: str, result: str = "", *, dirty: bool = False) -> None:
    """A Word field (PAGE, SEQ 图, TOC …) with ``result`` as its shown value until the field is updated."""
    _add_field_char(paragraph, "begin", dirty=dirty)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _add_field_char(paragraph, "separate")
    if result:
        paragraph.add_run(result)
    _add_field_char(paragraph, "end")


def _add_field_char(paragraph, kind: str, *, dirty: bool = False) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")  # Word recomputes the field when it opens the file
    paragraph.add_run()._r.append(char)


def add_page_numbers(section) -> None:
    """Page numbers centred in the footer; none on the title page."""
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(paragraph, "PAGE", "1")


def set_core_properties(document, corpus_name: str, facts: list[tuple[str, str]], run_date: dt.date) -> None:
    properties = document.core_properties
    properties.title = f"分析报告 · Analysis report: {corpus_name}"
    properties.subject = ("语料分析：主题、日期、机构与世代 · corpus analysis: themes, dates, institutions "
                          f"and cohorts ({'; '.join(f'{label} {value}' for label, value in facts[1:])})")
    properties.author = properties.last_modified_by = "corpus_lib"
    properties.keywords = "corpus_lib; 语料分析; corpus analysis"
    properties.language = "zh-CN"
    properties.comments = "由 python -m corpus_lib run 从执行过的笔记本生成 · written by python -m corpus_lib run"
    moment = dt.datetime.combine(run_date, dt.time())
    properties.created = properties.modified = moment
    properties.revision = 1


# ---------------------------------------------------------------- title page and contents

def add_title_page(document, corpus_name: str, facts: list[tuple[str, str]], run_date: dt.date) -> None:
    for _ in range(6):
        document.add_paragraph()
    add_styled(document, "Title", "分析报告 · Analysis report")
    add_styled(document, "Subtitle", corpus_name)
    for label, value in [*facts, ("运行日期 date of the run", f"{run_date:%Y-%m-%d}")]:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{label}：").bold = True
        paragraph.add_run(value)
    note = document.add_paragraph("各节的“解读（自动生成）”由本语料的表格计算得出。 Each “Reading (generated)” "
                                  "is computed from this corpus's own tables.")
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note.paragraph_format.space_before = Pt(24)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_contents(document, headings: list[Heading]) -> None:
    """A TOC field over heading levels 1–2. Until Word updates it (it asks when the file opens: the field
    is marked dirty) it shows the headings without page numbers, so LibreOffice and WPS show them too."""
    add_styled(document, "TOC Heading", "目录 Contents")
    entries = headings or [Heading(1, "（无标题 no headings）")]
    for i, heading in enumerate(entries):
        paragraph = add_styled(document, f"toc {min(heading.level, 2)}")
        if i == 0:
            _add_field_char(paragraph, "begin", dirty=True)
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = ' TOC \\o "1-2" \\h \\z \\u '
            paragraph.add_run()._r.append(code)
            _add_field_char(paragraph, "separate")
        paragraph.add_run(heading.text)
        if heading.level == 2:
            paragraph.paragraph_format.left_indent = Cm(0.75)
        if i == len(entries) - 1:
            _add_field_char(paragraph, "end")


# ---------------------------------------------------------------- the body

def add_blocks(document, blocks) -> None:
    figures = tables = 0
    for block in blocks:
        if isinstance(block, Heading):
            add_styled(document, f"Heading {min(block.level, 3)}", block.text)
        elif isinstance(block, Prose):
            add_prose(document, block)
        elif isinstance(block, Figure):
            figures += 1
            add_figure(document, block, figures)
        elif isinstance(block, Table):
            tables += 1
            add_table(document, block, tables)


def add_prose(document, prose: Prose) -> None:
    for paragraph in prose.paragraphs:
        style = {"bullet": "List Bullet", "code": "Table Text"}.get(paragraph.kind, "Normal")
        word = add_styled(document, style)
        if paragraph.kind == "numbered":
            word.paragraph_format.left_indent = Cm(0.75)
        for run in paragraph.runs:
            added = word.add_run(run.text)
            added.bold, added.italic = run.bold or None, run.italic or None
            if run.code:
                added.font.name = CODE_FONT  # Latin only: Chinese in code keeps the body's 宋体


def add_caption(document, label: str, number: int, text: str):
    """图1　title / 表1　title, the number a SEQ field so Word can build a list of figures or tables."""
    paragraph = add_styled(document, "Caption")
    paragraph.add_run(label)
    add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
    paragraph.add_run(f"　{text}")
    return paragraph


def text_size(document) -> tuple[int, int]:
    """The width and height (EMU) that figures may take: the text area, less room for the caption."""
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin - Cm(3)
    return width, height


def add_figure(document, figure: Figure, number: int) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(figure.png)) as image:
        pixels = image.size
    max_width, max_height = text_size(document)
    width = min(max_width, int(max_height * pixels[0] / pixels[1]))
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.line_spacing = 1.0
    paragraph.add_run().add_picture(io.BytesIO(print_ready_png(figure.png, width / 914400)), width=width)
    add_caption(document, "图", number, figure.title)


def print_ready_png(png: bytes, width_inches: float) -> bytes:
    """The PNG on white, at most ``PRINT_DPI`` at ``width_inches``, with that resolution recorded."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        image.load()
        if image.mode != "RGB":
            rgba = image.convert("RGBA")
            image = Image.new("RGB", rgba.size, "white")
            image.paste(rgba, mask=rgba.getchannel("A"))
        longest = max(1, round(width_inches * PRINT_DPI))
        if image.width > longest:
            image = image.resize((longest, max(1, round(image.height * longest / image.width))), Image.LANCZOS,
                                 reducing_gap=3.0)
        dpi = image.width / width_inches
        out = io.BytesIO()
        image.save(out, format="PNG", dpi=(dpi, dpi))  # optimize=True: 3× slower for 3% less
    return out.getvalue()


def add_table(document, table: Table, number: int) -> None:
    caption = add_caption(document, "表", number, table.caption)
    caption.paragraph_format.keep_with_next = True
    rows = table.rows[:TABLE_ROWS]
    columns = max([len(table.header), *(len(row) for row in rows)]) or 1
    word = document.add_table(rows=1 + len(rows), cols=columns)
    word.style = document.styles["Table Grid"]
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    widths = column_widths([table.header, *rows], columns, text_size(document)[0])
    for column, width in zip(word.columns, widths):
        column.width = width  # the grid, which LibreOffice reads; Word reads each cell's width
    for i, values in enumerate([table.header, *rows]):
        cells = word.rows[i].cells
        for j in range(columns):
            value = values[j] if j < len(values) else ""
            _fill_cell(cells[j], "—" if value in MISSING else value, widths[j], header=i == 0)
    _repeat_header(word.rows[0])
    notes = list(table.notes)
    if len(table.rows) > TABLE_ROWS:
        notes.insert(0, f"显示前 {TABLE_ROWS} 行 / 共 {len(table.rows):,} 行 · first {TABLE_ROWS} of "
                        f"{len(table.rows):,} rows")
    add_styled(document, "Table Note", "\n".join(notes))  # empty: the space after the table


def column_widths(rows, columns: int, total: int) -> list[int]:
    """Widths (EMU) summing to ``total``: every column as wide as its header's longest word (split at ``_``
    too; at most 10 characters); then the short columns as wide as their text; the long ones share the
    rest in proportion to their text (a Chinese character counts double)."""
    def shown(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

    def span(characters: int) -> int:
        return int(characters * CHARACTER_WIDTH + CELL_PADDING)

    header = [rows[0][j] if j < len(rows[0]) else "" for j in range(columns)]
    widths = [span(min(max([shown(part) for part in re.split(r"[\s_]+", header[j])] + [2]), 10))
              for j in range(columns)]
    if sum(widths) >= total:
        return [int(total * width / sum(widths)) for width in widths]
    wanted = [span(min(max([shown(row[j]) for row in rows if j < len(row)] + [2]), 80)) for j in range(columns)]
    need = [max(0, want - width) for want, width in zip(wanted, widths)]
    spare = total - sum(widths)
    pending = sorted(range(columns), key=lambda j: need[j])
    while pending and need[pending[0]] <= spare / len(pending):  # short columns get all they need
        j = pending.pop(0)
        widths[j] += need[j]
        spare -= need[j]
    if not pending:
        return [width + spare // columns for width in widths]
    for j in pending:  # the long ones share the rest in proportion to their text
        widths[j] += int(spare * need[j] / sum(need[i] for i in pending))
    return widths


def _fill_cell(cell, text: str, width: int, *, header: bool) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph._p.style = "TableText"  # the id of "Table Text" (see add_styled)
    run = paragraph.add_run(text)
    run.bold = header or None


def _repeat_header(row) -> None:
    """The header row repeats on every page a long table runs over."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)
