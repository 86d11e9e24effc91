"""The seed's 7 documents written in the formats users bring, by the tests themselves: a table (CSV in
UTF-8 with BOM and in GB18030, XLSX, JSON lines), web pages with site chrome, PDFs, and a ZIP of a folder.

Each writer returns what a reader should find, read off what it wrote: the texts, and the titles, dates
and issuers of the table's own columns (an empty cell leaves the seed's reading of the text).
"""
from __future__ import annotations

import csv
import html
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

# What an export's columns say about each seed document, written by hand for these tests: where the
# 标题 or 来源 cell is empty the loader keeps what it reads from the text; d02's date is the day the
# export gives, not the seed's inferred 2020-03-15.
TABLE_COLUMNS = [
    # 标题 (None: the seed's title),  发布时间 as written,  the day it means,  来源,  栏目
    ("习近平总书记给北京大学援鄂医疗队全体“90后”党员的回信", "2020-03-15 20:05:00", "2020-03-15", "新华社", "要闻"),
    ("将青春之树种在祖国最需要的地方", "2020/3/16 8:00", "2020-03-16", "中国青年报", "团情"),
    ("在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话", "2020年2月23日", "2020-02-23", "求是", "要闻"),
    ("全市统筹推进新冠肺炎疫情防控和经济社会发展工作电视电话会议新闻通稿", "2020-02-24T18:30:00+08:00", "2020-02-24",
     "上海发布", "地方"),
    ("上海市新冠肺炎疫情防控工作领导小组扩大会议新闻通稿", "20200319", "2020-03-19", "上海发布", "地方"),
    (None, "2020-01-31", "2020-01-31", None, "通知"),
    ("关于在疫情防控阻击战中充分发挥先进青年集体和职业青年作用的通知", "2020.02.04 09:00", "2020-02-04",
     "共青团上海市委员会", "通知"),
]
HEADER = ["标题", "发布时间", "来源", "栏目", "正文", "链接"]


def seed_records(seed_docs) -> list[dict]:
    """One export row per seed document (the header above), the text being the seed's."""
    records = []
    for (title, date, _, issuer, channel), row in zip(TABLE_COLUMNS, seed_docs.itertuples()):
        records.append({"标题": title or "", "发布时间": date, "来源": issuer or "", "栏目": channel, "正文": row.text,
                        "链接": f"https://example.org/{row.doc_id}.html"})
    return records


def expected_from_table(seed_docs) -> list[dict]:
    """What loading the export must give: the columns' title, day and issuer, else the seed's."""
    return [{"text": row.text, "title": title or row.title, "issuer": issuer or row.issuer, "genre": row.genre,
             "day": datetime.strptime(day, "%Y-%m-%d").date()}
            for (title, _, day, issuer, _), row in zip(TABLE_COLUMNS, seed_docs.itertuples())]


