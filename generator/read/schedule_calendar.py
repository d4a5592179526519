"""The organization's working calendar: its working days, its public holidays and the
program's breaks. Nothing is dated on a day off: a meeting moves to a later working day, a
program-team step or message to the working day before (timeline.py and plan/kit.py ask here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from generator.models.program import Program
from generator.models.schedule import WEEKDAY_NAMES

MAX_LOOK = 400  # days: no calendar has a longer run of days off than a year and a bit


@dataclass(frozen=True)
class Moved:
    """Where a date was written and why it could not stay there: "Mon, May 31: Spring Bank Holiday"."""

    day: dt.date
    why: str


@dataclass(frozen=True)
class WorkingCalendar:
    weekdays: frozenset[int]  # Monday 0
    holidays: tuple[tuple[dt.date, str], ...]  # every public holiday the program's years have, by date
    breaks: tuple[tuple[dt.date, dt.date, str], ...]
    _holiday: dict[dt.date, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_holiday", dict(self.holidays))

    def day_off(self, day: dt.date) -> str | None:
        """Why `day` is not a working day (the break's or holiday's name, or the weekday), or None."""
        for start, end, name in self.breaks:
            if start <= day <= end:
                return name
        if day in self._holiday:
            return self._holiday[day]
        if day.weekday() not in self.weekdays:
            return WEEKDAY_NAMES[day.weekday()]
        return None

    def holiday(self, day: dt.date) -> str | None:
        """A day off that is not a break (a weekend, a public holiday)."""
        if any(start <= day <= end for start, end, _ in self.breaks):
            return None
        return self.day_off(day)

    def on_or_after(self, day: dt.date) -> dt.date:
        return self._step(day, 1)

    def on_or_before(self, day: dt.date) -> dt.date:
        return self._step(day, -1)

    def before(self, day: dt.date, days: int) -> dt.date:
        """The working day `days` working days before `day`."""
        for _ in range(days):
            day = self.on_or_before(day - dt.timedelta(days=1))
        return day

    def after(self, day: dt.date, days: int) -> dt.date:
        """The working day `days` working days after `day`."""
        for _ in range(days):
            day = self.on_or_after(day + dt.timedelta(days=1))
        return day

    def _step(self, day: dt.date, direction: int) -> dt.date:
        for _ in range(MAX_LOOK):
            if self.day_off(day) is None:
                return day
            day += dt.timedelta(days=direction)
        return day  # a calendar without working days: refused by the model (at least one weekday)


def working_calendar(program: Program) -> WorkingCalendar:
    return _calendar(
        program.weekdays,
        program.public_holidays and (program.public_holidays.country, program.public_holidays.subdivision),
        _years(program),
        _breaks(program),
    )


def _years(program: Program) -> tuple[int, int]:
    first = program.start - dt.timedelta(weeks=60)
    last = program.start + dt.timedelta(weeks=program.weeks + 60)
    return first.year, last.year


def _breaks(program: Program) -> tuple[tuple[dt.date, dt.date, str], ...]:
    return tuple((b.start, b.end, b.name) for b in program.breaks)


@cache
def _calendar(
    weekdays: frozenset[int],
    region: tuple[str, str | None] | None,
    years: tuple[int, int],
    breaks: tuple[tuple[dt.date, dt.date, str], ...],
) -> WorkingCalendar:
    return WorkingCalendar(weekdays, _holidays(region, years), breaks)


def _holidays(region: tuple[str, str | None] | None, years: tuple[int, int]) -> tuple[tuple[dt.date, str], ...]:
    if region is None:
        return ()
    import holidays

    country, subdivision = region
    found = holidays.country_holidays(country, subdiv=subdivision, years=range(years[0], years[1] + 1))
    # Two holidays on one day ("Christmas Day; Boxing Day") keep the package's joined name.
    return tuple(sorted((day, str(name)) for day, name in found.items()))
