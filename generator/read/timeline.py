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

Here `schedule` runs them in order: series_dates.py dates each series' meetings, events.py
makes the sessions', meetings' and milestones' events. Every problem is gathered
(schedule_checks.py holds the cross-checks, schedule_dates.py the dates written outside the
program), so that one run shows them all. Each event has a `uid` that stays the same from build to build, so a calendar app
that imports the schedule again updates its entries instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.models.events import Event, Moved
from generator.models.program import Program
from generator.read.events import (
    event_order,
    meeting_event,
    place_milestones,
    session_event,
)
from generator.read.schedule_calendar import working_calendar
from generator.read.schedule_checks import (
    Booked,
    SessionInfo,
    Trouble,
    assign_sessions,
    check_holds,
    check_lengths,
    check_moments,
)
from generator.read.schedule_dates import far_dates
from generator.read.series_dates import pinned_days, pins_kept, series_dates

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
        pins = pinned_days(program, meetings, carried)
        dated = series_dates(program, calendar, index, meetings, len(carried), troubles, pins)
        troubles += pins_kept(program, index, carried, [day for day, _ in dated], pins)
        moves |= {(index, day): move for day, move in dated if move is not None}
        dates = [day for day, _ in dated]
        if meetings.own_agenda:
            events += [
                meeting_event(meetings, index, n, day, slug, taken, moves.get((index, day)))
                for n, day in enumerate(dates, start=1)
            ]
        else:
            booked += [Booked(s, day, index) for s, day in zip(carried, dates, strict=False)]
    troubles += check_holds(program)
    troubles += check_lengths(program, assigned)
    troubles += check_moments(program, booked)
    placed, attached = place_milestones(program, calendar, sessions, booked, far, slug, taken, troubles)
    events += placed
    events += [session_event(b, series[b.series], slug, taken, attached, moves) for b in booked]
    if troubles:
        raise DoesNotFit(troubles)
    return tuple(sorted(events, key=event_order))
