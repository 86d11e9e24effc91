"""Spans: the one type every finder writes (``Mention``) and the one way overlapping finds are resolved.

A finder proposes candidates broadly; each is a ``Mention`` of the text with a ``label`` (what it is: a date, a
body, a person), the ``rule`` that proposed it and its ``evidence`` (the cues that speak for it, as words a
user can read). ``resolve_overlaps`` keeps, of candidates that share characters, the one that ranks first.

>>> found = [Mention(0, 4, "北京大学", "institution", "suffix"), Mention(0, 2, "北京", "place", "gazetteer"),
...          Mention(4, 7, "医疗队", "institution", "suffix")]
>>> [m.text for m in resolve_overlaps(found)]
['北京大学', '医疗队']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, TypeVar


@dataclass(frozen=True)
class Mention:
    """A labelled span ``text[start:end]``, the rule that found it, and the evidence for it."""

    start: int
    end: int
    text: str
    label: str
    rule: str = ""
    evidence: tuple[str, ...] = field(default=())
    score: float = 0.0

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other) -> bool:
        return overlap(self, other)


def longest_first(span) -> tuple:
    """The usual priority: the longer span, then the earlier one."""
    return (-(span_end(span) - span_start(span)), span_start(span))


def span_start(span) -> int:
    return span["start"] if isinstance(span, dict) else span.start


def span_end(span) -> int:
    return span["end"] if isinstance(span, dict) else span.end


def overlap(one, other) -> bool:
    """Two spans (``Mention`` objects or dicts with ``start`` and ``end``) share a character."""
    return span_start(one) < span_end(other) and span_start(other) < span_end(one)


Span = TypeVar("Span")


def resolve_overlaps(spans: Iterable[Span], *, priority: Callable[[Span], tuple] = longest_first,
                     keep: Iterable[Span] = ()) -> list[Span]:
    """The spans that share no character with a span ranked before them (``priority``: smaller first), and
    none with the spans in ``keep`` (already taken); sorted by start. Spans are ``Mention`` objects or dicts
    with ``start`` and ``end``.

    >>> resolve_overlaps([{"start": 0, "end": 5}, {"start": 3, "end": 9}, {"start": 9, "end": 11}])
    [{'start': 3, 'end': 9}, {'start': 9, 'end': 11}]
    """
    spans, keep = list(spans), list(keep)
    taken = bytearray(max(map(span_end, spans + keep), default=0) + 1)
    for span in keep:
        taken[span_start(span):span_end(span)] = b"\x01" * (span_end(span) - span_start(span))
    kept = []
    for span in sorted(spans, key=priority):
        start, end = span_start(span), span_end(span)
        if not any(taken[start:end]):
            kept.append(span)
            taken[start:end] = b"\x01" * (end - start)
    return sorted(kept, key=span_start)
