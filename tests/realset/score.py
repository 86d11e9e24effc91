"""Score the extractors on the real texts of ``../shared/devset`` (96 public web excerpts and ``gold.json``).

    python -m tests.realset [--split dev|test|all] [--punct asis|fullwidth|both] [--dated] [--misses]

The texts belong to their publishers and never enter the repository: they are read from
``<repo>/../shared/devset`` (or ``$CORPUS_LIB_REALSET``), and ``--misses`` prints its snippets to the
terminal only. The dev/test split is fixed in ``tests/realset/split.json``; ``--misses`` is refused for
anything but dev, so nothing is tuned on test.

Each split is copied into a temporary folder (one document per file) and read through the public API only:
``cl.load_corpus(folder)``, then the calls of notebooks 03 and 04 (``institutions.institution_mentions``,
``people.extract_people``, ``dates.date_mentions``, ``cohorts.cohort_counts``).

``--punct fullwidth`` scores a copy whose half-width ,:;()?! are restored to ，：；（）？！ in Chinese context
(``restore_fullwidth``: URLs, 10:30, 1,000 and Latin text untouched); ``both`` (the default) prints both.
``--dated`` also writes a ``metadata.csv`` giving each file the publication date its source lists
(``sources.json``), as a database export's date column would: year-less dates then resolve against it. The
gold's ``doc_date`` is the date the text states, so that row is left out of a dated table.
The table gives, per measure, n/N (gold found / gold), P, R and k/M (predictions right / predictions).

Matching rules (``CONVENTIONS.md`` in the set says what was annotated):

- Every value is compared normalised: OpenCC t2s (``clean.to_simplified``), whitespace removed, and the
  full-width ，：；（）？！ folded to ASCII, so traditional texts, the full-width copy and the gold as written
  compare equal.
- **press people** are gold people whose role, split at ``;、，()（）``, has a credit part: 作者, 记者, 通讯员,
  编辑, 责任编辑, 校对, 审核, 审校, 摄影, 文, 图, 图文, 文字, 海报, 题字, 编导, 采访者, 实习生, or a part ending
  in 记者, 编辑, 制作, 拍摄, 监制. The code's press rows are those with ``role_group`` 记者.
- **people**: the gold people other than press; found when the document's people table has that name.
  Precision is over the people rows, leaving out rows named like a gold press person.
- **bylines: found**: gold press people found as any people row; precision: the code's press rows that name
  any gold person. **bylines: press role**: gold press people found as a press row; precision: press rows
  that name a gold press person.
- **stated cohort**: gold people with a cohort, right when found with that cohort; precision over the found
  gold people the code gave a cohort.
- **person role / age / institution** (a report, no floors), over the found gold people other than press:
  recall over those the gold gives one, precision over those the code gives one. A role is right when the
  code's role is part of one of the gold's roles (gold ``大一学生``, code ``学生``); an institution when the
  gold's equals the canonical or a name as written of the code's body; an age when equal (the people table
  has no age column today, so age counts nothing on the code's side).
- **institutions**, media aside: a gold institution (type other than media) matches a body of the document
  whose canonical name or any name as written equals it. A body is the mentions of one canonical name; a
  department's name as written includes its parent's mention right before it (县委 + 组织部 = 县委组织部),
  and the whole chain of such mentions (省委 + 统战部 + 工商经济处 = 省委统战部工商经济处): the gold lists a
  body at its longest written span. For the same reason a body that is written only as the first part of
  its department's name (淄博中学 in 淄博中学团委), and matches no gold institution, is not counted as wrong.
  Bodies that equal a gold media outlet, or that equal no other gold institution and are typed media by the
  code or have a name that ends like an outlet (日报, 新华社, 网, 电视台 …), are left out of precision and
  scored as **media**: recall of the gold outlets as any body, precision over those outlet bodies. **institution type** and **institution province** are accuracies over the matched
  gold institutions (gold null province = no province).
- **genre**: one answer per document (an accuracy). **title**, **doc_date**, **issuer**: recall over the
  documents whose gold has one, precision over the documents where the code gives one. A null gold title
  accepts a generated title, a null gold doc_date accepts no date or an inferred one, a null gold issuer
  accepts no issuer: those are neither counted nor wrong. A gold date is also met by an inferred date equal
  to it.
- **day dates**: distinct (document, day) pairs: the gold ``dates`` against the ``date_mentions`` rows of
  day granularity with a date (relative days such as 今天 too: the gold resolves them), other than holiday
  periods (``around_holiday``: 春节假期). *extra per ten*
  is the false positives per ten gold days.
- **cohort words**: (document, cohort) pairs with a count above zero on either side, right when the count
  is exact.
- **baseline** beside people: plain ``jieba.posseg`` (a fresh tokenizer, jieba's own dictionary) words tagged
  nr, nrfg or nrt on the simplified text, distinct per document, scored like people.

A measure that counted nothing (no gold and no predictions) raises ``EmptyMeasure``; a side with nothing to
count has no precision or recall (printed —), never 1.0.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPLIT_FILE = Path(__file__).resolve().parent / "split.json"
ENV_FOLDER = "CORPUS_LIB_REALSET"
SPLITS = ("dev", "test", "all")
PUNCTS = ("asis", "fullwidth")

PRESS_WORDS = frozenset("作者 记者 通讯员 编辑 责任编辑 校对 审核 审校 摄影 文 图 图文 文字 海报 题字 编导 采访者 实习生".split())
PRESS_ENDINGS = ("记者", "编辑", "制作", "拍摄", "监制")
ROLE_PARTS = re.compile(r"[;；、，,()（）]")
# An outlet is a body the code types media, or one whose name ends like an outlet (as in tests/devset.py).
MEDIA_NAME = re.compile(r"(?:日报|晚报|晨报|青年报|报社|报|新华社|中新社|新华网|人民网|中新网|网|电视台|客户端|融媒体中心)$")
BASELINE_TAGS = frozenset({"nr", "nrfg", "nrt"})
CONTEXT = 14  # characters either side of a miss in --misses


class RealsetError(Exception):
    """The real set cannot be scored as asked (a missing folder, a file the loader split, a bad argument)."""


class EmptyMeasure(RealsetError):
    """A measure counted nothing: no gold and no predictions."""


# ---------------------------------------------------------------- counting

@dataclass
class Note:
    """One miss or false positive: the file, what went wrong, and the words to show in context."""
    file: str
    text: str
    needle: str = ""


@dataclass
class Score:
    """Counts for one measure: hits on the gold side and on the predicted side, and what went wrong."""
    name: str
    tp_gold: int = 0
    n_gold: int = 0
    tp_pred: int = 0
    n_pred: int = 0
    misses: list[Note] = field(default_factory=list)
    false_positives: list[Note] = field(default_factory=list)
    baseline: Score | None = None

    @property
    def precision(self) -> float | None:
        return self.tp_pred / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp_gold / self.n_gold if self.n_gold else None

    @property
    def extra_per_ten(self) -> float | None:
        """False positives per ten gold items."""
        return 10 * (self.n_pred - self.tp_pred) / self.n_gold if self.n_gold else None

    def gold(self, ok: bool, note: Note) -> None:
        self.n_gold += 1
        self.tp_gold += ok
        if not ok:
            self.misses.append(note)

    def predicted(self, ok: bool, note: Note) -> None:
        self.n_pred += 1
        self.tp_pred += ok
        if not ok:
            self.false_positives.append(note)

    def answer(self, ok: bool, note: Note) -> None:
        """One answer per item (an accuracy): counted on both sides, a wrong one noted once."""
        self.gold(ok, note)
        self.n_pred += 1
        self.tp_pred += ok


def require_counted(scores: dict[str, Score]) -> None:
    """Raise ``EmptyMeasure`` naming every measure (or baseline) with no gold and no predictions."""
    every = [*scores.values(), *(s.baseline for s in scores.values() if s.baseline is not None)]
    empty = [s.name for s in every if s.n_gold == 0 and s.n_pred == 0]
    if empty:
        raise EmptyMeasure(f"measure counted nothing (no gold, no predictions): {', '.join(empty)}")


# ---------------------------------------------------------------- punctuation

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60\u201c\u201d\u2018\u2019]")
URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
SPACES = " \t\u00a0"


def restore_fullwidth(text: str) -> str:
    """``text`` with the half-width ,:;()?! turned full-width where they stand in Chinese context: the nearest
    character on either side (spaces skipped) is Chinese or full-width. URLs and e-mail addresses are left
    alone, and so is a mark between two ASCII letters or digits (10:30, 1,000); a pair of brackets turns
    together when either bracket or what it holds touches Chinese.

    >>> restore_fullwidth("他说:好!(记者 王一)")
    '他说：好！（记者 王一）'
    >>> restore_fullwidth("10:30开会,见 https://a.cn/x?id=1,2 (Hello, world!)")
    '10:30开会，见 https://a.cn/x?id=1,2 (Hello, world!)'
    """
    protected = {i for start, end in url_spans(text) for i in range(start, end)}
    chars = list(text)
    pairs = _bracket_pairs(text, protected)
    for i, ch in enumerate(text):
        if ch not in HALF_TO_FULL or i in protected or _between_ascii(text, i):
            continue
        if i in pairs:
            if _pair_in_chinese(chars, text, *pairs[i]):
                chars[i] = HALF_TO_FULL[ch]
        elif _beside_chinese(chars, text, i):
            chars[i] = HALF_TO_FULL[ch]
    return "".join(chars)


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL and e-mail address; a closing bracket or mark that ends the match is left
    out unless the URL opened it (（www.thepaper.cn）记者, not www.thepaper.cn)记者).

    >>> text = "澎湃新闻(www.thepaper.cn)记者"
    >>> [text[a:b] for a, b in url_spans(text)]
    ['www.thepaper.cn']
    """
    spans = []
    for match in URL.finditer(text):
        end = match.end()
        while end > match.start() and (text[end - 1] in ".,;:!?" or (
                text[end - 1] == ")" and text.count("(", match.start(), end) < text.count(")", match.start(), end))):
            end -= 1
        spans.append((match.start(), end))
    return spans


