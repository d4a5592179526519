"""Worksheets -> PDFs: one fillable and one print PDF per worksheet, and the two packets.

The PDFs come from our own print templates (templates/print/), not from the site's HTML, and
are written into the docs folder before MkDocs runs, so the site links to them like any page.
Everything renders in this one process with one font configuration: a process per file would
add most of a second each. WeasyPrint reads files only through `ProjectFetcher` (fetch.py).
What each PDF shows is planned (plan/print.py); this module only prints and lays it out.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from weasyprint import HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from generator.errors import InputError, Problem
from generator.jinja import OVERRIDES, PRINT, environment
from generator.pdf.cache import PdfCache
from generator.pdf.fetch import ProjectFetcher, RefusedURLError
from generator.pdf.forms import tidy_form_fields
from generator.plan.print import PdfDocument, PrintSetup

STANDARD = {"fillable": None, "print": "pdf/ua-1"}  # the PDF variant asked of WeasyPrint
T = TypeVar("T")


def render_pdfs(
    documents: Sequence[PdfDocument],
    setup: PrintSetup,
    docs: Path,
    cache: PdfCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, float]:
    """Write every worksheet's PDFs and the packets into `docs`; return seconds per file."""
    printer = Printer(setup, cache)
    seconds = {}
    for done, document in enumerate(documents, start=1):
        started = time.perf_counter()
        target = docs / document.path
        printer.write(target, printer.html(document.template, document.view), document.variant)
        seconds[document.path] = time.perf_counter() - started
        if progress:
            progress(done, len(documents))
    return seconds


def view_context(view: object, **extra: object) -> dict[str, object]:
    """A view's fields as a template's names (one level: the values stay typed views)."""
    return {**{f.name: getattr(view, f.name) for f in fields(view)}, **extra}  # type: ignore[arg-type]


class Printer:
    """The print templates (autoescaped HTML, strict) and the shared WeasyPrint state."""

    def __init__(self, setup: PrintSetup, cache: PdfCache | None = None) -> None:
        self.setup, self.cache = setup, cache
        self.env = environment("html", setup.root)
        self.folders = (PRINT, setup.root / OVERRIDES)  # images come as data: URLs
        self.fetcher = ProjectFetcher(list(self.folders))

    @cached_property
    def fonts(self) -> FontConfiguration:
        """Made when first laying out: a printer that only names PDFs (serve) needs none."""
        return FontConfiguration()

    def html(self, template: str, view: object, **extra: object) -> str:
        """The HTML that WeasyPrint lays out: golden-tested, so kept free of absolute paths."""
        return self.env.get_template(template).render(view_context(view, **extra))

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
        return self.cache.get(self.key(*made_of), make)

    def key(self, *made_of: str) -> str:
        """What a PDF made of `made_of` is known by: equal keys, equal bytes."""
        return hashlib.sha256("\0".join((self.resources, *made_of)).encode()).hexdigest()

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
        return bytes(document.write_pdf(finisher=tidy_form_fields, **_options(variant)))

    def _refused(self, error: FatalURLFetchingError, name: str) -> InputError:
        cause = error.__cause__
        url = cause.url if isinstance(cause, RefusedURLError) else str(error)
        return InputError(
            [
                Problem(
                    self.setup.origin,
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
