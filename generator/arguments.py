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
  mentorbook new-org "Acme Health"                   start a new profile"""


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

    init = verbs.add_parser(
        "init",
        parents=[common],
        help="start a handbook project",
        description="Start a handbook project in DIR: a commented organization profile, an empty overrides/ folder and a README of what to edit. Its builds use the curriculum Mentorbook ships, unless it has its own curriculum.yaml.",
    )
    init.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR", help="where (default: here)")
    init.add_argument("--org", metavar="NAME", help='the organization\'s name (default: "My organization")')
    init.add_argument(
        "--copy-curriculum", action="store_true", help="take a copy of the curriculum and its guides to edit"
    )
    init.set_defaults(verb_name="init")

    build = verbs.add_parser(
        "build",
        parents=[common],
        help="build a handbook website",
        description="Build an organization's handbook website.",
    )
    _org_option(build)
    build.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="output folder (default: site/, or sites/ with --all); replaced only when the build succeeds",
    )
    build.add_argument(
        "--all", action="store_true", help="build every profile in organizations/ into DIR/<slug>/, plus a landing page"
    )
    build.add_argument(
        "--jobs",
        type=_whole_number(1, 64),
        metavar="N",
        help="with --all: how many to build at once (default: the number of cores)",
    )
    build.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="what builds the website from the pages: mkdocs (default) or zensical (optional, faster on large sites)",
    )
    build.add_argument(
        "--force", action="store_true", help="build even when nothing changed since the last build in the output folder"
    )
    build.set_defaults(verb_name="build")

    validate = verbs.add_parser(
        "validate",
        parents=[common],
        help="check the curriculum and a profile; write nothing",
        description="Check curriculum.yaml, the content pages and an organization profile, and report every problem at once. Writes nothing.",
    )
    _org_option(validate)
    validate.set_defaults(verb_name="validate")

    serve = verbs.add_parser(
        "serve",
        parents=[common],
        help="preview on 127.0.0.1, rebuilding on every change",
        description="Build, serve on 127.0.0.1 and rebuild and reload the browser when curriculum.yaml, organizations/, content/ or overrides/ change.",
    )
    _org_option(serve)
    serve.add_argument("--port", type=_whole_number(1, 65535), default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(verb_name="serve")

    schema = verbs.add_parser(
        "schema",
        parents=[common],
        help="write JSON Schemas for editors",
        description="Write JSON Schemas of the curriculum and organization files, which editors with the YAML language server use to complete and check them.",
    )
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), metavar="DIR", help="folder to write to (default: schemas/)"
    )
    schema.set_defaults(verb_name="schema")

    new_org = verbs.add_parser(
        "new-org",
        parents=[common],
        help="start a new organization profile",
        description="Write organizations/SLUG.yaml, a commented profile to fill in, and the folder organizations/SLUG/ for its logo.",
    )
    new_org.add_argument("name", help='the organization\'s name, e.g. "Acme Health"')
    new_org.set_defaults(verb_name="new_org")

    doctor = verbs.add_parser(
        "doctor",
        parents=[common],
        help="check what this machine builds with",
        description="Report the site engine, its theme's end-of-life date, WeasyPrint's system libraries (Pango) and the fonts, with a fix for each missing piece.",
    )
    doctor.set_defaults(verb_name="doctor")
    return parser


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
