"""Evaluation instruments as data: what the program asks its people, who answers, and when.

One definition gives each instrument's fillable and print PDFs, its rows in the question
bank (JSON, CSV, XLSForm) and what `mentorbook results` checks a response against. Item ids
and the version are what a response carries back: change an item's meaning, raise the version.
Roles are an Enum, not text: an organization's word for "mentor" changes what people read,
never which form a response belongs to.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from generator.models.base import FieldName, Id, MarkdownText, Model, OneLine, Sentence, Short, Text, user_error

Paragraph = Annotated[str, AfterValidator(OneLine(400)), Field(json_schema_extra={"maxLength": 400})]


class Role(enum.Enum):
    MENTOR = "mentor"
    MENTEE = "mentee"


THEN_PREFIX = "then_"  # a skill item's retrospective twin: `then_goals_specific`
ITEM_KINDS = ("rating", "yes_no", "choice", "short_text", "long_text")
Position = Literal["start", "middle", "end", "leaving"]


class Occasion(Model):
    """When an instrument is answered: a program week, or a place in the program (`leaving`:
    whenever a pair ends early)."""

    id: Id = Field(description="Names the form of this occasion, e.g. `start`.")
    title: Short = Field(description="What people read, e.g. `Before the program`.")
    at: Position | int = Field(
        description="`start`, `middle`, `end`, `leaving` (when a pair ends early), or a program week (1 is the first)."
    )
    instructions: MarkdownText | None = Field(None, description="This occasion's own instructions, if they differ.")
    looking_back: bool = Field(
        False, description="Also ask each skill as it was at the start (retrospective 'then' ratings)."
    )


class Item(Model):
    """One question. `scale` names one of the file's scales (a rating's labelled points);
    `choices` are a choice item's answers."""

    id: FieldName = Field(description="Stable: a response's answer is filed under it.")
    kind: Literal["rating", "yes_no", "choice", "short_text", "long_text"]
    label: Text
    help: Sentence | None = None
    scale: Id | None = None
    choices: tuple[Short, ...] = Field((), max_length=10)
    not_applicable: Short | None = Field(
        None, description="A rating's answer beside its scale, e.g. `I did not attend`: never one of its points."
    )
    roles: tuple[Role, ...] = Field((), description="Who is asked it (default: everyone the instrument asks).")
    occasions: tuple[Id, ...] = Field((), description="On which occasions (default: all).")

    @model_validator(mode="after")
    def _answers_fit_the_kind(self) -> Item:
        if self.kind == "rating" and not self.scale:
            raise user_error(f"`{self.id}` is a rating without a `scale`", "add `scale:` with one of the scales' ids")
        if self.kind == "choice" and len(self.choices) < 2:
            raise user_error(f"`{self.id}` is a choice with fewer than two `choices`", "list two or more choices")
        if self.not_applicable and self.kind != "rating":
            raise user_error(f"`{self.id}` has `not_applicable` but is no rating", "add it as a choice instead")
        return self


class SkillItem(Model):
    """One thing a person can do, rated on the skills' scale; several make a construct."""

    id: FieldName = Field(description="Stable: a response's answer is filed under it.")
    roles: tuple[Role, ...] = Field(min_length=1, max_length=2)
    label: Text


class Construct(Model):
    """A skill a module teaches, measured by several items (a role's items, at least two where
    the role is asked about it at all, make its score)."""

    id: Id
    title: Short
    module: Id = Field(description="The curriculum module that teaches it; left out of a handbook without it.")
    items: tuple[SkillItem, ...] = Field(min_length=2, max_length=8)


class SkillRatings(Model):
    """Ratings of the constructs' items, and on a `looking_back` occasion, of each again as it was."""

    intro: MarkdownText
    then_intro: MarkdownText
    scale: Id


class AreaRatings(Model):
    """A rating for each of the organization's development areas (see `development_areas`)."""

    intro: MarkdownText
    scale: Id


class Instrument(Model):
    id: Id
    version: int = Field(ge=1, description="Raise it when an item's meaning changes.")
    title: Text
    purpose: MarkdownText
    instructions: MarkdownText
    answered_by: tuple[Role, ...] = Field(min_length=1, max_length=2)
    occasions: tuple[Occasion, ...] = Field(min_length=1, max_length=4)
    collection: MarkdownText = Field(description="How the answers are collected and who sees them.")
    anonymous: bool = Field(description="An anonymous instrument asks no ID; a named one the program ID, no name.")
    skills: SkillRatings | None = Field(None, description="Ratings of the constructs' items, before the items.")
    areas: AreaRatings | None = Field(
        None, description="Ratings of the organization's own development areas, when it names them."
    )
    items: tuple[Item, ...] = Field(min_length=1)


class Scale(Model):
    id: Id
    points: tuple[Short, ...] = Field(min_length=2, max_length=7, description="Labelled points, lowest first.")


class Outcome(Model):
    """A measure the program manager keeps in the tracker, one row per participant."""

    id: FieldName
    label: Text
    kind: Literal["yes_no", "number", "date"]
    help: Paragraph
    weeks_after_end: int = Field(0, ge=0, le=104, description="When to record it: 0 at the end, 26 after 6 months.")
    shows: Paragraph = Field(description="What the measure can show.")
    cannot_show: Paragraph = Field(description="What it cannot show, however it comes out.")


class Instruments(Model):
    scales: tuple[Scale, ...]
    constructs: tuple[Construct, ...]
    instruments: tuple[Instrument, ...]
    outcomes: tuple[Outcome, ...]

    @model_validator(mode="after")
    def _references_hold(self) -> Instruments:
        scales = {s.id for s in self.scales}
        for instrument in self.instruments:
            used = [i.scale for i in instrument.items if i.scale] + [
                r.scale for r in (instrument.areas, instrument.skills) if r
            ]
            unknown = sorted(set(used) - scales)
            if unknown:
                raise user_error(f"`{instrument.id}` uses unknown scales {unknown}", f"use one of {sorted(scales)}")
            ids = [s.id for c in self.constructs for s in c.items] * bool(instrument.skills)
            ids += [i.id for i in instrument.items]
            twice = sorted({i for i in ids if ids.count(i) > 1 or i.startswith(THEN_PREFIX)})
            if twice:
                raise user_error(f"`{instrument.id}` has the item ids {twice} twice or with `then_`", "rename one")
        return self

    def scale(self, scale_id: str) -> tuple[str, ...]:
        return next(s.points for s in self.scales if s.id == scale_id)
