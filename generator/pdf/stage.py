"""The PDF stage, a batch program: the plan's PDF documents -> their files in a folder.

Follow one worksheet from plan to file by reading `make_pdfs` top to bottom: its body in each
variant is a Job (parts.py), laid out once however many files and books hold it (the job's key,
a hash of its HTML, is looked up in a plain dict first); the fronts are numbered from the
bodies' pages, the footers (on blank pages, a run of pages to a job) once every page is
counted, and each file is joined from its parts' and footers' PDFs in `folder` (join.py).
Each step's jobs go to a standard-library `multiprocessing.Pool` of a worker per core, the
longest first; a worker is replaced after MAX_TASKS jobs (WeasyPrint's libraries keep 1 to 1.7
MB a part outside Python; `ProcessPoolExecutor(max_tasks_per_child=)` hangs on Python 3.11,
CPython gh-115634, `Pool(maxtasksperchild=)` does not). A worker writes each PDF it lays out
into `folder` under its key and sends back only its page count and anchors (parts.Laid), so
the parent holds no PDF. With one process there is no pool: each job is laid out and each
file joined here (`build --all`: no pool inside its pool of organizations).
`folder` is content-addressed: what a job's key names there is what that job makes, so a
folder kept between runs (serve's, __main__.py) lays out only what changed. serve asks for its
handbook `first`: made on its own, while the worker it leaves idle begins the editions' longest
parts, so that neither waits for the other (bench/preview.py measures both). Known limit: a
worker killed in a job (the system out of memory) loses that job, and the pool waits for it.
A book is laid out in the plan's parts and joined for WeasyPrint's memory (join.py says why).
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.pool
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from generator.pdf import PdfWork
from generator.pdf.jobs import body_job, contents_jobs, packet_front, part_job_of, whole_job
from generator.pdf.join import Joining, Part, join_file, write_whole
from generator.pdf.parts import Job, Laid, footer_job, lay_out
from generator.pdf.printer import Printer
from generator.plan.print.book import HandbookPlan
from generator.plan.print.worksheets import SHEET_FOOTER, PdfDocument, PrintSetup

MAX_TASKS = 10  # jobs a worker lays out before it is replaced
ASSUMED_FRONT = 1  # the packet's cover, which holds its contents, until they are laid out
FILE_FOOTER_RUN = 100  # pages of files' footers laid out in one job
BOOK_FOOTER_RUN = 50  # pages of a book's footers laid out in one job


def make_pdfs(work: PdfWork, docs: Path, folder: Path, processes: int | None = None, first: int = 0) -> Iterator[str]:
    """Write every document of `work` into `docs` (its path there), yielding each path as it is
    written; the parts' PDFs go to `folder`. `processes`: None, one per core. `first`: that many
    books made on their own before the rest (serve's handbook, __main__.py), the longest bodies
    of the rest begun meanwhile on the workers the first leave idle."""
    printer = Printer(work.setup)
    with Batch(printer, folder, processes) as batch:
        rest = replace(work, books=work.books[first:])
        if first:
            batch.start(_bodies(printer, rest)[3])
            yield from _make(batch, replace(work, files=(), books=work.books[:first], wholes=()), docs)
        yield from _make(batch, rest, docs)


def _bodies(printer: Printer, work: PdfWork) -> tuple[list[list[Job]], list[list[Job]], list[Job], list[Job]]:
    """The jobs of the files' sheets, the books' parts and the whole PDFs, by document; and all of them."""
    sheets = [[body_job(printer, body) for body in file.sheets] for file in work.files]
    parts = [[part_job_of(printer, book, index) for index in range(len(book.parts))] for book in work.books]
    wholes = [whole_job(whole) for whole in work.wholes]
    return sheets, parts, wholes, [job for jobs in (*sheets, *parts, wholes) for job in jobs]


def _make(batch: Batch, work: PdfWork, docs: Path) -> Iterator[str]:
    """make_pdfs' steps, on its batch."""
    printer = batch.printer
    # 1. Every body of every document, each once.
    sheets, parts, wholes, bodies = _bodies(printer, work)
    batch.lay_out(bodies)
    # 2. The fronts, numbered from the bodies' pages: the books' contents with the packets'.
    contents = [contents_jobs(printer, book, batch.laid(jobs)) for book, jobs in zip(work.books, parts, strict=True)]
    books_fronts = [job for jobs in contents for job in jobs]
    fronts = _packet_fronts(batch, work.files, [batch.laid(jobs) for jobs in sheets], books_fronts)
    # 3. The footers, now that every page is counted.
    files = [[*front, *jobs] for front, jobs in zip(fronts, sheets, strict=True)]
    file_footers = _file_footers(batch, work.files, files)
    books = [(front, body) for front, body in zip(contents, parts, strict=True)]
    book_footers = [_book_footers(printer, book, batch, *pair) for book, pair in zip(work.books, books, strict=True)]
    batch.lay_out([job for footers in (*file_footers, *book_footers) for job, _ in footers])
    # 4. Each file joined, side by side, in the plan's order.
    joins = [
        Joining(file.path, tuple(batch.part(job, footer) for job, footer in zip(jobs, footers, strict=True)))
        for file, jobs, footers in zip(work.files, files, file_footers, strict=True)
    ]
    joins += [
        _book_join(batch, book, *pair, footers)
        for book, pair, footers in zip(work.books, books, book_footers, strict=True)
    ]
    joins += [
        Joining(whole.path, (batch.part(job, None),), whole=True)
        for whole, job in zip(work.wholes, wholes, strict=True)
    ]
    yield from batch.join(joins, docs)


def render(work: PdfWork, docs: Path, processes: int = 1) -> list[Path]:
    """Every document of `work` written into `docs`, their parts in a folder of their own let go
    after (tests, the bench): each one's path, in order."""
    with tempfile.TemporaryDirectory(prefix="mentorbook-parts-") as parts:
        return [docs / path for path in make_pdfs(work, docs, Path(parts), processes)]


class Batch:
    """Lays out jobs on a pool (or here, with one process), each key once: what is laid out is
    kept in `done`, a plain dict (key -> Laid), and its PDF in `folder` as `<key>.pdf`."""

    def __init__(self, printer: Printer, folder: Path, processes: int | None = None) -> None:
        self.printer, self.folder, self.done = printer, folder, dict[str, Laid]()
        self.processes = processes or cores()
        self.pool: multiprocessing.pool.Pool | None = None  # started with the first job to lay out
        self.begun: dict[str, multiprocessing.pool.AsyncResult[tuple[str, Laid]]] = {}  # by `start`, by key
        folder.mkdir(parents=True, exist_ok=True)

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        if self.pool is not None:
            (self.pool.terminate if error else self.pool.close)()
            self.pool.join()

    def lay_out(self, jobs: Sequence[Job]) -> None:
        """Lay out the jobs not done yet (in this run, or in `folder` before), the longest first;
        and wait for those begun by `start`."""
        tasks = self._tasks(jobs)
        pool = self._pool(tasks)
        made = map(_lay_out, tasks) if pool is None else pool.imap_unordered(_lay_out, tasks)
        for key, laid in made:
            self.done[key] = laid
        for key in {job.key(self.printer) for job in jobs} & self.begun.keys():
            self.done[key] = self.begun.pop(key).get()[1]

    def start(self, jobs: Sequence[Job]) -> None:
        """Begin the longest jobs not done yet, one per worker but one, without waiting for them."""
        tasks = self._tasks(jobs)[: self.processes - 1]
        if (pool := self._pool(tasks)) is not None:
            self.begun |= {task[2]: pool.apply_async(_lay_out, (task,)) for task in tasks}

    def _pool(self, tasks: Sequence[object]) -> multiprocessing.pool.Pool | None:
        """The workers, started with the first tasks to lay out (None with one process: here)."""
        if self.pool is None and self.processes > 1 and tasks:
            self.pool = multiprocessing.Pool(self.processes, _worker_starts, maxtasksperchild=MAX_TASKS)
        return self.pool

    def _tasks(self, jobs: Sequence[Job]) -> list[tuple[PrintSetup, Path, str, Job]]:
        """The jobs not done, begun or laid out in `folder` before, once each, the longest first."""
        todo: dict[str, Job] = {}
        for job in jobs:
            key = job.key(self.printer)
            if key not in self.done and key not in self.begun and key not in todo and not self._known(key):
                todo[key] = job
        tasks = [(self.printer.setup, self.folder, key, job) for key, job in todo.items()]
        return sorted(tasks, key=lambda task: -len(task[3].html))

    def laid(self, jobs: Sequence[Job]) -> list[Laid]:
        return [self.done[job.key(self.printer)] for job in jobs]

    def part(self, job: Job, footer: tuple[Job, int] | None, continues: bool = False, nested: bool = False) -> Part:
        """A laid-out job as a join takes it: its PDF and stand-ins, how it is joined, and its
        footers' job with the page of it where its own begin."""
        key = job.key(self.printer)
        over, at = (self.pdf(footer[0].key(self.printer)), footer[1]) if footer else (None, 0)
        return Part(self.pdf(key), self.done[key].stand_ins, continues, nested, over, at)

    def pdf(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def join(self, joins: Sequence[Joining], docs: Path) -> Iterator[str]:
        """Join each file (on the pool, once it is running), yielding its path in `joins`' order."""
        tasks = [(docs, joining) for joining in joins]
        yield from map(join_file, tasks) if self.pool is None else self.pool.imap(join_file, tasks)

    def _known(self, key: str) -> bool:
        """Whether `folder` holds the job already (a run before this one laid it out)."""
        try:
            made = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        self.done[key] = Laid(made["count"], made["anchors"], frozenset(made["stand_ins"]))
        return True


_printers: dict[PrintSetup, Printer] = {}  # a worker's own, its fonts made once


def _worker_starts() -> None:
    """A worker is forked from the build, its plan and all: what it inherits is frozen, so that
    its garbage collector never writes to those pages and they stay shared with the parent.
    (Not PR_SET_PDEATHSIG to end it with the build: Linux sends that when the forking *thread*
    ends, and the pool's replacement workers are forked by its own thread, ended by `close`.)"""
    gc.freeze()


def _lay_out(task: tuple[PrintSetup, Path, str, Job]) -> tuple[str, Laid]:
    """In a worker: lay the job out, write its PDF as `<key>.pdf` and its pages as `<key>.json`."""
    setup, folder, key, job = task
    printer = _printers.get(setup) or _printers.setdefault(setup, Printer(setup))
    pdf, laid = lay_out(printer, job)
    write_whole(folder / f"{key}.pdf", pdf)
    write_whole(folder / f"{key}.json", json.dumps({**asdict(laid), "stand_ins": sorted(laid.stand_ins)}).encode())
    return key, laid


def cores() -> int:
    """The cores this process may use (Linux: its affinity, which containers narrow)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# Files: worksheets, packets and forms.


def _packet_fronts(
    batch: Batch, files: Sequence[PdfDocument], sheets: Sequence[list[Laid]], beside: Sequence[Job]
) -> list[list[Job]]:
    """Each packet's front (none for other files), its sheets numbered after it: laid out as if
    the contents took ASSUMED_FRONT pages, and again if they took more (at most three times).
    The first time, the jobs `beside` are laid out with them."""
    fronts: dict[int, Job] = {}
    counts = {n: ASSUMED_FRONT for n, file in enumerate(files) if file.front}
    for attempt in range(3):
        for n, count in counts.items():
            starts = [count + 1 + sum(laid.count for laid in sheets[n][:i]) for i in range(len(sheets[n]))]
            fronts[n] = packet_front(batch.printer, files[n], starts)
        batch.lay_out([*(beside if attempt == 0 else []), *(fronts[n] for n in counts)])
        laid = {n: batch.laid([fronts[n]])[0].count for n in counts}
        counts = {n: laid[n] for n, count in counts.items() if laid[n] != count}
    return [[fronts[n]] if n in fronts else [] for n in range(len(files))]


@dataclass(frozen=True)
class FooterPage:
    """One page's footer in a file: its words and "Page number of total", none on a cover."""

    kind: str  # cover or sheet
    words: str
    number: int
    total: int


def _file_footers(batch: Batch, files: Sequence[PdfDocument], jobs: Sequence[list[Job]]) -> list[list[tuple[Job, int]]]:
    """For each file, each part's footers' job and the page of it where its own begin (as in
    _book_footers): the files' footers, FILE_FOOTER_RUN pages of them to a job."""
    runs: list[list[tuple[PdfDocument, list[int], list[FooterPage]]]] = []  # files: parts' page counts, footers
    for file, parts in zip(files, jobs, strict=True):
        counts = [laid.count for laid in batch.laid(parts)]
        pages = _footer_pages(file, counts)
        if not runs or sum(len(p) for *_, p in runs[-1]) + len(pages) > FILE_FOOTER_RUN:
            runs.append([])
        runs[-1].append((file, counts, pages))
    footers: list[list[tuple[Job, int]]] = []
    for run in runs:
        html = batch.printer.html(SHEET_FOOTER, run[0][0].head, footer_pages=[p for *_, pages in run for p in pages])
        job, at = Job("the files' footers", html, "footer"), 0
        for _, counts, _ in run:
            footers.append([(job, at + sum(counts[:n])) for n in range(len(counts))])
            at += sum(counts)
    return footers


def _footer_pages(document: PdfDocument, counts: Sequence[int]) -> list[FooterPage]:
    """None on the cover; the contents' title on the contents' pages, each worksheet's on its
    own; "Page n of m" on every page but the cover."""
    words = []
    if document.front:
        words = [("cover", "")] + [("sheet", document.head.labels["contents"])] * (counts[0] - 1)
    for body, count in zip(document.sheets, counts[1:] if document.front else counts, strict=True):
        words += [("sheet", body.title)] * count
    return [FooterPage(kind, text, n, sum(counts)) for n, (kind, text) in enumerate(words, start=1)]


# Books: the handbook and its editions.


def _book_footers(
    printer: Printer, book: HandbookPlan, batch: Batch, front: Sequence[Job], body: Sequence[Job]
) -> list[tuple[Job, int]]:
    """For each part of the front and then the body: its footers' job, and the page of it where
    its own begin. The front's in one job (i, ii, ...); the body's BOOK_FOOTER_RUN pages to a job."""
    footers: list[tuple[Job, int]] = []
    for laid, front_matter in ((batch.laid(front), True), (batch.laid(body), False)):
        run: list[int] = []  # the page counts of the parts in the run
        first_page = 1
        for number, part in enumerate(laid):
            run.append(part.count)
            first_page += part.count
            if number == len(laid) - 1 or (not front_matter and sum(run) >= BOOK_FOOTER_RUN):
                job = footer_job(printer, book, sum(run), first_page - sum(run), front_matter)
                footers += [(job, sum(run[:n])) for n in range(len(run))]
                run = []
    return footers


def _book_join(
    batch: Batch, book: HandbookPlan, front: Sequence[Job], body: Sequence[Job], footers: Sequence[tuple[Job, int]]
) -> Joining:
    """The book's front and body, each part with its footers."""
    parts = [batch.part(job, footer) for job, footer in zip(front, footers[: len(front)], strict=True)] + [
        batch.part(job, footer, continues=part.continues and not part.sheet, nested=part.sheet is not None)
        for job, part, footer in zip(body, book.parts, footers[len(front) :], strict=True)
    ]
    return Joining(book.path, tuple(parts), front_pages=sum(laid.count for laid in batch.laid(front)))
