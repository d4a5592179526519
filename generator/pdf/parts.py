"""One WeasyPrint call, the PDF stage's unit of work (stage.py): a job and what laying it out gives.

A job is HTML to lay out on its own: a worksheet's body, a part of a book, a packet's or a
book's front (cover and contents), or a run of footers. A body is laid out without footers, so
it need not know where it starts: its page count and anchors come back, and the page numbers
follow from the counts. A footer job lays out, on blank pages, only each page's footer (about
5 ms a page, against about 70 ms for a page of the handbook); join.py lays each over its page
as an artifact (WeasyPrint leaves its own margin boxes untagged, its #1836). The engine is
behind this module: `lay_out` is the one call that turns a job into PDF bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from generator.pdf.printer import Printer
from generator.plan.print.book import HandbookPlan

FOOTER_TEMPLATE = "print/handbook_footer.html.j2"
_LINK = re.compile(r'href="#([^"]+)"')


@dataclass(frozen=True)
class Job:
    """Lay `html` out in `variant` (print, fillable or footer). `targets`: the anchors in other
    parts that it links to, which get stand-ins here (without them WeasyPrint drops the links);
    `name`: what a refused image is said to be in. Plain strings only: a job goes to a worker."""

    name: str
    html: str
    variant: str = "print"
    targets: frozenset[str] = frozenset()

    def key(self, printer: Printer) -> str:
        """Equal keys, equal bytes: its HTML, targets, variant and every file the fetcher may read."""
        return printer.key(self.html, " ".join(sorted(self.targets)), self.variant)


@dataclass(frozen=True)
class Laid:
    """A job laid out: its number of pages, the page (from 0) of each of its anchors and the
    stand-in anchors it was given. Its PDF is a file (stage.py)."""

    count: int
    anchors: dict[str, int]
    stand_ins: frozenset[str]


def part_job(html: str, targets: frozenset[str], variant: str = "print", name: str = "the handbook") -> Job:
    """A part of a book, a front, or a worksheet's body in its `variant`."""
    # Only the targets it links to, so that a part is the same job in every book that holds it; as
    # found in the HTML, plain strs to send to a worker (an organization's text is a subclass).
    linked = frozenset(anchor for anchor in map(unescape, _LINK.findall(html)) if anchor in targets)
    return Job(str(name), str(html), variant, linked)


def footer_job(printer: Printer, handbook: HandbookPlan, count: int, first_page: int, front: bool) -> Job:
    """The footers of `count` pages of a book that start on page `first_page`: blank pages but
    for the organization's name and the page number (roman in the front matter, none on the
    cover)."""
    blanks = tuple("cover" if front and first_page == 1 and n == 0 else "blank" for n in range(count))
    html = printer.html(FOOTER_TEMPLATE, handbook.book, front=front, first_page=first_page, footer_pages=blanks)
    return Job("the handbook's footers", html, "footer")


def lay_out(printer: Printer, job: Job) -> tuple[bytes, Laid]:
    """In a worker: the job's PDF, and its pages and anchors. The targets it links to in other
    parts get stand-in anchors on its last page."""
    document = printer.render(job.html, job.variant, job.name)
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
    stand_ins = job.targets - anchors.keys()
    for name in sorted(stand_ins):
        document.pages[-1].anchors[name] = (0, 0, 0, 0)
    pdf = printer.pdf(document, job.variant)
    return pdf, Laid(len(document.pages), anchors, stand_ins)
