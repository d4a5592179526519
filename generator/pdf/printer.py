"""Worksheets -> PDFs: one fillable and one print PDF per worksheet, and the two packets.

The PDFs come from our own print templates (templates/print/), not from the site's HTML, and
are written into the docs folder before MkDocs runs, so the site links to them like any page.
Everything renders in this one process with one font configuration: a process per file would
add most of a second each. WeasyPrint reads files only through `ProjectFetcher` (fetch.py).

Field names are `<worksheet-id>:<field>` (`:<n>` for a tick box, `:r<row>c<col>` for a table
cell): unique in a packet too. Not a dot: in a PDF a dot separates a field from its parent.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

import markdown
from markupsafe import Markup
from weasyprint import HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from generator.errors import InputError, Problem
from generator.jinja import OVERRIDES, PRINT, environment
from generator.markup import SafeLinks, escape_markdown
from generator.models import Curriculum, Worksheet
from generator.models.worksheet import Note, TableInput
from generator.pdf.cache import PdfCache
from generator.pdf.fetch import ProjectFetcher, RefusedURLError
from generator.plan.pages import PDF_VARIANTS, packet_pdf, worksheet_pdf
from generator.read.project import Project

PAPER = {"A4": "A4", "Letter": "letter"}
LINE_MM = 9  # one handwriting line, as in print.css
STANDARD = {"fillable": None, "print": "pdf/ua-1"}  # the PDF variant asked of WeasyPrint
T = TypeVar("T")


def render_pdfs(
    project: Project,
    docs: Path,
    paper: str | None = None,
    cache: PdfCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, float]:
    """Write every worksheet's PDFs and the packets into `docs`; return seconds per file.
    The paper is the organization's (A4 unless it says Letter) unless `paper` is given."""
    printer = Printer(project, paper or project.organization.paper, cache)
    jobs: list[tuple[str, str, str, Sequence[Worksheet]]] = []
    for worksheet in project.curriculum.worksheets:
        jobs += [(worksheet_pdf(worksheet.id, v), "print/worksheet.html.j2", v, [worksheet]) for v in PDF_VARIANTS]
    if project.curriculum.worksheets:
        ordered = program_order(project.curriculum)
        jobs += [(packet_pdf(v), "print/packet.html.j2", v, ordered) for v in PDF_VARIANTS]
    seconds = {}
    for done, (target, template, variant, worksheets) in enumerate(jobs, start=1):
        started = time.perf_counter()
        printer.write(docs / target, printer.html(template, variant, worksheets), variant)
        seconds[target] = time.perf_counter() - started
        if progress:
            progress(done, len(jobs))
    return seconds


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
    """The build time (SOURCE_DATE_EPOCH when set, see clock.build_time) as PDF metadata."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def css_string(text: str) -> Markup:
    """A quoted CSS string that no text can break out of (every other character escaped).
    Each escape ends with a space, which CSS swallows, so that a space after it survives."""
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in text) + '"')


class Printer:
    """The print templates (autoescaped HTML, strict) and the shared WeasyPrint state."""

    def __init__(self, project: Project, paper: str = "A4", cache: PdfCache | None = None) -> None:
        self.project, self.cache = project, cache
        self.env = environment("html", project.root)
        self.folders = (PRINT, project.root / OVERRIDES)  # the logo comes as a data: URL
        self.fetcher = ProjectFetcher(list(self.folders))
        self.fonts = FontConfiguration()
        labels, colours = project.labels, project.organization.colors
        self.common = {
            "labels": labels,
            "lang": project.organization.language,
            "org_name": project.organization.name,
            "date": pdf_date(project.built),
            "style": {
                "paper": PAPER[paper],
                "brand": colours.primary,
                "page_label": css_string(labels["page"]),
                "of_label": css_string(labels["of"]),
            },
        }

    def html(self, template: str, variant: str, worksheets: Sequence[Worksheet]) -> str:
        """The HTML that WeasyPrint lays out: golden-tested, so kept free of absolute paths."""
        sheets = [sheet_view(w, self.project.labels) for w in worksheets]
        context: dict[str, Any] = {**self.common, "variant": variant, "fillable": variant == "fillable"}
        if template.endswith("packet.html.j2"):
            context |= self._cover()
        else:
            context["title"] = worksheets[0].title
        return self.env.get_template(template).render(context, sheets=sheets)

    def _cover(self) -> dict[str, Any]:
        logo = self.project.logo
        return {
            "title": self.project.labels["packet_title"],
            "subtitle": f"{self.project.curriculum.title} · {self.project.organization.name}",
            "intro": self.project.labels["packet_intro"],
            "logo": logo.data_uri() if logo else None,
        }

    def write(self, target: Path, html: str, variant: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)

        def make() -> bytes:
            return self.pdf(self.render(html, variant, target.name), variant)

        target.write_bytes(self.remember(make, variant, html))

    def remember(self, make: Callable[[], T], *made_of: str) -> T:
        """`make()`; with a cache (serve), what it made before from the same `made_of` and the
        same files WeasyPrint may read."""
        if self.cache is None:
            return make()
        key = hashlib.sha256("\0".join((self.resources, *made_of)).encode()).hexdigest()
        return self.cache.get(key, make)

    @cached_property
    def resources(self) -> str:
        """A hash of every file the fetcher may read: print templates and overrides (the logo
        is inside the HTML)."""
        digest = hashlib.sha256()
        for folder in self.folders:
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if path.is_file() and not path.is_symlink():
                    digest.update(f"{path}\0".encode() + path.read_bytes())
        return digest.hexdigest()

    def render(self, html: str, variant: str, name: str) -> Document:
        """Lay `html` out into pages (the slow part, and the one that holds memory)."""
        document = HTML(string=html, base_url=PRINT.as_uri() + "/", url_fetcher=self.fetcher)
        try:
            return document.render(font_config=self.fonts, **_options(variant))
        except FatalURLFetchingError as error:
            raise self._refused(error, name) from None

    def pdf(self, document: Document, variant: str) -> bytes:
        """The PDF of pages laid out by `render`."""
        return bytes(document.write_pdf(finisher=_radio_kids_are_widgets, **_options(variant)))

    def _refused(self, error: FatalURLFetchingError, name: str) -> InputError:
        cause = error.__cause__
        url = cause.url if isinstance(cause, RefusedURLError) else str(error)
        return InputError(
            [
                Problem(
                    self.project.curriculum_file,
                    0,
                    0,
                    f"making {name}: {cause if cause else error}",
                    f"remove links to {url} from worksheets and print templates; a PDF may use "
                    "only the files in overrides/templates/ (the logo comes from the profile)",
                )
            ]
        )


def _options(variant: str) -> dict[str, Any]:
    options: dict[str, Any] = {"pdf_forms": variant == "fillable", "pdf_tags": True}
    if STANDARD[variant]:
        options["pdf_variant"] = STANDARD[variant]
    return options


def _radio_kids_are_widgets(document: object, pdf: Any) -> None:
    """WeasyPrint 70 gives each radio button its own field name as well as the group's,
    so readers see `a:b.a:b` fields and some ignore the group. A button is only a widget."""
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Subtype") == "/Widget" and "Parent" in obj:
            for key in ("T", "TU", "FT"):
                obj.pop(key, None)


def text_direction(text: str) -> str:
    """`rtl` when the first letter is Arabic, Hebrew and the like: WeasyPrint has no `dir=auto`."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return "ltr" if kind == "L" else "rtl"
    return "ltr"


