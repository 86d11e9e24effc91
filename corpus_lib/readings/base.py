"""Generated readings: a short paragraph per notebook section, computed only from that section's table.

Each ``read_*`` function takes the table a section shows (columns in ``corpus_lib.schema``) and returns
a ``Reading``: Chinese first, then English, displayed as Markdown in a notebook and stored as the same
text, so nbval checks it. The wording is descriptive on purpose: 提到 / mentions, never 强调 /
emphasises; no causes; a share is never taken of zero documents; "significant" only where a p-value is
below 0.05; a small sample (fewer than 3 documents, fewer than 5 sentences) is flagged.

>>> import pandas as pd
>>> counts = pd.DataFrame({"90后": [2, 39, 0], "00后": [0, 19, 0]}, index=["d01", "d02", "d03"])
>>> print(read_cohort_counts(counts).zh)
世代词出现在 2/3 篇文档中，共 60 次；最多的是 90后（41 次，占 68%），其次是 00后（19 次，占 32%）。

The ``choose_*`` functions give notebook parameters a default that fits the corpus they run on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from .labels import GENRE_ZH, LEVEL_LABELS, TYPE_LABELS

SMALL_DOCS = 3
SMALL_SENTENCES = 5
MAX_LISTED = 8      # values a reading lists before it says "the table has the rest"
ALPHA = 0.05
# Words the toolkit is about: the concordance starts with the first one the corpus uses.
FOCUS_TERMS = ("青年", "团员", "大学生", "学生", "志愿者", "90后", "00后")


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


# ---------------------------------------------------------------- 00 overview

def read_documents(docs: pd.DataFrame) -> Reading:
    """Documents by genre, and where their dates come from."""
    n = len(docs)
    genres = docs["genre"].value_counts()
    zh_genres = _join_zh(f"{GENRE_ZH.get(g, g)} {c} 篇" for g, c in genres.items())
    en_genres = _join_en(f"{c} {g}" for g, c in genres.items())
    sources = docs["date_source"].value_counts()
    explicit, inferred, none = (int(sources.get(k, 0)) for k in ("explicit", "inferred", "none"))
    generated = int((docs.get("title_source", pd.Series(dtype=object)) == "generated").sum())
    small_zh, small_en = _small(n)
    zh = (f"语料共 {n} 篇文档：{zh_genres}。日期：{explicit} 篇文中写明，{inferred} 篇按规则推断，{none} 篇没有日期"
          + (f"；{generated} 篇没有标题行，标题为自动生成" if generated else "") + f"。{small_zh}")
    en = (f"The corpus has {n} documents: {en_genres}. Dates: {explicit} stated in the text, {inferred} inferred by a "
          f"rule, {none} undated" + (f"; {generated} have no title line and get a generated one" if generated else "")
          + f".{small_en}")
    return Reading(zh, en)


def read_timeline(docs: pd.DataFrame) -> Reading:
    """The span of the document dates."""
    dated = docs.dropna(subset=["date"]).sort_values(["date", "doc_id"])
    undated = len(docs) - len(dated)
    if dated.empty:
        return Reading("没有一篇文档有日期，因此没有时间线。", "No document has a date, so there is no timeline.")
    first, last = dated.iloc[0], dated.iloc[-1]
    days = (last["date"] - first["date"]).days
    zh = (f"{len(dated)} 篇有日期的文档从 {_zh_day(first['date'])}（{first['doc_id']}）到 {_zh_day(last['date'])}"
          f"（{last['doc_id']}），跨 {days} 天" + (f"；另有 {undated} 篇没有日期" if undated else "") + "。")
    en = (f"The {len(dated)} dated documents run from {first['date']:%Y-%m-%d} ({first['doc_id']}) to "
          f"{last['date']:%Y-%m-%d} ({last['doc_id']}), {days} days" + (f"; {undated} more are undated" if undated else "")
          + ".")
    return Reading(zh, en)


def read_lengths(docs: pd.DataFrame) -> Reading:
    """The longest and shortest documents and their share of all characters."""
    total = int(docs["n_chars"].sum())
    ordered = docs.sort_values(["n_chars", "doc_id"], ascending=[False, True])
    longest, shortest = ordered.iloc[0], ordered.iloc[-1]
    zh = (f"全语料 {_n(total)} 字。最长的是 {longest['doc_id']}（{_n(longest['n_chars'])} 字，占 "
          f"{_pct(longest['n_chars'], total)}），最短的是 {shortest['doc_id']}（{_n(shortest['n_chars'])} 字）。")
    en = (f"The corpus has {_n(total)} characters. The longest document is {longest['doc_id']} "
          f"({_n(longest['n_chars'])}, {_pct(longest['n_chars'], total)} of the corpus); the shortest is "
          f"{shortest['doc_id']} ({_n(shortest['n_chars'])}).")
    if len(docs) == 1:
        zh, en = f"全语料只有 1 篇文档，{_n(total)} 字。", f"The corpus is one document of {_n(total)} characters."
    return Reading(zh, en)


def read_vocabulary(vocabulary: pd.DataFrame) -> Reading:
    """The range of the type-token ratio, with the document sizes it comes from."""
    rows = vocabulary[vocabulary["terms"] > 0].sort_values(["type_token_ratio", "doc_id"], ascending=[False, True])
    if rows.empty:
        return Reading("没有可统计的词。", "There are no terms to count.")
    high, low = rows.iloc[0], rows.iloc[-1]
    zh = (f"词种/词次比最高的是 {high['doc_id']}（{high['type_token_ratio']:.2f}，{_n(high['terms'])} 个词次），"
          f"最低的是 {low['doc_id']}（{low['type_token_ratio']:.2f}，{_n(low['terms'])} 个词次）。"
          "这个比值随篇幅变化，只宜在篇幅相近的文档之间比较。")
    en = (f"The type-token ratio is highest in {high['doc_id']} ({high['type_token_ratio']:.2f}, {_n(high['terms'])} "
          f"terms) and lowest in {low['doc_id']} ({low['type_token_ratio']:.2f}, {_n(low['terms'])} terms). The ratio "
          "depends on length, so compare it only between documents of similar length.")
    return Reading(zh, en)


def read_top_terms(before: pd.DataFrame, after: pd.DataFrame) -> Reading:
    """The leading terms before and after stop words are removed."""
    if after.empty:
        return Reading("去掉停用词后没有剩下任何词。", "No term is left after removing stop words.")
    zh_before, en_before = _terms(before, 3)
    zh_after, en_after = _terms(after, 5)
    return Reading(f"去停用词前，最常见的是 {zh_before}；去掉之后，最常见的是 {zh_after}。",
                   f"Before stop words the most frequent terms are {en_before}; after, {en_after}.")


# ---------------------------------------------------------------- 01 themes

def read_term_counts(counts: pd.DataFrame) -> Reading:
    """The most frequent terms of the corpus (a ``term_counts(by="all")`` table)."""
    if counts.empty:
        return Reading("没有统计到任何词。", "No terms were counted.")
    zh, en = _terms(counts, 5)
    total = int(counts["count"].sum())
    return Reading(f"全语料去掉停用词后共 {_n(total)} 个词次，出现最多的 5 个词是 {zh}。",
                   f"After stop words the corpus has {_n(total)} term tokens; the five most frequent are {en}.")


def read_keywords(keywords: pd.DataFrame, *, per_document: int = 3, documents: int = 6,
                  grouped: bool = False) -> Reading:
    """Each document's (or, ``grouped``, each group's) first TF-IDF keywords (at most ``documents`` listed)."""
    if keywords.empty:
        return Reading("没有关键词。", "There are no keywords.")
    unit_zh, unit_en, each_zh, each_en = (("组", "groups", "各组", "group") if grouped
                                          else ("篇", "documents", "各文档", "document"))
    doc_ids = list(dict.fromkeys(keywords["doc_id"]))
    firsts = {d: keywords[keywords["doc_id"] == d].sort_values("rank")["term"].head(per_document).tolist()
              for d in doc_ids[:documents]}
    zh = "；".join(f"{d}：{_join_zh(t)}" for d, t in firsts.items())
    en = "; ".join(f"{d}: {_join_en(t)}" for d, t in firsts.items())
    more_zh = f"（共 {len(doc_ids)} {unit_zh}，其余见表）" if len(doc_ids) > documents else ""
    more_en = f" ({len(doc_ids)} {unit_en} in all; the table has the rest)" if len(doc_ids) > documents else ""
    return Reading(f"{each_zh} TF-IDF 最高的词 — {zh}。{more_zh}",
                   f"Top TF-IDF keywords per {each_en} — {en}.{more_en}")


def read_keyness(table: pd.DataFrame, *, target: str, reference: str, comparison: tuple[str, str] | None = None,
                 documents: tuple[int, int] | None = None) -> Reading:
    """Which terms the target group uses more than the reference, and how many differences reach p < 0.05.
    ``comparison`` is the (Chinese, English) sentence that says what is compared; ``documents`` the number
    of documents in each group (a group of fewer than 3 is flagged)."""
    reading = _keyness(table, target=target, reference=reference, comparison=comparison)
    if documents and min(documents) < SMALL_DOCS:
        return Reading(reading.zh + f"（样本很小：两组分别只有 {documents[0]} 篇和 {documents[1]} 篇文档。）",
                       reading.en + f" (Small sample: {documents[0]} and {documents[1]} documents.)")
    return reading


def group_sizes(docs: pd.DataFrame, choice: KeynessChoice) -> tuple[int, int]:
    """How many documents each group of a keyness comparison holds."""
    target = docs[choice.column].isin(choice.target)
    reference = ~target if choice.reference is None else docs[choice.column].isin(choice.reference)
    return int(target.sum()), int(reference.sum())


def _keyness(table: pd.DataFrame, *, target: str, reference: str, comparison) -> Reading:
    intro_zh, intro_en = comparison or (f"比较{target}与{reference}。", f"Comparing {target} with {reference}.")
    if table.empty:
        return Reading(f"{intro_zh}无法比较：至少一组没有词。", f"{intro_en} No comparison: a group has no terms.")
    significant = table[table["p_value"] < ALPHA]
    ahead = significant[significant["g2"] > 0].head(5)["term"].tolist()
    behind = significant[significant["g2"] < 0].sort_values(["g2", "term"]).head(5)["term"].tolist()
    if significant.empty:
        top_zh = _join_zh(table[table["g2"] > 0].head(5)["term"])
        return Reading(f"{intro_zh}没有一个词的差异达到 p < 0.05；相对频率偏向目标组的前几个词是 {top_zh or '（无）'}，只能看作方向。",
                       f"{intro_en} No difference reaches p < 0.05; the terms leaning towards the target "
                       f"({_join_en(table[table['g2'] > 0].head(5)['term']) or 'none'}) show a direction only.")
    n_ahead, n_behind = int((significant["g2"] > 0).sum()), int((significant["g2"] < 0).sum())
    zh = (f"{intro_zh}{len(significant)} 个词的差异达到 p < 0.05：{n_ahead} 个在{target}中相对更多"
          + (f"（如 {_join_zh(ahead)}）" if ahead else "") + f"，{n_behind} 个在{reference}中相对更多"
          + (f"（如 {_join_zh(behind)}）" if behind else "") + "。")
    en = (f"{intro_en} {len(significant)} terms differ at p < 0.05: {n_ahead} are relatively more frequent in {target}"
          + (f" ({_join_en(ahead)})" if ahead else "") + f", {n_behind} in {reference}"
          + (f" ({_join_en(behind)})" if behind else "") + ".")
    return Reading(zh, en)


def read_collocations(table: pd.DataFrame, *, min_freq: int = 3) -> Reading:
    """The strongest collocations with their counts."""
    if table.empty:
        return Reading(f"没有出现 {min_freq} 次以上的搭配。", f"No word pair occurs {min_freq} times or more.")
    rows = list(table.head(3)[["collocation", "count"]].itertuples(index=False))
    return Reading("得分最高的搭配是 " + _join_zh(f"“{c}”（{_n(n)} 次）" for c, n in rows) + "。",
                   "The highest-scoring pairs are " + _join_en(f"“{c}” ({_n(n)}×)" for c, n in rows) + ".")


def read_kwic(concordance: pd.DataFrame, keyword: str, *, n_documents: int) -> Reading:
    """How often the keyword occurs and in how many documents."""
    if concordance.empty:
        return Reading(f"语料中没有出现“{keyword}”。", f"“{keyword}” does not occur in the corpus.")
    per_doc = concordance.groupby("doc_id").size().sort_values(ascending=False, kind="stable")
    top, count = per_doc.index[0], int(per_doc.iloc[0])
    zh = (f"“{keyword}”共出现 {_n(len(concordance))} 次，分布在 {len(per_doc)}/{n_documents} 篇文档中；"
          f"最多的是 {top}（{_n(count)} 次，占 {_pct(count, len(concordance))}）。")
    en = (f"“{keyword}” occurs {_n(len(concordance))} times in {len(per_doc)} of {n_documents} documents; most in "
          f"{top} ({_n(count)}, {_pct(count, len(concordance))}).")
    return Reading(zh, en)


def read_theme_shares(shares: pd.DataFrame) -> Reading:
    """Theme-lexicon hits over the whole corpus, and documents without any."""
    total = int(shares["count"].sum())
    if total == 0:
        return Reading("语料中没有出现主题词典里的词，无法给出主题构成。",
                       "No theme-lexicon term occurs in the corpus, so there are no theme shares.")
    by_theme = shares.groupby("category", sort=False)["count"].sum().sort_values(ascending=False, kind="stable")
    leading = [(c, int(n)) for c, n in by_theme.head(3).items() if n > 0]
    per_doc = shares.groupby("doc_id")["count"].sum()
    without = int((per_doc == 0).sum())
    zh = (f"全语料共 {_n(total)} 次主题词命中，最多的类别是 "
          + _join_zh(f"{c}（{_n(n)} 次，占 {_pct(n, total)}）" for c, n in leading)
          + (f"；{without} 篇文档没有命中任何主题词" if without else "") + "。")
    en = (f"The corpus has {_n(total)} theme-lexicon hits; the leading themes are "
          + _join_en(f"{c} ({_n(n)}, {_pct(n, total)})" for c, n in leading)
          + (f"; {without} documents have no hit" if without else "") + ".")
    return Reading(zh, en)


def read_boilerplate(with_boilerplate: pd.DataFrame, without: pd.DataFrame, *, top: int = 10) -> Reading:
    """Which of the top terms the boilerplate list removes, and which terms take their place."""
    before = with_boilerplate.head(top)["term"].tolist()
    after = without.head(top)["term"].tolist()
    removed, added = [t for t in before if t not in after], [t for t in after if t not in before]
    if not removed:
        return Reading(f"前 {top} 个高频词里没有套话，去掉套话表前后相同。",
                       f"None of the top {top} terms is boilerplate; the two clouds lead with the same terms.")
    return Reading(f"去掉套话后，前 {top} 个高频词中的 {_join_zh(removed)} 不再出现，{_join_zh(added) or '（无）'} 进入前 {top}。",
                   f"Removing boilerplate drops {_join_en(removed)} from the top {top}; {_join_en(added) or 'nothing'} "
                   f"comes in.")


def read_cooccurrence(edges: pd.DataFrame, *, excluded=()) -> Reading:
    """The number of links and the strongest pairs."""
    if edges.empty:
        return Reading("没有在两句以上共同出现的词对。", "No pair of terms shares two or more sentences.")
    rows = list(edges.head(3)[["source", "target", "weight"]].itertuples(index=False))
    note_zh = f"（不含几乎与一切共现的 {_join_zh(excluded)}）" if excluded else ""
    note_en = f" (leaving out the hub terms {_join_en(excluded)})" if excluded else ""
    return Reading(f"网络有 {len(edges)} 条连线{note_zh}；共现句数最多的是 "
                   + _join_zh(f"{s}—{t}（{w} 句）" for s, t, w in rows) + "。",
                   f"The network has {len(edges)} links{note_en}; the pairs sharing most sentences are "
                   + _join_en(f"{s}–{t} ({w})" for s, t, w in rows) + ".")


# ---------------------------------------------------------------- 02 dates

def read_date_mentions(mentions: pd.DataFrame, *, n_documents: int) -> Reading:
    """How many date expressions, of which kinds, and whether any weekday disagrees."""
    if mentions.empty:
        return Reading("文中没有找到任何日期表述。", "The texts state no dates.")
    in_docs = mentions["doc_id"].nunique()
    days = mentions[mentions["granularity"] == "day"]
    datelines = int((mentions["role"] == "dateline").sum())
    mismatches = int(mentions["weekday_mismatch"].sum())
    zh = (f"共找到 {_n(len(mentions))} 处日期表述，分布在 {in_docs}/{n_documents} 篇文档中；其中 {len(days)} 处精确到日，"
          f"{datelines} 处是单独成行的日期（落款或题下日期）。"
          + (f"{mismatches} 处括号中的星期与日期不符，已标出、未改动。" if mismatches else "没有星期与日期不符的情况。"))
    en = (f"{_n(len(mentions))} date expressions in {in_docs} of {n_documents} documents; {len(days)} are day-level and "
          f"{datelines} are datelines (a line holding only the date). "
          + (f"{mismatches} bracketed weekdays disagree with their date (flagged, not changed)." if mismatches
             else "No bracketed weekday disagrees with its date."))
    return Reading(zh, en)


def read_events(events: pd.DataFrame) -> Reading:
    """The days the texts mention: how many, over what span, and the busiest week."""
    if events.empty:
        return Reading("文中没有提到具体的日子（不计落款日期）。", "The texts mention no specific day (datelines aside).")
    days = pd.to_datetime(events["date"])
    weeks = days.dt.to_period("W-SUN").value_counts().sort_index().sort_values(ascending=False, kind="stable")
    week, count = weeks.index[0], int(weeks.iloc[0])
    zh = (f"文中提到 {days.dt.date.nunique()} 个不同的日子（{len(events)} 处），从 {_zh_day(days.min())} 到 "
          f"{_zh_day(days.max())}；提到最多的一周是 {_zh_day(week.start_time)} 那一周（{count} 处）。")
    en = (f"The texts mention {days.dt.date.nunique()} distinct days ({len(events)} mentions), from "
          f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}; the busiest week starts {week.start_time:%Y-%m-%d} "
          f"({count} mentions).")
    return Reading(zh, en)


def read_share_trend(shares: pd.DataFrame, documents: pd.DataFrame, *, grouped: bool = False) -> Reading:
    """The leading theme of the earliest and the latest dated document (``grouped``: group, from
    ``grouping.group_shares`` and ``group_documents``, dated by its first document)."""
    dated = documents.dropna(subset=["date"]).sort_values(["date", "doc_id"])
    hits = shares[shares["count"] > 0]
    dated = dated[dated["doc_id"].isin(set(hits["doc_id"]))]
    if len(dated) < 2:
        return Reading("有日期且含主题词的文档少于两篇，无法按时间比较。",
                       "Fewer than two dated documents have theme terms, so there is nothing to compare over time.")

    def leading(doc_id):
        part = hits[hits["doc_id"] == doc_id].sort_values(["share", "category"], ascending=[False, True]).iloc[0]
        return part["category"], part["share"]

    (first_theme, first_share), (last_theme, last_share) = leading(dated.iloc[0]["doc_id"]), leading(dated.iloc[-1]["doc_id"])
    if grouped:
        first, last = dated.iloc[0], dated.iloc[-1]
        return Reading(
            f"最早的一组 {first['doc_id']}（自 {_zh_day(first['date'])} 起）占比最高的主题是 {first_theme}（{first_share:.0%}），"
            f"最晚的一组 {last['doc_id']}（自 {_zh_day(last['date'])} 起）是 {last_theme}（{last_share:.0%}）。"
            "这是各组文档合计的主题词命中；各组的体裁和发文者构成不同，也会造成这种差异。",
            f"The earliest group, {first['doc_id']} (from {first['date']}), leads with {first_theme} ({first_share:.0%}); "
            f"the latest, {last['doc_id']} (from {last['date']}), with {last_theme} ({last_share:.0%}). These are the "
            "theme hits of each group's documents together; groups that differ in genre and issuer differ for that reason too.")
    small_zh, small_en = _small(len(dated))
    zh = (f"最早的文档 {dated.iloc[0]['doc_id']}（{_zh_day(dated.iloc[0]['date'])}）占比最高的主题是 {first_theme}"
          f"（{first_share:.0%}），最晚的 {dated.iloc[-1]['doc_id']}（{_zh_day(dated.iloc[-1]['date'])}）是 {last_theme}"
          f"（{last_share:.0%}）。篇数有限时，这种差异也可能来自体裁和发文者，而不是时间。{small_zh}")
    en = (f"The earliest document, {dated.iloc[0]['doc_id']} ({dated.iloc[0]['date']}), leads with {first_theme} "
          f"({first_share:.0%}); the latest, {dated.iloc[-1]['doc_id']} ({dated.iloc[-1]['date']}), with {last_theme} "
          f"({last_share:.0%}). With few documents such a difference may follow genre and issuer rather than time."
          f"{small_en}")
    return Reading(zh, en)


# ---------------------------------------------------------------- 03 institutions

def read_example(found: pd.DataFrame) -> Reading:
    """What the extractor found in the example sentence."""
    if found.empty:
        return Reading("这个例句里没有找到机构。", "No institution was found in the example sentence.")
    names = found["canonical"].tolist()
    parents = int(found["parent"].notna().sum())
    return Reading(f"例句中找到 {len(found)} 个机构：{_join_zh(names)}；其中 {parents} 个部门挂在上级机构下。",
                   f"The example holds {len(found)} institutions: {_join_en(names)}; {parents} of them are departments "
                   "attached to a parent body.")


def read_institution_types(table: pd.DataFrame) -> Reading:
    """Distinct institutions by type."""
    if table.empty:
        return Reading("未发现机构。", "No institutions were found.")
    types = table.groupby("type").agg(n=("canonical", "size"), m=("count", "sum")).sort_values(
        ["n", "m"], ascending=False, kind="stable")
    total = len(table)
    leading = list(types.head(3).itertuples())
    zh = (f"共 {total} 个机构、{_n(table['count'].sum())} 次提及；以 "
          + _join_zh(f"{TYPE_LABELS.get(r.Index, r.Index)}（{r.n}/{total}）" for r in leading) + " 为主。")
    en = (f"{total} distinct institutions, {_n(table['count'].sum())} mentions; mostly "
          + _join_en(f"{r.Index} ({r.n}/{total})" for r in leading) + ".")
    return Reading(zh, en)


def read_provinces(table: pd.DataFrame) -> Reading:
    """Where the located institutions are."""
    located = table.dropna(subset=["province"])
    if located.empty:
        return Reading("没有一个机构能确定省份。", "No institution could be placed in a province.")
    counts = located.groupby("province").size().sort_values(ascending=False, kind="stable")
    leading = list(counts.head(3).items())
    zh = (f"{len(located)}/{len(table)} 个机构能确定省份，分布在 {len(counts)} 个省级地区；最多的是 "
          + _join_zh(f"{p}（{n} 个）" for p, n in leading) + f"；{len(table) - len(located)} 个没有省份（多为中央机构或无地名的机构）。")
    en = (f"{len(located)} of {len(table)} institutions have a province, in {len(counts)} provincial units; most in "
          + _join_en(f"{p} ({n})" for p, n in leading) + f"; {len(table) - len(located)} have none (mostly central "
          "bodies or names without a place).")
    return Reading(zh, en)


def read_institution_documents(mentions: pd.DataFrame) -> Reading:
    """Which institutions appear in more than one document."""
    if mentions.empty:
        return Reading("未发现机构。", "No institutions were found.")
    spread = mentions.groupby("canonical")["doc_id"].nunique().sort_values(ascending=False, kind="stable")
    shared = spread[spread > 1]
    if shared.empty:
        return Reading("每个机构都只出现在一篇文档中。", "Every institution appears in one document only.")
    leading = list(shared.head(3).items())
    return Reading(f"{len(shared)}/{len(spread)} 个机构出现在不止一篇文档中，出现篇数最多的是 "
                   + _join_zh(f"{c}（{n} 篇）" for c, n in leading) + "。",
                   f"{len(shared)} of {len(spread)} institutions appear in more than one document; most widely "
                   + _join_en(f"{c} ({n} documents)" for c, n in leading) + ".")


def read_levels(mentions: pd.DataFrame, table: pd.DataFrame) -> Reading:
    """Mentions of central against local bodies."""
    if mentions.empty:
        return Reading("未发现机构。", "No institutions were found.")
    levels = mentions["canonical"].map(table.set_index("canonical")["level"]).value_counts()
    total = int(levels.sum())
    parts = [(level, int(levels.get(level, 0))) for level in LEVEL_LABELS if levels.get(level, 0)]
    return Reading("机构提及中，" + _join_zh(f"{LEVEL_LABELS[l].split()[0]}机构 {_n(n)} 次（{_pct(n, total)}）" for l, n in parts) + "。",
                   "Of the institution mentions, " + _join_en(f"{n} ({_pct(n, total)}) are {l}" for l, n in parts) + ".")


# ---------------------------------------------------------------- 04 cohorts

def read_cohort_counts(counts: pd.DataFrame) -> Reading:
    """In how many documents cohort words occur, and which cohort leads (a documents x cohorts count table)."""
    total = int(counts.to_numpy().sum()) if counts.size else 0
    if total == 0:
        return Reading("未发现世代词（80后 … 10后）。", "No cohort words (80后 … 10后) were found.")
    with_words = int((counts.sum(axis=1) > 0).sum())
    by_cohort = counts.sum().sort_values(ascending=False, kind="stable")
    leading = [(c, int(n)) for c, n in by_cohort.head(2).items() if n > 0]
    zh = (f"世代词出现在 {with_words}/{len(counts)} 篇文档中，共 {_n(total)} 次；最多的是 {leading[0][0]}"
          f"（{_n(leading[0][1])} 次，占 {_pct(leading[0][1], total)}）")
    en = (f"Cohort words occur in {with_words} of {len(counts)} documents, {_n(total)} times; most often "
          f"{leading[0][0]} ({_n(leading[0][1])}, {_pct(leading[0][1], total)})")
    if len(leading) > 1:
        zh += f"，其次是 {leading[1][0]}（{_n(leading[1][1])} 次，占 {_pct(leading[1][1], total)}）"
        en += f", then {leading[1][0]} ({_n(leading[1][1])}, {_pct(leading[1][1], total)})"
    small_zh, small_en = _small(len(counts))
    return Reading(zh + f"。{small_zh}", en + f".{small_en}")


def read_stated_statistics(stats: pd.DataFrame) -> Reading:
    """The shares the texts state for cohorts."""
    shares = stats[stats["share"].notna() & stats["cohort"].notna()]
    if shares.empty:
        return Reading("文中没有给出关于世代的比例。", "The texts state no share for any cohort.")
    items = list(shares.itertuples())
    distinct = shares.groupby(["cohort", "share", "approximate"], sort=False)["doc_id"].nunique()
    if len(distinct) == len(items) and len(items) <= MAX_LISTED:
        zh = _join_zh(f"{r.cohort} 占 {r.share:.1%}" + ("（约数）" if r.approximate else "") for r in items)
        en = _join_en(f"{r.cohort} {r.share:.1%}" + (" (approximate)" if r.approximate else "") for r in items)
        return Reading(f"文中给出 {len(items)} 个世代比例：{zh}。", f"The texts state {len(items)} cohort shares: {en}.")
    # many documents: each distinct share once, the most widely stated first, with how many documents state it
    n_docs, n_distinct = shares["doc_id"].nunique(), len(distinct)
    distinct = distinct.reset_index().sort_values("doc_id", ascending=False, kind="stable").head(MAX_LISTED)
    zh = _join_zh(f"{r.cohort} 占 {r.share:.1%}" + ("（约数）" if r.approximate else "") + f"（{r.doc_id} 篇）"
                  for r in distinct.itertuples())
    en = _join_en(f"{r.cohort} {r.share:.1%}" + (" (approximate)" if r.approximate else "") + f" ({r.doc_id} documents)"
                  for r in distinct.itertuples())
    more_zh = "；其余见表" if n_distinct > MAX_LISTED else ""
    more_en = "; the table has the rest" if n_distinct > MAX_LISTED else ""
    return Reading(f"{n_docs} 篇文档共给出 {len(items)} 个世代比例，{n_distinct} 个不同的值，最常见的是：{zh}{more_zh}。",
                   f"{n_docs} documents state {len(items)} cohort shares, {n_distinct} distinct values; the most "
                   f"common: {en}{more_en}.")


def read_people(people: pd.DataFrame) -> Reading:
    """Who is named: how many, how many state a cohort, where they come from."""
    if people.empty:
        return Reading("未发现人物。", "No people were found.")
    voices = people[people["role_group"].fillna("") != "记者"]
    stated = voices["cohort"].value_counts()
    provinces = voices["province"].dropna().value_counts()
    zh = (f"共 {len(voices)} 人（{voices['doc_id'].nunique()} 篇文档），其中 {int(stated.sum())} 人的世代由文中写明"
          + (f"：{_join_zh(f'{c} {n} 人' for c, n in stated.items())}" if len(stated) else "")
          + (f"；来自 {len(provinces)} 个省级地区，最多的是 {provinces.index[0]}（{int(provinces.iloc[0])} 人）"
             if len(provinces) else "") + "。")
    en = (f"{len(voices)} people in {voices['doc_id'].nunique()} documents; the text states the cohort of "
          f"{int(stated.sum())}" + (f": {_join_en(f'{n} {c}' for c, n in stated.items())}" if len(stated) else "")
          + (f"; they come from {len(provinces)} provincial units, most from {provinces.index[0]} "
             f"({int(provinces.iloc[0])})" if len(provinces) else "") + ".")
    return Reading(zh, en)


def read_cohort_keyness(table: pd.DataFrame, target: str, reference: str, *, target_sentences: int,
                        reference_sentences: int) -> Reading:
    """``read_keyness`` for sentences about two cohorts, with the sentence counts and a small-sample flag."""
    if target_sentences == 0 or reference_sentences == 0:
        return Reading(f"没有同时提到{target}和{reference}的句子可比：{target} {target_sentences} 句，{reference} {reference_sentences} 句。",
                       f"Nothing to compare: {target_sentences} sentences mention {target}, {reference_sentences} {reference}.")
    base = read_keyness(table, target=f"提到{target}的句子", reference=f"提到{reference}的句子", comparison=(
        f"比较提到{target}的 {target_sentences} 句与提到{reference}的 {reference_sentences} 句。",
        f"Comparing {target_sentences} sentences that mention {target} with {reference_sentences} that mention {reference}."))
    if min(target_sentences, reference_sentences) < SMALL_SENTENCES:
        return Reading(base.zh + "（样本很小：少于 5 句。）", base.en + " (Small sample: fewer than 5 sentences.)")
    return base


# ---------------------------------------------------------------- defaults that fit the corpus

class KeynessChoice(NamedTuple):
    """A keyness comparison: the column, the target and reference values, and why (Chinese, English)."""

    column: str
    target: list
    reference: list | None
    zh: str
    en: str


def choose_keyness_groups(docs: pd.DataFrame) -> KeynessChoice | None:
    """The default keyness comparison for this corpus.

    The two largest genre groups; else the earlier against the later half by date; else the longest
    document against the rest. None when the corpus has a single document.
    """
    genres = docs["genre"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    if len(genres) >= 2:
        a, b = genres.index[:2]
        return KeynessChoice("genre", [a], [b],
                             f"比较两个最大的体裁组：{GENRE_ZH.get(a, a)}（{genres[a]} 篇）与{GENRE_ZH.get(b, b)}（{genres[b]} 篇）。",
                             f"The two largest genre groups: {a} ({genres[a]}) against {b} ({genres[b]}).")
    dated = docs.dropna(subset=["date"]).sort_values(["date", "doc_id"])
    if len(dated) >= 2 and dated["date"].nunique() >= 2:
        half = len(dated) // 2
        early, late = dated["doc_id"].iloc[:half].tolist(), dated["doc_id"].iloc[half:].tolist()
        return KeynessChoice("doc_id", early, late,
                             f"所有文档同属一种体裁，按日期分为前后两半：较早的 {len(early)} 篇与较晚的 {len(late)} 篇。",
                             f"All documents share one genre: the earlier {len(early)} against the later {len(late)} by date.")
    if len(docs) >= 2:
        largest = docs.sort_values(["n_chars", "doc_id"], ascending=[False, True])["doc_id"].iloc[0]
        return KeynessChoice("doc_id", [largest], None,
                             f"文档同属一种体裁且无法按日期分组，比较最长的文档 {largest} 与其余文档。",
                             f"One genre and no dates to split by: the longest document, {largest}, against the rest.")
    return None


def keyness_choice(docs: pd.DataFrame, column=None, target=None, reference=None) -> KeynessChoice | None:
    """The notebook's comparison: the parameters when ``target`` is set, else ``choose_keyness_groups``."""
    if target is None:
        return choose_keyness_groups(docs)
    column = column or "genre"
    return KeynessChoice(column, target, reference, f"按参数比较 {column} = {target} 与 {reference or '其余文档'}。",
                         f"As set in the parameters: {column} = {target} against {reference or 'all other documents'}.")


