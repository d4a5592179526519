"""A form as an XLSForm: the spreadsheet KoboToolbox, ODK Central and Enketo import.

Sheets `survey` (one row per question), `choices` (each list's answers) and `settings` (the
form's id and a version that only increases, from the build's date: `xlsform_version`). Two
`calculate` rows, `mentorbook_form` and `mentorbook_version`, put the form's own id and
version into every submission, so that a survey tool's CSV export tells `results` what each
row answers. Choice names are made from their labels (an export
may hold either; results reads both). The .xlsx itself is made by `generator/sheets.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from generator.plan.program.forms import ID_ITEM, ID_PATTERN, Form, FormItem

FORM_COLUMN, VERSION_COLUMN = "mentorbook_form", "mentorbook_version"
SURVEY_COLUMNS = (
    "type",
    "name",
    "label",
    "hint",
    "appearance",
    "calculation",
    "required",
    "constraint",
    "constraint_message",
)
_TYPES = {"short_text": "text", "long_text": "text"}
THEN_GROUP = "looking_back"  # the retrospective ratings' group: `looking_back/then_<id>` in a Kobo export


def choice_names(answers: tuple[str, ...]) -> tuple[str, ...]:
    """A name per answer, from its letters (`Partly agree` -> `partly_agree`), unique in its
    list; `a3` for the third where no Latin letter or digit is left."""
    names: list[str] = []
    for number, answer in enumerate(answers, start=1):
        name = "_".join(re.findall(r"[a-z0-9]+", answer.lower()))[:30] or f"a{number}"
        if not name[0].isalpha():
            name = f"a{name}"
        names.append(name if name not in names else f"{name}_{number}")
    return tuple(names)


def list_name(item: FormItem) -> str:
    return f"{item.id}_answers"


def survey_rows(form: Form, labels: Mapping[str, str]) -> list[tuple[str, ...]]:
    """The form's rows: its id and version, how it is collected (a note), the program ID
    on a named form (no spaces: a name is refused), the questions; the "then" ratings in a
    group of their own."""
    rows: list[tuple[str, ...]] = [
        _row("calculate", FORM_COLUMN, calculation=f"'{form.id}'"),
        _row("calculate", VERSION_COLUMN, calculation=f"'{form.version}'"),
        _row("note", "how_collected", f"{labels['how_collected']}: {form.instrument.collection}"),
    ]
    if not form.instrument.anonymous:
        rows.append(
            _row(
                "text",
                ID_ITEM,
                labels["participant_id"],
                labels["participant_id_help"],
                required="yes",
                constraint=f"regex(., '{ID_PATTERN}')",
                constraint_message=labels["participant_id_help"],
            )
        )
    group_open = False
    for item in form.items:
        if item.section == "then" and not group_open:
            intro = form.instrument.skills.then_intro if form.instrument.skills else ""
            rows += [_row("begin_group", THEN_GROUP, labels["looking_back"]), _row("note", "then_intro", intro)]
            group_open = True
        elif item.section != "then" and group_open:
            rows.append(_row("end_group", THEN_GROUP))
            group_open = False
        kind = _TYPES.get(item.kind, f"select_one {list_name(item)}")
        appearance = "multiline" if item.kind == "long_text" else ""
        rows.append(_row(kind, item.id, item.label, item.help or "", appearance))
    if group_open:
        rows.append(_row("end_group", THEN_GROUP))
    return rows


def _row(kind: str, name: str, label: str = "", hint: str = "", appearance: str = "", **more: str) -> tuple[str, ...]:
    values = {"type": kind, "name": name, "label": label, "hint": hint, "appearance": appearance, **more}
    return tuple(values.get(column, "") for column in SURVEY_COLUMNS)


def choice_rows(form: Form) -> list[tuple[str, ...]]:
    return [
        (list_name(item), name, answer)
        for item in form.items
        if item.answers
        for name, answer in zip(choice_names(item.answers), item.answers, strict=True)
    ]


@dataclass(frozen=True)
class Spreadsheet:
    """An .xlsx as values: its path in the docs folder, its sheets' rows (a header first) and
    the time to stamp it with. `sheets.py` makes the bytes when the files are written: openpyxl
    works through temporary files, and planning opens none."""

    path: str
    sheets: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    creator: str
    built: datetime


def xlsform_version(form: Form, built: datetime) -> str:
    """The XLSForm's `version`, which ODK expects only to increase: the build's minute (UTC)
    then the form's own version, three digits: `202612061345002`. A later build, or a raised
    version in the same minute, gives a greater one. (Submissions carry the form's own version,
    `mentorbook_version`, which is what `results` reads.)"""
    return f"{built.astimezone(UTC):%Y%m%d%H%M}{form.version:03d}"


def xlsform(path: str, form: Form, labels: Mapping[str, str], built: datetime) -> Spreadsheet:
    settings = (("form_title", "form_id", "version"), (form.title, form.id, xlsform_version(form, built)))
    sheets = (
        ("survey", (SURVEY_COLUMNS, *survey_rows(form, labels))),
        ("choices", (("list_name", "name", "label"), *choice_rows(form))),
        ("settings", settings),
    )
    return Spreadsheet(path, sheets, "Mentorbook", built)
