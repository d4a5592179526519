"""The dates the program manager's kit is planned from, in one place.

Everything in the kit (run-sheet, messages, tracker columns, time commitment) reads the
schedule through `kit_dates` only, so when the schedule gains meeting series and moments this
is the one function to point at the new model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.read.project import Project


@dataclass(frozen=True)
class Dated:
    day: dt.date
    title: str


@dataclass(frozen=True)
class KitDates:
    program: str
    start: dt.date
    end: dt.date  # the program's last day
    weeks: int
    meeting_minutes: int
    meetings: int  # dated sessions
    milestones: tuple[Dated, ...]
    modules: tuple[Dated, ...]  # each module's first session


def kit_dates(project: Project) -> KitDates | None:
    """The program's dates from today's schedule (`project.events`); None without a program."""
    program = project.organization.program
    if program is None:
        return None
    events = project.events
    first_of_module: dict[str, dt.date] = {}
    for event in events:
        if event.kind == "session" and event.number:
            first_of_module.setdefault(event.number.split(".")[0], event.date)
    titles = [m.title for m in project.curriculum.modules]
    modules = tuple(Dated(day, titles[int(n) - 1]) for n, day in first_of_module.items() if int(n) <= len(titles))
    return KitDates(
        program=program.name,
        start=program.start,
        end=program.start + dt.timedelta(weeks=program.weeks, days=-1),
        weeks=program.weeks,
        meeting_minutes=program.meeting_minutes,
        meetings=sum(1 for e in events if e.kind == "session"),
        milestones=tuple(Dated(e.date, e.title) for e in events if e.kind == "milestone"),
        modules=modules,
    )
