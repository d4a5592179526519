"""The organization's working calendar: its working days, its public holidays and the
program's breaks (read/schedule_calendar.py makes it, finding the holidays). Nothing is dated on a day off:
a meeting moves to a later working day, a program-team step or message to the working day
before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.models.schedule import WEEKDAY_NAMES

MAX_LOOK = 400  # days: no calendar has a longer run of days off than a year and a bit


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
