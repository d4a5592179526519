"""The command line's grammar: every verb, its options and its help. cli.py runs them.

Built with the standard library only, so that `mentorbook --help` answers at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

DESCRIPTION = """\
Turn a mentoring curriculum and an organization profile (organizations/NAME.yaml) into
that organization's mentoring handbook: a searchable website that works offline, with
printable worksheets. Run it in a handbook project's folder, the one that holds
organizations/; `mentorbook init` starts one. The curriculum is the one Mentorbook ships,
unless the project has its own curriculum.yaml."""

EPILOG = """\
exit codes: 0 done, 1 a problem in your files (each shown as file:line:column),
2 a mistake in the command itself, 70 a bug in Mentorbook.
examples:
  mentorbook init handbook --org "Acme Health"       start a handbook project in handbook/
  mentorbook build                                   the example organization into site/
  mentorbook build --org organizations/acme.yaml --out public/acme
  mentorbook validate --org organizations/acme.yaml  check without building
  mentorbook new-org "Acme Health"                   start a new profile
  mentorbook results returned/ export.csv            a report on filled feedback forms"""


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentorbook",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from generator import __version__

    parser.add_argument("--version", action="version", version=f"mentorbook {__version__}")
    _loudness(parser, default=False)
    common = argparse.ArgumentParser(add_help=False)
    _loudness(common, default=argparse.SUPPRESS)  # after the verb too: `mentorbook build -q`
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND", dest="verb", required=True)
    for name, summary, description, options in VERBS:
        verb = verbs.add_parser(name, parents=[common], help=summary, description=description)
        options(verb)
        verb.set_defaults(verb_name=name.replace("-", "_"))
    return parser


def _init(verb: argparse.ArgumentParser) -> None:
    verb.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR", help="where (default: here)")
    verb.add_argument("--org", metavar="NAME", help='the organization\'s name (default: "My organization")')
    verb.add_argument(
        "--copy-curriculum", action="store_true", help="take a copy of the curriculum and its guides to edit"
    )


def _build(verb: argparse.ArgumentParser) -> None:
    _org_option(verb)
    verb.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="output folder (default: site/, or sites/ with --all); replaced only when the build succeeds",
    )
    verb.add_argument(
        "--all", action="store_true", help="build every profile in organizations/ into DIR/<slug>/, plus a landing page"
    )
    verb.add_argument(
        "--jobs",
        type=_whole_number(1, 64),
        metavar="N",
        help="with --all: how many to build at once (default: the number of cores)",
    )
    verb.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="what builds the website from the pages: mkdocs (default; MkDocs or ProperDocs, whichever is "
        "installed) or zensical (optional)",
    )
    verb.add_argument(
        "--force", action="store_true", help="build even when nothing changed since the last build in the output folder"
    )


def _serve(verb: argparse.ArgumentParser) -> None:
    _org_option(verb)
    verb.add_argument("--port", type=_whole_number(1, 65535), default=8000, help="port on 127.0.0.1 (default: 8000)")


def _schema(verb: argparse.ArgumentParser) -> None:
    verb.add_argument(
        "--out", type=Path, default=Path("schemas"), metavar="DIR", help="folder to write to (default: schemas/)"
    )


def _new_org(verb: argparse.ArgumentParser) -> None:
    verb.add_argument("name", help='the organization\'s name, e.g. "Acme Health"')


def _results(verb: argparse.ArgumentParser) -> None:
    _org_option(verb)
    verb.add_argument(
        "inputs", nargs="+", type=Path, metavar="INPUT", help="filled fillable PDFs, CSV exports, or folders of them"
    )
    verb.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="where the report goes (default: results/); replaced each run, never a folder that holds a handbook",
    )
    verb.add_argument(
        "--min-group",
        type=_whole_number(1, 1000),
        default=5,
        metavar="N",
        help="the smallest group whose answers are shown (default: 5); smaller ones show only their count",
    )


def _nothing(verb: argparse.ArgumentParser) -> None:
    """A verb without options of its own."""


def _loudness(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default, help="print only problems")
    group.add_argument(
        "-v", "--verbose", action="store_true", default=default, help="also show the log lines of MkDocs and WeasyPrint"
    )


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, or a usage message (exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


def _org_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--org",
        type=Path,
        metavar="FILE",
        help="organization profile (default: organizations/example.yaml, or the only profile there)",
    )


Options = Callable[[argparse.ArgumentParser], None]
# (verb, one line for `mentorbook --help`, its own --help, its options)
VERBS: tuple[tuple[str, str, str, Options], ...] = (
    (
        "init",
        "start a handbook project",
        "Start a handbook project in DIR: a commented organization profile, an empty overrides/ folder and a "
        "README of what to edit. Its builds use the curriculum Mentorbook ships, unless it has its own "
        "curriculum.yaml.",
        _init,
    ),
    ("build", "build a handbook website", "Build an organization's handbook website.", _build),
    (
        "validate",
        "check the curriculum and a profile; write nothing",
        "Check the curriculum, the content pages and an organization profile, and report every problem at "
        "once. Writes nothing.",
        _org_option,
    ),
    (
        "serve",
        "preview on 127.0.0.1, rebuilding on every change",
        "Build, serve on 127.0.0.1 and rebuild and reload the browser when the curriculum, organizations/, "
        "content/ or overrides/ change: the pages first, then the PDFs the change affects, in the background.",
        _serve,
    ),
    (
        "schema",
        "write JSON Schemas for editors",
        "Write JSON Schemas of the curriculum and organization files, which editors with the YAML language "
        "server use to complete and check them.",
        _schema,
    ),
    (
        "new-org",
        "start a new organization profile",
        "Write organizations/SLUG.yaml, a commented profile to fill in, and the folder organizations/SLUG/ for "
        "its logo.",
        _new_org,
    ),
    (
        "results",
        "report on filled feedback forms",
        "Read filled feedback forms (fillable PDFs) and CSV exports of the question bank's XLSForms, check that "
        "each answers this handbook's forms, and write a report (page and PDF), a CSV of every answer and the "
        "problems found. A submission that is altered, repeated (the same submission id or file), empty or from "
        "another form is left out and named; the rest are counted (exit 0). Exit 1 when nothing could be counted. "
        "CSVs are read row by row (RFC 4180, delimiter guessed); a PDF may be 20 MB, a CSV 200 MB, an answer "
        "20,000 characters, a run 50,000 responses.",
        _results,
    ),
    (
        "doctor",
        "check what this machine builds with",
        "Report the site engine, its theme's end-of-life date, WeasyPrint's system libraries (Pango) and the "
        "bundled fonts, with a fix for each missing piece. Exits 1 only when a build cannot work; optional "
        "pieces are notes.",
        _nothing,
    ),
)
