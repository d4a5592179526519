"""The PDF stage's jobs, made from the plan: a worksheet's body, a packet's front, a book's part
and its contents, a whole document (what stage.py hands the pool; each a picklable `Job`).

From them, what each PDF is known by, without laying anything out (`pdf_keys`): equal keys, equal
bytes. `serve` names its finished PDFs by them (`python -m generator.pdf`), so that a document an
edit did not change is not laid out again; `validate` prints every print template this way, so a
mistake in one shows without a build."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.pdf import PdfWork, WholePdf
from generator.pdf.parts import Job, Laid, part_job
from generator.pdf.printer import WHOLE, Printer
from generator.plan.print.book import HandbookPlan
from generator.plan.print.worksheets import PACKET, WORKSHEET, PdfDocument, SheetBody

CONTENTS_PER_PART = 300  # a book's contents entries laid out in one job (about 9 pages)


def body_job(printer: Printer, body: SheetBody) -> Job:
    """A worksheet's body: the same pages in its own PDF, the packet and every book's appendix."""
    return part_job(printer.html(WORKSHEET, body.view), frozenset(), body.variant, body.title)


def packet_front(printer: Printer, document: PdfDocument, pages: Sequence[int]) -> Job:
    """The packet's cover and contents, its worksheets listed at `pages`."""
    assert document.front is not None
    html = printer.html(PACKET, document.front, contents=list(zip(document.front.sheets, pages, strict=True)))
    return part_job(html, frozenset(sheet.id for sheet in document.front.sheets), document.variant, document.path)


def part_job_of(printer: Printer, book: HandbookPlan, index: int) -> Job:
    """A part of the book's body: a worksheet's body, or chapters. A part's own title is never
    shown (the joined file's is its front's), so it is the curriculum's in every book: a
    chapter that every book holds, printed the same, is laid out once for them all."""
    part = book.parts[index]
    if part.sheet:
        return body_job(printer, part.sheet)
    view = book.book
    html = printer.html(book.template, view, front=False, first=False, chapters=part.chapters, title=view.cover.title)
    return part_job(html, book.targets)


def contents_jobs(printer: Printer, book: HandbookPlan, body: Sequence[Laid]) -> list[Job]:
    """The book's front: the cover and the contents' heading (in the first part only) and the
    contents, numbered from the laid-out `body`'s anchors (its pages count from 1; none yet, 0).
    CONTENTS_PER_PART entries to a part: a long contents page is laid out in parts too (its dot
    leaders take WeasyPrint much memory)."""
    pages: dict[str, int] = {}
    first_page = 1
    for laid in body:
        for name, index in laid.anchors.items():
            pages.setdefault(name, first_page + index)
        first_page += laid.count
    jobs = []
    for n in range(0, len(book.contents), CONTENTS_PER_PART):
        entries = [replace(e, page=pages.get(e.target[1:], 0)) for e in book.contents[n : n + CONTENTS_PER_PART]]
        html = printer.html(book.template, book.book, front=True, first=n == 0, chapters=(), contents=entries)
        jobs.append(part_job(html, book.targets))
    return jobs


def whole_job(whole: WholePdf) -> Job:
    """A slide deck's PDF or the scenario cards: one job, its PDF the file."""
    return Job(whole.path, str(whole.html), WHOLE)


def pdf_keys(work: PdfWork) -> dict[str, str]:
    """Every document's key, by its path: a hash of its parts' keys, the front's without page
    numbers (they follow from the rest): 0.14 s for the shipped curriculum, no layout."""
    printer = Printer(work.setup)
    keys = {}
    for file in work.files:
        jobs = [body_job(printer, body) for body in file.sheets]
        front = [packet_front(printer, file, [0] * len(file.sheets))] if file.front else []
        keys[file.path] = printer.key("file", *(job.key(printer) for job in [*front, *jobs]))
    for book in work.books:
        jobs = [part_job_of(printer, book, index) for index in range(len(book.parts))]
        jobs += contents_jobs(printer, book, [])
        keys[book.path] = printer.key("book", *(job.key(printer) for job in jobs))
    for whole in work.wholes:
        keys[whole.path] = printer.key("whole", whole_job(whole).key(printer))
    return keys
