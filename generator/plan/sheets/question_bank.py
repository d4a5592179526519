"""The question bank: every form's questions, in the organization's words, for survey tools.

JSON (with its JSON Schema, made from the models below, so the two cannot disagree), CSV
(one row per question), and for each form an XLSForm (see xlsform.py) and a Qualtrics
"Advanced Format" TXT file, the plain-text format Qualtrics documents for importing a survey
("Preparing an Advanced Format TXT file" in its support pages). All are made here as bytes,
and written with the site's other files.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from pydantic import Field

from generator.cells import csv_bytes
from generator.models.base import Model
from generator.models.instrument import Instruments
from generator.plan.paths import (
    BANK_FOLDER,
    CSV_FILE,
    JSON_FILE,
    SCHEMA_FILE,
    TRACKER_FILE,
    qualtrics_path,
    xlsform_path,
)
from generator.plan.program.forms import ID_ITEM, Form, occasion_week
from generator.plan.sheets.xlsform import Spreadsheet, xlsform

CSV_COLUMNS = (
    "form",
    "instrument",
    "version",
    "title",
    "answered_by",
    "occasion",
    "week",
    "anonymous",
    "item",
    "kind",
    "label",
    "help",
    "answers",
    "not_applicable",
    "section",
    "skill",
    "module",
)


class BankItem(Model):
    id: str = Field(description="Stable: a response's answer is filed under it.")
    kind: str = Field(description="rating, yes_no, choice, short_text or long_text")
    label: str
    help: str | None
    answers: tuple[str, ...] = Field(
        description="A rating's points lowest first (then its `not_applicable`), a choice's choices, yes and no."
    )
    not_applicable: str | None = Field(description="A rating's answer beside its scale, never scored.")
    section: str = Field(description="skills, areas, then (the retrospective rating of a skill), or items.")
    skill: str | None = Field(description="The construct (skill) a rating measures; several items make one.")
    module: str | None = Field(description="The module that teaches that skill.")


class BankForm(Model):
    id: str = Field(description="The form: the instrument, and the role and occasion where it has several.")
    instrument: str
    version: int
    title: str
    answered_by: str
    occasion: str
    week: int | None = Field(description="The program week it is due, when the program's length is known.")
    anonymous: bool = Field(description="An anonymous form asks nothing about who answers; a named one the program ID.")
    collection: str = Field(description="How the answers are collected and who sees them.")
    items: tuple[BankItem, ...]


class BankOutcome(Model):
    id: str
    label: str
    kind: str
    help: str
    weeks_after_end: int
    shows: str
    cannot_show: str


class QuestionBank(Model):
    organization: str
    forms: tuple[BankForm, ...]
    outcomes: tuple[BankOutcome, ...] = Field(description="What the program manager records in the tracker.")


def question_bank(forms: tuple[Form, ...], instruments: Instruments, org: str, weeks: int | None) -> QuestionBank:
    return QuestionBank(
        organization=org,
        forms=tuple(_bank_form(form, weeks) for form in forms),
        outcomes=tuple(BankOutcome(**o.model_dump()) for o in instruments.outcomes),
    )


def _bank_form(form: Form, weeks: int | None) -> BankForm:
    return BankForm(
        id=form.id,
        instrument=form.instrument.id,
        version=form.version,
        title=form.title,
        answered_by=form.role.value,
        occasion=form.occasion.id,
        week=occasion_week(form.occasion, weeks),
        anonymous=form.instrument.anonymous,
        collection=form.instrument.collection,
        items=tuple(
            BankItem(
                id=i.id,
                kind=i.kind,
                label=i.label,
                help=i.help,
                answers=i.answers,
                not_applicable=i.not_applicable,
                section=i.section,
                skill=i.construct,
                module=i.module,
            )
            for i in form.items
        ),
    )


def bank_files(bank: QuestionBank, forms: tuple[Form, ...], labels: Mapping[str, str]) -> dict[str, bytes]:
    """The question bank's files, by their paths in the docs folder (the XLSForms: `bank_sheets`)."""
    files = {
        f"{BANK_FOLDER}/{JSON_FILE}": _json(bank.model_dump(mode="json")),
        f"{BANK_FOLDER}/{SCHEMA_FILE}": _json(bank_schema()),
        f"{BANK_FOLDER}/{CSV_FILE}": bank_csv(bank),
        f"{BANK_FOLDER}/{TRACKER_FILE}": tracker_csv(bank, labels),
    }
    for form in forms:
        files[qualtrics_path(form.id)] = qualtrics_txt(form, labels).encode()
    return files


