"""Each form's fillable and print PDF, planned like a worksheet's (pure).

A form becomes a worksheet (a rating, yes/no or choice item a group of labelled points, a
text item a line or a box), so the worksheet print templates lay it out and a filled form
exports its labels. Its PDF's keywords carry `mentorbook-form:<form-id>@<version>`, and its
field names `<form-id>:<item-id>`, which is how `results` knows what a response answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.models.worksheet import LinesInput, RatingInput, Section, TextInput, Worksheet, WorksheetField
from generator.plan.instruments import NAME_ITEM, Form, FormItem
from generator.plan.paths import PDF_VARIANTS
from generator.plan.print import PdfDocument, PrintHead, SheetBody, SheetsView, sheet_view

LONG_TEXT_LINES = 5


@dataclass(frozen=True)
class FormSheetsView(SheetsView):
    """A form's PDF: a worksheet's, with the form's stamp in the PDF's keywords."""

    keywords: str


def form_pdf(form_id: str, variant: str) -> str:
    """Where a form's PDF lives in the docs folder."""
    return f"feedback/pdf/{form_id}-{variant}.pdf"


def plan_form_pdfs(forms: tuple[Form, ...], head: PrintHead) -> tuple[PdfDocument, ...]:
    labels = head.labels
    return tuple(
        PdfDocument(form_pdf(form.id, variant), variant, (SheetBody(variant, _view(form, head, variant, labels)),))
        for form in forms
        for variant in PDF_VARIANTS
    )


def _view(form: Form, head: PrintHead, variant: str, labels: Mapping[str, str]) -> FormSheetsView:
    sheet = sheet_view(as_worksheet(form, labels), labels)
    sheet = type(sheet)(**{**vars(sheet), "kicker": labels["feedback"]})
    return FormSheetsView(
        **vars(head),
        variant=variant,
        fillable=variant == "fillable",
        title=form.title,
        sheets=(sheet,),
        keywords=form.stamp,
    )


def as_worksheet(form: Form, labels: Mapping[str, str]) -> Worksheet:
    """The form as a worksheet: the fields the print templates know."""
    instrument = form.instrument
    sections: list[Section] = []
    if not instrument.anonymous:
        name = TextInput(kind="text", name=NAME_ITEM, label=labels["your_name"])
        sections.append(Section(title=form.occasion.title, fields=(name,)))
    areas = tuple(_field(i) for i in form.items if i.section == "areas")
    if areas and instrument.areas:
        sections.append(Section(title=labels["development_areas"], intro=instrument.areas.intro, fields=areas))
    questions = tuple(_field(i) for i in form.items if i.section == "items")
    sections.append(Section(title=labels["questions"], fields=questions))
    return Worksheet(
        id=form.id,
        title=form.title,
        purpose=instrument.purpose,
        instructions=instrument.instructions,
        sections=tuple(sections),
    )


def _field(item: FormItem) -> WorksheetField:
    if item.kind == "short_text":
        return TextInput(kind="text", name=item.id, label=item.label, help=item.help)
    if item.kind == "long_text":
        return LinesInput(kind="lines", name=item.id, label=item.label, help=item.help, lines=LONG_TEXT_LINES)
    return RatingInput(kind="rating", name=item.id, label=item.label, help=item.help, scale=item.answers)
