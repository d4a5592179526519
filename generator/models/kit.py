"""The program manager's kit as data: MENTOR's standards of effective practice, the dated
run-sheet with its message templates, and the kinds of concern the escalation table routes.

Guides (their front matter) and worksheets name the standard they serve and the editions they
belong to, so the standards page and the mentor's, mentee's and manager's editions are
selections computed from the one source, never second lists of it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import Choice, Id, MarkdownText, Model, Sentence, Short, Text

Edition = Choice[Literal["manager", "mentor", "mentee"]]
EDITIONS: tuple[Edition, ...] = ("manager", "mentor", "mentee")
PAIR: tuple[Edition, ...] = ("mentor", "mentee")  # what a worksheet belongs to unless it says
Anchor = Choice[Literal["start", "end", "milestone", "module"]]


class Standard(Model):
    """One of MENTOR's standards of effective practice, with what it asks of a program."""

    id: Id = Field(description="e.g. `recruitment`; guides and worksheets name it as their `standard`.")
    title: Text
    summary: MarkdownText


class Message(Model):
    to: Text = Field(description="Who receives it, e.g. `Each mentor and mentee, separately`.")
    subject: Text
    body: MarkdownText = Field(
        description="The message; the program's facts ({program}, {start}, {contact}, ...) and {date} are filled in, "
        "and {milestone} and {milestone_date} with `anchor: milestone`, {module} with `anchor: module`."
    )


class Task(Model):
    """A step of the run-sheet, dated from the program: `weeks` before (negative) or after its
    anchor, and again every `every_weeks` weeks until the program ends."""

    id: Id
    title: Text
    standard: Id
    anchor: Anchor = Field(description="What it is dated from: start, end, each milestone or each module's start.")
    weeks: int = Field(0, ge=-52, le=52, description="Weeks from the anchor: -2 is two weeks before.")
    every_weeks: int | None = Field(None, ge=1, le=52, description="Repeat this often until the program ends.")
    do: MarkdownText
    message: Message | None = None


class Concern(Model):
    """A kind of concern the escalation table routes to the contacts that say they `handle` it."""

    id: Id = Field(description="e.g. `poor-fit`; a contact lists it under `handles`.")
    concern: Text
    first_step: Sentence
    respond: Short = Field(
        description="How fast it is answered unless the contact says, e.g. `within two working days`."
    )
