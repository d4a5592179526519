"""The program manager's kit, planned (pure): the dated run-sheet, its messages with the dates
filled in, the escalation table from the contacts, and the time each role asks.

All dates come from `kit_dates` (moments.py); all text from the curriculum's `run_sheet`,
`concerns` and `standards` and the profile's contacts, so every organization's kit is its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from babel.numbers import format_decimal

from generator.markup import escape_markdown, escape_text
from generator.models.kit import Concern, Task
from generator.models.organization import Contact
from generator.plan.moments import KitDates, SeriesTime, kit_dates
from generator.plan.program import timeline_date
from generator.read.project import Project

PREPARATION_MINUTES = {"mentor": 15, "mentee": 20}  # before each session: reading the page, the worksheet
TRAINING_MINUTES = {"mentor": 150, "mentee": 60}  # the workshop and the orientation (their guides' agendas)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Step:
    """One line of the run-sheet: a task on its day (or, without a program, its offset)."""

    day: dt.date | None
    when: str
    title: str
    task: Task
    message: Message | None


@dataclass(frozen=True)
class Message:
    anchor: str  # the heading's id on the messages page
    when: str
    to: str
    subject: str  # plain text, filled in
    body: str  # Markdown, filled in and made safe


@dataclass(frozen=True)
class Route:
    """A row of the escalation table."""

    concern: Concern
    contacts: tuple[Contact, ...]
    assumed: bool  # no contact names this concern: the first contact (or nobody) is shown
    respond: str  # the concern's own: a risk of harm the same day, whoever usually answers slower


@dataclass(frozen=True)
class Commitment:
    role: str
    sessions: int
    session_minutes: int  # all sessions together
    preparation_minutes: int
    training_minutes: int
    weeks: int | None
    series: tuple[SeriesTime, ...] = ()  # with several series, each at its own length

    @property
    def total_minutes(self) -> int:
        return self.session_minutes + self.preparation_minutes + self.training_minutes


def run_sheet(project: Project) -> tuple[Step, ...]:
    dates = kit_dates(project)
    steps = [step for task in project.curriculum.run_sheet for step in _steps(task, dates, project)]
    if dates is None:
        return tuple(steps)
    return tuple(sorted(steps, key=lambda s: s.day or dt.date.min))


def _steps(task: Task, dates: KitDates | None, project: Project) -> Iterator[Step]:
    labels, language = project.labels, project.organization.language
    if dates is None:
        when = f"{labels[f'kit_anchor_{task.anchor}']} {task.weeks:+d} {labels['weeks']}".replace("-", "−")
        yield Step(None, when, task.title, task, None)
        return
    anchors = _anchors(task, dates, language)
    for n, (due, extra, title) in enumerate(anchors, start=1):
        day = _step_day(task, due, dates)
        when = timeline_date(day, language)
        message = _message(task, f"{task.id}-{n}", when, {**_common(dates, project), **extra, "date": when})
        yield Step(day, when, title, task, message)


def _anchors(task: Task, dates: KitDates, language: str) -> list[tuple[dt.date, dict[str, str], str]]:
    """Each day the task is due by its anchor and `weeks` (a reminder: its event's day), with the
    placeholders it fills in and its title."""
    offset = dt.timedelta(weeks=0 if task.prepares == "event" else task.weeks)
    anchors: list[tuple[dt.date, dict[str, str], str]] = []
    if task.anchor in ("start", "end"):
        base = dates.start if task.anchor == "start" else dates.end
        anchors.append((base + offset, {}, task.title))
        while task.every_weeks and anchors[-1][0] + dt.timedelta(weeks=task.every_weeks) <= dates.end:
            anchors.append((anchors[-1][0] + dt.timedelta(weeks=task.every_weeks), {}, task.title))
    elif task.anchor == "milestone":
        for m in dates.milestones:
            extra = {"milestone": m.title, "milestone_date": timeline_date(m.day, language)}
            anchors.append((m.day + offset, extra, f"{task.title}: {m.title}"))
    else:
        for m in dates.modules:
            extra = {"module": m.title, "module_date": timeline_date(m.day, language)}
            anchors.append((m.day + offset, extra, f"{task.title}: {m.title}"))
    return anchors


def _step_day(task: Task, due: dt.date, dates: KitDates) -> dt.date:
    """The working day the step is done on: a reminder `reminder_days` working days before its
    event, a step that prepares the kickoff before it, any other on its day or the working day
    before (a weekend, a public holiday, a break)."""
    calendar = dates.calendar
    if task.prepares == "event":
        return calendar.before(due, dates.reminder_days)
    if task.prepares == "kickoff" and due >= dates.kickoff:
        due = dates.kickoff + dt.timedelta(weeks=task.weeks)
    return calendar.on_or_before(due)


def _common(dates: KitDates, project: Project) -> dict[str, str]:
    language = project.organization.language
    return {
        "program": dates.program,
        "start": timeline_date(dates.start, language),
        "end": timeline_date(dates.end, language),
        "contact": first_contact(project.organization.contacts, project.labels),
    }


def first_contact(contacts: tuple[Contact, ...], labels: Mapping[str, str]) -> str:
    if not contacts:
        return labels["kit_program_lead"]
    first = contacts[0]
    reach = first.email or first.phone
    return f"{first.name} ({reach})" if reach else first.name


def _message(task: Task, anchor: str, when: str, values: Mapping[str, str]) -> Message | None:
    if task.message is None:
        return None
    subject = _PLACEHOLDER.sub(lambda m: values[m.group(1)], task.message.subject)
    return Message(anchor, when, task.message.to, subject, fill(task.message.body, values))


def fill(body: str, values: Mapping[str, str]) -> str:
    """The message's Markdown made safe, with each placeholder replaced by its value as text."""
    pieces, at = [], 0
    for match in _PLACEHOLDER.finditer(body):
        pieces += [escape_markdown(body[at : match.start()]), escape_text(values[match.group(1)])]
        at = match.end()
    return "".join([*pieces, escape_markdown(body[at:])])


def messages(steps: tuple[Step, ...]) -> tuple[Message, ...]:
    return tuple(s.message for s in steps if s.message)


def escalation(project: Project) -> tuple[Route, ...]:
    contacts = project.organization.contacts
    routes = []
    for concern in project.curriculum.concerns:
        named = tuple(c for c in contacts if concern.id in c.handles)
        routes.append(Route(concern, named or contacts[:1], not named, concern.respond))
    return tuple(routes)


def commitment(project: Project, role: str) -> Commitment:
    """Sessions × their length, plus preparation and training, from the organization's own schedule:
    its dated meetings at its meeting length, or the curriculum's sessions at their own length."""
    dates = kit_dates(project)
    sessions = project.curriculum.sessions()
    if dates is not None:
        count, minutes = dates.meetings, dates.meeting_minutes
    else:
        count, minutes = len(sessions), sum(s.minutes for s in sessions)
    return Commitment(
        role,
        count,
        minutes,
        count * PREPARATION_MINUTES[role],
        TRAINING_MINUTES[role],
        dates.weeks if dates else None,
        dates.series if dates and len(dates.series) > 1 else (),
    )


def hours(minutes: int, language: str) -> str:
    """Hours to the nearest quarter, so that the parts add up to the whole: 315 minutes is
    "5.25" hours, 150 "2.5"."""
    return format_decimal(round(minutes / 15) / 4, format="#,##0.##", locale=language)
