"""The schedule rules, as a table of small programs and the dates (or the message) each gives.

Programs are written as users write them in YAML: every value a string. Sessions are named
S1, S2, ...; an expected event is "date title".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest
from pydantic import ValidationError

from generator.models.events import Event
from generator.models.program import Program
from generator.read.timeline import DoesNotFit, SessionInfo, schedule

# fmt: off
CASES: list[dict[str, Any]] = [
    # --- cadence ---
    {
        "id": "weekly, the last session on the program's last week",
        "start": "2027-01-11", "weeks": "4", "cadence": "weekly", "sessions": 4,
        "dates": ["2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01"],
    },
    {
        "id": "every two weeks",
        "start": "2027-01-11", "weeks": "6", "cadence": "every two weeks", "sessions": 3,
        "dates": ["2027-01-11", "2027-01-25", "2027-02-08"],
    },
    {
        "id": "monthly from the 31st clamps to month ends and a leap day, never drifts",
        "start": "2028-01-31", "weeks": "40", "cadence": "monthly", "sessions": 9,
        "dates": [
            "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31",
            "2028-06-30", "2028-07-31", "2028-08-31", "2028-09-30",
        ],
    },
    {
        "id": "monthly from the 30th in a common year",
        "start": "2027-01-30", "weeks": "9", "cadence": "monthly", "sessions": 3,
        "dates": ["2027-01-30", "2027-02-28", "2027-03-30"],
    },
    {
        "id": "monthly from a leap day keeps the 29th, then Feb 28 the next year",
        "start": "2028-02-29", "weeks": "53", "cadence": "monthly", "sessions": 13,
        "dates": [
            "2028-02-29", "2028-03-29", "2028-04-29", "2028-05-29", "2028-06-29", "2028-07-29", "2028-08-29",
            "2028-09-29", "2028-10-29", "2028-11-29", "2028-12-29", "2029-01-29", "2029-02-28",
        ],
    },
    {
        "id": "every two weeks across a year end",
        "start": "2027-12-13", "weeks": "6", "cadence": "every two weeks", "sessions": 3,
        "dates": ["2027-12-13", "2027-12-27", "2028-01-10"],
    },
    {
        "id": "monthly across a year end into a leap February",
        "start": "2027-11-30", "weeks": "18", "cadence": "monthly", "sessions": 5,
        "dates": ["2027-11-30", "2027-12-30", "2028-01-30", "2028-02-29", "2028-03-30"],
    },
    {
        "id": "exactly fits: the last session on the program's last day",
        "start": "2027-01-11", "weeks": "26", "cadence": "monthly", "sessions": 7,
        "dates": ["2027-01-11", "2027-02-11", "2027-03-11", "2027-04-11", "2027-05-11", "2027-06-11", "2027-07-11"],
    },
    {
        "id": "no sessions",
        "start": "2027-01-11", "weeks": "1", "cadence": "weekly", "sessions": 0,
        "dates": [],
    },
    # --- breaks ---
    {
        "id": "the start date inside a break",
        "start": "2027-01-11", "weeks": "4", "cadence": "weekly", "sessions": 3,
        "breaks": [("2027-01-04", "2027-01-12")],
        "dates": ["2027-01-18", "2027-01-25", "2027-02-01"],
    },
    {
        "id": "a break over the year end (Dec 20 - Jan 2)",
        "start": "2027-12-06", "weeks": "6", "cadence": "weekly", "sessions": 4,
        "breaks": [("2027-12-20", "2028-01-02")],
        "dates": ["2027-12-06", "2027-12-13", "2028-01-03", "2028-01-10"],
    },
    {
        "id": "back-to-back breaks",
        "start": "2027-01-11", "weeks": "5", "cadence": "weekly", "sessions": 3,
        "breaks": [("2027-01-18", "2027-01-24"), ("2027-01-25", "2027-01-31")],
        "dates": ["2027-01-11", "2027-02-01", "2027-02-08"],
    },
    {
        "id": "slots on a break's first and on its last day are both skipped",
        "start": "2027-01-11", "weeks": "5", "cadence": "weekly", "sessions": 3,
        "breaks": [("2027-01-18", "2027-01-25")],
        "dates": ["2027-01-11", "2027-02-01", "2027-02-08"],
    },
    {
        "id": "a break between two slots moves nothing",
        "start": "2027-01-11", "weeks": "2", "cadence": "weekly", "sessions": 2,
        "breaks": [("2027-01-12", "2027-01-17")],
        "dates": ["2027-01-11", "2027-01-18"],
    },
    {
        "id": "a monthly slot in a break moves to the next month's slot",
        "start": "2028-01-31", "weeks": "14", "cadence": "monthly", "sessions": 3,
        "breaks": [("2028-02-26", "2028-03-01")],
        "dates": ["2028-01-31", "2028-03-31", "2028-04-30"],
    },
    # --- not fitting ---
    {
        "id": "every two weeks, too long with a break",
        "start": "2027-01-11", "weeks": "26", "cadence": "every two weeks", "sessions": 21,
        "breaks": [("2027-07-26", "2027-08-08")],
        "error": (
            "21 sessions every two weeks need 43 weeks from 2027-01-11 (with the breaks), but the program is 26 weeks",
            "set `weeks: 43`, meet more often, or choose fewer modules with `modules:`",
        ),
    },
    {
        "id": "weekly, one week short: weekly is as often as it gets, so no 'meet more often'",
        "start": "2027-01-11", "weeks": "3", "cadence": "weekly", "sessions": 4,
        "error": (
            "4 sessions weekly need 4 weeks from 2027-01-11, but the program is 3 weeks",
            "set `weeks: 4`, or choose fewer modules with `modules:`",
        ),
    },
    {
        "id": "monthly, a month over",
        "start": "2027-01-11", "weeks": "26", "cadence": "monthly", "sessions": 8,
        "error": (
            "8 sessions monthly need 31 weeks from 2027-01-11, but the program is 26 weeks",
            "set `weeks: 31`, meet more often, or choose fewer modules with `modules:`",
        ),
    },
    {
        "id": "one session pushed out by a break over the whole program",
        "start": "2027-01-11", "weeks": "1", "cadence": "weekly", "sessions": 1,
        "breaks": [("2027-01-11", "2027-01-20")],
        "error": (
            "1 session weekly needs 3 weeks from 2027-01-11 (with the breaks), but the program is 1 week",
            "set `weeks: 3`, or choose fewer modules with `modules:`",
        ),
    },
    # --- milestones ---
    {
        "id": "milestones by week and by date, one in a break moved after it, first on a session's day",
        "start": "2027-01-11", "weeks": "6", "cadence": "every two weeks", "sessions": 3,
        "breaks": [("2027-02-01", "2027-02-07")],
        "milestones": [
            {"name": "Wrap-up", "date": "2027-02-21"},
            {"name": "Kick-off", "week": "1"},
            {"name": "Check-in", "week": "4"},
        ],
        "events": [
            "2027-01-11 Kick-off", "2027-01-11 S1", "2027-01-25 S2", "2027-02-08 Check-in",
            "2027-02-08 S3", "2027-02-21 Wrap-up",
        ],
    },
    {
        "id": "two milestones on one day keep their order",
        "start": "2027-01-11", "weeks": "2", "cadence": "weekly", "sessions": 0,
        "milestones": [{"name": "B", "week": "2"}, {"name": "A", "date": "2027-01-18"}],
        "events": ["2027-01-18 B", "2027-01-18 A"],
    },
    {
        "id": "milestone week after the program",
        "start": "2027-01-11", "weeks": "26", "cadence": "weekly", "sessions": 1,
        "milestones": [{"name": "Wrap-up", "week": "27"}],
        "error": (
            'the milestone "Wrap-up" is in week 27, but the program is 26 weeks',
            "choose a `week` from 1 to 26, or set `weeks: 27`",
        ),
    },
    {
        "id": "a milestone before the start is preparation",
        "start": "2027-01-11", "weeks": "26", "cadence": "weekly", "sessions": 1,
        "milestones": [{"name": "Briefing", "date": "2027-01-10"}],
        "events": ["2027-01-10 Briefing", "2027-01-11 S1"],
    },
    {
        "id": "a milestone more than a year before the start",
        "start": "2027-01-11", "weeks": "26", "cadence": "weekly", "sessions": 1,
        "milestones": [{"name": "Briefing", "date": "2025-12-01"}],
        "error": (
            'the milestone "Briefing" is on 2025-12-01, more than a year before the program starts on 2027-01-11',
            "choose a date from 2026-01-12 to 2027-07-11",
        ),
    },
    {
        "id": "milestone date on the day after the last day",
        "start": "2027-01-11", "weeks": "26", "cadence": "weekly", "sessions": 1,
        "milestones": [{"name": "Wrap-up", "date": "2027-07-12"}],
        "error": (
            'the milestone "Wrap-up" is on 2027-07-12, after the program ends on 2027-07-11',
            "choose a date from 2027-01-11 to 2027-07-11, or set `weeks: 27`",
        ),
    },
    {
        "id": "milestone date on the last day",
        "start": "2027-01-11", "weeks": "26", "cadence": "weekly", "sessions": 0,
        "milestones": [{"name": "Wrap-up", "date": "2027-07-11"}],
        "events": ["2027-07-11 Wrap-up"],
    },
    # --- dates no program reaches: a mistyped year is named, not turned into a length ---
    {
        "id": "a break ending in 2207 for 2027",
        "start": "2027-07-19", "weeks": "40", "cadence": "weekly", "sessions": 3,
        "breaks": [("2027-07-19", "2207-08-06")],
        "error": (
            'the break "Break 0" ends on 2207-08-06, 180 years after the program starts on 2027-07-19',
            "did you mean 2027-08-06?",
        ),
    },
    {
        "id": "a break a century before the program, on a leap day the likely year lacks",
        "start": "2026-03-02", "weeks": "4", "cadence": "weekly", "sessions": 1,
        "breaks": [("1928-02-29", "1928-02-29")],
        "error": (
            'the break "Break 0" starts on 1928-02-29, 98 years before the program starts on 2026-03-02',
            "did you mean 2026-02-28?",
        ),
    },
    {
        "id": "a milestone date in 2207",
        "start": "2027-01-11", "weeks": "40", "cadence": "weekly", "sessions": 1,
        "milestones": [{"name": "Celebration", "date": "2207-10-01"}],
        "error": (
            'the milestone "Celebration" is on 2207-10-01, 181 years after the program starts on 2027-01-11',
            "did you mean 2027-10-01?",
        ),
    },
    {
        "id": "more sessions than the longest program holds",
        "start": "2027-01-11", "weeks": "200", "cadence": "monthly", "sessions": 61,
        "error": (
            "61 sessions monthly need more than 260 weeks from 2027-01-11, the longest a program runs",
            "choose fewer modules with `modules:`, meet more often",
        ),
    },
    {
        "id": "a break that pushes sessions past the longest program",
        "start": "2027-01-11", "weeks": "10", "cadence": "weekly", "sessions": 4,
        "breaks": [("2027-01-12", "2031-12-20")],
        "error": (
            "4 sessions weekly need more than 260 weeks from 2027-01-11 (with the breaks), the longest a program runs",
            "choose fewer modules with `modules:`, shorten the breaks",
        ),
    },
]
# fmt: on


ALL_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def program(case: dict[str, Any], **changes: Any) -> Program:
    """The case's program, validated as if read from YAML (string values). These cases are about
    the date arithmetic, so every day is a working day unless the case says (test_working_week.py
    holds the working calendar's own)."""
    data = {
        "working_days": case.get("working_days", list(ALL_DAYS)),
        "name": "Mentoring 2027",
        "start": case["start"],
        "weeks": case["weeks"],
        "cadence": case["cadence"],
        "breaks": [{"name": f"Break {n}", "start": a, "end": b} for n, (a, b) in enumerate(case.get("breaks", []))],
        "milestones": case.get("milestones", []),
    }
    return Program.model_validate({**data, **changes})


def sessions(n: int) -> list[SessionInfo]:
    return [SessionInfo(f"s{i}", f"1.{i}", f"S{i}", 30) for i in range(1, n + 1)]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_schedule(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(DoesNotFit) as caught:
            schedule(program(case), sessions(case["sessions"]), "acme")
        assert (caught.value.troubles[0].message, caught.value.troubles[0].hint) == case["error"]
        return
    events = schedule(program(case), sessions(case["sessions"]), "acme")
    if "dates" in case:
        assert [str(e.date) for e in events] == case["dates"]
        assert [e.title for e in events] == [f"S{i}" for i in range(1, case["sessions"] + 1)]
    else:
        assert [f"{e.date} {e.title}" for e in events] == case["events"]


TOO_LONG = [c for c in CASES if "error" in c and "need" in c["error"][0] and "`weeks: " in c["error"][1]]


@pytest.mark.parametrize("case", TOO_LONG, ids=[c["id"] for c in TOO_LONG])
def test_the_suggested_weeks_are_exactly_enough(case: dict[str, Any]) -> None:
    with pytest.raises(DoesNotFit) as caught:
        schedule(program(case), sessions(case["sessions"]), "acme")
    assert caught.value.troubles[0].where == ("weeks",)
    needed = int(caught.value.troubles[0].hint.split("`weeks: ")[1].split("`")[0])
    assert len(schedule(program(case, weeks=str(needed)), sessions(case["sessions"]), "acme")) == case["sessions"]
    with pytest.raises(DoesNotFit):
        schedule(program(case, weeks=str(needed - 1)), sessions(case["sessions"]), "acme")


def test_milestone_errors_say_which_milestone_and_key() -> None:
    case = {"start": "2027-01-11", "weeks": "4", "cadence": "weekly"}
    milestones = [{"name": "Fine", "week": "2"}, {"name": "Late", "date": "2027-03-01"}]
    with pytest.raises(DoesNotFit) as caught:
        schedule(program({**case, "milestones": milestones}), [], "acme")
    assert caught.value.troubles[0].where == ("milestones", 1, "date")
    assert "Late" in str(caught.value)


def test_events_carry_session_fields_and_milestone_notes() -> None:
    case = {"start": "2027-01-11", "weeks": "2", "cadence": "weekly"}
    milestones = [{"name": "Check-in", "week": "2", "note": "Bring your goals."}]
    first, milestone, second = schedule(program({**case, "milestones": milestones}), sessions(2), "acme")
    assert first == Event(dt.date(2027, 1, 11), "session", "S1", "acme-20270111-session-s1", "s1", "1.1")
    assert milestone == Event(
        dt.date(2027, 1, 18),
        "milestone",
        "Check-in",
        "acme-20270111-milestone-check-in",
        None,
        None,
        "Bring your goals.",
    )
    assert (second.session_id, second.number, second.note) == ("s2", "1.2", None)


def test_uids_are_stable_when_dates_move() -> None:
    """Calendar apps match entries by uid: a new cadence or break must update, not duplicate;
    another run of the program (a new start) has uids of its own, beside this run's."""
    milestones = [{"name": "Mid-point review", "week": "3"}]
    before = {"start": "2027-01-11", "weeks": "10", "cadence": "weekly", "milestones": milestones}
    after = {**before, "cadence": "every two weeks", "breaks": [("2027-01-18", "2027-01-24")]}
    uids = [sorted(e.uid for e in schedule(program(c), sessions(3), "acme")) for c in (before, after, before)]
    assert uids[0] == uids[1] == uids[2]
    run = "acme-20270111"
    assert uids[0] == [
        f"{run}-milestone-mid-point-review",
        f"{run}-session-s1",
        f"{run}-session-s2",
        f"{run}-session-s3",
    ]
    next_year = {**before, "start": "2028-01-10"}
    assert not set(uids[0]) & {e.uid for e in schedule(program(next_year), sessions(3), "acme")}


def test_repeated_milestone_names_get_numbered_uids() -> None:
    names = ["Review", "Review", "Review 2", "Café & Kuchen!", "面谈", "Review"]
    case = {
        "start": "2027-01-11",
        "weeks": "10",
        "cadence": "weekly",
        "milestones": [{"name": n, "week": str(i + 1)} for i, n in enumerate(names)],
    }
    uids = [e.uid for e in schedule(program(case), [], "acme")]
    assert uids == [
        "acme-20270111-milestone-review",
        "acme-20270111-milestone-review-2",
        "acme-20270111-milestone-review-2-2",  # "Review 2" is taken by the second "Review"
        "acme-20270111-milestone-cafe-kuchen",
        "acme-20270111-milestone-5",  # no latin letters: its position instead
        "acme-20270111-milestone-review-3",
    ]
    assert len(set(uids)) == len(uids)


@pytest.mark.parametrize("weeks", ["1", "52", "260"])
@pytest.mark.parametrize("later", [0, 1, 100, 1819, 1820, 1821, 5000, 60000])
def test_hints_never_suggest_weeks_the_schema_refuses(weeks: str, later: int) -> None:
    """Whatever date a break or milestone has, a suggested `weeks:` is one the schema accepts."""
    case = {"start": "2027-01-11", "weeks": weeks, "cadence": "weekly"}
    day = str(dt.date(2027, 1, 11) + dt.timedelta(days=later))
    programs = [
        program({**case, "breaks": [("2027-01-11", day)]}),
        program({**case, "milestones": [{"name": "M", "date": day}]}),
    ]
    for each in programs:
        try:
            schedule(each, sessions(3), "acme")
        except DoesNotFit as error:
            for suggested in re.findall(r"`weeks: (\d+)`", str(error)):
                assert program(case, weeks=suggested).weeks == int(suggested)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": "2027-02-30"}, '"2027-02-30" is not a date: February 2027 has 28 days'),
        ({"start": "2028-02-30"}, '"2028-02-30" is not a date: February 2028 has 29 days'),
        ({"start": "2027-04-31"}, '"2027-04-31" is not a date: April 2027 has 30 days'),
        ({"start": "2027-13-01"}, '"2027-13-01" is not a date: a year has 12 months'),
        ({"start": "9999-12-01"}, '"9999-12-01": the year 9999 is too far off'),
        ({"start": "11 January"}, '"11 January" is not a date'),
        ({"milestones": [{"name": "M", "week": "99999999999"}]}, "Input should be less than or equal to 260"),
    ],
)
def test_the_models_refuse_dates_and_weeks_no_program_has(changes: dict[str, Any], message: str) -> None:
    """Bounded in the models, so that no date the schedule computes can overflow."""
    with pytest.raises(ValidationError) as caught:
        program({"start": "2027-01-11", "weeks": "4", "cadence": "weekly"}, **changes)
    assert message in str(caught.value)


