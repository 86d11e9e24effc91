"""Reader for web pages (.html, .htm): the article's main text, its title and its date.

The main text comes from trafilatura (precision mode: navigation, related links, share buttons, footers and
ICP lines go), one paragraph a line. The title is the page's ``<h1>``, else its ``<title>`` without the site
and channel names (``标题_新闻频道_中国青年网`` -> ``标题``); the title is the document's first line, as it
is on the page. The date is the page's own metadata (``<meta name="PubDate">``, ``article:published_time`` …;
never a guess from copyright years or related links' dates), else the dateline above the text
(``发布时间：2020-03-02 08:15 来源：…``). Both win over what is read from the text. Nothing is downloaded.
"""
from __future__ import annotations

import logging
import re
from datetime import date

from ...errors import CorpusError
from ...extract import dates
from .base import Document, ReadOptions, Source, clean_field
from .table import parse_date_cell
from .text import _bom_encoding, decode_bytes

SUFFIXES = (".html", ".htm")

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
GB_NAMES = ("gb2312", "gbk", "gb18030", "x-gbk", "cp936")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")
BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
          "footer", "table", "ul", "ol", "dd", "dt", "blockquote", "pre")


def decode_page(data: bytes, *, name: str) -> str:
    """A page's bytes as text: a BOM, else the ``<meta charset>`` it declares (GB2312/GBK read as GB18030),
    else the rules of ``text.decode_bytes``."""
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    declared = CHARSET.search(data[:8192])
    if declared and not _bom_encoding(data):
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return XML_DECLARATION.sub("", data.decode("gb18030" if encoding in GB_NAMES else encoding))
        except (LookupError, UnicodeDecodeError):
            pass
    return XML_DECLARATION.sub("", decode_bytes(data, name=name))


def _tree(page: str, name: str):
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.document_fromstring(page)
    except (ParserError, ValueError) as error:
        raise CorpusError(f"{name}: not a readable web page ({error})") from None


def page_title(tree) -> str | None:
    """The first ``<h1>`` that is not the site's or a channel's name, else the ``<title>``'s first part."""
    site = clean_field(next(iter(tree.xpath("//meta[@property='og:site_name']/@content")), None))
    title = clean_field(tree.findtext(".//title"))
    parts = [part for part in SITE_SEPARATOR.split(title)] if title else []
    chrome = set(parts[1:]) | {site}
    for heading in tree.iter("h1"):
        text = clean_field(heading.text_content())
        if text and text not in chrome:
            return text
    return parts[0] if parts and parts[0] not in chrome else None


def page_lines(tree) -> list[str]:
    """The page's visible text, one block a line (for the dateline above the main text)."""
    for element in tree.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    for element in tree.iter("script", "style", "noscript"):
        element.drop_tree()
    body = tree.find("body")
    text = (body if body is not None else tree).text_content()
    return [line for line in (clean_field(line) for line in text.split("\n")) if line]


def dateline(lines: list[str], body: str) -> date | None:
    """The last dated metadata line (``发布时间：…``, a lone date) above the first line of the main text."""
    start = re.sub(r"\s+", "", body.split("\n", 1)[0])[:20]
    above = next((index for index, line in enumerate(lines) if re.sub(r"\s+", "", line).startswith(start)), len(lines))
    stated = [dates.dateline_date(line) for line in lines[:above]]
    return next((day for day in reversed(stated) if day), None)


# The <meta> names (name=, property= or itemprop=) that state when a page was published, best first.
META_DATES = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "publish_date", "publishtime", "firstpublishedtime", "dc.date.issued", "dc.date", "date")


def metadata_date(tree) -> date | None:
    """The publication date the page's markup states: a ``<meta>`` of ``META_DATES`` (``PubDate``, as
    Chinese government sites write it, ``article:published_time`` …) or an ``itemprop="datePublished"``."""
    stated = {}
    for element in tree.xpath("//meta[@content] | //*[@itemprop='datePublished']"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        value = element.get("content") or element.get("datetime") or element.text_content()
        if key in META_DATES and key not in stated and parse_date_cell(value):
            stated[key] = parse_date_cell(value)
    return next((stated[key] for key in META_DATES if key in stated), None)


def main_text(page: str) -> str | None:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # "discarding data" and the like, per page
    return trafilatura.extract(page, output_format="txt", favor_precision=True, include_comments=False,
                               include_tables=True, include_images=False, include_links=False, deduplicate=False,
                               with_metadata=False)


def read(source: Source, options: ReadOptions):
    page = decode_page(source.read_bytes(), name=source.name)
    body = main_text(page)
    if not body or not body.strip():
        options.notes.add("no_main_text", source.name)
        return
    tree = _tree(page, source.name)
    title = page_title(tree)
    fields = {"title": title} if title else {}
    stated, note = metadata_date(tree), "网页元数据 the page's metadata"
    if stated is None:
        stated, note = dateline(page_lines(tree), body), "网页日期行 the page's dateline"
    if stated:
        fields.update(date=stated, date_note=note)
    first = clean_field(body.split("\n", 1)[0])
    text = body if not title or first == title else f"{title}\n{body}"
    yield Document(source.name, text, fields=fields)
