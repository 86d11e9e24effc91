"""The written contract of every table that flows between stages: columns, dtypes, meaning.

Code reads the column lists from here (``columns("people")``, ``empty("people")``), and
``docs/ARCHITECTURE.md`` shows ``markdown()`` verbatim (a test keeps the two equal), so the
code and the docs can never describe different tables.

>>> columns("keywords")
['doc_id', 'term', 'score', 'rank']
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from .errors import CorpusError


class Column(NamedTuple):
    name: str
    dtype: str          # pandas dtype of a filled column: object (text), int64, float64, bool, datetime64[ns]
    meaning: str


def _table(*rows: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*row) for row in rows)


TABLES: dict[str, tuple[Column, ...]] = {
    # load.load_corpus: one row per document
    "documents": _table(
        ("doc_id", "object", "d01, d02 … in file order"),
        ("title", "object", "from the text; generated ones start with （无标题）"),
        ("issuer", "object", "an organisation or person, or None"),
        ("date", "datetime64[ns]", "the document's date, NaT when unknown"),
        ("date_source", "object", "explicit | inferred | none"),
        ("genre", "object", "letter | speech | news | notice | commentary (评论、时评、社论) | other"),
        ("text", "object", "the cleaned text, paragraphs separated by newlines"),
        ("n_chars", "int64", "characters without newlines"),
        ("source", "object", "the file it came from, relative to the corpus folder"),
        ("subtitle", "object", "a ——subtitle line, or None"),
        ("doc_number", "object", "a document number such as 沪团委发〔2020〕15号, or None"),
        ("title_source", "object", "text | generated"),
        ("date_note", "object", "how the date was found, Chinese then English"),
        ("genre_cues", "object", "the cues of data/genre_cues.csv that fired, with their learned weights: '电头 news+1.6; 记者署名 news+0.4'"),
        ("script", "object", "simplified | traditional (the share of characters OpenCC t2s changes)"),
        ("original_text", "object", "the text as written; text is its simplified view, with the same offsets"),
    ),
    # overview.document_table: the documents at a glance
    "document_overview": _table(
        ("doc_id", "object", "the document"),
        ("title", "object", "as in documents"),
        ("issuer", "object", "as in documents, — when unknown"),
        ("date", "object", "YYYY-MM-DD, — when unknown"),
        ("date_source", "object", "explicit | inferred | none"),
        ("genre", "object", "as in documents"),
        ("n_chars", "int64", "characters without newlines"),
    ),
    # overview.top_terms: the corpus's most frequent terms
    "top_terms": _table(
        ("rank", "int64", "1 = most frequent"),
        ("term", "object", "the term"),
        ("count", "int64", "occurrences in the corpus"),
    ),
    # dates.document_dates: one row per document, in date order
    "document_dates": _table(
        ("doc_id", "object", "the document"),
        ("date", "object", "YYYY-MM-DD, or None"),
        ("date_source", "object", "explicit | inferred | none"),
        ("date_note", "object", "how the date was found"),
        ("issuer", "object", "as in documents"),
        ("genre", "object", "as in documents"),
        ("title", "object", "as in documents"),
    ),
    # dates.date_mentions: one row per date expression
    "date_mentions": _table(
        ("doc_id", "object", "the document"),
        ("surface", "object", "the words as written (2月6日（星期四）)"),
        ("start", "int64", "offset in the document text"),
        ("end", "int64", "offset after the mention"),
        ("date", "object", "ISO date at its granularity: 2020-03-15, 2020-03 or 2020; None without a base date"),
        ("granularity", "object", "day | month | year"),
        ("date_kind", "object", "explicit | year-inferred | lunar-holiday | festival | relative"),
        ("weekday_mismatch", "bool", "a bracketed weekday disagrees with the date (the date is kept)"),
        ("around_holiday", "bool", "a holiday named as a period (春节假期), not the day itself"),
        ("note", "object", "a human note on the two flags above, or ''"),
        ("context", "object", "the clause around the mention"),
        ("role", "object", "dateline (a line holding only the date) | mention"),
    ),
    # dates.event_timeline: day-level mentions other than datelines
    "events": _table(
        ("date", "object", "ISO day"),
        ("doc_id", "object", "the document"),
        ("surface", "object", "the words as written"),
        ("date_kind", "object", "as in date_mentions"),
        ("note", "object", "as in date_mentions"),
        ("context", "object", "the clause around the mention"),
        ("label", "object", "a short Chinese chart label"),
    ),
    # themes.term_counts
    "term_counts": _table(
        ("doc_id", "object", "the document, or 'all' for the whole corpus"),
        ("term", "object", "a segmented term (no punctuation, numbers or stop words)"),
        ("count", "int64", "occurrences"),
        ("per_10k", "float64", "per 10,000 filtered tokens of that document"),
    ),
    # themes.tfidf_keywords
    "keywords": _table(
        ("doc_id", "object", "the document, or 'all'"),
        ("term", "object", "the keyword"),
        ("score", "float64", "tf × smooth idf, 6 decimals"),
        ("rank", "int64", "1 = best in its document"),
    ),
    # themes.keyness, themes.keyness_by, cohorts.cohort_keyness
    "keyness": _table(
        ("term", "object", "the term"),
        ("target_count", "int64", "occurrences in the target group"),
        ("reference_count", "int64", "occurrences in the reference group"),
        ("g2", "float64", "signed log-likelihood: > 0 over-used in the target"),
        ("log_ratio", "float64", "log2 of the relative frequency ratio (effect size)"),
        ("p_value", "float64", "P(χ²₁ ≥ |G²|)"),
        ("direction", "object", "target | reference"),
    ),
    # themes.collocations
    "collocations": _table(
        ("collocation", "object", "the two terms joined by a space"),
        ("first", "object", "first term"),
        ("second", "object", "second term"),
        ("count", "int64", "adjacent occurrences"),
        ("score", "float64", "LLR or PMI"),
        ("rank", "int64", "1 = best"),
    ),
    # themes.kwic
    "kwic": _table(
        ("doc_id", "object", "the document"),
        ("left", "object", "context before"),
        ("keyword", "object", "the match"),
        ("right", "object", "context after"),
    ),
    # themes.theme_shares
    "theme_shares": _table(
        ("doc_id", "object", "the document"),
        ("category", "object", "a theme of data/theme_lexicon.csv"),
        ("count", "int64", "lexicon hits of that theme"),
        ("share", "float64", "count / all hits of the document (0 without hits)"),
    ),
    # themes.theme_hits: every lexicon term found in each document
    "theme_hits": _table(
        ("doc_id", "object", "the document"),
        ("category", "object", "the theme"),
        ("term", "object", "the lexicon term"),
        ("count", "int64", "occurrences (leftmost-longest)"),
    ),
    # themes.cooccurrence
    "cooccurrence": _table(
        ("source", "object", "a term"),
        ("target", "object", "another term"),
        ("weight", "int64", "sentences holding both"),
    ),
    # institutions.institution_mentions: one row per mention
    "institution_mentions": _table(
        ("doc_id", "object", "the document"),
        ("name", "object", "as written"),
        ("canonical", "object", "the full real name; a relative one the text leaves unresolved carries its document: 我校（d39）"),
        ("start", "int64", "offset in the document text"),
        ("end", "int64", "offset after the mention"),
        ("type", "object", "university | school | hospital | youth_league | party_government | company | ngo | "
                           "grassroots | medical_team | media | other"),
        ("province", "object", "short province name, or None (central bodies have none)"),
        ("parent", "object", "canonical name of the body a department belongs to, or None"),
        ("rule", "object", "what found it: suffix | alias | known | ministry | …"),
        ("evidence", "object", "why, as words: the suffix and the name parts it was read from (place 武汉; suffix 大学)"),
    ),
    # institutions.institution_table: one row per canonical institution
    "institutions": _table(
        ("canonical", "object", "the full real name (我校（d39）: one document's unresolved relative body)"),
        ("type", "object", "as in institution_mentions"),
        ("province", "object", "short province name, or None"),
        ("level", "object", "central | local | international"),
        ("parent", "object", "the body it belongs to, or None"),
        ("documents", "object", "doc_ids, comma-separated"),
        ("count", "int64", "mentions"),
    ),
    # cohorts.cohort_mentions: one row per cohort word
    "cohort_mentions": _table(
        ("doc_id", "object", "the document"),
        ("cohort", "object", "80后 … 10后 (normalised)"),
        ("surface", "object", "as written (九零后, ９０後 …)"),
        ("start", "int64", "offset in the document text"),
        ("end", "int64", "offset after the word"),
        ("quoted", "bool", "written in quotation marks (“90后”)"),
        ("sentence", "object", "the sentence holding it"),
    ),
    # cohorts.cohort_kwic: each cohort word in context
    "cohort_kwic": _table(
        ("doc_id", "object", "the document"),
        ("cohort", "object", "the normalised cohort"),
        ("left", "object", "context before"),
        ("keyword", "object", "the word as written"),
        ("right", "object", "context after"),
    ),
    # cohorts.stated_statistics: one row per number stated next to a cohort word
    "stated_statistics": _table(
        ("doc_id", "object", "the document"),
        ("cohort", "object", "the cohort, None for a total"),
        ("measure", "object", "count | share | total"),
        ("value", "float64", "people, or a fraction for share"),
        ("approximate", "bool", "余/多 in the number"),
        ("share", "float64", "value / total (counts) or the stated share"),
        ("of", "object", "the group the share is of"),
        ("surface", "object", "the number as written"),
        ("sentence", "object", "the sentence"),
    ),
    # people.extract_people: one row per person and document
    "people": _table(
        ("doc_id", "object", "the document"),
        ("name", "object", "the person's name"),
        ("institution", "object", "canonical name of the unit they belong to, or None"),
        ("institution_type", "object", "type of the top body it belongs to"),
        ("province", "object", "short province name, or None"),
        ("role", "object", "护士, 团委书记, 记者 …, or None"),
        ("cohort", "object", "the cohort the text says they belong to, or None"),
        ("quote", "object", "what they said, or None"),
        ("role_group", "object", "a broad group of the role (学生, 医护人员, 团干部, 记者 …)"),
        ("quote_type", "object", "direct | reported | mixed, or None"),
        ("cohort_evidence", "object", "the words that state the cohort"),
        ("sentence", "object", "the sentence that first names the person"),
        ("age", "Int64", "the age the text gives (23岁的…, …，23岁), or <NA>"),
        ("evidence", "object", "why the row is a person: the finder's probability and weightiest cues, or the credit, signature or dotted shape"),
    ),
    # reprints.find_reprints: one row per document that reprints another
    "reprints": _table(
        ("doc_id", "object", "the reprint"),
        ("reprint_of", "object", "the earliest document of its group (by date, undated last, then file order); "
                                 "reprints.apply adds this column to the documents table, None for the others"),
        ("similarity", "float64", "estimated Jaccard similarity of the two documents' 5-character shingles, 2 decimals"),
    ),
    # reprints.reprint_groups: one row per reprint group, largest first
    "reprint_groups": _table(
        ("group", "int64", "1 = the largest group"),
        ("documents", "int64", "documents in the group, the first one included"),
        ("first", "object", "doc_id of the earliest document, which the others reprint"),
        ("title", "object", "its title"),
        ("first_date", "object", "YYYY-MM-DD of the group's earliest dated document, or None"),
        ("last_date", "object", "YYYY-MM-DD of its latest dated document, or None"),
        ("carriers", "int64", "distinct outlets (metadata column outlet), else issuers, that carried it"),
        ("carried_by", "object", "the carriers with their copies, most first: '人民网（3）、新华网（2） 等 7 家'"),
    ),
    # topics.fit_topics: the NPMI coherence of every K tried
    "topic_coherence": _table(
        ("k", "int64", "the number of topics"),
        ("coherence", "float64", "mean NPMI of each topic's 10 top terms, documents as the window, 4 decimals"),
        ("unused_topics", "int64", "topics that are no document's largest: such a K is passed over"),
        ("chosen", "bool", "the K used: the best coherence without unused topics (ties: the smaller K), or the K asked for"),
    ),
    # topics.document_topics: each document's topics (the topics command)
    "document_topics": _table(
        ("doc_id", "object", "the document"),
        ("topic", "int64", "1 … K, numbered by share of the corpus (1 = the largest)"),
        ("weight", "float64", "the topic's share of the document (its weights sum to 1), 3 decimals; under 0.01 left out"),
    ),
    # topics.topic_terms: each topic's top terms
    "topic_terms": _table(
        ("topic", "int64", "the topic"),
        ("rank", "int64", "1 = the term with the largest weight"),
        ("term", "object", "the term"),
        ("weight", "float64", "its weight in the topic (NMF component), 4 decimals"),
    ),
    # topics.topic_labels: one row per topic
    "topics": _table(
        ("topic", "int64", "the topic"),
        ("label", "object", "T1 and its three top terms, for charts"),
        ("terms", "object", "its five top terms"),
        ("documents", "object", "its most typical documents (largest weight, one per reprint group): doc_id and title"),
        ("share", "float64", "its share of all topic weight in the corpus, 3 decimals"),
        ("leads", "int64", "documents whose largest topic it is"),
    ),
    # topics.topic_shares, topics.topics_by_mention: topic shares of groups of documents
    "topic_shares": _table(
        ("group", "object", "the group: a period, a GROUP_BY value, a cohort, an institution type, or 全部文档 all"),
        ("topic", "int64", "the topic"),
        ("share", "float64", "the mean weight of the topic in the group's documents, 3 decimals"),
        ("documents", "int64", "documents in the group"),
    ),
    # topics.similar_documents: the documents nearest to one
    "similar_documents": _table(
        ("rank", "int64", "1 = the most similar"),
        ("doc_id", "object", "the document"),
        ("title", "object", "its title"),
        ("similarity", "float64", "cosine similarity of the two TF-IDF rows, 3 decimals"),
        ("topic", "int64", "its largest topic (0: no term kept)"),
        ("reprint_of", "object", "as in reprints, or None"),
    ),
    # overview.vocabulary_table
    "vocabulary": _table(
        ("doc_id", "object", "the document"),
        ("genre", "object", "its genre"),
        ("tokens", "int64", "all tokens"),
        ("terms", "int64", "tokens holding a Chinese character or letter"),
        ("distinct_terms", "int64", "distinct terms"),
        ("type_token_ratio", "float64", "distinct terms / terms, 3 decimals"),
    ),
}


def columns(table: str) -> list[str]:
    """The column names of ``table``, in order."""
    return [column.name for column in TABLES[table]]


def empty(table: str) -> pd.DataFrame:
    """A table with no rows and the right columns and dtypes."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in TABLES[table]})


