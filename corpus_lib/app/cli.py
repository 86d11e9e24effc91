"""``python -m corpus_lib``: the command line, a thin front end over the analysis modules.

Every table command takes ``--corpus PATH`` (a file, folder or ZIP archive; default: the seed),
``--columns FIELD=COLUMN,…`` (which columns of a table hold the text, title, date …; they are recognised
from the header otherwise) and ``--format table|csv|json``. Bad input gets one line on stderr and exit code 2.

The table commands are one registry (``TABLE_COMMANDS``): a name, a help line, the function that
turns the documents table into the printed table, and any extra options. To add a command, add a
row; the analysis modules know nothing about the command line.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, NamedTuple

import pandas as pd

from ..cache import doccache
from ..errors import CorpusError
from ..extract.cohorts import cohort_counts
from ..extract.dates import date_mentions
from ..extract.institutions import institution_mentions
from ..extract.people import extract_people
from ..io.corpus import load_corpus
from ..preprocessing.segmentation import segment
from ..textstats import reprints, topics
from ..textstats.themes import tfidf_keywords
from .runner import run_command

FORMATS = ("table", "csv", "json")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        raise CorpusError(message)


class TableCommand(NamedTuple):
    name: str
    help: str
    table: Callable[[pd.DataFrame, argparse.Namespace], pd.DataFrame]
    options: tuple[tuple[tuple, dict], ...] = ()


# ---------------------------------------------------------------- the table commands

def documents_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    table = docs[["doc_id", "title", "issuer", "date", "genre", "n_chars"]].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    return table


def keywords_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    if args.top < 1:
        raise CorpusError("--top must be at least 1")
    return tfidf_keywords(docs, top=args.top, by=args.by)


def dates_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    return date_mentions(docs)[["doc_id", "surface", "date", "granularity", "date_kind"]]


def institutions_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    """One row per institution per document: doc_id, name (canonical), type, province, count."""
    mentions = institution_mentions(docs)
    columns = ["doc_id", "name", "type", "province", "count"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    mentions = mentions.assign(province=mentions["province"].fillna(""))
    records = (mentions.groupby(["doc_id", "canonical", "type", "province"], sort=True).size()
               .rename("count").reset_index().rename(columns={"canonical": "name"}))
    records["province"] = records["province"].replace("", None)
    return records.sort_values(["doc_id", "count", "name"], ascending=[True, False, True],
                               kind="stable")[columns].reset_index(drop=True)


def cohorts_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    """doc_id, cohort, count: only non-zero counts, documents in order."""
    table = cohort_counts(docs).stack().rename("count").reset_index()
    return table[table["count"] > 0].reset_index(drop=True)


def people_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    columns = ["doc_id", "name", "institution", "institution_type", "province", "role", "cohort", "quote"]
    return extract_people(docs)[columns]


def reprints_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    """doc_id, reprint_of, similarity: one row per document that reprints an earlier one."""
    return reprints.find_reprints(docs)


def topics_table(docs: pd.DataFrame, args) -> pd.DataFrame:
    """doc_id, topic, weight: each document's topics (K by coherence unless --k is given)."""
    model = topics.fit_topics(docs, k=args.k)
    print(f"K = {model.k} (NPMI coherence {model.score:.3f}"
          f"{', set by --k' if args.k is not None else ', the best of K = 2–' + str(int(model.coherence['k'].max()))})",
          file=sys.stderr)
    return topics.document_topics(model)


