"""A program's meeting series and the moments a session can carry.

A program meets in one or more series ("One-to-ones every two weeks", "Group call monthly"),
each with its own rhythm, length and time of day. A series carries sessions of the curriculum
in order, or an agenda of its own (a group call, mentor training). Weeks are counted from the
program's start: week 1 begins on `start`, week 0 is the week before, -1 the one before that,
so preparation before the start and a follow-up after the end are written the same way.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from calendar import monthrange
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from generator.models.base import Choice, Id, Model, Name, NaturalCase, Sentence, user_error

MAX_WEEKS = 260  # five years: the longest program, and so the furthest any date needs to reach
FIRST_YEAR, LAST_YEAR = 1900, 2999  # wide enough for any program, far enough from the end of Python's dates
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _day(value: Any) -> Any:
    """A calendar date written year-month-day, told apart from what is almost one: a day the
    month does not have ("February 2027 has 28 days") or a year no program is held in. The
    year bounds also keep every date the schedule computes (up to MAX_WEEKS later) valid."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        return value  # pydantic says what it is instead
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
    if not match:
        raise user_error(f'"{value}" is not a date', "write it as year-month-day, e.g. 2027-01-11")
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise user_error(f'"{value}": the year {year} is too far off', f"write a year from {FIRST_YEAR} to {LAST_YEAR}")
    if not 1 <= month <= 12:
        raise user_error(
            f'"{value}" is not a date: a year has 12 months', f"write the month from 01 to 12, e.g. {year}-01-{day:02d}"
        )
    days = monthrange(year, month)[1]
    if not 1 <= day <= days:
        last = f"{year}-{month:02d}-{days:02d}"
        raise user_error(
            f'"{value}" is not a date: {MONTHS[month - 1]} {year} has {days} days',
            f"write a day from 01 to {days}, e.g. {last}",
        )
    return dt.date(year, month, day)


Day = Annotated[dt.date, BeforeValidator(_day)]


_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


def _clock(value: str) -> str:
    match = _CLOCK.fullmatch(value.strip())
    if not match:
        raise user_error(f'"{value}" is not a time of day', 'write it as hours and minutes in quotes, e.g. "09:30"')
    return f"{int(match.group(1)):02d}:{match.group(2)}"


Clock = Annotated[str, AfterValidator(_clock), Field(json_schema_extra={"pattern": rf"^\s*{_CLOCK.pattern}\s*$"})]


MAX_BEFORE = 52  # preparation starts at most a year before the program
CADENCES = ("weekly", "every two weeks", "monthly")
CADENCE_DAYS = {"weekly": 7, "every two weeks": 14}
SPELLINGS = (("fortnightly", "every two weeks"), ("biweekly", "every two weeks"))

Cadence = Annotated[Literal["weekly", "every two weeks", "monthly"], NaturalCase(aliases=SPELLINGS)]
"""`fortnightly` is how many people write "every two weeks"; it means the same."""

Moment = Choice[Literal["kickoff", "agreement", "goals", "mid-point review", "final review", "celebration"]]
"""What a session is in the program's life, beyond its content: shown on the timeline, and
known to the checks, so that a milestone of the same name is not listed a second time."""

MOMENTS: tuple[str, ...] = ("kickoff", "agreement", "goals", "mid-point review", "final review", "celebration")

