"""The program schedule: the day (and time) of every meeting and milestone.

The rules, in the words a program organizer would use:

- Weeks count from the program's `start`: week 1 begins on it, week 0 is the week before
  (preparation), and a week after the last is a follow-up.
- Each meeting series starts on its `start` date, or on the first day of its `first_week`
  (week 1 by default). Later meetings follow its `cadence`: `weekly` adds 7 days, `every two
  weeks` 14, and `monthly` keeps the first meeting's day of the month (a series that starts on
  the 31st meets on the last day of shorter months and goes back to the 31st when it can), or
  meets `on` a day of each month: `first Wednesday`, `last Thursday`, `day 15`.
- Nothing is dated on a day off (schedule_calendar.py: not a working day, a public holiday,
  a break). A meeting date inside a break (first to last day, both included) is skipped: the
  session moves to the series' next date outside every break, and later sessions follow. One
  on a weekend or a public holiday moves to the next working day (when that comes before the
  series' next date), or is skipped like a break by a series with `on_day_off: skip`.
- A series that carries sessions holds one meeting per session; one with an agenda of its own
  meets at its cadence until its `last_week`. No series runs past its `last_week`, or the
  program's last day (the day before start + weeks × 7 days) when it names none; if its
  sessions do not fit, the build says how many weeks they need.
- A milestone with `week: N` falls on the first day of week N, one with `date:` on that date
  (or the next working day), and one `at:` a session is that session's: listed with it, once.
  One with `until:` is a window, open from its day to that day.
- What moved says from which day and why (`Event.moved`), for the timeline and `validate`.
- Everything is listed by date; on the same day, all-day milestones come first, then by time.
- No program runs longer than MAX_WEEKS weeks, so a break or milestone date further than that
  from the start is a typo (2207 for 2027): the build names it and the date it likely means.

Every problem is gathered (schedule_checks.py holds the cross-checks, schedule_dates.py the
dates written outside the program), so that one run shows
them all. Each event has a `uid` that stays the same from build to build, so a calendar app
that imports the schedule again updates its entries instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import count

from dateutil import rrule
from dateutil.relativedelta import relativedelta

from generator.models.calendar import WorkingCalendar
from generator.models.events import Event, Moved
from generator.models.program import CADENCE_DAYS, MAX_BEFORE, MAX_WEEKS, Break, Meetings, Milestone, Program
from generator.models.schedule import ORDINALS, WEEKDAY_NAMES
from generator.read.schedule_calendar import working_calendar
from generator.read.schedule_checks import (
    Booked,
    SessionInfo,
    Trouble,
    assign_sessions,
    check_after,
    check_lengths,
    check_moments,
    check_repeats,
    series_where,
    unknown_session,
)
from generator.read.schedule_dates import far_dates, outside, weeks, weeks_until

__all__ = ["DoesNotFit", "SessionInfo", "Trouble", "schedule"]


class DoesNotFit(Exception):  # noqa: N818 -- the name the integrating code expects
    """The schedule cannot be kept as written: every problem found, worded for the user."""

    def __init__(self, troubles: Sequence[Trouble]) -> None:
        super().__init__("\n".join(f"{t.message} — {t.hint}" for t in troubles))
        self.troubles = tuple(troubles)


def schedule(program: Program, sessions: Sequence[SessionInfo], slug: str) -> tuple[Event, ...]:
    """sessions: every session the organization runs, in program order (as-needed ones too)."""
    troubles: list[Trouble] = list(far_dates(program))
    # A date typed years off (2207 for 2027) is reported once: the schedule is made without it,
    # so that it does not also show up as a program too long to fit.
    far = {t.where[:2] for t in troubles}
    breaks = tuple(b for i, b in enumerate(program.breaks) if ("breaks", i) not in far)
    program = program.model_copy(update={"breaks": breaks})
    series = program.series()
    calendar = working_calendar(program)
    # The run's start is in every uid: next year's calendar file adds its events beside this year's.
    slug = f"{slug}-{program.start:%Y%m%d}"
    assigned = assign_sessions(series, sessions, troubles)
    taken: set[str] = set()
    booked: list[Booked] = []
    events: list[Event] = []
    moves: dict[tuple[int, dt.date], Moved] = {}
    for index, (meetings, carried) in enumerate(zip(series, assigned, strict=True)):
        pins = _pins(program, meetings, carried)
        dated = _series_dates(program, calendar, index, meetings, len(carried), troubles, pins)
        troubles += _pins_kept(program, index, carried, [day for day, _ in dated], pins)
        moves |= {(index, day): move for day, move in dated if move is not None}
        dates = [day for day, _ in dated]
        if meetings.own_agenda:
            events += [
                _meeting(meetings, index, n, day, slug, taken, moves.get((index, day)))
                for n, day in enumerate(dates, start=1)
            ]
        else:
            booked += [Booked(s, day, index) for s, day in zip(carried, dates, strict=False)]
    troubles += check_lengths(program, assigned)
    troubles += check_moments(program, booked)
    by_session = {b.session.id: b for b in booked}
    end = program.start + dt.timedelta(weeks=program.weeks)
    attached: dict[str, list[Milestone]] = {}
    placed: list[tuple[int, Milestone, dt.date]] = []
    for i, milestone in enumerate(program.milestones):
        if ("milestones", i) in far:
            continue
        if milestone.at is not None:
            if _attach(milestone, i, by_session, sessions, troubles):
                attached.setdefault(milestone.at, []).append(milestone)
            continue
        uid = _unique(_milestone_key(slug, milestone, i), taken)
        event = _milestone(milestone, i, program, calendar, end, uid, troubles)
        if event is not None:
            events.append(event)
            placed.append((i, milestone, event.date))
            troubles += check_after(milestone, i, event.date, by_session, sessions)
    troubles += check_repeats(placed)
    events += [_session_event(b, series[b.series], slug, taken, attached, moves) for b in booked]
    if troubles:
        raise DoesNotFit(troubles)
    return tuple(sorted(events, key=_order))


def _order(event: Event) -> tuple[dt.date, str, bool]:
    """By date; on one day all-day milestones first, then by time (sorted() keeps ties in order)."""
    return event.date, event.time or "", event.kind != "milestone"


def _session_event(
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
        _unique(f"{slug}-session-{s.id}", taken),
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


def _meeting(
    series: Meetings, index: int, n: int, day: dt.date, slug: str, taken: set[str], moved: Moved | None
) -> Event:
    name = series.name or f"meetings {index + 1}"
    uid = _unique(f"{slug}-{_slugify(name) or index + 1}-{n}", taken)
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
    )


def first_day(program: Program, series: Meetings) -> dt.date:
    if series.start is not None:
        return series.start
    week = 1 if series.first_week is None else series.first_week
    return program.start + dt.timedelta(weeks=week - 1)


def last_day(program: Program, series: Meetings) -> dt.date:
    weeks = series.last_week if series.last_week is not None else program.weeks
    return program.start + dt.timedelta(weeks=weeks, days=-1)


def slots(first: dt.date, cadence: str, on: str | None = None) -> Iterator[dt.date]:
    """Every meeting date by cadence, days off not yet removed. Each is counted from the first,
    not from the previous one, so monthly dates clamped to a short month never drift."""
    if on is not None:
        yield from _monthly_on(first, on)
        return
    for k in count():
        if cadence == "monthly":
            later: dt.date = first + relativedelta(months=k)
            yield later
        else:
            yield first + dt.timedelta(days=CADENCE_DAYS[cadence] * k)


def _monthly_on(first: dt.date, on: str) -> Iterator[dt.date]:
    """`first Wednesday`, `last Thursday`, `day 15` of each month from `first` on (dateutil's
    rrule). A day the month lacks (day 31 in April) is the month's last day."""
    word, name = on.split()
    if word == "day":
        rule = rrule.rrule(rrule.MONTHLY, dtstart=first, bymonthday=(int(name), -1), bysetpos=1)
    else:
        nth = -1 if word == "last" else ORDINALS.index(word) + 1
        weekday = rrule.weekdays[WEEKDAY_NAMES.index(name)](nth)
        rule = rrule.rrule(rrule.MONTHLY, dtstart=first, byweekday=weekday)
    for moment in rule:
        yield moment.date()