# --- meeting series, moments and milestones tied to sessions ---


def series_program(meetings: list[dict[str, Any]], **changes: Any) -> Program:
    data = {"name": "Mentoring 2027", "start": "2027-01-11", "weeks": "12", "meetings": meetings}
    return Program.model_validate({**data, **changes})


def test_series_before_the_start_between_each_other_and_after_the_end() -> None:
    """Training in week 0, one-to-ones every two weeks, a group call in the weeks between, and a
    follow-up after the program's 12 weeks: one list by date, then by time on the same day."""
    program = series_program(
        [
            {"name": "Training", "cadence": "weekly", "first_week": "0", "last_week": "0", "agenda": "Mentors."},
            {"name": "One-to-ones", "cadence": "fortnightly", "time": "15:00"},
            {
                "name": "Group call",
                "cadence": "every two weeks",
                "first_week": "2",
                "last_week": "4",
                "time": "12:00",
                "agenda": "All pairs.",
            },
            {"name": "Follow-up", "cadence": "monthly", "start": "2027-05-10", "last_week": "18", "agenda": "Later."},
        ]
    )
    events = schedule(program, sessions(2), "acme")
    assert [(str(e.date), e.time, e.title) for e in events] == [
        ("2027-01-04", None, "Training"),
        ("2027-01-11", "15:00", "S1"),
        ("2027-01-18", "12:00", "Group call"),
        ("2027-01-25", "15:00", "S2"),
        ("2027-02-01", "12:00", "Group call"),
        ("2027-05-10", None, "Follow-up"),
    ]
    assert {e.series for e in events if e.kind == "session"} == {"One-to-ones"}
    assert events[0].kind == "meeting" and events[0].note == "Mentors."


