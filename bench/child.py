"""One full build in a process of its own, for bench/run.py: seconds and peak memory per stage.

    python bench/child.py ROOT OUT [--no-handbook]

Prints one JSON line. Peak memory per stage is the process's resident peak while the stage ran
(Linux: /proc/self/clear_refs resets it at each stage's start), so it includes what earlier
stages still hold. `--no-handbook` writes a placeholder instead of the handbook PDF, whose
cost the benchmark then reports as not measured (it is the one stage too slow to run at 1,000
sessions within the benchmark's time).
"""

from __future__ import annotations

import contextlib
import json
import re
import resource
import sys
import time
from pathlib import Path

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


def pdf_html_seconds(root: Path, org_file: Path, handbook: bool) -> float:
    """Our share of the PDF stages: making the HTML that WeasyPrint then lays out (the
    handbook's only when the handbook PDF was built, so that the share compares like with like)."""
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
    if handbook:
        guide_html(project, printer)
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    root, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    if "--no-handbook" in argv:
        import generator.guide_pdf

        def placeholder(project: object, docs: Path) -> Path:
            target = docs / generator.guide_pdf.guide_pdf(project.slug)  # type: ignore[attr-defined]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"%PDF-1.7 placeholder\n")
            return target

        generator.guide_pdf.render_guide_pdf = placeholder  # type: ignore[assignment]
    from generator.build import build

    org_file = root / "organizations" / "example.yaml"
    stages = MemoryStages()
    result = build(root, org_file, out, force=True, stages=stages)
    report = {
        "seconds": stages.seconds,
        "peak_mb": stages.peak_mb,
        "total": result.seconds,
        "pages": result.pages,
        "pdf_html": pdf_html_seconds(root, org_file, handbook="--no-handbook" not in argv),
        "peak_total_mb": max(stages.peak_mb.values()),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
