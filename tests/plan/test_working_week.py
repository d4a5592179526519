"""The working calendar, end to end: a profile with England's bank holidays, a monthly series on
the first Wednesday and weekly one-to-ones. Nothing in the timeline, the calendar file, the
run-sheet or the messages falls on a weekend, a bank holiday or in a break, and the timeline
says what moved. Days off are checked against the `holidays` package itself, not our calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import holidays
import icalendar
import pytest

from generator.models.program import PublicHolidays
from generator.models.project import Project
from generator.plan import Plan, plan_build
from generator.plan.program.kit import messages, run_sheet
from generator.plan.program.reader_days import timeline_events
from generator.plan.program.timeline_text import moves, timeline_date
from generator.read.project import load_project
from generator.site.render import Renderer
from tests.conftest import EPOCH, REPO

PROFILE = """\
name: Thames Valley Trust
colors: {primary: "#1d4e89", accent: "#b3401a"}
welcome: Welcome.
spelling: en-GB
program:
  name: Mentoring 2027
  start: 2027-01-11
  weeks: 48
  public_holidays: {country: GB, subdivision: England}
  handbook_url: https://intranet.example.org/mentoring
  meetings:
    - name: Monthly circle
      cadence: monthly
      on: first Wednesday
      minutes: 90
      time: "17:00"
      agenda: Everyone together.
    - name: One-to-ones
      cadence: weekly
      minutes: 60
      time: "15:00"
  breaks:
    - name: Summer
      start: 2027-08-02
      end: 2027-08-13
  milestones:
    - name: Evaluation
      date: 2027-05-31
      until: 2027-06-11
    - name: Progress check
      week: 30
