"""Planning the print documents (pure): each worksheet's two PDFs and the two packets.

A worksheet is laid out once in each variant, without footers: a `SheetBody`. Every file that
holds it is joined from those pages (pdf/stage.py): its own PDF, the packet (after a cover and
contents) and each book's appendix (plan/print/handbook.py), with the file's own footers laid over
them. So a worksheet reads the same, page for page, wherever it is printed, and is laid out
once a build, not six times (the shipped curriculum's print worksheets were 345,000 characters
of HTML to lay out, against 87,000 now).

Each document is a typed value: where it goes in the docs folder, the bodies it joins and the
views their templates print, every text in it computed here. The PDF stage only lays these out;
it never sees the Project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from generator.direction import direction
from generator.markup import css_string, markdown_html
from generator.models import Worksheet
from generator.models.project import Project
from generator.models.worksheet import Section, WorksheetField
from generator.plan.paths import PDF_VARIANTS, packet_pdf, worksheet_pdf
from generator.plan.program.fields import FieldView, field_view
from generator.plan.program.worksheet_order import is_team_form, kickers, program_order

PAPER = {"A4": "A4", "Letter": "letter"}
WORKSHEET = "print/worksheet.html.j2"  # one worksheet's pages, without footers
PACKET = "print/packet.html.j2"  # the packet's cover and contents
SHEET_FOOTER = "print/sheet_footer.html.j2"  # a file's footers: its pages' titles and numbers


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
class Block:
    """Fields that stay on one page together (print.css `.keep`): one field, a note with the
    field it introduces, or a signature block (signatures and their dates, side by side)."""

    kind: str  # "sign" for a signature block, "row" for one-line answers side by side, else ""
    fields: tuple[FieldView, ...]

    @property
    def css(self) -> str:
        return f"keep {self.kind}".strip()


@dataclass(frozen=True)
class SectionView:
    """A section's heading stays on the page of its first block (its intro with it)."""

    title: str
    dir: str
    intro: Markup | None
    blocks: tuple[Block, ...]
    whole: bool = True  # kept on one page where it fits; else it "flows" (keeps_whole)

    @property
    def css(self) -> str:
        """A section of signatures only is "signing": it goes with the section before it; a
        long one "flows" from page to page between its blocks (print.css)."""
        if self.blocks and all(b.kind == "sign" for b in self.blocks):
            return "signing"
        return "" if self.whole else "flows"


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
    """The packet's cover and contents (print/packet.html.j2), before every worksheet."""

    subtitle: str
    intro: str
    logo: str | None  # a data: URL of the checked image


@dataclass(frozen=True)
class SheetBody:
    """One worksheet's pages in one variant, laid out once, without footers (WORKSHEET)."""

    variant: str  # fillable or print
    view: SheetsView  # of this one sheet; its title is the PDF's when the body comes first

    @property
    def title(self) -> str:
        """The words in the footer of each of its pages."""
        return self.view.sheets[0].title


@dataclass(frozen=True)
class PdfDocument:
    """A file joined from worksheets' bodies, after its `front` if it has one (the packet's)."""

    path: str  # relative to the docs folder
    variant: str  # fillable or print
    sheets: tuple[SheetBody, ...]
    front: PacketView | None = None

    @property
    def head(self) -> SheetsView:
        """What its footers' page prints in its head and labels."""
        return self.front or self.sheets[0].view


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


def sheet_bodies(project: Project, paper: str | None = None) -> dict[tuple[str, str], SheetBody]:
    """Each worksheet's body in each variant, by (worksheet id, variant), in program order.
    Worksheets are numbered in that order ("Worksheet 3"), the same in every file and book; the
    program team's forms are lettered apart ("Form B", `kickers`)."""
    head, labels = print_head(project, paper), project.labels
    bodies = {}
    named = kickers(project.curriculum, labels)
    for w in program_order(project.curriculum):
        sheet = replace(sheet_view(w, labels), kicker=named[w.id])
        for v in PDF_VARIANTS:
            bodies[w.id, v] = SheetBody(v, sheets_view(head, v, w.title, (sheet,)))
    return bodies


