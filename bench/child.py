"""One full build in a process of its own, for bench/run.py: seconds and peak memory per stage.

    python bench/child.py ROOT OUT

Prints one JSON line. Peak memory per stage is the process's resident peak while the stage ran
(Linux: /proc/self/clear_refs resets it at each stage's start), so it includes what earlier
stages still hold.
"""

from __future__ import annotations

import contextlib
import json
import re
import resource
import sys
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

    def begin(self, name: str) -> None:
        with contextlib.suppress(OSError):
            CLEAR_REFS.write_text("5")  # resets VmHWM to the current resident size

    def end(self, name: str) -> None:
        self.peak_mb[name] = max(self.peak_mb.get(name, 0.0), resident_peak_mb())


def pdf_html_seconds(root: Path, org_file: Path) -> float:
    """Our share of the PDF stages: making the HTML that WeasyPrint then lays out. (Joining the
    handbook's parts, pikepdf's work, is counted as the PDF library's.)"""
    from generator.guide_pdf import guide_html
    from generator.pdf import Printer, program_order
    from generator.project import load_project

    project = load_project(root, org_file)
    started = time.perf_counter()
    printer = Printer(project, project.organization.paper)
    for worksheet in project.curriculum.worksheets:
        for variant in ("fillable", "print"):
            printer.html("print/worksheet.html.j2", variant, [worksheet])
    for variant in ("fillable", "print"):
        printer.html("print/packet.html.j2", variant, program_order(project.curriculum))
    guide_html(project, printer)
    return time.perf_counter() - started


def _time_the_join() -> list[float]:
    """Seconds spent joining the handbook's parts (our code over pikepdf), filled in by build."""
    import generator.guide_pdf

    spent, join_parts = [0.0], generator.guide_pdf.join_parts

    def timed(*args: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        join_parts(*args, **kwargs)
        spent[0] += time.perf_counter() - started

    generator.guide_pdf.join_parts = timed  # type: ignore[assignment]
    return spent


def main(argv: list[str]) -> None:
    root, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    join = _time_the_join()
    from generator.build import build

    org_file = root / "organizations" / "example.yaml"
    stages = MemoryStages()
    result = build(root, org_file, out, force=True, stages=stages)
    report = {
        "seconds": stages.seconds,
        "peak_mb": stages.peak_mb,
        "total": result.seconds,
        "pages": result.pages,
        "pdf_html": pdf_html_seconds(root, org_file),
        "join": join[0],
        "peak_total_mb": max(stages.peak_mb.values()),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
