"""The edge: read every input file once, validate it, and hand back one frozen Project.

All problems in all files are gathered before anything is reported, so the user sees every
mistake in one run. Nothing downstream of `load_project` touches the user's files again,
except to copy the assets named here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from markupsafe import Markup

from generator.assets import check_logo
from generator.checks import check_curriculum
from generator.errors import InputError, Problem, display_path
from generator.models import Curriculum, Organization
from generator.source import Source, load_yaml
from generator.validate import parse

CURRICULUM = "curriculum.yaml"
CONTENT = "content"
LOCALES = Path(__file__).parent / "locales"
DEFAULT_ORG = Path("organizations") / "example.yaml"

T = TypeVar("T")


@dataclass(frozen=True)
class Guide:
    """A hand-written page from content/, included in every handbook."""

    path: str  # in the docs folder
    title: str
    text: Markup  # trusted Markdown written by the curriculum's authors
    source: str


@dataclass(frozen=True)
class Project:
    root: Path
    curriculum: Curriculum
    curriculum_file: str
    organization: Organization
    organization_file: str
    slug: str
    guides: tuple[Guide, ...]
    labels: Mapping[str, str]
    logo_file: str | None  # absolute path, checked


def load_project(root: Path, org_file: Path) -> Project:
    problems: list[Problem] = []

    def attempt(step: Callable[[], T]) -> T | None:
        try:
            return step()
        except InputError as error:
            problems.extend(error.problems)
            return None

    curriculum_source = attempt(lambda: load_yaml(root / CURRICULUM))
    curriculum = attempt(lambda: load_curriculum(curriculum_source)) if curriculum_source else None
    org_source = attempt(lambda: load_yaml(org_file))
    organization = attempt(lambda: parse(org_source, Organization)) if org_source else None
    guides = attempt(lambda: load_guides(root, curriculum_source, curriculum)) if curriculum else ()
    folder = org_file.parent / org_file.stem
    logo = attempt(lambda: check_logo(org_source, folder, organization.logo)) if organization else None
    labels = load_labels("en")
    if problems or curriculum is None or organization is None:
        raise InputError(problems)
    return Project(
        root=root,
        curriculum=curriculum,
        curriculum_file=display_path(root / CURRICULUM),
        organization=organization,
        organization_file=display_path(org_file),
        slug=org_file.stem,
        guides=guides or (),
        labels=labels,
        logo_file=str(logo) if logo else None,
    )


def load_curriculum(source: Source) -> Curriculum:
    curriculum = parse(source, Curriculum)
    problems = check_curriculum(source, curriculum)
    if problems:
        raise InputError(problems)
    return curriculum


def load_guides(root: Path, source: Source, curriculum: Curriculum) -> tuple[Guide, ...]:
    problems: list[Problem] = []
    guides = []
    for index, name in enumerate(curriculum.guides):
        path = root / CONTENT / f"{name}.md"
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        except FileNotFoundError:
            message = f"`guides` lists `{name}`, but {shown} does not exist"
            problems.append(
                source.problem(("guides", index), message, f"create {shown} or remove `{name}` from `guides`")
            )
            continue
        except (OSError, UnicodeDecodeError):
            problems.append(
                Problem(shown, 0, 0, "the page cannot be read as UTF-8 text", "save it with the encoding UTF-8")
            )
            continue
        first = text.lstrip().split("\n", 1)[0]
        if not first.startswith("# "):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "the page does not start with a title",
                    "make the first line `# ` and the page's title, e.g. `# Confidentiality`",
                )
            )
            continue
        guides.append(Guide(f"guides/{name}.md", first[2:].strip(), Markup(text), shown))
    if problems:
        raise InputError(problems)
    return tuple(guides)


def load_labels(language: str) -> Mapping[str, str]:
    """Mentorbook's own interface text; a broken locale file is a bug in Mentorbook."""
    data = load_yaml(LOCALES / f"{language}.yaml").data
    return {str(key): str(value) for key, value in data.items()}
