"""The PDF stage (generator/pdf/stage.py), read back from the files it writes: one process or two,
workers replaced or not, make the same bytes; a user's mistake met in a worker is the same
InputError; a parts folder kept between runs (serve's) lays out only what an edit changed, a
changed image included, and gives the bytes a fresh run gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.pdf.stage
from generator.errors import InputError
from generator.pdf import PdfWork
from generator.pdf.stage import make_pdfs
from generator.plan import plan_build
from generator.read.project import load_project
from tests.conftest import REPO, copy_project
from tests.pdf.test_handbook import SMALL_PARTS, in_small_parts
from tests.util import tree_digest

pytestmark = pytest.mark.slow  # lays out PDFs: not in `make test-fast`

ORG = Path("organizations") / "org.yaml"


def _work(root: Path, part_sessions: int = 6) -> PdfWork:
    plan = plan_build(load_project(root, root / ORG), part_sessions)
    return PdfWork(plan.setup, plan.pdfs, (plan.handbook, *plan.editions))


def _made(work: PdfWork, docs: Path, parts: Path, processes: int) -> dict[str, str]:
    written = list(make_pdfs(work, docs, parts, processes))
    assert written == [d.path for d in (*work.files, *work.books)]  # every file, in the plan's order
    return tree_digest(docs)


def test_one_process_and_two_make_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_small_parts(monkeypatch)  # several handbook parts and contents parts, laid out side by side
    work = _work(copy_project(tmp_path / "project"), SMALL_PARTS)
    one = _made(work, tmp_path / "one", tmp_path / "parts-one", 1)
    assert _made(work, tmp_path / "two", tmp_path / "parts-two", 2) == one
    assert len(one) >= 5 and any(name.startswith("guide/") for name in one)
    monkeypatch.setattr(generator.pdf.stage, "MAX_TASKS", 1)  # a fresh worker for every job
    assert _made(work, tmp_path / "replaced", tmp_path / "parts-replaced", 2) == one


def test_an_image_refused_in_a_worker_is_the_users_problem(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    curriculum = root / "curriculum.yaml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("Write down a goal.", "'![x](http://example.org/x.png)'"), encoding="utf-8")
    with pytest.raises(InputError) as error:
        list(make_pdfs(_work(root), root / "docs", tmp_path / "parts", 2))
    assert "http://example.org/x.png" in str(error.value) and error.value.problems[0].hint


def _new_parts(work: PdfWork, docs: Path, parts: Path) -> int:
    """Lay `work` out with the kept `parts` folder and with a fresh one: the same files. How
    many parts the kept folder had to lay out."""
    before = set(parts.glob("*.pdf"))
    kept = _made(work, docs / "kept", parts, 2)
    assert kept == _made(work, docs / "fresh", docs / "fresh-parts", 2)
    return len(set(parts.glob("*.pdf")) - before)


def test_a_kept_parts_folder_lays_out_only_what_an_edit_changed(tmp_path: Path) -> None:
    root, parts = copy_project(tmp_path / "project"), tmp_path / "parts"
    first = _new_parts(_work(root), tmp_path / "1", parts)
    assert first >= 5  # worksheets, packets, handbook parts, contents, footers
    assert _new_parts(_work(root), tmp_path / "2", parts) == 0
    curriculum = root / "curriculum.yaml"
    curriculum.write_text(curriculum.read_text(encoding="utf-8").replace("Meet.", "Meet again."), encoding="utf-8")
    assert 1 <= _new_parts(_work(root), tmp_path / "3", parts) < first  # the session's parts, the fronts


def test_a_changed_image_is_laid_out_again(tmp_path: Path) -> None:
    root, parts = copy_project(tmp_path / "project"), tmp_path / "parts"
    (root / "organizations" / "org").mkdir()
    shutil.copy(REPO / "organizations" / "example" / "logo.svg", root / "organizations" / "org" / "logo.svg")
    profile = root / ORG
    profile.write_text(profile.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    _new_parts(_work(root), tmp_path / "1", parts)
    shutil.copy(REPO / "organizations" / "st-brigid-health" / "logo.svg", root / "organizations" / "org" / "logo.svg")
    # The logo is on the two packets' covers, the handbook's and each of its three editions'.
    assert _new_parts(_work(root), tmp_path / "2", parts) == 6
