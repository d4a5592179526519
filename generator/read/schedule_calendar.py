"""The organization's working calendar (models/calendar.py), made once as its project is read:
its working days, the public holidays of its country and region (the `holidays` package) in
the program's years, and the program's breaks. timeline.py dates the program by it, and the
plan finds it in `Project.calendar`.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from generator.models.calendar import WorkingCalendar
from generator.models.program import Program


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
