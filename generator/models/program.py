"""An organization's program: when it runs, how its pairs meet, its milestones, and its own
words for the roles. The meeting series and the date types live in schedule.py."""

from __future__ import annotations

import difflib
import zoneinfo
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from generator.grammar import plural as english_plural
from generator.models.base import Id, Model, Name, Sentence, Text, Word, user_error
from generator.models.schedule import (
    CADENCE_DAYS,
    MAX_BEFORE,
    MAX_WEEKS,
    Cadence,
    Clock,
    Day,
    Meetings,
    Week,
)

__all__ = ["CADENCE_DAYS", "MAX_BEFORE", "MAX_WEEKS", "Break", "Meetings", "Milestone", "Program", "Terminology"]


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
    """A date to remember that is not a meeting of a series: a deadline, an event, a review."""

    name: Name = Field(description="e.g. `Matching announced`.")
    week: Week | None = Field(
        None, description="The program week it falls in (week 1 starts on the start date; 0 or less is before it)."
    )
    date: Day | None = Field(None, description="A fixed date instead of a week, e.g. 2027-06-30.")
    at: Id | None = Field(
        None, description="A session id: the milestone is that session's (shown with it, once), e.g. the agreement."
    )
    after: Id | None = Field(None, description="A session id this milestone follows: it may not come before it.")
    time: Clock | None = Field(None, description='Optional time of day, in quotes: "16:00" (else all day).')
    minutes: int | None = Field(None, ge=5, le=480, description="How long it lasts, with a `time`.")
    note: Sentence | None = None

    @model_validator(mode="after")
    def _when(self) -> Milestone:
        if sum(x is not None for x in (self.week, self.date, self.at)) != 1:
            raise user_error(
                "a milestone needs one of `week`, `date` or `at`, not several",
                "write e.g. `week: 13`, `date: 2027-06-30` or `at: review-at-midpoint`",
            )
        if self.at is not None and (self.after or self.time or self.minutes):
            raise user_error(
                "a milestone `at` a session falls on it: it takes the session's day and time",
                "remove `after`, `time` and `minutes`, or give it its own `week` or `date`",
            )
        if self.minutes is not None and self.time is None:
            raise user_error("a milestone with `minutes` needs a `time` too", 'add e.g. `time: "16:00"`')
        return self


MAX_SIZE = 1000  # pairs: a tracker row and two names each
LeadWeeks = Annotated[int, Field(ge=-52, le=52)]


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
    size: int | None = Field(
        None,
        ge=1,
        le=MAX_SIZE,
        description="How many pairs the program runs, e.g. 40: it sets the number of training workshops, the "
        "tracker's rows and the program team's hours.",
    )
    kickoff_place: Text | None = Field(
        None,
        description="Where the kickoff happens, as people should read it in their Start here page, e.g. "
        "`Training room 2, head office` or `Online: the link is in your invitation`.",
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
        if self.meetings is None and self.cadence is None:
            raise user_error(
                "a program needs `meetings:` (or, for a single series, `cadence`)",
                "add e.g. `meetings: [{name: One-to-ones, cadence: every two weeks, minutes: 60}]`",
            )
        return self

    def series(self) -> tuple[Meetings, ...]:
        """The meeting series; a program written with `cadence` has one, carrying every session."""
        if self.meetings is not None:
            return self.meetings
        assert self.cadence is not None  # the validator requires one of the two
        return (Meetings(cadence=self.cadence, minutes=self.meeting_minutes or 60, time=self.meeting_time),)


class Terminology(Model):
    """The organization's words. Unset words keep the handbook language's own; plurals
    default to the singular's English plural ("coach" -> "coaches")."""

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
    pair: Word | None = Field(None, description="e.g. `partnership`: a mentor and a mentee together.")
    pairs: Word | None = None
    group: Word | None = Field(None, description="e.g. `cohort`: everyone in the program meeting together.")
    groups: Word | None = None

    def chosen(self) -> dict[str, str]:
        """The English default words this organization replaces, each with its word."""
        table: dict[str, str] = {}
        for singular in ROLE_WORDS:
            word = getattr(self, singular)
            plural = getattr(self, singular + "s", None) if singular != "mentoring" else None
            if word:
                table[singular] = word
            if singular != "mentoring" and (plural or word):
                table[singular + "s"] = plural or english_plural(word or "")
        return table


ROLE_WORDS = ("mentor", "mentee", "mentoring", "facilitator", "session", "program", "pair", "group")