def write_csv(path: Path, records: list[dict], encoding: str) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(records)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, records: list[dict]) -> Path:
    """As Excel keeps an export: the date cells as real dates where the text allows it."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for record in records:
        cells = [record[column] for column in HEADER]
        if record["发布时间"] == "2020-03-15 20:05:00":
            cells[1] = datetime(2020, 3, 15, 20, 5)
        sheet.append(cells)
    workbook.save(path)
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    """A scraper's JSON lines: English keys, the text as a list of paragraphs in one record."""
    with path.open("w", encoding="utf-8") as out:
        for number, record in enumerate(records):
            text = record["正文"].split("\n") if number == 2 else record["正文"]
            line = {"title": record["标题"], "publish_time": record["发布时间"], "media": record["来源"],
                    "channel": record["栏目"], "content": text, "url": record["链接"]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------- web pages

SITE = "青年时报网"


def title_lines(text: str, title: str) -> int:
    """How many of the text's first lines make up its title (0 when the title is run into the first sentence)."""
    lines, taken, joined = text.split("\n"), 0, ""
    while taken < len(lines) and title.startswith(joined + lines[taken]):
        joined += lines[taken]
        taken += 1
    return taken if joined == title else 0


def page(title: str | None, body: list[str], *, meta_date: str | None, dateline: str) -> str:
    """A news page as sites build them: navigation, breadcrumb, the article, share bar, related links,
    previous/next, footer with copyright and ICP lines."""
    paragraphs = "\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' for line in body)
    head_title = f"{html.escape(title)}_要闻_{SITE}" if title else SITE
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{head_title}</title>
<meta property="og:site_name" content="{SITE}">{meta}
<meta name="keywords" content="青年,疫情防控,共青团"><link rel="stylesheet" href="/css/main.css"></head>
<body>
<div id="top"><div class="logo"><a href="/"><img src="/img/logo.png" alt="{SITE}"></a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/yw/">要闻</a></li><li><a href="/tq/">团情</a></li>
<li><a href="/df/">地方</a></li><li><a href="/sp/">视频</a></li><li><a href="/zt/">专题</a></li></ul>
<form class="search"><input name="q" placeholder="搜索"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/yw/">要闻</a> &gt; 正文</div>
<div class="article">{heading}
<div class="info"><span>{dateline}</span><span>来源：{SITE}</span><span>责任编辑：王敏</span>
<span class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="TRS_Editor">
{paragraphs}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="pager"><a href="/yw/1.html">上一篇：青年志愿者在行动</a> <a href="/yw/3.html">下一篇：战疫一线的青春身影</a></div>
</div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/tq/101.html">各地团组织组建青年突击队投身疫情防控</a><span>2020-02-10</span></li>
<li><a href="/tq/102.html">“青春战疫”主题团课线上开讲</a><span>2020-02-18</span></li>
<li><a href="/tq/103.html">青年医务工作者奋战在抗疫一线</a><span>2020-03-01</span></li></ul></div>
<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/copyright">版权声明</a> | <a href="/map">网站地图</a></p>
<p>Copyright © 2020 {SITE} 版权所有 未经授权禁止复制或建立镜像</p>
<p>京ICP备12345678号-1　京公网安备 11010502012345号　互联网新闻信息服务许可证：10120170001</p>
<p><a href="#">打印本页</a> <a href="#">关闭窗口</a> <a href="#top">返回顶部</a></p></div>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</body></html>"""


def write_pages(folder: Path, seed_docs) -> list[dict]:
    """One page per seed document; returns what each must load as. d02's date is only on its dateline;
    d06 has no headline and no date (its title is then generated and its date read from the text, as in the seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = []
    for row in seed_docs.itertuples():
        lines = row.text.split("\n")
        taken = title_lines(row.text, row.title)
        title = None if row.title_source == "generated" else row.title
        body = lines[taken:]
        meta_date = None if row.doc_id in ("d02", "d06") else f"{row.date:%Y-%m-%d}T10:00:00+08:00"
        dateline = "2020年03月16日 09:30" if row.doc_id == "d02" else ("" if row.doc_id == "d06" else f"{row.date:%Y-%m-%d} 10:00")
        (folder / f"{row.doc_id}.html").write_text(page(title, body, meta_date=meta_date, dateline=dateline),
                                                   encoding="utf-8")
        day = datetime(2020, 3, 16).date() if row.doc_id == "d02" else row.date.date()
        expected.append({"text": "\n".join(([title] if title else []) + body), "title": row.title, "day": day})
    return expected


# ---------------------------------------------------------------- PDFs

def seed_font(path: Path, source_font: Path, characters: str) -> Path:
    """Noto Sans SC cut down to ``characters`` and converted to TrueType outlines, as Word embeds fonts.
    fpdf2 subsets a whole CJK CFF font in seconds per PDF; this small TrueType font takes a fraction of that."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    options = subset.Options(notdef_outline=True, layout_features=[], desubroutinize=True)
    font = subset.load_font(str(source_font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    order, outlines = font.getGlyphOrder(), font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(None)
        outlines[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for name in order:
        glyf.glyphs[name].recalcBounds(glyf)
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["head"].glyphDataFormat, font.sfntVersion = 0, "\0\1\0\0"
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements", "maxPoints", "maxContours", "maxCompositePoints",
                  "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    font.save(str(path))
    return path


def _signature_start(lines: list[str]) -> int:
    """Where the closing lines begin: the short trailing lines that end no sentence (习近平 / 2020年3月15日)."""
    start = len(lines)
    while start > 1 and len(lines[start - 1]) <= 12 and not lines[start - 1].endswith("。"):
        start -= 1
    return start


def _advance(pdf, char: str) -> float:
    widths = pdf.__dict__.setdefault("_advances", {})
    key = (pdf.font_size_pt, char)
    if key not in widths:
        widths[key] = pdf.get_string_width(char)
    return widths[key]


def _wrap(pdf, text: str, first_width: float, width: float) -> list[str]:
    """The text broken into lines by width, character by character (as CJK text is set), the first narrower."""
    lines, current, used = [], "", 0.0
    for char in text:
        advance = _advance(pdf, char)
        if current and used + advance > (first_width if not lines else width):
            lines.append(current)
            current, used = "", 0.0
        current, used = current + char, used + advance
    return lines + [current]


RUNNING_HEADER = "共青团文件汇编 · 2020年第1辑"


def typeset(text: str, title_count: int, font: str):
    """One document as a typeset PDF (an ``FPDF`` not yet written): centred title lines, paragraphs with a
    two-character first-line indent, a right-aligned signature, a page number in the footer and, when it runs
    to more than one page, a running header on every page."""
    from fpdf import FPDF

    class Page(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("body", size=9)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = Page(format="A4")
    pdf.add_font("body", fname=font)
    for embedded in pdf.fonts.values():  # the font's bounding boxes are right as shipped: recomputing them when
        embedded.ttfont.recalcBBoxes = False  # fpdf2 writes the subset takes seconds per file for a CJK font
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    lines = text.split("\n")
    signature = _signature_start(lines)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for number, line in enumerate(lines):
        if number < title_count:
            pdf.set_font("body", size=15)
            pdf.cell(0, 10, line, align="C", new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("body", size=12)
        if number >= signature:
            pdf.cell(0, 7, line, align="R", new_x="LMARGIN", new_y="NEXT")
            continue
        indent = 2 * _advance(pdf, "中")
        for index, part in enumerate(_wrap(pdf, line, width - indent, width)):
            pdf.set_x(pdf.l_margin + (indent if index == 0 else 0))
            pdf.cell(0, 7, part, new_x="LMARGIN", new_y="NEXT")
    if pdf.page_no() > 1:  # the running header, drawn once the number of pages is known
        for number in range(1, pdf.page_no() + 1):
            pdf.page = number
            pdf.set_font("body", size=9)
            pdf.set_xy(pdf.l_margin, 10)
            pdf.cell(0, 6, RUNNING_HEADER, align="C")
    return pdf


def write_pdfs(folder: Path, seed_docs, font: str) -> list[str]:
    """One PDF per seed document. Returns the texts they must load as: the seed's."""
    folder.mkdir(parents=True, exist_ok=True)
    for row in seed_docs.itertuples():
        typeset(row.text, title_lines(row.text, row.title), font).output(str(folder / f"{row.doc_id}.pdf"))
    return list(seed_docs["text"])


def write_scan(path: Path) -> Path:
    """A PDF with no text layer: a page with only a drawing on it, as a scanner leaves one."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")
    pdf.output(str(path))
    return path


class _WindowsName(zipfile.ZipInfo):
    """A member named as Chinese Windows names it: GBK bytes, without the UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def write_zip(path: Path, files: dict[str, bytes], *, gbk_names: bool = False) -> Path:
    """A ZIP of ``files`` (name -> bytes), the names in UTF-8 or, with ``gbk_names``, as Chinese Windows writes them."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = (_WindowsName if gbk_names else zipfile.ZipInfo)(name, (2020, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path
