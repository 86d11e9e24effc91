"""Cohorts (世代): 80后 … 10后. Where they are mentioned, what numbers are given for them,
and who the quoted young people are ("youth voices").

Stages: documents -> mentions / statistics / people tables -> figures.

>>> import corpus_lib as cl
>>> from corpus_lib import cohorts
>>> docs = cl.load_corpus()
>>> int(cohorts.cohort_counts(docs).loc["d01", "90后"])      # title + salutation
2

Editable knowledge: ``data/cohort_variants.csv`` (generation words), ``data/cohort_roles.csv``
(roles), ``data/cohort_name_cues.csv`` (what comes before/after a name) and
``data/cohort_surnames.txt``.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import takewhile

import pandas as pd

from .clean import split_sentences
from .errors import CorpusError
from .resources import read_csv, read_lines

HAN = "\u4e00-\u9fff"
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
NAME_DOTS = "·•‧・"
MENTION_COLUMNS = ["doc_id", "cohort", "surface", "start", "end", "quoted", "sentence"]
STAT_COLUMNS = ["doc_id", "cohort", "kind", "value", "approximate", "share", "of", "surface", "sentence"]
PEOPLE_COLUMNS = ["doc_id", "name", "institution", "institution_type", "province", "role", "cohort", "quote"]
PEOPLE_EXTRA = ["role_group", "quote_type", "cohort_evidence", "sentence"]
NO_COHORT = "未说明"
KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "g2", "log_ratio", "p_value", "direction"]


# ---------------------------------------------------------------- data files


@lru_cache(maxsize=None)
def cohort_variants() -> dict[str, str]:
    """``{surface: cohort}`` from ``cohort_variants.csv``: ``{"九零后": "90后", …}``."""
    return {row["surface"]: row["cohort"] for row in read_csv("cohort_variants.csv")}


def _loose(surface: str) -> str:
    """A regex for one surface that also accepts full-width digits, 後 and 〇/零."""
    parts = []
    for char in surface:
        if char.isdigit():
            parts.append(f"[{char}{chr(ord(char) + 0xFEE0)}]")
        elif char == "后":
            parts.append("[后後]")
        elif char in "零〇":
            parts.append("[零〇○]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@lru_cache(maxsize=None)
def _cohort_pattern() -> re.Pattern:
    surfaces = sorted(cohort_variants(), key=len, reverse=True)
    return re.compile(r"(?<![0-9０-９.．])(?:" + "|".join(_loose(s) for s in surfaces) + ")")


def normalize_cohort(surface: str) -> str | None:
    """``"９０後"`` -> ``"90后"``; ``"九〇后"`` -> ``"90后"``; unknown words -> None."""
    key = unicodedata.normalize("NFKC", surface).replace("後", "后").replace("○", "〇")
    variants = cohort_variants()
    return variants.get(key) or variants.get(key.replace("〇", "零"))


@lru_cache(maxsize=None)
def _roles() -> tuple[dict[str, dict[str, str]], re.Pattern]:
    rows = {row["surface"]: row for row in read_csv("cohort_roles.csv")}
    pattern = re.compile("|".join(re.escape(s) for s in sorted(rows, key=len, reverse=True)))
    return rows, pattern


@lru_cache(maxsize=None)
def _name_cues() -> tuple[dict[str, str], dict[str, str]]:
    """``(before, after)``: cue -> kind. Every role surface is a strong "before" cue."""
    rows = read_csv("cohort_name_cues.csv")
    before = {r["cue"]: r["kind"] for r in rows if r["side"] == "before"}
    before.update({surface: "weak" if row["weak"] else "strong" for surface, row in _roles()[0].items()})
    after = {r["cue"]: r["kind"] for r in sorted(rows, key=lambda r: -len(r["cue"])) if r["side"] == "after"}
    return before, after


@lru_cache(maxsize=None)
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w for line in read_lines("cohort_surnames.txt") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), tuple(w for w in words if len(w) > 1)


# ---------------------------------------------------------------- mentions
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


def _sentence_at(spans, position: int) -> str:
    for start, end, sentence in spans:
        if start <= position < end:
            return sentence
    return ""


def find_cohorts(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, surface, cohort)`` for each generation word in ``text``.

    >>> find_cohorts("全体“90后”党员，九零后和00後")
    [(3, 6, '90后', '90后'), (10, 13, '九零后', '90后'), (14, 17, '00後', '00后')]
    """
    found = []
    for match in _cohort_pattern().finditer(text):
        cohort = normalize_cohort(match.group())
        if cohort:
            found.append((match.start(), match.end(), match.group(), cohort))
    return found


