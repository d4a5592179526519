"""The organization's handbook as one printable PDF: cover, contents, welcome, values, how we
work, contacts, the program timeline, every module and session, the guides, the glossary and
every worksheet, in the organization's words, language and paper size.

It is made by the worksheet renderer (printer.py): the same templates, fetcher, fonts,
stylesheet and safe Markdown; its appendix is the worksheets' own pages, laid out once for
their own PDFs (files.py), so that a worksheet reads the same in every book as on its own. What it prints is planned
(plan/print/handbook.py); this module lays it out.

WeasyPrint keeps every laid-out page in memory until it writes (about 1.3 MB a page), so the
body is laid out in the plan's parts and joined at the end (join.py). The parts are jobs for
the PDF pool (pool.py), each started as soon as its HTML is printed: they are laid out
without footers, whose page numbers would need the earlier parts' page counts (a part's
page count does not depend on its footer). As the parts come back, in order, the footers of
each FOOTER_RUN pages of them are laid out on blank pages (a job costs about 0.04 s and 7 ms
a page), and each part of the contents as soon as the pages it lists are known; join.py lays the footers over the pages as
artifacts, which is also what PDF/UA asks of a running footer (WeasyPrint leaves its own
untagged, its #1836). The footers and contents go to the workers ahead of the next book's
parts (the editions follow the handbook, render_books), so the workers lay out that book while
this one is finished and joined. Like a book, the body's pages count from 1 and the front
matter (cover and contents) from i.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from functools import partial
from pathlib import Path

from generator.pdf.files import body_job
from generator.pdf.join import join_parts
from generator.pdf.parts import LaidOut, footer_job, part_job
from generator.pdf.pool import Made, PdfPool, Started
from generator.pdf.printer import Printer
from generator.pdf.workers import give_back
from generator.plan.print.book import Chapter, ContentsEntry, HandbookPlan, ModuleChapter
from generator.plan.print.worksheets import WORKSHEET, PrintSetup

CONTENTS_PER_PART = 300  # contents entries: about 9 pages
FOOTER_RUN = 50  # pages of footers laid out in one job (a job costs about 0.04 s, a page 7 ms)
Footer = tuple[Made, int]  # a footer job, and the page of it where a part's footers begin
Body = tuple[list[LaidOut], list[Footer], list[Made]]  # a book's parts laid out, their footers, its contents


def render_handbook(handbook: HandbookPlan, setup: PrintSetup, docs: Path, pool: PdfPool | None = None) -> Path:
    """Write the handbook into `docs`, where the home page links to it. Without a `pool`, one
    worker: here, one part after the other."""
    [(_, path)] = render_books([handbook], setup, docs, pool)
    return path


def render_books(
    books: Sequence[HandbookPlan],
    setup: PrintSetup,
    docs: Path,
    pool: PdfPool | None = None,
    started: Sequence[list[Started]] = (),
) -> Iterator[tuple[HandbookPlan, Path]]:
    """Write each book (the handbook, the editions) into `docs`, yielding it and its path as it
    is written: the first book first, then the others, those with the most of their own to lay
    out first, so that the last to be finished is a short one. The parts of the first books may
    be `started` already (start_book, a list a book). The workers are kept busy while the
    parent prints, waits and joins (_Ahead): the next books' parts are started as the workers
    run out of jobs, and a book's contents and footers are laid out while the one before is
    joined."""
    order = _order(books)
    with nullcontext(pool) if pool else PdfPool(setup, 1) as jobs:
        ahead = _Ahead(jobs, [books[n] for n in order], [started[n] if n < len(started) else None for n in order])
        for number, book in enumerate(ahead.books):
            body = ahead.body(number)
            path = _finish(jobs, book, *body, docs, partial(ahead.before_join, number + 1))
            del body  # its parts' PDFs, not held while the next book is laid out
            give_back()
            yield book, path


class _Ahead:
    """The books' parts and bodies, ahead of their turn when the workers would wait otherwise.
    A book's parts are started once no job waits for a worker (so that no core waits while its
    HTML is printed here, about 0.4 s for an edition), at the latest when its body is asked
    for: every job of the books before has been sent by then, so the parent holds about one
    book's HTML at a time. A book's body (which starts its contents and footers) is taken before
    the book before it is joined, if its parts are all back then (so no more is held), and so
    are the bodies after it that are ready too."""

    def __init__(self, jobs: PdfPool, books: Sequence[HandbookPlan], started: list[list[Started] | None]) -> None:
        self.jobs, self.books, self.started = jobs, books, started
        self.bodies: dict[int, Body] = {}

    def top_up(self) -> None:
        """Start the next books while the workers have nothing waiting."""
        for number, book in enumerate(self.books):
            if not self.jobs.starved():
                return
            if self.started[number] is None:
                self.started[number] = start_book(self.jobs, book)

    def body(self, number: int) -> Body:
        """The book's body (_body), taken ahead or now."""
        if number in self.bodies:
            return self.bodies.pop(number)
        started, self.started[number] = self.started[number], []  # let go of here
        parts = start_book(self.jobs, self.books[number]) if started is None else started
        return _body(self.jobs, self.books[number], parts, self)

    def before_join(self, number: int) -> None:
        """Before the book before book `number` is joined: the next books started if the
        workers have nothing waiting, and the bodies of this one and the ones after it taken,
        as long as their parts are all back."""
        self.top_up()
        for later in range(number, len(self.books)):
            if later in self.bodies:
                continue
            started = self.started[later]
            if started is None or not all(made.ready() for made in started):
                return
            self.bodies[later] = self.body(later)


