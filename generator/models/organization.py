"""An organization's profile: how its handbook looks and who to contact."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from generator.models.base import (
    Choice,
    Colour,
    Id,
    Language,
    Model,
    Name,
    Note,
    OneLine,
    Sentence,
    Short,
    Text,
    Welcome,
    user_error,
)
from generator.models.privacy import Privacy
from generator.models.program import Program, Terminology
from generator.models.schedule import Week

_EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.fullmatch(value):
        raise user_error(f'"{value}" is not an email address', "write it as name@example.org")
    return value


def _relative_path(value: str) -> str:
    """A path inside the organization's own folder: relative, no `..`, no `~`."""
    value = value.strip().replace("\\", "/")
    path = PurePosixPath(value)
    if not value or value.startswith(("/", "~")) or re.match(r"[A-Za-z]:", value) or ".." in path.parts:
        raise user_error(
            f'"{value}" points outside the organization\'s folder',
            "put the file in the organization's folder and write its name, e.g. `logo.svg`",
        )
    return path.as_posix()


Email = Annotated[
    str, AfterValidator(OneLine(254)), AfterValidator(_email), Field(json_schema_extra={"maxLength": 254})
]
RelativePath = Annotated[
    str, AfterValidator(OneLine(200)), AfterValidator(_relative_path), Field(json_schema_extra={"maxLength": 200})
]


class Colours(Model):
    primary: Colour = Field(description='The main brand colour, in quotes, e.g. "#1f5f8b".')
    accent: Colour = Field(description='The colour of links and highlights, in quotes, e.g. "#b4441c".')


class Value(Model):
    name: Name = Field(description="The value's name, e.g. `Candour`.")
    in_mentoring: Note = Field(description="What this value looks like in a mentoring relationship.")


class Contact(Model):
    role: Name = Field(description="e.g. `Program lead`.")
    name: Name
    email: Email | None = None
    phone: Short | None = None
    note: Note | None = Field(None, description="When to get in touch, e.g. office hours.")
    handles: tuple[Id, ...] = Field((), description="The concerns this contact handles, e.g. [poor-fit, speak-up].")
    responds: Short | None = Field(None, description="How fast they usually answer, e.g. `within one working day`.")


class SessionChoice(Model):
    """A session the organization runs, maybe pinned to a week of the series that carries it."""

    session: Id = Field(description="The session's id, e.g. `review-at-midpoint`.")
    week: Week | None = Field(None, description="The program week it is held in, on its series' weekday, e.g. 20.")


def _session_choice(value: Any) -> Any:
    """`- revisiting-goals` is short for `- session: revisiting-goals`."""
    return {"session": value} if isinstance(value, str) else value


SelectedSession = Annotated[SessionChoice, BeforeValidator(_session_choice, json_schema_input_type=Id | SessionChoice)]
"""A session by its id, or `{session: id, week: N}` to hold it in week N."""


class ModuleChoice(Model):
    """A module the organization runs: all its sessions, or only some, in the order given."""

    module: Id = Field(description="The module's id, e.g. `goal-setting`.")
    sessions: tuple[SelectedSession, ...] | None = Field(
        None,
        min_length=1,
        description="The ids of the sessions to run, in order (default: all), e.g. `[shaping-goals-and-actions, "
        "revisiting-goals]`; `{session: review-at-midpoint, week: 20}` holds one in a given program week.",
    )

    @property
    def session_ids(self) -> tuple[str, ...] | None:
        return None if self.sessions is None else tuple(s.session for s in self.sessions)

    @property
    def pinned(self) -> dict[str, int]:
        """Session id -> the program week it is pinned to."""
        return {s.session: s.week for s in self.sessions or () if s.week is not None}


def _whole_module(value: Any) -> Any:
    """`- goal-setting` is short for `- module: goal-setting`: the whole module."""
    return {"module": value} if isinstance(value, str) else value


SelectedModule = Annotated[ModuleChoice, BeforeValidator(_whole_module, json_schema_input_type=Id | ModuleChoice)]


LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI", "BZ"})
"""Countries where Letter is the usual paper (the rest of the world uses A4)."""


class Organization(Model):
    name: Text = Field(description="The organization's full name.")
    short_name: Short | None = Field(None, description="A shorter name for headers, e.g. `Harbor & Pine`.")
    title: Text | None = Field(
        None, description="The handbook's title (default: the curriculum's, e.g. `Leadership Mentoring`)."
    )
    logo: RelativePath | None = Field(None, description="A PNG or SVG file in the organization's folder.")
    favicon: RelativePath | None = Field(None, description="A small PNG or SVG for browser tabs (default: the logo).")
    colors: Colours
    language: Language = Field("en", description="The language of the handbook's own headings and labels.")
    paper: Choice[Literal["A4", "Letter"]] = Field(
        "A4",
        description="Paper size of every PDF (default: Letter where the program's `public_holidays` country uses it, "
        "such as `US` or `CA`; else A4).",
    )
    spelling: Choice[Literal["en-US", "en-GB"]] = Field(
        "en-US", description="American (`en-US`: color, program) or British (`en-GB`: colour, programme) spelling."
    )
    welcome: Welcome = Field(description="The welcome on the handbook's home page.")
    values: tuple[Value, ...] = ()
    how_we_work: tuple[Note, ...] = Field((), description='"How we do things here": short notes for new pairs.')
    contacts: tuple[Contact, ...] = ()
    emergency: Sentence | None = Field(
        None, description="What to do in immediate danger, e.g. `Call 911, then site security on +1 555 0111`."
    )
    out_of_hours: Sentence | None = Field(
        None, description="Whom to reach outside working hours about a risk of harm, e.g. the duty manager's number."
    )
    privacy: Privacy = Field(
        default_factory=Privacy, description="Who keeps the program's records, why, and how long each is kept."
    )
    program: Program | None = Field(None, description="The program's rhythm: start date, length, cadence, milestones.")
    terminology: Terminology = Field(
        default_factory=Terminology, description="Your words for mentor, mentee and so on."
    )
    modules: tuple[SelectedModule, ...] | None = Field(
        None,
        description="Which modules to include, in order (default: all): a module's id for all its sessions, or "
        "`module:` and `sessions:` for some of them, in your order. Your own modules can be listed too.",
    )
    curriculum: RelativePath | None = Field(
        None, description="Your own modules and sessions: a YAML file in your folder, e.g. `curriculum.yaml`."
    )
    pages: tuple[RelativePath, ...] = Field(
        (), description="Your own Markdown pages in your folder, shown under Guides."
    )
    development_areas: tuple[Short, ...] | None = Field(
        None,
        min_length=1,
        max_length=8,
        description="Your own areas your mentees want to grow in, rated in their self-assessment beside the skills "
        "the modules teach (default: none).",
    )

    @model_validator(mode="after")
    def _paper_of_the_country(self) -> Organization:
        """Without a `paper:`, the paper of the program's country: Letter in the United States,
        Canada and the others that use it, A4 elsewhere."""
        holidays = self.program.public_holidays if self.program else None
        if "paper" not in self.model_fields_set and holidays and holidays.country.strip().upper() in LETTER_COUNTRIES:
            object.__setattr__(self, "paper", "Letter")  # frozen: set once, while it is made
        return self

    @property
    def display_name(self) -> str:
        return self.short_name or self.name