def bank_sheets(forms: tuple[Form, ...], labels: Mapping[str, str], built: datetime) -> tuple[Spreadsheet, ...]:
    """Each form's XLSForm."""
    return tuple(xlsform(xlsform_path(form.id), form, labels, built) for form in forms)


def bank_schema() -> dict[str, object]:
    schema = QuestionBank.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Mentorbook question bank", **schema}


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def bank_csv(bank: QuestionBank) -> bytes:
    rows: list[tuple[object, ...]] = [CSV_COLUMNS]
    for form in bank.forms:
        head = (form.id, form.instrument, form.version, form.title, form.answered_by, form.occasion)
        for item in form.items:
            row = (*head, "" if form.week is None else form.week, "yes" if form.anonymous else "no")
            answers = " | ".join(item.answers)
            text = (item.id, item.kind, item.label, item.help or "", answers, item.not_applicable or "", item.section)
            rows.append((*row, *text, item.skill or "", item.module or ""))
    return csv_bytes(rows)  # every cell made safe (cells.py), with the mark that makes Excel read UTF-8


def tracker_csv(bank: QuestionBank, labels: Mapping[str, str]) -> bytes:
    """An empty tracker: each person's program ID (never a name, so that it may be kept
    past the names' retention date), their role, then a column per outcome measure (headed by
    its label, its id in brackets, so that the columns can be matched however they are reworded)."""
    header = [labels["tracker_person"], labels["answered_by"], *(f"{o.label} [{o.id}]" for o in bank.outcomes)]
    return csv_bytes([header])


_QUALTRICS = {
    "rating": "[[Question:MC:SingleAnswer:Horizontal]]",
    "yes_no": "[[Question:MC:SingleAnswer:Horizontal]]",
    "choice": "[[Question:MC:SingleAnswer:Vertical]]",
    "short_text": "[[Question:TE:SingleLine]]",
    "long_text": "[[Question:TE:Essay]]",
}


def qualtrics_txt(form: Form, labels: Mapping[str, str]) -> str:
    """The form in Qualtrics' Advanced Format: one block, each question with its id."""
    collected = _one_line(f"{labels['how_collected']}: {form.instrument.collection}")
    lines = ["[[AdvancedFormat]]", "", f"[[Block:{_one_line(form.title)}]]", ""]
    lines += ["[[Question:DB]]", "[[ID:how_collected]]", collected, ""]
    if not form.instrument.anonymous:
        lines += [_QUALTRICS["short_text"], f"[[ID:{ID_ITEM}]]", _one_line(labels["participant_id"]), ""]
    in_then = False
    for item in form.items:
        if item.section == "then" and not in_then:
            intro = form.instrument.skills.then_intro if form.instrument.skills else ""
            lines += [f"[[Block:{_one_line(labels['looking_back'])}]]", "", "[[Question:DB]]", "[[ID:then_intro]]"]
            lines += [_one_line(intro), ""]
            in_then = True
        elif item.section != "then" and in_then:
            lines += [f"[[Block:{_one_line(labels['questions'])}]]", ""]
            in_then = False
        lines += [_QUALTRICS[item.kind], f"[[ID:{item.id}]]", _one_line(item.label), ""]
        if item.answers:
            lines += ["[[Choices]]", *(_one_line(a) for a in item.answers), ""]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Qualtrics reads `[[` as a tag: none may come from the organization's text."""
    return " ".join(text.replace("[[", "[ [").replace("]]", "] ]").split())
