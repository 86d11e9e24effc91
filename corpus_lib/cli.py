"""``python -m corpus_lib``: the command line.

Every table command takes ``--corpus PATH`` (a file or folder; default: the seed) and
``--format table|csv|json``. Bad input gets one line on stderr and exit code 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from importlib import import_module

import pandas as pd

from .errors import CorpusError

FORMATS = ("table", "csv", "json")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        raise CorpusError(message)


def _docs(args):
    from .load import load_corpus

    docs = load_corpus(args.corpus)
    table = docs[["doc_id", "title", "issuer", "date", "genre", "n_chars"]].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    return table


def _segment(args):
    from .segment import segment

    return segment(args.text)


def _lazy(module: str, function: str):
    """A table command whose code lives in an analysis module: ``function(docs, args)``."""
    def run(args):
        from .load import load_corpus

        return getattr(import_module(f"corpus_lib.{module}"), function)(load_corpus(args.corpus), args)
    return run


def _run(args):
    from .runner import run_command

    return run_command(args)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m corpus_lib", description="Analyse a Chinese policy and news corpus.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def table_command(name, help_text, handler):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--corpus", metavar="PATH", help="a corpus file or folder (default: the seed corpus)")
        sub.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
        sub.set_defaults(handler=handler)
        return sub

    table_command("docs", "list the documents: doc_id, title, issuer, date, genre, n_chars", _docs)
    segment = commands.add_parser("segment", help="print the tokens of TEXT, separated by spaces")
    segment.add_argument("text", metavar="TEXT")
    segment.add_argument("--format", choices=("table", "json"), default="table")
    segment.set_defaults(handler=_segment)
    keywords = table_command("keywords", "TF-IDF keywords: doc_id, term, score, rank", _lazy("themes", "keyword_records"))
    keywords.add_argument("--top", type=int, default=20, metavar="N", help="keywords per document (default: 20)")
    keywords.add_argument("--by", choices=("doc", "all"), default="doc", help="per document, or the whole corpus")
    table_command("dates", "every date mention: doc_id, surface, date, granularity, kind", _lazy("dates", "date_records"))
    table_command("institutions", "institutions: doc_id, name, type, province, count",
                  _lazy("institutions", "institution_records"))
    table_command("cohorts", "cohort mentions (90后, 00后 …): doc_id, cohort, count", _lazy("cohorts", "cohort_records"))
    table_command("people", "quoted young people: doc_id, name, institution, …, cohort, quote",
                  _lazy("cohorts", "people_records"))
    run = commands.add_parser("run", help="execute every notebook and export figures, tables and a report")
    run.add_argument("--corpus", metavar="PATH", help="your corpus; without it, refresh the repository's own outputs")
    run.add_argument("--out", metavar="DIR", help="output folder (default: a new folder named after the corpus)")
    run.add_argument("--formats", default="png,svg,pdf", help="figure formats, e.g. png,svg,pdf")
    run.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                     help="set a notebook parameter, e.g. -p 'KEYNESS_TARGET=[\"news\"]' (repeatable)")
    run.set_defaults(handler=_run)
    return parser


def render(result, fmt: str) -> str:
    if isinstance(result, list):  # tokens
        return json.dumps(result, ensure_ascii=False) if fmt == "json" else " ".join(result)
    table = result.reset_index(drop=True)
    if fmt == "json":
        records = json.loads(table.to_json(orient="records", force_ascii=False, date_format="iso"))
        # One record a line: readable, and the C encoder stays fast on 10,000s of records (indent= does not).
        return "[\n" + ",\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n]"
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
