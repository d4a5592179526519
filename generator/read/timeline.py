"""The program schedule: the day each session and milestone falls on.

The rules, in the words a program organizer would use:

- The first meeting is on the program's `start` date. Later meeting dates follow the `cadence`:
  `weekly` adds 7 days, `every two weeks` adds 14, and `monthly` keeps the start's day of the
  month. A monthly program that starts on the 31st meets on the last day of shorter months
  (Jan 31, Feb 28 or 29, Mar 31, Apr 30, ...) and goes back to the 31st when it can.
- A meeting date inside a break (from its first to its last day, both included) is skipped:
  the session moves to the next meeting date outside every break, and later sessions follow.
- The program runs `weeks` weeks: its last day is the day before start + weeks × 7 days.
  Every session must fall by then; if not, the build stops and says how many weeks are needed.
- A milestone with `week: N` falls on the first day of week N (the start plus N-1 weeks); one with
  `date:` falls on that date. It must fall within the program, but it may fall in a break: it is
  a date to remember, not a meeting.
- Everything is listed by date; on the same day a milestone comes before a session.
- No program runs longer than MAX_WEEKS weeks, so a break or milestone date further than that
  from the start is a typo (2207 for 2027): the build names it and the date it likely means,
  rather than asking for a program thousands of weeks long.

Each event has a `uid` that stays the same from build to build, so a calendar app that imports
the schedule again updates its entries instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count
from typing import Literal

from dateutil.relativedelta import relativedelta

from generator.models.program import CADENCE_DAYS, MAX_WEEKS, Break, Milestone, Program


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: Literal["session", "milestone"]
    title: str  # session title or milestone name
    uid: str  # stable across builds, unique within one schedule
    session_id: str | None  # for sessions
    number: str | None  # session number like "2.1", for sessions
    note: str | None = None  # milestone note


class DoesNotFit(Exception):  # noqa: N818 -- the name the integrating code expects
    """The schedule cannot be kept as written: a user mistake, worded for the user.

    `where` is the key path inside `program:` the problem belongs to, e.g. ("weeks",) or
    ("milestones", 2, "week"), so the caller can point at the file, line and column.
    """

    def __init__(self, message: str, hint: str, where: tuple[str | int, ...] = ()) -> None:
        super().__init__(f"{message} — {hint}")
        self.message = message
        self.hint = hint
        self.where = where


def schedule(program: Program, sessions: Sequence[tuple[str, str, str]], slug: str) -> tuple[Event, ...]:
    """sessions: (session_id, number, title) in program order."""
    _check_reach(program)
    end = program.start + dt.timedelta(weeks=program.weeks)
    dates = _session_dates(program, len(sessions), end)
    taken: set[str] = set()
    events = [
        _milestone(m, i, program, end, _unique(_milestone_key(slug, m, i), taken))
        for i, m in enumerate(program.milestones)
    ]
    events += [
        Event(date, "session", title, _unique(f"{slug}-session-{session_id}", taken), session_id, number)
        for date, (session_id, number, title) in zip(dates, sessions, strict=True)
    ]
    # sorted() is stable, so events on the same day and of the same kind keep their given order.
    return tuple(sorted(events, key=lambda e: (e.date, e.kind != "milestone")))


def _slots(program: Program) -> Iterator[dt.date]:
    """Every meeting date by cadence, breaks not yet removed. Each is counted from the start,
    not from the previous one, so monthly dates clamped to a short month never drift."""
    for k in count():
        if program.cadence == "monthly":
            yield _months_later(program.start, k)
        else:
            yield program.start + dt.timedelta(days=CADENCE_DAYS[program.cadence] * k)


def _months_later(start: dt.date, months: int) -> dt.date:
    """`relativedelta` keeps the day of the month, or the month's last day when it is shorter."""
    later: dt.date = start + relativedelta(months=months)
    return later


def _in_break(day: dt.date, breaks: Sequence[Break]) -> bool:
    return any(b.start <= day <= b.end for b in breaks)


def _session_dates(program: Program, n: int, end: dt.date) -> list[dt.date]:
    """The first n meeting dates outside breaks; DoesNotFit when the last is not before `end`.
    The search stops at the end of the longest program there can be, so it always ends."""
    dates: list[dt.date] = []
    moved = False
    horizon = program.start + dt.timedelta(weeks=MAX_WEEKS)
    for slot in _slots(program):
        if len(dates) == n or slot >= horizon:
            break
        if _in_break(slot, program.breaks):
            moved = True
        else:
            dates.append(slot)
    if len(dates) < n:
        raise _too_long(program, n, None, moved)
    if dates and dates[-1] >= end:
        raise _too_long(program, n, _weeks_until(program.start, dates[-1]), moved)
    return dates


