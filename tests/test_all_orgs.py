"""`build --all` tells, on a terminal, what each organization is doing: its stages and each
document as it is made, beside the bar; elsewhere (logs, CI) one line per organization."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.commands.all_orgs import Progress, build_all
from tests.conftest import copy_project

pytestmark = pytest.mark.slow  # builds a (small) handbook


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("jobs", [1, 2])
def test_on_a_terminal_each_document_shows_as_it_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    root = copy_project(tmp_path / "project")
    (root / "organizations" / "other.yaml").write_text(
        (root / "organizations" / "org.yaml").read_text(encoding="utf-8").replace("Test Org", "Other Org"),
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    screen = Terminal()
    outcomes = build_all(root, root / "sites", jobs, Progress(screen))
    assert all(o.name for o in outcomes), outcomes
    shown = screen.getvalue()
    for slug in ("org", "other"):
        for stage in ("reading", "pages", "PDFs 1 of", "site"):
            assert f"{slug}: {stage}" in shown, shown
    assert shown.endswith("\n") and "2/2" in shown


def test_in_a_log_one_line_per_organization(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    log = io.StringIO()
    build_all(root, root / "sites", 1, Progress(log))
    assert log.getvalue().splitlines()[0].startswith("1/1 org: ") and "PDFs" not in log.getvalue()
