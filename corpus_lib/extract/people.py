"""People ("youth voices"): who a text names, with their institution, role, stated cohort and quote.

One row per person and document (columns: the ``people`` table of ``corpus_lib.schema``). The
institutions come from the institutions table (``institutions.institution_mentions``), so notebooks 03
and 04 always agree; pass it in as ``extract_people(docs, institutions=mentions)`` to reuse it.

>>> import corpus_lib as cl
>>> from corpus_lib import people
>>> table = people.extract_people(cl.load_corpus())
>>> table.query("name == '孙铭泽'")[["doc_id", "cohort"]].values.tolist()
[['d02', '95后']]

Editable knowledge: ``data/cohort_roles.csv`` (roles), ``data/cohort_name_cues.csv`` (what comes
before/after a name) and ``data/cohort_surnames.txt``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile
from typing import NamedTuple

import pandas as pd

from .. import schema
from ..cache import doccache
from ..lexicons.dictionary import dictionary_entry
from ..lexicons.institution_words import body_endings
from ..lexicons.names import (
    HAN,
    name_cues,
    press_roles,
    roles,
    surnames,
    titles_after_name,
)
from ..lexicons.places import places
from ..preprocessing.clean import sentence_at, sentence_spans, split_sentences
from ..preprocessing.script import in_original
from .bylines import find_credits
from .cohorts import (
    CLOSE_QUOTE,
    OPEN_QUOTE,
    cohort_order,
    find_cohorts,
)
from .institutions import institution_mentions
from .person_cohorts import (
    age_of,
    cohort_after,
    cohort_before,
    cohort_said,
    referred_cohorts,
)
from .person_features import PERSON_WORD_ENDINGS
from .person_finder import find_person_mentions
from .spans import Mention

NO_COHORT = "未说明"


def _role_hits(text: str) -> list[dict[str, str]]:
    rows, pattern = roles()
    return [rows[m.group()] for m in pattern.finditer(text) if rows[m.group()]["role"]]


# Titles after a name that are forms of address, not roles (张华先生, 李明同志); the others are the person's role
# (习某某总书记, 戴某局长, 何某会长), a row of cohort_roles.csv when it has one.
FORMS_OF_ADDRESS = frozenset({"先生", "女士", "小姐", "同志", "阿姨", "大姐", "师傅", "同学"})
TITLE_GROUPS = {"总书记": "领导干部", "总理": "领导干部"}


def title_role(paragraph: str, end: int) -> dict[str, str] | None:
    """The role a title written right after the name gives (习某某总书记, 经济局戴某局长), or None.

    >>> title_role("澳门工商联会何敬麟会长提及", 9)["role"], title_role("张华先生说", 2)
    ('会长', None)
    """
    title = next((t for t in titles_after_name() if paragraph.startswith(t, end)), None)
    if title is None or title in FORMS_OF_ADDRESS:
        return None
    row = roles()[0].get(title)
    if row and row["role"]:
        return row
    return {"surface": title, "role": title, "group": TITLE_GROUPS.get(title, "其他"), "weak": ""}


# A word of the dictionary that ends like a word for a kind of person (工作者, 设计师, 主播 …: person_features'
# PERSON_WORD_ENDINGS), right before the name, is the person's role when no listed role is there.
KIND_OF_PERSON = re.compile(f"[{HAN}]{{1,3}}[{PERSON_WORD_ENDINGS}]")
NOT_KINDS = frozenset({"国家", "大家", "人家", "自家", "老家", "东家", "管家", "本人", "他人", "别人", "众人", "个人",
                       "家人", "亲人", "熟人", "主人", "客人", "年轻人", "先生", "学生"})


def kind_of_person(descriptor: str) -> dict[str, str] | None:
    """A dictionary word for a kind of person written right before the name (湖南基层工作者|某某 -> 工作者, 调音师|
    某某), as a role row; not a place's people (湖南人), a word such as 国家 or 大家, nor a press credit (记者: a byline).

    >>> kind_of_person("1992年出生的湖南基层工作者")["role"], kind_of_person("湖南人"), kind_of_person("国家")
    ('工作者', None, None)
    """
    for size in (4, 3, 2):
        word = descriptor[-size:]
        entry = len(word) == size and KIND_OF_PERSON.fullmatch(word) and dictionary_entry(word)
        if entry and entry[1].startswith("n") and entry[1] not in ("nr", "ns", "nt") and word not in NOT_KINDS \
                and word not in press_roles() and not (word.endswith("人") and word[:-1] in places()):
            return {"surface": word, "role": word, "group": "其他", "weak": ""}
    return None


def choose_role(descriptor: str, after: str, span: str) -> dict[str, str] | None:
    """The person's role row: the last strong role in ``descriptor`` (the words before the name), else the first
    in ``after`` (樊静妤是…青年突击队队员), else one they give themselves in ``span`` (作为一名…医学生), else a weak one.

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
        if char in "“「":  # 「」: the quotation marks of Hong Kong and Taiwan texts
            depth, start = depth + 1, (i if depth == 0 else start)
        elif char in "”」" and depth:
            depth -= 1
            inner = span[start + 1:i].strip().rstrip("，,")
            if depth == 0 and len(inner) >= 8 and (start == 0 or span[start - 1] in "：:，,。！？\n"):
                quotes.append((start, inner))
    return quotes


