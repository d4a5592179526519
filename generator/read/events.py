"""The schedule's events: a dated session, a series' own meeting and a milestone (at its week,
on its date, or `at` a session and listed with it), each with a uid that stays the same from
build to build (models/events.py holds the Event)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from itertools import count

from generator.models.calendar import WorkingCalendar
from generator.models.events import Event, Moved
from generator.models.program import MAX_BEFORE, Meetings, Milestone, Program
from generator.read.schedule_checks import (
    Booked,
    SessionInfo,
    Trouble,
    check_after,
    check_repeats,
    unknown_session,
)
from generator.read.schedule_dates import outside


def event_order(event: Event) -> tuple[dt.date, str, bool]:
    """By date; on one day all-day milestones first, then by time (sorted() keeps ties in order)."""
    return event.date, event.time or "", event.kind != "milestone"


def session_event(
    booked: Booked,
    series: Meetings,
    slug: str,
    taken: set[str],
    attached: dict[str, list[Milestone]],
    moves: dict[tuple[int, dt.date], Moved],
) -> Event:
    s = booked.session
    return Event(
        booked.date,
        "session",
        s.title,
        unique(f"{slug}-session-{s.id}", taken),
        s.id,
        s.number,
        time=series.time,
        minutes=series.minutes if series.time else None,
        series=series.name,
        moment=s.moment,
        milestones=tuple(attached.get(s.id, ())),
        moved=moves.get((booked.series, booked.date)),
        optional=series.optional,
    )


def meeting_event(
    series: Meetings, index: int, n: int, day: dt.date, slug: str, taken: set[str], moved: Moved | None
) -> Event:
    name = series.name or f"meetings {index + 1}"
    uid = unique(f"{slug}-{_slugify(name) or index + 1}-{n}", taken)
    minutes = series.minutes if series.time else None
    return Event(
        day,
        "meeting",
        name,
        uid,
        note=series.agenda,
        time=series.time,
        minutes=minutes,
        series=series.name,
        moved=moved,
        optional=series.optional,
        audience=HELD_FOR.get(series.holds or "", "pairs"),  # the training is for mentors, as the kit's workshops
    )


HELD_FOR = {"training": "mentors", "orientation": "mentees"}  # whom a series that `holds:` one is for


def attach(
    milestone: Milestone,
    index: int,
    booked: dict[str, Booked],
    sessions: Sequence[SessionInfo],
    troubles: list[Trouble],
) -> bool:
    """A milestone `at` a session joins that session's event; a Trouble if it is not booked."""
    if milestone.at in booked:
        return True
    known = {s.id: s for s in sessions}
    session = known.get(milestone.at or "")
    where = ("milestones", index, "at")
    if session is not None and session.as_needed:
        hint = "give the milestone its own `week` or `date`, or choose a session every pair has"
        troubles.append(
            Trouble(f'the milestone "{milestone.name}" is at {session.label}, which is as needed', hint, where)
        )
    elif session is None:
        troubles.append(unknown_session(f'the milestone "{milestone.name}" is at', milestone.at or "", sessions, where))
    return False


def milestone_event(
    milestone: Milestone,
    index: int,
    program: Program,
    calendar: WorkingCalendar,
    end: dt.date,
    uid: str,
    troubles: list[Trouble],
) -> Event | None:
    if milestone.week is not None:
        day = program.start + dt.timedelta(weeks=milestone.week - 1)
    else:
        assert milestone.date is not None  # the model requires a week, a date or a session
        day = milestone.date
    earliest = program.start - dt.timedelta(weeks=MAX_BEFORE)
    if not earliest <= day < end:
        troubles.append(outside(milestone, index, day, program, end - dt.timedelta(days=1)))
        return None
    minutes = milestone.minutes if milestone.time else None
    working = calendar.on_or_after(day)
    why = calendar.day_off(day)
    moved = Moved(day, why) if working != day and why else None
    until = max(milestone.until, working) if milestone.until else None
    return Event(
        working,
        "milestone",
        milestone.name,
        uid,
        note=milestone.note,
        time=milestone.time,
        minutes=minutes,
        moved=moved,
        until=until,
        audience=milestone.audience,
        place=milestone.place,
    )


def milestone_key(slug: str, milestone: Milestone, index: int) -> str:
    """From the name, so reordering milestones keeps their uids; by position if the name has no latin letters."""
    return f"{slug}-milestone-{_slugify(milestone.name) or index + 1}"


def _slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))


def unique(uid: str, taken: set[str]) -> str:
    """The uid, or with -2, -3, ... when an earlier event has it already."""
    candidate = uid
    for n in count(2):
        if candidate not in taken:
            break
        candidate = f"{uid}-{n}"
    taken.add(candidate)
    return candidate


def place_milestones(
    program: Program,
    calendar: WorkingCalendar,
    sessions: Sequence[SessionInfo],
    booked: Sequence[Booked],
    far: set[tuple[str | int, ...]],
    slug: str,
    taken: set[str],
    troubles: list[Trouble],
) -> tuple[list[Event], dict[str, list[Milestone]]]:
    """Each milestone's event (at its week or on its date, on a working day), and those `at` a
    session by that session's id (listed with it, once); one written years off (`far`) is left
    out, reported already."""
    events: list[Event] = []
    by_session = {b.session.id: b for b in booked}
    end = program.start + dt.timedelta(weeks=program.weeks)
    attached: dict[str, list[Milestone]] = {}
    placed: list[tuple[int, Milestone, dt.date]] = []
    for i, milestone in enumerate(program.milestones):
        if ("milestones", i) in far:
            continue
        if milestone.at is not None:
            if attach(milestone, i, by_session, sessions, troubles):
                attached.setdefault(milestone.at, []).append(milestone)
            continue
        uid = unique(milestone_key(slug, milestone, i), taken)
        event = milestone_event(milestone, i, program, calendar, end, uid, troubles)
        if event is not None:
            events.append(event)
            placed.append((i, milestone, event.date))
            troubles += check_after(milestone, i, event.date, by_session, sessions)
    troubles += check_repeats(placed)
    return events, attached
