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
from generator.plan.sheets.xlsform import FORM_COLUMN, VERSION_COLUMN
from tests.results.conftest import CONFIDENCE, LATE, MENTEES, NAMES, Filled, form
from tests.results.filling import restamp

pytestmark = pytest.mark.slow  # lays out PDFs


def run(filled: Filled, tmp_path: Path, *inputs: Path, minimum: int = 5) -> tuple[int, dict[str, str], str]:
    outcome = results(filled.root, None, list(inputs or [filled.inputs]), tmp_path / "report", minimum=minimum)
    issues = {Path(i.source).name: i.message for i in outcome.issues}
    return outcome.counted, issues, (outcome.out / "index.html").read_text(encoding="utf-8")


def test_counts_the_good_and_names_each_mistake(filled: Filled, tmp_path: Path) -> None:
    counted, issues, _ = run(filled, tmp_path)
    assert counted == 36  # 6 + 3 check-ins, 10 mentors' and 14 mentees' self-assessments, 3 evaluations
    assert set(issues) == {
        "altered.pdf",
        "pulse-mentor-1.pdf",
        "empty.pdf",
        "goal-plan.pdf",
        "old-version.pdf",
        "sa-with-a-name.pdf",
        "sa-second-ID-006.pdf",
    }
    answers = "(Very poor, Poor, Neither good nor poor, Good, Very good)"
    assert f'"Perfect" is not one of its answers {answers}' in issues["altered.pdf"]
    assert (
        issues["pulse-mentor-1.pdf"].startswith("repeats ")
        and "pulse-mentor-1-copy.pdf" in issues["pulse-mentor-1.pdf"]
    )
    assert issues["empty.pdf"] == "is empty: no question was answered"
    assert "not one of this handbook's feedback forms (its fields are from `goal-plan`)" in issues["goal-plan.pdf"]
    assert issues["old-version.pdf"] == "is version 0 of `pulse-mentor`; this handbook's is version 3"
    assert issues["sa-with-a-name.pdf"].startswith("has a program ID that is not one")
    assert issues["sa-second-ID-006.pdf"] == "is a second `self-assessment-mentee-start` from `ID-006`"
    problems = (tmp_path / "report" / "problems.txt").read_text(encoding="utf-8")
    assert problems.count("\n") == 7 and "altered.pdf" in problems and NAMES[0] not in problems


def test_a_group_below_the_minimum_shows_only_its_count(filled: Filled, tmp_path: Path) -> None:
    _, _, page = run(filled, tmp_path)
    assert "Mentee: 3 responses, fewer than 5, so not shown" in page
    assert "Mentor (n=6)" in page and "Mentee (n=3)" not in page
    assert "Shorter agendas" not in page  # the mentees' writing is hidden with their breakdown
    assert "Meet somewhere quieter (0)" in page
    assert "Mentor, Before the program (n=5)" in page and "Mentee, At the end of the program (n=8)" in page
    assert "End-of-program evaluation" in page and "Honest feedback" not in page  # 3 evaluations: hidden
    _, _, everything = run(filled, tmp_path, minimum=3)
    assert "Mentee (n=3)" in everything and "Shorter agendas (0)" in everything


def change_rows(page: str, caption: str) -> dict[str, list[str]]:
    """A change table's rows by their heading: people, before, after, change, higher, same, lower."""
    table = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in table.split("<tr>")[2:]:
        heading = row.split('<th scope="row">', 1)[1].split("</th>", 1)[0]
        rows[heading] = [cell.split("</td>")[0] for cell in row.split('<td class="number">')[1:]]
    return rows


