"""serve's PDF child lays the handbook out on its own first (generator/pdf/__main__.py): the stage
lays out every body before any contents, so with the readers' editions beside it the handbook
would wait for their modules' one long part after every edit of a session."""

from __future__ import annotations

from generator.pdf import PdfWork
from generator.pdf.__main__ import _handbook_first
from generator.plan import plan_build
from generator.read.project import load_project
from tests.conftest import REPO


def test_the_handbook_is_laid_out_alone_then_everything_else_once() -> None:
    plan = plan_build(load_project(REPO, REPO / "organizations" / "example.yaml"))
    work = PdfWork(plan.setup, plan.pdfs, (plan.handbook, *plan.editions))
    first, rest = _handbook_first(work)
    assert first.paths() == [plan.handbook.path]
    assert sorted(first.paths() + rest.paths()) == sorted(work.paths())


def test_a_work_of_one_book_is_left_whole() -> None:
    plan = plan_build(load_project(REPO, REPO / "organizations" / "example.yaml"))
    work = PdfWork(plan.setup, plan.pdfs, (plan.handbook,))
    assert _handbook_first(work) == [work]
