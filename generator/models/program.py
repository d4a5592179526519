"""An organization's program: when it runs, how its pairs meet, its milestones, and its own
words for the roles. The meeting series and the date types live in schedule.py."""

from __future__ import annotations

import difflib
import re
import zoneinfo
from functools import cache
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from generator.models.base import Choice, Id, Model, Text, user_error
from generator.models.days_off import Break, PublicHolidays
from generator.models.milestone import Milestone
from generator.models.schedule import (
    CADENCE_DAYS,
    MAX_BEFORE,
    MAX_WEEKS,
    WEEKDAYS,
    Cadence,
    Clock,
    Day,
    Meetings,
    Weekday,
)
from generator.models.terminology import Terminology

__all__ = [
    "CADENCE_DAYS",
    "MAX_BEFORE",
    "MAX_WEEKS",
    "Break",
    "Meetings",
    "Milestone",
    "Program",
    "PublicHolidays",
    "Terminology",
]


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _zone(value: str) -> str:
    """An IANA time zone name as the calendar apps know it: "Europe/Berlin", not "CET" or "Berlin"."""
    name = value.strip()
    if name in _zones():
        return name
    folded = {z.casefold(): z for z in _zones()}
    spaced = name.replace(" ", "_").casefold()
    close = folded.get(spaced) or next((z for z in sorted(_zones()) if z.casefold().endswith("/" + spaced)), None)
    close = close or next(iter(difflib.get_close_matches(name, sorted(_zones()), n=1, cutoff=0.6)), None)
    hint = f"did you mean `{close}`?" if close else "write a region and city, e.g. `Europe/Berlin` or `America/Chicago`"
    raise user_error(f'"{value}" is not a time zone name', hint)


