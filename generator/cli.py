"""`mentorbook`: verbs only. Each parses its arguments, calls one library function and maps
the outcome to an exit code: 0 done, 1 a problem in the user's files, 2 a usage mistake,
70 a bug (one line says where its traceback was written).

Imports of the heavy libraries happen inside the verbs, so `--help` answers at once.
"""

from __future__ import annotations

import argparse
import sys
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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    from generator.clock import BadSettingError, settle
    from generator.console import EX_SOFTWARE, configure_logging, report_bug
    from generator.errors import InputError, UsageError

    configure_logging(args.verbose)

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
    except Exception:
        print(report_bug(argv, args.verbose), file=sys.stderr)
        return EX_SOFTWARE


def _parser() -> argparse.ArgumentParser:
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
    init.set_defaults(run=_init)

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
    build.set_defaults(run=_build)

    validate = verbs.add_parser(
        "validate",
        parents=[common],
        help="check the curriculum and a profile; write nothing",
        description="Check curriculum.yaml, the content pages and an organization profile, and report every problem at once. Writes nothing.",
    )
    _org_option(validate)
    validate.set_defaults(run=_validate)

    serve = verbs.add_parser(
        "serve",
        parents=[common],
        help="preview on 127.0.0.1, rebuilding on every change",
        description="Build, serve on 127.0.0.1 and rebuild and reload the browser when curriculum.yaml, organizations/, content/ or overrides/ change.",
    )
    _org_option(serve)
    serve.add_argument("--port", type=_whole_number(1, 65535), default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(run=_serve)

    schema = verbs.add_parser(
        "schema",
        parents=[common],
        help="write JSON Schemas for editors",
        description="Write JSON Schemas of the curriculum and organization files, which editors with the YAML language server use to complete and check them.",
    )
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), metavar="DIR", help="folder to write to (default: schemas/)"
    )
    schema.set_defaults(run=_schema)

    new_org = verbs.add_parser(
        "new-org",
        parents=[common],
        help="start a new organization profile",
        description="Write organizations/SLUG.yaml, a commented profile to fill in, and the folder organizations/SLUG/ for its logo.",
    )
    new_org.add_argument("name", help='the organization\'s name, e.g. "Acme Health"')
    new_org.set_defaults(run=_new_org)

    doctor = verbs.add_parser(
        "doctor",
        parents=[common],
        help="check what this machine builds with",
        description="Report the site engine, its theme's end-of-life date, WeasyPrint's system libraries (Pango) and the fonts, with a fix for each missing piece.",
    )
    doctor.set_defaults(run=_doctor)
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


def _build(args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.errors import UsageError, display_path

    if args.all:
        return _build_all(args)
    if args.jobs is not None:
        raise UsageError(
            "--jobs is for --all, which builds several organizations at once", "add --all, or leave out --jobs"
        )
    from generator.console import BuildProgress

    _warn_of_namesakes(args.org)
    progress = BuildProgress(args.quiet, args.verbose)
    try:
        result = build(Path.cwd(), args.org, args.out, engine=args.engine, force=args.force, stages=progress)
    finally:
        progress.clear()
    index = result.out / "index.html"
    if args.quiet:
        pass
    elif result.skipped:
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
    report = None if args.quiet else Progress()
    outcomes = build_all(Path.cwd(), out, args.jobs, report, engine=args.engine, force=args.force)
    text, ok = summary(outcomes)
    if not (ok and args.quiet):
        print(text, file=sys.stdout if ok else sys.stderr)
    if not args.quiet:
        print(f"open {display_path(out / 'index.html')}")
    return 0 if ok else 1


def _validate(args: argparse.Namespace) -> int:
    from generator.build import check

    _warn_of_namesakes(args.org)
    project = check(Path.cwd(), args.org)
    modules, sessions = len(project.curriculum.modules), len(project.curriculum.sessions())
    counts = f"{_plural(modules, 'module')}, {_plural(sessions, 'session')}"
    if not args.quiet:
        print(f"ok: {_curriculum_name(project.curriculum_file)} ({counts}) and {project.organization_file}")
    return 0


def _warn_of_namesakes(org: Path | None) -> None:
    """A profile named like another in its folder still builds, with a warning: in `--all`
    the two are refused (see many.py)."""
    from dataclasses import replace

    from generator.commands.all_orgs import namesakes_of
    from generator.read.layout import default_profile

    for problem in namesakes_of(org or default_profile(Path.cwd())):
        print(replace(problem, message=f"warning: {problem.message}"), file=sys.stderr)


def _curriculum_name(shown: str) -> str:
    from generator import __version__
    from generator.read.layout import is_shipped

    return f"the curriculum of Mentorbook {__version__}" if is_shipped(Path(shown)) else shown


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import serve

    _warn_of_namesakes(args.org)
    serve(Path.cwd(), args.org, args.port, quiet=args.quiet)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.commands.schema import write_schemas
    from generator.errors import UsageError

    try:
        written = write_schemas(args.out)
    except OSError as error:
        raise UsageError(f"cannot write into {args.out} ({error.strerror})", "choose another --out folder") from None
    for path in written:
        if not args.quiet:
            print(f"wrote {path}")
    return 0


def _new_org(args: argparse.Namespace) -> int:
    from generator.commands.scaffold import new_organization

    profile = new_organization(Path.cwd(), args.name)
    if not args.quiet:
        print(f"wrote {profile}: fill it in, then run `mentorbook build --org {profile}`")
    return 0


def _init(args: argparse.Namespace) -> int:
    from generator.commands.init import init_project
    from generator.errors import display_path

    started = init_project(args.folder, args.org, args.copy_curriculum)
    if not args.quiet:
        where = display_path(started.folder)
        step = "" if where == "." else f"cd {where} && "
        print(f"started a handbook project in {where}/: fill in {started.profile}, then run `{step}mentorbook build`")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from generator.commands.doctor import examine

    findings = examine()
    for finding in findings:
        if not (args.quiet and finding.ok):
            print(finding)
    return 0 if all(f.ok for f in findings) else 1