def plan_worksheets(project: Project, paper: str | None = None) -> tuple[PdfDocument, ...]:
    """Each worksheet's fillable and print PDF, in the curriculum's order."""
    bodies = sheet_bodies(project, paper)
    return tuple(
        PdfDocument(worksheet_pdf(w.id, v), v, (bodies[w.id, v],))
        for w in project.curriculum.worksheets
        for v in PDF_VARIANTS
    )


def plan_packets(project: Project, paper: str | None = None) -> tuple[PdfDocument, ...]:
    """Two packets, fillable and print, each of its worksheets in program order: the pairs'
    worksheets, and the program team's forms (none for a group without worksheets)."""
    head, labels, bodies = print_head(project, paper), project.labels, sheet_bodies(project, paper)
    logo = project.logo.data_uri() if project.logo else None
    program = project.organization.program
    name = program.name if program else project.curriculum.title  # the program's name, as on the site
    subtitle = f"{name} · {project.organization.name}"
    team_forms = {w.id for w in project.curriculum.worksheets if is_team_form(w)}
    packets = []
    for team, prefix in ((False, "packet"), (True, "team_packet")):
        for v in PDF_VARIANTS:
            sheets = tuple(b for (i, variant), b in bodies.items() if variant == v and (i in team_forms) == team)
            if not sheets:
                continue
            listed = tuple(body.view.sheets[0] for body in sheets)
            front = sheets_view(head, v, labels[f"{prefix}_title"], listed)
            view = PacketView(**vars(front), subtitle=subtitle, intro=labels[f"{prefix}_intro"], logo=logo)
            packets.append(PdfDocument(packet_pdf(v, team), v, sheets, view))
    return tuple(packets)


def sheets_view(head: PrintHead, variant: str, title: str, sheets: tuple[SheetView, ...]) -> SheetsView:
    return SheetsView(**vars(head), variant=variant, fillable=variant == "fillable", title=title, sheets=sheets)


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
                blocks=blocks(worksheet.id, s.fields, labels),
                whole=keeps_whole(worksheet, s),
            )
            for s in worksheet.sections
        ),
    )


WHOLE_BLOCKS = 4  # a section of this many blocks or fewer is short: it stays on one page


def keeps_whole(worksheet: Worksheet, section: Section) -> bool:
    """Whether a section stays on one page (where it fits): a short one, and one of a set the
    reader compares (Goal one, Goal two, Goal three: the same fields each). A longer section
    flows on from page to page between its blocks, so that a page is not left half empty
    before it (its heading stays with its first block)."""
    if len(_runs(section.fields)) <= WHOLE_BLOCKS:
        return True
    mine = _labels(section)
    return any(_labels(other) == mine for other in worksheet.sections if other is not section)


def _labels(section: Section) -> tuple[str, ...]:
    return tuple(str(getattr(f, "label", "")) for f in section.fields)


SIGN = ("signature", "date")  # a signature block: a signature, then signatures and dates
SHORT = ("text", "date")  # one-line answers: two in a row, when neither has a hint
BESIDE = {"text": SHORT, "date": (*SHORT, "rating")}  # a scale beside a date ("Target date"), not a text


def _glued(run: list[WorksheetField], field: WorksheetField) -> bool:
    if run[-1].kind == "note":
        return True
    if run[0].kind == "signature":
        return field.kind in SIGN
    if len(run) != 1 or field.kind not in BESIDE.get(run[0].kind, ()):
        return False
    return not any(getattr(f, "help", None) for f in (run[0], field))


def _block_kind(run: list[WorksheetField]) -> str:
    if run[0].kind == "signature":
        return "sign"
    return "row" if len(run) == 2 and run[0].kind != "note" else ""


def blocks(worksheet_id: str, fields: tuple[WorksheetField, ...], labels: Mapping[str, str]) -> tuple[Block, ...]:
    """The section's fields in blocks that no page break splits: a note goes with the field
    after it, a signature with the dates and signatures that follow it, and two one-line
    answers in a row share a line."""
    return tuple(
        Block(_block_kind(run), tuple(field_view(worksheet_id, f, labels) for f in run)) for run in _runs(fields)
    )


def _runs(fields: tuple[WorksheetField, ...]) -> list[list[WorksheetField]]:
    runs: list[list[WorksheetField]] = []
    for field in fields:
        if runs and _glued(runs[-1], field):
            runs[-1].append(field)
        else:
            runs.append([field])
    return runs
