"""The Typst prototype (bench/typst_proto, issue 24) makes the example's handbook and a fillable
worksheet from the plan: tagged, with bookmarks, footers as artifacts, links, form fields
that fill, and right-to-left text that copies as written. Read back with pikepdf, pypdf and
pdftotext, as docs/decisions/0001-pdf-engine.md compares the engines."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from bench.typst_proto import checks
from bench.typst_proto.build import make_handbook, make_worksheet
from generator.read.project import load_project

pytest.importorskip("typst")
pytestmark = pytest.mark.slow  # lays out PDFs

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO  # the shipped curriculum sits at the top level
PDFJS = REPO / ".tools" / "pdfjs" / "node_modules" / "pdfjs-dist" / "legacy" / "build" / "pdf.mjs"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("typst-example")
    project = load_project(SHIPPED, REPO / "organizations" / "example.yaml")
    return make_handbook(project, out), make_worksheet(project, out, "midpoint-review")


def test_the_handbook_is_tagged_with_footers_as_artifacts(example: tuple[Path, Path]) -> None:
    found = checks.structure(example[0])
    assert found["marked"] and found["lang"] == "en"
    roles = found["roles"]
    assert {"Document", "H1", "H2", "P", "L", "LI", "Table", "TH", "Link"} <= set(roles)
    assert roles["H1"] >= 20 and roles["Link"] >= 50
    assert found["tagged_pages"] == found["pages"] > 100
    assert found["artifact_pages"] == found["pages"] - 1  # every page but the cover has its footer


def test_bookmarks_contents_and_footers(example: tuple[Path, Path]) -> None:
    marks = checks.bookmarks(example[0])
    assert (1, "Welcome") in marks and (1, "Goal setting") in marks and (2, "Roles and expectations") in marks
    assert (1, "Glossary") in marks and (2, "Mentoring agreement") in marks
    assert all(level in (1, 2) for level, _ in marks)
    contents = checks.text(example[0], 2, 3)  # two pages
    assert "Contents" in contents and "Module 3: Goal setting" in contents
    assert checks.text(example[0], 3, 3).split()[-2:] == ["Page", "iii"]  # the front counts from i
    welcome = checks.text(example[0], 4, 4).split()
    assert welcome[0] == "Welcome" and welcome[-3:] == ["Pine", "Page", "1"]  # the body from 1


def test_the_worksheet_fills(example: tuple[Path, Path], tmp_path: Path) -> None:
    sheet = example[1]
    fields = PdfReader(sheet).get_fields() or {}
    assert len(fields) == 29
    rating = fields["midpoint-review:goal_one_progress"]
    assert rating["/_States_"] == ["/Not started", "/Early days", "/Halfway", "/Nearly there", "/Done"]
    values = {"midpoint-review:goal_one": "Run the team meeting", "midpoint-review:goal_one_progress": "/Halfway"}
    values["midpoint-review:goal_changes:2"] = "/Yes"
    writer = PdfWriter(clone_from=sheet)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    back = PdfReader(filled).get_fields() or {}
    assert {name: back[name]["/V"] for name in values} == values
    assert checks.structure(sheet)["roles"]["Form"] >= 29  # each widget in the structure tree


def test_pdfjs_fills_the_worksheet(example: tuple[Path, Path], tmp_path: Path) -> None:
    """pdf.js (Firefox's viewer) finds the fields, fills them through its own form storage and
    saves: a text, a rating's third point and a tick box, read back with pypdf."""
    assert shutil.which("node"), "pdf.js runs under Node: run `make test`"
    assert PDFJS.is_file(), f"pdf.js is missing ({PDFJS}): run `make test`"
    filled = tmp_path / "pdfjs.pdf"
    script = Path(__file__).with_name("pdfjs_fill.mjs")
    run = subprocess.run(
        ["node", str(script), str(PDFJS), str(example[1]), str(filled)], capture_output=True, text=True, check=True
    )
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["count"] == 29
    assert found["points"] == ["Not started", "Early days", "Halfway", "Nearly there", "Done"]
    back = PdfReader(filled).get_fields() or {}
    assert back[found["text"]]["/V"] == "Filled in pdf.js"
    assert back[found["radio"]]["/V"] == "/Halfway"
    assert back[found["check"]]["/V"] == "/Yes"


def test_right_to_left_text_copies_as_written(tmp_path: Path) -> None:
    """The Arabic example: the organization's words copy in reading order, lam-alef ligatures
    included (bench/typst_proto/ligatures.py); its name closes every footer."""
    project = load_project(SHIPPED, REPO / "organizations" / "jamiyat-al-nour.yaml")
    handbook = make_handbook(project, tmp_path)
    cover, values = checks.text(handbook, 1, 1), checks.text(handbook, 4, 4)
    assert "جمعية النور للتعليم المهني" in cover
    assert "برنامج الإرشاد المهني 2027" in cover
    assert "الاحترام" in values and "الأمانة" in values
    assert "جمعية النور" in values.strip().splitlines()[-1] or "جمعية النور" in values
    assert checks.structure(handbook)["lang"] == "en"  # the labels' language; Arabic paragraphs run right to left
