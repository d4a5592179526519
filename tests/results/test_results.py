"""`mentorbook results` on the example's forms filled with pypdf (tests/results/conftest.py):
what is counted, what is left out and named, what the minimum group size hides, and that no
name reaches the report. A CSV shaped like a survey tool's export goes the same way."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.commands.results import results
from generator.errors import InputError
from generator.plan.xlsform import FORM_COLUMN, VERSION_COLUMN
from tests.results.conftest import NAMES, Filled, form
from tests.results.filling import restamp

pytestmark = pytest.mark.slow  # lays out PDFs


def run(filled: Filled, tmp_path: Path, *inputs: Path, minimum: int = 5) -> tuple[int, dict[str, str], str]:
    outcome = results(filled.root, None, list(inputs or [filled.inputs]), tmp_path / "report", minimum=minimum)
    issues = {Path(i.source).name: i.message for i in outcome.issues}
    return outcome.counted, issues, (outcome.out / "index.html").read_text(encoding="utf-8")


def test_counts_the_good_and_names_each_mistake(filled: Filled, tmp_path: Path) -> None:
    counted, issues, _ = run(filled, tmp_path)
    assert counted == 22  # 6 + 3 check-ins, 5 + 5 self-assessments, 3 evaluations
    assert set(issues) == {"altered.pdf", "pulse-mentor-1.pdf", "empty.pdf", "goal-plan.pdf", "old-version.pdf"}
    assert '"Perfect" is not one of its answers (Poor, Fair, Good, Very good, Excellent)' in issues["altered.pdf"]
    assert (
        issues["pulse-mentor-1.pdf"].startswith("repeats ")
        and "pulse-mentor-1-copy.pdf" in issues["pulse-mentor-1.pdf"]
    )
    assert issues["empty.pdf"] == "is empty: no question was answered"
    assert "not one of this handbook's feedback forms (its fields are from `goal-plan`)" in issues["goal-plan.pdf"]
    assert issues["old-version.pdf"] == "is version 0 of `pulse-mentor`; this handbook's is version 1"
    problems = (tmp_path / "report" / "problems.txt").read_text(encoding="utf-8")
    assert problems.count("\n") == 5 and "altered.pdf" in problems


def test_a_group_below_the_minimum_shows_only_its_count(filled: Filled, tmp_path: Path) -> None:
    _, _, page = run(filled, tmp_path)
    assert "Mentee: 3 responses, fewer than 5, so not shown" in page
    assert "Mentor (n=6)" in page and "Mentee (n=3)" not in page
    assert "Shorter agendas" not in page  # the mentees' writing is hidden with their breakdown
    assert "Meet somewhere quieter (0)" in page
    assert "Before the program (n=5)" in page and "At the end of the program (n=5)" in page  # before and after
    assert "End-of-program evaluation" in page and "Honest feedback" not in page  # 3 evaluations: hidden
    _, _, everything = run(filled, tmp_path, minimum=3)
    assert "Mentee (n=3)" in everything and "Shorter agendas (0)" in everything


def test_no_name_reaches_the_report(filled: Filled, tmp_path: Path) -> None:
    run(filled, tmp_path)
    out = tmp_path / "report"
    text = " ".join(page.extract_text() for page in PdfReader(out / "report.pdf").pages)
    for made in (
        (out / "index.html").read_text(encoding="utf-8"),
        (out / "responses.csv").read_text(encoding="utf-8"),
        text,
    ):
        assert not [name for name in NAMES if name in made]
    assert "Self-assessment" in text and "Mid-point check-in" in text


def test_the_tidy_csv_holds_every_answer(filled: Filled, tmp_path: Path) -> None:
    run(filled, tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "report" / "responses.csv").read_text(encoding="utf-8-sig"))))
    assert len({r["response"] for r in rows}) == 22
    ratings = [r for r in rows if r["form"] == "self-assessment-end" and r["item"] == "area_handling_setbacks"]
    assert len(ratings) == 5 and all(
        r["position"]
        == str(["Not yet", "Starting out", "Getting there", "Confident", "Could teach it"].index(r["answer"]) + 1)
        for r in ratings
    )


def test_the_command_warns_and_exits_0_or_1_when_nothing_counts(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(filled.root)
    assert main(["results", str(filled.inputs), "--out", str(tmp_path / "r")]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: ") == 5 and "altered.pdf" in err
    bad = [filled.inputs / "empty.pdf", filled.inputs / "goal-plan.pdf"]
    assert main(["results", *map(str, bad), "--out", str(tmp_path / "r2")]) == 1
    assert "empty.pdf: is empty" in capsys.readouterr().err
    with pytest.raises(InputError):
        results(filled.root, None, [filled.inputs / "altered.pdf"], tmp_path / "r3")


def survey_columns(filled: Filled, form_id: str) -> list[str]:
    """The columns of a survey tool's export of `form_id`: its XLSForm converted by pyxform,
    each element of the XForm's instance as a column (`meta/instanceID` in a group)."""
    from pyxform.xls2xform import convert

    from generator.plan.feedback import plan_feedback_site
    from generator.read.project import load_project
    from generator.sheets import xlsx_bytes

    project = load_project(filled.root, filled.root / "organizations" / "example.yaml")
    sheet = next(s for s in plan_feedback_site(project, {})[2] if s.path.endswith(f"/{form_id}.xlsx"))
    xform = ElementTree.fromstring(convert(xlsform=io.BytesIO(xlsx_bytes(sheet)), file_type=".xlsx").xform)
    data = xform.find(".//{http://www.w3.org/2002/xforms}instance/{http://www.w3.org/2002/xforms}data")
    assert data is not None and data.get("id") == form_id

    def paths(element: ElementTree.Element, prefix: str) -> list[str]:
        names = []
        for child in element:
            name = prefix + child.tag.rpartition("}")[2]
            names += paths(child, name + "/") if len(child) else [name]
        return names

    return paths(data, "")


