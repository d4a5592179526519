"""The example's worksheets and packets, laid out once for every test that reads them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.models.project import Project
from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan import plan_build
from generator.plan.print.worksheets import print_setup
from generator.plan.program.facts import fill_project, program_facts
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from tests.conftest import EPOCH, copy_repo


@dataclass(frozen=True)
class Rendered:
    project: Project
    docs: Path

    def pdf(self, name: str) -> PdfReader:
        return PdfReader(self.docs / name)


@contextmanager
def pinned_epoch() -> Iterator[None]:
    """What conftest's autouse fixture does, for session-scoped fixtures."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = copy_repo(tmp_path_factory.mktemp("shipped"))
    with pinned_epoch():
        project = load_project(root, root / DEFAULT_ORG)
        render(PdfWork(print_setup(project), plan_build(project).pdfs), root / "docs")
    return Rendered(as_built(project), root / "docs")


def as_built(project: Project) -> Project:
    """The project as the PDFs show it: the shipped text's facts filled in (plan_build does)."""
    return fill_project(project, program_facts(project))
