"""The tracker (pure): the workbook a program manager runs the program from, as the program
knows its people at each time. sheets.py writes it.

- **People**: a row per person, from their application on, under a pseudonymous program ID
  (`ID-001`) given in the order applications arrive; a column per step the program records for
  a person (manager's approval, conflict check, consent, training or orientation, each check-in,
  the mid-point answer, exit conversation, forms returned, retention checks).
- **Pairs** (or groups): a row per pair, formed at matching: its number, its people's IDs
  (chosen from the People sheet's), its status, milestones, meetings held, closure.
- **Names**, a workbook of its own (so no copy of the tracker carries them): the one link from
  an ID to a person (and their line manager), deleted on the day
  the profile's `privacy.retention.names` says, after the 12-month retention check; the outcome
  columns then stay, and can no longer be traced to anyone.
- **Deletions**: each kind of record, the day the run-sheet deletes it, and who did.

Under each heading, the run-sheet's planned day; a step still empty after it is highlighted
while the person or pair is active (not ended, completed, withdrawn or not matched).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from generator.cells import csv_bytes
from generator.models.project import Project
from generator.plan.paths import NAMES_XLSX, TRACKER_XLSX
from generator.plan.program.kit import Step, asked_milestones, run_sheet
from generator.plan.program.moments import kit_dates, pair_meetings
from generator.plan.program.timeline_text import timeline_date

SPARE = 10  # pairs beyond `program.size`, for rematches and late joiners
UNSIZED = 30  # pairs when the profile gives no size
ROOM = 500  # the last row that lists, formats and highlights apply to: room to add rows
STATUSES = ("matched", "meeting", "paused", "rematched", "ended_early", "completed")  # a pair's
PAIR_ACTIVE = ("matched", "meeting", "paused")  # a rematched pair has ended: its new pair is a row of its own
PERSON_STATUSES = ("applied", "matched", "completed", "ended_early", "not_matched", "withdrawn")
PERSON_ACTIVE = ("applied", "matched")  # a step before the end is due only for these
TOOK_PART = ("matched", "completed", "ended_early")  # a closing step (exit, retention) is due for these
CONTINUE = ("continue", "change", "end")
CLOSURE = ("completed", "goals_met", "time", "left", "role_change", "poor_fit", "conduct", "other")
YES_NO = ("yes", "no")
RECORDS = ("applications", "next_round", "notes", "names", "responses")
Kind = Literal[
    "id",
    "number",
    "role",
    "status",
    "person_status",
    "member",
    "date",
    "count",
    "continue",
    "closure",
    "yes_no",
    "text",
]


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = "date"
    planned: dt.date | int | None = None  # the run-sheet's day (or the meetings planned), under the heading
    width: int = 14
    role: str | None = None  # due only on rows of this role (a mentor's training, a mentee's orientation)
    closing: bool = False  # due after the end too, for everyone who took part (exit, forms, retention)


@dataclass(frozen=True)
class Table:
    """One sheet of rows: its columns and each row's pre-filled first cells."""

    title: str  # the sheet's tab
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    active: tuple[str, ...]  # statuses a step is due for
    took_part: tuple[str, ...]  # statuses a closing step is due for


def person_id(n: int) -> str:
    """The pseudonymous ID of the n-th applicant (1-based): the forms ask for it instead of a name."""
    return f"ID-{n:03d}"


def mentees(project: Project) -> int:
    """Mentees a row holds: one in a pair, `group_size` in a group."""
    program = project.organization.program
    return program.group_size if program and program.format == "group" and program.group_size else 1


def rows(project: Project) -> int:
    """The pairs (or groups) the Pairs sheet has rows for: the program's size plus spares."""
    program = project.organization.program
    return program.size + SPARE if program and program.size else UNSIZED


def people(project: Project) -> int:
    """The People sheet's numbered rows: everyone the Pairs sheet's rows could hold."""
    return rows(project) * (mentees(project) + 1)


def _first_days(steps: tuple[Step, ...]) -> dict[str, dt.date]:
    days: dict[str, dt.date] = {}
    for step in steps:
        if step.day:
            days.setdefault(step.task.id, step.day)
    return days


def _last_days(steps: tuple[Step, ...]) -> dict[str, dt.date]:
    return {step.task.id: step.day for step in steps if step.day}