def kobo_export(columns: list[str], rows: list[dict[str, str]]) -> str:
    """What KoboToolbox's CSV export looks like: `;`-separated, its own columns around the
    survey's, choice names (not labels) as the answers."""
    header = ["start", "end", *columns, "_id", "_uuid", "_submission_time", "_index"]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, delimiter=";", restval="")
    writer.writeheader()
    for n, row in enumerate(rows):
        writer.writerow(
            {"start": "2027-03-01T10:00:00", FORM_COLUMN: "pulse-mentee", VERSION_COLUMN: "1", "_id": str(n), **row}
        )
    return out.getvalue()


def test_a_survey_export_goes_the_same_way(filled: Filled, tmp_path: Path) -> None:
    rows = [
        {"goals_on_track": name, "meetings_as_planned": "most_of_them", "_uuid": f"u{n}"}
        for n, name in enumerate(["agree", "partly_agree", "unsure", "agree", "disagree", "agree"])
    ]
    rows.append({"goals_on_track": "agree", "_uuid": "u0"})  # sent twice
    rows.append({"goals_on_track": "very_much", "_uuid": "u9"})  # not an answer of this form
    rows.append({"one_change": "Meet in person", "_uuid": "u10"})  # labels and writing are fine too
    export = tmp_path / "kobo.csv"
    columns = survey_columns(filled, "pulse-mentee")
    assert columns == [
        FORM_COLUMN,
        VERSION_COLUMN,
        "goals_on_track",
        "support_right",
        "meetings_as_planned",
        "one_change",
        "meta/instanceID",
    ]
    export.write_text(kobo_export(columns, rows), encoding="utf-8")
    counted, issues, page = run(filled, tmp_path, export, form(filled.blank, "pulse-mentor"))
    assert counted == 7
    assert issues["kobo.csv:8"].startswith("repeats ") and "kobo.csv:2" in issues["kobo.csv:8"]
    assert '"very_much" is not one of its answers' in issues["kobo.csv:9"]
    assert issues["pulse-mentor-fillable.pdf"] == "is empty: no question was answered"
    assert "Mentee (n=6)" in page and "Meet in person" in page  # 6 of the 7 rated their goals


