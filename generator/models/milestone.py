"""A program's milestone: a date to remember that is not a meeting of a series."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.models.base import Choice, Id, Model, Name, Sentence, Text, user_error
from generator.models.schedule import (
    Clock,
    Day,
    Week,
)


class Milestone(Model):
    """A date to remember that is not a meeting of a series: a deadline, an event, a review."""

    name: Name = Field(description="e.g. `Matching announced`.")
    week: Week | None = Field(
        None, description="The program week it falls in (week 1 starts on the start date; 0 or less is before it)."
    )
    date: Day | None = Field(None, description="A fixed date instead of a week, e.g. 2027-06-30.")
    until: Day | None = Field(
        None, description="For a window (an evaluation open for a while): its last day, e.g. 2027-07-09."
    )
    at: Id | None = Field(
        None, description="A session id: the milestone is that session's (shown with it, once), e.g. the agreement."
    )
    after: Id | None = Field(None, description="A session id this milestone follows: it may not come before it.")
    time: Clock | None = Field(None, description='Optional time of day, in quotes: "16:00" (else all day).')
    minutes: int | None = Field(None, ge=5, le=480, description="How long it lasts, with a `time`.")
    place: Text | None = Field(
        None,
        description="Where people meet for it, for one with its own `time` (a lunch): the timeline, the calendar "
        "entry's location and its reminder say it, e.g. `The Harbor Room, head office`.",
    )
    note: Sentence | None = Field(
        None, description="What it asks of the people it is for, written to them: their reminder says it."
    )
    question: Sentence | None = Field(
        None,
        description="How the check-in asks whether it is done, written to the people it is for, e.g. "
        '`Have you signed your mentoring agreement?` (its planned day and "If so, on what day?" follow); '
        "else it asks whether the milestone, by its name, is done.",
    )
    audience: Choice[Literal["pairs", "mentors", "mentees"]] = Field(
        "pairs",
        description="Who its reminder goes to: the people who act on it, `pairs` (every mentor and mentee), "
        "`mentors` or `mentees`.",
    )

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
        if self.until is not None and (self.at is not None or self.time is not None):
            raise user_error(
                "a milestone with `until` is open for whole days, from its `week` or `date` to `until`",
                "remove `at` and `time`, and give it a `week` or `date`",
            )
        if self.until is not None and self.date is not None and self.until < self.date:
            raise user_error(
                f"the milestone ends ({self.until}) before it starts ({self.date})", "swap `date` and `until`"
            )
        if self.minutes is not None and self.time is None:
            raise user_error("a milestone with `minutes` needs a `time` too", 'add e.g. `time: "16:00"`')
        if self.place is not None and self.time is None:
            raise user_error(
                "a milestone with a `place` is one people meet for at its `time`",
                'add e.g. `time: "12:00"`, or remove `place` (a milestone `at` a session is where the session is)',
            )
        return self
