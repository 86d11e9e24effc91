"""Views that fit the corpus size: per document for a small corpus, by group for a large one.

A chart that draws one row, panel or column per document is readable up to about 30 documents.
Above that the notebooks draw the same chart by group: by week, month or year of the document date
(whichever gives a readable number of periods) when most documents are dated, else by genre; ``GROUP_BY`` in a notebook's parameters (or
``run -p GROUP_BY=month``) picks the grouping: document, week, month, year, genre, issuer or any column
of the documents table (a ``metadata.csv`` column, say). A grouping by value (genre, issuer, a column) keeps
its 11 largest values and puts the rest in one group 其他, so no chart has more than 12 groups of that kind.

A notebook asks once, ``groups = grouping.groups_for(docs, GROUP_BY)``, and hands ``groups`` to the plot
functions, which draw per document or by group themselves; a table shown per document or per group goes
through ``by_group(table, groups)``.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["d01", "d02"], "genre": ["news", "notice"],
...                      "date": pd.to_datetime(["2020-03-02", None])})
>>> choose_grouping(docs), document_groups(docs, "month").tolist()
('document', ['2020年03月', '无日期'])
>>> groups = groups_for(docs, "month")
>>> groups.per_document, groups.chosen, groups.labels.to_dict()
(False, False, {'d01': '2020年03月', 'd02': '无日期'})
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import schema
from .errors import CorpusError
from .labels import GENRE_LABEL

MAX_DOCUMENTS = 30          # above this, per-document views become grouped views
MAX_GROUPS = 12             # word-cloud panels and heatmap columns shown at most
WEEKS_SPAN_DAYS = 70        # a dated span shorter than this is grouped by week, else by month
MONTHS_SPAN_DAYS = 3 * 365  # a dated span longer than this is grouped by year
NAMED = ("document", "week", "month", "year", "genre", "issuer")
UNDATED = "无日期"
OTHER = "其他"
UNSIGNED = "（未署名）"


def choose_grouping(docs: pd.DataFrame, group_by: str | None = None) -> str:
    """The grouping a notebook uses: ``group_by`` when given, else document / week / month / genre."""
    if group_by is not None:
        if group_by not in NAMED and group_by not in docs.columns:
            raise CorpusError(f"GROUP_BY {group_by!r}: use one of {', '.join(NAMED)} or a column of the documents table")
        return group_by
    if len(docs) <= MAX_DOCUMENTS:
        return "document"
    dated = pd.to_datetime(docs["date"]).dropna()
    if len(dated) >= len(docs) / 2:
        span = (dated.max() - dated.min()).days
        return "week" if span < WEEKS_SPAN_DAYS else "month" if span <= MONTHS_SPAN_DAYS else "year"
    return "genre"


def time_grouping(docs: pd.DataFrame, group_by: str | None = None) -> str:
    """The period a chart over time uses: ``group_by`` when it is week, month or year, else the one that fits
    the span of the dated documents (week under ten weeks, month up to three years, then year).

    >>> time_grouping(pd.DataFrame({"date": pd.to_datetime(["2020-01-01", "2020-06-30"])}))
    'month'
    """
    if group_by in ("week", "month", "year"):
        return group_by
    dated = pd.to_datetime(docs["date"]).dropna()
    span = (dated.max() - dated.min()).days if len(dated) else 0
    return "week" if span < WEEKS_SPAN_DAYS else "month" if span <= MONTHS_SPAN_DAYS else "year"


def document_groups(docs: pd.DataFrame, grouping: str) -> pd.Series:
    """The group label of every document, indexed by doc_id, in a sortable, readable form."""
    if grouping == "document":
        labels = docs["doc_id"]
    elif grouping in ("week", "month", "year"):
        dates = pd.to_datetime(docs["date"])
        if grouping == "month":
            labels = dates.map(lambda d: f"{d.year}年{d.month:02d}月" if pd.notna(d) else UNDATED)
        elif grouping == "year":
            labels = dates.map(lambda d: f"{d.year}年" if pd.notna(d) else UNDATED)
        else:
            labels = dates.map(lambda d: f"{d.isocalendar().year}年第{d.isocalendar().week:02d}周" if pd.notna(d) else UNDATED)
    elif grouping == "genre":
        labels = _capped(docs["genre"].map(lambda g: GENRE_LABEL.get(g, g)))
    else:
        labels = _capped(docs[grouping].map(lambda v: UNSIGNED if pd.isna(v) or v == "" else str(v)))
    return pd.Series(list(labels), index=list(docs["doc_id"]), name="group")


def _capped(labels: pd.Series, limit: int = MAX_GROUPS) -> pd.Series:
    """The ``limit - 1`` most frequent labels (ties by label), the rest as 其他 (other)."""
    counts = labels.value_counts()
    if len(counts) <= limit:
        return labels
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    kept = set(counts.index[:limit - 1])
    return labels.where(labels.isin(kept), OTHER)


def describe_grouping(docs: pd.DataFrame, grouping: str, *, chosen: bool) -> str:
    """One line for the notebook: which grouping, how many groups, and why (``Groups.description``)."""
    return Groups(grouping, document_groups(docs, grouping), chosen).description


GROUP_NAMES = {"document": ("文档", "document"), "week": ("周", "week"), "month": ("月", "month"),
               "year": ("年", "year"), "genre": ("体裁", "genre"), "issuer": ("发文者", "issuer")}


def group_name(grouping: str) -> tuple[str, str]:
    """(Chinese, English) name of a grouping for chart titles and axes: ("月", "month"); a column keeps its name."""
    return GROUP_NAMES.get(grouping, (grouping, grouping))


@dataclass(frozen=True, eq=False)
class Groups:
    """A notebook's view of its documents: the grouping ``name`` (document, week, month, year, genre, issuer or a
    column), each document's group ``labels`` (indexed by doc_id, named "group") and whether the grouping was
    ``chosen`` from the corpus size (else set by ``GROUP_BY``). Made by ``groups_for``."""

    name: str
    labels: pd.Series
    chosen: bool

    @property
    def per_document(self) -> bool:
        """True when every chart draws one element per document."""
        return self.name == "document"

    @property
    def names(self) -> tuple[str, str]:
        """(Chinese, English) name of the grouping for chart titles and axes: ("月", "month")."""
        return group_name(self.name)

    @property
    def description(self) -> str:
        """One line for the notebook: which grouping, how many groups, and why."""
        n = len(self.labels)
        why_zh, why_en = ("自动选择", "chosen automatically") if self.chosen else ("按参数 GROUP_BY", "set by GROUP_BY")
        if self.per_document:
            return (f"图表按文档逐篇绘制（{n} 篇，{why_zh}）。 Charts draw one element per document "
                    f"({n} documents, {why_en}).")
        return (f"图表按{self.names[0]}分组绘制：{n:,} 篇文档分为 {self.labels.nunique()} 组（{why_zh}；超过 "
                f"{MAX_DOCUMENTS} 篇时逐篇绘制难以阅读）。 Charts are grouped by {self.name}: {n:,} documents in "
                f"{self.labels.nunique()} groups ({why_en}; above {MAX_DOCUMENTS} documents one element per document "
                "is unreadable).")


def groups_for(docs: pd.DataFrame, group_by: str | None = None) -> Groups:
    """The view a notebook draws: ``group_by`` when given (``GROUP_BY``), else chosen from the corpus size."""
    name = choose_grouping(docs, group_by)
    return Groups(name, document_groups(docs, name), chosen=group_by is None)


def regroup(table: pd.DataFrame, groups: pd.Series, *, column: str = "doc_id") -> pd.DataFrame:
    """``table`` with its ``column`` (doc_id) replaced by each document's group label."""
    return table.assign(**{column: table[column].map(groups)})


