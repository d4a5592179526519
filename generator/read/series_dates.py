"""A meeting series' dates: from its first day (its `start`, or its `first_week`'s first day)
at its cadence (`weekly`, `every two weeks`, `monthly`, or `on` a day of each month), each on a
working day or skipped (a break, or a day off for a series that skips), up to its last week;
sessions pinned to a week keep it. The rules in an organizer's words are in timeline.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from itertools import count

from dateutil import rrule
from dateutil.relativedelta import relativedelta

from generator.models.calendar import WorkingCalendar
from generator.models.events import Moved
from generator.models.program import CADENCE_DAYS, MAX_WEEKS, Break, Meetings, Program
from generator.models.schedule import ORDINALS, WEEKDAY_NAMES
from generator.read.schedule_checks import (
    SessionInfo,
    Trouble,
    series_where,
)
from generator.read.schedule_dates import weeks, weeks_until


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


def pinned_days(program: Program, series: Meetings, carried: Sequence[SessionInfo]) -> dict[int, dt.date]:
    """The sessions pinned to a week (by their place in the series): the series' weekday of that week."""
    weekday = first_day(program, series).weekday()
    pins = {}
    for i, session in enumerate(carried):
        if session.week is not None:
            monday = program.start + dt.timedelta(weeks=session.week - 1)
            pins[i] = monday + dt.timedelta(days=(weekday - monday.weekday()) % 7)
    return pins


def pins_kept(
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


def series_dates(
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
