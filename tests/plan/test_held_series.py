"""A profile's own series that holds the mentor training or the mentee orientation (`holds:`):
the run-sheet, its messages, the facts, the timeline and the calendar file show that series
once, at its own dates, time and length, and no workshops of the kit's beside it (Lakeshore).
The training is one workshop: the series offers it at each meeting, and each mentor comes to
one of them (the last date the catch-up), as people choose one of the kit's workshops."""

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
from generator.site.render import Renderer
from tests.conftest import REPO

TRAINING = [dt.date(2027, 1, 4), dt.date(2027, 1, 11)]
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


def test_the_invitations_offer_the_series_dates_to_choose_one(lakeshore: Project) -> None:
    steps = {s.task.id: s for s in run_sheet(lakeshore)}
    invite, orient = steps["training-invite"].message, steps["orientation-invite"].message
    assert invite is not None and orient is not None
    assert "one mentor training workshop" in invite.body
    assert "Mon, Jan 4, 2027 or Mon, Jan 11, 2027, from 13:00 for 150 minutes" in invite.body
    assert "reply with the date you will come \\(up to 16 a date\\)" in invite.body  # 24 mentors need both dates
    assert "Wed, Jan 27, 2027, from 11:00 for 60 minutes, straight after the kickoff" in orient.body
    assert "catch-up" not in orient.body and "choose" not in orient.body  # one date: keep it free
    assert ("Orientation's day", "Wed, Jan 27, 2027") in [(k.capitalize(), v) for k, v in orient.facts]
    train = [s for s in run_sheet(lakeshore) if s.task.id == "train"]
    assert [s.day for s in train] == TRAINING
    assert [s.title for s in train] == ["Run the mentor training (1/2)", "Run the mentor training (2/2)"]
    assert [s.day for s in run_sheet(lakeshore) if s.task.id == "orient"] == ORIENTATION
    introduce = steps["introduce"].day
    assert introduce is not None and TRAINING[-1] < introduce < ORIENTATION[0]  # once the training is done


def test_the_facts_and_the_hours_follow_the_series(lakeshore: Project) -> None:
    facts = program_facts(lakeshore)
    assert facts["training.date"] == "Mon, Jan 4, 2027 or Mon, Jan 11, 2027"
    assert facts["training.booking"].startswith("Come to whichever date suits you (up to 16 a date)")
    assert facts["orientation.booking"].startswith("Please come to it. The program team sends the invitation on")
    assert "each mentor comes to one of them" in facts["training.dated"] and "add a date" not in facts["training.dated"]
    assert (facts["training.time"], facts["training.minutes"]) == ("13:00", "150")
    assert (facts["orientation.date"], facts["orientation.time"]) == ("Wed, Jan 27, 2027", "11:00")
    assert commitment(lakeshore, "mentor").training_minutes == 150  # one workshop, not the two dates' sum
    assert commitment(lakeshore, "mentee").training_minutes == 60
    efforts = {e.task.id: (e.count, e.minutes) for e in team_time(lakeshore, runs(lakeshore))}
    assert efforts["train"] == (2, 150) and efforts["orient"] == (1, 60)


def test_a_third_date_is_one_more_choice_not_more_hours(lakeshore: Project) -> None:
    """A third afternoon is one more date to choose from: a mentor's time stays one meeting's
    (the longest); the run-sheet numbers the two before the catch-up."""
    third = replace(
        next(e for e in lakeshore.events if e.series == "Mentor training"),
        date=dt.date(2027, 1, 13),
        minutes=180,
        uid="third",
    )
    longer = replace(lakeshore, events=(*lakeshore.events, third))
    assert commitment(longer, "mentor").training_minutes == 180
    train = [s for s in run_sheet(longer) if s.task.id == "train"]
    assert [s.day for s in train] == [*TRAINING, dt.date(2027, 1, 13)]
    assert [s.title[-10:] for s in train] == ["ning (1/2)", "ning (2/2)", "(catch-up)"]


def test_a_series_too_small_for_the_cohort_says_so(lakeshore: Project) -> None:
    """Two meetings of up to 16 hold 32 mentors: a program of 40 pairs is told to add a date."""
    program = lakeshore.organization.program
    assert program is not None
    organization = lakeshore.organization.model_copy(update={"program": program.model_copy(update={"size": 40})})
    dated = program_facts(replace(lakeshore, organization=organization))["training.dated"]
    assert dated.endswith(
        "at up to 16 mentors a meeting, its dates hold 32 of the program's 40: add a date to the series"
    )


def test_the_orientation_follows_the_kickoff_and_the_pages_say_so(lakeshore: Project) -> None:
    """Lakeshore's kickoff is at 10:00 for everyone, its mentees' orientation at 11:00: no fact
    puts the orientation before the kickoff; the kit's example keeps it before."""
    facts = program_facts(lakeshore)
    assert facts["orientation.when"] == "straight after the kickoff"
    assert facts["orientation.until"] == "before your first meeting on Wed, Feb 3, 2027"
    assert "kickoff" not in facts["orientation.show"]
    assert "the mentees get theirs at the orientation, after the kickoff" in facts["kickoff.guides"]
    kickoff = next(s for s in run_sheet(lakeshore) if s.task.id == "kickoff").message
    assert kickoff is not None
    assert "from 10:00 for 60 minutes" in kickoff.body
    stay = "Mentees: please stay on for the mentee orientation, straight after the kickoff, from 11:00"
    assert stay in kickoff.body
    plan = plan_build(lakeshore)  # the kickoff's page and its slides' next steps say so too
    session = Renderer(REPO).render(next(p for p in plan.site.pages if p.path.endswith("what-mentoring-is.md")))
    assert stay in session
    deck = next(d for d in plan.site.decks if d.path.endswith("kickoff.pptx"))
    assert any(stay in point for slide in deck.slides for point in slide.points)
    # its modules' notes run until the last session (Nov 10), not the program's last day (an open house)
    notes = " ".join(slide.notes for slide in deck.slides)
    assert f"until {facts['last_session.date']}." in notes and facts["end"] != facts["last_session.date"]
    example = program_facts(load_project(REPO, REPO / "organizations/example.yaml"))
    assert (example["orientation.when"], example["kickoff.stay"]) == ("before the kickoff", "")
    # A mentee brings their guide to the kickoff on their phone when the printed one comes after it
    after = "on your phone (your printed copy comes at the orientation, straight after the kickoff)"
    assert (facts["kickoff.guide"], example["kickoff.guide"]) == (after, "printed or on your phone")


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
