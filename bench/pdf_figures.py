"""Seconds and sizes of every worksheet PDF and the packets, rendered in one process.

    .venv/bin/python bench/pdf_figures.py [organizations/example.yaml]
    .venv/bin/python bench/pdf_figures.py --handbooks

Renders into a temporary folder from the project in the current folder (nothing in it
changes) and prints one row per file: worksheet, variant, seconds, KB; each file laid out on
its own (in a build the packet shares the worksheets' pages), in this process. The first
render also pays for loading fonts, so it is a little slower than the others. `--handbooks`
renders the whole-handbook PDF of every profile in organizations/ instead: seconds, KB, pages.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan import plan_build
from generator.plan.print.handbook import plan_handbook
from generator.plan.print.worksheets import print_setup
from generator.read.layout import DEFAULT_ORG, ORGANIZATIONS
from generator.read.project import load_project


def main(argv: list[str]) -> None:
    root = Path.cwd()
    if argv == ["--handbooks"]:
        handbooks(root)
        return
    project = load_project(root, Path(argv[0]) if argv else root / DEFAULT_ORG)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        plan = plan_build(project)
        seconds = {}
        for document in plan.pdfs:
            began = time.perf_counter()
            render(PdfWork(plan.setup, (document,)), Path(folder))
            seconds[document.path] = time.perf_counter() - began
        total = time.perf_counter() - started
        print(f"{'worksheet':<26} {'variant':<9} {'seconds':>8} {'KB':>8}")
        for name, spent in seconds.items():
            stem = Path(name).stem
            sheet, variant = stem.rsplit("-", 1)
            size = (Path(folder) / name).stat().st_size / 1024
            print(f"{sheet:<26} {variant:<9} {spent:>8.2f} {size:>8.1f}")
        print(f"{len(seconds)} files in {total:.2f} s")


def handbooks(root: Path) -> None:
    print(f"{'organization':<26} {'seconds':>8} {'KB':>8} {'pages':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for profile in sorted((root / ORGANIZATIONS).glob("*.yaml")):
            project = load_project(root, profile)
            started = time.perf_counter()
            pdf = render(PdfWork(print_setup(project), books=(plan_handbook(project),)), Path(folder))[0]
            spent = time.perf_counter() - started
            pages = len(PdfReader(pdf).pages)
            print(f"{profile.stem:<26} {spent:>8.2f} {pdf.stat().st_size / 1024:>8.1f} {pages:>6}")


if __name__ == "__main__":
    main(sys.argv[1:])
