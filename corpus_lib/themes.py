"""Themes: what the documents talk about, and how they differ (quanteda/Voyant for Chinese).

Extract functions take the documents table (``load_corpus``) and return tidy tables;
plot functions take those tables and return a matplotlib Figure (they never save).

- counts and keywords: ``term_counts``, ``tfidf_keywords``, ``keyword_records`` (CLI);
- differences: ``keyness``, ``keyness_by``, ``plot_keyness``;
- context: ``kwic``, ``kwic_search_box``, ``collocations``, ``cooccurrence``, ``plot_cooccurrence``;
- dictionary themes: ``theme_shares``, ``plot_theme_shares`` (lexicon ``data/theme_lexicon.csv``);
- pictures: ``plot_top_terms``, ``plot_wordcloud``, ``plot_wordcloud_grid``, ``plot_wordcloud_pair``.

Tokens are counted after ``filter_tokens``: punctuation, bare numbers and stop words are dropped,
and with ``boilerplate=True`` also the official-document boilerplate of ``data/boilerplate.txt``.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain, combinations
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from . import resources, style
from .clean import split_sentences
from .errors import CorpusError
from .segment import TERM, count_columns, segment, segment_corpus

LEXICON_FILE = "theme_lexicon.csv"
WORDCLOUD_SEED = 42
LAYOUT_SEED = 7
KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "g2", "log_ratio", "p_value", "direction"]


# --------------------------------------------------------------------------- tokens and counts

def _drop_set(boilerplate: bool) -> frozenset[str]:
    return resources.stopwords() | resources.boilerplate() if boilerplate else resources.stopwords()


def _count_arrays(docs: pd.DataFrame, boilerplate: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(document position, term code, count, distinct terms) of the filtered counts, one entry per
    (document, term); ``terms[code]`` is the term.

    Each distinct type is tested once for the whole corpus and documents stay integer positions,
    so a 10M-character corpus needs no per-token Python work after its cached counts.
    """
    _require(docs, "doc_id", "text")
    columns = [count_columns(text) for text in docs["text"]]
    sizes = [len(types) for types, _ in columns]
    codes, terms = pd.factorize(np.fromiter(chain.from_iterable(t for t, _ in columns), dtype=object, count=sum(sizes)))
    drop = _drop_set(boilerplate)
    kept = np.fromiter((t not in drop and bool(TERM.search(t)) for t in terms), dtype=bool, count=len(terms))
    mask = kept[codes]
    counts = np.concatenate([c for _, c in columns]).astype(np.int64) if columns else np.zeros(0, np.int64)
    positions = np.repeat(np.arange(len(columns)), sizes)
    return positions[mask], codes[mask], counts[mask], np.asarray(terms, dtype=object)


def count_table(docs: pd.DataFrame, *, boilerplate: bool = False) -> pd.DataFrame:
    """Filtered term counts as rows ``doc_id, term, count`` (documents in order, terms unordered).

    Same result as counting ``filter_tokens`` output for every document.
    """
    positions, codes, counts, terms = _count_arrays(docs, boilerplate)
    return pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(dtype=object)[positions], "term": terms[codes],
                         "count": counts})


def document_counts(docs: pd.DataFrame, *, boilerplate: bool = False) -> pd.Series:
    """Filtered term Counters, one per document, indexed by ``doc_id``.

    >>> import corpus_lib as cl
    >>> document_counts(cl.load_corpus())["d02"]["90后"] > 10
    True
    """
    table = count_table(docs, boilerplate=boilerplate)
    grouped = {doc_id: Counter(dict(zip(part["term"], part["count"])))
               for doc_id, part in table.groupby("doc_id", sort=False)}
    return pd.Series([grouped.get(d, Counter()) for d in docs["doc_id"]], index=docs["doc_id"], name="counts")