def choose_example_sentence(docs: pd.DataFrame, mentions: pd.DataFrame) -> str | None:
    """The sentence of the corpus that names the most institutions (the first such, in document order)."""
    from .clean import sentence_spans

    best, best_count = None, 1
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for doc_id, found in mentions.groupby("doc_id", sort=False):
        starts, ends = found["start"].to_numpy(), found["end"].to_numpy()  # numpy: 100x less per sentence than pandas
        for start, end, sentence in sentence_spans(texts[doc_id]):
            count = int(((starts >= start) & (ends <= end)).sum())
            if count > best_count and len(sentence) <= 120:
                best, best_count = sentence, count
    return best


def choose_kwic_keyword(docs: pd.DataFrame, counts: pd.DataFrame) -> str | None:
    """The first of the toolkit's focus words (``FOCUS_TERMS``) the corpus uses, else its most frequent term."""
    text = "\n".join(docs["text"])
    for term in FOCUS_TERMS:
        if term in text:
            return term
    return counts["term"].iloc[0] if len(counts) else None


def choose_hub_terms(counts: pd.DataFrame, *, n: int = 3) -> list[str]:
    """The corpus's ``n`` most frequent terms: they co-occur with nearly everything, so a network leaves them out."""
    return counts["term"].head(n).tolist()


def choose_cohort_pair(counts: pd.DataFrame) -> tuple[str, str] | None:
    """The two most mentioned cohorts (for the cohort keyness), or None with fewer than two."""
    totals = counts.sum().sort_values(ascending=False, kind="stable") if counts.size else pd.Series(dtype=int)
    totals = totals[totals > 0]
    return (totals.index[0], totals.index[1]) if len(totals) >= 2 else None
