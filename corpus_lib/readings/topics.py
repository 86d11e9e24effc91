"""Readings for notebook 05 (topics, similar documents) and for notebook 00's reprint groups.

Each function reads only the table its section shows; shares are the table's mean topic weights, never causes.
"""
from __future__ import annotations

import pandas as pd

from .base import MAX_LISTED, Reading, _join_en, _join_zh, _n, _small

SMALL_CORPUS = 30  # as topics.SMALL_CORPUS: readings import no analysis module


def _documents(n) -> str:
    return f"{_n(n)} document" + ("" if int(n) == 1 else "s")


def _label(labels: pd.DataFrame, topic: int) -> tuple[str, str]:
    row = labels[labels["topic"] == topic].iloc[0]
    return f"T{topic}（{row['terms']}）", f"T{topic} ({row['terms'].replace('、', ', ')})"


def read_coherence(coherence: pd.DataFrame, n_documents: int, *, k_given: bool) -> Reading:
    """The K used, its coherence, the range tried, and a plain warning for a small corpus."""
    chosen = coherence[coherence["chosen"]].iloc[0]
    k, score = int(chosen["k"]), float(chosen["coherence"])
    if k_given:
        zh, en = (f"主题数 K = {k} 由参数 TOPICS_K 设定，其 NPMI 一致性为 {score:.3f}。",
                  f"K = {k} topics, set by TOPICS_K; its NPMI coherence is {score:.3f}.")
    else:
        low, high = int(coherence["k"].min()), int(coherence["k"].max())
        passed = coherence[(coherence["unused_topics"] > 0) & (coherence["coherence"] > score)]
        zh = (f"在 K = {low}–{high} 中，K = {k} 的 NPMI 一致性最高（{score:.3f}），因此使用 {k} 个主题。" if low < high
              else f"语料只够尝试 K = {k}（NPMI 一致性 {score:.3f}）。")
        en = (f"Of K = {low}–{high}, K = {k} has the best NPMI coherence ({score:.3f}), so the model has {k} topics."
              if low < high else f"The corpus allows only K = {k} to be tried (NPMI coherence {score:.3f}).")
        if len(passed):
            skipped = "、".join(str(int(v)) for v in passed["k"])
            zh += f"K = {skipped} 的分数更高，但有主题不是任何文档的主要主题，所以不用。"
            en += (f" K = {', '.join(str(int(v)) for v in passed['k'])} scored higher but left a topic that is no "
                   "document's largest, so it was passed over.")
    if n_documents < SMALL_CORPUS:
        zh += (f"语料只有 {n_documents} 篇文档：这么小的语料只能支持少数几个主题，每个主题都接近一两篇文档的用词，"
               "主题的数量和内容都不宜当作发现。")
        en += (f" The corpus has only {n_documents} documents: a corpus this small supports only a few topics, each "
               "close to the vocabulary of one or two documents, so neither their number nor their content is a finding.")
    return Reading(zh, en)


def read_topics(labels: pd.DataFrame) -> Reading:
    """The largest and smallest topics: their terms, share of the corpus and documents they lead."""
    ordered = labels.sort_values(["share", "topic"], ascending=[False, True])
    first, last = ordered.iloc[0], ordered.iloc[-1]
    zh_first, en_first = _label(labels, int(first["topic"]))
    zh = f"最大的主题是 {zh_first}，占全部主题权重的 {first['share']:.0%}，是 {_n(first['leads'])} 篇文档的主要主题"
    en = (f"The largest topic is {en_first}: {first['share']:.0%} of all topic weight, the largest topic of "
          f"{_documents(first['leads'])}")
    if len(ordered) > 1:
        zh_last, en_last = _label(labels, int(last["topic"]))
        zh += f"；最小的是 {zh_last}，占 {last['share']:.0%}，是 {_n(last['leads'])} 篇文档的主要主题"
        en += f"; the smallest is {en_last}, {last['share']:.0%}, the largest topic of {_documents(last['leads'])}"
    return Reading(zh + "。", en + ".")


def _leaders(shares: pd.DataFrame) -> pd.DataFrame:
    """Each group's topic of largest mean share (ties: the smaller topic), groups in table order."""
    ordered = shares.sort_values(["share", "topic"], ascending=[False, True], kind="stable")
    first = ordered.drop_duplicates("group").set_index("group")
    return first.loc[list(dict.fromkeys(shares["group"]))]


def read_topic_shares(shares: pd.DataFrame, *, what: tuple[str, str] = ("组", "group")) -> Reading:
    """The leading topic of each group (the first few), and whether the groups share one."""
    if shares.empty:
        return Reading("没有可比较的分组。", "There are no groups to compare.")
    leaders = _leaders(shares)
    listed = leaders.head(MAX_LISTED)
    zh = _join_zh(f"{g}：T{int(r['topic'])}（{r['share']:.0%}）" for g, r in listed.iterrows())
    en = _join_en(f"{g}: T{int(r['topic'])} ({r['share']:.0%})" for g, r in listed.iterrows())
    more_zh = f"等 {len(leaders)} 组" if len(leaders) > MAX_LISTED else ""
    more_en = f" (first {MAX_LISTED} of {len(leaders)} {what[1]}s)" if len(leaders) > MAX_LISTED else ""
    distinct = leaders["topic"].nunique()
    same_zh = "各组占比最高的都是同一个主题" if distinct == 1 else f"各组占比最高的主题共有 {distinct} 个"
    same_en = "every group leads with the same topic" if distinct == 1 else f"{distinct} different topics lead"
    small = int(leaders["documents"].min())
    note_zh, note_en = _small(small) if small < 3 else ("", "")
    return Reading(f"按{what[0]}看，各组平均占比最高的主题：{zh}{more_zh}；{same_zh}。{note_zh}",
                   f"By {what[1]}, the topic with the largest mean share: {en}{more_en}; {same_en}.{note_en}")


