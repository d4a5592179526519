"""The edge: read every input file once, validate it, and hand back one frozen Project.

All problems in all files are gathered before anything is reported, so the user sees every
mistake in one run. Nothing downstream of `load_project` reads the user's files again:
even the logo travels as the checked bytes.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from markupsafe import Markup

from generator.clock import build_time
from generator.errors import Gather, InputError, Problem, display_path
from generator.models import Curriculum
from generator.models.events import Event
from generator.models.facts import fact_names
from generator.models.guide import Guide
from generator.models.kit import as_held
from generator.models.project import Project
from generator.models.source import Loc, Mark, YamlFile
from generator.read.checks import check_curriculum
from generator.read.contained import as_written, inside, outside_files
from generator.read.groups import for_groups, group_words
from generator.read.guides import read_guide
from generator.read.instruments import load_instruments
from generator.read.layout import CONTENT, curriculum_file, guide_file, require_handbook
from generator.read.overlay import in_language, reword_model, select_modules
from generator.read.placeholders import check_placeholders
from generator.read.profile import Profile, load_profile
from generator.read.schedule_calendar import working_calendar
from generator.read.spelling import spellings
from generator.read.timeline import DoesNotFit, SessionInfo, schedule
from generator.read.validate import parse
from generator.read.wording import rewording
from generator.read.yaml_file import load_yaml

LOCALES = Path(__file__).parent.parent / "locales"


def load_project(root: Path, org_file: Path) -> Project:
    with _cycle_collector_paused():
        return _load_project(root, org_file)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Loading makes a few hundred thousand small objects that all live on and form no cycles.
    Python's cycle collector would walk them again and again as they pile up: half the time of
    loading 1,000 sessions. It runs as usual once they are loaded."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_project(root: Path, org_file: Path) -> Project:
    require_handbook(root)
    gather = Gather()
    attempt, problems = gather.attempt, gather.problems

    problems += outside_files(root)
    curriculum_path = curriculum_file(root)
    curriculum_source = attempt(lambda: load_yaml(curriculum_path))
    curriculum = attempt(lambda: load_curriculum(curriculum_source)) if curriculum_source else None
    guides = (
        attempt(lambda: load_guides(root, curriculum_source, curriculum)) if curriculum_source and curriculum else ()
    )
    profile = attempt(lambda: load_profile(org_file, curriculum))
    if problems or curriculum is None or profile is None:
        raise InputError(problems)
    org = profile.organization
    # An organization's words replace ours in text of its own language only: Spanish words
    # dropped into English sentences would help nobody. Its labels follow its language anyway.
    same_language = org.language == curriculum.language
    spelled = spellings(org.spelling)
    chosen = group_words(org.program, org.terminology.chosen(), english=org.language == "en")
    reword = rewording(chosen if same_language else {}, english=curriculum.language == "en", spelled=spelled)
    shared = reword_model(curriculum, reword) if same_language else in_language(curriculum, curriculum.language)
    runs = select_modules(shared, profile.own, org.modules)  # own text stays as written
    runs = runs.model_copy(update={"title": org.title}) if org.title else runs
    runs = for_groups(runs, org.program)
    if org.program and org.program.holding():  # the training or orientation is the profile's own series
        runs = runs.model_copy(update={"run_sheet": as_held(runs.run_sheet, org.program.holding())})
    events = attempt(lambda: program_events(profile, runs))
    instruments = attempt(lambda: load_instruments(org.language, rewording(chosen, spelled=spelled)))
    if problems or events is None or instruments is None:
        raise InputError(problems)
    return Project(
        root=root,
        curriculum=runs,
        curriculum_file=display_path(curriculum_path),
        organization=org,
        organization_file=display_path(org_file),
        slug=profile.slug,
        guides=tuple(_reword_guide(g, reword) for g in guides or ()) + profile.pages,
        labels=load_labels(org.language, chosen, spelled),
        logo=profile.logo,
        favicon=profile.favicon,
        events=events,
        calendar=working_calendar(org.program) if org.program else None,
        built=build_time(),
        instruments=instruments,
        text_labels=load_labels(curriculum.language, org.terminology.chosen() if same_language else {}, spelled),
        own=_own_ids(profile),
        profile_source=profile.source,
        curriculum_marks=_kit_marks(curriculum_source) if curriculum_source else {},
    )


def _kit_marks(source: YamlFile) -> dict[Loc, Mark]:
    """Only the run-sheet's steps and the concerns' answers: a whole curriculum's marks would
    keep a large file's every position alive for the whole build."""
    return {loc: mark for loc, mark in source.values.items() if loc[:1] in (("run_sheet",), ("concerns",))}