def test_a_series_carries_the_sessions_it_lists_and_another_the_rest() -> None:
    program = series_program(
        [
            {"name": "Kickoff", "cadence": "weekly", "last_week": "1", "sessions": ["s2"], "time": "09:00"},
            {"name": "One-to-ones", "cadence": "weekly", "start": "2027-01-14"},
        ]
    )
    events = schedule(program, [*sessions(3), SessionInfo("later", "2.1", "Later", as_needed=True)], "acme")
    assert [(str(e.date), e.session_id, e.series) for e in events] == [
        ("2027-01-11", "s2", "Kickoff"),
        ("2027-01-14", "s1", "One-to-ones"),
        ("2027-01-21", "s3", "One-to-ones"),
    ]


def test_a_milestone_at_a_session_is_listed_with_it_once() -> None:
    program = series_program(
        [{"name": "One-to-ones", "cadence": "weekly"}],
        milestones=[{"name": "Agreement signed", "at": "s2", "note": "Tell the lead."}],
    )
    events = schedule(program, sessions(3), "acme")
    assert [e.title for e in events] == ["S1", "S2", "S3"]
    assert [m.name for m in events[1].milestones] == ["Agreement signed"]


def test_every_schedule_problem_is_reported_in_one_pass() -> None:
    program = series_program(
        [{"name": "Lunch", "cadence": "weekly", "minutes": "30", "last_week": "2"}],
        milestones=[
            {"name": "Review due", "week": "1", "after": "s3"},
            {"name": "Mid-point review", "week": "2"},
            {"name": "Signed", "at": "nope"},
        ],
    )
    infos = [
        SessionInfo("s1", "1.1", "S1", 45),
        *sessions(3)[1:2],
        SessionInfo("s3", "1.3", "S3", moment="mid-point review"),
    ]
    with pytest.raises(DoesNotFit) as caught:
        schedule(program, infos, "acme")
    wheres = sorted(t.where for t in caught.value.troubles)  # type: ignore[type-var]
    assert wheres == sorted(
        [
            ("meetings", 0, "last_week"),  # 3 sessions weekly do not fit in 2 weeks
            ("meetings", 0, "minutes"),  # 45 minutes in a 30-minute meeting
            ("milestones", 1, "name"),  # the mid-point review is a session already
            ("milestones", 0, "week"),  # "Review due" comes before s3, which it follows
            ("milestones", 2, "at"),  # no such session
        ]
    )
    assert '45 minutes, but the "Lunch" meetings are 30 minutes' in caught.value.troubles[1].message


