"""The pair tracker as a real spreadsheet: openpyxl opens it, its columns and a row per pair,
the schedule's milestones as date columns with their planned dates, a list to choose the status
from, the same bytes from two saves seconds apart, and the CSV beside it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from generator.models.project import Project
from generator.plan import Plan
from generator.plan.paths import PEOPLE_CSV, TRACKER_CSV, TRACKER_XLSX
from generator.plan.program.moments import Dated, kit_dates
from generator.plan.sheets.tracker import ROOM, TrackerSheet
from generator.sheets import names_xlsx, tracker_xlsx

PEOPLE = [  # a person's steps, from their application on
    "Program ID",
    "Role",
    "Status",
    "Application received",
    "Manager approved",
    "Conflict check",
    "Agreed to match",
    "Pair",
    "Mentor training attended",
    "Mentee orientation attended",
    "Start form returned",
    "Check-in 1",
    "Check-in 4",
    "Mid-point continue?",
    "Exit conversation",
    "End self-assessment returned",
    "Still here at 6 months",
    "Still here at 12 months",
]
PAIRS = ["Pair", "Mentor ID", "Mentee ID", "Status", "Introduced on"]
PAIR_ASKED = ["Meetings held", "Rematched on", "Closed on", "Closure reason"]


@pytest.fixture
def project(example_project: Project) -> Project:
    return example_project


@pytest.fixture
def sheet(example_plan: Plan) -> TrackerSheet:
    (tracker,) = example_plan.site.sheets
    return tracker


def test_the_tracker_opens_as_a_managers_spreadsheet(project: Project, sheet: TrackerSheet, tmp_path: Path) -> None:
    """Opened with openpyxl as a spreadsheet program reads it: a row per person from their
    application on, a row per pair formed at matching (40 pairs and spares), the issue's columns,
    a list, a date format and the overdue highlight on every row, a filter, frozen headings,
    landscape one page wide, "Confidential" and a page number on each printed page, a record of
    deletions, and the names in a workbook of their own (no copy of the tracker carries them)."""
    assert sheet.path == TRACKER_XLSX
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_xlsx(sheet))
    book = load_workbook(path)
    assert book.sheetnames == ["People", "Pairs", "Deletions"]
    people, pairs = book["People"], book["Pairs"]
    heads = [c.value for c in people[1]]
    assert set(PEOPLE) <= set(heads) and heads[:3] == PEOPLE[:3]
    assert not [h for h in heads if "(Mentor)" in str(h) or "(Mentee)" in str(h) or h == "Name"]
    rows = list(people.iter_rows(values_only=True))
    assert rows[1][0] == "Planned" and [r[0] for r in rows[2:4]] == ["ID-001", "ID-002"]
    assert len(rows) - 2 == 2 * 50 and all(r[1] is None for r in rows[2:])  # the role is written at application
    pair_heads = [c.value for c in pairs[1]]
    assert pair_heads[:5] == PAIRS and set(PAIR_ASKED) <= set(pair_heads)
    assert "Mentors' lunch" not in pair_heads and "Mentoring agreement signed" in pair_heads
    assert "Closing celebration" not in pair_heads  # a gathering everyone attends, not a pair's milestone
    pair_rows = list(pairs.iter_rows(values_only=True))
    assert len(pair_rows) - 2 == 50 >= 40  # program.size 40, plus spares
    assert [r[:3] for r in pair_rows[2:4]] == [(1, None, None), (2, None, None)]  # IDs chosen at matching
    for m in _milestones(project):
        if m.title in pair_heads:
            planned = pair_rows[1][pair_heads.index(m.title)]
            assert isinstance(planned, dt.datetime) and planned.date() == m.day
    for table, ws in ((sheet.people, people), (sheet.pairs, pairs)):
        last = 2 + len(table.rows)
        for column in [i + 1 for i, c in enumerate(table.columns) if c.kind == "date"]:
            letter = get_column_letter(column)
            assert all(ws[f"{letter}{r}"].number_format == "yyyy-mm-dd" for r in range(2, last + 1)), letter
        highlighted = {str(r.sqref): r for r in ws.conditional_formatting}
        planned = [i + 1 for i, c in enumerate(table.columns) if isinstance(c.planned, dt.date)]
        assert len(planned) >= 5 and last < ROOM
        for column in planned:
            letter = get_column_letter(column)
            (rule,) = highlighted[f"{letter}3:{letter}{ROOM}"].rules
            assert rule.formula[0].endswith(f"ISBLANK({letter}3),TODAY()>{letter}$2)")
        assert ws.freeze_panes == "B3" and ws.auto_filter.ref == f"A1:{get_column_letter(len(table.columns))}{last}"
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text == "Confidential" and ws.oddFooter.center.text == "Page &P / &N"
    lists = {str(v.formula1): str(v.sqref) for ws in (people, pairs) for v in ws.data_validations.dataValidation}
    assert lists['"Matched,Meeting,Paused,Rematched,Ended early,Completed"'] == f"D3:D{ROOM}"
    assert lists['"Applied,Matched,Completed,Ended early,Not matched,Withdrew"'] == f"C3:C{ROOM}"
    assert lists['"Mentor,Mentee"'] == f"B3:B{ROOM}"
    assert lists[f"'People'!$A$3:$A${ROOM}"] == f"B3:B{ROOM} C3:C{ROOM}"  # a pair's people, from People's IDs
    assert any("C1 Completed" in f for f in lists) and '"Yes,No"' in lists
    assert sheet.names_path == "kit/pair-tracker-names.xlsx"
    (tmp_path / "names.xlsx").write_bytes(names_xlsx(sheet))
    names_book = load_workbook(tmp_path / "names.xlsx")
    assert names_book.sheetnames == ["Names"]
    assert names_book["Names"].oddHeader.center.text == "Confidential"
    names = list(names_book["Names"].iter_rows(values_only=True))
    assert str(names[0][0]).endswith(
        "Delete it on Mon, Oct 16, 2028."
    )  # privacy.retention.names, after the 12-month check
    assert names[1] == ("ID", "Name", "Email", "Line manager", "Line manager's email")
    assert [r[0] for r in names[2:]] == [r[0] for r in rows[2:]]
    deletions = list(book["Deletions"].iter_rows(values_only=True))
    assert deletions[0] == ("Record", "Delete on", "Deleted on", "Deleted by") and len(deletions) == 7
    anonymous = next(r for r in deletions if str(r[0]).startswith("Anonymous answers"))  # the notice's row
    assert anonymous[1] == next(r for r in deletions if str(r[0]).startswith("Survey answers"))[1]
    assert not [r for r in deletions if str(r[0]).startswith("Your")]  # the program team's record, not a notice
    assert any("pair-tracker-names.xlsx" in str(r[0]) for r in deletions)


def test_overdue_stops_for_people_and_pairs_that_are_done_and_follows_the_role(sheet: TrackerSheet) -> None:
    """The rule as a spreadsheet evaluates it: due only while the row is active (a closing step:
    for anyone who took part), and a mentor's training only on a mentor's row."""
    from generator.sheets import overdue_rule

    people = {c.title: (get_column_letter(i), c) for i, c in enumerate(sheet.people.columns, start=1)}
    letter, column = people["Mentor training attended"]
    assert overdue_rule(sheet.people, column, letter) == (
        f'AND(OR($C3="Applied",$C3="Matched"),$B3="Mentor",ISBLANK({letter}3),TODAY()>{letter}$2)'
    )
    letter, column = people["Still here at 12 months"]
    assert overdue_rule(sheet.people, column, letter).startswith(
        'AND(OR($C3="Matched",$C3="Completed",$C3="Ended early"),ISBLANK('
    )
    pairs = {c.title: (get_column_letter(i), c) for i, c in enumerate(sheet.pairs.columns, start=1)}
    letter, column = pairs["Introduced on"]
    rule = overdue_rule(sheet.pairs, column, letter)
    assert '$D3="Meeting"' in rule and "Completed" not in rule and "Ended early" not in rule
    assert "Rematched" not in rule  # the old pair has ended; its new pair has a row of its own


def test_manager_approval_is_one_column_planned_on_the_day_the_message_asks_for(
    project: Project, sheet: TrackerSheet
) -> None:
    from generator.plan.program.kit import messages, run_sheet
    from generator.plan.program.timeline_text import timeline_date

    approvals = [c for c in (*sheet.people.columns, *sheet.pairs.columns) if "approv" in c.title.lower()]
    assert [c.title for c in approvals] == ["Manager approved"]  # one per person: each person's manager
    ask = next(m for m in messages(run_sheet(project)) if m.anchor == "manager-approval-1")
    planned = approvals[0].planned
    assert isinstance(planned, dt.date) and f"reply by {timeline_date(planned, 'en')}" in ask.body


def test_two_saves_seconds_apart_give_the_same_bytes(sheet: TrackerSheet) -> None:
    first = tracker_xlsx(sheet)
    time.sleep(2.1)  # zip times count in two-second steps
    assert tracker_xlsx(sheet) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_the_csvs_have_the_same_columns_and_planned_dates(sheet: TrackerSheet, example_plan: Plan) -> None:
    for path, table in ((PEOPLE_CSV, sheet.people), (TRACKER_CSV, sheet.pairs)):
        data = example_plan.site.files[path]
        assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == [c.title for c in table.columns]
        assert rows[1][1:] == [
            c.planned.isoformat() if isinstance(c.planned, dt.date) else str(c.planned or "") for c in table.columns[1:]
        ]
        assert len(rows) == 2 + len(table.rows)
    people = list(csv.reader(io.StringIO(example_plan.site.files[PEOPLE_CSV].decode("utf-8-sig"))))
    assert people[2][:2] == ["ID-001", ""] and len(people) == 102


class Milestone(NamedTuple):
    title: str
    date: dt.date


def _milestones(project: Project) -> tuple[Dated, ...]:
    """The tracker's date columns: the schedule's milestones and moments, each once (plan/program/moments.py)."""
    dates = kit_dates(project)
    assert dates is not None and len(dates.milestones) >= 6
    return dates.milestones