def _check_docs(docs) -> None:
    if not isinstance(docs, pd.DataFrame) or not {"doc_id", "text"} <= set(docs.columns):
        raise CorpusError("expected a documents table with doc_id and text columns (cl.load_corpus())")


def cohort_mentions(docs) -> pd.DataFrame:
    """One row per cohort word: doc_id, cohort, surface, start, end, quoted, sentence.

    >>> from corpus_lib import load_corpus
    >>> cohort_mentions(load_corpus()).query("doc_id == 'd01'")["surface"].tolist()
    ['90后', '90后']
    """
    _check_docs(docs)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        spans = sentence_spans(text)
        for start, end, surface, cohort in find_cohorts(text):
            quoted = text[start - 1:start] == OPEN_QUOTE and text[end:end + 1] == CLOSE_QUOTE
            rows.append((doc_id, cohort, surface, start, end, quoted, _sentence_at(spans, start)))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def cohort_order(cohorts) -> list[str]:
    """Generations in birth order: 80后, 85后, 90后, 95后, 00后, 05后, 10后."""
    def year(cohort: str) -> int:
        digits = int(re.sub(r"\D", "", cohort) or 0)
        return digits + (1900 if digits >= 30 else 2000)
    return sorted(set(cohorts), key=year)


def cohort_counts(docs) -> pd.DataFrame:
    """Documents x cohorts count table (every document is a row, zeros included).

    >>> from corpus_lib import load_corpus
    >>> cohort_counts(load_corpus()).loc["d02", ["90后", "00后"]].tolist()
    [24, 5]
    """
    mentions = cohort_mentions(docs)
    table = pd.crosstab(mentions["doc_id"], mentions["cohort"]) if len(mentions) else pd.DataFrame()
    table = table.reindex(index=list(docs["doc_id"]), columns=cohort_order(table.columns), fill_value=0)
    table.index.name, table.columns.name = "doc_id", "cohort"
    return table.fillna(0).astype(int)


def cohort_kwic(docs, *, cohort: str | None = None, width: int = 20) -> pd.DataFrame:
    """Keyword in context: doc_id, cohort, left, keyword, right (``width`` characters each side).

    >>> from corpus_lib import load_corpus
    >>> cohort_kwic(load_corpus(), cohort="95后", width=4)["right"].tolist()
    ['甚至00', '，我会向']
    """
    mentions = cohort_mentions(docs)
    if cohort is not None:
        mentions = mentions[mentions["cohort"] == normalize_cohort(cohort)]
    texts = dict(zip(docs["doc_id"], docs["text"]))
    rows = []
    for row in mentions.itertuples():
        text = texts[row.doc_id]
        left = text[max(0, row.start - width):row.start].replace("\n", " ")
        right = text[row.end:row.end + width].replace("\n", " ")
        rows.append((row.doc_id, row.cohort, left, row.surface, right))
    return pd.DataFrame(rows, columns=["doc_id", "cohort", "left", "keyword", "right"])


def cohort_records(docs, args=None) -> pd.DataFrame:
    """For the CLI: doc_id, cohort, count (only non-zero counts; documents in order)."""
    counts = cohort_counts(docs)
    table = counts.stack().rename("count").reset_index()
    return table[table["count"] > 0].reset_index(drop=True)


# ---------------------------------------------------------------- stated statistics
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([十百千万亿]?)\s*(余|多)?\s*(?:名|人|位)")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[％%]")
CLAUSE = re.compile(r"[^，,；;。！？]+")


def parse_number(phrase: str) -> tuple[float, bool] | None:
    """``"4.2万余名"`` -> ``(42000.0, True)``; ``"25％"`` -> ``(0.25, False)``; approximate when 余/多.

    >>> parse_number("1.2万多名"), parse_number("2000多名"), parse_number("25％")
    ((12000.0, True), (2000.0, True), (0.25, False))
    """
    percent = PERCENT.fullmatch(phrase.strip())
    if percent:
        return round(float(percent.group(1)) / 100, 6), False
    count = COUNT.fullmatch(phrase.strip())
    if not count:
        return None
    number, unit, approx = count.groups()
    return float(number) * MULTIPLIERS.get(unit, 1), bool(approx)


