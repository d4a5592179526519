"""The organization's handbook as one printable PDF: cover, contents, welcome, values, how we
work, contacts, the program timeline, every module and session, the guides, the glossary and
every worksheet, in the organization's words, language and paper size.

It is made by the worksheet renderer (printer.py): the same templates, fetcher, fonts,
stylesheet and safe Markdown, and the worksheets' own print view for the appendix, so that a
worksheet reads the same in the handbook as in its own PDF. What it prints is planned
(plan/handbook.py); this module lays it out.

WeasyPrint keeps every laid-out page in memory until it writes (about 1.3 MB a page), so the
body is laid out in the plan's parts, each written and let go before the next, and joined at
the end (join.py). Like a book, the body's pages count from 1 and the front matter (cover and
contents, made last, when every chapter's page is known) from i.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from generator.pdf.cache import PdfCache
from generator.pdf.join import Part, join_parts
from generator.pdf.printer import Printer
from generator.plan.book import Chapter, ContentsEntry, HandbookPlan
from generator.plan.print import PrintSetup

CONTENTS_PER_PART = 300  # contents entries: about 9 pages


def render_handbook(handbook: HandbookPlan, setup: PrintSetup, docs: Path, cache: PdfCache | None = None) -> Path:
    """Write the handbook into `docs`, where the home page links to it."""
    printer = Printer(setup, cache)
    targets = handbook.targets
    parts: list[Part] = []
    pages: dict[str, int] = {}
    first_page = 1
    for body in handbook.parts:
        html = part_html(printer, handbook, body.chapters, first_page)
        part, count, anchors = _laid_out(printer, html, targets, body.continues)
        parts.append(part)
        for name, index in anchors.items():
            pages.setdefault(name, first_page + index)
        first_page += count
    front: list[Part] = []
    front_page = 1  # the cover and contents count i, ii, iii... on their own
    for entries in front_parts(handbook, pages):
        part, count, _ = _laid_out(printer, front_html(printer, handbook, entries, front_page), targets, False)
        front.append(part)
        front_page += count
    target = docs / handbook.path
    target.parent.mkdir(parents=True, exist_ok=True)
    join_parts([*front, *parts], target, front_pages=front_page - 1)
    return target


def handbook_key(printer: Printer, handbook: HandbookPlan) -> str:
    """What the whole handbook is known by, without laying it out: every part's HTML with
    the page numbers left out (they follow from the rest), about 0.05 s for the shipped one."""
    bodies = [part_html(printer, handbook, body.chapters, 1) for body in handbook.parts]
    fronts = [front_html(printer, handbook, entries, 1) for entries in front_parts(handbook, {})]
    return printer.key("handbook", *bodies, *fronts, " ".join(sorted(handbook.targets)))


def _laid_out(
    printer: Printer, html: str, targets: frozenset[str], continues: bool
) -> tuple[Part, int, dict[str, int]]:
    """One part: its PDF, its number of pages and the page (from 0) of each of its anchors.
    The targets it links to in other parts get stand-in anchors, without which WeasyPrint
    would drop those links. Remembered by the printer's cache (serve) by all it depends on."""

    def make() -> tuple[Part, int, dict[str, int]]:
        document = printer.render(html, "print", "the handbook")
        anchors: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for name in page.anchors:
                anchors.setdefault(name, index)
        stand_ins = targets - anchors.keys()
        for name in sorted(stand_ins):
            document.pages[-1].anchors[name] = (0, 0, 0, 0)
        return Part(printer.pdf(document, "print"), stand_ins, continues), len(document.pages), anchors

    return printer.remember(make, html, " ".join(sorted(targets)), str(continues))


def part_html(printer: Printer, handbook: HandbookPlan, chapters: Sequence[Chapter], first_page: int) -> str:
    return printer.html(handbook.template, handbook.book, front=False, chapters=chapters, first_page=first_page)


def front_parts(handbook: HandbookPlan, pages: Mapping[str, int]) -> list[list[ContentsEntry]]:
    """The contents' entries with their page numbers, CONTENTS_PER_PART to a part: a long
    contents page is laid out in parts too (its dot leaders take WeasyPrint much memory)."""
    entries = [replace(e, page=pages.get(e.target[1:], 0)) for e in handbook.contents]
    return [entries[n : n + CONTENTS_PER_PART] for n in range(0, len(entries), CONTENTS_PER_PART)]


def front_html(printer: Printer, handbook: HandbookPlan, entries: Sequence[ContentsEntry], first_page: int) -> str:
    """The cover (in the first part only) and part of the contents."""
    return printer.html(
        handbook.template, handbook.book, front=True, chapters=(), first_page=first_page, contents=entries
    )