def term_counts(docs: pd.DataFrame, *, boilerplate: bool = False, by: str = "doc") -> pd.DataFrame:
    """Term frequencies: ``doc_id, term, count, per_10k``.

    ``per_10k`` is per 10,000 *filtered* tokens of that document (tokens left after dropping
    punctuation, numbers, stop words and, if asked, boilerplate). ``by="all"`` counts the whole
    corpus as one document with ``doc_id`` "all". Rows: doc_id, then count descending, then term.

    >>> import corpus_lib as cl
    >>> term_counts(cl.load_corpus(), by="all").head(1)["term"].tolist()
    ['疫情防控']
    """
    table = count_table(docs, boilerplate=boilerplate)
    if by == "all":
        table = table.groupby("term", as_index=False, sort=False)["count"].sum().assign(doc_id="all")
    elif by != "doc":
        raise CorpusError(f"by must be 'doc' or 'all', not {by!r}")
    totals = table.groupby("doc_id")["count"].transform("sum")
    table["per_10k"] = (table["count"] / totals * 10_000).round(2)
    table = table[["doc_id", "term", "count", "per_10k"]]
    return table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], ignore_index=True)


def _rank_within(table: pd.DataFrame, top: int | None) -> pd.DataFrame:
    table = table.sort_values(["doc_id", "score", "term"], ascending=[True, False, True], ignore_index=True)
    table["rank"] = table.groupby("doc_id").cumcount() + 1
    return table[table["rank"] <= top].reset_index(drop=True) if top else table


def tfidf_keywords(docs: pd.DataFrame, *, top: int = 20, boilerplate: bool = False,
                   by: str = "doc") -> pd.DataFrame:
    """The ``top`` TF-IDF keywords of each document: ``doc_id, term, score, rank``.

    score = tf × idf, with tf = count of the term in the document / filtered tokens of the document,
    and idf = ln((1 + N) / (1 + df)) + 1 (N documents, df documents holding the term; the
    scikit-learn "smooth" idf, so a term found everywhere keeps weight 1 instead of 0).
    Scores are rounded to 6 decimals; equal scores are ranked by term (code-point order).
    ``by="all"`` scores the corpus as one document (tf over all tokens, the same idf), ``doc_id`` "all".

    >>> import corpus_lib as cl
    >>> "90后" in tfidf_keywords(cl.load_corpus(), top=5).query("doc_id == 'd02'")["term"].tolist()
    True
    """
    if by not in ("doc", "all"):
        raise CorpusError(f"by must be 'doc' or 'all', not {by!r}")
    positions, codes, counts, terms = _count_arrays(docs, boilerplate)
    idf = np.log((1 + len(docs)) / (1 + np.bincount(codes, minlength=len(terms)))) + 1
    if by == "all":  # the corpus as one document
        present = np.flatnonzero(np.bincount(codes, minlength=len(terms)))
        counts = np.bincount(codes, weights=counts, minlength=len(terms))[present]
        positions, codes = np.zeros(len(present), dtype=np.int64), present
    totals = np.bincount(positions, weights=counts)
    scores = np.round(counts / totals[positions] * idf[codes], 6)
    labels = np.array(["all"], dtype=object) if by == "all" else docs["doc_id"].to_numpy(dtype=object)
    keep = _top_candidates(positions, scores, top) if top else slice(None)
    table = pd.DataFrame({"doc_id": labels[positions[keep]], "term": terms[codes[keep]], "score": scores[keep]})
    return _rank_within(table, top)


def _top_candidates(positions: np.ndarray, scores: np.ndarray, top: int) -> np.ndarray:
    """Entries scoring at least each document's ``top``-th best score (ties kept for the term tie-break)."""
    order = np.lexsort((-scores, positions))
    starts = np.searchsorted(positions[order], np.arange(positions.max() + 1 if len(positions) else 0))
    ends = np.append(starts[1:], len(order))
    threshold = scores[order[np.minimum(starts + top, ends) - 1]]
    return np.flatnonzero(scores >= threshold[positions])


def keyword_records(docs: pd.DataFrame, args) -> pd.DataFrame:
    """The CLI ``keywords`` command: TF-IDF keywords per document (``--by doc``) or for the whole
    corpus (``--by all``, doc_id "all"); columns ``doc_id, term, score, rank``."""
    top = getattr(args, "top", 20)
    if top is not None and top < 1:
        raise CorpusError("--top must be at least 1")
    return tfidf_keywords(docs, top=top, by=getattr(args, "by", "doc") or "doc")


# --------------------------------------------------------------------------- keyness

def _as_counter(tokens) -> Counter:
    return tokens if isinstance(tokens, Counter) else Counter(tokens)