def test_a_milestone_before_the_session_it_follows_names_the_first_week_that_would_do() -> None:
    program = series_program(
        [{"name": "One-to-ones", "cadence": "every two weeks"}],
        milestones=[{"name": "Copy to HR", "week": "2", "after": "s2"}],
    )
    with pytest.raises(DoesNotFit) as caught:
        schedule(program, sessions(2), "acme")
    (trouble,) = caught.value.troubles
    assert trouble.where == ("milestones", 0, "week")
    assert trouble.hint == "choose `week: 3` or later"
    fixed = series_program(
        [{"name": "One-to-ones", "cadence": "every two weeks"}],
        milestones=[{"name": "Copy to HR", "week": "3", "after": "s2"}],
    )
    assert [e.title for e in schedule(fixed, sessions(2), "acme")] == ["S1", "Copy to HR", "S2"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timezone": "Europe/Berln"}, "did you mean `Europe/Berlin`?"),
        ({"timezone": "chicago"}, "did you mean `America/Chicago`?"),
        ({"cadence": "weekly"}, "describe the one series of a program without `meetings:`"),
        ({"meetings": None}, "a program needs `meetings:`"),
    ],
)
def test_a_program_says_what_to_write(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Program.model_validate(
            {"name": "M", "start": "2027-01-11", "weeks": "12", "meetings": [{"cadence": "weekly"}]} | changes
        )
    (error,) = caught.value.errors()
    assert message in f"{error['msg']} — {error.get('ctx', {}).get('hint', '')}"


def test_a_session_pinned_to_a_week_is_held_there_and_the_rest_follow() -> None:
    case = {"start": "2027-01-11", "weeks": "10", "cadence": "weekly"}
    carried = sessions(4)
    carried[2] = replace(carried[2], week=6)
    dates = [str(e.date) for e in schedule(program(case), carried, "acme")]
    assert dates == ["2027-01-11", "2027-01-18", "2027-02-15", "2027-02-22"]


def test_a_session_pinned_before_the_sessions_ahead_of_it_is_a_problem_with_both_dates() -> None:
    case = {"start": "2027-01-11", "weeks": "10", "cadence": "weekly"}
    carried = sessions(4)
    carried[2] = replace(carried[2], week=2)
    with pytest.raises(DoesNotFit) as caught:
        schedule(program(case), carried, "acme")
    (trouble,) = caught.value.troubles
    assert (
        trouble.message
        == 'session 1.3 "S3" is pinned to week 2 (2027-01-18), but session 1.2 "S2" before it is on 2027-01-18'
    )
    assert trouble.hint.startswith("pin it to week 3 or later")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("first Wednesday", ["2027-02-03", "2027-03-03", "2027-04-07"]),
        ("Last thursday", ["2027-01-28", "2027-02-25", "2027-03-25"]),
        ("day 31", ["2027-01-31", "2027-02-28", "2027-03-31"]),
        ("second mon", ["2027-01-11", "2027-02-08", "2027-03-08"]),
    ],
)
def test_a_monthly_series_on_a_day_of_each_month(on: str, expected: list[str]) -> None:
    base = {"name": "M", "start": "2027-01-11", "weeks": "20", "working_days": list(ALL_DAYS)}
    series = {"name": "Circle", "cadence": "monthly", "on": on}
    events = schedule(Program.model_validate({**base, "meetings": [series]}), sessions(3), "acme")
    assert [str(e.date) for e in events] == expected


@pytest.mark.parametrize(
    ("on", "message"),
    [
        ("first Wensday", "did you mean `first Wednesday`?"),
        ("fifth Monday", "not a day of the month"),
        ("day 32", "days 1 to 31"),
    ],
)
def test_a_day_of_the_month_that_is_not_one_is_explained(on: str, message: str) -> None:
    base = {"name": "M", "start": "2027-01-11", "weeks": "20"}
    with pytest.raises(ValidationError) as caught:
        Program.model_validate({**base, "meetings": [{"cadence": "monthly", "on": on}]})
    error = caught.value.errors()[0]
    assert message in f"{error['msg']} — {(error.get('ctx') or {}).get('hint')}"


def test_on_is_for_monthly_series() -> None:
    base = {"name": "M", "start": "2027-01-11", "weeks": "20"}
    with pytest.raises(ValidationError, match="for a monthly series"):
        Program.model_validate({**base, "meetings": [{"cadence": "weekly", "on": "first Monday"}]})
