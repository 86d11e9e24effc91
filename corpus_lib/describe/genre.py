"""Genre from the weighted structural cues of ``data/genre_cues.csv``; the cues that fired are kept.

Genres: letter, speech, news, notice, commentary (评论、时评、社论) and other. The weights are learned on real
texts by ``tests/realset/learn_genre.py`` (which reads documents through ``cue_parts`` and ``fired_cues``, as
``classify_genre`` does) and written back into the CSV; the CSV's header says how.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .. import resources
from ..errors import CorpusError

GENRES = ("letter", "speech", "news", "notice", "commentary", "other")


TITLE_NOTE = re.compile(r"(?:[（(][^（）()]{1,8}[)）])+$")


GENRE_TEXT_WINDOW = (4000, 1000)  # the "text" scope reads the first 4,000 and the last 1,000 characters


# "prior" rows give a genre's score before any cue (other starts at 0); the rest say where a pattern is tried.
GENRE_SCOPES = ("prior", "title", "subtitle", "head", "tail", "edges", "line", "text", "signature")


@dataclass(frozen=True)
class GenreCue:
    genre: str
    cue: str
    scope: str
    pattern: re.Pattern
    weight: float
    min_count: int


GENRE_CUE_FIELDS = ["genre", "cue", "scope", "pattern", "weight", "min_count", "comment"]


def read_cue_rows() -> list[dict]:
    """The rows of ``data/genre_cues.csv`` as dicts of strings (the learner writes them back the same way)."""
    import csv

    rows = list(csv.reader(resources.read_lines("genre_cues.csv")))
    records = []
    for row in rows[1:]:
        where = f"genre_cues.csv: cue {row[1] if len(row) > 1 else row}"
        if len(row) != len(GENRE_CUE_FIELDS):
            raise CorpusError(f"{where}: {len(row)} fields, not {len(GENRE_CUE_FIELDS)} "
                              "(put a pattern holding a comma in double quotes)")
        records.append(dict(zip(GENRE_CUE_FIELDS, (cell.strip() for cell in row))))
    return records


@lru_cache(maxsize=1)
def genre_cues() -> tuple[GenreCue, ...]:
    """The rows of ``data/genre_cues.csv``, checked and compiled; a bad row fails in one line."""
    cues = []
    for record in read_cue_rows():
        where = f"genre_cues.csv: cue {record['cue']}"
        if record["genre"] not in GENRES or record["scope"] not in GENRE_SCOPES:
            raise CorpusError(f"{where}: genre must be one of {', '.join(GENRES)} and scope one of {', '.join(GENRE_SCOPES)}")
        try:
            pattern = re.compile(record["pattern"])
            weight, min_count = float(record["weight"]), int(record["min_count"] or 1)
        except (re.error, ValueError) as error:
            raise CorpusError(f"{where}: {error}") from None
        cues.append(GenreCue(record["genre"], record["cue"], record["scope"], pattern, weight, min_count))
    return tuple(cues)


def _cue_window(text: str) -> str:
    """The opening and closing of a long text: where genre shows, and a bound on the work per document."""
    head, tail = GENRE_TEXT_WINDOW
    return text if len(text) <= head + tail else text[:head] + "\n" + text[-tail:]


def _cue_fires(cue: GenreCue, parts: dict) -> bool:
    """The cue matches ``min_count`` times (text) or on ``min_count`` lines; it stops looking once it has."""
    if cue.scope == "text":
        found = cue.pattern.finditer(parts["text"])
    else:
        found = (line for line in parts[cue.scope] if cue.pattern.search(line))
    return sum(1 for _ in islice(found, cue.min_count)) >= cue.min_count


def cue_parts(lines: list[str], *, title: str | None = None, subtitle: str | None = None,
              signer: str | None = None) -> dict:
    """What each scope of a cue reads: the title (its closing bracket notes cut), subtitle, lines, text, signer."""
    title = TITLE_NOTE.sub("", title) if title else title  # 在…上的讲话（摘要）: the note hides the title's end
    return {"title": [title] if title else [], "subtitle": [subtitle] if subtitle else [],
            "head": lines[:8], "tail": lines[-6:], "edges": lines[:8] + lines[8:][-6:], "line": lines,
            "text": _cue_window("\n".join(lines)), "signature": [signer] if signer else []}


def fired_cues(parts: dict, cues=None) -> list[GenreCue]:
    """The cues (``prior`` rows aside) that fire on ``cue_parts``; a cue weighing nothing is not tried."""
    return [cue for cue in (genre_cues() if cues is None else cues)
            if cue.scope != "prior" and cue.weight and _cue_fires(cue, parts)]


def classify_genre(lines: list[str], *, title: str | None = None, subtitle: str | None = None,
                   signer: str | None = None) -> tuple[str, list[str]]:
    """(genre, the cues that fired) from the weighted cues of ``data/genre_cues.csv``.

    Each genre's score is its ``prior`` plus the weights of its cues that fire; other starts at 0 and wins
    ties, so a text with too little evidence of any genre is other. ``signer`` is the kind of the closing
    signature's issuer (``org``/``person``, see ``issuer_kind``).

    >>> classify_genre(["本报讯（记者 张华）3月2日，团市委启动青年突击队。", "队员王力说：“我们准备好了。”"])[0]
    'news'
    >>> classify_genre(["各区团委：", "现将有关事项通知如下：", "一、提高认识", "二、抓好落实", "特此通知。"])[0]
    'notice'
    """
    scores = dict.fromkeys(GENRES, 0.0)
    for cue in genre_cues():
        if cue.scope == "prior":
            scores[cue.genre] += cue.weight
    fired = fired_cues(cue_parts(lines, title=title, subtitle=subtitle, signer=signer))
    for cue in fired:
        scores[cue.genre] += cue.weight
    best = max(scores.values())
    genre = "other" if scores["other"] >= best else next(g for g in GENRES if scores[g] == best)
    ranked = sorted(fired, key=lambda cue: (-cue.weight, GENRES.index(cue.genre)))
    return genre, [f"{cue.cue} {cue.genre}+{cue.weight:.1f}" for cue in ranked]
