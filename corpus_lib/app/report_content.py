"""What a report shows of the executed notebooks, as plain blocks: headings, prose, figures, tables.

``notebook_blocks`` walks one executed notebook and returns, in order, the notebook's title and question,
then every section from the first numbered one (``## 1. …``) on, each section with its headings, its
Markdown text, its figures (PNG and title), its tables (the DataFrames it shows) and its readings
(the generated ``readings.read_*`` Markdown outputs, and the seed's hand-written ``seed-reading`` cells
when the run kept them). Setup and Parameters, before the first numbered section, are left out, and so is
a later section with nothing to report (02's 导出 Exports). ``report_docx`` turns the blocks into Word; this
module knows nothing of Word, and no analysis.

Why the tables come from the HTML outputs and not from the CSV files ``save_table`` writes: the HTML is
exactly what each notebook *shows*, in its section and order, already cut by ``show_table``; many shown
tables are never saved (02 and 04 save two of their ten), and some saved ones are never shown.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..io.export import safe_name
from .notebook import FIGURE_METADATA

SEED_READING_TAG = "seed-reading"
NUMBERED = re.compile(r"^\d+[.、．]\s*")
CUT_LINE = "显示前"  # how show_table's lines about a cut table begin
SAVED_FIGURE = re.compile(r"""(?:save|show)_figure\(\s*[^,()]+,\s*["']([^"'{}]+)["']""")
SAVED_TABLE = re.compile(r"""save_table\(\s*[^,]+,\s*["']([^"'{}]+)["']""")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    kind: str = "body"  # body | bullet | numbered | code


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = a notebook's title, 2 = a section, 3 = a subsection
    text: str


@dataclass(frozen=True)
class Prose:
    paragraphs: tuple[Paragraph, ...]
    reading: bool = False  # a generated reading, or a seed-only one written by hand


@dataclass(frozen=True)
class Figure:
    png: bytes
    title: str
    source: str  # "file" when the exported PNG was found (print resolution), else "notebook"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str
    notes: tuple[str, ...] = ()


Block = Heading | Prose | Figure | Table


# ---------------------------------------------------------------- Markdown

def markdown_blocks(source: str, *, reading: bool = False) -> list[Block]:
    """A Markdown cell as Heading and Prose blocks.

    >>> [type(b).__name__ for b in markdown_blocks("## 1. 时间线 Timeline\\n\\n文档按**日期**排列。")]
    ['Heading', 'Prose']
    """
    import mistune

    blocks, paragraphs = [], []
    for token in mistune.create_markdown(renderer=None)(source):
        if token["type"] == "heading":
            if paragraphs:
                blocks.append(Prose(tuple(paragraphs), reading=reading))
                paragraphs = []
            blocks.append(Heading(token["attrs"]["level"], plain_text(token["children"])))
        else:
            paragraphs.extend(_paragraphs(token))
    if paragraphs:
        blocks.append(Prose(tuple(paragraphs), reading=reading))
    return blocks


def plain_text(children: list) -> str:
    return "".join(run.text for run in _runs(children)).strip()


def _paragraphs(token: dict, *, depth: int = 0) -> list[Paragraph]:
    kind = token["type"]
    if kind in ("paragraph", "block_text"):
        return [Paragraph(tuple(_runs(token["children"])))]
    if kind == "block_code":
        return [Paragraph((Run(token["raw"].rstrip("\n"), code=True),), kind="code")]
    if kind == "block_quote":
        return [p for child in token["children"] for p in _paragraphs(child, depth=depth)]
    if kind == "list":
        return _list_paragraphs(token, depth=depth)
    return []  # blank lines, rules, raw HTML


def _list_paragraphs(token: dict, *, depth: int) -> list[Paragraph]:
    ordered = token["attrs"].get("ordered", False)
    start = token["attrs"].get("start", 1)
    paragraphs = []
    for number, item in enumerate(token["children"], start=start):
        for i, child in enumerate(item["children"]):
            for paragraph in _paragraphs(child, depth=depth + 1):
                if paragraph.kind != "body" or i > 0:
                    paragraphs.append(paragraph)
                elif ordered:
                    paragraphs.append(Paragraph((Run(f"{number}. "), *paragraph.runs), kind="numbered"))
                else:
                    paragraphs.append(Paragraph(paragraph.runs, kind="bullet"))
    return paragraphs


def _runs(children: list, *, bold=False, italic=False) -> list[Run]:
    runs = []
    for child in children:
        kind = child["type"]
        if kind == "text":
            runs.append(Run(child["raw"], bold, italic))
        elif kind == "codespan":
            runs.append(Run(child["raw"], bold, italic, code=True))
        elif kind in ("strong", "emphasis", "link"):
            runs.extend(_runs(child["children"], bold=bold or kind == "strong", italic=italic or kind == "emphasis"))
        elif kind == "softbreak":
            runs.append(Run(_soft_break(runs), bold, italic))
        elif kind == "linebreak":
            runs.append(Run("\n", bold, italic))
    return runs


def _soft_break(runs: list[Run]) -> str:
    """A line break inside a paragraph: nothing after Chinese (the lines join), a space after Latin text."""
    before = runs[-1].text[-1:] if runs else ""
    return "" if re.match(r"[\u3000-\u9fff\uff00-\uffef]", before) else " "


# ---------------------------------------------------------------- tables

class _TableParser(HTMLParser):
    """The first ``<table>`` of a DataFrame's HTML, as rows of (tag, text, colspan, rowspan), and the
    ``<p>N rows × M columns</p>`` line pandas adds when it cut the display."""

    def __init__(self):
        super().__init__()
        self.head, self.body, self.shape_line = [], [], ""
        self._part, self._cell, self._skip, self._done, self._in_p = None, None, 0, False, False

    def handle_starttag(self, tag, attrs):
        if tag == "style":
            self._skip += 1
        elif tag in ("thead", "tbody") and not self._done:
            self._part = self.head if tag == "thead" else self.body
        elif tag == "tr" and self._part is not None:
            self._part.append([])
        elif tag in ("th", "td") and self._part is not None and self._part:
            spans = dict(attrs)
            self._cell = [tag, "", int(spans.get("colspan") or 1), int(spans.get("rowspan") or 1)]
        elif tag == "p":
            self._in_p = True

    def handle_endtag(self, tag):
        if tag == "style":
            self._skip -= 1
        elif tag in ("th", "td") and self._cell is not None:
            self._cell[1] = " ".join(self._cell[1].split())
            self._part[-1].append(tuple(self._cell))
            self._cell = None
        elif tag == "table":
            self._part, self._done = None, True
        elif tag == "p":
            self._in_p = False

    def handle_data(self, data):
        if self._skip:
            return
        if self._cell is not None:
            self._cell[1] += data
        elif self._in_p and self._done:
            self.shape_line += data


def _expand(rows: list[list[tuple]]) -> list[list[tuple[str, str]]]:
    """Rows of (tag, text) with every colspan and rowspan filled in (pandas spans its index labels)."""
    grid, pending = [], {}
    for row in rows:
        out, column, cells = [], 0, iter(row)
        while True:
            if column in pending:
                tag, text, left = pending.pop(column)
                if left > 1:
                    pending[column] = (tag, text, left - 1)
                out.append((tag, text))
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            tag, text, colspan, rowspan = cell
            for _ in range(colspan):
                if rowspan > 1:
                    pending[column] = (tag, text, rowspan - 1)
                out.append((tag, text))
                column += 1
        grid.append(out)
    return grid


def parse_dataframe_html(html: str) -> tuple[tuple[str, ...], list[tuple[str, ...]], int | None]:
    """A DataFrame's HTML as (header, rows, total rows when pandas cut the display). The index is kept
    when it has a name or is not a plain row number; pandas' ``...`` rows and columns are dropped.

    >>> import pandas as pd
    >>> parse_dataframe_html(pd.DataFrame({"词": ["青年", "团员"], "次数": [104, 30]})._repr_html_())
    (('词', '次数'), [('青年', '104'), ('团员', '30')], None)
    """
    parser = _TableParser()
    parser.feed(html)
    head, body = _expand(parser.head), _expand(parser.body)
    depth = next((i for i, (tag, _) in enumerate(body[0]) if tag != "th"), 0) if body else 0
    body = [row for row in body if not all(text == "..." for _, text in row[depth:])]
    index_names = None
    if len(head) > 1 and not any(text for _, text in head[-1][depth:]):
        index_names = [text for _, text in head.pop()[:depth]]
    header = [_column_header(head, j) for j in range(max((len(r) for r in head + body), default=0))]
    if index_names and any(index_names):
        header[:depth] = index_names
    elif depth == 1 and all(re.fullmatch(r"-?\d+", row[0][1]) for row in body):
        header, body = header[1:], [row[1:] for row in body]  # a row number, not data
    keep = [j for j, name in enumerate(header) if name != "..."]
    rows = [tuple(row[j][1] if j < len(row) else "" for j in keep) for row in body]
    shape = re.search(r"([\d,]+)\s*rows", parser.shape_line)
    return tuple(header[j] for j in keep), rows, int(shape.group(1).replace(",", "")) if shape else None


def _column_header(head: list[list[tuple[str, str]]], column: int) -> str:
    texts = []
    for row in head:
        text = row[column][1] if column < len(row) else ""
        if text and text not in texts:
            texts.append(text)
    return " / ".join(texts)


def is_dataframe_html(html: str) -> bool:
    return "<table" in html and 'class="dataframe' in html


# ---------------------------------------------------------------- outputs

@dataclass
class _Walk:
    """State while walking one notebook: its stem, where its exported PNGs and CSVs are, the current heading."""

    stem: str
    figures_dir: Path | None
    tables_dir: Path | None = None
    heading: str = ""
    tables_under_heading: int = 0
    blocks: list = field(default_factory=list)


def output_blocks(cell, walk: _Walk) -> list[Block]:
    """A code cell's figures, tables and Markdown outputs (the readings), in output order."""
    blocks, notes = [], []
    images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if output.get("output_type") == "stream":
            notes.extend(line.strip() for line in output.get("text", "").splitlines() if line.startswith(CUT_LINE))
        elif "image/png" in data:
            blocks.append(_figure(output, cell, walk, only_image=len(images) == 1))
        elif is_dataframe_html(str(data.get("text/html", ""))):
            blocks.append(_table(str(data["text/html"]), cell, walk, notes))
            notes = []
        elif "text/markdown" in data:
            blocks.extend(markdown_blocks(str(data["text/markdown"]), reading=True))
    return blocks


def _figure(output, cell, walk: _Walk, *, only_image: bool) -> Figure:
    recorded = output.get("metadata", {}).get("image/png", {}).get(FIGURE_METADATA, {})
    names = set(SAVED_FIGURE.findall(cell.get("source", "")))
    stem = recorded.get("file") or (f"{walk.stem}-{safe_name(names.pop())}" if only_image and len(names) == 1
                                    else None)
    exported = walk.figures_dir / f"{stem}.png" if walk.figures_dir is not None and stem else None
    if exported is not None and exported.is_file():
        png, source = exported.read_bytes(), "file"
    else:
        png, source = base64.b64decode(output["data"]["image/png"]), "notebook"
    title = recorded.get("title") or (f"{stem}.png" if stem else walk.heading)
    return Figure(png, title, source)


def _table(html: str, cell, walk: _Walk, notes: list[str]) -> Table:
    header, rows, total = parse_dataframe_html(html)
    walk.tables_under_heading += 1
    caption = walk.heading + (f"（{walk.tables_under_heading}）" if walk.tables_under_heading > 1 else "")
    notes = list(notes)
    if total is not None and total > len(rows):
        notes.append(f"显示前 {len(rows)} 行 / 共 {total:,} 行 · first {len(rows)} of {total:,} rows")
    for name in SAVED_TABLE.findall(cell.get("source", "")):
        csv = f"{walk.stem}-{safe_name(name)}.csv"
        if walk.tables_dir is not None and (walk.tables_dir / csv).is_file():  # a cell may save it only sometimes
            notes.append(f"完整表格 full table: {csv}")
    return Table(header, tuple(rows), caption, tuple(notes))


# ---------------------------------------------------------------- sections

def notebook_blocks(notebook, *, stem: str, figures_dir: Path | None = None,
                    tables_dir: Path | None = None) -> list[Block]:
    """The report's blocks for one executed notebook (see the module's docstring for what is kept);
    ``figures_dir`` and ``tables_dir`` hold the PNGs and CSVs the run exported."""
    walk = _Walk(stem, figures_dir, tables_dir)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            reading = SEED_READING_TAG in cell.get("metadata", {}).get("tags", [])
            for block in markdown_blocks(cell.source, reading=reading):
                if isinstance(block, Heading) and block.level >= 2:
                    walk.heading, walk.tables_under_heading = NUMBERED.sub("", block.text), 0
                walk.blocks.append(block)
        elif cell.cell_type == "code":
            walk.blocks.extend(output_blocks(cell, walk))
    return report_sections(walk.blocks)


def report_sections(blocks: list[Block]) -> list[Block]:
    """The title section (its heading and text), then every section from the first numbered one on that
    has a figure, a table or a reading."""
    sections = _split_sections(blocks)
    first_numbered = next((i for i, s in enumerate(sections)
                           if s and isinstance(s[0], Heading) and NUMBERED.match(s[0].text)), len(sections))
    title = sections[0] if first_numbered > 0 else []
    kept = [b for b in title if isinstance(b, Heading) or (isinstance(b, Prose) and not b.reading)]
    for section in sections[first_numbered:]:
        if any(isinstance(b, (Figure, Table)) or (isinstance(b, Prose) and b.reading) for b in section):
            kept.extend(section)
    return kept


def _split_sections(blocks: list[Block]) -> list[list[Block]]:
    sections: list[list[Block]] = []
    for block in blocks:
        if not sections or (isinstance(block, Heading) and block.level <= 2):
            sections.append([])
        sections[-1].append(block)
    return sections
