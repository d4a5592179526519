"""Planning the program timeline page and its calendar file (pure, like the rest of plan/).

The timeline is one list by date in which every event appears once: a session with its
program moment and the milestones written `at` it, a meeting of a series with an agenda of
its own, a milestone. Sessions that are as needed are listed apart. The handbook's program
chapter (chapters.py) prints the same rows from the same functions."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from babel.dates import format_interval

from generator.models.events import Event
from generator.models.program import Program
from generator.models.project import Project
from generator.plan.paths import CALENDAR, TIMELINE
from generator.plan.program.calendar import calendar_ics
from generator.plan.program.timeline_text import (
    Note,
    as_needed,
    clock,
    event_notes,
    program_facts,
    row_date,
    series_lines,
)

ROW_TEMPLATES = {
    "session": "timeline/session.md.j2",
    "meeting": "timeline/meeting.md.j2",
    "milestone": "timeline/milestone.md.j2",
}


@dataclass(frozen=True)
class TimelineRow:
    """One line of the timeline page, with the partial that prints it (a session links to its
    page, a milestone stands out with its note)."""

    template: str
    date: str  # as the page shows it, e.g. "Mon, Jan 11, 2027"
    time: str  # "15:00–16:00", or "" all day
    number: str  # a session's, e.g. "2.1"; "" otherwise
    title: str
    notes: tuple[Note, ...]  # the moment, milestones at this session, a note or agenda
    url: str | None  # a session page, relative to the timeline page
    series: str  # the meeting series' name, shown when there are several


@dataclass(frozen=True)
class BreakRow:
    name: str
    days: str  # in the handbook's date style, e.g. "Dec 24, 2026 – Jan 1, 2027"


def plan_program(
    project: Project,
    session_page: Callable[[str], str],
    common: Mapping[str, Any],
    events: tuple[Event, ...] | None = None,
) -> tuple[Any, dict[str, bytes]]:
    """The timeline page's (path, title, context) and the .ics file, or (None, {}) without a
    program; `events` are the program's with the run-sheet's readers' days (reader_days.py, which
    dates them from the run-sheet, itself worded with this module's dates), else its own."""
    program, labels = project.organization.program, project.labels
    if program is None:
        return None, {}
    here = posixpath.dirname(TIMELINE) or "."
    several = len(program.series()) > 1

    def url(event: Event) -> str | None:
        return posixpath.relpath(session_page(event.session_id), here) if event.session_id else None

    events = project.events if events is None else events
    language = project.organization.language
    where = places(program)

    def placed(event: Event) -> tuple[Note, ...]:
        """The place of a session held together (the kickoff, the celebration) or of a milestone
        that has one (a lunch), as the calendar's LOCATION."""
        shown = event.place or (where.get(event.moment or "") if event.kind == "session" else None)
        return (Note(labels["timeline_place"], shown),) if shown else ()

    rows = [
        TimelineRow(
            ROW_TEMPLATES[event.kind],
            row_date(event, language),
            clock(event),
            event.number or "",
            event.title,
            event_notes(event, labels, language, agenda=event.kind != "meeting")
            + placed(event),  # a meeting's agenda is in its series line
            url(event),
            series_cell(event, labels) if several and event.kind == "session" else "",
        )
        for event in events
    ]
    breaks = [BreakRow(b.name, format_interval(b.start, b.end, "yMMMd", locale=language)) for b in program.breaks]

    def ics(role: str | None) -> bytes:
        """The calendar of every event, or of one role's: theirs and the pairs' (none for the other role only)."""
        name = f"{project.organization.display_name}: {program.name}"
        return calendar_ics(
            [e for e in events if role is None or e.audience in ("pairs", role)],
            calendar_name=f"{name} ({labels[f'calendar_{role}']})" if role else name,
            stamp=project.built,
            timezone=program.timezone,
            describe=lambda e: describe(e, project, session_page) or None,
            summary=lambda e: ics_summary(e, labels),
            place=lambda e: e.place or where.get(e.moment or "") or where.get(e.uid.rsplit("-", 1)[0]),
            optional=labels["optional"],
        )

    context = {
        **common,
        "program": program,
        "heading": timeline_title(program, labels),
        "facts": " · ".join(program_facts(program, labels, language, project.events)),
        "series": series_lines(program, project.events, labels),
        "rows": rows,
        "several": several,
        "as_needed": as_needed(project, lambda sid: posixpath.relpath(session_page(sid), here)),
        "breaks": breaks,
        "calendars": [(labels[f"calendar_{role}"], role_calendar(role)) for role in ROLES],
    }
    files = {role_calendar(role): ics(None if role == "all" else role) for role in ROLES}
    return (TIMELINE, timeline_title(program, labels), context), files