def _bracket_pairs(text: str, protected: set[int]) -> dict[int, tuple[int, int]]:
    """Each ASCII bracket of a matched pair (on one line), mapped to the pair's (open, close) offsets."""
    pairs, stack = {}, []
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif i in protected:
            continue
        elif ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pair = (stack.pop(), i)
            pairs[pair[0]] = pairs[pair[1]] = pair
    return pairs


def _between_ascii(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and bool(ASCII_ALNUM.match(text[i - 1]) and ASCII_ALNUM.match(text[i + 1]))


def _neighbour(chars, i: int, step: int) -> str:
    """The nearest character from ``i`` in direction ``step`` that is not a space or tab ('' at a line end)."""
    j = i + step
    while 0 <= j < len(chars) and chars[j] in SPACES:
        j += step
    return chars[j] if 0 <= j < len(chars) and chars[j] != "\n" else ""


def _is_chinese(ch: str) -> bool:
    return bool(ch) and bool(CJK.match(ch))


def _beside_chinese(chars: list[str], text: str, i: int) -> bool:
    # left: as converted so far (so 好!! turns both); right: as written
    return _is_chinese(_neighbour(chars, i, -1)) or _is_chinese(_neighbour(text, i, 1))


def _pair_in_chinese(chars: list[str], text: str, start: int, end: int) -> bool:
    return any(_is_chinese(ch) for ch in (_neighbour(chars, start, -1), _neighbour(text, start, 1),
                                           _neighbour(text, end, -1), _neighbour(text, end, 1)))


# ---------------------------------------------------------------- the set

def realset_folder() -> Path:
    """The real set's folder: ``$CORPUS_LIB_REALSET``, else ``<repo>/../shared/devset``."""
    return Path(os.environ.get(ENV_FOLDER) or REPO / ".." / "shared" / "devset")


def missing_reason(folder: Path | None = None) -> str | None:
    """One line saying why the real set cannot be read, or None when it can."""
    folder = folder or realset_folder()
    if not (folder / "gold.json").is_file() or not (folder / "texts").is_dir():
        return f"real set not found at {folder} (set {ENV_FOLDER} to its folder)"
    return None


def split_files(split: str) -> list[str]:
    """The file names of a split (``all``: dev then test), as fixed in split.json."""
    if split not in SPLITS:
        raise RealsetError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    fixed = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return fixed["dev"] + fixed["test"] if split == "all" else list(fixed[split])


def read_gold(folder: Path, files: list[str]) -> dict[str, dict]:
    """The gold objects of ``files``; raises when one has none."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    missing = [name for name in files if name not in gold]
    if missing:
        raise RealsetError(f"gold.json has no entry for {', '.join(missing)}")
    return {name: gold[name] for name in files}


def read_texts(folder: Path, files: list[str], punct: str) -> dict[str, str]:
    """The texts of ``files`` as the toolkit will read them (``fullwidth``: punctuation restored)."""
    if punct not in PUNCTS:
        raise RealsetError(f"unknown punctuation {punct!r}: choose one of {', '.join(PUNCTS)}")
    texts = {}
    for name in files:
        path = folder / "texts" / name
        if not path.is_file():
            raise RealsetError(f"{path}: text named in split.json is missing")
        text = path.read_text(encoding="utf-8")
        texts[name] = restore_fullwidth(text) if punct == "fullwidth" else text
    return texts


# ---------------------------------------------------------------- running the code

@dataclass
class Run:
    """The tables the extractors give for one split in one punctuation variant."""
    texts: dict[str, str]
    docs: object
    mentions: object
    people: object
    dates: object
    cohorts: object

    @cached_property
    def file_of(self) -> dict[str, str]:
        """doc_id -> file name."""
        return dict(zip(self.docs["doc_id"], self.docs["source"]))


def load_documents(texts: dict[str, str], dates: dict[str, str] | None = None):
    """``cl.load_corpus`` on a temporary folder holding one file per text (and, given ``dates``, a
    ``metadata.csv`` of file,date); raises unless it gives one document per file."""
    import corpus_lib as cl

    folder = Path(tempfile.mkdtemp(prefix="corpus_lib-realset-"))
    try:
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        if dates:
            rows = "".join(f"{name},{dates[name]}\n" for name in texts if dates.get(name))
            (folder / "metadata.csv").write_text("file,date\n" + rows, encoding="utf-8")
        docs = cl.load_corpus(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if len(docs) != len(texts) or set(docs["source"]) != set(texts):
        raise RealsetError(f"load_corpus gave {len(docs)} documents for {len(texts)} files "
                           f"(sources differ: {sorted(set(docs['source']) ^ set(texts))[:5]})")
    return docs


def run_extractors(texts: dict[str, str], published: dict[str, str] | None = None) -> Run:
    """Every table the scorer needs, by the calls notebooks 03 and 04 make (``published``: file -> the date a
    metadata.csv gives it)."""
    from corpus_lib import cohorts, dates, institutions, people

    docs = load_documents(texts, published)
    mentions = institutions.institution_mentions(docs)
    return Run(texts=texts, docs=docs, mentions=mentions,
               people=people.extract_people(docs, institutions=mentions),
               dates=dates.date_mentions(docs), cohorts=cohorts.cohort_counts(docs))


@lru_cache(maxsize=1)
def _plain_posseg():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def baseline_names(text: str) -> set[str]:
    """Distinct words jieba.posseg tags as a person's name (nr, nrfg, nrt) in the simplified text."""
    return {norm(pair.word) for pair in _plain_posseg().cut(norm_script(text)) if pair.flag in BASELINE_TAGS} - {""}


# ---------------------------------------------------------------- normalising

FOLD = str.maketrans({full: half for half, full in HALF_TO_FULL.items()})


def norm_script(text: str) -> str:
    from corpus_lib import clean

    return clean.to_simplified(text)


def norm(value) -> str:
    """t2s, no whitespace, full-width ，：；（）？！ as ASCII; '' for None or NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return norm_script(re.sub(r"\s+", "", str(value))).translate(FOLD)


def role_parts(role) -> list[str]:
    return [part for part in ROLE_PARTS.split(norm(role)) if part]


def is_press(role) -> bool:
    """A byline or credit role (see the module docstring)."""
    return any(part in PRESS_WORDS or part.endswith(PRESS_ENDINGS) for part in role_parts(role))


def _value(row: dict, column: str):
    value = row.get(column)
    return None if value is None or (isinstance(value, float) and value != value) else value


# ---------------------------------------------------------------- people

def predicted_people(run: Run) -> dict[str, dict[str, dict]]:
    """file -> normalised name -> people row."""
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in run.people.to_dict("records"):
        found[run.file_of[row["doc_id"]]].setdefault(norm(row["name"]), row)
    return found


def _is_press_row(row: dict | None) -> bool:
    return row is not None and _value(row, "role_group") == "记者"


def score_people(gold: dict[str, dict], run: Run) -> dict[str, Score]:
    names = ("people", "bylines: found", "bylines: press role", "stated cohort",
             "person role", "person age", "person institution")
    scores = {name: Score(name) for name in names}
    found, bodies = predicted_people(run), document_bodies(run)
    for file, entry in gold.items():
        people = {norm(p["name"]): p for p in entry["people"]}
        press = {name for name, p in people.items() if is_press(p["role"])}
        rows = found.get(file, {})
        for name, person in people.items():
            row = rows.get(name)
            if name in press:
                score_byline(scores, file, name, person, row)
            else:
                scores["people"].gold(row is not None, Note(file, f"missed {name}", name))
                if row is not None:
                    score_attributes(scores, file, name, person, row, bodies.get(file, {}))
            if row is not None:
                score_stated_cohort(scores["stated cohort"], file, name, person, row)
            elif person["cohort"]:
                scores["stated cohort"].gold(False, Note(file, f"{name} not found (gold {person['cohort']})", name))
        for name, row in rows.items():
            if _is_press_row(row):
                scores["bylines: found"].predicted(name in people, Note(file, f"press row {name} is nobody", name))
                scores["bylines: press role"].predicted(
                    name in press, Note(file, f"{name} given press role {row['role']}", name))
            if name not in press:
                scores["people"].predicted(name in people, Note(file, f"extra {name}", name))
    scores["people"].baseline = score_baseline(gold, run)
    return scores


def score_byline(scores, file: str, name: str, person: dict, row: dict | None) -> None:
    scores["bylines: found"].gold(row is not None, Note(file, f"missed {name} ({person['role']})", name))
    got = "not found" if row is None else (_value(row, "role") or "no role")
    scores["bylines: press role"].gold(_is_press_row(row), Note(file, f"{name}: {got} (gold {person['role']})", name))


def score_stated_cohort(score: Score, file: str, name: str, person: dict, row: dict) -> None:
    want, got = norm(person["cohort"]), norm(_value(row, "cohort"))
    if want:
        score.gold(got == want, Note(file, f"{name}: {got or '—'} (gold {want})", name))
    if got:
        score.predicted(got == want, Note(file, f"{name}: {got} (gold {want or '—'})", name))


def score_attributes(scores, file: str, name: str, person: dict, row: dict, bodies: dict[str, dict]) -> None:
    """Role, age and institution of a found gold person other than press."""
    role = _value(row, "role")
    role_right = bool(role) and any(norm(role) in part for part in role_parts(person["role"]))
    _score_attribute(scores["person role"], file, name, person["role"], role, role_right)
    age = _value(row, "age")
    _score_attribute(scores["person age"], file, name, person["age"], age,
                     age is not None and person["age"] is not None and int(age) == int(person["age"]))
    unit = _value(row, "institution")
    unit_right = bool(unit and person["institution"]) and \
        norm(person["institution"]) in bodies.get(norm(unit), {"names": {norm(unit)}})["names"]
    _score_attribute(scores["person institution"], file, name, person["institution"], unit, unit_right)


def _score_attribute(score: Score, file: str, name: str, want, got, right: bool) -> None:
    note = Note(file, f"{name}: {got if got is not None else '—'} (gold {want if want is not None else '—'})", name)
    if want is not None and want != "":
        score.gold(right, note)
    if got is not None and got != "":
        score.predicted(right, note)


def score_baseline(gold: dict[str, dict], run: Run) -> Score:
    score = Score("people (posseg baseline)")
    for file, entry in gold.items():
        people = {norm(p["name"]) for p in entry["people"] if not is_press(p["role"])}
        press = {norm(p["name"]) for p in entry["people"] if is_press(p["role"])}
        names = baseline_names(run.texts[file])
        for name in sorted(people):
            score.gold(name in names, Note(file, f"missed {name}", name))
        for name in sorted(names - press):
            score.predicted(name in people, Note(file, f"extra {name}", name))
    return score


# ---------------------------------------------------------------- institutions

def document_bodies(run: Run) -> dict[str, dict[str, dict]]:
    """file -> normalised canonical -> {names (canonical and as written), type, province}.

    A department's name as written runs from the mention right before it, its parent's (县委 + 组织部)."""
    bodies: dict[str, dict[str, dict]] = defaultdict(dict)
    previous, chain, previous_body = None, "", None
    for row in run.mentions.sort_values(["doc_id", "start"]).to_dict("records"):
        canonical = norm(row["canonical"]) or norm(row["name"])
        body = bodies[run.file_of[row["doc_id"]]].setdefault(
            canonical, {"names": {canonical}, "type": row["type"], "province": None, "mentions": 0, "as_parent": 0})
        body["names"].add(norm(row["name"]))
        body["mentions"] += 1
        if _value(row, "parent") and previous and previous["doc_id"] == row["doc_id"] \
                and previous["end"] == row["start"]:
            body["names"] |= {norm(previous["name"]) + norm(row["name"]), chain + norm(row["name"])}
            chain += norm(row["name"])
            previous_body["as_parent"] += 1
        else:
            chain = norm(row["name"])
        body["province"] = body["province"] or norm(_value(row, "province")) or None
        previous, previous_body = row, body
    return bodies


def _is_outlet(body: dict, media: set[str], others: set[str]) -> bool:
    """A gold outlet, or - unless it is a gold institution of another type - a body typed or named like one."""
    names = body["names"]
    if names & media or names & others:
        return bool(names & media)
    return body["type"] == "media" or any(MEDIA_NAME.search(name) for name in names)


def score_institutions(gold: dict[str, dict], run: Run) -> dict[str, Score]:
    scores = {name: Score(name) for name in ("institutions", "institution type", "institution province", "media")}
    all_bodies = document_bodies(run)
    for file, entry in gold.items():
        bodies = all_bodies.get(file, {})
        media = {norm(i["name"]) for i in entry["institutions"] if i["type"] == "media"}
        others = {norm(i["name"]) for i in entry["institutions"] if i["type"] != "media"}
        for institution in entry["institutions"]:
            name = norm(institution["name"])
            match = next((b for b in bodies.values() if name in b["names"]), None)
            if institution["type"] == "media":
                scores["media"].gold(match is not None, Note(file, f"missed outlet {name}", name))
                continue
            scores["institutions"].gold(match is not None, Note(file, f"missed {name}", name))
            if match is not None:
                score_body(scores, file, name, institution, match)
        for canonical, body in bodies.items():
            needle = next(iter(sorted(body["names"] - {canonical})), canonical)
            if _is_outlet(body, media, others):
                scores["media"].predicted(bool(body["names"] & media), Note(file, f"extra outlet {canonical}", needle))
            elif body["names"] & others or body["as_parent"] < body["mentions"]:  # (written only as a prefix: not wrong)
                scores["institutions"].predicted(bool(body["names"] & others), Note(file, f"extra {canonical}", needle))
    return scores


def score_body(scores, file: str, name: str, institution: dict, body: dict) -> None:
    scores["institution type"].answer(body["type"] == institution["type"],
                                      Note(file, f"{name}: type {body['type']} (gold {institution['type']})", name))
    want = norm(institution["province"]) or None
    scores["institution province"].answer(body["province"] == want,
                                          Note(file, f"{name}: {body['province'] or '—'} (gold {want or '—'})", name))


# ---------------------------------------------------------------- one answer per document

def score_documents(gold: dict[str, dict], run: Run) -> dict[str, Score]:
    scores = {name: Score(name) for name in ("genre", "title", "doc_date", "issuer")}
    for row in run.docs.to_dict("records"):
        file = row["source"]
        entry = gold[file]
        scores["genre"].answer(row["genre"] == entry["genre"], Note(file, f"genre {row['genre']} (gold {entry['genre']})"))
        title = norm(row["title"]) if row["title_source"] == "text" else None
        _score_answer(scores["title"], file, norm(entry["title"]) or None, title)
        day = row["date"].strftime("%Y-%m-%d") if row["date"] == row["date"] else None
        accepted = entry["doc_date"] is None and row["date_source"] == "inferred"
        _score_answer(scores["doc_date"], file, entry["doc_date"], None if accepted else day, f"[{row['date_source']}]")
        _score_answer(scores["issuer"], file, norm(entry["issuer"]) or None, norm(_value(row, "issuer")) or None)
    return scores


def _score_answer(score: Score, file: str, want: str | None, got: str | None, how: str = "") -> None:
    """Recall over documents whose gold has a value, precision over those the code answers."""
    note = Note(file, f"{score.name}: {got or '—'}{how} (gold {want or '—'})")
    if want is not None:
        score.gold(got == want, note)
    if got is not None:
        score.predicted(got == want, note)


# ---------------------------------------------------------------- dates and cohort words

def predicted_days(run: Run) -> dict[str, dict[str, str]]:
    """file -> day (ISO) -> surface of its first mention."""
    days = run.dates[(run.dates["granularity"] == "day") & run.dates["date"].notna()
                     & ~run.dates["around_holiday"].astype(bool)]
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for doc_id, day, surface in zip(days["doc_id"], days["date"], days["surface"]):
        found[run.file_of[doc_id]].setdefault(day, surface)
    return found


def score_days(gold: dict[str, dict], run: Run) -> Score:
    score, found = Score("day dates"), predicted_days(run)
    for file, entry in gold.items():
        wanted = {}
        for mention in entry["dates"]:
            wanted.setdefault(mention["date"], mention["text"])
        got = found.get(file, {})
        for day, written in sorted(wanted.items()):
            score.gold(day in got, Note(file, f"missed {day} ({written})", written))
        for day, surface in sorted(got.items()):
            score.predicted(day in wanted, Note(file, f"extra {day} ({surface})", surface))
    return score


def score_cohort_words(gold: dict[str, dict], run: Run) -> Score:
    score = Score("cohort words")
    counted = {(run.file_of[doc_id], cohort): int(n)
               for doc_id, row in run.cohorts.iterrows() for cohort, n in row.items() if n}
    wanted = {(file, cohort): int(n) for file, entry in gold.items() for cohort, n in entry["cohorts"].items() if n}
    for key, n in sorted(wanted.items()):
        score.gold(counted.get(key) == n, Note(key[0], f"{key[1]} ×{counted.get(key, 0)} (gold ×{n})", key[1][:2]))
    for key, n in sorted(counted.items()):
        score.predicted(wanted.get(key) == n, Note(key[0], f"{key[1]} ×{n} (gold ×{wanted.get(key, 0)})", key[1][:2]))
    return score


# ---------------------------------------------------------------- the whole

def publication_dates(folder: Path) -> dict[str, str]:
    """file -> the publication date ``sources.json`` lists for it (files without one left out)."""
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry["publication_date"] for entry in sources if entry.get("publication_date")}


def prepare(split: str = "dev", punct: str = "asis", folder: Path | None = None,
            dated: bool = False) -> tuple[dict[str, dict], Run]:
    """The gold of one split and the extractors' tables on its texts in one punctuation variant (``dated``:
    with a metadata.csv of publication dates); raises ``RealsetError`` when the set is absent."""
    folder = folder or realset_folder()
    reason = missing_reason(folder)
    if reason:
        raise RealsetError(reason)
    files = split_files(split)
    published = publication_dates(folder) if dated else None
    return read_gold(folder, files), run_extractors(read_texts(folder, files, punct), published)


def score_all(gold: dict[str, dict], run: Run, dated: bool = False) -> dict[str, Score]:
    """Every measure, in report order (a dated run without doc_date); raises ``EmptyMeasure`` when one
    counted nothing."""
    scores = {**score_people(gold, run), **score_institutions(gold, run), **score_documents(gold, run),
              "day dates": score_days(gold, run), "cohort words": score_cohort_words(gold, run)}
    scores = {name: scores[name] for name in REPORT_ORDER if not (dated and name == "doc_date")}
    require_counted(scores)
    return scores


def evaluate(split: str = "dev", punct: str = "asis", folder: Path | None = None,
             dated: bool = False) -> dict[str, Score]:
    """Every measure on one split in one punctuation variant (``dated``: see ``prepare``)."""
    return score_all(*prepare(split, punct, folder, dated), dated=dated)


REPORT_ORDER = ("people", "bylines: found", "bylines: press role", "stated cohort", "person role", "person age",
                "person institution", "institutions", "institution type", "institution province", "media",
                "genre", "title", "doc_date", "issuer", "day dates", "cohort words")


# ---------------------------------------------------------------- report

def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _remark(score: Score) -> str:
    if score.baseline is not None:
        b = score.baseline
        return f"posseg {b.tp_gold}/{b.n_gold} P {_ratio(b.precision)} R {_ratio(b.recall)}"
    if score.name == "day dates":
        return f"{score.n_pred - score.tp_pred} extra, {_ratio(score.extra_per_ten)} per ten gold"
    return ""


def format_table(scores: dict[str, Score], title: str) -> str:
    width = max(len(name) for name in scores)
    lines = [title, f"{'measure':<{width}}  {'n/N':>8}  {'P':>4}  {'R':>4}  {'k/M':>8}  baseline / note"]
    for s in scores.values():
        lines.append(f"{s.name:<{width}}  {f'{s.tp_gold}/{s.n_gold}':>8}  {_ratio(s.precision):>4}  "
                     f"{_ratio(s.recall):>4}  {f'{s.tp_pred}/{s.n_pred}':>8}  {_remark(s)}".rstrip())
    return "\n".join(lines)


def snippet(text: str, needle: str) -> str:
    """A few characters either side of the first place ``needle`` is written (spaces and script aside)."""
    if not needle:
        return ""
    simple = norm_script(text)
    pattern = r"\s*".join(re.escape(ch) for ch in norm_script(needle).translate(FOLD)
                          if not ch.isspace()).replace(",", "[,，]")
    match = re.search(pattern, simple.translate(FOLD)) if pattern else None
    if match is None:
        return "(not in the text as written)"
    view = text if len(text) == len(simple) else simple
    left, right = max(0, match.start() - CONTEXT), min(len(text), match.end() + CONTEXT)
    return "…" + view[left:right].replace("\n", " ⏎ ") + "…"


def format_misses(scores: dict[str, Score], texts: dict[str, str]) -> str:
    """Every miss and false positive, per text, with its context (for the terminal only)."""
    by_file: dict[str, list[str]] = defaultdict(list)
    for score in scores.values():
        for kind, notes in (("miss", score.misses), ("false positive", score.false_positives)):
            for note in notes:
                by_file[note.file].append(f"  {score.name} · {kind}: {note.text}  {snippet(texts[note.file], note.needle)}")
    return "\n".join(f"\n{file}\n" + "\n".join(lines) for file, lines in sorted(by_file.items()))


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.realset", description="Score the extractors on the real set.")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--punct", choices=(*PUNCTS, "both"), default="both")
    parser.add_argument("--dated", action="store_true",
                        help="give each file its listed publication date in a metadata.csv")
    parser.add_argument("--misses", action="store_true", help="print every miss and false positive (dev only)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.misses and args.split != "dev":
        print("error: --misses is for the dev split only (nothing is tuned on test)", file=sys.stderr)
        return 2
    os.environ.setdefault("CORPUS_LIB_CACHE", tempfile.mkdtemp(prefix="corpus_lib-realset-cache-"))
    started = time.perf_counter()
    try:
        for punct in (PUNCTS if args.punct == "both" else (args.punct,)):
            gold, run = prepare(args.split, punct, dated=args.dated)
            scores = score_all(gold, run, dated=args.dated)
            dated = ", publication dates in metadata.csv" if args.dated else ""
            print(format_table(scores, f"\n{args.split} split, {len(gold)} texts, punctuation {punct}{dated}"))
            if args.misses:
                print(format_misses(scores, run.texts))
    except RealsetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0
