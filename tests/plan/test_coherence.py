"""The coherence check over the plan (plan/program/coherence.py): the example organizations pass with
no problem; a profile that says one fact two ways gets one at its line, with both values."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.plan import plan_build
from generator.plan.program.coherence import check_coherence, days
from generator.read.project import load_project
from tests.conftest import REPO, copy_repo

ORGS = sorted(p.stem for p in (REPO / "organizations").glob("*.yaml"))


@pytest.mark.parametrize("org", ORGS)
def test_every_example_organization_is_coherent(org: str) -> None:
    project = load_project(REPO, REPO / "organizations" / f"{org}.yaml")
    assert check_coherence(project) == []


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    root = copy_repo(tmp_path)
    profile = root / "organizations/example.yaml"
    text = profile.read_text(encoding="utf-8")
    assert old in text
    profile.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        plan_build(load_project(root, root / "organizations/example.yaml"))
    return [str(p) for p in caught.value.problems]


def _line_of(root: Path, text: str) -> int:
    lines = (root / "organizations/example.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_a_kickoff_booked_longer_than_its_session_is_one_problem_with_both_lengths(tmp_path: Path) -> None:
    root = _edited(
        tmp_path,
        "    - name: Kickoff\n      cadence: weekly\n      minutes: 60",
        "    - name: Kickoff\n      cadence: weekly\n      minutes: 90",
    )
    [problem] = _problems(root)
    line = _line_of(root, "minutes: 90")
    assert f"organizations/example.yaml:{line}:16: " in problem
    assert "are 90 minutes" in problem and "whose agenda takes 60" in problem and "set `minutes: 60`" in problem


def test_a_handler_slower_than_the_concern_is_one_problem_naming_both_places(tmp_path: Path) -> None:
    root = _edited(tmp_path, "    responds: the same day", "    responds: within three working days")
    problems = _problems(root)
    assert len(problems) == 2  # conduct (one working day) and harm (the same day)
    line = _line_of(root, "within three working days")
    assert all(f"organizations/example.yaml:{line}:15: " in p for p in problems)
    assert "handles `harm`, which is answered the same day (curriculum.yaml:" in problems[1]


def test_a_step_that_prepares_the_start_is_dated_before_the_kickoff(tmp_path: Path) -> None:
    root = _edited(tmp_path, "      first_week: 1\n      last_week: 1", "      first_week: -2\n      last_week: -2")
    problems = _problems(root)
    assert problems and all("organizations/example.yaml:" in p and ":3: the run-sheet's “" in p for p in problems)
    first = "on or after its first session, Mon, Dec 21, 2026"
    assert any("(curriculum.yaml:" in p and first in p for p in problems), problems


@pytest.mark.parametrize(
    ("promise", "expected"),
    [
        ("the same day", 0.5),
        ("within one working day", 1),
        ("Within 2 working days", 2),
        ("within five working days", 5),
        ("within a week", 7),
        ("within 4 hours", 4 / 24),
        ("any time", None),
    ],
)
def test_promises_are_read_as_days(promise: str, expected: float | None) -> None:
    assert days(promise) == expected
