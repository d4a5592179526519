"""The same plan as WeasyPrint's, with each text kept as its Markdown.

The plan (generator/plan/) turns every Markdown text into HTML as it makes the views
(`markdown_html`, `safe_markdown`). The prototype needs the Markdown itself, so it plans with
those two converters swapped for one that keeps the text: every view, id, number, label and
contents entry is the one WeasyPrint prints, and only the texts' form differs. If Typst were
chosen, the plan would carry Markdown (a `Source` type) and each engine would convert it;
this swap stands in for that change (docs/decisions/0001-pdf-engine.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import generator.plan.print.chapters
import generator.plan.print.worksheets
import generator.plan.program.fields
from generator.models.project import Project
from generator.plan.print.book import HandbookPlan
from generator.plan.print.handbook import plan_handbook
from generator.plan.print.worksheets import PdfDocument, plan_worksheets
from generator.read.project import load_project

_CONVERTERS = (
    (generator.plan.print.chapters, "markdown_html"),
    (generator.plan.print.chapters, "safe_markdown"),
    (generator.plan.program.fields, "markdown_html"),
    (generator.plan.print.worksheets, "markdown_html"),
)


class Source(str):
    """A Markdown text where the plan would hold its HTML."""


def _kept(text: str, extensions: Sequence[str] = ()) -> Source:
    del extensions
    return Source(text)


@contextlib.contextmanager
def markdown_kept() -> Iterator[None]:
    saved = [(module, name, getattr(module, name)) for module, name in _CONVERTERS]
    try:
        for module, name in _CONVERTERS:
            setattr(module, name, _kept)
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def handbook_plan(project: Project, paper: str | None = None) -> HandbookPlan:
    with markdown_kept():
        return plan_handbook(project, paper)


def worksheet_documents(project: Project, paper: str | None = None) -> tuple[PdfDocument, ...]:
    with markdown_kept():
        return plan_worksheets(project, paper)


def load(root: Path, profile: Path) -> Project:
    return load_project(root, profile)