"""
BREAK = (dt.date(2027, 8, 2), dt.date(2027, 8, 13))
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2026, 2029))


def off(day: dt.date) -> bool:
    return day.weekday() >= 5 or day in BANK_HOLIDAYS or BREAK[0] <= day <= BREAK[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    folder = tmp_path_factory.mktemp("gb")
    (folder / "thames.yaml").write_text(PROFILE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return load_project(REPO, folder / "thames.yaml")


@pytest.fixture(scope="module")
def plan(project: Project) -> Plan:
    return plan_build(project)


def test_no_event_is_on_a_day_off(project: Project) -> None:
    assert project.events
    assert [(e.date, e.title) for e in project.events if off(e.date)] == []


def test_the_calendar_file_has_nothing_on_a_day_off(project: Project, plan: Plan) -> None:
    assert plan.calendar is not None
    starts = [v.decoded("dtstart") for v in icalendar.Calendar.from_ical(plan.calendar.data).walk("VEVENT")]
    days = [s.date() if isinstance(s, dt.datetime) else s for s in starts]
    assert len(days) == len(timeline_events(project)) and not [d for d in days if off(d)]


def test_no_step_or_message_is_on_a_day_off(project: Project) -> None:
    steps = run_sheet(project)
    assert [(s.day, s.title) for s in steps if s.day is None or off(s.day)] == []
    sent = {timeline_date(s.day, "en") for s in steps if s.day}
    assert {m.when for m in messages(steps) if m.dated} <= sent  # not one sent as things happen


def test_monthly_meetings_are_on_the_first_wednesday_or_the_working_day_after(project: Project) -> None:
    circles = [e.date for e in project.events if e.series == "Monthly circle"]
    assert len(circles) == 10  # February to December, without August's (in the break)
    for day in circles:
        first_wednesday = next(
            dt.date(day.year, day.month, d) for d in range(1, 8) if dt.date(day.year, day.month, d).weekday() == 2
        )
        after = first_wednesday
        while off(after):
            after += dt.timedelta(days=1)
        assert day == after


def test_the_timeline_and_validate_say_what_moved(project: Project, plan: Plan) -> None:
    timeline = next(p for p in plan.site.pages if p.path == "program.md")
    text = Renderer(REPO).render(timeline)
    assert "moved from Mon, May 31, 2027, Spring Bank Holiday" in text  # the evaluation opens the day after
    assert "moved from Mon, Mar 29, 2027, Easter Monday" in text  # a one-to-one
    said = moves(project)
    assert any(
        "Evaluation on Tue, Jun 1, 2027, moved from Mon, May 31, 2027, Spring Bank Holiday" in line for line in said
    )
    assert all(": info: program: " in line for line in said)


def test_a_window_is_an_all_day_span_in_the_calendar(project: Project, plan: Plan) -> None:
    assert plan.calendar is not None
    found = [v for v in icalendar.Calendar.from_ical(plan.calendar.data).walk("VEVENT") if v["SUMMARY"] == "Evaluation"]
    (window,) = found
    assert window.decoded("dtstart") == dt.date(2027, 6, 1)
    assert window.decoded("dtend") == dt.date(2027, 6, 12)  # the day after its last, as RFC 5545 counts
    timeline = next(p for p in plan.site.pages if p.path == "program.md")
    assert "Tue, Jun 1, 2027 – Fri, Jun 11, 2027" in Renderer(REPO).render(timeline)


def test_a_series_that_skips_days_off_meets_on_its_next_date(project: Project, tmp_path: Path) -> None:
    skipping = PROFILE.replace("      cadence: weekly\n", "      cadence: weekly\n      on_day_off: skip\n")
    (tmp_path / "skip.yaml").write_text(skipping, encoding="utf-8")
    events = load_project(REPO, tmp_path / "skip.yaml").events
    ones = [e.date for e in events if e.series == "One-to-ones"]
    assert dt.date(2027, 3, 29) not in ones and dt.date(2027, 3, 30) not in ones  # Easter Monday: skipped
    assert dt.date(2027, 3, 22) in ones and dt.date(2027, 4, 5) in ones
    assert all(d.weekday() == 0 for d in ones)


def test_a_sessions_entry_links_its_page_and_names_the_worksheets(plan: Plan) -> None:
    assert plan.calendar is not None
    entries = {str(v["UID"]): v for v in icalendar.Calendar.from_ical(plan.calendar.data).walk("VEVENT")}
    agreement = entries["thames-20270111-session-agreeing-how-you-work@mentorbook"]
    text = str(agreement["DESCRIPTION"])
    assert (
        "Session page: https://intranet.example.org/mentoring/modules/starting-well/agreeing-how-you-work.html" in text
    )
    assert "Worksheets to bring: Mentoring agreement" in text


def test_a_session_pinned_in_the_module_selection_is_held_in_that_week(tmp_path: Path) -> None:
    pinned = PROFILE + (
        "modules:\n"
        "  - foundations\n"
        "  - module: goal-setting\n"
        "    sessions: [shaping-goals-and-actions, {session: revisiting-goals, week: 20}]\n"
    )
    (tmp_path / "pinned.yaml").write_text(pinned, encoding="utf-8")
    events = load_project(REPO, tmp_path / "pinned.yaml").events
    revisit = next(e for e in events if e.session_id == "revisiting-goals")
    assert revisit.date == dt.date(2027, 5, 24)  # week 20's Monday, the one-to-ones' weekday


def test_a_pinned_session_written_wrong_is_a_problem_at_its_line(tmp_path: Path) -> None:
    from generator.errors import InputError

    wrong = PROFILE + "modules:\n  - module: goal-setting\n    sessions: [{session: revisiting-goals, weeks: 20}]\n"
    (tmp_path / "wrong.yaml").write_text(wrong, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_project(REPO, tmp_path / "wrong.yaml")
    shown = "\n".join(str(p) for p in caught.value.problems)
    line = PROFILE.count("\n") + 3
    assert f"wrong.yaml:{line}:" in shown and "`weeks` is not a field here — did you mean `week`?" in shown, shown


def test_the_cover_has_the_programs_name_and_its_preparation(tmp_path: Path) -> None:
    from generator.plan.print.handbook import plan_handbook
    from generator.plan.program.timeline_text import program_facts

    bonding = PROFILE.replace(
        "  meetings:\n",
        "  meetings:\n"
        "    - name: Community bonding\n"
        "      cadence: weekly\n"
        "      first_week: -1\n"
        "      last_week: 0\n"
        "      agenda: Meet the other pairs.\n",
    )
    (tmp_path / "bonding.yaml").write_text(bonding, encoding="utf-8")
    project = load_project(REPO, tmp_path / "bonding.yaml")
    cover = plan_handbook(project).book.cover
    assert (cover.title, cover.program) == ("Mentoring 2027", project.curriculum.title)
    # Week -1 begins on Mon, Dec 28, 2026, a bank holiday in England (Boxing Day, observed): the day after.
    assert cover.dates is not None and cover.dates.startswith("Dec 29, 2026")
    program = project.organization.program
    assert program is not None
    facts = program_facts(program, project.labels, "en", project.events)
    assert "Starts Tue, Dec 29, 2026" in facts  # the bonding week is for all pairs: the program starts with it


@pytest.mark.parametrize(
    ("holidays_of", "said"),
    [
        (
            {"country": "United Kingdom"},
            '"United Kingdom" is not a country the holidays calendar knows — did you mean `GB`?',
        ),
        (
            {"country": "GB", "subdivision": "Englnd"},
            '"Englnd" is not a region of GB with holidays of its own — did you mean `ENG`?',
        ),
        ({"country": "XX"}, "write the country's two-letter code, e.g. `GB` or `US`"),
    ],
)
def test_a_country_or_region_typo_is_answered_with_the_nearest(holidays_of: dict[str, str], said: str) -> None:
    from pydantic import ValidationError

    from generator.models.program import Program

    with pytest.raises(ValidationError) as caught:
        Program.model_validate(
            {"name": "M", "start": "2027-01-11", "weeks": "4", "cadence": "weekly", "public_holidays": holidays_of}
        )
    error = caught.value.errors()[0]
    assert said in f"{error['msg']} — {(error.get('ctx') or {}).get('hint')}"
    assert Program.model_validate(
        {
            "name": "M",
            "start": "2027-01-11",
            "weeks": "4",
            "cadence": "weekly",
            "public_holidays": {"country": "gb", "subdivision": "England"},
        }
    ).public_holidays == PublicHolidays(country="GB", subdivision="ENG")
