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

from generator.arguments import parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser().parse_args(argv)
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
        return int(VERBS[args.verb_name](args))
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
        from generator.plan.program.timeline_text import moves

        for line in moves(project):  # what the working calendar moved off a day off
            print(line)
        print(f"ok: {_curriculum_name(project.curriculum_file)} ({counts}) and {project.organization_file}")
    return 0


def _warn_of_namesakes(org: Path | None) -> None:
    """A profile named like another in its folder still builds, with a warning: in `--all`
    the two are refused (commands/all_orgs.py, `namesakes`)."""
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
    serve(Path.cwd(), args.org, args.port, quiet=args.quiet, verbose=args.verbose)
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
        if started.kept:
            kept = " and ".join(started.kept)
            print(f"kept your own {kept} as {'it was' if len(started.kept) == 1 else 'they were'}")
    return 0


def _results(args: argparse.Namespace) -> int:
    from generator.commands.results import results
    from generator.errors import display_path

    outcome = results(Path.cwd(), args.org, args.inputs, args.out, minimum=args.min_group)
    for issue in outcome.issues:
        print(f"warning: {issue}", file=sys.stderr)
    if not args.quiet:
        left_out = f", {_plural(len(outcome.issues), 'submission')} left out" if outcome.issues else ""
        shown = display_path(outcome.out / "index.html")
        print(f"counted {_plural(outcome.counted, 'response')}{left_out}: open {shown}")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from generator.commands.doctor import examine

    findings = examine()
    for finding in findings:
        if not (args.quiet and finding.ok):
            print(finding)
    return 1 if any(f.blocks for f in findings) else 0


VERBS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": _init,
    "results": _results,
    "build": _build,
    "validate": _validate,
    "serve": _serve,
    "schema": _schema,
    "new_org": _new_org,
    "doctor": _doctor,
}