def in_break(day: dt.date, breaks: Sequence[Break]) -> bool:
    return any(b.start <= day <= b.end for b in breaks)


def _pins(program: Program, series: Meetings, carried: Sequence[SessionInfo]) -> dict[int, dt.date]:
    """The sessions pinned to a week (by their place in the series): the series' weekday of that week."""
    weekday = first_day(program, series).weekday()
    pins = {}
    for i, session in enumerate(carried):
        if session.week is not None:
            monday = program.start + dt.timedelta(weeks=session.week - 1)
            pins[i] = monday + dt.timedelta(days=(weekday - monday.weekday()) % 7)
    return pins


def _pins_kept(
    program: Program, index: int, carried: Sequence[SessionInfo], dates: Sequence[dt.date], pins: dict[int, dt.date]
) -> Iterator[Trouble]:
    """A pinned session the sessions before it push past its week: both dates, and what to do."""
    for i, pin in pins.items():
        if i < len(dates) and dates[i] >= pin + dt.timedelta(days=7):
            session, before = carried[i], carried[i - 1]
            yield Trouble(
                f"{session.label} is pinned to week {session.week} ({pin}), but {before.label} before it "
                f"is on {dates[i - 1]}",
                f"pin it to week {weeks_until(program.start, dates[i - 1]) + 1} or later, or carry fewer sessions before it",
                (*series_where(program, index),),
            )


