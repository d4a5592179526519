"""The feedback page (pure): each instrument's forms with links to their PDFs (print/forms.py
plans them) and the question bank's files (sheets/question_bank.py). The forms come from the
instruments (program/forms.py), in the organization's words, on its development areas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from generator.models.privacy import RETENTION_CHECK_MONTHS, Retention
from generator.models.project import Project
from generator.plan.paths import (
    BANK_FOLDER,
    CSV_FILE,
    FEEDBACK_PAGE,
    JSON_FILE,
    PDF_VARIANTS,
    SCHEMA_FILE,
    TRACKER_FILE,
    form_pdf,
    qualtrics_path,
    relative,
    xlsform_path,
)
from generator.plan.program.form_dates import due_days
from generator.plan.program.forms import MIN_GROUP, Form, occasion_week, program_weeks, project_forms
from generator.plan.program.timeline_text import timeline_date
from generator.plan.sheets.question_bank import bank_files, bank_sheets, question_bank
from generator.plan.sheets.xlsform import Spreadsheet
from generator.plan.site.page import Link, Page


def plan_feedback_site(
    project: Project, common: Mapping[str, Any]
) -> tuple[Page, dict[str, bytes], tuple[Spreadsheet, ...]]:
    """The feedback page, and the question bank's files and spreadsheets it links to."""
    forms, labels, language = project_forms(project), project.labels, project.organization.language
    bank = question_bank(forms, project.instruments, project.organization.name, program_weeks(project))
    here = FEEDBACK_PAGE
    context = {
        **common,
        "instruments": _instrument_entries(forms, here, labels, program_weeks(project), due_days(project), language),
        "design": _design(forms, labels, project.organization.privacy.retention),
        "bank": [
            Link(name, relative(here, f"{BANK_FOLDER}/{name}"))
            for name in (JSON_FILE, SCHEMA_FILE, CSV_FILE, TRACKER_FILE)
        ],
        "outcomes": project.instruments.outcomes,
    }
    page = Page(here, labels["feedback"], "feedback.md.j2", context, project.organization_file)
    return page, bank_files(bank, forms, labels), bank_sheets(forms, labels, project.built)


def _design(forms: tuple[Form, ...], labels: Mapping[str, str], kept: Retention) -> tuple[tuple[str, str], ...]:
    """The page's opening: which forms are answered under an ID and which anonymously, the
    minimum group size (the one constant `results` also uses) and how long answers and names
    are kept (the profile's `privacy.retention`, as the privacy notice says)."""

    def titles(anonymous: bool) -> str:
        chosen = {f.instrument.id: f.instrument.title for f in forms if f.instrument.anonymous is anonymous}
        return ", ".join(chosen.values())

    named, anonymous = titles(False), titles(True)
    return (
        *([(labels["feedback_named_lead"], labels["feedback_named"].format(forms=named))] if named else []),
        *(
            [(labels["feedback_anonymous_lead"], labels["feedback_anonymous"].format(forms=anonymous))]
            if anonymous
            else []
        ),
        ("", labels["feedback_minimum"].format(minimum=MIN_GROUP)),
        (
            "",
            labels["feedback_privacy"].format(
                responses=kept.responses, names=kept.names, last_check=RETENTION_CHECK_MONTHS[-1]
            ),
        ),
    )


def _instrument_entries(
    forms: tuple[Form, ...],
    here: str,
    labels: Mapping[str, str],
    weeks: int | None,
    due: Mapping[str, dt.date],
    language: str,
) -> list[dict[str, Any]]:
    """An instrument's purpose, how it is collected and who sees it, once; then its forms."""
    entries: dict[str, dict[str, Any]] = {}
    for form in forms:
        instrument = form.instrument
        entry = entries.setdefault(
            instrument.id,
            {
                "title": instrument.title,
                "purpose": instrument.purpose,
                "collection": instrument.collection,
                "privacy": labels["anonymous_form" if instrument.anonymous else "named_form"],
                "forms": [],
            },
        )
        day = due.get(str(form.occasion.at))
        entry["forms"].append(_form_entry(form, here, labels, weeks, timeline_date(day, language) if day else None))
    return list(entries.values())


def _form_entry(form: Form, here: str, labels: Mapping[str, str], weeks: int | None, due: str | None) -> dict[str, Any]:
    """A form's line: who answers it, by when (the run-sheet's day for closing it, else its
    week) and its PDFs; an anonymous form's fillable PDF is for notes before answering the link."""
    week = occasion_week(form.occasion, weeks)
    when = labels["form_due"].format(date=due) if due else f"{labels['week']} {week}" if week else ""
    fillable = "pdf_notes" if form.instrument.anonymous else "pdf_fillable"
    return {
        "title": form.title,
        "id": form.id,
        "role": labels[f"role_{form.role.value}"],
        "when": form.occasion.title + (f" ({when})" if when else ""),
        "privacy": labels["anonymous_form" if form.instrument.anonymous else "named_form"],
        "pdfs": [
            Link(labels[fillable if v == "fillable" else f"pdf_{v}"], relative(here, form_pdf(form.id, v)))
            for v in PDF_VARIANTS
        ],
        "files": [
            Link("XLSForm (.xlsx)", relative(here, xlsform_path(form.id))),
            Link("Qualtrics (.txt)", relative(here, qualtrics_path(form.id))),
        ],
    }
