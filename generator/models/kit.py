"""The program manager's kit as data: MENTOR's standards of effective practice, the dated
run-sheet with its message templates, and the kinds of concern the escalation table routes.

Guides (their front matter) and worksheets name the standard they serve and the editions they
belong to, so the standards page and the mentor's, mentee's and manager's editions are
selections computed from the one source, never second lists of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import Field, model_validator

from generator.models.base import Choice, Id, MarkdownText, Model, Sentence, Short, Text, user_error

Edition = Choice[Literal["manager", "mentor", "mentee"]]
EDITIONS: tuple[Edition, ...] = ("manager", "mentor", "mentee")
PAIR: tuple[Edition, ...] = ("mentor", "mentee")  # what a worksheet belongs to unless it says
Anchor = Choice[
    Literal["start", "end", "milestone", "module", "midpoint", "retention", "kickoff", "goals", "celebration"]
]
Cohort = Choice[Literal["mentors", "mentees"]]
Per = Choice[Literal["session", "person", "pair"]]
Record = Choice[Literal["applications", "next_round", "notes", "names", "responses"]]
Moves = Choice[Literal["earlier", "later"]]
HOLDS = {"mentors": "training", "mentees": "orientation"}  # a cohort's step -> what a profile's series may hold


class Benchmark(Model):
    """One of a standard's benchmarks, assessed honestly for the program this kit runs."""

    benchmark: Text = Field(description="What the standard asks, in a line.")
    status: Choice[Literal["meets", "partly", "not"]] = Field(description="meets, partly or not.")
    how: MarkdownText = Field(description="What in the handbook and kit meets it, or why it does not.")
    add: MarkdownText | None = Field(None, description="What a program adds to meet it fully.")
    adapted: MarkdownText | None = Field(
        None, description="How a benchmark written for youth mentoring is read for a workplace."
    )


class Standard(Model):
    """One of MENTOR's standards of effective practice, with what it asks of a program."""

    id: Id = Field(description="e.g. `recruitment`; guides and worksheets name it as their `standard`.")
    title: Text
    summary: MarkdownText
    benchmarks: tuple[Benchmark, ...] = ()


class Message(Model):
    to: Text = Field(description="Who receives it, e.g. `Each mentor and mentee, separately`.")
    when: Text | None = Field(
        None,
        description="When it goes out, for a message sent as things happen rather than on the step's day, e.g. "
        "`As each decline arrives`: the messages page says this instead of a date.",
    )
    subject: Text
    body: MarkdownText = Field(
        description="The message; the program's facts ({program}, {start}, {contact}, ...) and {date} are filled in, "
        "and {milestone} and {milestone_date} with `anchor: milestone`, {module} and {module_date} with `anchor: module`; "
        "{milestones_due} asks which pair milestones planned since the step's previous day the pair has reached (the "
        "tracker's milestone columns are those a message asks for)."
    )


class OnTimeline(Model):
    """What a run-sheet step puts on the readers' timeline and calendar file: a day they act on
    (a workshop to attend, the introduction email, a form to answer)."""

    title: Text = Field(description="The entry's title, to its readers, e.g. `Mentor training workshop (choose one)`.")
    audience: Choice[Literal["pairs", "mentors", "mentees"]] = Field(
        "pairs", description="Whom it is for: `pairs` (everyone), `mentors` or `mentees`; the others see it marked."
    )
    note: Sentence | None = Field(None, description="A line beside it; the program's facts may be named.")
    until: Id | None = Field(
        None, description="The id of the step whose day ends it: a window from this step's day to that one's."
    )


class WhenHeld(Model):
    """A step's wording for a program whose own meeting series holds it (a series with `holds:`,
    the one workshop offered at each of its own dates), instead of the kit's own workshops."""

    title: Text | None = Field(None, description="The step's title, instead of its own.")
    do: MarkdownText | None = Field(None, description="What the program team does, instead of the step's `do`.")
    message: Message | None = Field(None, description="The message, instead of the step's `message`.")


