"""Clean stage: str -> str. Nothing here reads or writes files."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Word exports leave bookmarks such as ``[bookmark: _Toc33729744]`` and ``[bookmark: _GoBack]``.
BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Full-width, no-break and other Unicode spaces all count as one ordinary space.
ODD_SPACES = re.compile("[\u3000\u00a0\u2002-\u200a\u202f\u205f\t]")
SPACE_RUN = re.compile(" {2,}")

SENTENCE_END = frozenset("。！？!?；;…")
OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
CLOSE_QUOTES = frozenset(OPEN_QUOTES.values()) | {"’", '"', "'"}


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


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified characters (``"後"`` -> ``"后"``)."""
    return _t2s().convert(text)


# A document is traditional when at least this share of its distinct Han characters changes under t2s.
# Measured: 0 % on simplified news and notices, 31-39 % of all characters (more of the distinct ones)
# on their traditional (s2t, s2tw, s2hk) copies.
TRADITIONAL_SHARE = 0.05
SCRIPT_SAMPLE = 2000  # characters read to tell the script: a document keeps one script
HAN_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
HAN_CHARACTER = re.compile("[" + "".join(f"{low}-{high}" for low, high in HAN_RANGES) + "]")


@lru_cache(maxsize=1)
def _traditional_characters() -> frozenset[str]:
    """Every character OpenCC's t2s table changes (about 2,700)."""
    import opencc

    table = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    changed = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets and targets.split(" ")[0] != source:
            changed.add(source)
    return frozenset(changed)


def traditional_share(text: str) -> float:
    """The share of the distinct Han characters of ``text`` that OpenCC t2s changes (0.0 without any).

    >>> traditional_share("青年們的選擇"), traditional_share("青年们的选择")
    (0.5, 0.0)
    """
    han = set(HAN_CHARACTER.findall(text))
    return len(han & _traditional_characters()) / len(han) if han else 0.0


def detect_script(text: str) -> str:
    """``"traditional"`` or ``"simplified"``, from the ``traditional_share`` of the first 2,000 characters.

    >>> detect_script("國務院辦公廳關於做好防控工作的通知"), detect_script("国务院办公厅关于做好防控工作的通知")
    ('traditional', 'simplified')
    """
    return "traditional" if traditional_share(text[:SCRIPT_SAMPLE]) >= TRADITIONAL_SHARE else "simplified"


def simplified_view(text: str) -> str:
    """The t2s conversion of ``text`` with the same length, so an offset in one is an offset in the other.

    OpenCC's tables map one character to one (checked: every TSPhrases and TSCharacters entry keeps
    its length). Should a conversion still change the length, the text is converted one character
    at a time, and a character whose conversion is not one character stays as written.

    >>> simplified_view("九零後青年說：我們會堅持。")
    '九零后青年说：我们会坚持。'
    """
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted
    return "".join(_one_for_one(char) for char in text)


def in_original(fragment: str, text: str, original: str) -> str:
    """The words of ``original`` standing where ``fragment`` stands in ``text`` (its simplified view);
    the fragment itself when ``text`` does not hold it.

    >>> in_original("团中央负责人", "国务院\\n团中央负责人说", "國務院\\n團中央負責人說")
    '團中央負責人'
    """
    start = text.find(fragment) if fragment else -1
    return original[start:start + len(fragment)] if start >= 0 and len(original) == len(text) else fragment


def _one_for_one(char: str) -> str:
    converted = to_simplified(char)
    return converted if len(converted) == 1 else char


def clean_text(text: str, *, simplify: bool = False) -> str:
    """The full clean: newlines, artifacts, spaces; blank lines dropped.

    >>> clean_text("[bookmark: _Toc1]（2020年2月23日）\\r\\n\\r\\n\u3000习近平")
    '（2020年2月23日）\\n习近平'
    """
    text = strip_artifacts(normalize_newlines(text))
    if simplify:
        text = to_simplified(text)
    text = SPACE_RUN.sub(" ", ODD_SPACES.sub(" ", text))  # the whole text at once: fast on big corpora
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences. A sentence end inside quotes or brackets
    does not split; a closing quote stays with the sentence it closes.

    >>> split_sentences("他说：“我很自豪。我们出发！”随后离开。好")
    ['他说：“我很自豪。我们出发！”随后离开。', '好']
    >>> split_sentences("“总书记的回信深深感染着我。”樊静妤说。")
    ['“总书记的回信深深感染着我。”樊静妤说。']
    """
    sentences, current, closers = [], [], []
    for i, char in enumerate(text):
        if char == "\n":
            sentences.append("".join(current)); current, closers = [], []
            continue
        current.append(char)
        if char in OPEN_QUOTES:
            closers.append(OPEN_QUOTES[char])
        elif closers and char == closers[-1]:
            closers.pop()
        elif char in SENTENCE_END and not closers:
            following = text[i + 1 : i + 2]
            if following not in SENTENCE_END and following not in CLOSE_QUOTES:
                sentences.append("".join(current)); current = []
    sentences.append("".join(current))
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
