"""Traditional and simplified script: detection, a simplified view at the same offsets, and the way back.

Every extractor reads a document's simplified view (``text``); ``original_text`` keeps it as written,
with the same length and line breaks, so an offset found in one points at the same words in the other.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import schema


def in_original_script(table: pd.DataFrame, docs: pd.DataFrame, columns: tuple[str, ...] = ("quote", "sentence")) -> pd.DataFrame:
    """A copy of a per-document table (people, cohort mentions …) whose text ``columns`` show the words
    as the document writes them (``original_text``), e.g. quotes of a traditional-character document.

    >>> docs = pd.DataFrame({"doc_id": ["d01"], "text": ["青年们说：我们会坚持。"], "original_text": ["青年們說：我們會堅持。"]})
    >>> in_original_script(pd.DataFrame({"doc_id": ["d01"], "quote": ["我们会坚持"]}), docs)["quote"].tolist()
    ['我們會堅持']
    """
    schema.require_docs(docs, "original_text")
    texts = docs.set_index("doc_id")[["text", "original_text"]]
    table = table.copy()
    for column in (c for c in columns if c in table.columns):
        table[column] = [in_original(value, *texts.loc[doc_id]) if isinstance(value, str) else value
                         for doc_id, value in zip(table["doc_id"], table[column])]
    return table


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


@lru_cache(maxsize=64)  # the describe stage, the institution and the people finders ask of the same text in turn
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