def markdown_html(text: str, extensions: Sequence[str] = ()) -> Markup:
    """Markdown from YAML -> HTML, with raw HTML escaped and unsafe links removed.
    `extensions`: Python-Markdown's own, e.g. `tables` for longer texts like the handbook's."""
    return safe_markdown(escape_markdown(text), extensions)


def safe_markdown(text: str, extensions: Sequence[str] = ()) -> Markup:
    """Markdown -> HTML with unsafe links removed, by one converter per set of extensions:
    making a converter takes longer than converting a paragraph (a handbook has thousands)."""
    return Markup(_converter(tuple(extensions)).reset().convert(text))


@cache
def _converter(extensions: tuple[str, ...]) -> markdown.Markdown:
    return markdown.Markdown(extensions=[*extensions, SafeLinks()])


def sheet_view(worksheet: Worksheet, labels: Mapping[str, str]) -> dict[str, Any]:
    """Everything the templates print for one worksheet, computed here."""
    return {
        "id": worksheet.id,
        "kicker": labels["worksheet"],
        "dir": text_direction(worksheet.title),
        "title": worksheet.title,
        "purpose": markdown_html(worksheet.purpose),
        "instructions": markdown_html(worksheet.instructions),
        "sections": [
            {
                "title": s.title,
                "dir": text_direction(s.title),
                "intro": markdown_html(s.intro) if s.intro else None,
                "fields": [field_view(worksheet.id, f, labels) for f in s.fields],
            }
            for s in worksheet.sections
        ],
    }


def field_view(worksheet_id: str, field: Any, labels: Mapping[str, str]) -> dict[str, Any]:
    if isinstance(field, Note):
        return {"kind": "note", "text": markdown_html(field.text)}
    name = f"{worksheet_id}:{field.name}"
    grouped = field.kind in ("checklist", "rating", "table")
    view = {"kind": field.kind, "id": name, "name": name, "label": field.label, "help": field.help, "hint": None}
    view["grouped"] = grouped
    if field.kind == "lines":
        view["height"] = f"{field.lines * LINE_MM}mm"
    elif field.kind == "checklist":
        view["hint"] = labels["tick_all"]
        view["choices"] = [
            {"type": "checkbox", "name": f"{name}:{n}", "value": None, "title": f"{field.label}: {item}", "text": item}
            for n, item in enumerate(field.items, start=1)
        ]
    elif field.kind == "rating":
        view["hint"] = labels["choose_one"]
        view["choices"] = [
            {"type": "radio", "name": name, "value": point, "title": field.label, "text": point}
            for point in field.scale
        ]
    elif isinstance(field, TableInput):
        view["columns"] = field.columns
        view["rows"] = [
            [
                {"name": f"{name}:r{r}c{c}", "title": f"{field.label}, {labels['row']} {r}: {column}"}
                for c, column in enumerate(field.columns, start=1)
            ]
            for r in range(1, field.rows + 1)
        ]
    return view
