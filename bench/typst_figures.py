"""One handbook PDF through one engine, in a process of its own, for bench/run.py (issue 24).

    python bench/typst_figures.py ENGINE ROOT PROFILE OUT

ENGINE is `weasyprint` (Mentorbook's own path: plan_handbook -> pdf/stage.py, its parts laid
out by a PDF pool with a worker per core, footers laid over, joined) or `typst` (the prototype,
bench/typst_proto: the same plan, one Typst document in one pass). Writes OUT/handbook.pdf and
prints one JSON line: seconds (after loading the project), CPU seconds of the process and the
workers it waited for, pages and bytes. run.py samples the memory of the whole process tree
(bench/memory.py) and compares the two PDFs (bench/typst_compare.py).
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from generator.read.project import load_project


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def weasyprint(root: Path, profile: Path, out: Path) -> Path:
    from generator.pdf import PdfWork
    from generator.pdf.stage import cores, render
    from generator.plan.print.handbook import plan_handbook
    from generator.plan.print.worksheets import print_setup

    project = load_project(root, profile)  # a worker per core, as `build` lays out
    return render(PdfWork(print_setup(project), books=(plan_handbook(project),)), out, cores())[0]


def typst(root: Path, profile: Path, out: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.typst_proto.build import make_handbook

    return make_handbook(load_project(root, profile), out)


def main(argv: list[str]) -> None:
    engine, root, profile, out = argv[0], Path(argv[1]).resolve(), Path(argv[2]).resolve(), Path(argv[3])
    out.mkdir(parents=True, exist_ok=True)
    started, cpu = time.perf_counter(), cpu_seconds()
    made = {"weasyprint": weasyprint, "typst": typst}[engine](root, profile, out)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    path = out / "handbook.pdf"
    if made != path:
        shutil.move(made, path)
    pages = len(PdfReader(path).pages)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": pages, "bytes": path.stat().st_size}))


if __name__ == "__main__":
    main(sys.argv[1:])