def sum_counts(table: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """A long table of counts (doc_id, text keys such as term or category, ``count``) summed by group: doc_id
    holds the group label, rows come in first-seen order, a ``share`` column is recomputed as the share of the
    group's counts, other numeric columns (per_10k) are left out."""
    keys = ["doc_id"] + [c for c in table.columns if c != "doc_id" and not pd.api.types.is_numeric_dtype(table[c])]
    summed = regroup(table, groups).groupby(keys, sort=False, as_index=False)["count"].sum()
    if "share" not in table.columns:
        return summed
    totals = summed.groupby("doc_id")["count"].transform("sum")
    return summed.assign(share=(summed["count"] / totals.where(totals > 0)).fillna(0.0))


def group_shares(shares: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Theme shares by group: hits summed over the group's documents, shares of the group's hits
    (the ``theme_shares`` columns, with doc_id holding the group label)."""
    return sum_counts(shares[["doc_id", "category", "count", "share"]], groups)


def by_group(table: pd.DataFrame, groups: Groups) -> pd.DataFrame:
    """A per-document table as the view shows it: unchanged per document, else one row per group:

    - a table indexed by doc_id (cohort counts, hits per document): its rows summed per group, in label order;
    - a long table with a ``count`` column (theme shares, term counts): ``sum_counts``;
    - a documents table (``document_dates``): ``group_documents``, each group dated by its first document.
    """
    if groups.per_document:
        return table
    if table.index.name == "doc_id":
        return table.groupby(groups.labels).sum()
    if "count" in table.columns:
        return sum_counts(table, groups.labels)
    if set(schema.columns("document_dates")) <= set(table.columns):
        return group_documents(table, groups.labels)
    raise ValueError(f"by_group: a table indexed by doc_id, with a count column, or of documents, not {list(table.columns)}")


def largest_groups(groups: pd.Series, sizes: pd.Series | None = None, *, limit: int = MAX_GROUPS) -> list[str]:
    """The ``limit`` largest groups (by documents, or by the summed ``sizes`` of their documents), in label order."""
    weight = sizes.groupby(groups).sum() if sizes is not None else groups.value_counts()
    top = weight.sort_index().sort_values(ascending=False, kind="stable").head(limit)
    return sorted(top.index)


def largest_group_counts(counts: pd.DataFrame, groups: Groups, sizes: pd.Series, *,
                         limit: int = MAX_GROUPS) -> pd.DataFrame:
    """Term counts (doc_id, term, count) of the ``limit`` largest groups by ``sizes`` (per document: the
    largest documents), summed per group, each group's most frequent terms first: one word-cloud panel each."""
    shown = largest_groups(groups.labels, sizes, limit=limit)
    members = groups.labels.index[groups.labels.isin(shown)]  # the documents of those groups: only their rows are summed
    panels = regroup(counts[counts["doc_id"].isin(members)], groups.labels)
    panels = panels.groupby(["doc_id", "term"], as_index=False)["count"].sum()
    return panels.sort_values(["doc_id", "count", "term"], ascending=[True, False, True])


def group_documents(documents: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """A documents-like table with one row per group (doc_id = the group label, date = its first date,
    no genre), for charts that place documents by date."""
    dated = documents.assign(doc_id=documents["doc_id"].map(groups), date=pd.to_datetime(documents["date"]))
    first = dated.groupby("doc_id", sort=True)["date"].min().reset_index()
    first["date"] = first["date"].dt.strftime("%Y-%m-%d").where(first["date"].notna(), None)
    return first.assign(genre=None)