def read_topic_trend(shares: pd.DataFrame, labels: pd.DataFrame, *, undated: str = "无日期") -> Reading:
    """The leading topic of the first and last dated periods, and the topic that moved most between them."""
    dated = shares[shares["group"] != undated]
    periods = sorted(dated["group"].unique())
    if len(periods) < 2:
        return Reading("有日期的时期不足两个，无法看主题随时间的变化。",
                       "There are fewer than two dated periods, so there is no trend to read.")
    first, last = dated[dated["group"] == periods[0]], dated[dated["group"] == periods[-1]]
    lead_first, lead_last = _leaders(first).iloc[0], _leaders(last).iloc[0]
    change = last.set_index("topic")["share"] - first.set_index("topic")["share"]
    moved = int(change.abs().sort_index().idxmax())
    zh_moved, en_moved = _label(labels, moved)
    return Reading(
        f"第一个时期（{periods[0]}，{_n(lead_first['documents'])} 篇）占比最高的是 T{int(lead_first['topic'])}"
        f"（{lead_first['share']:.0%}），最后一个时期（{periods[-1]}，{_n(lead_last['documents'])} 篇）是 "
        f"T{int(lead_last['topic'])}（{lead_last['share']:.0%}）；两者之间变化最大的是 {zh_moved}"
        f"（{change[moved]:+.0%}）。",
        f"In the first period ({periods[0]}, {_documents(lead_first['documents'])}) T{int(lead_first['topic'])} leads "
        f"({lead_first['share']:.0%}); in the last ({periods[-1]}, {_documents(lead_last['documents'])}) "
        f"T{int(lead_last['topic'])} ({lead_last['share']:.0%}); between the two, {en_moved} moved most "
        f"({change[moved]:+.0%}).")


def read_topics_by_mention(shares: pd.DataFrame, *, reference: str, what: tuple[str, str]) -> Reading:
    """For each group of documents mentioning something (a cohort, an institution type): the topic it holds
    most above the whole corpus."""
    groups = [g for g in dict.fromkeys(shares["group"]) if g != reference]
    if not groups:
        return Reading(f"没有文档提到{what[0]}，无法比较。", f"No document mentions a {what[1]}, so there is nothing to compare.")
    base = shares[shares["group"] == reference].set_index("topic")["share"]
    parts_zh, parts_en = [], []
    for group in groups[:MAX_LISTED]:
        part = shares[shares["group"] == group].set_index("topic")
        lift = (part["share"] - base).sort_index()
        topic = int(lift.idxmax())
        n = int(part["documents"].iloc[0])
        parts_zh.append(f"提到{group}的 {_n(n)} 篇文档中 T{topic} 比全语料高 {lift[topic]:.0%}"
                        f"（{part.loc[topic, 'share']:.0%} 对 {base[topic]:.0%}）")
        parts_en.append(f"the {_documents(n)} mentioning {group} {'holds' if n == 1 else 'hold'} T{topic} {lift[topic]:.0%} above the corpus "
                        f"({part.loc[topic, 'share']:.0%} against {base[topic]:.0%})")
    small = int(shares[shares["group"] != reference]["documents"].min())
    note_zh, note_en = _small(small) if small < 3 else ("", "")
    return Reading("；".join(parts_zh) + f"。{note_zh}", ("; ".join(parts_en) + f".{note_en}")[0].upper() + ("; ".join(parts_en) + f".{note_en}")[1:])


def read_similar(similar: pd.DataFrame, doc_id: str) -> Reading:
    """The nearest document and how many of the listed ones are reprints in the same group."""
    if similar.empty:
        return Reading(f"没有别的文档可与 {doc_id} 比较。", f"There is no other document to compare with {doc_id}.")
    top = similar.iloc[0]
    same = int((similar["reprint_of"] == doc_id).sum())
    zh = f"与 {doc_id} 最相似的是 {top['doc_id']}（{top['title']}，余弦相似度 {top['similarity']:.3f}）"
    en = f"The document nearest to {doc_id} is {top['doc_id']} ({top['title']}, cosine similarity {top['similarity']:.3f})"
    if same:
        zh += f"；列出的 {len(similar)} 篇中有 {same} 篇是 {doc_id} 的转载"
        en += f"; {same} of the {len(similar)} listed are reprints of {doc_id}"
    return Reading(zh + "。", en + ".")


def read_reprint_groups(groups: pd.DataFrame, n_documents: int) -> Reading:
    """How many documents are reprints, in how many groups, and the largest group with its carriers."""
    if groups.empty:
        return Reading(f"{_n(n_documents)} 篇文档中没有发现转载：没有两篇文档的 5 字片段 Jaccard 相似度达到 0.5。",
                       f"No reprints among the {_n(n_documents)} documents: no two share 5-character shingles at a "
                       "Jaccard similarity of 0.5 or more.")
    copies = int(groups["documents"].sum() - len(groups))
    top = groups.iloc[0]
    return Reading(
        f"{_n(n_documents)} 篇文档中有 {_n(copies)} 篇是转载，分属 {_n(len(groups))} 组；最大的一组有 {_n(top['documents'])} "
        f"篇（首发 {top['first']}《{top['title']}》），由 {_n(top['carriers'])} 个来源刊发：{top['carried_by']}。",
        f"{_n(copies)} of the {_n(n_documents)} documents are reprints, in {_n(len(groups))} groups; the largest has "
        f"{_n(top['documents'])} documents (first {top['first']}, “{top['title']}”), carried by {_n(top['carriers'])} "
        f"sources: {top['carried_by']}.")