def people_columns(project: Project) -> tuple[Column, ...]:
    """A person's steps, each planned on the day the run-sheet expects it done."""
    labels, steps = project.labels, run_sheet(project)
    first, last = _first_days(steps), _last_days(steps)
    check_ins = [s.day for s in steps if s.task.id == "check-in"]
    dates = kit_dates(project)
    return (
        Column(labels["tracker_person"], "id", width=10),
        Column(labels["tracker_names_role"], "role", width=10),
        Column(labels["tracker_status"], "person_status", width=14),
        Column(labels["tracker_applied"], planned=first.get("screen")),
        Column(labels["tracker_manager_approval"], planned=first.get("approvals-due")),
        Column(labels["tracker_conflict_check"], planned=first.get("match")),  # the match check's two rules
        Column(labels["tracker_consent"], planned=first.get("confirm-managers")),
        Column(labels["tracker_pair"], "number", width=8),
        Column(labels["tracker_trained"], planned=last.get("train"), role=labels["tracker_mentor"]),
        Column(labels["tracker_oriented"], planned=last.get("orient"), role=labels["tracker_mentee"]),
        Column(labels["tracker_kickoff"], planned=dates.kickoff if dates else None),
        Column(labels["tracker_start_form"], planned=first.get("start-survey-close")),
        *(Column(f"{labels['tracker_check_in']} {n}", planned=day) for n, day in enumerate(check_ins, 1)),
        Column(
            labels["tracker_continue"], "continue", first.get("midpoint-survey-close")
        ),  # the conversations' last day
        Column(labels["tracker_exit"], planned=first.get("close"), closing=True),  # the exit conversations' last day
        Column(labels["tracker_end_form"], planned=first.get("end-survey-close"), closing=True),
        Column(labels["tracker_still_6"], "yes_no", first.get("retention-6"), closing=True),
        Column(labels["tracker_still_12"], "yes_no", first.get("retention-12"), closing=True),
        Column(labels["tracker_notes"], "text", width=40),
    )


ARTICLES = {"en": "The ", "es": "La "}  # a heading names the thing, without the article a title opens with


def heading(title: str, project: Project) -> str:
    """A milestone's column heading: "Mid-point review", not the session's "The mid-point review"."""
    article = ARTICLES.get(project.organization.language, "")
    if article and title.startswith(article) and len(title) > len(article):
        rest = title[len(article) :]
        return rest[0].upper() + rest[1:]
    return title


def pair_columns(project: Project) -> tuple[Column, ...]:
    """A pair's (or group's) record: formed at matching, its people by ID."""
    labels, steps = project.labels, run_sheet(project)
    first = _first_days(steps)
    members = mentees(project)
    ids = (
        [labels["tracker_mentee_id"]]
        if members == 1
        else [f"{labels['tracker_mentee_id']} {k}" for k in range(1, members + 1)]
    )
    return (
        Column(labels["tracker_pair"], "number", width=8),
        Column(labels["tracker_mentor_id"], "member", width=10),
        *(Column(title, "member", width=10) for title in ids),
        Column(labels["tracker_status"], "status", width=14),
        Column(labels["tracker_matched"], planned=first.get("introduce")),
        *(
            Column(heading(m.title, project), planned=m.day) for m in asked_milestones(project, steps)
        ),  # the check-ins ask for them
        Column(labels["tracker_meetings"], "count", pair_meetings(project), 10),  # the pair's own, as the check-in asks
        Column(labels["tracker_rematched"], planned=None),
        Column(labels["tracker_closed"], planned=None),
        Column(labels["tracker_closure_reason"], "closure", width=16),
        Column(labels["tracker_notes"], "text", width=40),
    )


def tracker_columns(project: Project) -> tuple[Column, ...]:
    """Every column a manager fills in, People's then Pairs' (the kit's page lists them)."""
    return (*people_columns(project), *pair_columns(project))


def choices(project: Project) -> dict[str, tuple[str, ...]]:
    labels = project.labels
    return {
        "role": (labels["tracker_mentor"], labels["tracker_mentee"]),
        "status": tuple(labels[f"status_{s}"] for s in STATUSES),
        "continue": tuple(labels[f"continue_{s}"] for s in CONTINUE),
        "closure": tuple(labels[f"closure_{s}"] for s in CLOSURE),
        "yes_no": tuple(labels[f"tracker_{s}"] for s in YES_NO),
    }


def person_statuses(project: Project) -> tuple[str, ...]:
    return tuple(project.labels[f"person_{s}"] for s in PERSON_STATUSES)


def statuses(project: Project) -> tuple[str, ...]:
    return choices(project)["status"]


def _planned(column: Column) -> object:
    return column.planned.isoformat() if isinstance(column.planned, dt.date) else (column.planned or "")


