"""Planning the program timeline page and its calendar file (pure, like the rest of plan/).

The timeline is one list by date in which every event appears once: a session with its
program moment and the milestones written `at` it, a meeting of a series with an agenda of
its own, a milestone. Sessions that are as needed are listed apart. The handbook's program
chapter (chapters.py) prints the same rows from the same functions."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from babel.dates import format_skeleton

from generator.models.program import Meetings, Program
from generator.plan.calendar import calendar_ics
from generator.read.project import Project
from generator.read.timeline import Event

TIMELINE = "program.md"
CALENDAR = "program.ics"
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
    start: str  # year-month-day
    end: str


@dataclass(frozen=True)
class AsNeeded:
    number: str
    title: str
    url: str


def plan_program(
    project: Project, session_page: Callable[[str], str], common: Mapping[str, Any]
) -> tuple[Any, dict[str, bytes]]:
    """The timeline page's (path, title, context) and the .ics file, or (None, {}) without a program."""
    program, labels = project.organization.program, project.labels
    if program is None:
        return None, {}
    here = posixpath.dirname(TIMELINE) or "."
    several = len(program.series()) > 1

    def url(event: Event) -> str | None:
        return posixpath.relpath(session_page(event.session_id), here) if event.session_id else None

    rows = [
        TimelineRow(
            ROW_TEMPLATES[event.kind],
            timeline_date(event.date, project.organization.language),
            clock(event),
            event.number or "",
            event.title,
            () if event.kind == "meeting" else event_notes(event, labels),  # its agenda is in the series line
            url(event),
            (event.series or "") if several and event.kind == "session" else "",
        )
        for event in project.events
    ]
    breaks = [BreakRow(b.name, b.start.isoformat(), b.end.isoformat()) for b in program.breaks]
    ics = calendar_ics(
        project.events,
        calendar_name=f"{project.organization.display_name}: {program.name}",
        stamp=project.built,
        timezone=program.timezone,
        describe=lambda e: "\n\n".join(str(n) for n in event_notes(e, labels)) or None,
    )
    context = {
        **common,
        "program": program,
        "facts": " · ".join(program_facts(program, labels, project.organization.language)),
        "series": series_lines(program, project.events, labels),
        "rows": rows,
        "several": several,
        "as_needed": as_needed(project, lambda sid: posixpath.relpath(session_page(sid), here)),
        "breaks": breaks,
        "calendar": CALENDAR,
    }
    return (TIMELINE, program.name, context), {CALENDAR: ics}


def program_facts(program: Program, labels: Mapping[str, str], language: str) -> list[str]:
    """ "Starts Mon, Jan 11, 2027 · 48 weeks · times in Europe/Berlin": the page's and the handbook's."""
    facts = [
        f"{labels['program_starts']} {timeline_date(program.start, language)}",
        f"{program.weeks} {labels['weeks']}",
    ]
    if program.timezone:
        facts.append(f"{labels['times_in']} {program.timezone}")
    return facts


def series_lines(program: Program, events: Sequence[Event], labels: Mapping[str, str]) -> list[str]:
    """One line per meeting series; a series that meets once says so rather than "weekly"."""
    lines = []
    for series in program.series():
        meetings = sum(1 for e in events if e.kind != "milestone" and e.series == series.name)
        lines.append(series_line(series, labels, once=meetings == 1))
    return lines


def series_line(series: Meetings, labels: Mapping[str, str], *, once: bool = False) -> str:
    """ "One-to-ones: every two weeks, 60 minutes, at 15:00", in the handbook's words."""
    rhythm = labels["once"] if once else cadence_label(series.cadence, labels)
    parts = [rhythm, f"{series.minutes} {labels['minutes']}"]
    if series.time:
        parts.append(f"{labels['at_time']} {series.time}")
    text = ", ".join(parts)
    text = f"{series.name}: {text}" if series.name else text[:1].upper() + text[1:]
    return f"{text}. {series.agenda}" if series.agenda else text


def cadence_label(cadence: str, labels: Mapping[str, str]) -> str:
    """ "Every two weeks" and the like, in the handbook's words: the timeline's and the handbook's."""
    return labels[f"cadence_{cadence.replace(' ', '_')}"]


@dataclass(frozen=True)
class Note:
    """A line beside an event's title: a name that stands out (a moment, a milestone) and a text."""

    name: str
    text: str

    def __str__(self) -> str:
        return f"{self.name}: {self.text}" if self.name and self.text else self.name or self.text


def event_notes(event: Event, labels: Mapping[str, str]) -> tuple[Note, ...]:
    """What a row says besides its title: the session's moment, the milestones at it, a note."""
    notes = [Note(m.name, m.note or "") for m in event.milestones]
    if event.moment:
        moment = labels[f"moment_{event.moment.replace(' ', '_').replace('-', '_')}"]
        # "The mid-point review" needs no "Mid-point review" beside it, nor "Closing celebration" a "Celebration".
        said = " ".join([event.title, *(m.name for m in event.milestones)]).casefold()
        if moment.casefold() not in said:
            notes.insert(0, Note(moment, ""))
    if event.note:
        notes.append(Note("", event.note))
    return tuple(notes)


def clock(event: Event) -> str:
    """ "15:00–16:00" for a timed event, "" for an all-day one."""
    if not event.time:
        return ""
    start = dt.datetime.combine(event.date, dt.time.fromisoformat(event.time))
    end = start + dt.timedelta(minutes=event.minutes or 60)
    return f"{event.time}–{end:%H:%M}"


def as_needed(project: Project, link: Callable[[str], str]) -> list[AsNeeded]:
    """Sessions offered to the pairs who need them, never booked: listed apart."""
    return [
        AsNeeded(f"{m}.{n}", s.title, link(s.id))
        for m, module in enumerate(project.curriculum.modules, start=1)
        for n, s in enumerate(module.sessions, start=1)
        if s.as_needed
    ]


def timeline_date(day: dt.date, language: str) -> str:
    """A date as the timeline shows it, e.g. "Mon, Jan 11, 2027": shared with the handbook PDF
    so that the page and the printout never disagree."""
    return format_skeleton("yMMMEd", day, locale=language)
