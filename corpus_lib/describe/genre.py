"""Genre from the weighted structural cues of ``data/genre_cues.csv``; the cues that fired are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..errors import CorpusError

GENRES = ("letter", "speech", "news", "notice", "other")


TITLE_NOTE = re.compile(r"[（(][^（）()]{1,8}[)）]$")


GENRE_MIN_SCORE = 3  # data/genre_cues.csv explains the cues and weights


GENRE_TEXT_WINDOW = (4000, 1000)  # the "text" scope reads the first 4,000 and the last 1,000 characters


GENRE_SCOPES = ("title", "subtitle", "head", "tail", "edges", "line", "text", "signature")


@dataclass(frozen=True)
class GenreCue:
    genre: str
    cue: str
    scope: str
    pattern: re.Pattern
    weight: int
    min_count: int


GENRE_CUE_FIELDS = ["genre", "cue", "scope", "pattern", "weight", "min_count", "comment"]


@lru_cache(maxsize=1)
def genre_cues() -> tuple[GenreCue, ...]:
    """The rows of ``data/genre_cues.csv``, checked and compiled; a bad row fails in one line."""
    import csv

    rows = list(csv.reader(resources.read_lines("genre_cues.csv")))
    cues = []
    for row in rows[1:]:
        where = f"genre_cues.csv: cue {row[1] if len(row) > 1 else row}"
        if len(row) != len(GENRE_CUE_FIELDS):
            raise CorpusError(f"{where}: {len(row)} fields, not {len(GENRE_CUE_FIELDS)} "
                              "(put a pattern holding a comma in double quotes)")
        record = dict(zip(GENRE_CUE_FIELDS, (cell.strip() for cell in row)))
        if record["genre"] not in GENRES[:-1] or record["scope"] not in GENRE_SCOPES:
            raise CorpusError(f"{where}: genre must be one of {', '.join(GENRES[:-1])} and scope one of {', '.join(GENRE_SCOPES)}")
        try:
            pattern = re.compile(record["pattern"])
            weight, min_count = int(record["weight"]), int(record["min_count"] or 1)
        except (re.error, ValueError) as error:
            raise CorpusError(f"{where}: {error}") from None
        cues.append(GenreCue(record["genre"], record["cue"], record["scope"], pattern, weight, min_count))
    return tuple(cues)


def _cue_window(text: str) -> str:
    """The opening and closing of a long text: where genre shows, and a bound on the work per document."""
    head, tail = GENRE_TEXT_WINDOW
    return text if len(text) <= head + tail else text[:head] + "\n" + text[-tail:]


def _cue_count(cue: GenreCue, parts: dict) -> int:
    if cue.scope == "text":
        return len(cue.pattern.findall(parts["text"]))
    return sum(1 for line in parts[cue.scope] if cue.pattern.search(line))


def classify_genre(lines: list[str], *, title: str | None = None, subtitle: str | None = None,
                   signer: str | None = None) -> tuple[str, list[str]]:
    """(genre, the cues that fired) from the structural cues of ``data/genre_cues.csv``.

    ``signer`` is the kind of the closing signature's issuer (``org``/``person``, see ``issuer_kind``).

    >>> classify_genre(["本报讯（记者 张华）3月2日，团市委启动青年突击队。", "队员王力说：“我们准备好了。”"])
    ('news', ['本报讯 news+5', '括号署名 news+3', '引语前置 news+2', '转述 news+2', '日期导语 news+2'])
    >>> classify_genre(["各区团委：", "现将有关事项通知如下：", "一、提高认识", "二、抓好落实", "特此通知。"])[0]
    'notice'
    """
    title = TITLE_NOTE.sub("", title) if title else title  # 在…上的讲话（摘要）: the note hides the title's end
    parts = {"title": [title] if title else [], "subtitle": [subtitle] if subtitle else [],
             "head": lines[:8], "tail": lines[-6:], "edges": lines[:8] + lines[8:][-6:], "line": lines,
             "text": _cue_window("\n".join(lines)),
             "signature": [signer] if signer else []}
    scores: dict[str, list[int]] = {}
    fired = []
    for cue in genre_cues():
        if _cue_count(cue, parts) >= cue.min_count:
            scores.setdefault(cue.genre, []).append(cue.weight)
            fired.append((-cue.weight, cue.cue, cue.genre))
    ranked = sorted(scores, key=lambda g: (-sum(scores[g]), -max(scores[g]), GENRES.index(g)))
    genre = ranked[0] if ranked and sum(scores[ranked[0]]) >= GENRE_MIN_SCORE else "other"
    return genre, [f"{cue} {g}+{-weight}" for weight, cue, g in sorted(fired, key=lambda f: (f[0], GENRES.index(f[2])))]