SUBJECT_IS = re.compile(r"[，,](?:也|还|则|就)?是(?:一名|一位|一个|个)?")  # …，是一名护士: what the subject is
DESCRIBING_CUES = frozenset({"是", "也是", "所在", "作为", "，作为", "，", "（"})  # a lead: 陈晨，24岁，…护士 / 许某（…护士）


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


def _host(found: list[dict], row: dict) -> dict:
    """Follow ``parent`` up to the top body: a 团委 inside a hospital belongs to the hospital."""
    seen = set()
    while isinstance(row["parent"], str) and row["parent"] not in seen:
        seen.add(row["parent"])
        parents = [other for other in found if other["canonical"] == row["parent"]]
        if not parents:
            break
        row = parents[-1]
    return row


def _choose_institution(found: list[dict], lo: int, name_start: int, hi: int):
    """``(unit, host)``: the last institution in the description before the name, else the first
    one after it (李飞所在的复旦大学附属儿科医院), and the top body it belongs to. ``found``: the
    paragraph's mentions as dicts (a handful; plain lists cost less than a table per paragraph)."""
    before = [row for row in found if row["start"] >= lo and row["end"] <= name_start]
    after = [row for row in found if row["start"] >= name_start and row["end"] <= hi]
    unit = before[-1] if before else (after[0] if after else None)
    return (None, None) if unit is None else (unit, _host(found, unit))


def _province_in(text: str) -> str | None:
    """The first place in ``text`` that lies in exactly one province (辽宁90后青年志愿者 -> 辽宁)."""
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
    for k, named in enumerate(names):
        start = named.start
        groups.setdefault(sentence_of(start), []).append(k)
    return [groups[key] for key in sorted(groups)]


def _descriptor_start(paragraph: str, names, k: int, sentence_start: int, *, after_quote: bool = True) -> int:
    """Where the words describing name ``k`` begin: its sentence, after the previous name in it (a list joined
    by 、 shares its description), and (``after_quote``) after a closing quote (“…”樊静妤说)."""
    start = names[k].start
    if k and names[k - 1].cue == "、" and names[k - 1].end + 1 == start:
        return _descriptor_start(paragraph, names, k - 1, sentence_start, after_quote=after_quote)
    floor = sentence_start
    if k and names[k - 1].start >= sentence_start:  # 张笑予和|昆明第八中学团委书记普锦旺
        floor = names[k - 1].end + len(names[k - 1].cue)
    quote_end = paragraph.rfind(CLOSE_QUOTE, floor, start) if after_quote else -1
    return max(floor, quote_end + 1)


# ---------------------------------------------------------------- bylines, leads and pronouns

def _bare_person(name: str, sentence: str, **known) -> dict:
    """A people row that knows only ``name``, ``sentence`` and ``known`` (role, cohort …); the rest is None.
    Rows of one person are merged later (``extract_people`` keeps the first value of each column)."""
    return {column: None for column in schema.columns("people") if column != "doc_id"} | \
        {"name": name, "sentence": sentence, **known}


