"""The example's feedback forms laid out once, and filled as 36 synthetic responses would
(5 mentors' and 6 mentees' self-assessments paired by program ID, 2 more mentees with an
end form only), with a few mistakes among them: one altered form, one copy, one empty form,
one worksheet that is not a feedback form, one made for an older version of its form, one
with a name where the program ID goes, and one participant's second start form."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan import plan_build
from generator.plan.paths import worksheet_pdf
from generator.plan.program.forms import project_forms
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from tests.conftest import EPOCH, copy_repo
from tests.results.filling import fill, restamp

AGREE = ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")
CONFIDENCE = ("Not yet", "Starting out", "Getting there", "Confident", "Could teach it")
NAMES = ("Ada Quillfeather", "Bram Oduya", "Cato Lindqvist", "Dara Osei", "Eun-ji Park")
MENTORS = tuple(f"ID-{n:03}" for n in range(1, 6))  # program IDs, as the tracker gives them
MENTEES = tuple(f"ID-{n:03}" for n in range(6, 12))
LATE = ("ID-012", "ID-013")  # mentees with an end form and no start form


@dataclass(frozen=True)
class Filled:
    root: Path  # the project: its example profile
    blank: Path  # the blank fillable PDFs, by file name
    inputs: Path  # the filled ones and the mistakes


@pytest.fixture(scope="session")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    root = copy_repo(tmp_path_factory.mktemp("feedback"))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        project = load_project(root, root / DEFAULT_ORG)
        plan = plan_build(project)
        goal_plan = [d for d in plan.worksheets if d.path == worksheet_pdf("goal-plan", "fillable")]
        blank = root / "blank"
        render(PdfWork(plan.setup, plan.forms + tuple(goal_plan)), blank)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    inputs = root / "returned"
    inputs.mkdir()
    starts = [f for f in project_forms(project) if f.id.startswith("self-assessment-") and f.id.endswith("-start")]
    skills = {f.role.value: [i.id for i in f.items if i.section == "skills"] for f in starts}
    _fill_all(blank, inputs, skills)
    yield Filled(root, blank, inputs)


def form(blank: Path, form_id: str) -> Path:
    return blank / "feedback" / "pdf" / f"{form_id}-fillable.pdf"


def _fill_all(blank: Path, out: Path, skills: dict[str, list[str]]) -> None:
    for n in range(6):  # mentors' check-ins: 6, shown
        values = {
            "goals_progress": AGREE[n % 5],
            "support_fits_mentor": AGREE[(n + 2) % 5],
            "meetings_as_planned": "Most of them" if n % 2 else "All of them",
            "one_change": f"Meet somewhere quieter ({n})",
        }
        fill(form(blank, "pulse-mentor"), _named("pulse-mentor", values), out / f"pulse-mentor-{n}.pdf")
    for n in range(3):  # mentees' check-ins: 3, fewer than 5
        values = {"goals_progress": AGREE[n + 2], "one_change": f"Shorter agendas ({n})"}
        fill(form(blank, "pulse-mentee"), _named("pulse-mentee", values), out / f"pulse-mentee-{n}.pdf")
    for role, people in (("mentor", MENTORS), ("mentee", MENTEES)):  # before and after, paired by ID
        for n, person in enumerate(people):
            start = {item: (n + k) % 3 for k, item in enumerate(skills[role])}
            _self_assessment(blank, out, role, "start", person, start)
            _self_assessment(blank, out, role, "end", person, {i: v + 1 + (n % 2) for i, v in start.items()})
    for person in LATE:  # looking back only: then 1, today 3
        then = {f"then_{item}": 1 for item in skills["mentee"]}
        _self_assessment(blank, out, "mentee", "end", person, {**dict.fromkeys(skills["mentee"], 3), **then})
    for n in range(3):  # end-of-program evaluations by mentees
        values = {
            "relationship_quality": "Very good",
            "orientation_useful": "I did not attend" if n else "Good",
            "recommend": "Likely",
            "what_helped": f"Honest feedback ({n})",
        }
        fill(form(blank, "evaluation-mentee"), _named("evaluation-mentee", values), out / f"evaluation-{n}.pdf")
    # The mistakes
    altered = {"relationship_quality": "Perfect", "what_helped": "Everything"}
    fill(form(blank, "evaluation-mentee"), _named("evaluation-mentee", altered), out / "altered.pdf")
    shutil.copy(out / "pulse-mentor-1.pdf", out / "pulse-mentor-1-copy.pdf")
    shutil.copy(form(blank, "pulse-mentee"), out / "empty.pdf")
    shutil.copy(blank / worksheet_pdf("goal-plan", "fillable"), out / "goal-plan.pdf")
    restamp(out / "pulse-mentor-2.pdf", "mentorbook-form:pulse-mentor@0", out / "old-version.pdf")
    _self_assessment(blank, out, "mentee", "start", NAMES[0], {skills["mentee"][0]: 2}, "sa-with-a-name.pdf")
    _self_assessment(blank, out, "mentee", "start", MENTEES[0], {skills["mentee"][0]: 4}, "sa-second-ID-006.pdf")


def _self_assessment(
    blank: Path, out: Path, role: str, occasion: str, person: str, points: dict[str, int], file: str = ""
) -> None:
    form_id = f"self-assessment-{role}-{occasion}"
    values = {"participant_id": person, **{item: CONFIDENCE[min(4, p)] for item, p in points.items()}}
    fill(form(blank, form_id), _named(form_id, values), out / (file or f"sa-{role}-{occasion}-{person}.pdf"))


def _named(form_id: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{form_id}:{key}": value for key, value in values.items()}
