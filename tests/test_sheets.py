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
from generator.plan.paths import TRACKER_CSV, TRACKER_XLSX
from generator.plan.program.moments import Dated, kit_dates
from generator.plan.sheets.tracker import ROOM, TrackerSheet
from generator.sheets import tracker_xlsx

HEAD = ["Pair", "Mentor ID", "Mentee ID", "Status", "Conflict check"]
ASKED = [  # the columns, each person's apart
    "Agreed to match (Mentor)",
    "Agreed to match (Mentee)",
    "Manager approved (Mentor)",
    "Manager approved (Mentee)",
    "Mentor trained",
    "Mentee oriented",
    "Check-in 1 (Mentor)",
    "Check-in 1 (Mentee)",
    "Mid-point continue? (Mentor)",
    "Meetings held",
    "Rematched on",
    "Closure reason",
    "Exit conversation (Mentee)",
    "Start form returned (Mentor)",
    "End forms returned (Mentee)",
    "Still here at 12 months (Mentee)",
]


@pytest.fixture
def project(example_project: Project) -> Project:
    return example_project


@pytest.fixture
def sheet(example_plan: Plan) -> TrackerSheet:
    (tracker,) = example_plan.site.sheets
    return tracker


def test_the_tracker_opens_as_a_managers_spreadsheet(project: Project, sheet: TrackerSheet, tmp_path: Path) -> None:
    """Opened with openpyxl as a spreadsheet program reads it: 40 pairs and spares, the issue's
    columns, a list, a date format and the overdue highlight on every row, a filter, frozen
    headings, landscape one page wide, and the names on a sheet of their own."""
    assert sheet.path == TRACKER_XLSX
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_xlsx(sheet))
    book = load_workbook(path)
    assert book.sheetnames == ["Pair tracker", "Names"]
    table = book["Pair tracker"]
    rows = list(table.iter_rows(values_only=True))
    heads = list(rows[0])
    assert heads[: len(HEAD)] == HEAD and set(ASKED) <= set(heads)
    assert "Mentors' lunch" not in heads and "Mentor" not in heads and "Name" not in heads
    assert rows[1][0] == "Planned"
    body = rows[2:]
    assert len(body) == 50 >= 40  # program.size 40, plus spares
    assert [r[:3] for r in body[:2]] == [(1, "ID-001", "ID-002"), (2, "ID-003", "ID-004")]
    milestones = [m for m in _milestones(project) if m.title in heads]
    assert "Mentoring agreement signed" in [m.title for m in milestones]
    for m in milestones:
        planned = rows[1][heads.index(m.title)]
        assert isinstance(planned, dt.datetime) and planned.date() == m.day
    last = 2 + len(body)
    dated = [i + 1 for i, c in enumerate(sheet.columns) if c.kind == "date"]
    for column in dated:
        letter = get_column_letter(column)
        assert all(table[f"{letter}{r}"].number_format == "yyyy-mm-dd" for r in range(2, last + 1)), letter
    lists = {str(v.formula1): str(v.sqref) for v in table.data_validations.dataValidation if v.type == "list"}
    status = lists['"Matched,Meeting,Paused,Rematched,Ended early,Completed"']
    assert status == f"D3:D{ROOM}" and last < ROOM  # every row, and rows added below
    assert any("C1 Completed" in f for f in lists) and any(f == '"Yes,No"' for f in lists)
    highlighted = {str(r.sqref): r for r in table.conditional_formatting}
    planned_columns = [i + 1 for i, c in enumerate(sheet.columns) if isinstance(c.planned, dt.date)]
    assert len(planned_columns) >= 30
    for column in planned_columns:
        letter = get_column_letter(column)
        (rule,) = highlighted[f"{letter}3:{letter}{ROOM}"].rules
        assert rule.formula == [
            f'AND($D3<>"",$D3<>"Ended early",$D3<>"Completed",ISBLANK({letter}3),TODAY()>{letter}$2)'
        ]
    assert table.freeze_panes == "B3" and table.auto_filter.ref == f"A1:{get_column_letter(len(heads))}{last}"
    assert table.page_setup.orientation == "landscape" and table.page_setup.fitToWidth == 1
    assert table.page_setup.fitToHeight == 0 and table.sheet_properties.pageSetUpPr.fitToPage
    names = book["Names"]
    named = list(names.iter_rows(values_only=True))
    assert "Delete it on Mon, Oct 16, 2028" in str(named[0][0])  # privacy.retention.names, after the 12-month check
    assert named[1][:4] == ("ID", "Role", "Pair", "Name")
    assert named[2][:3] == ("ID-001", "Mentor", 1) and len(named) == 2 + 2 * len(body)
    del book["Names"]  # what the retention date asks: the outcome columns stay
    book.save(tmp_path / "after.xlsx")
    kept = load_workbook(tmp_path / "after.xlsx")
    assert kept.sheetnames == ["Pair tracker"] and kept["Pair tracker"]["B3"].value == "ID-001"


def test_two_saves_seconds_apart_give_the_same_bytes(sheet: TrackerSheet) -> None:
    first = tracker_xlsx(sheet)
    time.sleep(2.1)  # zip times count in two-second steps
    assert tracker_xlsx(sheet) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_the_csv_has_the_same_columns_and_planned_dates(sheet: TrackerSheet, example_plan: Plan) -> None:
    data = example_plan.site.files[TRACKER_CSV]
    assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [c.title for c in sheet.columns]
    assert rows[1][1:] == [
        c.planned.isoformat() if isinstance(c.planned, dt.date) else str(c.planned or "") for c in sheet.columns[1:]
    ]
    assert len(rows) == 52 and rows[2][:3] == ["1", "ID-001", "ID-002"]


class Milestone(NamedTuple):
    title: str
    date: dt.date


def _milestones(project: Project) -> tuple[Dated, ...]:
    """The tracker's date columns: the schedule's milestones and moments, each once (plan/program/moments.py)."""
    dates = kit_dates(project)
    assert dates is not None and len(dates.milestones) >= 6
    return dates.milestones
