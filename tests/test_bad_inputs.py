"""The bad-input corpus: each folder in tests/bad_inputs/ changes the minimal project and states
the exact exit code and output `mentorbook` must give. Every case runs a real build over a
previous good site; when the build fails, that site must be byte-identical afterwards.
Regenerate the expected outputs with `pytest --update-golden` and review the diff.

A case folder holds:
- the files it replaces or adds, at the same relative paths as in tests/fixtures/minimal
  (symbolic links are kept as links);
- `args.txt`: the command line (default `build --org organizations/org.yaml`);
- `remove.txt`: paths to delete first;
- `huge.txt`: `PATH BYTES` lines, files generated at that size (too big to commit);
- `site_contains.txt`: `PAGE<TAB>TEXT` lines the built site must contain (for valid input);
- `site_lacks.txt`: `PAGE<TAB>TEXT` lines it must not contain;
- `files_contain.txt`, `files_lack.txt`: the same for any file, by its path in the project
  (a results report, a file an `init` must not have touched);
- `about.txt`: which reported finding the case is (e.g. `issue 23, finding 5: ...`);
- `expected.txt`: the exit code and the output.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from tests.conftest import EPOCH, copy_project
from tests.util import tree_digest

CASES = Path(__file__).parent / "bad_inputs"
META = {
    "expected.txt",
    "args.txt",
    "remove.txt",
    "huge.txt",
    "site_contains.txt",
    "site_lacks.txt",
    "files_contain.txt",
    "files_lack.txt",
    "about.txt",
}
DEFAULT_ARGS = ["build", "--org", "organizations/org.yaml"]


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One good build of the minimal project, copied in as the previous output of every case."""
    root = copy_project(tmp_path_factory.mktemp("baseline"))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        build(root, root / "organizations/org.yaml")
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH") if saved is None else os.environ.update(SOURCE_DATE_EPOCH=saved)
    yield root / "site"


def _apply(case: Path, root: Path) -> list[str]:
    for file in sorted(case.rglob("*")):
        target = root / file.relative_to(case)
        if file.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            target.symlink_to(os.readlink(file))
        elif file.is_file() and file.name not in META:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    for line in _lines(case / "huge.txt"):
        name, size = line.split()
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        with open(root / name, "wb") as handle:
            handle.write(b"title: ")
            handle.truncate(int(size))
    for name in _lines(case / "remove.txt"):
        (root / name).unlink()
    args = case / "args.txt"
    return args.read_text().split() if args.exists() else DEFAULT_ARGS


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] if path.exists() else []


def _stable(output: str) -> str:
    """Timings vary from run to run; everything else must match exactly."""
    return re.sub(r"(in |, )\d+\.\d s", r"\1N s", output)


def _cases() -> list[object]:
    """Every case; those whose input is valid build a whole (small) handbook, PDFs and all,
    so they are `slow` (left out of `make test-fast`)."""
    cases: list[object] = []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        builds = (case / "expected.txt").read_text(encoding="utf-8").startswith("exit: 0")
        cases.append(pytest.param(case.name, marks=[pytest.mark.slow] if builds else []))
    return cases


@pytest.mark.parametrize("case", _cases())
def test_bad_input(
    case: str,
    good_site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    update_golden: bool,
) -> None:
    root = copy_project(tmp_path / "project")
    shutil.copytree(good_site, root / "site")
    before = tree_digest(root / "site")
    args = _apply(CASES / case, root)
    monkeypatch.chdir(root)
    code = main(args)
    captured = capsys.readouterr()
    actual = _stable(f"exit: {code}\n{captured.out}{captured.err}")
    expected_file = CASES / case / "expected.txt"
    if update_golden:
        expected_file.write_text(actual, encoding="utf-8")
    assert "Traceback" not in actual
    assert actual == expected_file.read_text(encoding="utf-8")
    if code != 0:
        assert tree_digest(root / "site") == before, "a failed build changed the previous output"
        assert not list(root.glob(".site.building-*"))
    _check_contents(CASES / case, root / "site", "site")
    _check_contents(CASES / case, root, "files")


def _check_contents(case: Path, folder: Path, prefix: str) -> None:
    for line in _lines(case / f"{prefix}_contains.txt") + _lines(case / f"{prefix}_contain.txt"):
        page, text = line.split("\t", 1)
        assert text in (folder / page).read_text(encoding="utf-8-sig"), f"{page} lacks {text!r}"
    for line in _lines(case / f"{prefix}_lacks.txt") + _lines(case / f"{prefix}_lack.txt"):
        page, text = line.split("\t", 1)
        path = folder / page
        assert not path.exists() or text not in path.read_text(encoding="utf-8-sig"), f"{page} has {text!r}"
