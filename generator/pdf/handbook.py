"""The organization's handbook as one printable PDF: cover, contents, welcome, values, how we
work, contacts, the program timeline, every module and session, the guides, the glossary and
every worksheet, in the organization's words, language and paper size.

It is made by the worksheet renderer (printer.py): the same templates, fetcher, fonts,
stylesheet and safe Markdown, and the worksheets' own print view for the appendix, so that a
worksheet reads the same in the handbook as in its own PDF. What it prints is planned
(plan/handbook.py); this module lays it out.

WeasyPrint keeps every laid-out page in memory until it writes (about 1.3 MB a page), so the
body is laid out in the plan's parts and joined at the end (join.py). The parts are jobs for
the PDF pool (pool.py), each started as soon as its HTML is printed: they are laid out
without footers, whose page numbers would need the earlier parts' page counts (a part's
page count does not depend on its footer). As the parts come back, in order, each one's
footers are laid out on blank pages (cheap: about 0.1 s for 80), and each part of the
contents as soon as the pages it lists are known; join.py lays the footers over the pages as
artifacts, which is also what PDF/UA asks of a running footer (WeasyPrint leaves its own
untagged, its #1836). The footers and contents go to the workers ahead of the next book's
parts (the editions follow the handbook, render_books), so the workers lay out that book while
this one is finished and joined. Like a book, the body's pages count from 1 and the front
matter (cover and contents) from i.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from generator.pdf.join import join_parts
from generator.pdf.parts import LaidOut, footer_job, part_job
from generator.pdf.pool import Made, PdfPool, give_back
from generator.pdf.printer import Printer
from generator.plan.book import Chapter, ContentsEntry, HandbookPlan
from generator.plan.print import PrintSetup

CONTENTS_PER_PART = 300  # contents entries: about 9 pages


def render_handbook(handbook: HandbookPlan, setup: PrintSetup, docs: Path, pool: PdfPool | None = None) -> Path:
    """Write the handbook into `docs`, where the home page links to it. Without a `pool`, one
    worker: here, one part after the other."""
    [path] = render_books([handbook], setup, docs, pool)
    return path


def render_books(
    books: Sequence[HandbookPlan], setup: PrintSetup, docs: Path, pool: PdfPool | None = None
) -> Iterator[Path]:
    """Write each book (the handbook, the editions) into `docs`, yielding each one's path as it
    is written, in order. The next book's parts are started once this one's have come back, so
    that the workers lay them out while this one's contents and footers are made (those go
    first) and while it is joined here; only two books' HTML is held at a time."""
    with nullcontext(pool) if pool else PdfPool(setup, 1) as jobs:
        started = _start(jobs, books[0]) if books else []
        for number, book in enumerate(books):
            body = _body(jobs, book, started)
            started = _start(jobs, books[number + 1]) if number + 1 < len(books) else []
            path = _finish(jobs, book, *body, docs)
            del body  # its parts' PDFs, not held while the next book is laid out
            give_back()
            yield path


def _start(jobs: PdfPool, handbook: HandbookPlan) -> list[Made]:
    """Send each part of the book's body to a worker, as soon as its HTML is printed."""
    targets = handbook.targets
    return [
        jobs.start(part_job(part_html(jobs.printer, handbook, p.chapters), targets, p.continues))
        for p in handbook.parts
    ]


def _finish(
    jobs: PdfPool, handbook: HandbookPlan, body: list[LaidOut], body_footers: list[Made], fronts: list[Made], docs: Path
) -> Path:
    """The book's contents and footers, once laid out, joined with its body into its file."""
    front = [made() for made in fronts]
    front_footers = _footers(jobs, handbook, front, front=True)
    footers = [made() for made in (*front_footers, *body_footers)]
    parts = [replace(laid.part, footer=footer) for laid, footer in zip([*front, *body], footers, strict=True)]
    target = docs / handbook.path
    target.parent.mkdir(parents=True, exist_ok=True)
    join_parts(parts, target, front_pages=sum(laid.count for laid in front))
    return target


def _body(
    jobs: PdfPool, handbook: HandbookPlan, started: Sequence[Made]
) -> tuple[list[LaidOut], list[Made], list[Made]]:
    """The body's parts as they come back, in order; with each, its footers are started, and
    each part of the contents once every page it lists is known."""
    waiting = list(enumerate(front_parts(handbook)))
    body: list[LaidOut] = []
    footers: list[Made] = []
    fronts: dict[int, Made] = {}
    pages: dict[str, int] = {}
    first_page = 1
    for number, made in enumerate(started):
        laid = made()
        body.append(laid)
        for name, index in laid.anchors.items():
            pages.setdefault(name, first_page + index)
        footers.append(jobs.start(footer_job(jobs.printer, handbook, laid.count, first_page, front=False), first=True))
        first_page += laid.count
        last = number == len(started) - 1
        for n, entries in [(n, es) for n, es in waiting if last or all(e.target[1:] in pages for e in es)]:
            numbered = [replace(e, page=pages.get(e.target[1:], 0)) for e in entries]
            html = front_html(jobs.printer, handbook, numbered, first=n == 0)
            fronts[n] = jobs.start(part_job(html, handbook.targets, False), first=True)
        waiting = [(n, e) for n, e in waiting if n not in fronts]
    return body, footers, [fronts[n] for n in sorted(fronts)]


def _footers(jobs: PdfPool, handbook: HandbookPlan, laid_out: Sequence[LaidOut], front: bool) -> list[Made]:
    firsts = [1]
    for laid in laid_out[:-1]:
        firsts.append(firsts[-1] + laid.count)
    return [
        jobs.start(footer_job(jobs.printer, handbook, laid.count, at, front), first=True)
        for laid, at in zip(laid_out, firsts, strict=True)
    ]


def handbook_key(printer: Printer, handbook: HandbookPlan) -> str:
    """What the whole handbook is known by, without laying it out: every part's HTML (page
    numbers are not in it: they follow from the rest), about 0.05 s for the shipped one."""
    bodies = [part_html(printer, handbook, body.chapters) for body in handbook.parts]
    fronts = [front_html(printer, handbook, entries, first=n == 0) for n, entries in enumerate(front_parts(handbook))]
    return printer.key("handbook", *bodies, *fronts, " ".join(sorted(handbook.targets)))


def part_html(printer: Printer, handbook: HandbookPlan, chapters: Sequence[Chapter]) -> str:
    return printer.html(handbook.template, handbook.book, front=False, first=False, chapters=chapters)


def front_parts(handbook: HandbookPlan) -> list[tuple[ContentsEntry, ...]]:
    """The contents' entries, CONTENTS_PER_PART to a part: a long contents page is laid out in
    parts too (its dot leaders take WeasyPrint much memory)."""
    entries = handbook.contents
    return [entries[n : n + CONTENTS_PER_PART] for n in range(0, len(entries), CONTENTS_PER_PART)]


def front_html(printer: Printer, handbook: HandbookPlan, entries: Sequence[ContentsEntry], first: bool) -> str:
    """The cover and the contents' heading (in the `first` part only) and part of the contents."""
    return printer.html(handbook.template, handbook.book, front=True, first=first, chapters=(), contents=entries)
