"""Evaluation instruments as data: what the program asks its people, who answers, and when.

One definition gives each instrument's fillable and print PDFs, its rows in the question
bank (JSON, CSV, XLSForm) and what `mentorbook results` checks a response against. Item ids
and the version are what a response carries back: change an item's meaning, raise the version.
Roles are an Enum, not text: an organization's word for "mentor" changes what people read,
never which form a response belongs to.
"""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field, model_validator

from generator.models.base import FieldName, Id, MarkdownText, Model, Sentence, Short, Text, user_error


class Role(enum.Enum):
    MENTOR = "mentor"
    MENTEE = "mentee"


ITEM_KINDS = ("rating", "yes_no", "choice", "short_text", "long_text")
Position = Literal["start", "middle", "end"]


class Occasion(Model):
    """When an instrument is answered: a program week, or a place in the program."""

    id: Id = Field(description="Names the form of this occasion, e.g. `start`.")
    title: Short = Field(description="What people read, e.g. `Before the program`.")
    at: Position | int = Field(description="`start`, `middle`, `end`, or a program week (1 is the first).")


class Item(Model):
    """One question. `scale` names one of the file's scales (a rating's labelled points);
    `choices` are a choice item's answers."""

    id: FieldName = Field(description="Stable: a response's answer is filed under it.")
    kind: Literal["rating", "yes_no", "choice", "short_text", "long_text"]
    label: Text
    help: Sentence | None = None
    scale: Id | None = None
    choices: tuple[Short, ...] = Field((), max_length=10)

    @model_validator(mode="after")
    def _answers_fit_the_kind(self) -> Item:
        if self.kind == "rating" and not self.scale:
            raise user_error(f"`{self.id}` is a rating without a `scale`", "add `scale:` with one of the scales' ids")
        if self.kind == "choice" and len(self.choices) < 2:
            raise user_error(f"`{self.id}` is a choice with fewer than two `choices`", "list two or more choices")
        return self


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
    anonymous: bool = Field(description="An anonymous instrument has no name field.")
    areas: AreaRatings | None = Field(None, description="Ratings of the development areas, before the items.")
    items: tuple[Item, ...] = Field(min_length=1)


class Scale(Model):
    id: Id
    points: tuple[Short, ...] = Field(min_length=2, max_length=7, description="Labelled points, lowest first.")


class Outcome(Model):
    """A measure the program manager keeps in the tracker, one row per participant."""

    id: FieldName
    label: Text
    kind: Literal["yes_no", "number", "date"]
    help: Sentence
    weeks_after_end: int = Field(0, ge=0, le=104, description="When to record it: 0 at the end, 26 after 6 months.")


class Instruments(Model):
    default_areas: tuple[Short, ...] = Field(min_length=1, max_length=8)
    scales: tuple[Scale, ...]
    instruments: tuple[Instrument, ...]
    outcomes: tuple[Outcome, ...]

    @model_validator(mode="after")
    def _references_hold(self) -> Instruments:
        scales = {s.id for s in self.scales}
        for instrument in self.instruments:
            used = [i.scale for i in instrument.items if i.scale] + (
                [instrument.areas.scale] if instrument.areas else []
            )
            unknown = sorted(set(used) - scales)
            if unknown:
                raise user_error(f"`{instrument.id}` uses unknown scales {unknown}", f"use one of {sorted(scales)}")
        return self

    def scale(self, scale_id: str) -> tuple[str, ...]:
        return next(s.points for s in self.scales if s.id == scale_id)