ROLES = ("mentors", "mentees", "all")  # a calendar file each: the timeline page links all three


def role_calendar(role: str) -> str:
    """The calendar file of one role's events ("program-mentees.ics"), or of all of them (CALENDAR)."""
    return CALENDAR if role == "all" else CALENDAR.replace(".ics", f"-{role}.ics")


def timeline_title(program: Program, labels: Mapping[str, str]) -> str:
    """The timeline page's title, as the handbook calls the page: "Timeline: Leadership Mentoring 2027"."""
    return labels["timeline_title"].format(name=program.name)


def ics_summary(event: Event, labels: Mapping[str, str]) -> str:
    """A calendar entry's title: one file serves everyone, so an entry for mentors or mentees
    only says so in its title ("Mentors' lunch (mentors only)"), where a calendar app shows it."""
    title = f"{event.number} {event.title}" if event.number else event.title
    return title if event.audience == "pairs" else f"{title} ({labels[f'only_{event.audience}']})"


def series_cell(event: Event, labels: Mapping[str, str]) -> str:
    """The meeting a session is held in; the closing celebration, which all pairs hold together
    in a slot of their one-to-ones, by its moment's name."""
    return labels["moment_celebration"] if event.moment == "celebration" else event.series or ""


def closing_place(program: Program) -> str | None:
    """The closing celebration's place: `closing_place`, else where the kickoff was."""
    return program.closing_place or program.kickoff_place


def places(program: Program) -> dict[str, str]:
    """Where the sessions of a moment happen, and the run-sheet's workshops and orientations (by
    their entries' uid, "step-train-2"), as far as the profile says: the calendar's LOCATION."""
    found = {
        "kickoff": program.kickoff_place,
        "celebration": closing_place(program),
        "step-train": program.training_place or program.kickoff_place,  # the workshops' entries (reader_days.py)
        "step-orient": program.orientation_place or program.kickoff_place,
    }
    return {moment: place for moment, place in found.items() if place}


def describe(event: Event, project: Project, session_page: Callable[[str], str]) -> str:
    """A calendar entry's description: its notes, and for a session the address of its page
    (under the program's `handbook_url`; without one, none: a path in the handbook's folder
    opens nothing from a calendar app) and the worksheets to bring."""
    labels, language = project.labels, project.organization.language
    parts = [str(n) for n in event_notes(event, labels, language)]
    if event.session_id:
        program = project.organization.program
        page = posixpath.splitext(session_page(event.session_id))[0] + ".html"
        if program and program.handbook_url:  # a calendar app opens an address, not a path in a folder
            parts.append(f"{labels['session_page']}: {program.handbook_url}{page}")
        titles = {w.id: w.title for w in project.curriculum.worksheets}
        session = next((s for s in project.curriculum.sessions() if s.id == event.session_id), None)
        sheets = [titles[w] for w in (session.worksheets if session else ()) if w in titles]
        if sheets:
            parts.append(f"{labels['worksheets_to_bring']}: {', '.join(sheets)}")
    return "\n\n".join(parts)
