"""Each form's fillable and print PDF, planned like a worksheet's (pure).

A form becomes a worksheet (a rating, yes/no or choice item a group of labelled points, a
text item a line or a box), so the worksheet print templates lay it out and a filled form
exports its labels. Its PDF's keywords carry `mentorbook-form:<form-id>@<version>`, and its
field names `<form-id>:<item-id>`, which is how `results` knows what a response answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.markup import escape_text
from generator.models.project import Project
from generator.models.worksheet import LinesInput, RatingInput, Section, TextInput, Worksheet, WorksheetField
from generator.plan.paths import PDF_VARIANTS, form_pdf
from generator.plan.print.worksheets import PdfDocument, PrintHead, SheetBody, SheetsView, print_head, sheet_view
from generator.plan.program.form_dates import due_days
from generator.plan.program.forms import ID_ITEM, Form, FormItem, project_forms
from generator.plan.program.timeline_text import timeline_date

LONG_TEXT_LINES = 5


@dataclass(frozen=True)
class FormSheetsView(SheetsView):
    """A form's PDF: a worksheet's, with the form's stamp in the PDF's keywords."""

    keywords: str


def plan_form_pdfs(
    forms: tuple[Form, ...], head: PrintHead, due: Mapping[str, str] | None = None
) -> tuple[PdfDocument, ...]:
    """Each form's two PDFs; `due` the last day to answer, by occasion, as the page shows it."""
    labels, due = head.labels, due or {}
    return tuple(
        PdfDocument(
            form_pdf(form.id, variant),
            variant,
            (SheetBody(variant, _view(form, head, variant, labels, due.get(str(form.occasion.at)))),),
        )
        for form in forms
        for variant in PDF_VARIANTS
    )


def _view(form: Form, head: PrintHead, variant: str, labels: Mapping[str, str], due: str | None) -> FormSheetsView:
    sheet = sheet_view(as_worksheet(form, labels, due), labels)
    sheet = type(sheet)(**{**vars(sheet), "kicker": labels["feedback"]})
    return FormSheetsView(
        **vars(head),
        variant=variant,
        fillable=variant == "fillable",
        title=form.title,
        sheets=(sheet,),
        keywords=form.stamp,
    )


def as_worksheet(form: Form, labels: Mapping[str, str], due: str | None = None) -> Worksheet:
    """The form as a worksheet: the fields the print templates know. A named form asks the
    program ID, never a name; each skill's section says which module teaches it. Its
    instructions start with the last day to answer (`due`), where the run-sheet dates one."""
    instrument = form.instrument
    sections: list[Section] = []
    if not instrument.anonymous:
        person = TextInput(
            kind="text", name=ID_ITEM, label=labels["participant_id"], help=labels["participant_id_help"]
        )
        sections.append(Section(title=form.occasion.title, fields=(person,)))
    if instrument.skills:
        sections += _skill_sections(form, "skills", instrument.skills.intro, labels)
    if instrument.areas:
        sections += _skill_sections(form, "areas", instrument.areas.intro, labels)
    if instrument.skills:
        sections += _skill_sections(form, "then", instrument.skills.then_intro, labels)
    questions = tuple(_field(i) for i in form.items if i.section == "items")
    sections.append(Section(title=labels["questions"], fields=questions))
    collected = f"**{labels['how_collected']}:** {instrument.collection}"
    said = escape_text(labels["form_due"].format(date=due)) if due else ""
    by = f"**{said[:1].upper()}{said[1:]}.** " if due else ""
    return Worksheet(
        id=form.id,
        title=form.title,
        purpose=instrument.purpose,
        instructions=f"{by}{form.instructions}\n\n{collected}",
        sections=tuple(sections),
    )


def _skill_sections(form: Form, section: str, intro: str, labels: Mapping[str, str]) -> list[Section]:
    """A section per construct (the first with the scale's intro); "then" items in one."""
    items = [i for i in form.items if i.section == section]
    if not items:
        return []
    if section != "skills":
        title = labels["looking_back" if section == "then" else "development_areas"]
        return [Section(title=title, intro=intro, fields=tuple(_field(i) for i in items))]
    constructs: dict[tuple[str, str], list[FormItem]] = {}
    for item in items:
        constructs.setdefault((item.topic or "", item.module or ""), []).append(item)
    return [
        Section(
            title=topic,
            intro=(f"{intro}\n\n" if n == 0 else "") + labels["from_module"].format(module=escape_text(module)),
            fields=tuple(_field(i) for i in group),
        )
        for n, ((topic, module), group) in enumerate(constructs.items())
    ]


def _field(item: FormItem) -> WorksheetField:
    if item.kind == "short_text":
        return TextInput(kind="text", name=item.id, label=item.label, help=item.help)
    if item.kind == "long_text":
        return LinesInput(kind="lines", name=item.id, label=item.label, help=item.help, lines=LONG_TEXT_LINES)
    return RatingInput(kind="rating", name=item.id, label=item.label, help=item.help, scale=item.answers)


def plan_feedback_pdfs(project: Project, paper: str | None = None) -> tuple[PdfDocument, ...]:
    language = project.organization.language
    due = {at: timeline_date(day, language) for at, day in due_days(project).items()}
    return plan_form_pdfs(project_forms(project), print_head(project, paper), due)
