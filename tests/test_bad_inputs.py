"""Golden cases: each folder in tests/cases/ changes the minimal project and states the exact
exit code and message `mentorbook validate` must give. Regenerate with --update-golden and
review the diff.

A case folder holds the files it replaces (same relative paths as in fixtures/minimal), an
optional `args.txt` (the command line, default `validate --org organizations/org.yaml`), an
optional `remove.txt` (paths to delete first) and `expected.txt`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_project

CASES = Path(__file__).parent / "cases"
META = {"expected.txt", "args.txt", "remove.txt"}


def _apply(case: Path, root: Path) -> list[str]:
    for file in sorted(case.rglob("*")):
        if file.is_file() and file.name not in META:
            target = root / file.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    if (case / "remove.txt").exists():
        for name in (case / "remove.txt").read_text().split():
            (root / name).unlink()
    args = case / "args.txt"
    return args.read_text().split() if args.exists() else ["validate", "--org", "organizations/org.yaml"]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_case(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    root = copy_project(tmp_path / "project")
    args = _apply(CASES / case, root)
    monkeypatch.chdir(root)
    code = main(args)
    captured = capsys.readouterr()
    actual = f"exit: {code}\n{captured.out}{captured.err}"
    expected_file = CASES / case / "expected.txt"
    if update_golden:
        expected_file.write_text(actual, encoding="utf-8")
    assert "Traceback" not in actual
    assert actual == expected_file.read_text(encoding="utf-8")
