"""serve asks the PDF stage for its handbook `first` (generator/pdf/stage.py): the handbook is made
on its own while the worker it leaves idle begins the editions' longest parts. The files are the
same bytes as made all together, the handbook comes first, and no part is laid out twice."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import generator.pdf.stage as stage
from generator.pdf import PdfWork
from generator.pdf.parts import Job, Laid
from generator.plan import plan_build
from generator.read.project import load_project
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # lays out PDFs: not in `make test-fast`


@pytest.fixture(scope="module")
def work() -> PdfWork:
    plan = plan_build(load_project(REPO, REPO / "organizations" / "example.yaml"))
    mentee = next(e for e in plan.editions if e.path.endswith("mentee-guide.pdf"))
    return PdfWork(plan.setup, books=(plan.handbook, mentee))


_LAY_OUT = stage._lay_out


def _logged(task: tuple[object, Path, str, Job]) -> tuple[str, Laid]:
    """stage._lay_out, each key it lays out noted in a file (it runs in the pool's workers)."""
    with open(os.environ["LAID_OUT"], "a", encoding="utf-8") as log:
        log.write(task[2] + "\n")
    return _LAY_OUT(task)  # type: ignore[arg-type]


def _digests(docs: Path, paths: list[str]) -> dict[str, str]:
    return {path: hashlib.sha256((docs / path).read_bytes()).hexdigest() for path in paths}


def test_the_handbook_first_gives_the_same_files_and_lays_out_each_part_once(
    work: PdfWork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    together = list(stage.make_pdfs(work, tmp_path / "together", tmp_path / "parts-together", processes=2))
    log = tmp_path / "laid-out.txt"
    monkeypatch.setenv("LAID_OUT", str(log))
    monkeypatch.setattr(stage, "_lay_out", _logged)
    begun: list[str] = []
    start = stage.Batch.start

    def noted(batch: stage.Batch, jobs: list[Job]) -> None:
        start(batch, jobs)
        begun.extend(batch.begun)

    monkeypatch.setattr(stage.Batch, "start", noted)
    first = list(stage.make_pdfs(work, tmp_path / "first", tmp_path / "parts-first", processes=2, first=1))
    assert first == [work.books[0].path, work.books[1].path] == together
    assert _digests(tmp_path / "first", first) == _digests(tmp_path / "together", together)
    assert len(begun) == 1  # one worker of two: the mentee guide's long part, begun while the handbook is made
    keys = log.read_text(encoding="utf-8").split()
    assert begun[0] in keys and len(keys) == len(set(keys)) == len(list((tmp_path / "parts-together").glob("*.json")))