def _press_row(paragraph: str, spans, credit: dict) -> dict:
    return _bare_person(credit["name"], sentence_at(spans, credit["start"]), role=credit["role"], role_group="记者",
                        evidence=f"credit {credit['credit']}")


def _right_cue(text: str, end: int) -> str | None:
    return next((cue for cue in name_cues()[1] if text.startswith(cue, end)), None)


def _cue_after(paragraph: str, end: int) -> str:
    """The cue right after a name: a word of ``cohort_name_cues.csv`` (说, 是, 等 …), else a comma, 、 or an
    opening bracket (a lead: 周某，…医院医师，90后共产党员 / 许某（…护士）), else ''."""
    return _right_cue(paragraph, end) or (paragraph[end] if paragraph[end:end + 1] in ("，", "、", "（", "：") else "")


class Named(NamedTuple):
    """A person mention in a paragraph: offsets, the name, the cue right after it (说, 、, 等 …) and why it is a name."""
    start: int
    end: int
    name: str
    cue: str
    evidence: str


def _evidence(mention: Mention) -> str:
    """``scored 0.94: left:role +0.9; right:speech +0.7`` or ``dotted``: how the finder decided."""
    if mention.rule == "scored":
        return f"scored {mention.score:.2f}: " + "; ".join(mention.evidence)
    return mention.rule


def paragraph_people(paragraph: str, institutions: pd.DataFrame, found: list[Mention] | None = None,
                     press: list[dict] | None = None) -> list[dict]:
    """People named in one paragraph, each with descriptor, role, cohort and quote. ``institutions``
    holds the paragraph's institution mentions (``name, canonical, start, end, type, province, parent``,
    offsets into the paragraph), as a table or a list of dicts; ``found`` the paragraph's person mentions and
    ``press`` its credited press people (``bylines.find_credits``), offsets into the paragraph (found in the
    paragraph alone when not given).

    >>> from corpus_lib.extract.institutions import extract_institutions
    >>> text = "团沈阳市委宣传部干部温阳说，疫情发生以来，我与很多青年一起。"
    >>> [(p["name"], p["institution"]) for p in paragraph_people(text, extract_institutions(text))]
    [('温阳', '共青团沈阳市委员会宣传部')]
    """
    if isinstance(institutions, pd.DataFrame):
        institutions = institutions.to_dict("records")
    if found is None:
        found = find_person_mentions(paragraph)
    if press is None:
        press = find_credits(paragraph)
    spans = sentence_spans(paragraph)
    names = [Named(m.start, m.end, m.text, _cue_after(paragraph, m.end), _evidence(m)) for m in found
             if not any(c["start"] < m.end and m.start < c["end"] for c in press)]
    rows = [_press_row(paragraph, spans, c) for c in press]
    if not names:
        return rows
    groups = _groups(names, spans)
    people = []
    for g, members in enumerate(groups):
        first_sentence = next(s for s, e, _ in spans if s <= names[members[0]].start < e) if spans else 0
        lo = 0 if g == 0 else first_sentence
        hi = len(paragraph) if g + 1 == len(groups) else next(
            s for s, e, _ in spans if s <= names[groups[g + 1][0]].start < e)
        for k in members:
            people.append(_person(paragraph, names, k, (lo, hi, first_sentence), spans, institutions))
    return rows + people