def start_books(jobs: PdfPool, books: Sequence[HandbookPlan]) -> list[list[Started]]:
    """The first book's parts, and the next ones' as long as the workers would have nothing
    waiting otherwise (a short edit's: a part or two a book), for render_books(books, ...,
    started). The books in the order render_books lays them out (book_order)."""
    started: list[list[Started]] = []
    for book in books:
        if started and not jobs.starved():
            break
        started.append(start_book(jobs, book))
    return started


def book_order(books: Sequence[HandbookPlan]) -> list[HandbookPlan]:
    """The order render_books lays the books out in."""
    return [books[n] for n in _order(books)]


def _order(books: Sequence[HandbookPlan]) -> list[int]:
    """The first book first, then the others, those with the most of their own first."""
    return sorted(range(len(books)), key=lambda n: (n > 0, -_own(books[n])))


def _own(book: HandbookPlan) -> int:
    """How much of a book is its own to lay out: its modules' HTML is printed for it alone (its
    other chapters are the same in every book, laid out once)."""
    return sum(1 for part in book.parts for chapter in part.chapters if isinstance(chapter, ModuleChapter))


def start_book(jobs: PdfPool, handbook: HandbookPlan) -> list[Started]:
    """Send each part of the book's body to a worker, as soon as its HTML is printed; a
    worksheet's is the one laid out for its own PDF (files.py), if the pool has it."""
    return [
        jobs.start(body_job(jobs.printer, p.sheet), keep=True)
        if p.sheet
        else jobs.start(
            part_job(part_html(jobs.printer, handbook, p.chapters), handbook.targets, p.continues),
            keep=not any(isinstance(c, ModuleChapter) for c in p.chapters),  # the same in every book
        )
        for p in handbook.parts
    ]


def _finish(
    jobs: PdfPool,
    handbook: HandbookPlan,
    body: list[LaidOut],
    body_footers: list[Footer],
    fronts: list[Made],
    docs: Path,
    before_join: Callable[[], None],
) -> Path:
    """The book's contents and footers, once laid out, joined with its body into its file."""
    front = [made() for made in fronts]
    front_footers = _run(jobs, handbook, front, 1, front=True)
    footers = [(made(), at) for made, at in (*front_footers, *body_footers)]
    before_join()
    parts = [
        replace(laid.part, footer=footer, footer_from=at)
        for laid, (footer, at) in zip([*front, *body], footers, strict=True)
    ]
    target = docs / handbook.path
    target.parent.mkdir(parents=True, exist_ok=True)
    join_parts(parts, target, front_pages=sum(laid.count for laid in front))
    return target


