"""The print templates and WeasyPrint, as every PDF job uses them (parts.py, stage.py).

The PDFs come from our own print templates (templates/print/), not from the site's HTML, and
are written into the docs folder before MkDocs runs, so the site links to them like any page.
The parent prints each job's HTML from the plan's views; a worker of the PDF stage (stage.py)
lays it out with its own Printer, whose font configuration it keeps (a fresh process per
file would add most of a second). WeasyPrint reads files only through `ProjectFetcher`
(fetch.py). What each PDF shows is planned (plan/print/worksheets.py, plan/print/handbook.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from functools import cached_property
from typing import Any

from weasyprint import CSS, HTML, Document
from weasyprint.urls import FatalURLFetchingError

from generator.errors import InputError, Problem
from generator.jinja import OVERRIDES, PRINT, environment
from generator.pdf.fetch import ProjectFetcher, RefusedURLError
from generator.pdf.fonts import BundledFonts
from generator.pdf.forms import tidy_form_fields
from generator.pdf.ligatures import right_to_left_ligatures
from generator.plan.print.worksheets import PrintSetup

WHOLE = "whole"  # a job's variant: laid out as its HTML says, with no stylesheet or option of ours


class Printer:
    """The print templates (autoescaped HTML, strict) and the shared WeasyPrint state."""

    def __init__(self, setup: PrintSetup) -> None:
        self.setup = setup
        self.env = environment("html", setup.root)
        self.folders = (PRINT, setup.root / OVERRIDES)  # images come as data: URLs
        self.fetcher = ProjectFetcher(list(self.folders))

    @cached_property
    def fonts(self) -> BundledFonts:
        """Made when first laying out: a printer that only prints HTML and keys (serve) needs none.
        Only the fonts inside the package, whatever the machine has (fonts.py)."""
        return BundledFonts()

    @cached_property
    def stylesheet(self) -> CSS:
        """print.css, parsed once for every document this printer lays out (16 ms each time, a
        tenth of a worksheet's layout). It is given as the user's stylesheet: below every author
        style, so a page's own <style> (its paper, brand colour and labels) and an override's
        styles come after it, as they would if the page linked it first."""
        return CSS(filename=str(PRINT / "print.css"), url_fetcher=self.fetcher, font_config=self.fonts)

    def html(self, template: str, view: object, **extra: object) -> str:
        """The HTML that WeasyPrint lays out (golden-tested, so kept free of absolute paths), from
        the view's fields as the template's names (one level: the values stay typed views)."""
        names = {f.name: getattr(view, f.name) for f in fields(view)}  # type: ignore[arg-type]
        return self.env.get_template(template).render({**names, **extra})

    def key(self, *made_of: str) -> str:
        """What a PDF made of `made_of` is known by: equal keys, equal bytes (the serve cache's
        and the served files' key, stage.py and jobs.py)."""
        return hashlib.sha256("\0".join((self.resources, *made_of)).encode()).hexdigest()

    @cached_property
    def resources(self) -> str:
        """A hash of every file the fetcher may read: print templates and overrides (the logo
        is inside the HTML): part of what a job's PDF is known by (stage.py)."""
        digest = hashlib.sha256()
        for folder in self.folders:
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if path.is_file() and not path.is_symlink():
                    digest.update(f"{path}\0".encode() + path.read_bytes())
        return digest.hexdigest()

    def render(self, html: str, variant: str, name: str) -> Document:
        """Lay `html` out into pages (the slow part, and the one that holds memory)."""
        if variant == WHOLE:  # it brings its fonts' names, styles and images (data: URLs) itself
            return HTML(string=html, url_fetcher=ProjectFetcher([])).render(font_config=self.fonts)
        document = HTML(string=html, base_url=PRINT.as_uri() + "/", url_fetcher=self.fetcher)
        try:
            return document.render(font_config=self.fonts, stylesheets=[self.stylesheet], **_options(variant))
        except FatalURLFetchingError as error:
            raise self._refused(error, name) from None

    def pdf(self, document: Document, variant: str) -> bytes:
        """The PDF of pages laid out by `render`."""
        if variant == WHOLE:
            return bytes(document.write_pdf())
        return bytes(document.write_pdf(finisher=_finish, **_options(variant)))

    def _refused(self, error: FatalURLFetchingError, name: str) -> InputError:
        cause = error.__cause__
        url = cause.url if isinstance(cause, RefusedURLError) else str(error)
        fix = f"remove links to {url} from worksheets and print templates; a PDF may use only the files in "
        fix += "overrides/templates/ (the logo comes from the profile)"
        return InputError([Problem(self.setup.origin, 0, 0, f"making {name}: {cause if cause else error}", fix)])


def _options(variant: str) -> dict[str, Any]:
    standard = "pdf/ua-1" if variant == "print" else None
    return {"pdf_forms": variant == "fillable", "pdf_tags": variant != "footer", "pdf_variant": standard}


def _finish(document: object, pdf: Any) -> None:
    tidy_form_fields(document, pdf)  # radio states named by their labels, top-level fields only (pdf/forms.py)
    right_to_left_ligatures(document, pdf)  # Arabic copies as written (pdf/ligatures.py)
