"""A group program (one mentor, four mentees, a monthly 90-minute circle) with optional
30-minute one-to-ones: the agreement has a signature line per member, the time asked counts
the circle at its own length and leaves the optional series out, the optional meetings are
free time in the calendar, and the handbook says "group" where it said "pair"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from generator.models.project import Project
from generator.models.worksheet import SignatureInput
from generator.plan import Plan, plan_build
from generator.plan.program.time_asked import commitment
from generator.plan.site.kit_pages import commitment_md
from generator.read.project import load_project
from generator.site.render import Renderer
from tests.conftest import EPOCH, REPO

PROFILE = """\
name: Riverside Circles
colors: {primary: "#1d4e89", accent: "#b3401a"}
welcome: Welcome.
program:
  name: Circles 2027
  start: 2027-01-11
  weeks: 60
  format: group
  group_size: 4
  meetings:
    - name: Circle
      cadence: monthly
      on: second Tuesday
      minutes: 90
      time: "17:00"
    - name: One-to-ones
      cadence: monthly
      on: last Thursday
      minutes: 30
      time: "12:00"
      optional: true
      agenda: Time with the mentor for anyone who wants it.
modules:
  - module: starting-well
  - module: goal-setting
  - module: feedback-loops
  - module: closing-and-continuing
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    folder = tmp_path_factory.mktemp("groups")
    (folder / "circles.yaml").write_text(PROFILE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return load_project(REPO, folder / "circles.yaml")


@pytest.fixture(scope="module")
def plan(project: Project) -> Plan:
    return plan_build(project)


def test_the_agreement_has_a_signature_line_per_member(project: Project) -> None:
    agreement = next(w for w in project.curriculum.worksheets if w.id == "mentoring-agreement")
    signatures = [f.label for s in agreement.sections for f in s.fields if isinstance(f, SignatureInput)]
    assert signatures == ["Mentor", "Mentee 1", "Mentee 2", "Mentee 3", "Mentee 4"]
    names = [getattr(f, "name", "") for s in agreement.sections for f in s.fields]
    assert len(names) == len(set(names))  # each a field of its own in the fillable PDF


def test_the_time_counts_each_series_at_its_length_and_not_the_optional_one(project: Project) -> None:
    circles = [e for e in project.events if e.series == "Circle" and e.date >= dt.date(2027, 1, 11)]
    optional = [e for e in project.events if e.series == "One-to-ones"]
    assert circles and optional and all(e.optional for e in optional)
    mentor = commitment(project, "mentor")
    assert mentor.session_minutes == 90 * len(circles)
    table = commitment_md(mentor, project.labels, "en")
    closing = {s.id for s in project.curriculum.sessions() if s.moment == "celebration"}
    held = [e for e in circles if e.session_id not in closing]  # the closing celebration is a row of its own
    assert f"{len(held)} × 90 minutes" in table and "30 minutes" not in table
    assert "| Closing celebration | 1 × 90 minutes |" in table


def test_optional_meetings_are_free_time_in_the_calendar(plan: Plan) -> None:
    assert plan.calendar is not None
    entries = icalendar.Calendar.from_ical(plan.calendar.data).walk("VEVENT")
    free = [v for v in entries if str(v.get("TRANSP", "")) == "TRANSPARENT"]
    assert free and all(str(v["SUMMARY"]) == "One-to-ones (optional)" for v in free)
    busy = [v for v in entries if "TRANSP" not in v]
    assert busy and not any("optional" in str(v["SUMMARY"]) for v in busy)


def test_the_timeline_lists_the_optional_series_as_optional(plan: Plan) -> None:
    timeline = next(p for p in plan.site.pages if p.path == "program.md")
    text = Renderer(REPO).render(timeline)
    rows = [line for line in text.splitlines() if "One-to-ones" in line and "|" in line]
    assert rows and all("Optional" in row for row in rows)
    line = next(line for line in text.splitlines() if line.startswith("- One-to-ones:"))
    assert line.replace("\\", "").startswith("- One-to-ones: monthly, at 12:00, 30 minutes, optional.")


def test_the_handbook_says_group_where_it_said_pair(project: Project, plan: Plan) -> None:
    assert project.labels["tracker_pairs"] == "Groups"
    assert "every group" in project.labels["as_needed_intro"]
    texts = " ".join(str(p.context.get("text", "")) for p in plan.site.pages)
    assert " pair " not in texts and " pairs " not in texts


def test_a_group_needs_its_size(tmp_path: Path) -> None:
    from generator.errors import InputError

    (tmp_path / "no-size.yaml").write_text(PROFILE.replace("  group_size: 4\n", ""), encoding="utf-8")
    with pytest.raises(InputError, match="group_size"):
        load_project(REPO, tmp_path / "no-size.yaml")


def test_the_tracker_has_a_row_per_group_with_a_column_per_mentee(plan: Plan, tmp_path: Path) -> None:
    """Opened as a manager's spreadsheet: a row per group with its mentor's and four mentees' IDs
    (chosen from the People sheet at matching), a row per person on People, a line per ID in the names file."""
    import openpyxl

    from generator.sheets import names_xlsx, tracker_xlsx

    (tracker,) = plan.site.sheets
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_xlsx(tracker))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["People", "Groups", "Deletions"]
    groups = book["Groups"]
    head = [cell.value for cell in groups[1]]
    assert head[:7] == ["Group", "Mentor ID", "Mentee ID 1", "Mentee ID 2", "Mentee ID 3", "Mentee ID 4", "Status"]
    assert [cell.value for cell in groups[3]][:6] == [1, None, None, None, None, None]  # formed at matching
    members = [v for v in groups.data_validations.dataValidation if str(v.formula1).startswith("'People'!")]
    assert len(members) == 1 and str(members[0].sqref).split()[:2] == ["B3:B500", "C3:C500"]
    people = [row[0] for row in book["People"].iter_rows(min_row=3, values_only=True)]
    assert people[:2] == ["ID-001", "ID-002"] and len(people) == 5 * tracker.pairs.rows.__len__()
    (tmp_path / "names.xlsx").write_bytes(names_xlsx(tracker))
    names_book = openpyxl.load_workbook(tmp_path / "names.xlsx")
    names = [row[0] for row in names_book["Names"].iter_rows(min_row=3, values_only=True)]
    assert names == people
