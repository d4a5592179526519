"""The PDF pool's worker processes (pool.py): how they are started, and how they end.

`build` forks its workers, so they share the loaded modules (a cold process costs about 0.6 s
more) and, as long as no collection there visits them, the plan's objects: the fork happens with
the garbage collector's objects frozen (at 200 sessions, 521 MB for the whole tree became 447
with the smaller parts of plan/print/chapters.py). A process with other threads (serve: its server
and the preview's thread) must not fork (a lock another thread held stays held forever in the
child): there the workers come from a fork server, a fresh process started once that has
WeasyPrint loaded, and `serve` keeps one executor for all its builds (preview.py), so the cold
start is paid once. Its workers run in the background (nicer than serve itself), so that they
can lay out the PDFs while serve rebuilds the site without slowing it.

A worker ends with the process that made it, even one killed by `kill -9`.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

BACKGROUND = 10  # how much nicer background workers run: the owner gets about 90% of a shared core


def cores() -> int:
    """The cores this process may use (Linux: its affinity, which containers narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def executor(workers: int | None = None, background: bool = False) -> ProcessPoolExecutor:
    """Worker processes that are safe to start from here: forked, all at once and with the
    garbage collector's objects frozen, from a process with no other thread; else from a fork
    server that has the layout modules loaded already. `background` workers give way to this
    process (serve: the site is rebuilt while they lay out the PDFs)."""
    start = (os.getpid(), BACKGROUND if background else 0)
    if threading.active_count() > 1:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["generator.pdf.parts", "generator.pdf.printer"])
        return ProcessPoolExecutor(workers or cores(), context, initializer=_end_with, initargs=start)
    give_back()  # not inherited by the workers as resident pages
    fork = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers or cores(), fork, initializer=_end_with, initargs=start)
    gc.freeze()  # the workers share this process's pages, which a collection there would copy
    try:
        pool.submit(int).result()  # a forking pool starts every worker at its first job
    finally:
        gc.unfreeze()
    return pool


def give_back() -> None:
    """Return the free memory at the top of this process's heap to the system (glibc keeps it:
    a handbook's join frees about 26 MB of the 37 it used, which stays resident otherwise)."""
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).malloc_trim(0)


def _end_with(owner: int, nice: int = 0) -> None:
    """In a new worker: end when the process that made the pool ends, even by `kill -9` (a worker
    left over holds its memory, and the terminal's output open). A forked worker is told by
    Linux; one from the fork server (whose parent is that server, which lives as long as its
    workers) looks every second. Run `nice`r than the owner."""
    if nice and hasattr(os, "nice"):
        os.nice(nice)
    if sys.platform == "linux" and os.getppid() == owner:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        return
    threading.Thread(target=_watch, args=(owner,), name="mentorbook-owner", daemon=True).start()


def _watch(owner: int) -> None:
    server = os.getppid()
    while _still_there(owner, server):
        time.sleep(1)
    os._exit(0)


def _still_there(owner: int, server: int) -> bool:
    """Whether `owner` is still running: on Linux, whether it is still the fork server's parent
    (an owner that has ended but is not yet reaped still answers a signal)."""
    try:
        return int(Path(f"/proc/{server}/stat").read_text().rsplit(")", 1)[1].split()[1]) == owner
    except (OSError, IndexError, ValueError):
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            return False
        return True
