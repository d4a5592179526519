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
import re
import resource
import sys
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


def _timed(owner: Any, name: str, spent: dict[str, float], key: str) -> None:
    """Make `owner.name` add the seconds it takes to `spent[key]` (build looks it up at call
    time, so the build measured is the build run)."""
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - started

    setattr(owner, name, timed)


def _time_our_pdf_work() -> dict[str, float]:
    """Our share of the PDF stages, timed inside the build: printing the HTML that WeasyPrint
    lays out (worksheets, packets, the handbook's parts; their views are planned in the
    "pages" stage) and joining the handbook's parts."""
    import importlib

    import generator.pdf.printer

    spent = {"pdf_html": 0.0, "join": 0.0}
    _timed(generator.pdf.printer.Printer, "html", spent, "pdf_html")
    try:  # the PDF stage (pdf/stage.py), or a checkout before it (--before): pdf/handbook.py
        joins = importlib.import_module("generator.pdf.stage")
    except ImportError:
        joins = importlib.import_module("generator.pdf.handbook")
    _timed(joins, "join_parts", spent, "join")
    return spent


def main(argv: list[str]) -> None:
    root, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    ours = _time_our_pdf_work()
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
        **ours,
        "peak_total_mb": max(stages.peak_mb.values()),
        "workers_peak_mb": workers,
        "threads_at_pdfs": stages.threads,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
