"""Worksheets, forms and packets -> their PDF files, each joined from worksheets' bodies.

A worksheet is laid out once in each variant, without footers (plan/print/worksheets.py `SheetBody`): a
job for the PDF pool (pool.py) that the pool keeps for the build, so that its own PDF, the
packet and every book's appendix (handbook.py) join the same pages (join.py) and nothing lays
it out twice. A file's footers (each page's title and "Page 3 of 4") are laid out apart, on
blank pages, once its pages are counted, and laid over them as artifacts, as in the books.
The packet's contents are numbered once its worksheets' pages are counted: its cover and
contents are laid out as if the contents took one page, and again in the rare case they take
more.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.pdf.join import join_parts
from generator.pdf.parts import LaidOut, lay_out_footer, part_job
from generator.pdf.pool import Job, Made, PdfPool
from generator.pdf.printer import Printer
from generator.plan.print.worksheets import (
    PACKET,
    SHEET_FOOTER,
    WORKSHEET,
    PdfDocument,
    PrintSetup,
    SheetBody,
)

if TYPE_CHECKING:
    from generator.plan.print.worksheets import PacketView

ASSUMED_FRONT = 2  # the packet's cover and a page of contents
FOOTER_RUN = 100  # pages of footers laid out in one job


def _not_started() -> bytes:
    raise AssertionError("a run's footers are started once its files are laid out")  # pragma: no cover


@dataclass(frozen=True)
class FooterPage:
    """One page's footer: its words and "Page number of total", none on a cover."""

    kind: str  # cover or sheet
    words: str
    number: int
    total: int


@dataclass(frozen=True)
class _Laid:
    """A file's parts, laid out, and its footers' pages."""

    document: PdfDocument
    parts: list[LaidOut]
    pages: list[FooterPage]


@dataclass
class FooterRun:
    """Files whose footers are laid out in one job."""

    files: list[_Laid] = field(default_factory=list)
    footer: Made = _not_started


def render_pdfs(
    documents: Sequence[PdfDocument],
    setup: PrintSetup,
    docs: Path,
    pool: PdfPool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, float]:
    """Write every worksheet's and form's PDFs and the packets into `docs`; return seconds per
    file (laying out its pages, some of which other files share). Without a `pool`, one
    worker: here, one job after the other."""
    with nullcontext(pool) if pool else PdfPool(setup, 1) as jobs:
        seconds = {}
        for done, (document, _, spent) in enumerate(render_files(jobs, documents, docs), start=1):
            seconds[document.path] = spent
            if progress:
                progress(done, len(documents))
    return seconds


def render_files(
    jobs: PdfPool, documents: Sequence[PdfDocument], docs: Path
) -> Iterator[tuple[PdfDocument, Path, float]]:
    """Write each document into `docs`, yielding it, its path and its seconds as it is written,
    in order."""
    return join_files(lay_out_files(jobs, documents), docs)


def start_bodies(jobs: PdfPool, documents: Sequence[PdfDocument]) -> list[list[Made]]:
    """Each document's bodies, every one started once (the longest first): the print ones kept
    by the pool, for the books' appendices (the fillable are 450 KB each, for their files only)."""
    body_jobs = [[body_job(jobs.printer, body) for body in document.sheets] for document in documents]
    started: dict[str, Made] = {}
    every = [
        (job, body) for d, js in zip(documents, body_jobs, strict=True) for job, body in zip(js, d.sheets, strict=True)
    ]
    for job, body in sorted(every, key=lambda pair: -pair[0].size):
        if (key := jobs.printer.key(*job.made_of)) not in started:
            started[key] = functools.cache(jobs.start(job, keep=body.variant == "print"))
    return [[started[jobs.printer.key(*job.made_of)] for job in document_jobs] for document_jobs in body_jobs]


