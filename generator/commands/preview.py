"""The PDFs of `serve`, swapped in after the page: the site is swapped in and the browser reloads
first (about 1.5 s for the shipped curriculum), then the PDFs the edit changed are swapped into
the served folder, each when it is ready (before: 10.1 s from an edit to the reload, most of it
two PDFs laid out inside MkDocs' rebuild, which holds every request).

A background thread lays them out, begun as soon as the build has planned them (`begin`): the
workers lay out while this process renders the pages and builds the site, on the other core
(they run nicer than this process, pdf/workers.py, so the site is not slowed), and nothing is
joined or swapped in until the site is served (`submit`). Until a PDF is ready the site links
to the file served before (or, on the first build, to an empty stand-in), and `STATUS` lists
it, so the page can say "updating…" beside its link (preview_server.py). Each build is a
generation: a newer one cancels the jobs of the older, whose results are dropped, never
swapped in, and its jobs no worker has begun are cancelled; a build that fails goes on with
the last good one (`resume`).

The thread prints the PDFs' HTML here and sends each to the workers of one executor that lives
as long as `serve` (started from a fork server, because this process has threads; its cold
start is paid once). The PdfCache (the PDFs made before, by their HTML) lives in this process:
a job it knows is not sent.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import sys
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from generator.errors import InputError
from generator.pdf.cache import PdfCache
from generator.pdf.keys import pdf_keys
from generator.plan import Plan

STATUS = ".mentorbook-pdfs.json"  # in the served folder only: `build` never writes it
# The books' parts in a preview, in sessions (`build`: 6, plan/print/chapters.py): an edit to a session
# lays out again the part that holds it, about 20,000 characters of the shipped handbook's HTML,
# not 90,000. The pages are the same; only where the parts end inside the file differs.
PART_SESSIONS = 3


@dataclass(frozen=True)
class Job:
    generation: int
    plan: Plan
    keys: dict[str, str]  # each PDF's path in the site -> what its bytes are known by
    stale: list[str]  # the paths whose served file is not this job's
    live: threading.Event = field(default_factory=threading.Event)  # set once its site is served


class PdfWorker:
    """Lays out, in one background thread, the PDFs whose key differs from the served file's."""

    def __init__(self, out: Path, scratch: Path, quiet: bool = False) -> None:
        self.out, self.scratch, self.quiet = out, scratch, quiet
        self.cache = PdfCache()
        self.executor: ProcessPoolExecutor | None = None  # made by the thread, at its first job
        self.lock = threading.Lock()  # held to change generation, served or updating
        self.generation = 0
        self.stopped = threading.Event()  # set by stop(): a job waited for raises CancelledError
        self.dropped = 0  # jobs cancelled before any worker began them (a newer build came)
        self.served: dict[str, str] = {}  # path -> key of the file in `out` now
        self.updating: list[str] = []  # paths whose served file is not yet the current one
        self.jobs: queue.Queue[Job | None] = queue.Queue()
        self.last_good: Job | None = None
        self.thread = threading.Thread(target=self._run, name="mentorbook-pdfs", daemon=True)
        self.thread.start()

    def begin(self, plan: Plan) -> Job:
        """Cancel what is being laid out and begin the new job, as soon as its plan is made: its
        PDFs are laid out while the pages are rendered and the site engine builds the site (on
        the other core: the workers give way to this process), and swapped in once it is
        `submit`ted, when its site is served."""
        keys = pdf_keys(plan)  # before cancelling: a template mistake keeps the old jobs going
        return self._begin(plan, keys)

    def place(self, job: Job, docs: Path) -> None:
        """Put the files served now (or empty stand-ins) in `docs`, where the site engine copies
        them from (nothing is swapped into the served folder until `job` is submitted)."""
        for path in job.keys:
            target, served = docs / path, self.out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if served.is_file():
                shutil.copyfile(served, target)
            else:
                target.write_bytes(b"")

    def submit(self, job: Job) -> int:
        """The site `job` belongs to is served now: its PDFs may be swapped in; the number of
        PDFs it lays out."""
        with self.lock:
            self.last_good = job
            self.updating = list(job.stale)
            self._write_status()
        job.live.set()
        return len(job.stale)

    def resume(self) -> None:
        """After a build that failed once `begin` had cancelled: go on with the last good one."""
        if self.last_good:
            self.submit(self._begin(self.last_good.plan, self.last_good.keys))

    def _begin(self, plan: Plan, keys: dict[str, str]) -> Job:
        """A new generation: the jobs of the older are cancelled; this one is queued."""
        with self.lock:
            self.generation += 1
            stale = [path for path, key in keys.items() if self.served.get(path) != key]
            job = Job(self.generation, plan, keys, stale)
        self.jobs.put(job)
        return job

    def stop(self) -> None:
        """Cancel everything and end the workers now (a handbook part may take seconds)."""
        with self.lock:
            self.generation += 1
            self.stopped.set()
        self.jobs.put(None)
        if self.executor is not None:
            workers = list((self.executor._processes or {}).values())  # no public way to end them now
            self.executor.shutdown(wait=False, cancel_futures=True)
            for process in workers:
                process.terminate()
        self.thread.join(timeout=10)

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            if job.generation != self.generation or not job.stale:
                continue
            started, done = time.perf_counter(), 0
            try:
                done = self._lay_out(job)
            except (InputError, TemplateError) as error:
                if self._live(job):
                    self._failed(job, error)
                continue
            except (BrokenProcessPool, CancelledError):
                # stop() cancelled the jobs and ended the workers under this job (the pool sends
                # nothing more once `stopped` is set)
                if self.stopped.is_set():
                    return
                raise
            if done and job.generation == self.generation:
                self.cache.next_build()
                self._say(f"{done} PDF{'s' if done != 1 else ''} updated in {time.perf_counter() - started:.1f} s")

    def _lay_out(self, job: Job) -> int:
        """Lay out the stale PDFs on every core, the books (handbook and editions) last, each
        one's parts laid out while the book before is finished (render_books); join and swap
        them in once the job's site is served; stop when cancelled."""
        from generator.pdf.files import join_files, lay_out_files
        from generator.pdf.handbook import book_order, render_books, start_books
        from generator.pdf.pool import PdfPool
        from generator.pdf.workers import executor

        if self.executor is None:
            self.executor = executor(background=True)
        done, stale = 0, [d for d in job.plan.pdfs if d.path in job.stale]
        books = book_order([b for b in (job.plan.handbook, *job.plan.editions) if b.path in job.stale])
        with PdfPool(job.plan.setup, cache=self.cache, shared=self.executor, stopped=self.stopped) as pool:
            laid_out = lay_out_files(pool, stale, lambda: job.generation != self.generation)
            # The books' parts begun too, laid out while the site is built and the files are joined.
            started = start_books(pool, books) if job.generation == self.generation else []
            if not self._live(job):  # nothing is joined here while the site is built
                self.dropped += pool.cancel()
                return done
            for document, made, _ in join_files(laid_out, self.scratch):
                if job.generation != self.generation:
                    self.dropped += pool.cancel()
                    return done
                done += self._swap_in(job, document.path, made)
            for book, made in render_books(books, job.plan.setup, self.scratch, pool, started):
                done += self._swap_in(job, book.path, made)
                if job.generation != self.generation:
                    self.dropped += pool.cancel()
                    return done
        return done

    def _live(self, job: Job) -> bool:
        """Wait until `job`'s site is served; False if a newer build came first."""
        while not job.live.wait(0.05):
            if job.generation != self.generation:
                return False
        return job.generation == self.generation

    def _swap_in(self, job: Job, path: str, made: Path) -> int:
        """Replace the served file in one rename, unless a newer build came meanwhile."""
        with self.lock:
            if job.generation != self.generation:
                made.unlink(missing_ok=True)
                return 0
            target = self.out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(made, target)
            self.served[path] = job.keys[path]
            self.updating = [p for p in self.updating if p != path]
            self._write_status()
            return 1

    def _failed(self, job: Job, error: Exception) -> None:
        """A mistake only the PDFs show (a print template override): say it, stop saying
        "updating…", keep the files served before."""
        with self.lock:
            if job.generation != self.generation:
                return
            self.updating = []
            self._write_status()
        report = error.report() if isinstance(error, InputError) else f"print template: {error}"
        print(f"{report}\nthe PDFs stay as they were until this is fixed", file=sys.stderr, flush=True)

    def _write_status(self) -> None:
        """STATUS in the served folder, in one rename (the caller holds the lock)."""
        temporary = self.out / f"{STATUS}.tmp"
        temporary.write_text(json.dumps({"updating": self.updating}), encoding="utf-8")
        os.replace(temporary, self.out / STATUS)

    def _say(self, line: str) -> None:
        if not self.quiet:
            print(line, file=sys.stderr, flush=True)