def _own_ids(profile: Profile) -> frozenset[str]:
    own = profile.own
    return frozenset([m.id for m in own.modules] + [w.id for w in own.worksheets]) if own else frozenset()


def program_events(profile: Profile, curriculum: Curriculum) -> tuple[Event, ...]:
    program = profile.organization.program
    if program is None:
        return ()
    pinned = {sid: week for choice in profile.organization.modules or () for sid, week in choice.pinned.items()}
    sessions = [
        SessionInfo(s.id, f"{m}.{n}", s.title, s.minutes, s.moment, s.as_needed, pinned.get(s.id))
        for m, module in enumerate(curriculum.modules, start=1)
        for n, s in enumerate(module.sessions, start=1)
    ]
    try:
        return schedule(program, sessions, profile.slug)
    except DoesNotFit as error:
        raise InputError(
            [profile.source.problem(("program", *t.where), f"program: {t.message}", t.hint) for t in error.troubles]
        ) from None


def _reword_guide(guide: Guide, reword: Callable[[str], str]) -> Guide:
    return replace(guide, title=reword(guide.title), text=Markup(reword(guide.text)))


def load_curriculum(source: YamlFile) -> Curriculum:
    unknown = check_placeholders(source)
    try:
        curriculum = parse(source, Curriculum)
    except InputError as error:
        raise InputError(sorted([*error.problems, *unknown], key=lambda p: (p.line, p.column))) from None
    problems = check_curriculum(source, curriculum) + unknown
    if problems:
        raise InputError(problems)
    return curriculum


def load_guides(root: Path, source: YamlFile, curriculum: Curriculum) -> tuple[Guide, ...]:
    problems: list[Problem] = []
    guides = []
    for index, name in enumerate(curriculum.guides):
        path = guide_file(root, name)
        if path is None:
            shown = display_path(root / CONTENT / f"{name}.md")
            message = f"`guides` lists `{name}`, but {shown} does not exist"
            problems.append(
                source.problem(("guides", index), message, f"create {shown} or remove `{name}` from `guides`")
            )
            continue
        if not inside(root, path):
            message = f"`guides` lists `{name}`, but {as_written(path)} is a link to a file outside the project"
            problems.append(source.problem(("guides", index), message, f"copy the file itself to {as_written(path)}"))
            continue
        try:
            standards = [s.id for s in curriculum.standards]
            facts = fact_names((c.id for c in curriculum.concerns), (t.id for t in curriculum.run_sheet))
            guides.append(read_guide(path, f"guides/{name}.md", trusted=True, standards=standards, facts=facts))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems)
    return tuple(guides)


def load_labels(
    language: str, chosen: Mapping[str, str], spelled: Mapping[str, str] | None = None
) -> Mapping[str, str]:
    """Mentorbook's own interface text in the handbook's language and the organization's
    words (and, in English, its spelling). The locale's `words` name its default words for
    mentor, mentee and so on."""
    data = dict(load_yaml(LOCALES / f"{language}.yaml").data)
    defaults: dict[str, str] = data.pop("words", None) or {}
    words = {defaults.get(key, key): word for key, word in chosen.items()}
    reword = rewording(words, english=language == "en", spelled=spelled)
    return {str(key): reword(str(value)) for key, value in data.items()}