def _person(paragraph, names, k, bounds, spans, found) -> dict:
    """One person's row; ``bounds`` = (start and end of what is said of them, start of their sentence)."""
    lo, hi, sentence_start = bounds
    span = paragraph[lo:hi]
    start, end, name, cue, _ = names[k]
    described_from = _descriptor_start(paragraph, names, k, sentence_start)
    descriptor = paragraph[described_from:start]
    # what follows the name describes the person only after 是/所在/作为 (樊静妤是…队员)
    after = re.split("[。；！？]", paragraph[end:hi])[0] if cue in DESCRIBING_CUES else ""
    if not cue and paragraph[end:end + 1] in (" ", "\u3000") and not paragraph[:start].strip():
        after = re.split("[。；！？]", paragraph[end:hi])[0]  # a line that opens with the name: 刘某 某某大学大一学生
    if not after and not paragraph[sentence_start:start].strip():  # 李某今年24岁，是一名护士: the sentence's subject
        rest = re.split("[。；！？]", paragraph[end:hi])[0]
        said = SUBJECT_IS.search(rest)
        if said and not any(end < other.start < end + said.start() for other in names):
            after = rest[said.end():]
    if cue in ("、", "等"):  # 陈世杰、乔瑞娟等团干表示: the role after the list
        after = re.split("[，。；！？]", paragraph[end:hi])[0].split("、")[-1]
    joined = k + 1 < len(names) and cue in ("和", "与", "及", "、") and names[k + 1].start == end + len(cue)
    if joined and names[k + 1].cue in DESCRIBING_CUES:  # 简宁和柳依，…医院的护士: the pair shares what follows
        after = re.split("[。；！？]", paragraph[names[k + 1].end:hi])[0]
    cohort, evidence = cohort_before(paragraph, start, _descriptor_start(paragraph, names, k, sentence_start,
                                                                         after_quote=False))
    if cohort is None:
        cohort, evidence = cohort_after(paragraph, end)
    if cohort is None and cue == "，" and find_cohorts(after):  # 周子航，…医院医师，90后共产党员
        cohort, evidence = find_cohorts(after)[0][3], after
    if cohort is None:
        cohort, evidence = cohort_said(span)
    age = age_of(paragraph, start, end, _descriptor_start(paragraph, names, k, sentence_start, after_quote=False))
    clause = re.split("[，,；;]", descriptor)[-1]  # a role in an earlier clause is someone else's (学生代表，…，以某某)
    role = title_role(paragraph, end) or choose_role(clause, after, sentence_at(spans, start)) or kind_of_person(clause)
    head = _list_head(names, k)
    if role is None and head != k:  # 市领导吴清、翁祖亮、周慧琳出席: the list shares the role before its first name
        role = choose_role(paragraph[_descriptor_start(paragraph, names, head, sentence_start):names[head].start], "", "")
    unit, host = _choose_institution(found, described_from, start, end + len(after))
    quote, quote_type = extract_quote(span, name_end=end - lo)
    province = host["province"] if host is not None and isinstance(host["province"], str) else None
    return {
        "name": name, "institution": None if unit is None else unit["canonical"],
        "institution_type": None if host is None else host["type"],
        "province": province or _province_in(descriptor + after),
        "role": role["role"] if role else None, "role_group": _role_group(role, descriptor, host),
        "cohort": cohort, "quote": quote, "quote_type": quote_type, "cohort_evidence": evidence,
        "sentence": sentence_at(spans, start), "age": age, "evidence": names[k].evidence,
    }


def _list_head(names: list[Named], k: int) -> int:
    """The first name of the list that name ``k`` stands in (names joined by 、 or 和), else ``k``."""
    while k > 0 and names[k - 1].cue in ("、", "和", "与", "及") and names[k].start == names[k - 1].end + len(names[k - 1].cue):
        k -= 1
    return k


def _role_group(role, descriptor: str, institution) -> str | None:
    if role is None:
        return None
    league = re.search(r"(?:^|[的、，])团(?![结员队体])", descriptor) or (
        institution is not None and institution["type"] == "youth_league")
    return "团干部" if role["group"] == "干部" and league else role["group"]


def _paragraphs(text: str):
    """``(offset, paragraph)`` for every line of a document text."""
    offset = 0
    for paragraph in text.split("\n"):
        yield offset, paragraph
        offset += len(paragraph) + 1


