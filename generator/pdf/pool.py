"""PDF layout on every core: worksheets' pages and the books' parts are independent jobs.

A job is a module-level function `job(printer, *args)` and its arguments (HTML strings, names):
the parent prints the HTML from the plan's views (cheap, and what the serve cache keys on), a
worker lays it out and writes the PDF (the slow part: WeasyPrint is pure Python, one core per
document) and sends the bytes back. Each result is asked for by its own job, whatever finished
first, so the output is the same bytes with one worker or many.

The workers (workers.py) each build their own Printer, fonts included, once per setup. A
worker's memory grows by 1 to 1.7 MB with every part it lays out, outside Python (WeasyPrint's
libraries; giving it back with malloc_trim frees a third), so a pool replaces its workers once
each has been given WORKER_BUDGET characters of HTML (the standard library's
`max_tasks_per_child` hangs on Python 3.11 when a worker leaves, CPython gh-115634): a
shipped-size build replaces them twice, a 1,000-session one about forty times (a 300-session
build's books, the whole tree: 373 MB with 1.5 million characters a worker, 348 with 500,000).
One worker means no pool: each job runs here when its result is asked for, one at a time. That
is what `build --all` asks for when it builds several organizations at once
(commands/all_orgs.py: no pool inside a pool).

A user's mistake inside a worker (a refused image) comes back as the same InputError; a bug
comes back as its exception; a worker that dies breaks the pool (BrokenProcessPool), and the
jobs not yet started are cancelled: nothing waits forever.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any

from generator.errors import InputError, Problem
from generator.pdf.cache import PdfCache
from generator.pdf.workers import cores, executor
from generator.plan.print.worksheets import PrintSetup

if TYPE_CHECKING:
    from generator.pdf.printer import Printer

Made = Callable[[], Any]  # a started job's result, when asked for
WORKER_BUDGET = 250_000  # characters of HTML a worker lays out before it is replaced
WINDOW = 4  # jobs per worker in the workers' hands at a time: enough for the parent's joins
_worker_printers: dict[PrintSetup, Printer] = {}  # this worker process's own, one per setup


@dataclass(frozen=True)
class Job:
    """`run(printer, *args)`; remembered by the cache (serve) by `made_of` when given. `size`
    (the HTML's length) says which jobs of a batch to start first: the longest, so that no core
    waits at the end for one long job started last."""

    run: Callable[..., Any]
    args: tuple[Any, ...]
    made_of: tuple[str, ...] = ()
    size: int = 0


@dataclass(frozen=True)
class _Failed:
    """An InputError on its way back from a worker (its own pickling would lose the problems)."""

    problems: list[Problem]


class PdfPool:
    """Lays out jobs with `workers` processes (None: one per core); with a `cache` (serve), a
    job made before from the same inputs is not made again. A context manager: its own workers
    start with the first job sent to them and stop at its end; a `shared` executor (serve's)
    is used and left running, and `cancel()` drops the jobs started that have not begun.

    The started jobs wait here, and WINDOW per worker at a time are in the workers' hands: so a
    job started `first` (a book's contents and footers, which its join waits for) goes before
    the others waiting (the next books' parts), and a cancelled build leaves few jobs begun.
    The pool's own workers are replaced once each has been given WORKER_BUDGET characters of
    HTML: the jobs after that wait until the workers have made what they were given, and go to
    new ones, forked then (with no other thread left to fork beside)."""

    def __init__(
        self,
        setup: PrintSetup,
        workers: int | None = None,
        cache: PdfCache | None = None,
        shared: ProcessPoolExecutor | None = None,
        stopped: threading.Event | None = None,
    ) -> None:
        from generator.pdf.printer import Printer

        self.setup, self.cache, self.shared, self.stopped = setup, cache, shared, stopped
        self.printer = Printer(setup)  # the HTML and the cache's keys; the jobs, with one worker
        self.workers = workers or cores()
        self._pool: ProcessPoolExecutor | None = shared
        self._given = 0  # characters of HTML sent to this pool's present workers
        self._first: deque[tuple[_Slot, Job]] = deque()  # started `first`, not yet sent
        self._waiting: deque[tuple[_Slot, Job]] = deque()  # the other jobs started, not yet sent
        self._sent: list[Future[Any]] = []  # in the workers' hands: not yet done
        self._kept: dict[str, Started] = {}  # the jobs started `keep`, by their key

    def __enter__(self) -> PdfPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is not None:
            self.cancel()
        if self._pool is not None and self._pool is not self.shared:
            self._pool.shutdown(wait=True, cancel_futures=error is not None)
        self._pool = self.shared

    def cancel(self) -> int:
        """Drop the jobs started that no worker has begun (those begun run on, their results
        unread); how many were dropped."""
        waiting = [*self._first, *self._waiting]
        self._first.clear()
        self._waiting.clear()
        for slot, _ in waiting:
            slot.future = _cancelled()
        return len(waiting) + sum(future.cancel() for future in self._sent)

    def starved(self) -> bool:
        """Whether no job started waits for a worker (one worker here: never, a job runs when
        its result is asked for)."""
        return (self.workers > 1 or self.shared is not None) and not (self._first or self._waiting)

    def run(self, jobs: Sequence[Job]) -> Iterator[Any]:
        """Each job's result, in order; the longest jobs are sent first."""
        longest_first = sorted(range(len(jobs)), key=lambda n: -jobs[n].size)
        started = {n: self.start(jobs[n]) for n in longest_first}
        return (started[n]() for n in range(len(jobs)))

    def start(self, job: Job, first: bool = False, keep: bool = False) -> Started:
        """Send `job` to a worker as soon as one has room for it, before the jobs waiting that
        were not started `first` (one worker: run it when asked for). A job started `keep` is
        made once for the pool's life (a worksheet's pages, in its PDF, the packet and books)."""
        if keep:
            if (key := self._key(job)) not in self._kept:
                self._kept[key] = self.start(job, first)
                self._kept[key].kept = True
            return self._kept[key]
        if self.workers == 1 and self.shared is None:
            return Started(partial(self._remembered, job, partial(job.run, self.printer, *job.args)))
        if self.cache is not None and job.made_of and self._key(job) in self.cache.entries:
            return Started(partial(self._remembered, job, _never), known=True)
        slot = _Slot()
        (self._first if first else self._waiting).append((slot, job))
        self._send()
        if self.cache is None or not job.made_of:
            return Started(partial(self._result, slot), slot)  # not the job: its HTML is let go once sent
        return Started(partial(self._remembered, job, partial(self._result, slot)), slot)

    def _send(self) -> None:
        """Send waiting jobs on while the workers hold fewer than WINDOW each; replace the
        pool's own workers once they have been given their budget and have made it all."""
        self._sent = [future for future in self._sent if not future.done()]
        if self.stopped is not None and self.stopped.is_set():
            return  # its executor is shut down: the jobs waiting are never sent (_result says so)
        while (self._first or self._waiting) and len(self._sent) < WINDOW * self.workers:
            if self.shared is None and self._given >= WORKER_BUDGET * self.workers:
                if self._sent:
                    return
                if self._pool is not None:
                    self._pool.shutdown(wait=True)  # its results stay with their futures
                self._pool, self._given = None, 0
            slot, job = (self._first or self._waiting).popleft()
            if self._pool is None:
                self._pool = executor(self.workers)
            slot.future = self._pool.submit(_call, self.setup, job.run, job.args)
            self._given += job.size
            self._sent.append(slot.future)

    def _result(self, slot: _Slot) -> Any:
        """What the worker made of `slot`'s job, sending the waiting jobs on meanwhile; once
        `stopped` is set, a CancelledError (a shared executor shut down under a running job
        may never finish its future)."""
        self._send()
        while slot.future is None or not slot.future.done():
            wait(self._sent, timeout=None if self.stopped is None else 0.2, return_when=FIRST_COMPLETED)
            if self.stopped is not None and self.stopped.is_set():
                raise CancelledError
            self._send()
        return _result(slot.future)

    def _remembered(self, job: Job, make: Made) -> Any:
        if self.cache is None or not job.made_of:
            return make()
        return self.cache.get(self._key(job), make)

    def _key(self, job: Job) -> str:
        return self.printer.key(*job.made_of)


@dataclass
class _Slot:
    """Where a started job's future will be, once it is sent to a worker."""

    future: Future[Any] | None = None


class Started:
    """A started job: called, its result (waited for if need be; a `kept` one's remembered);
    `ready()` once calling it would not wait."""

    def __init__(self, get: Made, slot: _Slot | None = None, known: bool = False) -> None:
        self._get, self.slot, self.known, self.kept = get, slot, known, False
        self._made: tuple[Any] | None = None

    def __call__(self) -> Any:
        if self._made is not None:
            return self._made[0]
        made = self._get()
        if self.kept:
            self._made = (made,)
        return made

    def ready(self) -> bool:
        if self._made is not None or self.known:
            return True
        return self.slot is not None and self.slot.future is not None and self.slot.future.done()


def _cancelled() -> Future[Any]:
    future: Future[Any] = Future()
    future.cancel()
    return future


def _call(setup: PrintSetup, run: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """In a worker: `run` with this process's Printer for `setup` (its fonts made once)."""
    from generator.pdf.printer import Printer

    printer = _worker_printers.get(setup)
    if printer is None:
        printer = _worker_printers[setup] = Printer(setup)
    try:
        return run(printer, *args)
    except InputError as error:
        return _Failed(error.problems)


def _result(future: Future[Any]) -> Any:
    """What the worker made, or the InputError it met, raised again here."""
    result = future.result()
    if isinstance(result, _Failed):
        raise InputError(result.problems)
    return result


def _never() -> Any:
    raise AssertionError("the cache has this job: it is never made")  # pragma: no cover