def _xlogx_ratio(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """observed × ln(observed / expected), with 0 × ln 0 = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def keyness(target, reference) -> pd.DataFrame:
    """Log-likelihood keyness of every term: which terms does ``target`` use more than ``reference``?

    ``target`` and ``reference`` are each an iterable of tokens or a ``collections.Counter``
    (tokens are used as given: filter them first, as ``keyness_by`` does).
    For a term with counts a (target) and b (reference), and corpus sizes c and d:
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)) (Dunning 1993; Rayson).

    - ``g2`` is **signed**: positive when the term is relatively more frequent in the target,
      negative when it is more frequent in the reference; ``direction`` says "target"/"reference".
    - ``log_ratio`` = log2((a/c) / (b/d)) (Hardie's effect size; a zero count counts as 0.5).
    - ``p_value`` = P(χ²₁ ≥ |G²|) = erfc(sqrt(|G²|/2)).

    Rows are sorted by g2 descending, then term: target-favoured terms first, reference-favoured last.

    >>> keyness(["青年", "青年", "抗疫"], ["抗疫", "抗疫"])["term"].tolist()
    ['青年', '抗疫']
    """
    target, reference = _as_counter(target), _as_counter(reference)
    terms = sorted(set(target) | set(reference))
    a = np.array([target.get(t, 0) for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    c, d = a.sum(), b.sum()
    if c == 0 or d == 0:
        raise CorpusError("keyness needs tokens in both the target and the reference")
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (_xlogx_ratio(a, e1) + _xlogx_ratio(b, e2))
    log_ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    sign = np.where(a / c >= b / d, 1.0, -1.0)
    table = pd.DataFrame({
        "term": terms, "target_count": a.astype(int), "reference_count": b.astype(int),
        "g2": np.round(sign * g2, 4), "log_ratio": np.round(log_ratio, 4),
        "p_value": [round(math.erfc(math.sqrt(x / 2)), 6) for x in g2],
        "direction": np.where(sign > 0, "target", "reference"),
    })
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


def _values(values) -> list:
    return [values] if isinstance(values, (str, int, float)) else list(values)


def keyness_by(docs: pd.DataFrame, column: str, target_values, reference_values=None, *,
               boilerplate: bool = False) -> pd.DataFrame:
    """Keyness between two groups of documents picked by any metadata column.

    ``target_values`` / ``reference_values``: one value or a list; ``reference_values=None`` means
    every other document. The table is that of ``keyness``.

    >>> import corpus_lib as cl
    >>> table = keyness_by(cl.load_corpus(), "genre", "speech", "notice")
    >>> table.iloc[0]["direction"]
    'target'
    """
    _require(docs, column)
    targets = docs[column].isin(_values(target_values))
    references = ~targets if reference_values is None else docs[column].isin(_values(reference_values))
    if not targets.any() or not references.any():
        raise CorpusError(f"no documents with {column} in {_values(target_values)} "
                          f"or in the reference group; values present: {sorted(map(str, docs[column].unique()))}")
    if (targets & references).any():
        raise CorpusError("the target and reference groups overlap")
    table = count_table(docs, boilerplate=boilerplate)

    def group_counts(mask) -> Counter:
        rows = table[table["doc_id"].isin(docs.loc[mask, "doc_id"])]
        return Counter(rows.groupby("term")["count"].sum().to_dict())

    return keyness(group_counts(targets), group_counts(references))


# --------------------------------------------------------------------------- collocations

def _bigrams(docs: pd.DataFrame, boilerplate: bool) -> tuple[Counter, int]:
    """Adjacent pairs of raw tokens where both are kept terms (a pair never spans punctuation
    or a dropped stop word), and the number of adjacent token pairs in the corpus."""
    drop, pairs, total = _drop_set(boilerplate), Counter(), 0
    for tokens in segment_corpus(docs):
        total += max(len(tokens) - 1, 0)
        pairs.update(zip(tokens, tokens[1:]))
    keep = {w for pair in pairs for w in pair if w not in drop and TERM.search(w)}
    return Counter({p: n for p, n in pairs.items() if p[0] in keep and p[1] in keep}), total


def collocations(docs: pd.DataFrame, *, method: str = "llr", min_freq: int = 3, top: int = 30,
                 boilerplate: bool = False) -> pd.DataFrame:
    """Two-word collocations: ``collocation, first, second, count, score, rank``.

    Pairs are adjacent tokens that are both terms (no punctuation, number or stop word between).
    With k11 = pair count, n1 = pairs starting with ``first``, n2 = pairs ending with ``second``
    and N = adjacent token pairs in the corpus:
    ``method="llr"``: Dunning's G² of the 2×2 table (k11, n1−k11, n2−k11, N−n1−n2+k11);
    ``method="pmi"``: log2(k11 · N / (n1 · n2)). Pairs seen fewer than ``min_freq`` times are left
    out. Sorted by score descending, then collocation.

    >>> import corpus_lib as cl
    >>> "团员 青年" in collocations(cl.load_corpus(), top=50)["collocation"].tolist()
    False
    """
    if method not in ("llr", "pmi"):
        raise CorpusError(f"method must be 'llr' or 'pmi', not {method!r}")
    pairs, total = _bigrams(docs, boilerplate)
    if not pairs or total == 0:
        return pd.DataFrame(columns=["collocation", "first", "second", "count", "score", "rank"])
    table = pd.DataFrame([(w1, w2, n) for (w1, w2), n in pairs.items()], columns=["first", "second", "count"])
    firsts, seconds = _pair_margins(docs)
    k11 = table["count"].to_numpy(float)
    n1, n2 = table["first"].map(firsts).to_numpy(float), table["second"].map(seconds).to_numpy(float)
    if method == "pmi":
        score = np.log2(k11 * total / (n1 * n2))
    else:
        observed = np.stack([k11, n1 - k11, n2 - k11, total - n1 - n2 + k11])
        rows, cols = np.stack([n1, n1, total - n1, total - n1]), np.stack([n2, total - n2, n2, total - n2])
        score = 2 * _xlogx_ratio(observed, rows * cols / total).sum(axis=0)
    table["score"] = np.round(score, 4)
    table["collocation"] = table["first"] + " " + table["second"]
    table = table[table["count"] >= min_freq]
    table = table.sort_values(["score", "collocation"], ascending=[False, True], ignore_index=True).head(top)
    table["rank"] = np.arange(1, len(table) + 1)
    return table[["collocation", "first", "second", "count", "score", "rank"]]


def _pair_margins(docs: pd.DataFrame) -> tuple[Counter, Counter]:
    firsts, seconds = Counter(), Counter()
    for tokens in segment_corpus(docs):
        firsts.update(tokens[:-1])
        seconds.update(tokens[1:])
    return firsts, seconds


# --------------------------------------------------------------------------- KWIC

def kwic(docs: pd.DataFrame, keyword: str, *, window: int = 15, regex: bool = False) -> pd.DataFrame:
    """Keyword in context, matched on the text (so it finds 青年 inside 团员青年 too):
    ``doc_id, left, keyword, right`` with ``window`` characters each side (line breaks shown as
    spaces). Rows follow the documents, then the position in the text.

    >>> import corpus_lib as cl
    >>> kwic(cl.load_corpus(), "90后", window=4).iloc[0].tolist()
    ['d01', '队全体“', '90后', '”党员的']
    """
    _require(docs, "doc_id", "text")
    if not keyword:
        raise CorpusError("kwic needs a keyword")
    pattern = re.compile(keyword if regex else re.escape(keyword))
    rows = []
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        flat = text.replace("\n", " ")
        for match in pattern.finditer(flat):
            start, end = match.span()
            rows.append((doc_id, flat[max(0, start - window):start], match.group(), flat[end:end + window]))
    return pd.DataFrame(rows, columns=["doc_id", "left", "keyword", "right"])


class _SearchBox:
    """Wraps the widget so its plain-text form stays the same on every run (nbval compares it)."""

    def __init__(self, widget):
        self.widget = widget

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = "KWIC 搜索框：在 JupyterLab 中输入关键词 (KWIC search box: type a keyword in JupyterLab)"
        return bundle


def kwic_search_box(docs: pd.DataFrame, *, keyword: str = "青年", window: int = 15, rows: int = 20):
    """An ipywidgets search box that redraws the KWIC table as you type (live JupyterLab only).

    Headless (nbconvert, nbval) it shows as one fixed line of text; show the static
    ``kwic(docs, keyword)`` table next to it for readers of the stored notebook.
    """
    import ipywidgets as widgets
    from IPython.display import display

    box = widgets.Text(value=keyword, description="关键词", continuous_update=False)
    out = widgets.Output()

    def redraw(change):
        out.clear_output()
        with out:
            word = change["new"].strip()
            display(kwic(docs, word, window=window).head(rows) if word else "")

    box.observe(redraw, names="value")
    return _SearchBox(widgets.VBox([box, out]))


# --------------------------------------------------------------------------- theme lexicon

@lru_cache(maxsize=None)
def theme_lexicon() -> tuple[tuple[str, str], ...]:
    """``(category, term)`` rows of ``data/theme_lexicon.csv``, in file order."""
    rows = list(csv.reader(io.StringIO("\n".join(resources.read_lines(LEXICON_FILE)))))
    if not rows or [cell.strip() for cell in rows[0]] != ["category", "term"]:
        raise CorpusError(f"{LEXICON_FILE}: the first row must be 'category,term'")
    entries, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise CorpusError(f"{LEXICON_FILE}: data row {number} is not 'category,term': {','.join(row)}")
        category, term = row[0].strip(), row[1].strip()
        if seen.setdefault(term, category) != category:
            raise CorpusError(f"{LEXICON_FILE}: {term} is listed under both {seen[term]} and {category}")
        entries.append((category, term))
    return tuple(entries)


@lru_cache(maxsize=None)
def _lexicon_pattern() -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    lexicon = theme_lexicon()
    terms = sorted({t for _, t in lexicon}, key=lambda t: (-len(t), t))  # longest first wins
    categories = tuple(dict.fromkeys(c for c, _ in lexicon))
    return re.compile("|".join(map(re.escape, terms))), {t: c for c, t in lexicon}, categories


def theme_hits(docs: pd.DataFrame) -> pd.DataFrame:
    """Every lexicon term found in each text (leftmost-longest): ``doc_id, category, term, count``."""
    pattern, category_of, _ = _lexicon_pattern()
    rows = [(doc_id, category_of[term], term, n)
            for doc_id, text in zip(docs["doc_id"], docs["text"])
            for term, n in sorted(Counter(pattern.findall(text)).items())]
    return pd.DataFrame(rows, columns=["doc_id", "category", "term", "count"])


def theme_shares(docs: pd.DataFrame) -> pd.DataFrame:
    """Share of each theme in each document: ``doc_id, category, count, share``.

    Counts are lexicon hits (``theme_lexicon.csv``); share = category hits / all hits of the
    document, so shares sum to 1 for every document with a hit (0 everywhere for one without).
    Every document gets a row for every category, in lexicon order.

    >>> import corpus_lib as cl
    >>> shares = theme_shares(cl.load_corpus())
    >>> shares.query("doc_id == 'd01' and category == '青年与共青团'")["share"].item()
    0.5
    """
    _require(docs, "doc_id", "text")
    _, _, categories = _lexicon_pattern()
    hits = theme_hits(docs).groupby(["doc_id", "category"])["count"].sum()
    grid = pd.MultiIndex.from_product([docs["doc_id"], categories], names=["doc_id", "category"])
    table = hits.reindex(grid, fill_value=0).reset_index()
    table["count"] = table["count"].astype(int)  # an empty hit table sums to object dtype
    totals = table.groupby("doc_id")["count"].transform("sum")
    table["share"] = (table["count"] / totals.where(totals > 0)).fillna(0.0)  # unrounded: sums to 1
    return table


# --------------------------------------------------------------------------- co-occurrence

def cooccurrence(docs: pd.DataFrame, *, top: int = 30, min_count: int = 2, max_edges: int = 60,
                 exclude: Iterable[str] = (), boilerplate: bool = True) -> pd.DataFrame:
    """Sentence co-occurrence among the ``top`` most frequent terms: ``source, target, weight``
    (weight = sentences holding both). Pairs seen in fewer than ``min_count`` sentences are
    dropped and only the ``max_edges`` heaviest are kept; ``exclude`` leaves out hub words
    (e.g. 疫情) that co-occur with everything. ``edges.attrs["frequency"]`` holds term counts.

    >>> import corpus_lib as cl
    >>> edges = cooccurrence(cl.load_corpus(), top=10)
    >>> list(edges.columns)
    ['source', 'target', 'weight']
    """
    frequent = term_counts(docs, boilerplate=boilerplate, by="all")
    frequent = frequent[~frequent["term"].isin(set(exclude))].head(top)
    vocabulary = set(frequent["term"])
    pairs = Counter()
    for text in docs["text"]:
        for sentence in split_sentences(text):
            present = sorted(vocabulary.intersection(segment(sentence, cache=False)))
            pairs.update(combinations(present, 2))
    edges = pd.DataFrame([(s, t, n) for (s, t), n in pairs.items() if n >= min_count],
                         columns=["source", "target", "weight"])
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
    edges = edges.head(max_edges)
    edges.attrs["frequency"] = dict(zip(frequent["term"], frequent["count"]))
    return edges


def plot_cooccurrence(edges: pd.DataFrame, *, seed: int = LAYOUT_SEED, title: str | None = None):
    """Network of co-occurring terms (node size = frequency, line width = shared sentences,
    colour = community by greedy modularity), laid out with a fixed seed so the picture is the
    same on every run."""
    import networkx as nx
    from matplotlib.figure import Figure

    style.apply_style()
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges[["source", "target", "weight"]].itertuples(index=False))
    fig = Figure(figsize=(9, 7.5))
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title or "词语共现网络（同句共现）/ Sentence co-occurrence network")
    if not graph.number_of_nodes():
        ax.text(0.5, 0.5, "没有共现词对 / no co-occurring pairs", ha="center", va="center")
        return fig
    # Unweighted forces with a wide spacing keep labels apart; the seed fixes the picture.
    layout = nx.spring_layout(graph, seed=seed, weight=None, iterations=300,
                              k=3.0 / math.sqrt(graph.number_of_nodes()))
    layout = _spread(layout)
    groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    colour = {n: style.PALETTE[i % len(style.PALETTE)] for i, group in enumerate(groups) for n in group}
    frequency = edges.attrs.get("frequency", {})
    nodes = list(graph.nodes)
    widths = [0.5 + 4.0 * w / edges["weight"].max() for _, _, w in graph.edges(data="weight")]
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, edge_color="#aab7b8", alpha=0.6)
    nx.draw_networkx_nodes(graph, layout, ax=ax, nodelist=nodes, node_color=[colour[n] for n in nodes],
                           node_size=[250 + 15 * frequency.get(n, 1) for n in nodes], alpha=0.3)
    nx.draw_networkx_labels(graph, layout, ax=ax, font_size=10, font_family=_font_name())
    ax.margins(0.08)
    return fig


def _spread(layout: dict, *, gap: float = 0.2, rounds: int = 100) -> dict:
    """Push apart nodes closer than ``gap`` (layout units) so their labels do not overlap."""
    names = list(layout)
    xy = np.array([layout[n] for n in names], dtype=float)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1]) + np.eye(len(xy))
        push = np.clip(gap - dist, 0, None) / dist / 2
        if not push.any():
            break
        xy += (delta * push[..., None]).sum(axis=1)
    return dict(zip(names, xy))


# --------------------------------------------------------------------------- plots

def _font_name() -> str:
    return style.apply_style()


def group_label(column: str, values) -> str:
    """A chart label for a group of documents chosen by ``column``.

    >>> group_label("genre", ["speech"]), group_label("doc_id", ["d01", "d02"]), group_label("genre", None)
    ('讲话 (speech)', 'd01、d02', '其他文档 (all other documents)')
    """
    from .load import GENRE_ZH

    if values is None:
        return "其他文档 (all other documents)"
    values = [values] if isinstance(values, str) else list(values)
    if column == "genre":
        return "、".join(f"{GENRE_ZH.get(v, v)} ({v})" for v in values)
    return "、".join(map(str, values))


def plot_keyness(table: pd.DataFrame, *, top: int = 15, target_label: str = "目标组 (target)",
                 reference_label: str = "参照组 (reference)"):
    """The two-sided keyness bar chart: the ``top`` terms most over-used in the target (right,
    G² > 0) above the ``top`` most over-used in the reference (left, G² < 0). Terms with
    p ≥ 0.05 are drawn pale."""
    from matplotlib.figure import Figure

    style.apply_style()
    ahead = table[table["g2"] > 0].head(top)
    behind = table[table["g2"] < 0].sort_values(["g2", "term"]).head(top).iloc[::-1]
    rows = pd.concat([ahead, behind], ignore_index=True)
    fig = Figure(figsize=(8, 0.28 * max(len(rows), 4) + 1.6))
    ax = fig.subplots()
    ax.set_title(f"关键性 (keyness)：{target_label} 对比 {reference_label}")
    if rows.empty:
        ax.text(0.5, 0.5, "没有关键词 / no key terms", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    y = np.arange(len(rows))[::-1]
    colors = [style.PALETTE[0] if g > 0 else style.PALETTE[1] for g in rows["g2"]]
    alphas = [1.0 if p < 0.05 else 0.35 for p in rows["p_value"]]
    bars = ax.barh(y, rows["g2"], color=colors, height=0.75)
    for bar, alpha in zip(bars, alphas):
        bar.set_alpha(alpha)
    reach = rows["g2"].abs().max()
    for yi, (term, g2) in zip(y, rows[["term", "g2"]].itertuples(index=False)):
        ax.text(g2 + (0.01 if g2 > 0 else -0.01) * reach, yi, term, va="center",
                ha="left" if g2 > 0 else "right", fontsize=9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.axvline(0, color="#566573", linewidth=0.8)
    ax.set_xlim(-reach * 1.3 if (rows["g2"] < 0).any() else 0, reach * 1.3 if (rows["g2"] > 0).any() else 0)
    ax.set_xlabel("G²（对数似然，正值偏向目标组，负值偏向参照组）/ signed log-likelihood")
    from matplotlib.patches import Patch
    ax.legend(handles=[Patch(color=style.PALETTE[0], label=target_label),
                       Patch(color=style.PALETTE[1], label=reference_label)],
              loc="lower right", frameon=False)
    return fig


def plot_top_terms(table: pd.DataFrame, *, top: int = 20, title: str | None = None):
    """Horizontal bars of the ``top`` terms of a ``term_counts`` table (largest on top)."""
    from matplotlib.figure import Figure

    style.apply_style()
    rows = table.sort_values(["count", "term"], ascending=[False, True]).head(top).iloc[::-1]
    fig = Figure(figsize=(7, 0.3 * max(len(rows), 4) + 1.2))
    ax = fig.subplots()
    ax.barh(rows["term"], rows["count"], color=style.PALETTE[0])
    ax.set_xlabel("出现次数 (count)")
    ax.set_title(title or f"高频词前 {top} 个 / top {top} terms")
    for y, n in enumerate(rows["count"]):
        ax.text(n, y, f" {n}", va="center", fontsize=8)
    return fig


def plot_theme_shares(table: pd.DataFrame, *, labels: Mapping[str, str] | None = None,
                      title: str | None = None):
    """Stacked horizontal bars: each document's theme shares (one bar per doc_id, first on top).
    ``labels`` maps doc_id to a longer label, e.g. "d03 讲话"."""
    from matplotlib.figure import Figure

    style.apply_style()
    wide = table.pivot(index="doc_id", columns="category", values="share")
    wide = wide[list(dict.fromkeys(table["category"]))].sort_index(ascending=False)
    fig = Figure(figsize=(9, 0.45 * max(len(wide), 3) + 1.8))
    ax = fig.subplots()
    left = np.zeros(len(wide))
    names = [labels.get(d, d) if labels else d for d in wide.index]
    for i, category in enumerate(wide.columns):
        values = wide[category].to_numpy(dtype=float)
        ax.barh(names, values, left=left, label=category, color=style.PALETTE[i % len(style.PALETTE)])
        for y, (x0, v) in enumerate(zip(left, values)):
            if v >= 0.08:
                ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=8, color="white")
        left += values
    if not left.any():
        ax.text(0.5, 0.5, "未发现主题词 / no theme-lexicon terms found", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel("主题词占比 (share of theme-lexicon hits)")
    ax.set_title(title or "各文档的主题构成 / Theme shares by document")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, frameon=False)
    return fig


def _wordcloud_image(frequencies: Mapping[str, float], *, width: int = 800, height: int = 450):
    from matplotlib.colors import ListedColormap
    from wordcloud import WordCloud

    cloud = WordCloud(font_path=str(style.font_path()), random_state=WORDCLOUD_SEED, width=width,
                      height=height, background_color="white", prefer_horizontal=1.0, max_words=150,
                      colormap=ListedColormap(style.PALETTE[:8]), collocations=False)
    return cloud.generate_from_frequencies(dict(frequencies)).to_array()


def _frequencies(frequencies) -> dict[str, float]:
    if isinstance(frequencies, pd.DataFrame):
        frequencies = dict(zip(frequencies["term"], frequencies["count"]))
    items = sorted(dict(frequencies).items(), key=lambda kv: (-kv[1], kv[0]))
    return {k: float(v) for k, v in items if v > 0}


def _draw_cloud(ax, frequencies, title, **size):
    ax.set_axis_off()
    ax.set_title(title or "")
    words = _frequencies(frequencies)
    if words:
        ax.imshow(_wordcloud_image(words, **size), interpolation="bilinear")
    else:
        ax.text(0.5, 0.5, "没有词 / no terms", ha="center", va="center", transform=ax.transAxes)


def plot_wordcloud(frequencies, *, title: str | None = None):
    """A word cloud from term frequencies (a dict/Counter, or a ``term_counts`` table), drawn with
    ``generate_from_frequencies`` in the project font with a fixed ``random_state``."""
    from matplotlib.figure import Figure

    style.apply_style()
    fig = Figure(figsize=(8, 4.8))
    _draw_cloud(fig.subplots(), frequencies, title)
    return fig


def plot_wordcloud_pair(left, right, *, titles: tuple[str, str] = ("保留套话 / with boilerplate",
                                                                 "去除套话 / boilerplate removed")):
    """Two word clouds side by side, e.g. with and without the boilerplate list."""
    from matplotlib.figure import Figure

    style.apply_style()
    fig = Figure(figsize=(12, 3.9))
    for ax, frequencies, title in zip(fig.subplots(1, 2), (left, right), titles):
        _draw_cloud(ax, frequencies, title, width=700, height=450)
    return fig


def plot_wordcloud_grid(table: pd.DataFrame, *, top: int = 60, columns: int = 3,
                        titles: Mapping[str, str] | None = None):
    """Small multiples: one word cloud per document of a ``term_counts`` table (``top`` terms each)."""
    from matplotlib.figure import Figure

    style.apply_style()
    doc_ids = list(dict.fromkeys(table["doc_id"]))
    rows = max(math.ceil(len(doc_ids) / columns), 1)
    fig = Figure(figsize=(4 * columns, 2.7 * rows))
    axes = np.atleast_1d(fig.subplots(rows, columns)).ravel()
    for ax in axes:
        ax.set_axis_off()
    for ax, doc_id in zip(axes, doc_ids):
        part = table[table["doc_id"] == doc_id].head(top)
        _draw_cloud(ax, part, titles.get(doc_id, doc_id) if titles else doc_id, width=500, height=300)
    fig.suptitle("各文档词云 / Word clouds by document")
    return fig


def document_labels(docs: pd.DataFrame, *, width: int = 10) -> dict[str, str]:
    """Short chart labels: doc_id and the start of the title ("d03 在统筹推进新冠肺炎疫…")."""
    titles = docs["title"] if "title" in docs.columns else docs["doc_id"]
    return {d: f"{d} {t[:width]}…" if len(str(t)) > width else f"{d} {t}"
            for d, t in zip(docs["doc_id"], titles.fillna("").astype(str))}


def empty_keyness() -> pd.DataFrame:
    """A keyness table with no rows (for a corpus where the chosen groups do not exist)."""
    return pd.DataFrame(columns=KEYNESS_COLUMNS)


def _require(docs: pd.DataFrame, *columns: str) -> None:
    missing = [c for c in columns if c not in docs.columns]
    if missing:
        raise CorpusError(f"the documents table has no column {', '.join(missing)}")
