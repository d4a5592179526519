"""The example's feedback forms laid out once, and filled as 22 synthetic people would, with
a few mistakes among them: one altered form, one copy, one empty form, one worksheet that is
not a feedback form, and one made for an older version of its form."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.pdf.files import render_pdfs
from generator.plan import plan_build
from generator.plan.paths import worksheet_pdf
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from tests.conftest import EPOCH, copy_repo
from tests.results.filling import fill, restamp

AGREE = ("Disagree", "Partly disagree", "Unsure", "Partly agree", "Agree")
CONFIDENCE = ("Not yet", "Starting out", "Getting there", "Confident", "Could teach it")
AREAS = ("setting_and_reaching_goals", "speaking_up_with_confidence", "building_a_network", "handling_setbacks")
NAMES = ("Ada Quillfeather", "Bram Oduya", "Cato Lindqvist", "Dara Osei", "Eun-ji Park")


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
        render_pdfs(plan.forms + tuple(goal_plan), plan.setup, blank)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    inputs = root / "returned"
    inputs.mkdir()
    _fill_all(blank, inputs)
    yield Filled(root, blank, inputs)


def form(blank: Path, form_id: str) -> Path:
    return blank / "feedback" / "pdf" / f"{form_id}-fillable.pdf"


def _fill_all(blank: Path, out: Path) -> None:
    for n in range(6):  # mentors' check-ins: 6, shown
        values = {
            "goals_on_track": AGREE[n % 5],
            "support_right": AGREE[(n + 2) % 5],
            "meetings_as_planned": "Most of them" if n % 2 else "All of them",
            "one_change": f"Meet somewhere quieter ({n})",
        }
        fill(form(blank, "pulse-mentor"), _named("pulse-mentor", values), out / f"pulse-mentor-{n}.pdf")
    for n in range(3):  # mentees' check-ins: 3, fewer than 5
        values = {"goals_on_track": AGREE[n + 2], "one_change": f"Shorter agendas ({n})"}
        fill(form(blank, "pulse-mentee"), _named("pulse-mentee", values), out / f"pulse-mentee-{n}.pdf")
    for occasion, shift in (("start", 0), ("end", 2)):  # self-assessments, before and after: 5 each
        for n, name in enumerate(NAMES):
            values = {"respondent_name": name, "focus_area": "Handling setbacks"}
            values |= {f"area_{a}": CONFIDENCE[min(4, (n + len(a)) % 3 + shift)] for a in AREAS}
            fill(
                form(blank, f"self-assessment-{occasion}"),
                _named(f"self-assessment-{occasion}", values),
                out / f"sa-{occasion}-{n}.pdf",
            )
    for n in range(3):  # end-of-program evaluations by mentees
        values = {
            "relationship_quality": "Very good",
            "would_recommend": "Yes" if n else "No",
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


def _named(form_id: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{form_id}:{key}": value for key, value in values.items()}