def _too_long(program: Program, n: int, needed: int | None, moved: bool) -> DoesNotFit:
    """`needed` is None when not even the longest program would do: then `weeks` cannot help."""
    sessions = f"1 session {program.cadence} needs" if n == 1 else f"{n} sessions {program.cadence} need"
    with_breaks = " (with the breaks)" if moved else ""
    # Weekly is the most often a program can meet, so only suggest it for the other cadences.
    more_often = "" if program.cadence == "weekly" else ", meet more often"
    if needed is None:
        message = (
            f"{sessions} more than {MAX_WEEKS} weeks from {program.start}{with_breaks}, the longest a program runs"
        )
        shorter = ", shorten the breaks" if moved else ""
        return DoesNotFit(message, f"choose fewer modules with `modules:`{more_often}{shorter}", ("weeks",))
    message = f"{sessions} {needed} weeks from {program.start}{with_breaks}, but the program is {_weeks(program.weeks)}"
    return DoesNotFit(
        message, f"set `weeks: {needed}`{more_often}, or choose fewer modules with `modules:`", ("weeks",)
    )


def _check_reach(program: Program) -> None:
    """DoesNotFit for the first break or milestone date further from the start than any program
    reaches: a mistyped year, named with the date it likely means."""
    reach = dt.timedelta(weeks=MAX_WEEKS)
    for where, what, day in _dates(program):
        if abs(day - program.start) >= reach:
            years = round(abs(day - program.start).days / 365.25)
            side = "after" if day > program.start else "before"
            message = f"{what} {day}, {years} years {side} the program starts on {program.start}"
            raise DoesNotFit(message, f"did you mean {_likely(day, program)}?", where)


def _dates(program: Program) -> Iterator[tuple[tuple[str | int, ...], str, dt.date]]:
    """(where, what, date) of every date written in the program apart from its start."""
    for i, b in enumerate(program.breaks):
        yield ("breaks", i, "start"), f'the break "{b.name}" starts on', b.start
        yield ("breaks", i, "end"), f'the break "{b.name}" ends on', b.end
    for i, m in enumerate(program.milestones):
        if m.date is not None:
            yield ("milestones", i, "date"), f'the milestone "{m.name}" is on', m.date


def _likely(day: dt.date, program: Program) -> dt.date:
    """The same day and month in a year of the program (or one either side): the one whose year
    differs from the typed one in the fewest digits, then the nearest to the program."""
    first, last = program.start, program.start + dt.timedelta(weeks=program.weeks, days=-1)
    years = range(first.year - 1, last.year + 2)
    candidates: list[dt.date] = [day + relativedelta(year=y) for y in years]  # 29 February: the 28th in other years

    def distance(candidate: dt.date) -> tuple[int, int]:
        digits = sum(a != b for a, b in zip(f"{candidate.year:04d}", f"{day.year:04d}", strict=True))
        return digits, max((first - candidate).days, (candidate - last).days, 0)

    return min(candidates, key=distance)


def _milestone(milestone: Milestone, index: int, program: Program, end: dt.date, uid: str) -> Event:
    if milestone.week is not None:
        day = program.start + dt.timedelta(weeks=milestone.week - 1)
    else:
        assert milestone.date is not None  # the model requires a week or a date
        day = milestone.date
    if not program.start <= day < end:
        raise _outside(milestone, index, day, program, end - dt.timedelta(days=1))
    return Event(day, "milestone", milestone.name, uid, None, None, milestone.note)


def _outside(milestone: Milestone, index: int, day: dt.date, program: Program, last: dt.date) -> DoesNotFit:
    name, start = f'the milestone "{milestone.name}"', program.start
    if milestone.week is not None:
        message = f"{name} is in week {milestone.week}, but the program is {_weeks(program.weeks)}"
        hint = f"choose a `week` from 1 to {program.weeks}, or set `weeks: {milestone.week}`"
        return DoesNotFit(message, hint, ("milestones", index, "week"))
    if day < start:
        message, longer = f"{name} is on {day}, before the program starts on {start}", ""
    else:
        message, needed = f"{name} is on {day}, after the program ends on {last}", _weeks_until(start, day)
        longer = f", or set `weeks: {needed}`" if needed <= MAX_WEEKS else ""
    return DoesNotFit(message, f"choose a date from {start} to {last}{longer}", ("milestones", index, "date"))


def _weeks_until(start: dt.date, day: dt.date) -> int:
    """How many program weeks it takes for `day` to be inside the program."""
    return (day - start).days // 7 + 1


def _weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weeks"


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
