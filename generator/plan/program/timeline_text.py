"""How the timeline says things: the program's facts line, its series, a date, a time, an event's
notes and the meetings a day off moved; the timeline page, the calendar files and the books
read them here (timeline.py plans the page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_skeleton, get_timezone, get_timezone_location, get_timezone_name

from generator.models.events import Event, Moved
from generator.models.program import Meetings, Program
from generator.models.project import Project
from generator.models.schedule import WEEKDAY_NAMES
from generator.plan.program.moments import opening_day
from generator.plan.program.words import within


@dataclass(frozen=True)
class AsNeeded:
    number: str
    title: str
    url: str


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
        offers = meetings if series.holds and meetings > 1 else 0  # dates to choose one of, not a rhythm to keep
        line = series_line(series, labels, once=meetings == 1, booked=carries > 1 and not series.agenda, dates=offers)
        lines.append(f"{line} {labels['series_choose_one']}" if offers else line)
    return lines


def series_line(
    series: Meetings, labels: Mapping[str, str], *, once: bool = False, booked: bool = False, dates: int = 0
) -> str:
    """ "One-to-ones: every two weeks, at 15:00, 60 minutes", in the handbook's words; a series
    that carries sessions says its minutes are booked ("some sessions need less"); one that
    offers the same meeting on several `dates` says how many ("2 dates, weekly")."""
    rhythm = labels["once"] if once else cadence_label(series.cadence, labels)
    rhythm = labels["series_dates"].format(count=dates, cadence=rhythm) if dates else rhythm
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