def test_each_form_pdf_carries_its_id_and_version_and_names_only_where_named(filled: Filled) -> None:
    for path in sorted((filled.blank / "feedback" / "pdf").glob("*-fillable.pdf")):
        form_id = path.name.removesuffix("-fillable.pdf")
        reader = PdfReader(path)
        assert reader.metadata is not None and reader.metadata["/Keywords"] == f"mentorbook-form:{form_id}@1"
        names = set(reader.get_fields() or {})
        assert all(name.startswith(f"{form_id}:") for name in names)
        assert (f"{form_id}:respondent_name" in names) == form_id.startswith("self-assessment"), form_id
        listed = reader.trailer["/Root"]["/AcroForm"]["/Fields"]
        assert len(listed) == len(names)  # only top-level fields
        printed = PdfReader(path.with_name(f"{form_id}-print.pdf"))
        assert not printed.get_fields() and printed.metadata["/Keywords"] == f"mentorbook-form:{form_id}@1"


def test_a_yes_no_question_exports_its_label(filled: Filled, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(form(filled.blank, "evaluation-mentee")))
    values = {"evaluation-mentee:would_recommend": "/Yes", "evaluation-mentee:relationship_quality": "/Very good"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(tmp_path / "filled.pdf")
    fields = PdfReader(tmp_path / "filled.pdf").get_fields() or {}
    assert {name: fields[name]["/V"] for name in values} == values
    assert fields["evaluation-mentee:would_recommend"]["/_States_"] == ["/Yes", "/No"]


def test_an_odk_central_export_goes_the_same_way(filled: Filled, tmp_path: Path) -> None:
    """ODK Central's CSV: its own columns first and last, `meta-instanceID`, labels or names."""
    header = ["SubmissionDate", FORM_COLUMN, VERSION_COLUMN, "would_recommend", "what_helped", "meta-instanceID"]
    header += ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status"]
    header += ["ReviewState", "DeviceID", "Edits", "FormVersion"]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, restval="")
    writer.writeheader()
    for n in range(5):
        answer = "yes" if n % 2 else "No"
        row = {
            FORM_COLUMN: "evaluation-mentor",
            VERSION_COLUMN: "1",
            "would_recommend": answer,
            "what_helped": f"Time ({n})",
        }
        writer.writerow({**row, "meta-instanceID": f"uuid:{n}", "KEY": f"uuid:{n}", "SubmissionDate": "2027-12-01"})
    export = tmp_path / "central.csv"
    export.write_text(out.getvalue(), encoding="utf-8")
    counted, issues, page = run(filled, tmp_path, export)
    assert (counted, issues) == (5, {})
    assert "Mentor (n=5)" in page and "Time (4)" in page


def test_a_radio_filled_by_pypdf_is_read_as_its_state(filled: Filled, tmp_path: Path) -> None:
    """Issue 23, finding 13: pypdf's `update_page_form_field_values` writes a radio's choice as
    the text `/Yes`, not the name; it was refused as "not one of its answers"."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(form(filled.blank, "evaluation-mentee")))
    values = {"evaluation-mentee:would_recommend": "/Yes", "evaluation-mentee:relationship_quality": "/Very good"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(tmp_path / "filled.pdf")
    counted, issues, _ = run(filled, tmp_path, tmp_path / "filled.pdf")
    assert counted == 1 and issues == {}
    csv_rows = (tmp_path / "report" / "responses.csv").read_text(encoding="utf-8-sig")
    assert ",would_recommend,yes_no,Yes," in csv_rows and ",relationship_quality,rating,Very good," in csv_rows


def test_a_form_that_lost_its_keywords_is_counted_by_its_fields(filled: Filled, tmp_path: Path) -> None:
    """Issue 23, finding 13: a form whose Keywords were removed was refused as "not one of this
    handbook's feedback forms (its fields are from `pulse-mentor`)", which it is."""
    source = next(p for p in sorted(filled.inputs.glob("pulse-mentor-*.pdf")))
    bare = restamp(source, "", tmp_path / "bare.pdf")
    counted, issues, _ = run(filled, tmp_path, bare)
    assert counted == 1 and issues == {}
