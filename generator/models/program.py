"""An organization's program rhythm and its own words for the roles."""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from generator.models.base import Choice, Model, Name, Sentence, Text, Word, user_error

CADENCE_DAYS = {"weekly": 7, "every two weeks": 14}
Cadence = Choice[Literal["weekly", "every two weeks", "monthly"]]
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


class Break(Model):
    """Dates when no session is held; a session that would fall here moves to the next meeting date."""

    name: Name = Field(description="e.g. `Winter holidays`.")
    start: Day = Field(description="The first day of the break, e.g. 2027-12-20.")
    end: Day = Field(description="The last day of the break, e.g. 2028-01-02.")

    @model_validator(mode="after")
    def _in_order(self) -> Break:
        if self.end < self.start:
            raise user_error(f"the break ends ({self.end}) before it starts ({self.start})", "swap `start` and `end`")
        return self


class Milestone(Model):
    name: Name = Field(description="e.g. `Mid-point review`.")
    week: int | None = Field(
        None, ge=1, le=MAX_WEEKS, description="The program week it falls in (week 1 starts on the start date)."
    )
    date: Day | None = Field(None, description="A fixed date instead of a week, e.g. 2027-06-30.")
    note: Sentence | None = None

    @model_validator(mode="after")
    def _week_or_date(self) -> Milestone:
        if (self.week is None) == (self.date is None):
            raise user_error(
                "a milestone needs either `week` or `date`, not both", "write e.g. `week: 13` or `date: 2027-06-30`"
            )
        return self


class Program(Model):
    name: Text = Field(description="The program's name, e.g. `Leadership Mentoring 2027`.")
    start: Day = Field(description="The date of the first session, e.g. 2027-01-11.")
    weeks: int = Field(ge=1, le=MAX_WEEKS, description="How many weeks the program runs.")
    cadence: Cadence = Field(description="How often pairs meet: weekly, every two weeks or monthly.")
    meeting_minutes: int = Field(60, ge=15, le=240, description="How long a meeting is booked for.")
    meeting_time: Clock | None = Field(
        None, description='Optional time of day for calendar entries, in quotes: "09:30".'
    )
    breaks: tuple[Break, ...] = ()
    milestones: tuple[Milestone, ...] = ()


class Terminology(Model):
    """The organization's words. Unset words keep the handbook language's own; plurals
    default to the singular plus "s"."""

    mentor: Word | None = None
    mentors: Word | None = None
    mentee: Word | None = None
    mentees: Word | None = None
    mentoring: Word | None = None
    facilitator: Word | None = None
    facilitators: Word | None = None
    session: Word | None = None
    sessions: Word | None = None
    program: Word | None = None
    programs: Word | None = None

    def chosen(self) -> dict[str, str]:
        """The English default words this organization replaces, each with its word."""
        table: dict[str, str] = {}
        for singular in ROLE_WORDS:
            word = getattr(self, singular)
            plural = getattr(self, singular + "s", None) if singular != "mentoring" else None
            if word:
                table[singular] = word
            if singular != "mentoring" and (plural or word):
                table[singular + "s"] = plural or word + "s"
        return table


ROLE_WORDS = ("mentor", "mentee", "mentoring", "facilitator", "session", "program")