def test_change_per_item_and_construct_for_each_role(filled: Filled, tmp_path: Path) -> None:
    _, _, page = run(filled, tmp_path)
    # Each mentor rose 1 or 2 points on every skill (1, 2, 1, 2, 1): +1.4; each mentee 1, 2, ... 2: +1.5
    mentors = change_rows(page, "Mentor: paired before and after (5 people): By skill")
    assert set(mentors) == {
        "Setting and reaching goals",
        "Giving and asking for feedback",
        "Handling power and difference",
        "Learning from setbacks",
        "Knowing how things work here",
        "Building a network",
    }
    assert all(r[0] == "5" and r[3] == "+1.4" and r[4:] == ["5", "0", "0"] for r in mentors.values())
    items = change_rows(page, "Mentee: paired before and after (6 people): By item")
    assert len(items) == 15 and all(r[0] == "6" and r[3] == "+1.5" for r in items.values())
    assert "Mentee: 2 people, fewer than 5, so not shown" in page  # looking back: too few
    _, _, everything = run(filled, tmp_path, minimum=2)
    back = change_rows(everything, "Mentee: looking back, no start form (2 people): By skill")
    assert all(r[1:4] == ["2.0", "4.0", "+2.0"] for r in back.values())  # "then" 2, today 4


def test_no_name_reaches_the_report(filled: Filled, tmp_path: Path) -> None:
    run(filled, tmp_path)
    out = tmp_path / "report"
    text = " ".join(page.extract_text() for page in PdfReader(out / "report.pdf").pages)
    made = [(out / name).read_text(encoding="utf-8") for name in ("index.html", "responses.csv", "problems.txt")]
    for output in (*made, text):
        assert not [name for name in NAMES if name in output]
    assert "Self-assessment" in text and "Mid-point pulse" in text and "Change from the start" in text


def test_the_tidy_csv_holds_every_answer_under_the_participant_id(filled: Filled, tmp_path: Path) -> None:
    run(filled, tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "report" / "responses.csv").read_text(encoding="utf-8-sig"))))
    assert len({r["response"] for r in rows}) == 36
    ratings = [r for r in rows if r["form"] == "self-assessment-mentee-end" and r["item"] == "goals_specific"]
    assert len(ratings) == 8 and {r["participant"] for r in ratings} == {*MENTEES, *LATE}
    assert all(r["position"] == str(CONFIDENCE.index(r["answer"]) + 1) for r in ratings)
    assert {r["participant"] for r in rows if r["instrument"] == "pulse"} == {""}  # anonymous: no ID
    not_applicable = [r for r in rows if r["answer"] == "I did not attend"]
    assert len(not_applicable) == 2 and all(r["position"] == "" for r in not_applicable)  # never a score