def extract_people(docs: pd.DataFrame, *, institutions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The people ("youth voices") table: one row per person and document.

    Columns: the ``people`` table of ``corpus_lib.schema``. ``cohort`` is filled only where the text
    says the person belongs to it (also through 像她这样的90后 / 她和另一名90后 …). Journalists,
    photographers, correspondents and editors named in bylines get a press role (记者, 摄影, 通讯员, 编辑,
    实习生) and role_group 记者, never a quote. A traditional-character document is read through its
    simplified view: names and roles come out simplified, quotes as written.
    ``institutions`` is ``institutions.institution_mentions(docs)``
    (computed when not given): a person's institution is one of its rows.
    """
    schema.require_docs(docs)
    mentions = institution_mentions(docs) if institutions is None else institutions
    by_doc: dict[str, list[tuple]] = {}
    for doc_id, *mention in mentions[schema.columns("institution_mentions")].itertuples(index=False, name=None):
        by_doc.setdefault(doc_id, []).append(tuple(mention))
    originals = docs["original_text"] if "original_text" in docs else docs["text"]
    issuers = docs["issuer"] if "issuer" in docs else [None] * len(docs)
    found = doccache.cached_per_document("people", _document_people, docs["text"],
                                         [tuple(by_doc.get(doc_id, ())) for doc_id in docs["doc_id"]],
                                         [o if o != t else "" for o, t in zip(originals, docs["text"])],
                                         [i if isinstance(i, str) else "" for i in issuers])
    rows = [{"doc_id": doc_id, **person} for doc_id, people in zip(docs["doc_id"], found) for person in people]
    table = pd.DataFrame(rows, columns=schema.columns("people"))
    table["age"] = table["age"].astype("Int64")
    # one row per person and document: later mentions fill what the first one left empty
    return table.groupby(["doc_id", "name"], sort=False, as_index=False).first()[table.columns]


def _document_people(text: str, mentions: tuple[tuple, ...], original: str = "", issuer: str = "") -> list[dict]:
    """The people of one document, given its institution mentions (rows without doc_id) and its issuer (the
    documents table's: a signature or the name under a title, which names a person when it is one). ``text`` is
    the simplified view; ``original`` the text as written when it differs (traditional characters): names,
    roles and institutions are reported simplified, quotes as written."""
    people = _simplified_people(text, mentions) + _issuer_person(issuer, text)
    if original:
        for person in people:
            if person["quote"]:
                person["quote"] = " / ".join(in_original(part, text, original) for part in person["quote"].split(" / "))
    return people


PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,6}[·•][\u4e00-\u9fff]{2,10}")


def _issuer_person(issuer: str, text: str) -> list[dict]:
    """The document's issuer as a person when it is one: a name of two to four characters with a surname,
    not an organisation (the header already told them apart) — a letter's or a speech's author."""
    singles, compounds = surnames()
    if not PERSON_NAME.fullmatch(issuer or "") or not (issuer[0] in singles or issuer.startswith(compounds)) \
            or issuer[-2:] in body_endings():
        return []  # 余杭政协 is a body
    at = text.rfind(issuer)
    return [_bare_person(issuer, sentence_at(sentence_spans(text), at) if at >= 0 else issuer, evidence="issuer")]


def _simplified_people(text: str, mentions: tuple[tuple, ...]) -> list[dict]:
    columns = schema.columns("institution_mentions")[1:]
    rows = [dict(zip(columns, row)) for row in mentions]
    found = find_person_mentions(text)  # once per document: a name's other occurrences are evidence
    found = [m for m in found if not _inside_body(m, rows)]
    credits = find_credits(text)
    people = []
    for offset, paragraph in _paragraphs(text):  # the paragraph's mentions, offsets into the paragraph
        end = offset + len(paragraph)
        inside = [row | {"start": row["start"] - offset, "end": row["end"] - offset} for row in rows
                  if row["start"] >= offset and row["end"] <= end]
        names = [replace(m, start=m.start - offset, end=m.end - offset) for m in found
                 if m.start >= offset and m.end <= end]
        press = [c | {"start": c["start"] - offset, "end": c["end"] - offset} for c in credits
                 if c["start"] >= offset and c["end"] <= end]
        people += paragraph_people(paragraph, inside, names, press)
    voices = {p["name"] for p in people if p["role_group"] != "记者"}
    named = [(m.start, m.end, m.text) for m in found if m.text in voices]
    referred = [_bare_person(name, sentence_at(sentence_spans(text), text.find(name)), cohort=cohort,
                             cohort_evidence=evidence) for name, cohort, evidence in referred_cohorts(text, named)]
    return people + referred


def _inside_body(mention, bodies: list[dict]) -> bool:
    """A name written inside a body's name after its first character (中山|康天晟|合生物技术有限公司) is part of that
    name, not a person the text speaks of."""
    return any(body["start"] < mention.start and mention.end <= body["end"] for body in bodies)


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
