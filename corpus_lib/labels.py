"""Chart and table labels: Chinese first, then the code. One place, read by plots and readings alike.

Nothing here computes; analysis modules hold the codes, this module says how to show them.
"""
from __future__ import annotations

# Document genres (``describe.genre.GENRES``).
# commentary (评论、时评、社论) comes last, so the colours of the other genres stay as they were.
GENRE_ZH = {"letter": "信件", "speech": "讲话", "news": "新闻", "notice": "通知", "other": "文档", "commentary": "评论"}
GENRE_LABEL = {"letter": "信件 letter", "speech": "讲话 speech", "news": "新闻 news", "notice": "通知 notice",
               "other": "其他 other", "commentary": "评论 commentary"}

# Institution types (``institutions.TYPES``) and levels.
TYPE_LABELS = {"university": "高校", "school": "中小学", "hospital": "医院/卫生", "youth_league": "共青团",
               "party_government": "党政机关", "company": "企业", "ngo": "社会组织", "grassroots": "基层",
               "medical_team": "医疗队", "media": "媒体", "other": "其他"}
LEVEL_LABELS = {"central": "中央 (central)", "local": "地方 (local)", "international": "国际 (international)"}

# How a date mention was written (``dates`` column ``date_kind``).
DATE_KIND_LABEL = {"explicit": "完整日期 explicit", "year-inferred": "推断年份 year inferred",
                   "lunar-holiday": "农历节日 lunar holiday", "festival": "公历节日 festival",
                   "relative": "相对日期 relative day"}


def group_label(column: str, values) -> str:
    """A chart label for a group of documents chosen by ``column``.

    >>> group_label("genre", ["speech"]), group_label("doc_id", ["d01", "d02"]), group_label("genre", None)
    ('讲话 (speech)', 'd01、d02', '其他文档 (all other documents)')
    """
    if values is None:
        return "其他文档 (all other documents)"
    values = [values] if isinstance(values, str) else list(values)
    if column == "genre":
        return "、".join(f"{GENRE_ZH.get(v, v)} ({v})" for v in values)
    return "、".join(map(str, values))


def document_labels(docs, *, width: int = 10) -> dict[str, str]:
    """Short chart labels: doc_id and the start of the title ("d03 在统筹推进新冠肺炎疫…")."""
    titles = docs["title"] if "title" in docs.columns else docs["doc_id"]
    return {d: f"{d} {t[:width]}…" if len(str(t)) > width else f"{d} {t}"
            for d, t in zip(docs["doc_id"], titles.fillna("").astype(str))}
