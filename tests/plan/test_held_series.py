"""A profile's own series that holds the mentor training or the mentee orientation (`holds:`):
the run-sheet, its messages, the facts, the timeline and the calendar file show that series
once, at its own dates, time and length, and no workshops of the kit's beside it (Lakeshore)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import icalendar
import pytest
from pydantic import ValidationError

from generator.models.project import Project
from generator.models.schedule import Meetings
from generator.plan import plan_build
from generator.plan.paths import CALENDAR
from generator.plan.program.facts import program_facts
from generator.plan.program.kit import run_sheet, runs
from generator.plan.program.reader_days import timeline_events
from generator.plan.program.time_asked import commitment, team_time
from generator.read.project import load_project
from tests.conftest import REPO

TRAINING = [dt.date(2027, 1, 11), dt.date(2027, 1, 18)]
ORIENTATION = [dt.date(2027, 1, 27)]


@pytest.fixture(scope="module")
def lakeshore() -> Project:
    return load_project(REPO, REPO / "organizations/lakeshore-libraries.yaml")


def test_the_timeline_has_one_training_and_one_orientation_the_profiles(lakeshore: Project) -> None:
    events = timeline_events(lakeshore)
    training = [e for e in events if "training" in e.title.lower()]
    orientation = [e for e in events if "orientation" in e.title.lower()]
    assert [(e.date, e.time, e.minutes, e.title) for e in training] == [
        (day, "13:00", 150, "Mentor training") for day in TRAINING
    ]
    assert [(e.date, e.time, e.minutes, e.title) for e in orientation] == [
        (day, "11:00", 60, "Mentee orientation") for day in ORIENTATION
    ]
    assert not [e.uid for e in events if e.uid.startswith(("step-train-", "step-orient-"))]
    assert not [e.title for e in events if "workshop" in e.title.lower() or "catch-up" in e.title]


def test_the_calendar_file_has_the_series_once(lakeshore: Project) -> None:
    plan = plan_build(lakeshore)
    calendar = icalendar.Calendar.from_ical(plan.site.files[CALENDAR])
    summaries = [(str(v["SUMMARY"]), v.decoded("DTSTART")) for v in calendar.walk("VEVENT")]
    training = [(s, start) for s, start in summaries if "training" in s.lower()]
    orientation = [(s, start) for s, start in summaries if "orientation" in s.lower()]
    assert [start.replace(tzinfo=None) for _, start in training] == [
        dt.datetime.combine(day, dt.time(13, 0)) for day in TRAINING
    ]
    assert [start.replace(tzinfo=None) for _, start in orientation] == [
        dt.datetime.combine(day, dt.time(11, 0)) for day in ORIENTATION
    ]
    assert not [s for s, _ in summaries if "workshop" in s.lower()]


def test_the_invitations_list_the_series_dates_and_no_catch_up(lakeshore: Project) -> None:
    steps = {s.task.id: s for s in run_sheet(lakeshore)}
    invite, orient = steps["training-invite"].message, steps["orientation-invite"].message
    assert invite is not None and orient is not None
    assert "Mon, Jan 11, 2027 and Mon, Jan 18, 2027, from 13:00 for 150 minutes" in invite.body
    assert "Wed, Jan 27, 2027, from 11:00 for 60 minutes" in orient.body
    for message in (invite, orient):
        assert "catch-up" not in message.body and "choose" not in message.body and "2026" not in message.body
    train = [s for s in run_sheet(lakeshore) if s.task.id == "train"]
    assert [s.day for s in train] == TRAINING  # no catch-up row: every mentor comes to both
    assert [s.day for s in run_sheet(lakeshore) if s.task.id == "orient"] == ORIENTATION
    introduce = steps["introduce"].day
    assert introduce is not None and TRAINING[-1] < introduce < ORIENTATION[0]  # once the training is done


def test_the_facts_and_the_hours_follow_the_series(lakeshore: Project) -> None:
    facts = program_facts(lakeshore)
    assert facts["training.date"] == "Mon, Jan 11, 2027 and Mon, Jan 18, 2027"
    assert (facts["training.time"], facts["training.minutes"]) == ("13:00", "150")
    assert (facts["orientation.date"], facts["orientation.time"]) == ("Wed, Jan 27, 2027", "11:00")
    assert commitment(lakeshore, "mentor").training_minutes == 2 * 150
    assert commitment(lakeshore, "mentee").training_minutes == 60
    efforts = {e.task.id: (e.count, e.minutes) for e in team_time(lakeshore, runs(lakeshore))}
    assert efforts["train"] == (2, 150) and efforts["orient"] == (1, 60)


def test_longer_meetings_make_longer_training_hours(lakeshore: Project) -> None:
    """Minutes × meetings, from the series: a third afternoon of 120 minutes adds 120."""
    third = replace(
        next(e for e in lakeshore.events if e.series == "Mentor training"),
        date=dt.date(2027, 1, 25),
        minutes=120,
        uid="third",
    )
    longer = replace(lakeshore, events=(*lakeshore.events, third))
    assert commitment(longer, "mentor").training_minutes == 2 * 150 + 120
    assert [s.day for s in run_sheet(longer) if s.task.id == "train"] == [*TRAINING, dt.date(2027, 1, 25)]


def test_without_holds_the_kit_dates_its_own_workshops(lakeshore: Project) -> None:
    program = lakeshore.organization.program
    assert program is not None and program.meetings is not None
    meetings = tuple(m.model_copy(update={"holds": None}) for m in program.meetings)
    organization = lakeshore.organization.model_copy(
        update={"program": program.model_copy(update={"meetings": meetings})}
    )
    plain = replace(lakeshore, organization=organization)
    titles = [e.title for e in timeline_events(plain)]
    assert "Mentor training workshop: each mentor attends one" in titles
    assert program_facts(plain)["training.time"] == program.training_time


@pytest.mark.parametrize(
    ("series", "says"),
    [
        ({"cadence": "weekly", "holds": "training", "agenda": "Mentors only."}, "needs a `name`"),
        ({"name": "Training", "cadence": "weekly", "holds": "training"}, "has an agenda of its own"),
    ],
)
def test_a_series_that_holds_the_training_has_a_name_and_an_agenda(series: dict[str, str], says: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(says)):
        Meetings.model_validate(series)
