"""The pipeline, top to bottom: load -> validate -> plan -> render -> write -> PDFs -> site.

Everything is read and checked before anything is written; the output folder changes only
when every step succeeded (see write.py). A build whose inputs are exactly those of the build
already in the output folder is skipped (see fingerprint.py), unless forced.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError

from generator import __version__
from generator.errors import InputError, Problem, display_path
from generator.jinja import OVERRIDES
from generator.models.project import Project
from generator.pdf import PdfWork, WholePdf
from generator.plan import Plan, plan_build
from generator.plan.print.chapters import PART_SESSIONS
from generator.plan.site.pages import SitePlan
from generator.read.fingerprint import input_hash
from generator.read.layout import base_config, default_profile, require_handbook
from generator.read.project import load_project
from generator.read.site_settings import load_site_settings
from generator.sheets import spreadsheets
from generator.site.render import Renderer
from generator.slides import cards_html, deck_html, decks
from generator.stages import Stages
from generator.write import (
    HANDBOOK,
    output_lock,
    read_manifest,
    staged_output,
    sweep_leftovers,
    write_files,
    write_manifest,
)

ENGINES = ("mkdocs", "zensical")


@dataclass(frozen=True)
class BuildOptions:
    """What `serve` and `build --all` ask of a build besides the defaults."""

    part_sessions: int = PART_SESSIONS  # sessions to a book's part (serve's are smaller: an edit lays out less)
    processes: int | None = None  # that lay the PDFs out: None, one per core; 1, this one (`--all`)
    pdfs_from: Path | None = None  # the PDFs not laid out but copied from here (serve: its served folder)
    planned: Callable[[PdfWork], None] | None = None  # given the PDFs once planned (serve: lays them out meanwhile)


@dataclass(frozen=True)
class BuildResult:
    out: Path
    name: str
    pages: int
    seconds: float
    skipped: bool = False  # the output already held a build of exactly these inputs


def build(
    root: Path,
    org_file: Path | None = None,
    out: Path | None = None,
    *,
    engine: str = "mkdocs",
    force: bool = False,
    stages: Stages | None = None,
    options: BuildOptions | None = None,
) -> BuildResult:
    started, stages, options = time.perf_counter(), stages or Stages(), options or BuildOptions()
    require_handbook(root)  # before the lock: outside a project, nothing is written
    org_file, out = org_file or default_profile(root), out or root / "site"
    with output_lock(out):  # one build at a time into `out`, from the up-to-date check to the swap
        with stages("inputs"):
            inputs = input_hash(root, org_file, engine)
            previous = None if force else read_manifest(out)
        if previous and previous.get("inputs") == inputs:
            sweep_leftovers(out)
            name, pages = str(previous.get("name", "")), int(str(previous.get("pages", 0)))
            return BuildResult(out, name, pages, time.perf_counter() - started, skipped=True)
        build_site = site_builder(engine, root)  # after the check above: a no-op build imports no MkDocs
        with stages("load"):
            project = load_project(root, org_file)
            settings = load_site_settings(root)
        with stages("pages"):
            plan = plan_build(project, options.part_sessions)
        if options.planned is not None:
            options.planned(pdf_work(plan))
        site = plan.site
        pages = sum(1 for p in site.pages if p.path.endswith(".md"))
        with staged_output(out) as stage:
            with stages("pages"):
                texts = render_pages(site, Renderer(root))
            with stages("write"):
                write_files(stage.docs, texts, site_files(site))
            del texts  # written: not held while the PDFs are laid out (13 MB at 1,000 sessions)
            write_pdfs(plan, stage.docs, stage.root / "pdf-parts", options, stages)
            with stages("site"):
                theme = project_theme(root, stage.docs.parent / "theme")
                sources = {p.path: p.origin for p in site.pages}
                build_site(
                    site, base_config(root), stage.docs, stage.site, sources, theme=theme, site_settings=settings
                )
            write_manifest(stage.site, _manifest(project, pages, engine, inputs))
    return BuildResult(out, project.organization.name, pages, time.perf_counter() - started)


def write_pdfs(plan: Plan, docs: Path, parts: Path, options: BuildOptions, stages: Stages) -> None:
    """The plan's PDFs (worksheets, forms, packets, books) into `docs`, the PDF stage laying
    them out (pdf/stage.py, its parts' PDFs in `parts`); or, with `options.pdfs_from` (serve,
    which lays them out itself), each one served now copied in (an empty stand-in if none)."""
    work = pdf_work(plan)
    documents = work.paths()
    if options.pdfs_from is not None:
        for path in documents:
            served, target = options.pdfs_from / path, docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(served.read_bytes() if served.is_file() else b"")
        return
    from generator.pdf.stage import make_pdfs  # WeasyPrint: not imported by a build skipped

    with stages("pdfs"):
        for done, _ in enumerate(_printing(plan, make_pdfs(work, docs, parts, options.processes)), start=1):
            stages.progress("pdfs", done, len(documents))


def pdf_work(plan: Plan) -> PdfWork:
    """What the PDF stage is given: the plan's files and books, and the slide decks' and scenario
    cards' PDFs (their HTML printed here, slides.py)."""
    wholes = [WholePdf(deck.pdf, deck_html(deck)) for deck in plan.site.decks]
    wholes += [WholePdf(cards.path, cards_html(cards)) for cards in plan.site.cards]
    return PdfWork(plan.setup, plan.pdfs, (plan.handbook, *plan.editions), tuple(wholes))


