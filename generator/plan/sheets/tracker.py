"""The pair tracker (pure): a row per pair (or group: one mentor and `group_size` mentees), a
column per step the program records (each person's consent, approval, training, check-ins, mid-point answer, exit conversation, forms
returned and retention), the run-sheet's planned date under each heading, as CSV bytes and as
a planned .xlsx workbook (sheets.py writes it).

People appear only by pseudonymous ID (`ID-001`); their names are on a separate names sheet,
deleted on the day the profile's `privacy.retention.names` says, after the 12-month retention
check. The outcome columns then stay, and can no longer be traced to anyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from generator.cells import csv_bytes
from generator.models.project import Project
from generator.plan.program.kit import Step, run_sheet
from generator.plan.program.moments import Dated, kit_dates
from generator.plan.program.timeline import timeline_date

SPARE = 10  # rows beyond `program.size`, for rematches and late joiners
UNSIZED = 30  # rows when the profile gives no size
ROOM = 500  # the last row that lists, formats and highlights apply to: room to add rows
STATUSES = ("matched", "meeting", "paused", "rematched", "ended_early", "completed")
CONTINUE = ("continue", "change", "end")
CLOSURE = ("completed", "goals_met", "time", "left", "role_change", "poor_fit", "conduct", "other")
YES_NO = ("yes", "no")
Kind = Literal["id", "status", "date", "count", "continue", "closure", "yes_no", "text"]


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = "date"
    planned: dt.date | int | None = None  # the run-sheet's day (or the meetings planned), under the heading
    width: int = 14


def person_id(n: int) -> str:
    """The pseudonymous ID of the n-th person (1-based): the forms ask for it instead of a name."""
    return f"ID-{n:03d}"


def mentees(project: Project) -> int:
    """Mentees a row holds: one in a pair, `group_size` in a group."""
    program = project.organization.program
    return program.group_size if program and program.format == "group" and program.group_size else 1


def row_ids(n: int, members: int) -> tuple[str, ...]:
    """The IDs of row n's people, its mentor first: pair 1 is ID-001 and ID-002, pair 2 ID-003
    and ID-004; a group of four mentees takes five IDs a row."""
    first = (members + 1) * (n - 1) + 1
    return tuple(person_id(first + k) for k in range(members + 1))


def roles(project: Project) -> tuple[str, ...]:
    """The role of each person in a row, as the headings and the names sheet say it."""
    labels, members = project.labels, mentees(project)
    if members == 1:
        return (labels["tracker_mentor"], labels["tracker_mentee"])
    return (labels["tracker_mentor"], *(f"{labels['tracker_mentee']} {k}" for k in range(1, members + 1)))


def rows(project: Project) -> int:
    program = project.organization.program
    return program.size + SPARE if program and program.size else UNSIZED


def tracker_columns(project: Project) -> tuple[Column, ...]:
    labels = project.labels
    first = _first_days(run_sheet(project))
    last = _last_days(run_sheet(project))

    people = roles(project)

    def both(key: str, day: dt.date | None, kind: Kind = "date") -> list[Column]:
        return [Column(f"{labels[key]} ({role})", kind, day) for role in people]

    ids = [labels["tracker_mentor_id"], labels["tracker_mentee_id"]]
    if len(people) > 2:
        ids = [labels["tracker_mentor_id"], *(f"{labels['tracker_mentee_id']} {k}" for k in range(1, len(people)))]
    head = [
        Column(labels["tracker_pair"], "id", width=8),
        *(Column(title, "id", width=10) for title in ids),
        Column(labels["tracker_status"], "status", width=14),
        Column(labels["tracker_conflict_check"], planned=first.get("match")),
        *both("tracker_consent", first.get("confirm-managers")),
        *both("tracker_manager_approval", first.get("introduce")),
        Column(labels["tracker_trained"], planned=last.get("train")),
        Column(labels["tracker_oriented"], planned=last.get("orient")),
        Column(labels["tracker_matched"], planned=first.get("introduce")),
        *both("tracker_start_form", first.get("start-survey-close")),
    ]
    checks = [s.day for s in run_sheet(project) if s.task.id == "check-in-chase"]
    check_ins = [c for n, day in enumerate(checks, 1) for c in both_n(labels, people, n, day)]
    milestones = [Column(m.title, planned=m.day) for m in _pair_milestones(project)]
    dates = kit_dates(project)
    tail = [
        *both("tracker_continue", first.get("midpoint-survey-close"), "continue"),
        Column(labels["tracker_meetings"], "count", dates.meetings if dates else None, 10),
        Column(labels["tracker_rematched"], planned=None),
        Column(labels["tracker_closed"], planned=None),
        Column(labels["tracker_closure_reason"], "closure", width=16),
        *both("tracker_exit", first.get("end-survey-close")),
        *both("tracker_end_form", first.get("end-survey-close")),
        *both("tracker_still_6", first.get("retention-6"), "yes_no"),
        *both("tracker_still_12", first.get("retention-12"), "yes_no"),
        Column(labels["tracker_notes"], "text", width=40),
    ]
    return (*head, *check_ins, *milestones, *tail)


def both_n(labels: Mapping[str, str], people: tuple[str, ...], n: int, day: dt.date | None) -> list[Column]:
    return [Column(f"{labels['tracker_check_in']} {n} ({role})", planned=day) for role in people]


def _first_days(steps: tuple[Step, ...]) -> dict[str, dt.date]:
    days: dict[str, dt.date] = {}
    for step in steps:
        if step.day:
            days.setdefault(step.task.id, step.day)
    return days


def _last_days(steps: tuple[Step, ...]) -> dict[str, dt.date]:
    return {step.task.id: step.day for step in steps if step.day}


def _pair_milestones(project: Project) -> list[Dated]:
    """The milestones a pair reaches (the agreement, goals shared), not events with a time of
    their own that everyone attends (a lunch, a celebration)."""
    program, dates = project.organization.program, kit_dates(project)
    if program is None or dates is None:
        return []
    gatherings = {m.name for m in program.milestones if m.time}
    moments = {e.title for e in project.events if e.moment in ("kickoff", "celebration")}
    return [m for m in dates.milestones if m.title not in gatherings | moments]


def choices(project: Project) -> dict[Kind, tuple[str, ...]]:
    labels = project.labels
    return {
        "status": tuple(labels[f"status_{s}"] for s in STATUSES),
        "continue": tuple(labels[f"continue_{s}"] for s in CONTINUE),
        "closure": tuple(labels[f"closure_{s}"] for s in CLOSURE),
        "yes_no": tuple(labels[f"tracker_{s}"] for s in YES_NO),
    }


def statuses(project: Project) -> tuple[str, ...]:
    return choices(project)["status"]


def _planned(column: Column) -> object:
    return column.planned.isoformat() if isinstance(column.planned, dt.date) else (column.planned or "")


def tracker_csv(project: Project, columns: tuple[Column, ...]) -> bytes:
    """Headings, the planned dates (year-month-day, which every spreadsheet reads as a date),
    then a row per pair with its people's IDs (no names: they are only in the workbook's names sheet)."""
    head = [c.title for c in columns]
    planned = [project.labels["tracker_planned"], *(_planned(c) for c in columns[1:])]
    members = mentees(project)
    body = [[n, *row_ids(n, members), *("" for _ in columns[members + 2 :])] for n in range(1, rows(project) + 1)]
    return csv_bytes([head, planned, *body])


@dataclass(frozen=True)
class TrackerSheet:
    """The .xlsx tracker as planned; sheets.py writes it (openpyxl saves through temporary files,
    so the workbook is made by the write stage, not here)."""

    path: str  # relative to the docs folder
    title: str  # the tracker sheet's tab
    columns: tuple[Column, ...]
    planned: str  # the label of the row of planned dates
    choices: dict[Kind, tuple[str, ...]]  # each list column's choices
    ended: tuple[str, ...]  # statuses whose rows are no longer highlighted
    rows: int
    names_title: str  # the names sheet's tab
    names_note: str  # its first line: when it is deleted
    names_columns: tuple[str, ...]
    roles: tuple[str, ...]  # each person's role in a row, mentor first, for the names sheet
    built: dt.datetime  # every zip entry's time, and the workbook's created and modified


def names_deleted(project: Project) -> dt.date | None:
    return next((s.day for s in run_sheet(project) if s.task.record == "names"), None)


def tracker_sheet(project: Project, columns: tuple[Column, ...], path: str) -> TrackerSheet:
    labels = project.labels
    deleted = names_deleted(project)
    note = labels["tracker_names_note"]
    if deleted:
        note += " " + labels["tracker_names_delete_on"] + " " + timeline_date(deleted, project.organization.language)
    return TrackerSheet(
        path,
        labels["kit_tracker"][:31],  # the longest name a sheet may have
        columns,
        labels["tracker_planned"],
        choices(project),
        (labels["status_ended_early"], labels["status_completed"]),
        rows(project),
        labels["tracker_names"][:31],
        note,
        tuple(
            labels[f"tracker_names_{c}"] for c in ("id", "role", "pair", "name", "email", "manager", "manager_email")
        ),
        roles(project),
        project.built.replace(tzinfo=None, microsecond=0),
    )
