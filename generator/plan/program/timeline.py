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
from functools import lru_cache
from typing import Any

from babel.dates import format_interval, format_skeleton, get_timezone, get_timezone_location, get_timezone_name

from generator.models.events import Event, Moved
from generator.models.program import Meetings, Program
from generator.models.project import Project
from generator.models.schedule import WEEKDAY_NAMES
from generator.plan.paths import CALENDAR, TIMELINE
from generator.plan.program.calendar import calendar_ics
from generator.plan.program.moments import opening_day
from generator.plan.program.words import within

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


@dataclass(frozen=True)
class AsNeeded:
    number: str
    title: str
    url: str


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


def program_facts(
    program: Program, labels: Mapping[str, str], language: str, events: Sequence[Event] = ()
) -> list[str]:
    """ "Starts Mon, Jan 11, 2027 · 48 weeks · times in Central European Time (Berlin)": the page's and the handbook's,
    with "preparation from ..." when meetings come before week 1."""
    opening = opening_day(program.start, events)
    facts = [
        f"{labels['program_starts']} {timeline_date(opening, language)}",
        f"{program.weeks} {labels['weeks']}",
    ]
    prepared = preparation_start(program, events)
    if prepared < opening:
        facts.insert(1, f"{labels['preparation_from']} {timeline_date(prepared, language)}")
    if program.timezone:
        facts.append(f"{labels['times_in']} {zone_name(program.timezone, language)}")
    return facts


def zone_name(zone: str, language: str) -> str:
    """A time zone as its readers call it, in their language (Babel's CLDR names): "Eastern Time
    (New York)" for America/New_York; a zone CLDR has no region for, as written ("UTC")."""
    tz = get_timezone(zone)
    name = get_timezone_name(tz, "long", zone_variant="generic", locale=language)
    city = get_timezone_location(tz, locale=language, return_city=True)
    if "(" in name or city == zone:  # CLDR's "Unknown Region (UTC) Time"
        return zone
    return f"{name} ({city})" if city not in name else name


def preparation_start(program: Program, events: Sequence[Event]) -> dt.date:
    """The first day of the program's preparation (its first meeting before week 1), else its start."""
    met = [e.date for e in events if e.kind in ("session", "meeting") and not e.optional]
    return min([program.start, *met])


def series_lines(program: Program, events: Sequence[Event], labels: Mapping[str, str]) -> list[str]:
    """One line per meeting series; a series that meets once says so rather than "weekly", and
    one that offers the training (`holds:`) at several meetings that each person comes to one."""
    lines = []
    for series in program.series():
        meetings = sum(1 for e in events if e.kind != "milestone" and e.series == series.name)
        carries = sum(1 for e in events if e.kind == "session" and e.series == series.name)
        line = series_line(series, labels, once=meetings == 1, booked=carries > 1 and not series.agenda)
        lines.append(f"{line} {labels['series_choose_one']}" if series.holds and meetings > 1 else line)
    return lines


def series_line(series: Meetings, labels: Mapping[str, str], *, once: bool = False, booked: bool = False) -> str:
    """ "One-to-ones: every two weeks, at 15:00, 60 minutes", in the handbook's words; a series
    that carries sessions says its minutes are booked ("some sessions need less")."""
    rhythm = labels["once"] if once else cadence_label(series.cadence, labels)
    length = (
        labels["booked_minutes"].format(minutes=series.minutes) if booked else f"{series.minutes} {labels['minutes']}"
    )
    parts = [rhythm, f"{labels['at_time']} {series.time}", length] if series.time else [rhythm, length]
    if series.optional:
        parts.append(labels["optional"])
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


def event_notes(event: Event, labels: Mapping[str, str], language: str, *, agenda: bool = True) -> tuple[Note, ...]:
    """What a row says besides its title: optional, the session's moment, the milestones at it, a
    note (a meeting's agenda unless `agenda` is False), and the day off it moved from."""
    notes = [Note(m.name, within(m.note or "")) for m in event.milestones]
    if event.moment:
        moment = labels[f"moment_{event.moment.replace(' ', '_').replace('-', '_')}"]
        # "The mid-point review" needs no "Mid-point review" beside it, nor "Closing celebration" a "Celebration".
        said = " ".join([event.title, *(m.name for m in event.milestones)]).casefold()
        if moment.casefold() not in said:
            notes.insert(0, Note(moment, ""))
    if event.optional:
        notes.insert(0, Note(labels["optional"].capitalize(), ""))
    if event.audience != "pairs":  # the mentors' lunch is in everyone's timeline, marked as theirs
        notes.insert(0, Note(labels[f"audience_{event.audience}"], ""))
    if event.note and agenda:
        notes.append(Note("", event.note))
    if event.moved:
        notes.append(Note("", moved_note(event.moved, labels, language)))
    return tuple(notes)


def moved_note(moved: Moved, labels: Mapping[str, str], language: str) -> str:
    """ "moved from Mon, May 31, 2027, Spring Bank Holiday": the day it was due and the day off
    (a weekend day needs no name: the date says it)."""
    note = f"{labels['moved_from']} {timeline_date(moved.day, language)}"
    return note if moved.why in WEEKDAY_NAMES else f"{note}, {moved.why}"


def moves(project: Project) -> list[str]:
    """What the working calendar moved, a line each, for `validate` to tell: information, not a problem."""
    language, labels = project.organization.language, project.labels
    return [
        f"{project.organization_file}: info: program: {e.title} on {timeline_date(e.date, language)}, "
        f"{moved_note(e.moved, labels, language)}"
        for e in project.events
        if e.moved is not None
    ]


def row_date(event: Event, language: str) -> str:
    """The day, or a window's first and last day."""
    day = timeline_date(event.date, language)
    return f"{day} – {timeline_date(event.until, language)}" if event.until else day


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


@lru_cache(maxsize=4096)  # the run-sheet, messages and books print the same few hundred days 12,000 times
def timeline_date(day: dt.date, language: str) -> str:
    """A date as the timeline shows it, e.g. "Mon, Jan 11, 2027": shared with the handbook PDF
    so that the page and the printout never disagree."""
    return format_skeleton("yMMMEd", day, locale=language)