def _clause_numbers(clause: str) -> list[tuple[str, str]]:
    """``(kind, surface)`` for counts of people and percentages in one clause."""
    found = [("count", m.group()) for m in COUNT.finditer(clause)]
    return found + [("share", m.group()) for m in PERCENT.finditer(clause)]


def _sentence_statistics(sentence: str) -> list[dict]:
    clauses = CLAUSE.findall(sentence)
    rows, total = [], None
    for index, clause in enumerate(clauses):
        cohorts = [c for _, _, _, c in find_cohorts(clause)]
        for kind, surface in _clause_numbers(clause):
            value, approx = parse_number(surface)
            if cohorts:
                rows.append({"cohort": cohorts[0], "kind": kind, "value": value, "approximate": approx,
                             "surface": surface})
                continue
            later = clauses[index + 1:]
            if kind == "count" and (clause.endswith("中") or any(c.startswith("其中") for c in later)):
                total = {"cohort": None, "kind": "total", "value": value, "approximate": approx,
                         "surface": surface, "of": clause.strip()}
                rows.append(total)
    for row in rows:
        if row["kind"] == "count" and total:
            row["share"] = round(row["value"] / total["value"], 4)
            row["of"] = total["of"]
        elif row["kind"] == "share":
            row["share"] = row["value"]
            row["of"] = total["of"] if total else None
    return rows


def stated_statistics(docs) -> pd.DataFrame:
    """Numbers stated next to cohort words, one row per number.

    kind is ``count`` (people of a cohort), ``share`` (a stated percentage) or ``total`` (the
    population the others are part of); ``share`` is value / total for counts; ``approximate`` is
    True for 余/多. In ``在4.2万余名驰援湖北的医护人员中，有1.2万多名是90后`` the total is
    42000 (approximate) and 90后 count 12000 (approximate), share 0.2857.
    """
    _check_docs(docs)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        for sentence in split_sentences(text):
            if find_cohorts(sentence):
                rows += [{"doc_id": doc_id, "sentence": sentence, **row} for row in _sentence_statistics(sentence)]
    return pd.DataFrame(rows, columns=STAT_COLUMNS)


# ---------------------------------------------------------------- people ("youth voices")
WEAK_BREAK = "，。；：！？“、（）()：,;!?\n"


def _left_kind(text: str, i: int) -> str | None:
    """``strong``/``weak`` if a name may start at ``i``, else None.

    >>> _left_kind("团委书记张笑予", 4), _left_kind("对青年一代的关心", 6)
    ('strong', 'weak')
    """
    if i > 0 and text[i - 1] == CLOSE_QUOTE:
        return "strong"
    if i == 0 or text[i - 1] in WEAK_BREAK:
        return "weak"
    before, _ = _name_cues()
    kinds = [kind for cue, kind in before.items() if text.endswith(cue, 0, i)]
    return "strong" if "strong" in kinds else ("weak" if kinds else None)


def _right_cue(text: str, j: int) -> str | None:
    return next((cue for cue in _name_cues()[1] if text.startswith(cue, j)), None)


def _plain_name(text: str, i: int, length: int) -> bool:
    """2-4 Han characters, a surname first, no role or cohort inside, no cue inside (张云|表示)."""
    candidate = text[i:i + length]
    singles, compounds = _surnames()
    if len(candidate) < length or not re.fullmatch(f"[{HAN}]+", candidate):
        return False
    if not (candidate[0] in singles or candidate.startswith(compounds)):
        return False
    after = _name_cues()[1]
    inner_cue = any(text.startswith(cue, k) for k in range(i + 2, i + length) for cue in after
                    if len(cue) > 1 or after[cue] == "speech")
    return not inner_cue and not _roles()[1].search(candidate) and not find_cohorts(candidate)


def _dotted_end(text: str, i: int) -> int | None:
    """End of a ``·`` name starting at ``i`` (阿迪力·阿不力米提表示 -> before 表示), or None."""
    match = re.match(f"[{HAN}]{{2,6}}[{NAME_DOTS}][{HAN}]{{2,8}}", text[i:])
    if not match:
        return None
    head = len(re.split(f"[{NAME_DOTS}]", match.group())[0])
    return next((end for end in range(i + match.end(), i + head + 2, -1) if _right_cue(text, end)), None)


