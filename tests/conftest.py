"""Shared fixtures: small projects copied into tmp_path, and one example build per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from generator.models.project import Project
    from generator.plan import Plan

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO  # the curriculum, guides, base config and theme Mentorbook ships: the top level (read/layout.py)
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
EPOCH = "1767225600"  # 2026-01-01: every test build pins "today"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite expected outputs from what the code does now"
    )


# Fixtures that build whole example handbooks (site and PDFs): a test that uses one is `slow`.
WHOLE_BUILDS = {"example_site", "all_sites", "site_visits", "browser", "page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`make test-fast` leaves out the browser and every test that builds a whole example
    handbook; the marks follow from the fixtures a test uses, so a new test is sorted the same."""
    for item in items:
        if WHOLE_BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _pinned_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def copy_project(target: Path, base: Path = MINIMAL) -> Path:
    """A runnable project in `target`: `base`'s files plus its own copy of the shipped
    mkdocs.yml and theme overrides (so that tests can change them)."""
    shutil.copytree(base, target, dirs_exist_ok=True)
    shutil.copy(SHIPPED / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(SHIPPED / "overrides", target / "overrides", dirs_exist_ok=True)
    return target


def copy_repo(target: Path) -> Path:
    """The example organizations, as a handbook project holds them: the curriculum, guides and
    theme are the shipped ones."""
    shutil.copytree(REPO / "organizations", target / "organizations")
    return target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture(scope="session")
def example_project() -> Project:
    """The example organization's Project as `build` reads it at the pinned time, read once for
    every test that plans from it (tests/plan/, the tracker's)."""
    from generator.read.layout import DEFAULT_ORG
    from generator.read.project import load_project

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return load_project(REPO, REPO / DEFAULT_ORG)


@pytest.fixture(scope="session")
def example_plan(example_project: Project) -> Plan:
    from generator.plan import plan_build

    return plan_build(example_project)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The shipped example handbook, built once for every test that only reads it."""
    from generator.build import build

    root = copy_repo(tmp_path_factory.mktemp("repo"))
    with _building_in(root):
        build(root)
    yield root / "site"


@pytest.fixture(scope="session")
def all_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example organization in organizations/ (whatever is there now), built once as
    `mentorbook build --all` does: one folder per organization plus the landing page."""
    from generator.commands.all_orgs import build_all

    root = copy_repo(tmp_path_factory.mktemp("repo-all"))
    with _building_in(root):
        outcomes = build_all(root, root / "sites", jobs=2)
    problems = [f"{o.slug}: {problem}" for o in outcomes for problem in o.problems]
    if problems:
        pytest.fail("example organizations that do not build:\n" + "\n".join(problems))
    return root / "sites"


@pytest.fixture(scope="session")
def titled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project of tests/site/titles.py, in which every title is markup, built once."""
    from generator.build import build
    from tests.site.titles import write_project

    root = tmp_path_factory.mktemp("titled")
    profile = write_project(root)
    with _building_in(root):
        build(root, profile)
    return root / "site"


@pytest.fixture(scope="session")
def site_visits(all_sites: Path) -> dict[str, Any]:
    """Every page of `all_sites` loaded once in Chromium (see tests/visit.py), keyed by its
    path (`example/modules/index.html`); each organization's home and 404 pages also over http."""
    pytest.importorskip("playwright.async_api")
    pytest.importorskip("axe_playwright_python")
    from tests.site.browser import serve_folder
    from tests.site.visit import organizations, page_urls, visit_all

    with ExitStack() as servers:
        urls = {org: servers.enter_context(serve_folder(all_sites / org)) for org in organizations(all_sites)}
        return visit_all(page_urls(all_sites, urls))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, one for the whole run (see tests/site/browser.py)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.site.browser import ARGS, CHROMIUM

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh tab that records console errors and requests to anything but this machine."""
    from tests.site.browser import LOCAL

    context = browser.new_context()
    page = context.new_page()
    page.outside_requests = []
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def watch(request: Any) -> None:
        if not request.url.startswith(LOCAL):
            page.outside_requests.append(request.url)

    page.on("request", watch)
    yield page
    context.close()


@contextmanager
def _building_in(root: Path) -> Iterator[None]:
    """Build as a user would in their clone, with "today" pinned."""
    saved, cwd = os.environ.get("SOURCE_DATE_EPOCH"), Path.cwd()
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(cwd)
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


from hypothesis import settings  # noqa: E402

settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
