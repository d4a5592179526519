"""`mentorbook build --all`: every profile in organizations/ into OUT/<slug>/, in parallel,
plus a landing page that lists them. One broken profile does not stop the others."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import chain
from multiprocessing import Manager
from pathlib import Path
from typing import Any, TextIO

from generator.console import LABELS
from generator.errors import InputError, Problem, display_path
from generator.models.source import YamlFile
from generator.read.layout import ORGANIZATIONS, require_handbook
from generator.read.yaml_file import load_yaml
from generator.stages import Stages


@dataclass(frozen=True)
class Outcome:
    slug: str
    name: str | None  # the organization's name when it built
    seconds: float
    pages: int
    problems: tuple[str, ...]  # empty when it built
    skipped: bool = False  # already up to date: nothing that reaches it changed


def build_all(
    root: Path,
    out: Path,
    jobs: int | None = None,
    report: Progress | None = None,
    *,
    engine: str = "mkdocs",
    force: bool = False,
) -> list[Outcome]:
    """Build every organization; `report` hears of each as it finishes (done, total) and, on a
    terminal, of each one's stages and documents as they go. Those whose inputs did not change
    since their last build are skipped (see fingerprint.py)."""
    require_handbook(root)
    profiles = sorted((root / ORGANIZATIONS).glob("*.yaml"))
    if not profiles:
        raise InputError(
            [
                Problem(
                    display_path(root / ORGANIZATIONS),
                    0,
                    0,
                    "there are no profiles (*.yaml) here",
                    'start one with `mentorbook new-org "Your name"`',
                )
            ]
        )
    from generator.write import HANDBOOKS, output_lock, refuse_other_kind, write_landing

    refused = namesakes(profiles)
    to_build = [p for p in profiles if p not in refused]
    outcomes: list[Outcome] = []
    options = {"engine": engine, "force": force}
    with output_lock(out):  # each organization's folder has its own lock too (see build)
        refuse_other_kind(out, HANDBOOKS)
        steps = report.step if report and report.tty else None
        runs = _run(root, to_build, out, jobs or os.cpu_count() or 1, options, steps)
        for done, outcome in enumerate(chain(_refusals(refused), runs), start=1):
            outcomes.append(outcome)
            if report:
                report(outcome, done, len(profiles))
        outcomes.sort(key=lambda o: o.slug)
        write_landing(out, [(o.slug, o.name) for o in outcomes if o.name])
    return outcomes


def _refusals(refused: dict[Path, Problem]) -> Iterator[Outcome]:
    yield from (Outcome(path.stem, None, 0.0, 0, (str(problem),)) for path, problem in refused.items())


def _run(
    root: Path, profiles: list[Path], out: Path, jobs: int, options: dict[str, Any], steps: Say | None
) -> Iterator[Outcome]:
    """One organization at a time, each laying its PDFs out on every core; or `jobs` at a time,
    each in one process (a PDF pool inside this pool would only fight it for the cores)."""
    if not profiles:
        return
    if jobs == 1 or len(profiles) == 1:
        yield from (build_one(root, p, out / p.stem, **options, say=steps) for p in profiles)
        return
    # A queue for the workers' steps only on a terminal: its manager is one more process.
    with (
        ProcessPoolExecutor(max_workers=min(jobs, len(profiles))) as pool,
        Manager() if steps else nullcontext() as manager,
    ):
        queue = manager.Queue() if manager else None
        pending = {
            pool.submit(
                build_one, root, p, out / p.stem, **options, say=None if queue is None else queue.put, pdf_jobs=1
            )
            for p in profiles
        }
        while pending:
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            while queue is not None and steps and not queue.empty():
                steps(queue.get())
            yield from (future.result() for future in finished)


Say = Callable[[tuple[str, str]], None]  # hears (slug, what it is doing), e.g. ("example", "PDFs 3 of 18")


class _Steps(Stages):
    """One organization's build, told as it goes: its stages and documents, for the bar."""

    def __init__(self, slug: str, say: Say) -> None:
        super().__init__()
        self.slug, self.say = slug, say

    def begin(self, name: str) -> None:
        if name in LABELS:
            self.say((self.slug, LABELS[name]))

    def progress(self, name: str, done: int, total: int) -> None:
        self.say((self.slug, f"{LABELS.get(name, name)} {done} of {total}"))


