"""The organization side of the edge: its profile, its own modules and pages, its images,
checked on their own and against the shared curriculum."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.errors import Gather, Problem
from generator.models import Curriculum, Organization, OwnCurriculum
from generator.models.guide import Guide
from generator.models.image import Image
from generator.models.source import YamlFile
from generator.read.assets import check_image, org_file
from generator.read.checks import check_own, unknown
from generator.read.colour import AA_TEXT, WHITE, contrast, nearby_passing
from generator.read.guides import read_guide
from generator.read.selection import check_selection
from generator.read.validate import parse
from generator.read.yaml_file import load_yaml


@dataclass(frozen=True)
class Profile:
    organization: Organization
    source: YamlFile
    slug: str
    own: OwnCurriculum | None
    pages: tuple[Guide, ...]
    logo: Image | None
    favicon: Image | None


def load_profile(org_file: Path, shared: Curriculum | None) -> Profile:
    """Everything about one organization, or InputError with every problem found."""
    gather = Gather()
    attempt = gather.attempt

    source = load_yaml(org_file)
    org = parse(source, Organization)
    folder = org_file.parent / org_file.stem
    own_name = org.curriculum
    own_source = attempt(lambda: _own_curriculum(source, folder, own_name)) if own_name else None
    own = attempt(lambda: parse(own_source, OwnCurriculum)) if own_source else None
    pages = tuple(
        p for p in (attempt(partial(_page, source, folder, i, n)) for i, n in enumerate(org.pages)) if p is not None
    )
    logo = attempt(lambda: check_image(source, ("logo",), folder, org.logo))
    favicon = attempt(lambda: check_image(source, ("favicon",), folder, org.favicon))
    gather.problems += check_colours(source, org)
    if shared is not None:
        gather.problems += check_selection(source, org, shared, own, _own_ids(own, own_source, own_name))
        gather.problems += check_handles(source, org, shared)
        gather.problems += check_lead_times(source, org, shared)
        if own is not None and own_source is not None:
            gather.problems += check_own(own_source, own, shared)
    gather.check()
    return Profile(org, source, org_file.stem, own, pages, logo, favicon or logo)


def _own_curriculum(source: YamlFile, folder: Path, name: str) -> YamlFile:
    missing = (
        f"there is no file {name} in {folder.name}/",
        "put the YAML file in the organization's folder and write its name",
    )
    return load_yaml(org_file(source, ("curriculum",), folder, name, missing))


def _page(source: YamlFile, folder: Path, index: int, name: str) -> Guide:
    missing = (
        f"there is no page {name} in {folder.name}/",
        "put the Markdown file in the organization's folder and write its name",
    )
    path = org_file(source, ("pages", index), folder, name, missing)
    stem = Path(name).with_suffix("").as_posix().replace("/", "-")
    return read_guide(path, f"guides/{source.path.stem}-{stem}.md", trusted=False)


def check_colours(source: YamlFile, org: Organization) -> list[Problem]:
    """White header text on the primary colour, and accent-coloured links on white, at WCAG AA."""
    problems = []
    for name, what in (("primary", "white header text on it"), ("accent", "it as link text on white")):
        colour = getattr(org.colors, name)
        ratio = contrast(colour, WHITE)
        if ratio < AA_TEXT:
            problems.append(
                source.problem(
                    ("colors", name),
                    f'colors.{name}: "{colour}" is too light: {what} has a contrast of {ratio:.2f}:1, and readable text needs {AA_TEXT}:1 (WCAG AA)',
                    f'use a darker shade, e.g. "{nearby_passing(colour)}"',
                )
            )
    return problems


def _own_ids(own: OwnCurriculum | None, source: YamlFile | None, name: str | None) -> list[str] | None:
    """The ids of the organization's own modules; when its file has a mistake, the ids it
    declares all the same (so that a wrong agenda total is not also "there is no module ...");
    None when they cannot be known (the file is missing or unreadable, already reported)."""
    if own is not None:
        return [m.id for m in own.modules]
    if name is None:
        return []
    if source is None or not isinstance(source.data, dict):
        return None
    modules = source.data.get("modules")
    return [str(m["id"]) for m in modules if isinstance(m, dict) and "id" in m] if isinstance(modules, list) else None


def check_handles(source: YamlFile, org: Organization, shared: Curriculum) -> list[Problem]:
    """Each contact's `handles` names concerns the escalation table knows."""
    known = [c.id for c in shared.concerns]
    return [
        unknown(source, ("contacts", i, "handles", j), "concern", concern, known)
        for i, contact in enumerate(org.contacts)
        for j, concern in enumerate(contact.handles)
        if concern not in known
    ]


def check_lead_times(source: YamlFile, org: Organization, shared: Curriculum) -> list[Problem]:
    """`program.lead_times` names steps the run-sheet has."""
    known = [t.id for t in shared.run_sheet]
    steps = org.program.lead_times if org.program else {}
    return [
        unknown(source, ("program", "lead_times", step), "run-sheet step", step, known)
        for step in steps
        if step not in known
    ]
