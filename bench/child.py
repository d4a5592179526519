"""One full build in a process of its own, for bench/run.py: seconds and peak memory per stage.

    python bench/child.py ROOT OUT

Prints one JSON line. Peak memory per stage is the process's resident peak while the stage ran
(Linux: /proc/self/clear_refs resets it at each stage's start), so it includes what earlier
stages still hold. The PDF workers are processes of their own: `workers_peak_mb` is the largest
one's resident peak (getrusage of the children the build waited for); run.py samples the whole
tree's memory (bench/memory.py). `threads_at_pdfs` above 1 would give the pool one worker.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from generator.stages import Stages

STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def resident_peak_mb() -> float:
    found = re.search(r"VmHWM:\s+(\d+) kB", STATUS.read_text()) if STATUS.exists() else None
    return int(found.group(1)) / 1024 if found else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class MemoryStages(Stages):
    """Stages that also record each stage's peak resident memory (MB)."""

    def __init__(self) -> None:
        super().__init__()
        self.peak_mb: dict[str, float] = {}
        self.threads = 0

    def begin(self, name: str) -> None:
        if name == "pdfs":
            self.threads = threading.active_count()  # more than 1: the PDF pool gets one worker
        with contextlib.suppress(OSError):
            CLEAR_REFS.write_text("5")  # resets VmHWM to the current resident size

    def end(self, name: str) -> None:
        self.peak_mb[name] = max(self.peak_mb.get(name, 0.0), resident_peak_mb())


def _timed(owner: Any, name: str, key: str, folder: Path) -> None:
    """Make `owner.name` add the seconds it takes to `folder/<pid>` as a line `key seconds`.
    Build looks it up at call time, and the PDF pool's workers are forked after this, so the
    build measured is the build run, in whichever process does the work."""
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            with (folder / str(os.getpid())).open("a", encoding="utf-8") as times:
                times.write(f"{key} {time.perf_counter() - started}\n")

    setattr(owner, name, timed)


def _time_our_pdf_work(folder: Path) -> None:
    """Our share of the PDF stages, timed where it runs (the build or a worker of its pool):
    printing the HTML that WeasyPrint lays out (worksheets, packets, the handbook's parts;
    their views are planned in the "pages" stage) and joining the files' parts."""
    import importlib

    import generator.pdf.printer

    _timed(generator.pdf.printer.Printer, "html", "pdf_html", folder)
    for module in ("generator.pdf.joins", "generator.pdf.stage", "generator.pdf.handbook", "generator.pdf.join"):
        try:  # the module a checkout calls join_parts in: pdf/join.py now; before (--before) one of the others
            joins = importlib.import_module(module)
        except ImportError:
            continue
        if hasattr(joins, "join_parts"):
            _timed(joins, "join_parts", "join", folder)
            return
    raise RuntimeError("no join_parts to time in generator.pdf")


def _spent(folder: Path) -> dict[str, float]:
    """The seconds each process recorded, summed by key (CPU-side work, across the workers)."""
    spent = {"pdf_html": 0.0, "join": 0.0}
    for times in folder.iterdir():
        for line in times.read_text(encoding="utf-8").splitlines():
            key, seconds = line.split()
            spent[key] += float(seconds)
    return spent


def main(argv: list[str]) -> None:
    root, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    times = Path(tempfile.mkdtemp(prefix="mentorbook-bench-times-"))
    _time_our_pdf_work(times)
    from generator.build import build

    org_file = root / "organizations" / "example.yaml"
    stages = MemoryStages()
    result = build(root, org_file, out, force=True, stages=stages)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # 0 without a pool
    report = {
        "seconds": stages.seconds,
        "peak_mb": stages.peak_mb,
        "total": result.seconds,
        "pages": result.pages,
        **_spent(times),
        "peak_total_mb": max(stages.peak_mb.values()),
        "workers_peak_mb": workers,
        "threads_at_pdfs": stages.threads,
    }
    shutil.rmtree(times)
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