TABLE_COMMANDS = (
    TableCommand("docs", "list the documents: doc_id, title, issuer, date, genre, n_chars", documents_table),
    TableCommand("keywords", "TF-IDF keywords: doc_id, term, score, rank", keywords_table, (
        (("--top",), {"type": int, "default": 20, "metavar": "N", "help": "keywords per document (default: 20)"}),
        (("--by",), {"choices": ("doc", "all"), "default": "doc", "help": "per document, or the whole corpus"}),
    )),
    TableCommand("dates", "every date mention: doc_id, surface, date, granularity, date_kind", dates_table),
    TableCommand("institutions", "institutions: doc_id, name, type, province, count", institutions_table),
    TableCommand("cohorts", "cohort mentions (90后, 00后 …): doc_id, cohort, count", cohorts_table),
    TableCommand("people", "named young people: doc_id, name, institution, …, cohort, quote", people_table),
    TableCommand("reprints", "near-duplicate documents (MinHash LSH): doc_id, reprint_of, similarity", reprints_table),
    TableCommand("topics", "NMF topics of each document: doc_id, topic, weight", topics_table, (
        (("--k",), {"type": int, "default": None, "metavar": "K",
                    "help": "number of topics (default: the K of best NPMI coherence, 2 to 10)"}),
    )),
)


# ---------------------------------------------------------------- the other commands

def _table_handler(command: TableCommand):
    def run(args):
        with doccache.workers(2):  # per-document results not cached yet are computed with both cores
            return command.table(load_corpus(args.corpus, columns=args.columns), args)
    return run


def _segment(args):
    return segment(args.text)


def _run(args):
    return run_command(args)


COLUMNS_HELP = ("which columns of a table hold the fields: text, title, date, issuer, author, url, e.g. "
                "--columns text=正文,title=标题 (default: recognised from the header; date= switches one off)")


def _add_corpus_options(parser, corpus_help: str) -> None:
    parser.add_argument("--corpus", metavar="PATH", help=corpus_help)
    parser.add_argument("--columns", action="append", metavar="FIELD=COLUMN,…", help=COLUMNS_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m corpus_lib", description="Analyse a Chinese policy and news corpus.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for command in TABLE_COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        _add_corpus_options(sub, "a corpus file, folder or ZIP archive (default: the seed corpus)")
        sub.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
        for flags, options in command.options:
            sub.add_argument(*flags, **options)
        sub.set_defaults(handler=_table_handler(command))
    segment = commands.add_parser("segment", help="print the tokens of TEXT, separated by spaces")
    segment.add_argument("text", metavar="TEXT")
    segment.add_argument("--format", choices=("table", "json"), default="table")
    segment.set_defaults(handler=_segment)
    run = commands.add_parser("run", help="execute every notebook and export figures, tables and a report")
    _add_corpus_options(run, "your corpus; without it, refresh the repository's own outputs")
    run.add_argument("--out", metavar="DIR", help="output folder (default: a new folder named after the corpus)")
    run.add_argument("--formats", default="png,svg,pdf", help="figure formats, e.g. png,svg,pdf")
    run.add_argument("--report", metavar="html,docx", help="the reports to write (default: both)")
    run.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                     help="set a notebook parameter, e.g. -p 'KEYNESS_TARGET=[\"news\"]' (repeatable)")
    run.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                     help="compute the per-document results on this Dask scheduler's workers ('local': a LocalCluster "
                          "of 2 workers here; default: $CORPUS_LIB_SCHEDULER, else this machine's two cores)")
    run.set_defaults(handler=_run)
    return parser


def render(result, fmt: str) -> str:
    if isinstance(result, list):  # tokens
        return json.dumps(result, ensure_ascii=False) if fmt == "json" else " ".join(result)
    table = result.reset_index(drop=True)
    if fmt == "json":
        # One record a line: readable, and pandas' encoder stays fast on 10,000s of records (indent= does not).
        lines = table.to_json(orient="records", lines=True, force_ascii=False, date_format="iso").splitlines()
        return "[\n" + ",\n".join(lines) + "\n]"
    if fmt == "csv":
        return table.to_csv(index=False).rstrip("\n")
    with pd.option_context("display.unicode.east_asian_width", True, "display.max_colwidth", 60,
                           "display.width", 200):
        return table.to_string(index=False) if len(table) else "(no rows)"


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        result = args.handler(args)
        if isinstance(result, int):
            return result
        print(render(result, getattr(args, "format", "table")))
        return 0
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
