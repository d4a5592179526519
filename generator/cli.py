"""`mentorbook`: verbs only. Each parses its arguments, calls one library function and maps
the outcome to an exit code: 0 done, 1 a problem in the user's files, 2 a usage mistake.

Imports of the heavy libraries happen inside the verbs, so `--help` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

DESCRIPTION = """\
Turn a mentoring curriculum (curriculum.yaml) and an organization profile
(organizations/NAME.yaml) into that organization's mentoring handbook: a searchable
website that works offline. Run it in the folder that holds curriculum.yaml."""

EPILOG = """\
exit codes: 0 done, 1 a problem in your files (each shown as file:line:column),
2 a mistake in the command itself.
examples:
  mentorbook build                                   the example organization into site/
  mentorbook build --org organizations/acme.yaml --out public/acme
  mentorbook validate --org organizations/acme.yaml  check without building
  mentorbook new-org "Acme Health"                   start a new profile"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from generator.clock import BadSettingError, settle
    from generator.errors import InputError, UsageError

    try:
        settle()  # before anything reads the variable: ours, MkDocs', WeasyPrint's
    except BadSettingError as error:
        print(f"mentorbook: {error}", file=sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except InputError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except UsageError as error:
        print(f"mentorbook {args.verb}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stopped; the previous output is unchanged", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentorbook",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from generator import __version__

    parser.add_argument("--version", action="version", version=f"mentorbook {__version__}")
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND", dest="verb", required=True)

    build = verbs.add_parser(
        "build", help="build a handbook website", description="Build an organization's handbook website."
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
    build.set_defaults(run=_build)

    validate = verbs.add_parser(
        "validate",
        help="check the curriculum and a profile; write nothing",
        description="Check curriculum.yaml, the content pages and an organization profile, and report every problem at once. Writes nothing.",
    )
    _org_option(validate)
    validate.set_defaults(run=_validate)

    serve = verbs.add_parser(
        "serve",
        help="preview on 127.0.0.1, rebuilding on every change",
        description="Build, serve on 127.0.0.1 and rebuild and reload the browser when curriculum.yaml, organizations/, content/ or overrides/ change.",
    )
    _org_option(serve)
    serve.add_argument("--port", type=_whole_number(1, 65535), default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(run=_serve)

    schema = verbs.add_parser(
        "schema",
        help="write JSON Schemas for editors",
        description="Write JSON Schemas of the curriculum and organization files, which editors with the YAML language server use to complete and check them.",
    )
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), metavar="DIR", help="folder to write to (default: schemas/)"
    )
    schema.set_defaults(run=_schema)

    new_org = verbs.add_parser(
        "new-org",
        help="start a new organization profile",
        description="Write organizations/SLUG.yaml, a commented profile to fill in, and the folder organizations/SLUG/ for its logo.",
    )
    new_org.add_argument("name", help='the organization\'s name, e.g. "Acme Health"')
    new_org.set_defaults(run=_new_org)
    return parser


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
        "--org", type=Path, metavar="FILE", help="organization profile (default: organizations/example.yaml)"
    )


def _build(args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.errors import UsageError, display_path

    if args.all:
        return _build_all(args)
    if args.jobs is not None:
        raise UsageError(
            "--jobs is for --all, which builds several organizations at once", "add --all, or leave out --jobs"
        )
    _warn_of_namesakes(args.org)
    result = build(Path.cwd(), args.org, args.out, engine=args.engine, force=args.force)
    index = result.out / "index.html"
    if result.skipped:
        print(f"up to date: nothing changed since the last build (--force builds anyway): open {display_path(index)}")
    else:
        print(f"built {result.pages} pages in {result.seconds:.1f} s: open {display_path(index)}")
    return 0


def _build_all(args: argparse.Namespace) -> int:
    from generator.commands.all_orgs import Progress, build_all, summary
    from generator.errors import UsageError, display_path

    if args.org:
        raise UsageError(
            "--all builds every profile in organizations/", "leave out --org, or leave out --all to build one"
        )
    out = args.out or Path("sites")
    outcomes = build_all(Path.cwd(), out, args.jobs, Progress(), engine=args.engine, force=args.force)
    text, ok = summary(outcomes)
    print(text, file=sys.stdout if ok else sys.stderr)
    print(f"open {display_path(out / 'index.html')}")
    return 0 if ok else 1


def _validate(args: argparse.Namespace) -> int:
    from generator.build import check

    _warn_of_namesakes(args.org)
    project = check(Path.cwd(), args.org)
    modules, sessions = len(project.curriculum.modules), len(project.curriculum.sessions())
    counts = f"{_plural(modules, 'module')}, {_plural(sessions, 'session')}"
    print(f"ok: {project.curriculum_file} ({counts}) and {project.organization_file}")
    return 0


def _warn_of_namesakes(org: Path | None) -> None:
    """A profile named like another in its folder still builds, with a warning: in `--all`
    the two are refused (see many.py)."""
    from dataclasses import replace

    from generator.commands.all_orgs import namesakes_of
    from generator.read.project import DEFAULT_ORG

    for problem in namesakes_of(org or DEFAULT_ORG):
        print(replace(problem, message=f"warning: {problem.message}"), file=sys.stderr)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import serve

    _warn_of_namesakes(args.org)
    serve(Path.cwd(), args.org, args.port)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.commands.schema import write_schemas
    from generator.errors import UsageError

    try:
        written = write_schemas(args.out)
    except OSError as error:
        raise UsageError(f"cannot write into {args.out} ({error.strerror})", "choose another --out folder") from None
    for path in written:
        print(f"wrote {path}")
    return 0


def _new_org(args: argparse.Namespace) -> int:
    from generator.commands.scaffold import new_organization

    profile = new_organization(Path.cwd(), args.name)
    print(f"wrote {profile}: fill it in, then run `mentorbook build --org {profile}`")
    return 0
