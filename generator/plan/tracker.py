"""The pair tracker (pure): one row per pair, the program's milestones as date columns, as CSV
bytes and as a planned .xlsx workbook (sheets.py writes it) with a list to choose each pair's
status from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.cells import csv_bytes
from generator.plan.moments import kit_dates
from generator.read.project import Project

ROWS = 30  # empty rows to fill in; more can be added below
STATUSES = ("matched", "meeting", "paused", "rematched", "ended_early", "completed")


@dataclass(frozen=True)
class Column:
    title: str
    planned: dt.date | None = None  # a milestone's day, shown in the row under the headings
    width: int = 16


def tracker_columns(project: Project) -> tuple[Column, ...]:
    labels = project.labels
    dates = kit_dates(project)
    head = [
        Column(labels["tracker_pair"], width=8),
        Column(labels["tracker_mentor"], width=22),
        Column(labels["tracker_mentee"], width=22),
        Column(labels["tracker_matched"]),
        Column(labels["tracker_status"]),
    ]
    milestones = [Column(m.title, m.day, 18) for m in dates.milestones] if dates else []
    tail = [Column(labels["tracker_last_check_in"]), Column(labels["tracker_notes"], width=40)]
    return (*head, *milestones, *tail)


def statuses(project: Project) -> tuple[str, ...]:
    return tuple(project.labels[f"status_{s}"] for s in STATUSES)


def tracker_csv(project: Project, columns: tuple[Column, ...]) -> bytes:
    """Headings, the planned dates (year-month-day, which every spreadsheet reads as a date),
    then a numbered empty row per pair."""
    head = [c.title for c in columns]
    planned = [project.labels["tracker_planned"], *(c.planned.isoformat() if c.planned else "" for c in columns[1:])]
    return csv_bytes([head, planned, *([n, *("" for _ in columns[1:])] for n in range(1, ROWS + 1))])


@dataclass(frozen=True)
class TrackerSheet:
    """The .xlsx tracker as planned; sheets.py writes it (openpyxl saves through temporary files,
    so the workbook is made by the write stage, not here)."""

    path: str  # relative to the docs folder
    title: str  # the sheet's tab
    columns: tuple[Column, ...]
    planned: str  # the label of the row of planned dates
    statuses: tuple[str, ...]  # the choices for the status column
    status_column: int  # 1-based
    date_columns: tuple[int, ...]  # 1-based: the planned dates and the day a pair was matched
    rows: int
    built: dt.datetime  # every zip entry's time, and the workbook's created and modified


def tracker_sheet(project: Project, columns: tuple[Column, ...], path: str) -> TrackerSheet:
    dates = (4, *(n for n, c in enumerate(columns, start=1) if c.planned))  # 4: matched on
    return TrackerSheet(
        path,
        project.labels["kit_tracker"][:31],  # the longest name a sheet may have
        columns,
        project.labels["tracker_planned"],
        statuses(project),
        5,
        tuple(sorted(dates)),
        ROWS,
        project.built.replace(tzinfo=None, microsecond=0),
    )
