"""The dates the program manager's kit is planned from, in one place.

Everything in the kit (run-sheet, messages, tracker columns, time commitment) reads the
schedule through `kit_dates` only. Its milestones are the program's own (dated, or `at` a
session) and the sessions that carry a program moment (kickoff, mid-point review, ...); its
meetings are every session and series meeting from the start on, and the kickoff (training before the start
is counted apart, as training).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.models.calendar import WorkingCalendar
from generator.models.events import Event
from generator.models.program import Meetings, Milestone
from generator.models.project import Project


@dataclass(frozen=True)
class Dated:
    day: dt.date
    title: str
    milestone: Milestone | None = None  # the profile's own milestone (a session's moment has none)
    time: str | None = None


@dataclass(frozen=True)
class SeriesTime:
    """One meeting series' share of the time asked: its meetings from the start on, at its length."""

    name: str | None
    meetings: int
    minutes: int  # each


@dataclass(frozen=True)
class KitDates:
    program: str
    start: dt.date
    end: dt.date  # the program's last day: its last session or milestone (`last_day`)
    weeks: int
    meeting_minutes: int  # all those meetings' minutes together
    meetings: int  # dated sessions and series meetings from the start on
    series: tuple[SeriesTime, ...]  # the required series that meet from the start on, each at its own length
    milestones: tuple[Dated, ...]
    modules: tuple[Dated, ...]  # each module's first session
    kickoff: dt.date  # the kickoff session's day, else the first meeting's, else the start
    calendar: WorkingCalendar  # the organization's working days: no step is dated on another
    reminder_days: int  # working days between a reminder and its event
    midpoint: dt.date  # the mid-point review session's day, or halfway through the program
    goals: dt.date  # the goals session's day, or the start
    celebration: dt.date  # the closing celebration's day, else the end (a later milestone may end the program)


def kit_dates(project: Project) -> KitDates | None:
    """The program's dates from today's schedule (`project.events`); None without a program."""
    program, calendar = project.organization.program, project.calendar
    if program is None or calendar is None:
        return None
    events = project.events
    first_of_module: dict[str, dt.date] = {}
    for event in events:
        if event.kind == "session" and event.number:
            first_of_module.setdefault(event.number.split(".")[0], event.date)
    titles = [m.title for m in project.curriculum.modules]
    modules = tuple(Dated(day, titles[int(n) - 1]) for n, day in first_of_module.items() if int(n) <= len(titles))
    series = program.series()
    length = {s.name: s.minutes for s in series}
    met = [e for e in events if attended(e, program.start)]
    return KitDates(
        program=program.name,
        start=program.start,
        end=last_day(program.start, program.weeks, events),
        weeks=program.weeks,
        meeting_minutes=sum(e.minutes or length.get(e.series, series[0].minutes) for e in met),
        meetings=len(met),
        series=_series_time(series, met),
        milestones=_milestones(events, program.milestones),
        modules=modules,
        kickoff=_kickoff(events, program.start),
        calendar=calendar,
        reminder_days=program.reminder_days,
        midpoint=next(
            (e.date for e in events if e.moment == "mid-point review"),
            program.start + dt.timedelta(weeks=program.weeks // 2),
        ),
        goals=next((e.date for e in events if e.moment == "goals"), program.start),
        celebration=next(
            (e.date for e in events if e.moment == "celebration"), last_day(program.start, program.weeks, events)
        ),
    )


def attended(event: Event, start: dt.date) -> bool:
    """A required session or series meeting of the time asked: from the start on, and the kickoff
    even when it comes before the start (a training before it is counted apart, as training)."""
    return (
        event.kind in ("session", "meeting")
        and (event.date >= start or event.moment == "kickoff")
        and not event.optional
    )


def pair_meetings(project: Project) -> int | None:
    """The meetings each pair holds on its own from the start on: its sessions, not the kickoff and
    the closing celebration, which everyone attends together, nor a series' meetings of their own
    (a group call for all pairs, a training): the check-in asks "how many times have you met"."""
    program = project.organization.program
    if program is None or project.calendar is None:
        return None
    together = ("kickoff", "celebration")
    return sum(
        1 for e in project.events if e.kind == "session" and attended(e, program.start) and e.moment not in together
    )


def last_day(start: dt.date, weeks: int, events: tuple[Event, ...]) -> dt.date:
    """The day the program ends for the people in it: its last session, meeting or milestone
    within its weeks (the closing celebration, not the Sunday of its last week; a follow-up
    call months later is after the end); without any, its last week's end."""
    last = start + dt.timedelta(weeks=weeks, days=-1)
    return max((e.date for e in events if e.date <= last), default=last)


def opening_day(start: dt.date, events: Sequence[Event]) -> dt.date:
    """The day the program starts for the people in it, as every page and message says it (`{start}`,
    the timeline's "Starts", the covers): its first meeting for all pairs (the kickoff, a bonding
    week) when that comes before the first week's `start`, else that start. A training for the
    mentors only, or an orientation for the mentees only, before it is preparation."""
    together = [e.date for e in events if e.kind in ("session", "meeting") and not e.optional and e.audience == "pairs"]
    return min([start, *together])


def _series_time(series: tuple[Meetings, ...], met: list[Event]) -> tuple[SeriesTime, ...]:
    times = [SeriesTime(s.name, sum(1 for e in met if e.series == s.name), s.minutes) for s in series if not s.optional]
    return tuple(t for t in times if t.meetings)


def _kickoff(events: tuple[Event, ...], start: dt.date) -> dt.date:
    """The day the program opens for everyone: its kickoff session, else its first meeting."""
    kickoff = next((e.date for e in events if e.moment == "kickoff"), None)
    first = next((e.date for e in events if e.kind in ("session", "meeting") and not e.optional), start)
    return kickoff or first


def _milestones(events: tuple[Event, ...], own: tuple[Milestone, ...]) -> tuple[Dated, ...]:
    """Each milestone once: its own date, the session it is `at`, or a session's moment."""
    named = {m.name: m for m in own}
    dated: list[Dated] = []
    for event in events:
        if event.kind == "milestone":
            dated.append(Dated(event.date, event.title, named.get(event.title), event.time))
        dated += [Dated(event.date, m.name, m, event.time) for m in event.milestones]
        if event.moment and not event.milestones:
            dated.append(Dated(event.date, event.title))
    return tuple(dated)