def lay_out_files(
    jobs: PdfPool,
    documents: Sequence[PdfDocument],
    cancelled: Callable[[], bool] = lambda: False,
    bodies: list[list[Made]] | None = None,
) -> list[FooterRun]:
    """Every body laid out (started here unless `bodies` were, by start_bodies), then the
    packets' fronts; the footers started, FOOTER_RUN pages of files at a time (a job costs
    about 0.04 s besides its pages, 7 ms a page). The files are joined by `join_files`:
    meanwhile, the workers may lay out something else (build.py: the handbook). Once
    `cancelled`, it stops waiting and gives nothing to join."""
    sheets = []
    for made in bodies if bodies is not None else start_bodies(jobs, documents):
        if cancelled():
            return []
        sheets.append([body() for body in made])
    runs: list[FooterRun] = []
    for document, laid in zip(documents, sheets, strict=True):
        parts = [_front(jobs, document, laid), *laid] if document.front else laid
        pages = _footer_pages(document, parts)
        if not runs or sum(len(f.pages) for f in runs[-1].files) + len(pages) > FOOTER_RUN:
            runs.append(FooterRun())
        runs[-1].files.append(_Laid(document, parts, pages))
    for run in runs:
        run.footer = _footers(jobs, run.files)
    return runs


def join_files(runs: Sequence[FooterRun], docs: Path) -> Iterator[tuple[PdfDocument, Path, float]]:
    """Each file of `runs` joined into `docs` once its footers are laid out, in order."""
    for run in runs:
        offset, footer = 0, run.footer()
        for laid in run.files:
            target = docs / laid.document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            join_parts([part.part for part in laid.parts], target, 0, footer, offset)
            offset += len(laid.pages)
            yield laid.document, target, sum(part.seconds for part in laid.parts)


def body_job(printer: Printer, body: SheetBody) -> Job:
    """A worksheet's body: started `keep`, it is laid out once for every file and book of the
    pool's build."""
    return part_job(printer.html(WORKSHEET, body.view), frozenset(), False, body.variant, body.title)


def file_key(printer: Printer, document: PdfDocument) -> str:
    """What a file is known by, without laying it out: its bodies' and front's HTML (the page
    numbers are not in it: they follow from the rest)."""
    bodies = [printer.html(WORKSHEET, body.view) for body in document.sheets]
    front = [front_html(printer, document.front, [0] * len(document.sheets))] if document.front else []
    return printer.key("file", document.variant, *bodies, *front)


def front_html(printer: Printer, front: PacketView, pages: Sequence[int]) -> str:
    return printer.html(PACKET, front, contents=list(zip(front.sheets, pages, strict=True)))


def _front(jobs: PdfPool, document: PdfDocument, sheets: Sequence[LaidOut]) -> LaidOut:
    """The packet's cover and contents, its sheets numbered after them: laid out as if the
    contents took one page, and again if they took more (the numbers hardly change a line)."""
    assert document.front is not None
    count = ASSUMED_FRONT
    for _ in range(3):
        pages, first = [], count + 1
        for laid in sheets:
            pages.append(first)
            first += laid.count
        html = front_html(jobs.printer, document.front, pages)
        targets = frozenset(sheet.id for sheet in document.front.sheets)
        front: LaidOut = jobs.start(part_job(html, targets, False, document.variant, document.path), first=True)()
        if front.count == count:
            break
        count = front.count
    return front


def _footer_pages(document: PdfDocument, parts: Sequence[LaidOut]) -> list[FooterPage]:
    """None on the cover; the contents' title on the contents' pages, each worksheet's on its
    own; "Page n of m" on every page but the cover."""
    total = sum(laid.count for laid in parts)
    words = []
    if document.front:
        words = [("cover", "")] + [("sheet", document.head.labels["contents"])] * (parts[0].count - 1)
    for body, laid in zip(document.sheets, parts[1:] if document.front else parts, strict=True):
        words += [("sheet", body.title)] * laid.count
    return [FooterPage(kind, text, n, total) for n, (kind, text) in enumerate(words, start=1)]


def _footers(jobs: PdfPool, files: Sequence[_Laid]) -> Made:
    """One footer PDF for several files, their pages one after the other."""
    pages = [page for laid in files for page in laid.pages]
    html = jobs.printer.html(SHEET_FOOTER, files[0].document.head, footer_pages=pages)
    return jobs.start(Job(lay_out_footer, (html,), ("footer", html), len(pages)), first=True)