def _candidate(text: str, i: int) -> tuple[int, str, str] | None:
    """``(end, left kind, right cue)`` of a name candidate at ``i``; 3, then 2, then 4 characters."""
    left = _left_kind(text, i)
    if left is None:
        return None
    end = _dotted_end(text, i)
    if end is None:
        end = next((i + n for n in (3, 2, 4) if _plain_name(text, i, n) and _right_cue(text, i + n)), None)
    return (end, left, _right_cue(text, end)) if end else None


def _ends_in_speech(text: str, j: int) -> bool:
    """After ``等``: an optional role, then a speech cue (陈世杰、乔瑞娟|等团干表示)."""
    rest = text[j + 1:]
    role = _roles()[1].match(rest)
    rest = rest[role.end():] if role else rest
    return any(rest.startswith(cue) for cue, kind in _name_cues()[1].items() if kind == "speech")


def _accepted(text: str, candidates: list) -> list[bool]:
    kinds = _name_cues()[1]
    ok = [kinds[cue] in ("speech", "link") or (left == "strong" and cue != "、") for _, _, left, cue in candidates]
    # a list of names joined by 、 stands or falls with its last member
    for k in range(len(candidates) - 1, -1, -1):
        start, end, left, cue = candidates[k]
        if cue == "等" and _ends_in_speech(text, end):
            ok[k] = True
        if cue == "、" and k + 1 < len(candidates) and candidates[k + 1][0] == end + 1 and ok[k + 1]:
            ok[k] = True
    return ok


