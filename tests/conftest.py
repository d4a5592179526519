"""Shared fixtures: small projects copied into tmp_path, and one example build per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
EPOCH = "1767225600"  # 2026-01-01: every test build pins "today"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite expected outputs from what the code does now"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _pinned_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def copy_project(target: Path, base: Path = MINIMAL) -> Path:
    """A runnable project in `target`: the repo's mkdocs.yml and overrides plus `base`'s files."""
    shutil.copytree(base, target, dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", target / "overrides", dirs_exist_ok=True)
    return target


def copy_repo(target: Path) -> Path:
    """The shipped curriculum, content and organizations, as a user's clone would have them."""
    for name in ("curriculum.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, target / name)
    for name in ("content", "organizations", "overrides"):
        shutil.copytree(REPO / name, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The shipped example handbook, built once for every test that only reads it."""
    from generator.build import build

    root = copy_repo(tmp_path_factory.mktemp("repo"))
    saved, cwd = os.environ.get("SOURCE_DATE_EPOCH"), Path.cwd()
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    os.chdir(root)
    try:
        build(root)
    finally:
        os.chdir(cwd)
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    yield root / "site"


from hypothesis import settings  # noqa: E402

settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
