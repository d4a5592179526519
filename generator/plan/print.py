"""Planning the print documents (pure): each worksheet's two PDFs and the two packets.

Each document is a typed value: where it goes in the docs folder, the print template that
shows it and the view that template prints, every text in it computed here. The PDF stage
(pdf/printer.py) only lays these out; it never sees the Project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from generator.direction import direction
from generator.markup import css_string, markdown_html
from generator.models import Curriculum, Worksheet
from generator.plan.fields import FieldView, field_view
from generator.plan.pages import PDF_VARIANTS, packet_pdf, worksheet_pdf
from generator.read.project import Project

PAPER = {"A4": "A4", "Letter": "letter"}
WORKSHEET = "print/worksheet.html.j2"
PACKET = "print/packet.html.j2"


@dataclass(frozen=True)
class Style:
    """Values printed into the page's stylesheet, each a CSS token or a quoted CSS string."""

    paper: str
    brand: str
    page_label: Markup
    of_label: Markup
    footer: Markup | None = None  # the handbook's: the organization's name at every page's foot


@dataclass(frozen=True)
class PrintHead:
    """What every print document's head and labels need (print/_head.html.j2)."""

    labels: Mapping[str, str]
    lang: str
    org_name: str
    date: str  # the build time, as PDF metadata
    style: Style


@dataclass(frozen=True)
class SectionView:
    title: str
    dir: str
    intro: Markup | None
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class SheetView:
    id: str
    kicker: str
    dir: str
    title: str
    purpose: Markup
    instructions: Markup
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class SheetsView(PrintHead):
    """One worksheet's PDF (print/worksheet.html.j2)."""

    variant: str
    fillable: bool
    title: str
    sheets: tuple[SheetView, ...]


@dataclass(frozen=True)
class PacketView(SheetsView):
    """Every worksheet in one PDF, after a cover (print/packet.html.j2)."""

    subtitle: str
    intro: str
    logo: str | None  # a data: URL of the checked image


@dataclass(frozen=True)
class PdfDocument:
    path: str  # relative to the docs folder
    template: str
    variant: str  # fillable or print
    view: SheetsView


@dataclass(frozen=True)
class PrintSetup:
    """What laying out needs besides the documents: the project's print overrides and the file
    to name when a document reads outside them. Images come inside the documents, as the
    `data:` URLs of their checked bytes: WeasyPrint never reads the organization's folder."""

    root: Path
    origin: str  # the file to name when a document reads what it may not


def print_setup(project: Project) -> PrintSetup:
    return PrintSetup(project.root, project.curriculum_file)


def print_head(project: Project, paper: str | None = None) -> PrintHead:
    """The paper is the organization's (A4 unless it says Letter) unless `paper` is given."""
    labels, org = project.labels, project.organization
    style = Style(PAPER[paper or org.paper], org.colors.primary, css_string(labels["page"]), css_string(labels["of"]))
    return PrintHead(labels, org.language, org.name, pdf_date(project.built), style)


def plan_worksheets(project: Project, paper: str | None = None) -> tuple[PdfDocument, ...]:
    """Each worksheet's fillable and print PDF."""
    head, labels = print_head(project, paper), project.labels
    return tuple(
        PdfDocument(worksheet_pdf(w.id, v), WORKSHEET, v, _sheets(head, v, w.title, (sheet_view(w, labels),)))
        for w in project.curriculum.worksheets
        for v in PDF_VARIANTS
    )


def plan_packets(project: Project, paper: str | None = None) -> tuple[PdfDocument, ...]:
    """Every worksheet in program order, fillable and print: none without worksheets."""
    if not project.curriculum.worksheets:
        return ()
    head, labels = print_head(project, paper), project.labels
    sheets = tuple(sheet_view(w, labels) for w in program_order(project.curriculum))
    logo = project.logo.data_uri() if project.logo else None
    subtitle = f"{project.curriculum.title} · {project.organization.name}"
    return tuple(
        PdfDocument(
            packet_pdf(v),
            PACKET,
            v,
            PacketView(
                **vars(_sheets(head, v, labels["packet_title"], sheets)),
                subtitle=subtitle,
                intro=labels["packet_intro"],
                logo=logo,
            ),
        )
        for v in PDF_VARIANTS
    )


def _sheets(head: PrintHead, variant: str, title: str, sheets: tuple[SheetView, ...]) -> SheetsView:
    return SheetsView(**vars(head), variant=variant, fillable=variant == "fillable", title=title, sheets=sheets)


def program_order(curriculum: Curriculum) -> list[Worksheet]:
    """Worksheets in the order the sessions first use them; unused ones last, as declared."""
    first_use: dict[str, tuple[int, int]] = {}
    for number, session in enumerate(curriculum.sessions()):
        for position, ref in enumerate(session.worksheets):
            first_use.setdefault(ref, (number, position))
    last = (len(curriculum.sessions()), 0)
    declared = {w.id: n for n, w in enumerate(curriculum.worksheets)}
    return sorted(curriculum.worksheets, key=lambda w: (first_use.get(w.id, last), declared[w.id]))


def pdf_date(moment: datetime) -> str:
    """The build time (SOURCE_DATE_EPOCH when set, see project.build_time) as PDF metadata."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sheet_view(worksheet: Worksheet, labels: Mapping[str, str]) -> SheetView:
    """Everything the templates print for one worksheet, computed here."""
    return SheetView(
        id=worksheet.id,
        kicker=labels["worksheet"],
        dir=direction(worksheet.title),
        title=worksheet.title,
        purpose=markdown_html(worksheet.purpose),
        instructions=markdown_html(worksheet.instructions),
        sections=tuple(
            SectionView(
                title=s.title,
                dir=direction(s.title),
                intro=markdown_html(s.intro) if s.intro else None,
                fields=tuple(field_view(worksheet.id, f, labels) for f in s.fields),
            )
            for s in worksheet.sections
        ),
    )
