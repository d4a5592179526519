"""The site stage alone, three ways, on the same generated docs, for bench/run.py:
our MkDocs build (in-process, strict), plain `mkdocs build` on the same configuration, and Zensical.

    python bench/engines.py ROOT REPEATS

Prints one JSON line: median seconds of each (and Zensical's peak memory). The docs are the
build's (plan_build: pages, calendar, spreadsheets), with a placeholder of the real name for
every PDF it makes (worksheets, packets, feedback forms, handbook, editions): the engines copy
them, they do not read them, but a strict build fails on a link to a file that is missing.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator.build import pdf_work, render_pages, site_builder, site_files
from generator.plan import Plan, plan_build
from generator.read.project import load_project
from generator.site.mkdocs import derived_config, dump_config
from generator.site.render import Renderer
from generator.write import write_files


def docs_for(root: Path, plan: Plan, docs: Path) -> None:
    """What `build` writes into the docs folder before the site engine runs (generator/build.py),
    the PDFs as placeholders."""
    site = plan.site
    texts = render_pages(site, Renderer(root))
    write_files(docs, texts, site_files(site))
    for name in pdf_work(plan).paths():  # the worksheets, packets, forms, books, decks and cards
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(b"%PDF-1.7 placeholder\n")


def timed(run: Callable[[Path], None], stage: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        shutil.rmtree(stage / "site", ignore_errors=True)
        shutil.rmtree(stage / ".cache", ignore_errors=True)  # Zensical's cache: every run is cold
        started = time.perf_counter()
        run(stage)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    root, repeats = Path(argv[0]).resolve(), int(argv[1])
    project = load_project(root, root / "organizations" / "example.yaml")
    whole = plan_build(project)
    plan, base = whole.site, root / "mkdocs.yml"
    with tempfile.TemporaryDirectory() as folder:
        stage = Path(folder)
        docs_for(project.root, whole, stage / "docs")
        config = stage / "plain-mkdocs.yml"
        settings = derived_config(plan, base, stage / "docs", stage / "site")
        config.write_text(dump_config(settings), encoding="utf-8")
        figures: dict[str, object] = {}
        try:
            zensical = site_builder("zensical", root)
        except Exception as error:  # not installed: reported, not fatal
            figures["zensical_error"] = str(error)
        else:  # first, so that the peak of this process's children is Zensical's
            figures["zensical"] = timed(lambda s: zensical(plan, base, s / "docs", s / "site", {}), stage, repeats)
            figures["zensical_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        ours = site_builder("mkdocs", root)
        figures["mentorbook_mkdocs"] = timed(lambda s: ours(plan, base, s / "docs", s / "site", {}), stage, repeats)
        figures["plain_mkdocs"] = timed(lambda s: _plain_mkdocs(config), stage, repeats)
    print(json.dumps(figures))


def _plain_mkdocs(config: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "-q", "-f", str(config)], check=True, capture_output=True)


if __name__ == "__main__":
    main(sys.argv[1:])
