"""Clean stage: str -> str. Nothing here reads or writes files."""
from __future__ import annotations

import re

from .script import to_simplified

# Word exports leave bookmarks such as ``[bookmark: _Toc33729744]`` and ``[bookmark: _GoBack]``.
BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Full-width, no-break and other Unicode spaces all count as one ordinary space.
ODD_SPACES = re.compile("[\u3000\u00a0\u2002-\u200a\u202f\u205f\t]")
SPACE_RUN = re.compile(" {2,}")

SENTENCE_END = frozenset("。！？!?；;…")
OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
CLOSE_QUOTES = frozenset(OPEN_QUOTES.values()) | {"’", '"', "'"}
# the characters split_sentences acts on: a line break, quotes and brackets, sentence ends
_SENTENCE_MARKS = re.compile("[" + re.escape("".join(sorted({"\n", *OPEN_QUOTES, *OPEN_QUOTES.values(), *SENTENCE_END}))) + "]")


def normalize_newlines(text: str) -> str:
    """``"a\\r\\nb"`` -> ``"a\\nb"``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_artifacts(text: str) -> str:
    """Remove Word bookmarks and zero-width characters.

    >>> strip_artifacts("[bookmark: _GoBack]团各区委\u200b")
    '团各区委'
    """
    return ZERO_WIDTH.sub("", BOOKMARK.sub("", text))


def normalize_spaces(line: str) -> str:
    """Full-width and odd spaces become one ASCII space; the ends are stripped.

    >>> normalize_spaces("\u3000\u3000疫情防控\u3000青春建功 ")
    '疫情防控 青春建功'
    """
    return SPACE_RUN.sub(" ", ODD_SPACES.sub(" ", line)).strip()


# Scraped and converted Chinese text often carries ASCII ,:;()?! where the page had ，：；（）？！.
FULL_WIDTH = str.maketrans(",:;()?!", "，：；（）？！")
HALF_WIDTH_MARK = re.compile(r"[,:;()?!]")
CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff5e“”‘’…—·]")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
URL = re.compile(r"(?:https?://|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)


def full_width_punctuation(line: str) -> str:
    """ASCII ``,:;()?!`` in Chinese context become full-width, one character for one (offsets stay): a mark
    whose nearest neighbour on either side (spaces skipped) is Chinese, a pair of brackets when what stands
    inside or beside it is; never inside a URL or between two ASCII letters or digits (10:30, 1,000).

    >>> full_width_punctuation("时间:2020-03-02 10:30 (记者 王一) 他说:好!")
    '时间：2020-03-02 10:30 （记者 王一） 他说：好！'
    >>> full_width_punctuation("见 https://a.cn/x?id=1,2 (Hello, world!)")
    '见 https://a.cn/x?id=1,2 (Hello, world!)'
    """
    if not HALF_WIDTH_MARK.search(line):
        return line
    chars = list(line)
    protected = _url_positions(line)
    opened: list[int] = []
    for match in HALF_WIDTH_MARK.finditer(line):
        i, mark = match.start(), match.group()
        if i in protected or _between_ascii(line, i):
            continue
        if mark == "(":
            opened.append(i)
        elif mark == ")" and opened:
            start = opened.pop()
            if _chinese_beside(line, start) or _chinese_beside(line, i):
                chars[start], chars[i] = "（", "）"
        elif _chinese_beside(line, i):
            chars[i] = mark.translate(FULL_WIDTH)
    for i in opened:  # a bracket left open
        if _chinese_beside(line, i):
            chars[i] = "（"
    return "".join(chars)


def _url_positions(line: str) -> set[int]:
    """Offsets inside URLs and e-mail addresses; marks that end one (a closing bracket, a comma) are not part of it."""
    positions = set()
    for match in URL.finditer(line):
        end = match.end()
        while end > match.start() and line[end - 1] in ".,;:!?)":
            end -= 1
        positions.update(range(match.start(), end))
    return positions


def _between_ascii(line: str, i: int) -> bool:
    return 0 < i < len(line) - 1 and bool(ASCII_WORD.match(line[i - 1]) and ASCII_WORD.match(line[i + 1]))


def _chinese_beside(line: str, i: int) -> bool:
    """The nearest character left or right of ``i`` that is not a space is Chinese."""
    left, right = i - 1, i + 1
    while left >= 0 and line[left] == " ":
        left -= 1
    while right < len(line) and line[right] == " ":
        right += 1
    return bool((left >= 0 and CHINESE.match(line[left])) or (right < len(line) and CHINESE.match(line[right])))


def clean_text(text: str, *, simplify: bool = False) -> str:
    """The full clean: newlines, artifacts, spaces, full-width punctuation in Chinese context; blank lines dropped.

    >>> clean_text("[bookmark: _Toc1]（2020年2月23日）\\r\\n\\r\\n\u3000习近平")
    '（2020年2月23日）\\n习近平'
    """
    text = strip_artifacts(normalize_newlines(text))
    if simplify:
        text = to_simplified(text)
    text = SPACE_RUN.sub(" ", ODD_SPACES.sub(" ", text))  # the whole text at once: fast on big corpora
    lines = (full_width_punctuation(line.strip()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences. A sentence end inside quotes or brackets
    does not split; a closing quote stays with the sentence it closes.

    >>> split_sentences("他说：“我很自豪。我们出发！”随后离开。好")
    ['他说：“我很自豪。我们出发！”随后离开。', '好']
    >>> split_sentences("“总书记的回信深深感染着我。”樊静妤说。")
    ['“总书记的回信深深感染着我。”樊静妤说。']
    """
    sentences, begin, closers = [], 0, []
    for match in _SENTENCE_MARKS.finditer(text):  # only the characters that can change the state
        i, char = match.start(), match.group()
        if char == "\n":
            sentences.append(text[begin:i]); begin, closers = i + 1, []
            continue
        if char in OPEN_QUOTES:
            closers.append(OPEN_QUOTES[char])
        elif closers and char == closers[-1]:
            closers.pop()
        elif char in SENTENCE_END and not closers:
            following = text[i + 1 : i + 2]
            if following not in SENTENCE_END and following not in CLOSE_QUOTES:
                sentences.append(text[begin:i + 1]); begin = i + 1
    sentences.append(text[begin:])
    return [s.strip() for s in sentences if s.strip()]


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, sentence)`` for every sentence of ``split_sentences``, with offsets into text."""
    spans, cursor = [], 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:  # should not happen; keep the sentence without a reliable offset
            start = cursor
        spans.append((start, start + len(sentence), sentence))
        cursor = start + len(sentence)
    return spans


def sentence_at(spans, position: int) -> str:
    """The sentence of ``sentence_spans`` that holds ``position`` ("" if none)."""
    for start, end, sentence in spans:
        if start <= position < end:
            return sentence
    return ""