def test_the_command_warns_and_exits_0_or_1_when_nothing_counts(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(filled.root)
    assert main(["results", str(filled.inputs), "--out", str(tmp_path / "r")]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: ") == 7 and "altered.pdf" in err
    bad = [filled.inputs / "empty.pdf", filled.inputs / "goal-plan.pdf"]
    assert main(["results", *map(str, bad), "--out", str(tmp_path / "r2")]) == 1
    assert "empty.pdf: is empty" in capsys.readouterr().err
    with pytest.raises(InputError):
        results(filled.root, None, [filled.inputs / "altered.pdf"], tmp_path / "r3")


def survey_columns(filled: Filled, form_id: str) -> list[str]:
    """The columns of a survey tool's export of `form_id`: its XLSForm converted by pyxform,
    each element of the XForm's instance as a column (`meta/instanceID` in a group)."""
    from pyxform.xls2xform import convert

    from generator.plan.site.feedback import plan_feedback_site
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
            {"start": "2027-03-01T10:00:00", FORM_COLUMN: "pulse-mentee", VERSION_COLUMN: "3", "_id": str(n), **row}
        )
    return out.getvalue()


def test_a_survey_export_goes_the_same_way(filled: Filled, tmp_path: Path) -> None:
    rows = [
        {"goals_progress": name, "meetings_as_planned": "most_of_them", "_uuid": f"u{n}"}
        for n, name in enumerate(
            ["agree", "strongly_agree", "neither_agree_nor_disagree", "agree", "disagree", "agree"]
        )
    ]
    rows.append({"goals_progress": "agree", "_uuid": "u0"})  # sent twice
    rows.append({"goals_progress": "very_much", "_uuid": "u9"})  # not an answer of this form
    rows.append({"one_change": "Meet in person", "_uuid": "u10"})  # labels and writing are fine too
    export = tmp_path / "kobo.csv"
    columns = survey_columns(filled, "pulse-mentee")
    assert columns == [
        FORM_COLUMN,
        VERSION_COLUMN,
        "how_collected",
        "meetings_useful",
        "goals_progress",
        "support_fits",
        "safe_to_raise",
        "respected",
        "time_enough",
        "manager_support",
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
        version = 1 if form_id.startswith("early-leaver") else 3 if form_id.startswith("pulse") else 2
        stamp = f"mentorbook-form:{form_id}@{version}"
        assert reader.metadata is not None and reader.metadata["/Keywords"] == stamp
        names = set(reader.get_fields() or {})
        assert all(name.startswith(f"{form_id}:") for name in names)
        assert (f"{form_id}:participant_id" in names) == form_id.startswith("self-assessment"), form_id
        assert not [n for n in names if "name" in n.rpartition(":")[2]], form_id  # no name field anywhere
        listed = reader.trailer["/Root"]["/AcroForm"]["/Fields"]
        assert len(listed) == len(names)  # only top-level fields
        printed = PdfReader(path.with_name(f"{form_id}-print.pdf"))
        assert not printed.get_fields() and printed.metadata["/Keywords"] == stamp


def test_a_yes_no_question_exports_its_label(filled: Filled, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(form(filled.blank, "early-leaver-mentee")))
    values = {"early-leaver-mentee:exit_conversation": "/Yes", "early-leaver-mentee:safe_to_end": "/Agree"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(tmp_path / "filled.pdf")
    fields = PdfReader(tmp_path / "filled.pdf").get_fields() or {}
    assert {name: fields[name]["/V"] for name in values} == values
    assert fields["early-leaver-mentee:exit_conversation"]["/_States_"] == ["/Yes", "/No"]


def test_an_odk_central_export_goes_the_same_way(filled: Filled, tmp_path: Path) -> None:
    """ODK Central's CSV: its own columns first and last, `meta-instanceID`, labels or names."""
    header = ["SubmissionDate", FORM_COLUMN, VERSION_COLUMN, "recommend", "what_helped", "meta-instanceID"]
    header += ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status"]
    header += ["ReviewState", "DeviceID", "Edits", "FormVersion"]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, restval="")
    writer.writeheader()
    for n in range(5):
        answer = "likely" if n % 2 else "Very likely"
        row = {
            FORM_COLUMN: "evaluation-mentor",
            VERSION_COLUMN: "2",
            "recommend": answer,
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

    writer = PdfWriter(clone_from=PdfReader(form(filled.blank, "early-leaver-mentee")))
    values = {"early-leaver-mentee:exit_conversation": "/Yes", "early-leaver-mentee:safe_to_end": "/Agree"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(tmp_path / "filled.pdf")
    counted, issues, _ = run(filled, tmp_path, tmp_path / "filled.pdf")
    assert counted == 1 and issues == {}
    csv_rows = (tmp_path / "report" / "responses.csv").read_text(encoding="utf-8-sig")
    assert ",exit_conversation,yes_no,Yes," in csv_rows and ",safe_to_end,rating,Agree," in csv_rows


def test_a_form_that_lost_its_keywords_is_counted_by_its_fields(filled: Filled, tmp_path: Path) -> None:
    """Issue 23, finding 13: a form whose Keywords were removed was refused as "not one of this
    handbook's feedback forms (its fields are from `pulse-mentor`)", which it is."""
    source = next(p for p in sorted(filled.inputs.glob("pulse-mentor-*.pdf")))
    bare = restamp(source, "", tmp_path / "bare.pdf")
    counted, issues, _ = run(filled, tmp_path, bare)
    assert counted == 1 and issues == {}
