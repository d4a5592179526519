"""Dates written years off, or outside the program: found and worded for the user, with the
date or the `weeks:` that would do. Split from timeline.py, which calls these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

from generator.models.program import MAX_BEFORE, MAX_WEEKS, Milestone, Program
from generator.read.schedule_checks import Trouble


def far_dates(program: Program) -> Iterator[Trouble]:
    """Each break or milestone date further from the start than any program reaches: a
    mistyped year, named with the date it likely means."""
    reach = dt.timedelta(weeks=MAX_WEEKS)
    for where, what, day in _dates(program):
        if abs(day - program.start) >= reach:
            years = round(abs(day - program.start).days / 365.25)
            side = "after" if day > program.start else "before"
            message = f"{what} {day}, {years} years {side} the program starts on {program.start}"
            yield Trouble(message, f"did you mean {likely(day, program)}?", where)


def _dates(program: Program) -> Iterator[tuple[tuple[str | int, ...], str, dt.date]]:
    """(where, what, date) of every date written in the program apart from its start."""
    for i, b in enumerate(program.breaks):
        yield ("breaks", i, "start"), f'the break "{b.name}" starts on', b.start
        yield ("breaks", i, "end"), f'the break "{b.name}" ends on', b.end
    for i, m in enumerate(program.milestones):
        if m.date is not None:
            yield ("milestones", i, "date"), f'the milestone "{m.name}" is on', m.date
    for i, s in enumerate(program.meetings or ()):
        if s.start is not None:
            yield ("meetings", i, "start"), f'the series "{s.name or i + 1}" starts on', s.start


def likely(day: dt.date, program: Program) -> dt.date:
    """The same day and month in a year of the program (or one either side): the one whose year
    differs from the typed one in the fewest digits, then the nearest to the program."""
    first, last = program.start, program.start + dt.timedelta(weeks=program.weeks, days=-1)
    years = range(first.year - 1, last.year + 2)
    candidates: list[dt.date] = [day + relativedelta(year=y) for y in years]  # 29 February: the 28th in other years

    def distance(candidate: dt.date) -> tuple[int, int]:
        digits = sum(a != b for a, b in zip(f"{candidate.year:04d}", f"{day.year:04d}", strict=True))
        return digits, max((first - candidate).days, (candidate - last).days, 0)

    return min(candidates, key=distance)


def outside(milestone: Milestone, index: int, day: dt.date, program: Program, last: dt.date) -> Trouble:
    name, start = f'the milestone "{milestone.name}"', program.start
    if milestone.week is not None:
        message = f"{name} is in week {milestone.week}, but the program is {weeks(program.weeks)}"
        hint = f"choose a `week` from 1 to {program.weeks}, or set `weeks: {milestone.week}`"
        return Trouble(message, hint, ("milestones", index, "week"))
    if day < start:
        start = start - dt.timedelta(weeks=MAX_BEFORE)
        message, longer = f"{name} is on {day}, more than a year before the program starts on {program.start}", ""
    else:
        message, needed = f"{name} is on {day}, after the program ends on {last}", weeks_until(start, day)
        longer = f", or set `weeks: {needed}`" if needed <= MAX_WEEKS else ""
    return Trouble(message, f"choose a date from {start} to {last}{longer}", ("milestones", index, "date"))


def weeks_until(start: dt.date, day: dt.date) -> int:
    """How many program weeks it takes for `day` to be inside the program."""
    return (day - start).days // 7 + 1


def weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weeks"