TimeZone = Annotated[
    str, AfterValidator(_zone), Field(json_schema_extra={"pattern": r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$"})
]


def _url(value: str) -> str:
    """An http(s) address, ending with a slash so that page paths can follow it."""
    value = value.strip()
    if not re.fullmatch(r"https?://[^\s<>\"'`]+", value):
        raise user_error(
            f'"{value}" is not a web address', "write it in full, e.g. `https://intranet.example.org/mentoring/`"
        )
    return value if value.endswith("/") else value + "/"


Url = Annotated[str, AfterValidator(_url), Field(json_schema_extra={"maxLength": 200, "pattern": r"^\s*https?://"})]


MAX_SIZE = 1000  # pairs: a tracker row and two names each
LeadWeeks = Annotated[int, Field(ge=-52, le=52)]


TRAINING_MINUTES = {"mentor": 150, "mentee": 60}  # the workshop and the orientation (their guides' agendas)


class Program(Model):
    name: Text = Field(description="The program's name, e.g. `Leadership Mentoring 2027`.")
    start: Day = Field(description="The first day of the program (week 1), e.g. 2027-01-11.")
    weeks: int = Field(ge=1, le=MAX_WEEKS, description="How many weeks the program runs.")
    timezone: TimeZone | None = Field(
        None, description="The time zone of every time given, e.g. `Europe/Berlin` (else each reader's own)."
    )
    meetings: tuple[Meetings, ...] | None = Field(
        None, min_length=1, description="The meeting series: one-to-ones, group calls, training."
    )
    cadence: Cadence | None = Field(None, description="With one series only: how often pairs meet.")
    meeting_minutes: int | None = Field(None, ge=15, le=240, description="With one series only: meeting length.")
    meeting_time: Clock | None = Field(None, description='With one series only: time of day, in quotes: "09:30".')
    breaks: tuple[Break, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    working_days: tuple[Weekday, ...] = Field(
        ("Mon", "Tue", "Wed", "Thu", "Fri"),
        min_length=1,
        max_length=7,
        description="The days of the week people work, e.g. `[Mon, Tue, Wed, Thu, Fri]` (the default). "
        "Nothing is dated on another day.",
    )
    public_holidays: PublicHolidays | None = Field(
        None, description="Whose public holidays are days off, e.g. `{country: GB, subdivision: ENG}`."
    )
    reminder_days: int = Field(
        5, ge=1, le=30, description="How many working days before its event a reminder goes out (default 5)."
    )
    handbook_url: Url | None = Field(
        None,
        description="Where the handbook is published, e.g. `https://intranet.example.org/mentoring/`: each "
        "session's calendar entry links its page there (else it names the page), and the PDF books print it on "
        "the cover and each session's page address.",
    )
    format: Choice[Literal["pair", "group"]] = Field(
        "pair",
        description="`pair`: one mentor and one mentee (the default); `group`: one mentor and `group_size` mentees.",
    )
    group_size: int | None = Field(None, ge=2, le=12, description="With `format: group`: how many mentees a group has.")
    size: int | None = Field(
        None,
        ge=1,
        le=MAX_SIZE,
        description="How many pairs the program runs, e.g. 40: it sets the number of training workshops, the "
        "tracker's rows and the program team's hours.",
    )
    sponsor: Text | None = Field(
        None,
        description="The program's sponsor, the senior leader who backs it and opens the kickoff, as people know "
        "them, e.g. `Grace Adeyemi, Chief Operating Officer`: the kickoff's agenda and its run-of-show name them.",
    )
    kickoff_place: Text | None = Field(
        None,
        description="Where the kickoff happens, as people should read it in their Start here page, e.g. "
        "`Training room 2, head office` or `Online: the link is in your invitation`.",
    )
    training_time: Clock = Field(
        "09:30",
        description='When the mentor training workshop starts, in quotes (default "09:30"); it runs its '
        "150 minutes from then.",
    )
    training_place: Text | None = Field(
        None, description="Where the mentor training is held, e.g. `Training room 2, head office` (else the kickoff's)."
    )
    orientation_time: Clock = Field(
        "14:00",
        description='When the mentee orientation starts, in quotes (default "14:00", after the morning\'s '
        "training); it runs its 60 minutes from then, and may not overlap the training.",
    )
    orientation_place: Text | None = Field(
        None, description="Where the mentee orientation is held (else the kickoff's place)."
    )
    closing_place: Text | None = Field(
        None,
        description="Where the closing celebration happens, e.g. `The Harbor Room`: its run-of-show and calendar "
        "entry (else the kickoff's place).",
    )
    lead_times: dict[Id, LeadWeeks] = Field(
        {},
        description="Weeks before (negative) or after its anchor for a run-sheet step, by the step's id, to change "
        "the kit's defaults, e.g. `{sponsor: -20, invite: -14}`.",
    )

    @model_validator(mode="after")
    def _one_way_of_meeting(self) -> Program:
        single = [key for key in ("cadence", "meeting_minutes", "meeting_time") if getattr(self, key) is not None]
        if self.meetings is not None and single:
            listed = ", ".join(f"`{key}`" for key in single)
            raise user_error(
                f"{listed} describe the one series of a program without `meetings:`",
                "move them into each series under `meetings:` as `cadence`, `minutes` and `time`",
            )
        if self.format == "group" and self.group_size is None:
            raise user_error("a group program needs `group_size`", "add e.g. `group_size: 4` (mentees per mentor)")
        if self.format == "pair" and self.group_size is not None:
            raise user_error("`group_size` is for `format: group`", "add `format: group`, or remove `group_size`")
        if _overlap(self.training_time, TRAINING_MINUTES["mentor"], self.orientation_time, TRAINING_MINUTES["mentee"]):
            raise user_error(
                f"the orientation at {self.orientation_time} overlaps the training at {self.training_time} "
                "(150 minutes); the run-sheet may hold both on one day",
                'move `orientation_time` to after the training ends, e.g. "14:00"',
            )
        if len(set(self.working_days)) != len(self.working_days):
            raise user_error("a working day is listed twice", "list each day once, e.g. `[Mon, Tue, Wed, Thu, Fri]`")
        if self.meetings is None and self.cadence is None:
            raise user_error(
                "a program needs `meetings:` (or, for a single series, `cadence`)",
                "add e.g. `meetings: [{name: One-to-ones, cadence: every two weeks, minutes: 60}]`",
            )
        return self

    @property
    def weekdays(self) -> frozenset[int]:
        """The working days as Python counts them (Monday 0)."""
        return frozenset(WEEKDAYS.index(day) for day in self.working_days)

    def holding(self) -> dict[str, str]:
        """The names of the series that hold the training or the orientation (`holds:`), by
        which they hold: `{"training": "Mentor training"}`; the first of each (the read stage
        reports a second)."""
        held: dict[str, str] = {}
        for s in self.series():
            if s.holds and s.name:
                held.setdefault(s.holds, s.name)
        return held

    def series(self) -> tuple[Meetings, ...]:
        """The meeting series; a program written with `cadence` has one, carrying every session."""
        if self.meetings is not None:
            return self.meetings
        assert self.cadence is not None  # the validator requires one of the two
        return (Meetings(cadence=self.cadence, minutes=self.meeting_minutes or 60, time=self.meeting_time),)


def _minutes(clock: str) -> int:
    hours, minutes = clock.strip().split(":")
    return int(hours) * 60 + int(minutes)


def _overlap(first: str, first_minutes: int, second: str, second_minutes: int) -> bool:
    """Whether two meetings of these starts and lengths share a minute on one day."""
    a, b = _minutes(first), _minutes(second)
    return a < b + second_minutes and b < a + first_minutes
