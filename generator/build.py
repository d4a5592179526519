"""The pipeline, top to bottom: load -> validate -> plan -> render -> write -> site.

Everything is read and checked before anything is written; the output folder changes only
when every step succeeded (see write.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from generator import __version__
from generator.errors import InputError, Problem, display_path
from generator.guide_pdf import render_guide_pdf
from generator.pdf import render_pdfs
from generator.plan import SitePlan, plan_site
from generator.project import DEFAULT_ORG, Project, load_project
from generator.render import Renderer
from generator.site import BASE_CONFIG, build_site
from generator.write import staged_output, write_files, write_manifest

TEMPLATE_OVERRIDES = Path("overrides") / "templates"


@dataclass(frozen=True)
class BuildResult:
    out: Path
    name: str
    pages: int
    seconds: float


def build(root: Path, org_file: Path | None = None, out: Path | None = None) -> BuildResult:
    started = time.perf_counter()
    project = load_project(root, org_file or root / DEFAULT_ORG)
    plan = plan_site(project)
    texts = render_pages(plan, Renderer([root / TEMPLATE_OVERRIDES]))
    out = out or root / "site"
    with staged_output(out) as stage:
        write_files(stage.docs, texts, {a.target: Path(a.source) for a in plan.assets}, plan.files)
        render_pdfs(project, stage.docs, project.organization.paper)
        render_guide_pdf(project, stage.docs)
        build_site(plan, root / BASE_CONFIG, stage.docs, stage.site, {p.path: p.source for p in plan.pages})
        write_manifest(stage.site, _manifest(project))
    pages = sum(1 for p in plan.pages if p.path.endswith(".md"))
    return BuildResult(out, project.organization.name, pages, time.perf_counter() - started)


def check(root: Path, org_file: Path | None = None) -> Project:
    """Everything `build` checks before it writes, and nothing else."""
    project = load_project(root, org_file or root / DEFAULT_ORG)
    render_pages(plan_site(project), Renderer([root / TEMPLATE_OVERRIDES]))
    return project


def render_pages(plan: SitePlan, renderer: Renderer) -> dict[str, str]:
    texts = {}
    for page in plan.pages:
        try:
            texts[page.path] = renderer.render(page)
        except TemplateError as error:
            raise _template_problem(error, page.template) from error
    return texts


def _template_problem(error: TemplateError, template: str) -> Exception:
    """A mistake in a user's template override is theirs to fix; one in ours is our bug."""
    filename = getattr(error, "filename", None) or ""
    if str(TEMPLATE_OVERRIDES) not in filename:
        return error
    line = error.lineno if isinstance(error, TemplateSyntaxError) else 0
    return InputError(
        [
            Problem(
                display_path(Path(filename)),
                line,
                1 if line else 0,
                f"template error: {error.message}",
                "compare with the built-in template of the same name in generator/templates/",
            )
        ]
    )


def _manifest(project: Project) -> dict[str, object]:
    return {"generator": "mentorbook", "version": __version__, "organization": project.slug}