def _body(jobs: PdfPool, handbook: HandbookPlan, started: Sequence[Made], ahead: _Ahead) -> Body:
    """The body's parts as they come back, in order; the footers of each FOOTER_RUN pages of
    them, and each part of the contents once every page it lists is known; the next books'
    parts whenever the workers have nothing else waiting."""
    waiting = list(enumerate(front_parts(handbook)))
    body: list[LaidOut] = []
    footers: list[Footer] = []
    run: list[LaidOut] = []
    fronts: dict[int, Made] = {}
    pages: dict[str, int] = {}
    first_page = 1
    for number, (made, part) in enumerate(zip(started, handbook.parts, strict=True)):
        ahead.top_up()
        laid = made()
        if part.sheet:  # its bookmark under the appendix's
            laid = replace(laid, part=replace(laid.part, nested=True))
        body.append(laid)
        for name, index in laid.anchors.items():
            pages.setdefault(name, first_page + index)
        run.append(laid)
        first_page += laid.count
        last = number == len(started) - 1
        in_run = sum(r.count for r in run)
        if last or in_run >= FOOTER_RUN:
            footers += _run(jobs, handbook, run, first_page - in_run, front=False)
            run = []
        for n, entries in [(n, es) for n, es in waiting if last or all(e.target[1:] in pages for e in es)]:
            numbered = [replace(e, page=pages.get(e.target[1:], 0)) for e in entries]
            html = front_html(jobs.printer, handbook, numbered, first=n == 0)
            fronts[n] = jobs.start(part_job(html, handbook.targets, False), first=True)
        waiting = [(n, e) for n, e in waiting if n not in fronts]
    return body, footers, [fronts[n] for n in sorted(fronts)]


def _run(jobs: PdfPool, handbook: HandbookPlan, parts: Sequence[LaidOut], first_page: int, front: bool) -> list[Footer]:
    """One footer job for `parts`, which start on page `first_page`: for each part, the job and
    where its pages begin in it."""
    made = functools.cache(
        jobs.start(footer_job(jobs.printer, handbook, sum(p.count for p in parts), first_page, front), first=True)
    )
    starts = [0]
    for laid in parts[:-1]:
        starts.append(starts[-1] + laid.count)
    return [(made, at) for at in starts]


def handbook_key(printer: Printer, handbook: HandbookPlan) -> str:
    """What the whole handbook is known by, without laying it out: every part's HTML (page
    numbers are not in it: they follow from the rest), about 0.05 s for the shipped one."""
    bodies = [
        printer.html(WORKSHEET, p.sheet.view) if p.sheet else part_html(printer, handbook, p.chapters)
        for p in handbook.parts
    ]
    fronts = [front_html(printer, handbook, entries, first=n == 0) for n, entries in enumerate(front_parts(handbook))]
    return printer.key("handbook", *bodies, *fronts, " ".join(sorted(handbook.targets)))


def part_html(printer: Printer, handbook: HandbookPlan, chapters: Sequence[Chapter]) -> str:
    """A part of the body. Its own title is never shown (the joined file's is its front's), so
    it is the curriculum's in every book: a chapter that every book holds, printed the same,
    is laid out once for them all."""
    book = handbook.book
    return printer.html(handbook.template, book, front=False, first=False, chapters=chapters, title=book.cover.title)


def front_parts(handbook: HandbookPlan) -> list[tuple[ContentsEntry, ...]]:
    """The contents' entries, CONTENTS_PER_PART to a part: a long contents page is laid out in
    parts too (its dot leaders take WeasyPrint much memory)."""
    entries = handbook.contents
    return [entries[n : n + CONTENTS_PER_PART] for n in range(0, len(entries), CONTENTS_PER_PART)]


def front_html(printer: Printer, handbook: HandbookPlan, entries: Sequence[ContentsEntry], first: bool) -> str:
    """The cover and the contents' heading (in the `first` part only) and part of the contents."""
    return printer.html(handbook.template, handbook.book, front=True, first=first, chapters=(), contents=entries)