def _printing(plan: Plan, made: Iterator[str]) -> Iterator[str]:
    """`made`'s paths, a mistake in a print template said as one (an override's, likely)."""
    try:
        yield from made
    except TemplateError as error:
        raise _print_template_problem(error, plan) from error


def _print_template_problem(error: TemplateError, plan: Plan) -> Exception:
    """Ours are tested; with print overrides present, the mistake is likely theirs."""
    overridden = plan.setup.root / OVERRIDES / "print"
    return _template_problem(error, str(overridden) if any(overridden.glob("*")) else "")


def project_theme(root: Path, target: Path) -> Path | None:
    """The project's own Material overrides (overrides/main.html and the like), staged."""
    from generator.site.mkdocs import custom_dir
    from generator.site.theme_overrides import stage_theme_overrides, theme_overrides

    return stage_theme_overrides(theme_overrides(root, custom_dir(base_config(root))), target)


def site_builder(engine: str, root: Path) -> Any:
    """The function that turns docs into a site: MkDocs in-process, or Zensical (an optional
    extra, checked here so that a missing install stops the build before it starts). For
    MkDocs, the theme's templates must name assets that exist (site/theme_check.py)."""
    if engine == "zensical":
        from generator.site.zensical import build_site, require_zensical

        require_zensical()
        return build_site
    if engine != "mkdocs":
        raise ValueError(f"unknown engine {engine!r}; expected one of {ENGINES}")
    from generator.site import engine as site_engine

    site_engine.require()
    from generator.site.mkdocs import build_site, custom_dir
    from generator.site.theme_check import require_theme_assets
    from generator.site.theme_overrides import FOLDER, theme_overrides

    theme = custom_dir(base_config(root))
    own = [root / FOLDER] if theme_overrides(root, theme) else []
    require_theme_assets([*own, *([theme] if theme else [])])
    return build_site


def check(root: Path, org_file: Path | None = None) -> Project:
    """Everything `build` checks before it writes, and nothing else: the site's pages and the
    HTML of every PDF (so that a mistake in a print template override shows here too)."""
    from generator.pdf.jobs import pdf_keys

    project = load_project(root, org_file or default_profile(root))
    load_site_settings(root)
    plan = plan_build(project)
    render_pages(plan.site, Renderer(root))
    try:
        pdf_keys(pdf_work(plan))  # every print template: no layout
    except TemplateError as error:
        raise _print_template_problem(error, plan) from error
    return project


def render_pages(plan: SitePlan, renderer: Renderer) -> dict[str, str]:
    texts = {}
    for page in plan.pages:
        try:
            texts[page.path] = renderer.render(page)
        except TemplateError as error:
            raise _template_problem(error, renderer.source_of(page.template)) from error
    return texts


def _template_problem(error: TemplateError, source: str) -> Exception:
    """A mistake in a user's template override is theirs to fix; one in ours is our bug.
    A syntax error names its file; a runtime error (an unknown name) only the page's template."""
    filename = getattr(error, "filename", None) or source
    if str(OVERRIDES) not in filename:
        return error
    line = error.lineno if isinstance(error, TemplateSyntaxError) else 0
    message = error.message or type(error).__name__
    hint = "compare with the built-in template of the same name in generator/templates/"
    return InputError(
        [Problem(display_path(Path(filename)), line, 1 if line else 0, f"template error: {message}", hint)]
    )


def _manifest(project: Project, pages: int, engine: str, inputs: str) -> dict[str, object]:
    """What `build` and people reading the output folder need to know about this build."""
    return {
        "generator": "mentorbook",
        "kind": HANDBOOK,
        "version": __version__,
        "organization": project.slug,
        "name": project.organization.name,
        "pages": pages,
        "engine": engine,
        "inputs": inputs,
    }


def site_files(site: SitePlan) -> dict[str, bytes]:
    """Every file of the site that is not a page or a PDF: copied assets, the calendar, the
    spreadsheets and the slide decks, by their path in the docs folder (bench/engines.py too)."""
    made = {**spreadsheets(site.sheets, site.spreadsheets), **decks(site.decks)}
    return {**site.files, **made}