def table_csv(table: Table, planned: str) -> bytes:
    """Headings, the planned dates (year-month-day, which every spreadsheet reads as a date),
    then the rows' pre-filled cells (IDs, pair numbers: never a name)."""
    head = [c.title for c in table.columns]
    dates = [planned, *(_planned(c) for c in table.columns[1:])]
    body = [[*row, *("" for _ in table.columns[len(row) :])] for row in table.rows]
    return csv_bytes([head, dates, *body])


@dataclass(frozen=True)
class TrackerSheet:
    """The .xlsx tracker as planned; sheets.py writes it (openpyxl saves through temporary files,
    so the workbook is made by the write stage, not here)."""

    path: str  # relative to the docs folder
    people: Table
    pairs: Table
    planned: str  # the label of the row of planned dates
    choices: Mapping[str, tuple[str, ...]]  # each list column's choices, by its kind
    names_path: str  # the names' own workbook (deleted whole on the retention date)
    names_title: str  # the names sheet's tab
    names_note: str  # its first line: when it is deleted
    names_columns: tuple[str, ...]
    deletions_title: str
    deletions_columns: tuple[str, ...]
    deletions: tuple[tuple[str, dt.date], ...]  # each record's label and the run-sheet's day
    built: dt.datetime  # every zip entry's time, and the workbook's created and modified
    header: str  # printed at the top of each page ("Confidential")
    page: str  # the footer's word before the page number


def names_deleted(project: Project) -> dt.date | None:
    return next((s.day for s in run_sheet(project) if s.task.record == "names"), None)


def plan_tables(project: Project) -> tuple[Table, Table]:
    labels = project.labels
    active = tuple(labels[f"person_{s}"] for s in PERSON_ACTIVE)
    took_part = tuple(labels[f"person_{s}"] for s in TOOK_PART)
    persons = Table(
        labels["tracker_people"][:31],  # the longest name a sheet may have
        people_columns(project),
        tuple((person_id(n),) for n in range(1, people(project) + 1)),
        active,
        took_part,
    )
    pair_active = tuple(labels[f"status_{s}"] for s in PAIR_ACTIVE)
    pairs = Table(
        labels["tracker_pairs"][:31],
        pair_columns(project),
        tuple((n,) for n in range(1, rows(project) + 1)),
        pair_active,
        pair_active,
    )
    return persons, pairs


def tracker_sheet(project: Project, path: str) -> TrackerSheet:
    labels = project.labels
    deleted = names_deleted(project)
    note = labels["tracker_names_note"]
    if deleted:
        day = timeline_date(deleted, project.organization.language)
        note += " " + labels["tracker_names_delete_on"].format(date=day)
    persons, pairs = plan_tables(project)
    records: dict[str, dt.date] = {s.task.record: s.day for s in run_sheet(project) if s.task.record and s.day}
    return TrackerSheet(
        path,
        persons,
        pairs,
        labels["tracker_planned"],
        {**choices(project), "person_status": person_statuses(project)},
        NAMES_XLSX if path == TRACKER_XLSX else path.removesuffix(".xlsx") + "-names.xlsx",
        labels["tracker_names"][:31],
        note,
        tuple(labels[f"tracker_names_{c}"] for c in ("id", "name", "email", "manager", "manager_email")),
        labels["tracker_deletions"][:31],
        tuple(labels[f"tracker_deletions_{c}"] for c in ("record", "planned", "done", "by")),
        _deletions(labels, records),
        project.built.replace(tzinfo=None, microsecond=0),
        labels["tracker_header"],
        labels["tracker_page"],
    )


def _deletions(labels: Mapping[str, str], records: Mapping[str, dt.date]) -> tuple[tuple[str, dt.date], ...]:
    """Each kind of record on the day the run-sheet deletes it; the anonymous answers last, with
    the answers that carry an ID (as the privacy notice keeps them)."""
    rows = [(labels[f"tracker_deletion_{r}"], records[r]) for r in RECORDS if r in records]
    anonymous = [(labels["tracker_deletion_anonymous"], records["responses"])] if "responses" in records else []
    return (*rows, *anonymous)


def tracker_sheets_md(sheet: TrackerSheet) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each sheet's tab and column titles, as the kit's tracker page lists them."""
    return (
        (sheet.people.title, tuple(c.title for c in sheet.people.columns)),
        (sheet.pairs.title, tuple(c.title for c in sheet.pairs.columns)),
        (sheet.names_title, sheet.names_columns),
        (sheet.deletions_title, sheet.deletions_columns),
    )
