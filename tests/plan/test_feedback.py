"""The feedback forms as planned from the instruments: stable ids, the organization's areas
and words, a question bank that matches its schema, XLSForms that pyxform converts, and
byte-stable spreadsheets and charts. No PDF is laid out here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import time
import zipfile
from collections.abc import Iterator

import pytest
from pyxform.xls2xform import convert

from generator.models.instrument import ITEM_KINDS, Role
from generator.models.project import Project
from generator.plan.program.forms import ID_ITEM, Form, occasion_week, plan_forms, project_forms
from generator.plan.sheets.question_bank import QuestionBank, bank_schema, qualtrics_txt, question_bank
from generator.plan.sheets.xlsform import choice_names, xlsform_version
from generator.plan.site.feedback import plan_feedback_site
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from generator.results.charts import chart_svg, describe
from generator.results.tally import Group, ItemTally
from generator.sheets import xlsx_bytes
from tests.conftest import EPOCH, REPO

FORMS = {
    "self-assessment-mentor-start",
    "self-assessment-mentor-end",
    "self-assessment-mentee-start",
    "self-assessment-mentee-end",
    "pulse-mentor",
    "pulse-mentee",
    "evaluation-mentor",
    "evaluation-mentee",
    "early-leaver-mentor",
    "early-leaver-mentee",
}


def load(org: str) -> Project:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return load_project(REPO, REPO / "organizations" / f"{org}.yaml")


@pytest.fixture(scope="module")
def example() -> Iterator[Project]:
    yield load(DEFAULT_ORG.stem)


def test_every_instrument_has_stable_ids_every_kind_a_version_and_a_time(example: Project) -> None:
    forms = project_forms(example)
    assert {f.id for f in forms} == FORMS
    kinds = {item.kind for f in forms for item in f.items}
    assert kinds == set(ITEM_KINDS)
    for f in forms:
        ids = [i.id for i in f.items]
        assert len(ids) == len(set(ids)) and ID_ITEM not in ids, f.id
        assert f.version >= 1 and (occasion_week(f.occasion, 40) is not None or f.occasion.at == "leaving")
        assert all(i.answers for i in f.items if i.kind in ("rating", "yes_no", "choice"))
    pulses = [f for f in forms if f.instrument.id == "pulse"]
    assert {f.role for f in pulses} == {Role.MENTOR, Role.MENTEE} and all(f.instrument.anonymous for f in pulses)
    for role in Role:
        before, after = (f for f in forms if f.instrument.id == "self-assessment" and f.role is role)
        rated = [i.id for i in before.items if i.kind == "rating"]
        assert rated == [i.id for i in after.items if i.section == "skills"]  # the same skills, before and after
        assert [i.id for i in after.items if i.section == "then"] == [f"then_{i}" for i in rated]  # and looking back
        # its day is the run-sheet's (form_dates.py), on the page and the PDF
        assert "on your own" in before.instructions and "first meeting" not in after.instructions
        assert "Looking back" in after.instructions


def test_skills_are_several_items_a_construct_each_from_a_module_of_the_handbook(example: Project) -> None:
    forms = project_forms(example)
    titles = {m.id: m.title for m in example.curriculum.modules}
    for form in (f for f in forms if f.instrument.id == "self-assessment"):
        skills = [i for i in form.items if i.section == "skills"]
        per_construct = {c: sum(i.construct == c for i in skills) for c in {i.construct for i in skills}}
        assert len(per_construct) == 6 and min(per_construct.values()) >= 2, (form.id, per_construct)
        assert {i.module for i in skills} <= set(titles.values())
    without = {k: v for k, v in titles.items() if k != "knowledge-and-networks"}
    fewer = plan_forms(example.instruments, None, example.labels, without)
    asked = {i.construct for f in fewer for i in f.items if i.section == "skills"}
    assert asked == {"goals", "feedback", "power", "setbacks"}  # nothing asked about a module left out


def test_scales_are_balanced_and_does_not_apply_stands_apart(example: Project) -> None:
    scales = {s.id: s.points for s in example.instruments.scales}
    assert scales["agreement"][2] == "Neither agree nor disagree" and len(scales["agreement"]) == 5
    assert scales["quality"] == ("Very poor", "Poor", "Neither good nor poor", "Good", "Very good")
    for points in (scales["agreement"], scales["quality"], scales["likelihood"]):
        assert "Unsure" not in points and "Does not apply" not in points
    evaluation = next(f for f in project_forms(example) if f.id == "evaluation-mentor")
    training = evaluation.item("training_useful")
    assert training is not None and training.answers[-1] == training.not_applicable == "I did not attend"
    assert training.points == scales["quality"] and training.score("I did not attend") is None
    assert training.score("Very good") == 5
    goals = evaluation.item("goals_reached")
    assert goals is not None and "We did not set goals" in goals.answers
    covered = {i.id for f in project_forms(example) if f.instrument.id == "evaluation" for i in f.items}
    assert {"orientation_useful", "training_useful", "handbook_useful", "match_fit", "facilitator_support"} <= covered
    assert {"manager_support", "time_enough", "safe_to_raise", "respected", "intent_to_mentor", "recommend"} <= covered


def test_each_form_says_how_it_is_collected_and_named_forms_ask_an_id_not_a_name(example: Project) -> None:
    page, _, sheets = plan_feedback_site(example, {})
    for form in project_forms(example):
        collection = form.instrument.collection
        if form.instrument.anonymous:
            assert "anonymous survey link" in collection and "do not email" in collection, form.id
        else:
            assert "program ID" in collection and "never your name" in collection, form.id
        text = qualtrics_txt(form, example.labels)
        assert ("[[ID:participant_id]]" in text) is not form.instrument.anonymous
        assert "name" not in example.labels["participant_id"].lower()
    kept = example.organization.privacy.retention  # the page and the privacy notice say the same
    opening = " ".join(text for _, text in page.context["design"])
    assert f"kept {kept.responses} months" in opening and f"deleted after {kept.names} months" in opening
    assert "at least 5 people" in opening
    entries = page.context["instruments"]
    assert all(e["collection"] for e in entries) and sum(len(e["forms"]) for e in entries) == len(FORMS)
    named = next(s for s in sheets if s.path.endswith("/self-assessment-mentee-end.xlsx"))
    survey = dict(named.sheets)["survey"]
    row = next(r for r in survey if r[1] == ID_ITEM)
    assert row[6] == "yes" and row[7].startswith("regex(")
    assert next(r[:2] for r in survey if r[0] == "begin_group") == ("begin_group", "looking_back")


def test_weeks_follow_the_program_behind_one_function() -> None:
    from generator.models.instrument import Occasion

    weeks = {at: occasion_week(Occasion(id="x", title="X", at=at), 24) for at in ("start", "middle", "end")}
    assert weeks == {"start": 1, "middle": 12, "end": 24}
    assert occasion_week(Occasion(id="x", title="X", at=7), None) == 7
    assert occasion_week(Occasion(id="x", title="X", at="end"), None) is None


def test_the_self_assessment_rates_the_organizations_areas_in_its_words() -> None:
    project = load("st-brigid-health")
    start = next(f for f in project_forms(project) if f.id == "self-assessment-mentee-start")
    areas = [i.label for i in start.items if i.section == "areas"]
    assert areas == [
        "Clinical judgement under pressure",
        "Handover and documentation",
        "Speaking up for patient safety",
        "Looking after yourself on shift",
    ]
    purpose = start.instrument.purpose
    assert "preceptors" in purpose and "mentor" not in purpose
    pulse = next(f for f in project_forms(project) if f.id == "pulse-mentor")  # the id keeps our word
    assert pulse.role is Role.MENTOR and "Preceptor" in pulse.title


def test_the_question_bank_matches_its_schema_and_the_forms(example: Project) -> None:
    _, files, sheets = plan_feedback_site(example, {})
    bank = QuestionBank.model_validate_json(files["feedback/question-bank/question-bank.json"])
    assert {f.id for f in bank.forms} == FORMS
    assert json.loads(files["feedback/question-bank/question-bank.schema.json"]) == bank_schema()
    assert {o.id for o in bank.outcomes} == {"meetings_held", "completed", "retained_6_months", "retained_12_months"}
    rows = files["feedback/question-bank/question-bank.csv"].decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + sum(len(f.items) for f in bank.forms)
    assert {s.path.rsplit("/", 1)[1] for s in sheets} == {f"{f}.xlsx" for f in FORMS}
    tracker = files["feedback/question-bank/outcomes-tracker.csv"].decode("utf-8-sig").splitlines()
    assert tracker == [
        "Program ID,Answered by,Meetings held [meetings_held],Completed the program [completed],"
        "Still with the organization after 6 months [retained_6_months],"
        "Still with the organization after 12 months [retained_12_months]"
    ]


def test_every_xlsform_converts_with_pyxform(example: Project) -> None:
    _, _, sheets = plan_feedback_site(example, {})
    for sheet in sheets:
        warnings: list[str] = []
        result = convert(xlsform=io.BytesIO(xlsx_bytes(sheet)), warnings=warnings, file_type=".xlsx")
        assert warnings == [], sheet.path
        assert "<mentorbook_form/>" in result.xform and "<mentorbook_version/>" in result.xform


def test_xlsform_versions_only_increase(example: Project) -> None:
    form = project_forms(example)[0]
    at = dt.datetime(2026, 12, 6, 13, 45, 30, tzinfo=dt.UTC)
    assert xlsform_version(form, at) == f"202612061345{form.version:03d}"
    raised = dataclasses.replace(form, instrument=form.instrument.model_copy(update={"version": form.version + 1}))
    later = [at + dt.timedelta(minutes=1), at + dt.timedelta(days=40), dt.datetime(2027, 6, 1, tzinfo=dt.UTC)]
    versions = [xlsform_version(form, at), xlsform_version(raised, at), *(xlsform_version(raised, t) for t in later)]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    assert all(v.isdigit() and len(v) == 15 for v in versions)
    _, _, sheets = plan_feedback_site(example, {})
    settings = dict(sheets[0].sheets)["settings"]
    assert settings[1][2] == xlsform_version(project_forms(example)[0], example.built)


def test_the_xlsform_is_byte_stable(example: Project) -> None:
    _, _, sheets = plan_feedback_site(example, {})
    first = xlsx_bytes(sheets[0])
    time.sleep(2.1)  # a zip entry's time has a 2 s resolution
    assert xlsx_bytes(sheets[0]) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"} <= set(
            archive.namelist()
        )


def test_qualtrics_txt_has_a_question_per_item_with_its_id(example: Project) -> None:
    form = next(f for f in project_forms(example) if f.id == "evaluation-mentee")
    text = qualtrics_txt(form, example.labels)
    assert text.startswith("[[AdvancedFormat]]")
    assert text.count("[[Question:") == len(form.items) + 1 and text.count("[[ID:") == len(form.items) + 1
    assert "[[Question:DB]]\n[[ID:how_collected]]" in text  # how it is collected, before the questions
    assert "[[Question:TE:Essay]]\n[[ID:what_helped]]" in text


def test_choice_names_are_unique_xml_names() -> None:
    assert choice_names(("Partly agree", "Yes", "4 — mostly", "Oui ?", "شكرا", "Yes")) == (
        "partly_agree",
        "yes",
        "a4_mostly",
        "oui",
        "a5",
        "yes_6",
    )


def item(*groups: Group) -> ItemTally:
    return ItemTally(
        "goals_on_track", "The goals we set are on track.", "rating", ("Disagree", "Unsure", "Agree"), groups
    )


def test_charts_are_byte_stable_and_described(example: Project) -> None:
    tally = item(
        Group("Mentor", 6, True, (1, 2, 3), ()),
        Group("Mentee", 5, True, (0, 1, 4), ()),
        Group("x", 2, False, (0, 0, 0), ()),
    )
    svg = chart_svg(tally, example.labels)
    assert svg is not None and svg == chart_svg(tally, example.labels)
    assert b"<dc:date>" not in svg and b"Mentee (n=5)" in svg and b"x (n=" not in svg
    assert describe(tally, example.labels).endswith(
        "Mentor (6 answers): Disagree 17%, Unsure 33%, Agree 50%; Mentee (5 answers): Disagree 0%, Unsure 20%, Agree 80%."
    )
    assert chart_svg(item(Group("x", 2, False, (0, 0, 0), ())), example.labels) is None  # nothing to show


def test_forms_are_planned_for_every_example(example: Project) -> None:
    for org in ("fundacion-puentes", "northwind-freight", "st-brigid-health"):
        forms: tuple[Form, ...] = project_forms(load(org))
        assert {f.id for f in forms} == FORMS
    bank = question_bank(project_forms(example), example.instruments, example.organization.name, 40)
    assert {f.week for f in bank.forms} == {1, 20, 40, None}  # None: the early-leaver form, any week


def test_each_form_says_the_day_to_answer_by_and_what_its_pdfs_are_for(example: Project) -> None:
    """The page and the form's PDF give the run-sheet's day for closing a form (the Start here
    page's `{step.start-survey-close.date}`), not only a week; an anonymous form's fillable PDF
    is for notes before answering the link, a named form's may be returned."""
    from generator.plan.print.forms import plan_feedback_pdfs
    from generator.plan.program.facts import program_facts

    facts = program_facts(example)
    page, _, _ = plan_feedback_site(example, {})
    forms = {f["id"]: f for e in page.context["instruments"] for f in e["forms"]}
    start = facts["step.start-survey-close.date"]
    assert forms["self-assessment-mentee-start"]["when"] == f"Before the program (answer by {start})"
    assert facts["step.midpoint-survey-close.date"] in forms["pulse-mentee"]["when"]
    assert next(p.title for p in forms["pulse-mentee"]["pdfs"]) == example.labels["pdf_notes"]
    assert next(p.title for p in forms["self-assessment-mentee-start"]["pdfs"]) == example.labels["pdf_fillable"]
    pdf = next(d for d in plan_feedback_pdfs(example) if "self-assessment-mentee-start" in d.path)
    instructions = str(pdf.sheets[0].view.sheets[0].instructions)
    assert f"Answer by {start}." in instructions and "before your first meeting" not in instructions
