"""PDFs: the seed as 7 typeset PDFs loads as the same documents (lines joined, headers and page numbers gone);
a scan is skipped and named; the joining rules on lines placed by hand."""
from __future__ import annotations

import pytest

import corpus_lib as cl
import seed_files
from corpus_lib.io.readers.pdf import Line, drop_furniture, paragraphs


def test_seven_pdfs_load_as_the_seed(seed_pdfs, seed_docs):
    folder, texts = seed_pdfs
    docs = cl.load_corpus(folder)
    assert docs["text"].tolist() == texts
    columns = ["title", "issuer", "date", "date_source", "genre"]  # described from the same text as the seed
    assert docs[columns].equals(seed_docs[columns])
    assert not docs["text"].str.contains("共青团文件汇编|- \\d+ -").any()


def test_a_scan_is_skipped_and_named_in_one_line(tmp_path, seed_pdfs, capsys):
    import shutil

    shutil.copy(seed_pdfs[0] / "d01.pdf", tmp_path / "d01.pdf")
    seed_files.write_scan(tmp_path / "扫描件.pdf")
    assert cl.load_corpus(tmp_path)["source"].tolist() == ["d01.pdf"]
    assert capsys.readouterr().err.splitlines() == [
        "note: skipped 1 PDF(s) without a text layer (scans? OCR is not supported): 扫描件.pdf"]


def test_a_lone_scan_or_a_damaged_pdf_fails_in_one_line(tmp_path):
    seed_files.write_scan(tmp_path / "scan.pdf")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(cl.CorpusError) as scan:
        cl.load_corpus(tmp_path / "scan.pdf")
    assert str(scan.value).endswith("scan.pdf: no documents to read (skipped 1 PDF(s) without a text layer "
                                    "(scans? OCR is not supported): scan.pdf)")
    with pytest.raises(cl.CorpusError, match=r"^bad\.pdf: not a readable PDF"):
        cl.load_corpus(tmp_path / "bad.pdf")


# Lines placed by hand on a 500-point-wide text block from x=50 to x=550, 12-point type, 18 points apart.
def line(text, x0=50, x1=550, top=800, page=0):
    return Line(text, x0, x1, top, top - 12, page)


def test_a_full_line_goes_on_and_a_short_indented_or_placed_one_ends_or_starts_a_paragraph():
    lines = [line("在统筹推进会议上的", 200, 400, 800),            # centred title
             line("讲话", 280, 320, 782),                         # centred: a line of its own
             line("同志们，今天我们召开会议，研究部署下一步的防控", 74, 550, 764),   # indented, full
             line("工作。", 50, 86, 746),                          # goes on, and stops short
             line("第一，要提高认识。", 74, 300, 728),               # indented: a new paragraph
             line("This is the Communist", 50, 550, 710),          # full
             line("Youth League.", 50, 200, 692),                  # goes on, with a space
             line("共青团中央", 450, 550, 674)]                      # right-aligned signature
    assert paragraphs(lines) == ["在统筹推进会议上的", "讲话", "同志们，今天我们召开会议，研究部署下一步的防控工作。",
                                 "第一，要提高认识。", "This is the Communist Youth League.", "共青团中央"]


def test_a_blank_gap_ends_a_paragraph_but_a_page_break_does_not():
    lines = [line("第一段写满了一整行", top=800), line("第二段在空行之后", top=760),  # 28 points of blank: a new one
             line("写满了一整行的最后一行", top=742), line("在下一页接着写完。", 50, 200, 800, page=1)]
    assert paragraphs(lines) == ["第一段写满了一整行", "第二段在空行之后写满了一整行的最后一行在下一页接着写完。"]


BODY = [["一、提高认识", "（此件公开发布）", "各级团组织要把疫情防控作为当前最重要的工作。"],
        ["二、抓好落实", "（此件公开发布）", "要加强领导。"],
        ["三、加强宣传", "（此件公开发布）", "要讲好青年故事。"]]


def test_page_numbers_and_running_headers_go_and_body_lines_stay():
    pages = [[line("共青团文件汇编", 200, 400, 820, page)]
             + [line(text, top=780 - 18 * index, page=page) for index, text in enumerate(BODY[page])]
             + [line(f"第 {page + 1} 页 共 3 页", 250, 350, 40, page)] for page in range(3)]
    # （此件公开发布） is on every page, but inside the body, where the peeling never reaches: it stays
    assert [kept.text for kept in drop_furniture(pages)] == [text for body in BODY for text in body]


def test_on_one_page_a_header_cannot_be_told_from_a_title_but_a_page_number_can():
    page = [line("共青团文件汇编", 200, 400, 820), line("正文。", top=780), line("- 1 -", 280, 320, 40)]
    assert [kept.text for kept in drop_furniture([page])] == ["共青团文件汇编", "正文。"]