def namesakes(profiles: list[Path]) -> dict[Path, Problem]:
    """The profiles that share their `name` with another, each with a problem that names the
    others. A profile copied from another keeps its name unless changed, and then two
    handbooks look the same on the landing page, in their headers and on their covers."""
    named: dict[str, list[tuple[Path, YamlFile]]] = {}
    for path in profiles:
        try:
            source = load_yaml(path)
        except InputError:
            continue  # its own build says what is wrong with it
        name = source.data.get("name")
        if isinstance(name, str) and name.strip():
            named.setdefault(_folded(name), []).append((path, source))
    found = {}
    for group in (g for g in named.values() if len(g) > 1):
        for path, source in group:
            others = ", ".join(display_path(p) for p, _ in group if p != path)
            found[path] = source.problem(
                ("name",),
                f'name: "{source.data["name"].strip()}" is also the name in {others}',
                "give each organization its own name, so that their handbooks can be told apart",
            )
    return found


def namesakes_of(profile: Path) -> list[Problem]:
    """The problem `namesakes` finds for this profile among those in its folder, if any."""
    others = [p for p in sorted(profile.parent.glob("*.yaml")) if p.resolve() != profile.resolve()]
    return [problem for path, problem in namesakes([profile, *others]).items() if path == profile]


def _folded(name: str) -> str:
    """Names that read the same: "Acme  Health" and "acme health"."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def build_one(
    root: Path,
    profile: Path,
    out: Path,
    engine: str = "mkdocs",
    force: bool = False,
    say: Say | None = None,
    pdf_jobs: int | None = None,
) -> Outcome:
    """One organization (in a worker of `--all`'s pool, its PDFs laid out by `pdf_jobs`
    processes); `say` hears of its stages."""
    from generator.build import BuildOptions, build

    stages = _Steps(profile.stem, say) if say else None
    options = BuildOptions(processes=pdf_jobs)
    try:
        result = build(root, profile, out, engine=engine, force=force, stages=stages, options=options)
    except InputError as error:
        return Outcome(profile.stem, None, 0.0, 0, tuple(str(p) for p in error.problems))
    except Exception as error:  # a bug, but it must not stop the other organizations
        return Outcome(
            profile.stem, None, 0.0, 0, (f"internal error, please report it: {type(error).__name__}: {error}",)
        )
    return Outcome(profile.stem, result.name, result.seconds, result.pages, (), result.skipped)


class Progress:
    """A bar on a terminal, one plain line per organization elsewhere (logs, CI)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr  # looked up now, not at import: tests replace it
        self.tty = self.stream.isatty()
        self.width, self.filled = 24, 0

    def step(self, item: tuple[str, str]) -> None:
        """What one organization is doing now, beside the bar (on a terminal only)."""
        slug, doing = item
        print(
            f"\r[{'#' * self.filled}{'.' * (self.width - self.filled)}] {slug}: {doing}…\033[K",
            end="",
            file=self.stream,
            flush=True,
        )

    def __call__(self, outcome: Outcome, done: int, total: int) -> None:
        state = f"{outcome.pages} pages, {outcome.seconds:.1f} s" if outcome.name else "FAILED"
        state = "up to date" if outcome.skipped else state
        if self.tty:
            self.filled = self.width * done // total
            end = "\n" if done == total else ""
            print(
                f"\r[{'#' * self.filled}{'.' * (self.width - self.filled)}] {done}/{total} {outcome.slug}: {state}\033[K",
                end=end,
                file=self.stream,
                flush=True,
            )
        else:
            print(f"{done}/{total} {outcome.slug}: {state}", file=self.stream, flush=True)


def summary(outcomes: list[Outcome]) -> tuple[str, bool]:
    failed = [o for o in outcomes if not o.name]
    built = len(outcomes) - len(failed)
    fresh = sum(1 for o in outcomes if o.skipped)
    lines = [f"built {built} of {len(outcomes)} organizations" + (f" ({fresh} already up to date)" if fresh else "")]
    for outcome in failed:
        more = len(outcome.problems) - 1
        tail = (
            f" (and {more} more: run `mentorbook validate --org {ORGANIZATIONS}/{outcome.slug}.yaml`)" if more else ""
        )
        lines.append(f"  {outcome.slug}: {outcome.problems[0]}{tail}")
    return "\n".join(lines), not failed