def _series_dates(
    program: Program,
    calendar: WorkingCalendar,
    index: int,
    series: Meetings,
    n: int,
    troubles: list[Trouble],
    pins: dict[int, dt.date] | None = None,
) -> list[tuple[dt.date, Moved | None]]:
    """The series' meeting dates on working days: n of them for sessions, all up to its last
    day for an agenda of its own, each with the day off it was moved from. A Trouble when n do
    not fit (the dates found are kept, so that the other checks still run). The search ends at
    the longest program there can be."""
    first, last = first_day(program, series), last_day(program, series)
    horizon = program.start + dt.timedelta(weeks=MAX_WEEKS)
    dated: list[tuple[dt.date, Moved | None]] = []
    moved = False
    upcoming = slots(first, series.cadence, series.on)
    slot, following = next(upcoming), next(upcoming)
    while True:
        if (not series.own_agenda and len(dated) == n) or slot >= horizon or (series.own_agenda and slot > last):
            break
        pin = (pins or {}).get(len(dated))
        if pin is not None and slot < pin:  # a session pinned to a later week: the series waits for it
            held = calendar.on_or_after(pin)
            off = calendar.day_off(pin)
            dated.append((held, Moved(pin, off) if held != pin and off else None))
            while slot <= held:
                slot, following = following, next(upcoming)
            continue
        day = _working_slot(calendar, series, slot, following, dated[-1][0] if dated else None)
        if day is None:
            moved = True
        else:
            why = calendar.holiday(slot)
            dated.append((day, Moved(slot, why) if day != slot and why else None))
        slot, following = following, next(upcoming)
    dates = [day for day, _ in dated]
    if series.own_agenda:
        return dated
    if len(dates) < n:
        troubles.append(_too_long(program, index, series, n, None, moved))
    elif dates and dates[-1] > last:
        troubles.append(_too_long(program, index, series, n, weeks_until(program.start, dates[-1]), moved))
    return dated


def _working_slot(
    calendar: WorkingCalendar, series: Meetings, slot: dt.date, following: dt.date, previous: dt.date | None
) -> dt.date | None:
    """The slot, or the next working day after it (before the series' next date and after its
    last meeting), or None to skip it: a slot in a break, or a day off for a series that skips."""
    if calendar.day_off(slot) is None:
        return slot
    if calendar.holiday(slot) is None or series.on_day_off == "skip":
        return None  # in a break, or skipped as the series asks
    day = calendar.on_or_after(slot)
    if day >= following or (previous is not None and day <= previous):
        return None
    return day


def _too_long(program: Program, index: int, series: Meetings, n: int, needed: int | None, moved: bool) -> Trouble:
    """`needed` is None when not even the longest program would do: then `weeks` cannot help."""
    cadence = series.cadence
    sessions = f"1 session {cadence} needs" if n == 1 else f"{n} sessions {cadence} need"
    if series.name:
        sessions = f'the series "{series.name}": {sessions}'
    with_breaks = " (with the breaks)" if moved else ""
    # Weekly is the most often a series can meet, so only suggest it for the other cadences.
    more_often = "" if cadence == "weekly" else ", meet more often"
    first = first_day(program, series)
    if needed is None:
        message = f"{sessions} more than {MAX_WEEKS} weeks from {first}{with_breaks}, the longest a program runs"
        shorter = ", shorten the breaks" if moved else ""
        return Trouble(message, f"choose fewer modules with `modules:`{more_often}{shorter}", ("weeks",))
    if series.last_week is not None:
        runs = f"1 session {cadence}" if n == 1 else f"{n} sessions {cadence}"
        carries = f'the series "{series.name}" carries {runs}' if series.name else f"{runs}"
        message = f"{carries} from {first}{with_breaks}, which takes until week {needed}, but it ends in week {series.last_week}"
        where = (*series_where(program, index), "last_week")
        return Trouble(message, f"set `last_week: {needed}`{more_often}, or carry fewer sessions in it", where)
    message = f"{sessions} {needed} weeks from {first}{with_breaks}, but the program is {weeks(program.weeks)}"
    return Trouble(message, f"set `weeks: {needed}`{more_often}, or choose fewer modules with `modules:`", ("weeks",))


def _attach(
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


def _milestone(
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
    )


def _milestone_key(slug: str, milestone: Milestone, index: int) -> str:
    """From the name, so reordering milestones keeps their uids; by position if the name has no latin letters."""
    return f"{slug}-milestone-{_slugify(milestone.name) or index + 1}"


def _slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))


def _unique(uid: str, taken: set[str]) -> str:
    """The uid, or with -2, -3, ... when an earlier event has it already."""
    candidate = uid
    for n in count(2):
        if candidate not in taken:
            break
        candidate = f"{uid}-{n}"
    taken.add(candidate)
    return candidate
