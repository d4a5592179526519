"""The program's dated events: every session, series meeting and milestone, with the day it
falls on (read/timeline.py dates them; the timeline page, the calendar and the kit show them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from generator.models.program import Milestone


@dataclass(frozen=True)
class Moved:
    """Where a date was written and why it could not stay there: "Mon, May 31: Spring Bank Holiday"."""

    day: dt.date
    why: str


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: Literal["session", "meeting", "milestone"]
    title: str  # session title, series name or milestone name
    uid: str  # stable across builds, unique within one schedule
    session_id: str | None = None  # for sessions
    number: str | None = None  # session number like "2.1", for sessions
    note: str | None = None  # a milestone's note, a meeting's agenda
    time: str | None = None  # "15:00"; None: all day
    minutes: int | None = None  # with a time
    series: str | None = None  # the name of the meeting series it belongs to
    moment: str | None = None  # a session's program moment, e.g. "kickoff"
    milestones: tuple[Milestone, ...] = ()  # milestones written `at` this session
    moved: Moved | None = None  # the date it was due and the day off that moved it
    until: dt.date | None = None  # a window's last day (all day, from `date`)
    optional: bool = False  # a meeting of an optional series
    audience: str = "pairs"  # a milestone's: "pairs", "mentors" or "mentees"
    place: str | None = None  # a milestone's own place (a lunch), where the profile gives one
