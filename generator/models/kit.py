"""The program manager's kit as data: MENTOR's standards of effective practice, the dated
run-sheet with its message templates, and the kinds of concern the escalation table routes.

Guides (their front matter) and worksheets name the standard they serve and the editions they
belong to, so the standards page and the mentor's, mentee's and manager's editions are
selections computed from the one source, never second lists of it.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from generator.models.base import Choice, Id, MarkdownText, Model, Sentence, Short, Text, user_error

Edition = Choice[Literal["manager", "mentor", "mentee"]]
EDITIONS: tuple[Edition, ...] = ("manager", "mentor", "mentee")
PAIR: tuple[Edition, ...] = ("mentor", "mentee")  # what a worksheet belongs to unless it says
Anchor = Choice[Literal["start", "end", "milestone", "module"]]
PLACEHOLDERS = {
    "date": "the day this is sent",
    "program": "the program's name",
    "start": "the first day of the program",
    "end": "the last day of the program",
    "contact": "the first contact's name and email",
    "milestone": "the milestone's name (with `anchor: milestone`)",
    "milestone_date": "the milestone's day (with `anchor: milestone`)",
    "module": "the module's title (with `anchor: module`)",
    "module_date": "the day the module starts (with `anchor: module`)",
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class Standard(Model):
    """One of MENTOR's standards of effective practice, with what it asks of a program."""

    id: Id = Field(description="e.g. `recruitment`; guides and worksheets name it as their `standard`.")
    title: Text
    summary: MarkdownText


class Message(Model):
    to: Text = Field(description="Who receives it, e.g. `Each mentor and mentee, separately`.")
    subject: Text
    body: MarkdownText = Field(description="The message; {date}, {program}, {contact} and the like are filled in.")


class Task(Model):
    """A step of the run-sheet, dated from the program: `weeks` before (negative) or after its
    anchor, and again every `every_weeks` weeks until the program ends."""

    id: Id
    title: Text
    standard: Id
    anchor: Anchor = Field(description="What it is dated from: start, end, each milestone or each module's start.")
    weeks: int = Field(0, ge=-52, le=52, description="Weeks from the anchor: -2 is two weeks before.")
    every_weeks: int | None = Field(None, ge=1, le=52, description="Repeat this often until the program ends.")
    prepares: Choice[Literal["kickoff", "event"]] | None = Field(
        None,
        description="What the step readies people for. `kickoff`: it comes before the kickoff (dated `weeks` before "
        "the kickoff if its anchor would put it on or after it). `event`: a reminder of the module or milestone it is "
        "dated from, sent the program's `reminder_days` working days before it (its `weeks` is not used).",
    )
    do: MarkdownText
    message: Message | None = None

    @model_validator(mode="after")
    def _prepares(self) -> Task:
        if self.prepares == "event" and self.anchor not in ("module", "milestone"):
            raise user_error(
                f"a step with `prepares: event` reminds people of a module or milestone, not of the `{self.anchor}`",
                "write `anchor: module` or `anchor: milestone`, or remove `prepares`",
            )
        if self.prepares == "kickoff" and self.weeks >= 0:
            raise user_error(
                f"a step that prepares the kickoff comes before it, not {self.weeks} weeks after its anchor",
                "write a negative `weeks`, e.g. `weeks: -2` for two weeks before",
            )
        return self

    @model_validator(mode="after")
    def _known_placeholders(self) -> Task:
        if self.message is None:
            return self
        allowed = set(PLACEHOLDERS) - {"milestone", "milestone_date", "module", "module_date"}
        allowed |= {"milestone", "milestone_date"} if self.anchor == "milestone" else set()
        allowed |= {"module", "module_date"} if self.anchor == "module" else set()
        for text in (self.message.subject, self.message.body):
            for name in _PLACEHOLDER.findall(text):
                if name not in allowed:
                    raise user_error(
                        f"the message has {{{name}}}, which is not filled in for `anchor: {self.anchor}`",
                        "use one of " + ", ".join(f"{{{n}}}" for n in sorted(allowed)),
                    )
        return self


class Concern(Model):
    """A kind of concern the escalation table routes to the contacts that say they `handle` it."""

    id: Id = Field(description="e.g. `poor-fit`; a contact lists it under `handles`.")
    concern: Text
    first_step: Sentence
    respond: Short = Field(
        description="How fast it is answered unless the contact says, e.g. `within two working days`."
    )
