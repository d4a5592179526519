"""PDF layout on every core: worksheets, packets and the handbook's parts are independent jobs.

A job is a module-level function `job(printer, *args)` and its arguments (HTML strings, names):
the parent prints the HTML from the plan's views (cheap, and what the serve cache keys on), a
worker lays it out and writes the PDF (the slow part: WeasyPrint is pure Python, one core per
document) and sends the bytes back. Each result is asked for by its own job, whatever finished
first, so the output is the same bytes with one worker or many.

Workers are forked, so they share the loaded modules (a cold process costs about 0.6 s more);
each builds its own Printer, fonts included, once. One worker means no pool: each job runs here
when its result is asked for, one at a time, as they always did. That is what `build --all`
asks for when it builds several organizations at once (commands/all_orgs.py: no pool inside a
pool), and what a process with other threads gets (serve's server: forking a threaded process
can leave a lock held forever).

A user's mistake inside a worker (a refused image) comes back as the same InputError; a bug
comes back as its exception; a worker that dies breaks the pool (BrokenProcessPool), and the
jobs not yet started are cancelled: nothing waits forever.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any

from generator.errors import InputError, Problem
from generator.pdf.cache import PdfCache
from generator.plan.print import PrintSetup

if TYPE_CHECKING:
    from generator.pdf.printer import Printer

Made = Callable[[], Any]  # a started job's result, when asked for
_worker_printer: Printer | None = None  # this worker process's own (set by _start)


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


def cores() -> int:
    """The cores this process may use (Linux: its affinity, which containers narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class PdfPool:
    """Lays out jobs with `workers` processes (None: one per core); with a `cache` (serve), a
    job made before from the same inputs is not made again. A context manager: the workers
    start with the first job sent to them and stop at its end."""

    def __init__(self, setup: PrintSetup, workers: int | None = None, cache: PdfCache | None = None) -> None:
        from generator.pdf.printer import Printer

        self.setup, self.cache = setup, cache
        self.printer = Printer(setup)  # the HTML and the cache's keys; the jobs, with one worker
        self.workers = 1 if threading.active_count() > 1 else workers or cores()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PdfPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=error is not None)
            self._pool = None

    def run(self, jobs: Sequence[Job]) -> Iterator[Any]:
        """Each job's result, in order; the longest jobs are sent first."""
        longest_first = sorted(range(len(jobs)), key=lambda n: -jobs[n].size)
        started = {n: self.start(jobs[n]) for n in longest_first}
        return (started[n]() for n in range(len(jobs)))

    def start(self, job: Job) -> Made:
        """Send `job` to a worker now (with one worker: run it when its result is asked for)."""
        if self.workers == 1:
            return partial(self._remembered, job, partial(job.run, self.printer, *job.args))
        if self.cache is not None and job.made_of and self._key(job) in self.cache.entries:
            return partial(self._remembered, job, _never)
        if self._pool is None:
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(self.workers, context, initializer=_start, initargs=(self.setup,))
        return partial(self._remembered, job, partial(_result, self._pool.submit(_call, job.run, job.args)))

    def _remembered(self, job: Job, make: Made) -> Any:
        if self.cache is None or not job.made_of:
            return make()
        return self.cache.get(self._key(job), make)

    def _key(self, job: Job) -> str:
        return hashlib.sha256("\0".join((self.printer.resources, *job.made_of)).encode()).hexdigest()


def _start(setup: PrintSetup) -> None:
    """In a new worker: its own Printer (fonts, fetcher); the paper is in the HTML already."""
    from generator.pdf.printer import Printer

    global _worker_printer
    _worker_printer = Printer(setup)


def _call(run: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    try:
        return run(_worker_printer, *args)
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