Week = Annotated[int, Field(ge=-MAX_BEFORE, le=MAX_WEEKS)]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
Weekday = Annotated[
    Literal["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    NaturalCase(aliases=tuple(zip(WEEKDAY_NAMES, WEEKDAYS, strict=True))),
]
"""A day of the week, `Mon` or `Monday` alike."""

ORDINALS = ("first", "second", "third", "fourth", "last")
_ON = re.compile(rf"(?:({'|'.join(ORDINALS)})\s+([a-z]+)|day\s+(\d{{1,2}}))", re.IGNORECASE)


def _on(value: str) -> str:
    """ "first Wednesday", "last Thursday" or "day 15": which day of each month a monthly series meets."""
    match = _ON.fullmatch(" ".join(value.split()))
    hint = "write e.g. `first Wednesday`, `last Thursday` or `day 15`"
    if not match:
        raise user_error(f'"{value}" is not a day of the month', hint)
    ordinal, weekday, day = match.groups()
    if day is not None:
        if not 1 <= int(day) <= 31:
            raise user_error(
                f'"{value}": a month has days 1 to 31', "write e.g. `day 15` (a short month meets on its last day)"
            )
        return f"day {int(day)}"
    names = {n.casefold(): n for n in WEEKDAY_NAMES} | {n.casefold(): WEEKDAY_NAMES[i] for i, n in enumerate(WEEKDAYS)}
    name = names.get(weekday.casefold())
    if name is None:
        close = difflib.get_close_matches(weekday.casefold(), list(names), n=1)
        raise user_error(
            f'"{weekday}" is not a day of the week',
            f"did you mean `{ordinal.lower()} {names[close[0]]}`?" if close else hint,
        )
    return f"{ordinal.lower()} {name}"


MonthDay = Annotated[
    str,
    AfterValidator(_on),
    Field(
        json_schema_extra={
            "pattern": r"^\s*(([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast)\s+[A-Za-z]+|[Dd]ay\s+\d{1,2})\s*$"
        }
    ),
]
DAY_OFF = ("next working day", "skip")
Holds = Choice[Literal["training", "orientation"]]
HOLDS: tuple[str, ...] = ("training", "orientation")
"""What a profile's own series may hold of the kit's run-sheet: the mentor training, the mentee orientation."""


class Meetings(Model):
    """One series of meetings: who meets how often, for how long, carrying what."""

    name: Name | None = Field(None, description="e.g. `One-to-ones` or `Group call`.")
    cadence: Cadence = Field(description="weekly, every two weeks (or fortnightly), or monthly.")
    minutes: int = Field(60, ge=15, le=480, description="How long each meeting is booked for.")
    time: Clock | None = Field(None, description='Optional time of day, in quotes: "09:30".')
    first_week: Week | None = Field(
        None, description="The program week of the first meeting (1 is the start's week; 0 or less is before it)."
    )
    start: Day | None = Field(None, description="Or the date of the first meeting, e.g. 2027-01-14.")
    last_week: Week | None = Field(
        None, description="The last week a meeting may fall in (default: the program's last)."
    )
    sessions: tuple[Id, ...] | None = Field(
        None,
        description="The session ids it carries, in order; leave out to carry every session no other series lists.",
    )
    agenda: Sentence | None = Field(
        None, description="For meetings of their own (a group call, training): what happens at each."
    )
    on: MonthDay | None = Field(
        None,
        description="For a monthly series: the day of each month it meets, e.g. `first Wednesday`, "
        "`last Thursday` or `day 15` (default: the day of the month of its first meeting).",
    )
    on_day_off: Choice[Literal["next working day", "skip"]] = Field(
        "next working day",
        description="A meeting that falls on a day off (a weekend, a public holiday) moves to the `next working "
        "day`, or is skipped to the series' next date (`skip`). Meetings in a break always skip to the next date.",
    )
    optional: bool = Field(
        False,
        description="Optional meetings: listed as optional, left out of the time asked of everyone, and free "
        "time in the calendar.",
    )
    holds: Holds | None = Field(
        None,
        description="`training`: this series is the program's mentor training; `orientation`: its mentee "
        "orientation. The kit's run-sheet then offers the one workshop (orientation) at each of this series' "
        "meetings, at their time and length, each person at one (the last date the catch-up), instead of dating "
        "workshops of its own; its invitations ask for the date each chooses, and the timeline shows the series once. At most one series holds each; it has an `agenda`.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Meetings:
        if self.sessions is not None and self.agenda is not None:
            raise user_error(
                "a series carries either `sessions` or an `agenda` of its own, not both",
                "keep one, or make two series",
            )
        if self.first_week is not None and self.start is not None:
            raise user_error("a series starts either in a `first_week` or on a `start` date, not both", "keep one")
        if self.on is not None and self.cadence != "monthly":
            raise user_error(
                f"`on: {self.on}` is for a monthly series, and this one meets {self.cadence}",
                "write `cadence: monthly`, or remove `on` (a weekly series meets on its first meeting's weekday)",
            )
        if self.holds is not None and self.name is None:
            raise user_error(
                f"a series that holds the {self.holds} needs a `name`: the timeline and the invitations show it",
                f"add e.g. `name: Mentor {self.holds}`",
            )
        if self.holds is not None and self.agenda is None:
            raise user_error(
                f"a series that holds the {self.holds} has an agenda of its own, not sessions",
                "add `agenda:` with what happens at each meeting (and remove `sessions`), or remove `holds`",
            )
        if self.last_week is not None and self.first_week is not None and self.last_week < self.first_week:
            raise user_error(
                f"the series ends in week {self.last_week}, before its first week {self.first_week}",
                "swap `first_week` and `last_week`",
            )
        return self

    @property
    def own_agenda(self) -> bool:
        return self.agenda is not None
