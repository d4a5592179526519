"""The handbook's parts as jobs for the PDF pool (pool.py), and their page numbers.

A body part is laid out without footers, so it does not need to know where it starts: its
page count and anchors come back with it, and the page numbers follow from the counts (the
contents lists them, the footers show them). A footer job lays out, on blank pages, only the
organization's name and each page's number, for one part once its first page is known (about
5 ms a page, against about 70 ms for a page of the handbook); join.py lays each footer page
over its page as an artifact.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from html import unescape

from generator.pdf.join import Part
from generator.pdf.pool import Job
from generator.pdf.printer import Printer
from generator.plan.print.book import HandbookPlan

FOOTER_TEMPLATE = "print/handbook_footer.html.j2"
_LINK = re.compile(r'href="#([^"]+)"')


@dataclass(frozen=True)
class LaidOut:
    """A part, its number of pages, the page (from 0) of each of its anchors and the seconds
    it took to lay out."""

    part: Part
    count: int
    anchors: dict[str, int]
    seconds: float = 0.0


def part_job(
    html: str, targets: frozenset[str], continues: bool, variant: str = "print", name: str = "the handbook"
) -> Job:
    """A part of a book, or a worksheet's body (files.py) in its `variant`; `name` is what a
    refused image is said to be in."""
    # Only those it links to, so that a part is the same job in every book that holds it; as
    # found in the HTML, plain strs to send to a worker (an organization's text is a subclass).
    targets = frozenset(anchor for anchor in _linked(html) if anchor in targets)
    made_of = (html, " ".join(sorted(targets)), str(continues), variant)
    return Job(lay_out_part, (html, targets, continues, variant, str(name)), made_of, len(html))


def lay_out_part(
    printer: Printer, html: str, targets: frozenset[str], continues: bool, variant: str, name: str
) -> LaidOut:
    """A job (in a worker): one part's PDF, its number of pages and the page (from 0) of each
    of its anchors. The targets it links to in other parts get stand-in anchors, without which
    WeasyPrint would drop those links."""
    started = time.perf_counter()
    document = printer.render(html, variant, name)
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
    stand_ins = targets - anchors.keys()
    for name in sorted(stand_ins):
        document.pages[-1].anchors[name] = (0, 0, 0, 0)
    pdf = printer.pdf(document, variant)
    return LaidOut(Part(pdf, stand_ins, continues), len(document.pages), anchors, time.perf_counter() - started)


def footer_job(printer: Printer, handbook: HandbookPlan, count: int, first_page: int, front: bool) -> Job:
    """The footers of a part of `count` pages that starts on page `first_page`: blank pages
    but for the organization's name and the page number (roman in the front matter, none on
    the cover)."""
    blanks = tuple("cover" if front and first_page == 1 and n == 0 else "blank" for n in range(count))
    html = printer.html(FOOTER_TEMPLATE, handbook.book, front=front, first_page=first_page, footer_pages=blanks)
    return Job(lay_out_footer, (html,), ("footer", html), count)


def lay_out_footer(printer: Printer, html: str) -> bytes:
    """A job (in a worker): a footer PDF, untagged: it is laid over its part as an artifact."""
    return printer.pdf(printer.render(html, "footer", "the handbook's footers"), "footer")


def _linked(html: str) -> frozenset[str]:
    """The anchors that `html` links to."""
    return frozenset(unescape(name) for name in _LINK.findall(html))