def find_names(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, right cue)`` for person names in one paragraph.

    >>> [n[2] for n in find_names("云南省昆明市五华区疾控中心团员方飞燕、杨丽红表示，感谢总书记")]
    ['方飞燕', '杨丽红']
    """
    candidates, i = [], 0
    while i < len(text) - 1:
        found = _candidate(text, i)
        if found:
            end, left, cue = found
            candidates.append((i, end, left, cue))
            i = end
        else:
            i += 1
    keep = _accepted(text, candidates)
    return [(s, e, text[s:e], cue) for (s, e, _, cue), k in zip(candidates, keep) if k]


def _cohort_alternation() -> str:
    return "(?:" + "|".join(_loose(s) for s in sorted(cohort_variants(), key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def _self_patterns() -> tuple[re.Pattern, ...]:
    """Phrases in which a person says they belong to a cohort (作为一名95后, 这名90后说, 也是90后)."""
    cohort = _cohort_alternation()
    return tuple(re.compile(p.format(c=cohort)) for p in (
        r"(?:作为|身为)(?:一名|一位|一个)?[^，。；！？“”]*?{c}",
        r"(?:这名|这位|也是|是一名|是一位|我是){c}",
        r"我们{c}",
    ))


def stated_cohort(descriptor: str, span: str) -> tuple[str | None, str | None]:
    """``(cohort, evidence)`` for a person, only where the text says they belong to it.

    ``descriptor`` is the text right before the name (its last clause is the appositive:
    ``杭州市肿瘤医院重症监护室90后护师``); ``span`` is everything said of the person.

    >>> stated_cohort("", "这名90后说：“我很荣幸自己是下沉社区的一员。”")
    ('90后', '这名90后')
    >>> stated_cohort("昆明第二十四中学团委书记", "表示，要教育影响更多的00后、10后")
    (None, None)
    """
    appositive = re.split("[，。；！？”]", descriptor)[-1]
    found = find_cohorts(appositive)
    if found:
        return found[0][3], appositive
    hits = [m for pattern in _self_patterns() for m in pattern.finditer(span)]
    if not hits:
        return None, None
    first = min(hits, key=lambda m: m.start())
    return find_cohorts(first.group())[-1][3], first.group()


def _role_hits(text: str) -> list[dict[str, str]]:
    rows, pattern = _roles()
    return [rows[m.group()] for m in pattern.finditer(text) if rows[m.group()]["role"]]


def choose_role(descriptor: str, after: str, span: str) -> dict[str, str] | None:
    """The person's role row: the last strong role before the name, else the first after it
    (樊静妤是…青年突击队队员), else one they give themselves (作为一名…医学生), else a weak one.

    >>> choose_role("河北省邯郸市邯山区河沙镇镇裴庄村党支部书记、团十八大代表", "", "")["role"]
    '党支部书记'
    """
    own = [h for m in re.finditer("(?:作为|身为)[^，。；！？]*", span) for h in _role_hits(m.group())]
    before, behind = _role_hits(descriptor), _role_hits(after)
    for hits, last in ((before, True), (behind, False), (own, True)):
        strong = [h for h in hits if not h["weak"]]
        if strong:
            return strong[-1] if last else strong[0]
    weak = before[::-1] + behind + own
    return weak[0] if weak else None


def _direct_quotes(span: str) -> list[tuple[int, str]]:
    """``(position, text)`` of top-level “…” passages that are speech: at least 8 characters and
    introduced by ：，。 or the start of the paragraph (not 战“疫” or 开展“手拉手…”活动)."""
    quotes, depth, start = [], 0, 0
    for i, char in enumerate(span):
        if char == OPEN_QUOTE:
            depth, start = depth + 1, (i if depth == 0 else start)
        elif char == CLOSE_QUOTE and depth:
            depth -= 1
            inner = span[start + 1:i].strip().rstrip("，,")
            if depth == 0 and len(inner) >= 8 and (start == 0 or span[start - 1] in "：:，,。！？\n"):
                quotes.append((start, inner))
    return quotes


DESCRIBING_CUES = frozenset({"是", "也是", "所在", "作为", "，作为"})
SPEECH = re.compile(r"(?:说|表示|指出|强调|认为)[，,：:]")


def _reported_speech(span: str, name_end: int) -> tuple[int, str] | None:
    """What follows the first speech verb after the name, to the sentence end (plus sentences in 我)."""
    verb = SPEECH.search(span, name_end)
    if not verb or span.startswith(OPEN_QUOTE, verb.end()):
        return None
    sentences = split_sentences(span[verb.end():])
    said = "".join(sentences[:1] + list(takewhile(lambda s: s.startswith("我"), sentences[1:])))
    return (verb.end(), said) if said else None


def extract_quote(span: str, *, name_end: int = 0) -> tuple[str | None, str | None]:
    """``(quote, quote_type)``: direct quotes and reported speech, in text order, joined by " / ".
    quote_type is direct, reported or mixed.

    >>> extract_quote("华成祥说，这次疫情让90后、00后认识到身上的重担。我是一名航空一线的工作者。")
    ('这次疫情让90后、00后认识到身上的重担。我是一名航空一线的工作者。', 'reported')
    >>> extract_quote("“总书记的话说到了我的心坎儿里，”山西吕梁石楼县青年张云表示，作为一名返乡创业的青年突击队队员，要牢记总书记的嘱托。", name_end=21)
    ('总书记的话说到了我的心坎儿里 / 作为一名返乡创业的青年突击队队员，要牢记总书记的嘱托。', 'mixed')
    """
    reported = _reported_speech(span, name_end)
    direct = [(p, q) for p, q in _direct_quotes(span) if not (reported and q in reported[1])]
    parts = sorted(direct + ([reported] if reported else []))
    if not parts:
        return None, None
    kind = "mixed" if direct and reported else ("direct" if direct else "reported")
    return " / ".join(text for _, text in parts), kind


# institution suffixes for the fallback used when corpus_lib.institutions is not available
FALLBACK_INSTITUTION = re.compile(
    f"[{HAN}（）()]*?(?:大学|学院|中学|医院|公司|中心|团委|市委|区委|县委|医疗队|突击队|党支部|组织)"
    f"(?:[{HAN}]*?(?:学院|医院|团委|宣传部|学生会|团总支))?")


def _institutions_in(text: str, *, context_province=None) -> pd.DataFrame:
    """Institutions in ``text`` (name, start, end, type, province): the Institutions module if it
    is installed, else a rough suffix match with no type or province."""
    try:
        from .institutions import extract_institutions
    except ImportError:
        rows = [(m.group(), m.start(), m.end(), None, None) for m in FALLBACK_INSTITUTION.finditer(text)]
        return pd.DataFrame(rows, columns=["name", "start", "end", "type", "province"])
    return extract_institutions(text, context_province=context_province)


def _host(found: pd.DataFrame, row):
    """Follow ``parent`` up to the top body: a 团委 inside a hospital belongs to the hospital."""
    if "parent" not in found.columns:
        return row
    seen = set()
    while isinstance(row["parent"], str) and row["parent"] not in seen:
        seen.add(row["parent"])
        parents = found[found["canonical"] == row["parent"]] if "canonical" in found.columns else found[:0]
        if not len(parents):
            break
        row = parents.iloc[-1]
    return row


def _choose_institution(found: pd.DataFrame, lo: int, name_start: int, hi: int):
    """``(unit, host)``: the last institution in the description before the name, else the first
    one after it (李飞所在的复旦大学附属儿科医院), and the top body it belongs to."""
    before = found[(found["start"] >= lo) & (found["end"] <= name_start)]
    after = found[(found["start"] >= name_start) & (found["end"] <= hi)]
    unit = before.iloc[-1] if len(before) else (after.iloc[0] if len(after) else None)
    return (None, None) if unit is None else (unit, _host(found, unit))


def _province_in(text: str) -> str | None:
    """The first place in ``text`` that lies in exactly one province (辽宁90后青年志愿者 -> 辽宁)."""
    try:
        from .institutions import places
    except ImportError:
        return None
    table = places()
    for i in range(len(text)):
        for length in range(min(8, len(text) - i), 1, -1):
            provinces = table.get(text[i:i + length])
            if provinces and len(provinces) == 1:
                return next(iter(provinces))
    return None


def _groups(names, spans) -> list[list[int]]:
    """Indices of names that share a sentence (方飞燕、杨丽红 / 张笑予和…普锦旺)."""
    def sentence_of(position):
        return next(k for k, (s, e, _) in enumerate(spans) if s <= position < e or k == len(spans) - 1)
    groups: dict[int, list[int]] = {}
    for k, (start, *_rest) in enumerate(names):
        groups.setdefault(sentence_of(start), []).append(k)
    return [groups[key] for key in sorted(groups)]


def _descriptor_start(paragraph: str, names, k: int, sentence_start: int) -> int:
    start, *_ = names[k]
    if k and names[k - 1][3] == "、" and names[k - 1][1] + 1 == start:
        return _descriptor_start(paragraph, names, k - 1, sentence_start)
    floor = sentence_start
    if k and names[k - 1][0] >= sentence_start:  # 张笑予和|昆明第八中学团委书记普锦旺
        floor = names[k - 1][1] + len(names[k - 1][3])
    quote_end = paragraph.rfind(CLOSE_QUOTE, floor, start)
    return max(floor, quote_end + 1)


def paragraph_people(paragraph: str) -> list[dict]:
    """People named in one paragraph, each with descriptor, role, cohort and quote.

    >>> [p["name"] for p in paragraph_people("团沈阳市委宣传部干部温阳说，疫情发生以来，我与很多青年一起。")]
    ['温阳']
    """
    names = find_names(paragraph)
    if not names:
        return []
    spans = sentence_spans(paragraph)
    groups = _groups(names, spans)
    found = _institutions_in(paragraph)
    people = []
    for g, members in enumerate(groups):
        first_sentence = next(s for s, e, _ in spans if s <= names[members[0]][0] < e) if spans else 0
        lo = 0 if g == 0 else first_sentence
        hi = len(paragraph) if g + 1 == len(groups) else next(
            s for s, e, _ in spans if s <= names[groups[g + 1][0]][0] < e)
        span = paragraph[lo:hi]
        for k in members:
            people.append(_person(paragraph, names, k, span, lo, hi, first_sentence, found))
    return people


def _person(paragraph, names, k, span, lo, hi, sentence_start, found) -> dict:
    start, end, name, cue = names[k]
    described_from = _descriptor_start(paragraph, names, k, sentence_start)
    descriptor = paragraph[described_from:start]
    # what follows the name describes the person only after 是/所在/作为 (樊静妤是…队员)
    after = re.split("[。；！？]", paragraph[end:hi])[0] if cue in DESCRIBING_CUES else ""
    if cue in ("、", "等"):  # 陈世杰、乔瑞娟等团干表示: the role after the list
        after = re.split("[，。；！？]", paragraph[end:hi])[0].split("、")[-1]
    cohort, evidence = stated_cohort(paragraph[sentence_start:start] if not descriptor else descriptor,
                                     span)
    role = choose_role(descriptor, after, span)
    unit, host = _choose_institution(found, described_from, start, end + len(after))
    quote, quote_type = extract_quote(span, name_end=end - lo)
    province = host["province"] if host is not None and isinstance(host["province"], str) else None
    return {
        "name": name, "institution": None if unit is None else unit.get("canonical", unit["name"]),
        "institution_type": None if host is None else host["type"],
        "province": province or _province_in(descriptor + after),
        "role": role["role"] if role else None, "role_group": _role_group(role, descriptor, host),
        "cohort": cohort, "quote": quote, "quote_type": quote_type, "cohort_evidence": evidence,
        "sentence": next((s for s, e, text in sentence_spans(paragraph) if s <= start < e), None) and
        next(text for s, e, text in sentence_spans(paragraph) if s <= start < e),
    }


def _role_group(role, descriptor: str, institution) -> str | None:
    if role is None:
        return None
    league = re.search(r"(?:^|[的、，])团(?![结员队体])", descriptor) or (
        institution is not None and institution["type"] == "youth_league")
    return "团干部" if role["group"] == "干部" and league else role["group"]


def extract_people(docs) -> pd.DataFrame:
    """The people ("youth voices") table: one row per person and document.

    Columns: doc_id, name, institution, institution_type, province, role, cohort, quote, then
    role_group, quote_type (direct/reported), cohort_evidence (the words that state the cohort)
    and sentence. ``cohort`` is filled only where the text says the person belongs to it.
    """
    _check_docs(docs)
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        for paragraph in text.split("\n"):
            rows += [{"doc_id": doc_id, **person} for person in paragraph_people(paragraph)]
    table = pd.DataFrame(rows, columns=["doc_id"] + PEOPLE_COLUMNS[1:] + PEOPLE_EXTRA)
    # one row per person and document: later mentions fill what the first one left empty
    return table.groupby(["doc_id", "name"], sort=False, as_index=False).first()[table.columns]


def people_records(docs, args=None) -> pd.DataFrame:
    """For the CLI: doc_id, name, institution, institution_type, province, role, cohort, quote."""
    return extract_people(docs)[PEOPLE_COLUMNS]


# ---------------------------------------------------------------- 90后 vs 00后: what is said around them
def cohort_sentences(docs, cohort: str) -> list[str]:
    """Sentences that mention ``cohort`` (each once, in document order)."""
    wanted = normalize_cohort(cohort)
    mentions = cohort_mentions(docs)
    return list(dict.fromkeys(mentions.loc[mentions["cohort"] == wanted, "sentence"]))


def cohort_keyness(docs, target: str = "90后", reference: str = "00后", *, boilerplate: bool = False):
    """Keyness of the words in sentences that mention ``target`` against those that mention
    ``reference`` (``corpus_lib.themes.keyness``). Cohort words themselves are left out; a
    sentence naming both cohorts counts in both groups."""
    from .segment import filter_tokens, segment
    from .themes import keyness

    def tokens(cohort):
        words = [t for s in cohort_sentences(docs, cohort) for t in filter_tokens(segment(s), boilerplate=boilerplate)]
        return Counter(t for t in words if not normalize_cohort(t))
    target_tokens, reference_tokens = tokens(target), tokens(reference)
    if not target_tokens or not reference_tokens:  # one cohort is never mentioned: nothing to compare
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    return keyness(target_tokens, reference_tokens)


def plot_cohort_keyness(table: pd.DataFrame, target: str = "90后", reference: str = "00后", *, top: int = 10):
    """``themes.plot_keyness`` for sentences about two cohorts (an empty table gives a note)."""
    if table.empty:
        return _empty_figure(f"没有同时提到{target}和{reference}的句子 / no sentences for both cohorts")
    from .themes import plot_keyness

    return plot_keyness(table, top=top, target_label=f"提到{target}的句子", reference_label=f"提到{reference}的句子")


# ---------------------------------------------------------------- plots (each returns a Figure)
def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    from .style import apply_style

    apply_style()
    fig = Figure(figsize=(width, height))
    return fig, fig.subplots()


def _empty_figure(message: str):
    fig, ax = _figure(6, 1.5)
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.set_axis_off()
    return fig


def plot_cohort_counts(counts: pd.DataFrame, *, labels: dict | None = None):
    """Heatmap: documents (rows) x cohorts (columns), the count written in each cell."""
    if counts.empty or counts.columns.empty:
        return _empty_figure("未发现世代词 / no cohort mentions found")
    fig, ax = _figure(1.2 * max(len(counts.columns), 3) + 4.5, 0.45 * max(len(counts), 2) + 1.6)
    values = counts.to_numpy()
    ax.imshow(values, cmap="Reds", aspect="auto", vmin=0, vmax=max(values.max(), 1) if values.size else 1)
    ax.set_xticks(range(len(counts.columns)), list(counts.columns))
    names = [f"{d}  {labels[d]}" if labels and d in labels else d for d in counts.index]
    ax.set_yticks(range(len(counts.index)), names)
    for (row, col), value in pd.DataFrame(values).stack().items():
        ax.text(col, row, str(value) if value else "·", ha="center", va="center",
                color="white" if value > values.max() / 2 else "#333333")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title("各文档提到的世代词 / Cohort mentions per document")
    ax.set_xlabel("世代 (cohort)")
    return fig


def plot_stated_shares(stats: pd.DataFrame):
    """Horizontal bars: each stated share of a cohort (count / total, or a stated percentage)."""
    rows = stats[stats["share"].notna() & stats["cohort"].notna()].reset_index(drop=True)
    if rows.empty:
        return _empty_figure("文中没有给出世代比例 / no cohort shares stated")
    fig, ax = _figure(8, 0.7 * max(len(rows), 1) + 1.6)
    labels = [f"{r.cohort} 占 {_short(r.of)}" for r in rows.itertuples()]
    ax.barh(range(len(rows)), rows["share"], color="#c0392b")
    ax.barh(range(len(rows)), 1 - rows["share"], left=rows["share"], color="#e5e7e9")
    for k, r in enumerate(rows.itertuples()):
        number = f"约{r.value:,.0f}名" if r.kind == "count" else f"{r.value:.0%}"
        ax.text(r.share + 0.01, k, f"{r.share:.1%}（{number}{'，约数' if r.approximate else ''}）",
                va="center", fontsize=9)
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_title("文中给出的世代比例 / Cohort shares stated in the text")
    ax.set_xlabel("占比 (share of the group named)")
    return fig


def _short(text, limit: int = 18) -> str:
    text = str(text or "").strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def people_crosstab(people: pd.DataFrame, column: str) -> pd.DataFrame:
    """Counts of people by ``column`` (rows) and stated cohort (columns; 未说明 = not stated),
    rows sorted by total (descending) then name."""
    table = pd.crosstab(people[column].fillna("未知"), people["cohort"].fillna(NO_COHORT))
    order = cohort_order(c for c in table.columns if c != NO_COHORT)
    table = table.reindex(columns=order + ([NO_COHORT] if NO_COHORT in table.columns else []), fill_value=0)
    table["_total"] = table.sum(axis=1)
    table["_unknown"] = table.index == "未知"  # the unknown row goes last
    table = table.reset_index().sort_values(["_unknown", "_total", column], ascending=[True, False, True])
    return table.set_index(column).drop(columns=["_total", "_unknown"])


def plot_people_by(people: pd.DataFrame, column: str, *, title: str, labels: dict | None = None):
    """Stacked horizontal bars: people per ``column`` value, coloured by stated cohort."""
    from .style import PALETTE

    if people.empty:
        return _empty_figure("未发现人物 / no people found")
    table = people_crosstab(people, column)
    fig, ax = _figure(8, 0.34 * max(len(table), 3) + 1.8)
    left = pd.Series(0, index=table.index)
    colours = dict(zip(cohort_order(["80后", "85后", "90后", "95后", "00后", "05后", "10后"]),
                       [PALETTE[6], PALETTE[5], PALETTE[0], PALETTE[2], PALETTE[1], PALETTE[3], PALETTE[4]]))
    positions = range(len(table))
    for cohort in table.columns:
        label = "未说明 (not stated)" if cohort == NO_COHORT else cohort
        ax.barh(positions, table[cohort], left=left, label=label, color=colours.get(cohort, "#d5d8dc"))
        left = left + table[cohort]
    labels = {"未知": "未知", **(labels or {})}
    names = [f"{labels[v]} ({v})" if v in labels and labels[v] != v else v for v in table.index]
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("人数 (people)")
    ax.set_title(title)
    ax.legend(title="自述世代 (stated cohort)", loc="lower right", frameon=False)
    return fig
