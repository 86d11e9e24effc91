"""report.docx end to end, as a reader gets it: ``run`` on the seed folder, then LibreOffice opens the report.

1. ``python -m corpus_lib run --corpus seeds/`` writes report.docx: at least 5 headings, 20 figures under 20
   numbered captions, 5 tables and the readings, under 30 MB (python-docx counts them);
2. LibreOffice headless converts it to PDF (a broken file fails here, or converts to nothing);
3. the PDF has the pages such a report needs, its text holds every notebook's Chinese title and the
   captions 图1 and 表1, and a CJK font is embedded (no empty boxes);
4. poppler renders the first pages to PNG: none is blank, and the figures' pages carry ink.

Run with ``make test-docx``; skipped, with the reason, only when LibreOffice or poppler is not installed
(``apt-get install -y libreoffice-writer poppler-utils fonts-noto-cjk``). Timings are printed.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from corpus_lib import paths

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdffonts", "pdfinfo"))
pytestmark = pytest.mark.skipif(not (SOFFICE and POPPLER), reason="LibreOffice or poppler not found: apt-get install "
                                "-y libreoffice-writer poppler-utils fonts-noto-cjk")
TIMINGS: dict[str, float] = {}
RENDERED_PAGES = 8


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)  # pdftotext puts spaces between Chinese and digits (90 后)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx-run") / "out"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "corpus_lib", "run", "--corpus", str(paths.SEEDS_DIR),
                             "--out", str(out), "--formats", "png"], capture_output=True, text=True, env=os.environ)
    TIMINGS["run on the seed folder"] = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    yield out / "report.docx"
    print("\nreport.docx check timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items()))


@pytest.fixture(scope="module")
def pdf(report):
    folder = report.parent / "pdf"
    started = time.monotonic()
    # A profile of its own: a LibreOffice already open for the user must not take the job, or lock it.
    profile = (report.parent / "libreoffice-profile").as_uri()
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(folder), str(report)], capture_output=True, text=True, timeout=600)
    TIMINGS["LibreOffice docx -> pdf"] = time.monotonic() - started
    converted = folder / "report.pdf"
    assert converted.exists() and converted.stat().st_size > 0, result.stdout + result.stderr
    return converted


def _tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_the_report_has_what_the_issue_asks_for(report):
    import docx

    assert report.stat().st_size < 30_000_000
    document = docx.Document(str(report))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert len(headings) >= 5
    assert len(document.inline_shapes) >= 20
    assert len([c for c in captions if re.match(r"图\d+　\S", c)]) == len(document.inline_shapes)
    assert len(document.tables) >= 5 and len([c for c in captions if re.match(r"表\d+　\S", c)]) == len(document.tables)
    assert sum(p.text.startswith("解读（自动生成）：") for p in document.paragraphs) >= 20


def test_libreoffice_converts_it_to_a_pdf_with_the_chinese_headings_and_captions(report, pdf):
    import docx

    pages = int(re.search(r"Pages:\s+(\d+)", _tool("pdfinfo", str(pdf))).group(1))
    document = docx.Document(str(report))
    assert pages >= 1 + len(document.inline_shapes) // 2  # a title page, and figures at page width
    text = _squeeze(_tool("pdftotext", "-layout", str(pdf), "-"))
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(titles) == 5
    for title in titles:
        assert _squeeze(title) in text
    assert "图1" in text and "表1" in text and "解读（自动生成）" in text
    fonts = _tool("pdffonts", str(pdf))
    assert re.search(r"CJK|SC|Sim|Song|Hei|Ming|WenQuanYi|Droid", fonts), fonts  # Chinese drawn with a Chinese font


def test_the_first_pages_render_and_none_is_blank(report, pdf):
    from PIL import Image, ImageOps

    started = time.monotonic()
    prefix = report.parent / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", str(RENDERED_PAGES), str(pdf), str(prefix)],
                   check=True)
    TIMINGS["pdftoppm"] = time.monotonic() - started
    rendered = sorted(report.parent.glob("page-*.png"))
    assert len(rendered) == RENDERED_PAGES
    ink = []
    for page in rendered:
        with Image.open(page) as image:
            grey = ImageOps.grayscale(image)
            dark = sum(grey.point(lambda value: 255 if value < 200 else 0).histogram()[255:])
            ink.append(dark / (grey.width * grey.height))
    assert all(share > 0.002 for share in ink), ink  # every page has text on it
    assert max(ink) > 0.03, ink  # and some carry a figure or a table
