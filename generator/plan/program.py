"""Planning the program timeline page and its calendar file (pure, like plan.py)."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from babel.dates import format_skeleton

from generator.models.program import Program
from generator.plan.calendar import calendar_ics
from generator.read.project import Project

TIMELINE = "program.md"
CALENDAR = "program.ics"
ROW_TEMPLATES = {"session": "timeline/session.md.j2", "milestone": "timeline/milestone.md.j2"}


@dataclass(frozen=True)
class TimelineRow:
    """One line of the timeline page, with the partial that prints it (a session links to its
    page, a milestone stands out with its note)."""

    template: str
    date: str  # as the page shows it, e.g. "Mon, Jan 11, 2027"
    number: str  # a session's, e.g. "2.1"; "" for a milestone
    title: str
    note: str | None
    url: str | None  # a session page, relative to the timeline page


@dataclass(frozen=True)
class BreakRow:
    name: str
    start: str  # year-month-day
    end: str


def plan_program(
    project: Project, session_page: Callable[[str], str], common: Mapping[str, Any]
) -> tuple[Any, dict[str, bytes]]:
    """The timeline page's (path, title, context) and the .ics file, or (None, {}) without a program."""
    program = project.organization.program
    if program is None:
        return None, {}
    here = posixpath.dirname(TIMELINE) or "."
    rows = [
        TimelineRow(
            ROW_TEMPLATES[event.kind],
            timeline_date(event.date, project.organization.language),
            event.number or "",
            event.title,
            event.note,
            posixpath.relpath(session_page(event.session_id), here) if event.session_id else None,
        )
        for event in project.events
    ]
    breaks = [BreakRow(b.name, b.start.isoformat(), b.end.isoformat()) for b in program.breaks]
    starts = rows[0].date if rows else program.start.isoformat()
    ics = calendar_ics(
        project.events,
        calendar_name=f"{project.organization.display_name}: {program.name}",
        meeting_minutes=program.meeting_minutes,
        meeting_time=program.meeting_time,
        stamp=project.built,
    )
    cadence = cadence_label(program, project.labels)
    context = {
        **common,
        "program": program,
        "starts": starts,
        "rows": rows,
        "breaks": breaks,
        "calendar": CALENDAR,
        "cadence": cadence,
    }
    return (TIMELINE, program.name, context), {CALENDAR: ics}


def cadence_label(program: Program, labels: Mapping[str, str]) -> str:
    """ "Every two weeks" and the like, in the handbook's words: the timeline's and the handbook's."""
    return labels[f"cadence_{program.cadence.replace(' ', '_')}"]


def timeline_date(day: dt.date, language: str) -> str:
    """A date as the timeline shows it, e.g. "Mon, Jan 11, 2027": shared with the handbook PDF
    so that the page and the printout never disagree."""
    return format_skeleton("yMMMEd", day, locale=language)
