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

from generator.plan import Plan
from generator.plan.kit_pages import TRACKER_CSV, TRACKER_XLSX
from generator.plan.moments import Dated, kit_dates
from generator.plan.tracker import ROWS, TrackerSheet
from generator.read.project import Project
from generator.sheets import tracker_xlsx

HEAD = ["Pair", "Mentor", "Mentee", "Matched on", "Status"]
TAIL = ["Last check-in", "Notes (no personal details)"]


@pytest.fixture
def project(example_project: Project) -> Project:
    return example_project


@pytest.fixture
def sheet(example_plan: Plan) -> TrackerSheet:
    (tracker,) = example_plan.site.sheets
    return tracker


def test_the_tracker_opens_with_its_columns_a_row_per_pair_and_the_schedules_dates(
    project: Project, sheet: TrackerSheet, tmp_path: Path
) -> None:
    assert sheet.path == TRACKER_XLSX
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_xlsx(sheet))
    book = load_workbook(path)
    table = book.active
    assert table is not None and table.title == "Pair tracker"
    rows = list(table.iter_rows(values_only=True))
    milestones = [Milestone(m.title, m.day) for m in _milestones(project)]
    assert list(rows[0]) == [*HEAD, *(m.title for m in milestones), *TAIL]
    planned = rows[1][len(HEAD) : len(HEAD) + len(milestones)]
    assert [d.date() for d in planned if isinstance(d, dt.datetime)] == [m.date for m in milestones]
    assert rows[1][0] == "Planned"
    assert [r[0] for r in rows[2:]] == list(range(1, ROWS + 1)) and ROWS == 30
    (rule,) = table.data_validations.dataValidation
    assert rule.type == "list" and str(rule.sqref) == f"E3:E{ROWS + 2}"
    assert rule.formula1 == '"Matched,Meeting,Paused,Rematched,Ended early,Completed"'
    assert table.freeze_panes == "B3"


def test_two_saves_seconds_apart_give_the_same_bytes(sheet: TrackerSheet) -> None:
    first = tracker_xlsx(sheet)
    time.sleep(2.1)  # zip times count in two-second steps
    assert tracker_xlsx(sheet) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_the_csv_has_the_same_columns_and_planned_dates(project: Project, example_plan: Plan) -> None:
    data = example_plan.site.files[TRACKER_CSV]
    assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    milestones = [Milestone(m.title, m.day) for m in _milestones(project)]
    assert rows[0] == [*HEAD, *(m.title for m in milestones), *TAIL]
    assert rows[1][len(HEAD) : len(HEAD) + len(milestones)] == [m.date.isoformat() for m in milestones]
    assert len(rows) == ROWS + 2


class Milestone(NamedTuple):
    title: str
    date: dt.date


def _milestones(project: Project) -> tuple[Dated, ...]:
    """The tracker's date columns: the schedule's milestones and moments, each once (plan/moments.py)."""
    dates = kit_dates(project)
    assert dates is not None and len(dates.milestones) >= 6
    return dates.milestones
