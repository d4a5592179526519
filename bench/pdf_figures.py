"""Seconds and sizes of every worksheet PDF and the packets, rendered in one process.

    .venv/bin/python bench/pdf_figures.py [organizations/example.yaml]

Renders into a temporary folder from the project in the current folder (nothing in it
changes) and prints one row per file: worksheet, variant, seconds, KB. The first render
also pays for loading fonts, so it is a little slower than the others.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from generator.pdf import render_pdfs
from generator.project import DEFAULT_ORG, load_project


def main(argv: list[str]) -> None:
    root = Path.cwd()
    project = load_project(root, Path(argv[0]) if argv else root / DEFAULT_ORG)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        seconds = render_pdfs(project, Path(folder))
        total = time.perf_counter() - started
        print(f"{'worksheet':<26} {'variant':<9} {'seconds':>8} {'KB':>8}")
        for name, spent in seconds.items():
            stem = Path(name).stem
            sheet, variant = stem.rsplit("-", 1)
            size = (Path(folder) / name).stat().st_size / 1024
            print(f"{sheet:<26} {variant:<9} {spent:>8.2f} {size:>8.1f}")
        print(f"{len(seconds)} files in {total:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
