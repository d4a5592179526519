"""No-op rebuilds: a build with nothing changed is skipped and leaves the output alone; a change
to any input rebuilds, and with --all exactly the organizations it reaches. Real builds, no timing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from generator.read.fingerprint import input_hash
from tests.conftest import copy_project, copy_repo
from tests.util import tree_digest

pytestmark = pytest.mark.slow


def _build(root: Path, **options: object) -> bool:
    """Build the minimal project's organization; True when it was skipped as up to date."""
    return build(root, root / "organizations/org.yaml", **options).skipped  # type: ignore[arg-type]


def test_unchanged_inputs_are_skipped_and_the_output_untouched(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not _build(project)
    before = tree_digest(project / "site")
    assert _build(project)
    assert tree_digest(project / "site") == before
    assert main(["build", "--org", "organizations/org.yaml"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert tree_digest(project / "site") == before


def test_force_rebuilds(project: Path) -> None:
    _build(project)
    (project / "site" / "stale.html").write_text("old")
    assert not _build(project, force=True)
    assert not (project / "site" / "stale.html").exists()


@pytest.mark.parametrize(
    "change",
    ["curriculum", "profile", "template", "logo", "content", "theme", "mkdocs.yml", "engine", "date"],
)
def test_a_change_to_any_input_changes_the_hash(project: Path, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap and thorough: every kind of input, compared by hash alone."""
    org = project / "organizations/org.yaml"
    before = input_hash(project, org, "mkdocs")
    engine = "mkdocs"
    if change == "curriculum":
        _append(project / "curriculum.yaml", "\n# a comment still counts\n")
    elif change == "profile":
        _append(org, "\n# a comment\n")
    elif change == "template":
        (project / "overrides/templates").mkdir(parents=True, exist_ok=True)
        (project / "overrides/templates/home.md.j2").write_text("# {{ org.name }}\n")
    elif change == "logo":
        (project / "organizations/org").mkdir(exist_ok=True)
        (project / "organizations/org/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    elif change == "content":
        _append(project / "content/welcome.md", "\nOne more line.\n")
    elif change == "theme":
        _append(project / "overrides/theme/assets/stylesheets/mentorbook.css", "\n/* x */\n")
    elif change == "mkdocs.yml":
        _append(project / "mkdocs.yml", "\n# x\n")
    elif change == "engine":
        engine = "zensical"
    elif change == "date":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    assert input_hash(project, org, engine) != before


def test_the_hash_does_not_depend_on_where_the_project_is(tmp_path: Path) -> None:
    one = copy_project(tmp_path / "one")
    two = copy_project(tmp_path / "somewhere" / "else")
    assert input_hash(one, one / "organizations/org.yaml", "mkdocs") == input_hash(
        two, two / "organizations/org.yaml", "mkdocs"
    )


@pytest.mark.parametrize("change", ["curriculum", "content", "profile"])
def test_a_changed_input_rebuilds(project: Path, change: str) -> None:
    _build(project)
    target = {
        "curriculum": project / "curriculum.yaml",
        "content": project / "content/welcome.md",
        "profile": project / "organizations/org.yaml",
    }[change]
    _append(target, "\n# changed\n" if target.suffix == ".yaml" else "\nChanged.\n")
    assert not _build(project)


def test_with_all_a_changed_profile_rebuilds_exactly_that_organization(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.commands.all_orgs import build_all

    (tmp_path / "repo").mkdir()
    root = copy_repo(tmp_path / "repo")
    keep = {"example", "northwind-freight"}  # two organizations are enough here
    for profile in sorted((root / "organizations").glob("*.yaml")):
        if profile.stem not in keep:
            profile.unlink()
            shutil.rmtree(root / "organizations" / profile.stem, ignore_errors=True)
    monkeypatch.chdir(root)
    first = build_all(root, root / "sites", jobs=1)
    assert [o.skipped for o in first] == [False, False]
    again = build_all(root, root / "sites", jobs=1)
    assert [o.skipped for o in again] == [True, True]
    _append(root / "organizations/northwind-freight.yaml", "\n# changed\n")
    last = {o.slug: o.skipped for o in build_all(root, root / "sites", jobs=1)}
    assert last == {"example": True, "northwind-freight": False}


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
