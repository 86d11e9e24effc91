"""Generated readings: a short paragraph per notebook section, computed only from that section's table.

Each ``read_*`` function takes the table a section shows (columns in ``corpus_lib.schema``) and returns
a ``Reading``: Chinese first, then English, displayed as Markdown in a notebook and stored as the same
text, so nbval checks it. The wording is descriptive on purpose: 提到 / mentions, never 强调 /
emphasises; no causes; a share is never taken of zero documents; "significant" only where a p-value is
below 0.05; a small sample (fewer than 3 documents, fewer than 5 sentences) is flagged.

>>> import pandas as pd
>>> from corpus_lib.readings import read_cohort_counts
>>> counts = pd.DataFrame({"90后": [2, 39, 0], "00后": [0, 19, 0]}, index=["d01", "d02", "d03"])
>>> print(read_cohort_counts(counts).zh)
世代词出现在 2/3 篇文档中，共 60 次；最多的是 90后（41 次，占 68%），其次是 00后（19 次，占 32%）。

The ``choose_*`` functions give notebook parameters a default that fits the corpus they run on.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SMALL_DOCS = 3
SMALL_SENTENCES = 5
MAX_LISTED = 8      # values a reading lists before it says "the table has the rest"
ALPHA = 0.05


@dataclass(frozen=True)
class Reading:
    """A generated reading: Chinese, then English. Shown as Markdown; its text form is the same words."""

    zh: str
    en: str

    def markdown(self) -> str:
        return f"**解读（自动生成）：** {self.zh}\n\n**Reading (generated):** {self.en}"

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def __repr__(self) -> str:
        return self.markdown()


# ---------------------------------------------------------------- formatting

def _n(value) -> str:
    return f"{int(value):,}"


def _pct(part: float, whole: float) -> str:
    share = part / whole
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _zh_day(iso: str) -> str:
    day = pd.Timestamp(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def _small(n_docs: int) -> tuple[str, str]:
    if n_docs >= SMALL_DOCS:
        return "", ""
    return f"（样本很小：只有 {n_docs} 篇文档。）", f" (Small sample: {n_docs} document{'s' if n_docs != 1 else ''}.)"


def _join_zh(items) -> str:
    return "、".join(items)


def _join_en(items) -> str:
    items = list(items)
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1] if items else ""


def _terms(table: pd.DataFrame, k: int, *, count: str = "count") -> tuple[str, str]:
    rows = list(table.head(k)[["term", count]].itertuples(index=False))
    return (_join_zh(f"{t}（{_n(c)}）" for t, c in rows), _join_en(f"{t} ({_n(c)})" for t, c in rows))