def require_docs(docs, *needed: str) -> None:
    """Raise a one-line ``CorpusError`` unless ``docs`` is a documents table with ``doc_id``, ``text``
    and the ``needed`` columns.

    >>> require_docs("not a table")
    Traceback (most recent call last):
    ...
    corpus_lib.errors.CorpusError: expected a documents table (cl.load_corpus()), not str
    """
    if not isinstance(docs, pd.DataFrame):
        raise CorpusError(f"expected a documents table (cl.load_corpus()), not {type(docs).__name__}")
    missing = [c for c in ("doc_id", "text", *needed) if c not in docs.columns]
    if missing:
        raise CorpusError(f"the documents table has no column {', '.join(missing)} (use cl.load_corpus())")


DOC_START, DOC_END = "<!-- schema:start -->", "<!-- schema:end -->"


def markdown() -> str:
    """Every table as Markdown, for docs/ARCHITECTURE.md (between ``DOC_START`` and ``DOC_END``).

    After changing ``TABLES``, refresh the page with ``schema.refresh_doc("docs/ARCHITECTURE.md")``.
    """
    parts = []
    for name, table in TABLES.items():
        parts.append(f"#### `{name}`\n\n| column | dtype | meaning |\n|---|---|---|")
        parts += [f"| `{c.name}` | {c.dtype} | {c.meaning} |" for c in table]
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def refresh_doc(path) -> None:
    """Rewrite the generated part of a Markdown page (between the two markers) from ``TABLES``."""
    from pathlib import Path

    page = Path(path).read_text(encoding="utf-8")
    head, _, rest = page.partition(DOC_START)
    _, _, tail = rest.partition(DOC_END)
    Path(path).write_text(f"{head}{DOC_START}\n{markdown()}{DOC_END}{tail}", encoding="utf-8")
