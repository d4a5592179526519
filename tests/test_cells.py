"""Every spreadsheet Mentorbook writes runs nothing it was given (issue 23, finding 1): with a
milestone `=HYPERLINK(...)`, a development area `=1+1`, a terminology word `-guide` and an answer
`@SUM(1+1)`, no .xlsx has a formula cell, no CSV cell starts with `=`, `+`, `-` or `@`, the text
is still there to read, and `xls2xform` converts the XLSForms."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cells import TRIGGERS, csv_bytes, original, safe_cell
from generator.plan import plan_build
from generator.plan.program.forms import project_forms
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from generator.results.check import Response
from generator.results.tally import tidy_csv
from generator.sheets import spreadsheets
from tests.conftest import copy_repo

LINK = '=HYPERLINK("http://x.test","x")'
AREA = "=1+1"
WORD = "-guide"
ANSWER = "@SUM(1+1)"
PAYLOADS = (LINK, AREA, WORD, ANSWER)


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", "\uff1d1+1", "'quoted"])
def test_a_cell_that_would_run_starts_with_a_quote_and_gives_the_text_back(text: str) -> None:
    cell = safe_cell(text)
    assert cell == "'" + text and original(cell) == text


@pytest.mark.parametrize("text", ["Agree", "2027-02-01", "", "a=b", "What went well?"])
def test_plain_text_is_written_as_it_is(text: str) -> None:
    assert safe_cell(text) == text == original(text)


def test_a_csv_written_through_cells_has_no_cell_that_runs() -> None:
    data = csv_bytes([["answer", 3], ["\t=1+1", -2], ["-2+3", None]])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["answer", "3"], ["'\t=1+1", "-2"], ["'-2+3", ""]]  # our own numbers stay numbers


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every spreadsheet and CSV the example handbook writes, with the payloads in its profile."""
    root = copy_repo(tmp_path_factory.mktemp("cells"))
    profile = root / DEFAULT_ORG
    text = profile.read_text(encoding="utf-8")
    text = text.replace(
        "- name: Goals shared with line manager", f"- name: '{LINK}'", 1
    )  # a pair's milestone: a tracker column
    text += f"development_areas: ['{AREA}', Speaking up]\nterminology:\n  facilitator: '{WORD}'\n"
    profile.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        project = load_project(root, profile)
        plan = plan_build(project)
    files = {path: data for path, data in plan.site.files.items() if path.endswith(".csv")}
    files.update(spreadsheets(plan.site.sheets, plan.site.spreadsheets))
    form = next(f for f in project_forms(project) if any(i.kind == "long_text" for i in f.items))
    text_item = next(i for i in form.items if i.kind == "long_text")
    response = Response("x.csv:2", form, {text_item.id: ANSWER})
    files["results/responses.csv"] = tidy_csv([response])
    return files


def test_the_payloads_reach_the_files(written: dict[str, bytes]) -> None:
    """Else the checks below would pass for nothing."""
    every = b"".join(written.values())
    assert b"HYPERLINK" in every and b"=1+1" in every and b"SUM(1+1)" in every
    assert any(p.endswith(".xlsx") for p in written) and any("tracker" in p for p in written)


def test_no_workbook_has_a_formula_cell(written: dict[str, bytes], tmp_path: Path) -> None:
    seen = set()
    for path, data in written.items():
        if not path.endswith(".xlsx"):
            continue
        book = load_workbook(io.BytesIO(data))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path}: {cell.coordinate} is a formula: {cell.value!r}"
                    if isinstance(cell.value, str) and cell.value.lstrip("'") in PAYLOADS:
                        seen.add(cell.value)
    assert {LINK, AREA} <= seen  # shown as written, not as `'=...`


def test_no_csv_cell_starts_with_a_trigger(written: dict[str, bytes]) -> None:
    seen = set()
    for path, data in written.items():
        if not path.endswith(".csv"):
            continue
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            for cell in row:
                assert not cell or cell[0] not in TRIGGERS or _number(cell), f"{path}: {cell!r}"
                if original(cell) in PAYLOADS:
                    seen.add(original(cell))
    assert {AREA, ANSWER} <= seen


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.slow  # pyxform runs each form through its validator: 20 s
def test_xls2xform_converts_the_xlsforms(written: dict[str, bytes], tmp_path: Path) -> None:
    program = shutil.which("xls2xform", path=str(Path(sys.executable).parent))
    assert program, "pyxform is in requirements-test.txt"
    forms = [p for p in written if p.endswith(".xlsx") and "tracker" not in p]
    assert forms
    converted = ""
    for path in forms:
        source = tmp_path / Path(path).name
        source.write_bytes(written[path])
        result = subprocess.run([program, str(source), str(source.with_suffix(".xml"))], capture_output=True, text=True)
        assert result.returncode == 0 and "Conversion complete" in result.stdout + result.stderr, result.stderr
        converted += source.with_suffix(".xml").read_text(encoding="utf-8")
    assert f"<label>{AREA}</label>" in converted