class Task(Model):
    """A step of the run-sheet, dated from the program: `weeks` before (negative) or after its
    anchor, and again every `every_weeks` weeks until the program ends."""

    id: Id
    title: Text
    standard: Id
    anchor: Anchor = Field(
        description="What it is dated from: start, end, each milestone, each module's start, the program's "
        "mid-point, the `kickoff` (its session, else the first meeting), the `goals` session (else the start), the "
        "`celebration` (the closing celebration's session, else the end), or "
        "(`retention`) the day the profile's `privacy:` says its `record` is deleted."
    )
    weeks: int = Field(0, ge=-52, le=52, description="Weeks from the anchor: -2 is two weeks before.")
    months: int = Field(0, ge=0, le=36, description="Months after the anchor, added to `weeks`: 12 is a year after.")
    every_weeks: int | None = Field(None, ge=1, le=52, description="Repeat this often until the program ends.")
    cohort: Cohort | None = Field(
        None,
        description="Run once for every `capacity` of these people in the program (`program.size`), then a catch-up.",
    )
    capacity: int | None = Field(None, ge=2, le=500, description="How many people one session holds, e.g. 16.")
    record: Record | None = Field(
        None,
        description="With `anchor: retention`: the kind of record deleted, on the day the profile's `privacy:` says.",
    )
    follows: Id | None = Field(
        None,
        description="The id of a step this one follows up (a chaser after a check-in): dated `working_days` "
        "working days after each of that step's days; its message may say {followed}, that step's day.",
    )
    working_days: int = Field(3, ge=1, le=20, description="With `follows`: working days after the step it follows.")
    moves: Moves = Field(
        "earlier",
        description="A step due on a day off (a weekend, a holiday, a break) moves to the working day before it "
        "(`earlier`: it is ready in time) or after it (`later`: a check-in waits until people are back).",
    )
    prepares: Id | None = Field(
        None,
        description="The id of the step this one gets ready; it is dated before that one (moved to the working "
        "day before it when its own anchor would put it on or after it).",
    )
    reminder: bool = Field(
        False,
        description="With `anchor: module` or `milestone`: a reminder, sent the program's `reminder_days` working "
        "days before each (its `weeks` is not used).",
    )
    team_minutes: int | None = Field(None, ge=5, le=600, description="The program team's minutes each time, e.g. 20.")
    per: Per = Field("session", description="What `team_minutes` counts: each `session`, `person` or `pair`.")
    do: MarkdownText
    message: Message | None = None
    timeline: OnTimeline | None = Field(
        None, description="Put each of its days on the readers' timeline page and calendar file, as this says."
    )
    when_held: WhenHeld | None = Field(
        None,
        description="With `cohort` (or `prepares` naming such a step): the wording when the profile's own series "
        "holds this step (`holds: training` for the mentors' cohort, `holds: orientation` for the mentees'), "
        "the one workshop offered at each of its meetings, each person at one.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Task:
        if (self.cohort is None) != (self.capacity is None):
            raise user_error(
                "`cohort` and `capacity` go together", "write both, e.g. `cohort: mentors` and `capacity: 16`"
            )
        if self.reminder and self.anchor not in ("module", "milestone"):
            raise user_error(
                f"a reminder is sent before a module or a milestone, not before the `{self.anchor}`",
                "write `anchor: module` or `anchor: milestone`, or remove `reminder`",
            )
        if "{followed}" in (self.message.body if self.message else "") and not self.follows:
            raise user_error(
                "the message has {followed}, the day of the step this one follows up, but names no step",
                "add `follows:` with that step's id, e.g. `follows: check-in`",
            )
        if (self.anchor == "retention") != (self.record is not None):
            raise user_error(
                "a step dated from the retention schedule names its `record`, and only such a step does",
                "write `anchor: retention` with e.g. `record: names`",
            )
        return self

    @model_validator(mode="after")
    def _deadline_needs_prepares(self) -> Task:
        texts = (self.message.subject, self.message.body) if self.message else ()
        if not self.prepares and any("{deadline}" in text for text in texts):
            raise user_error(
                "the message has {deadline}, the day of the step this one prepares, but names no step",
                "add `prepares:` with that step's id, e.g. `prepares: end-survey-close`",
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


def held_steps(tasks: Sequence[Task], holding: Mapping[str, str]) -> dict[str, str]:
    """The run-sheet's steps a profile's own series holds, by id, each with that series' name:
    a cohort's step (the training, the orientation) whose `holds` a series claims. `holding`:
    the series' names by what they hold (`{"training": "Mentor training"}`)."""
    return {t.id: holding[HOLDS[t.cohort]] for t in tasks if t.cohort and HOLDS[t.cohort] in holding}


def as_held(tasks: tuple[Task, ...], holding: Mapping[str, str]) -> tuple[Task, ...]:
    """The run-sheet in its wording for the program: a step a series holds, and the step that
    prepares it (its invitation), with their `when_held` text in place of their own."""
    held = held_steps(tasks, holding)
    worded = set(held) | {t.id for t in tasks if t.prepares in held}
    return tuple(_reworded(t) if t.id in worded else t for t in tasks)


def _reworded(task: Task) -> Task:
    if task.when_held is None:
        return task
    update = {key: getattr(task.when_held, key) for key in ("title", "do", "message") if getattr(task.when_held, key)}
    return task.model_copy(update=update)
