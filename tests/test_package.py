"""The installed tool, as a user gets it: sdist and wheel built from this checkout, the wheel
installed into a fresh venv, and a handbook started, checked and built in an empty folder far
from the repository. The editable install the Makefile uses would hide a file the wheel lacks
(the print templates once were).

Twice: with the versions we pin (requirements.txt), and with every dependency at the lowest
version the wheel's own metadata allows (`name>=X` installed as `name==X`), so that a lower
bound the code does not work with fails here (Material 9.5 with copies of 9.8's templates
once built an unstyled site; icalendar 6.0 broke `validate`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from generator.read.layout import SHIPPED_NAMES
from tests.conftest import EPOCH, REPO
from tests.site.browser import LOCAL, serve_folder
from tests.site.test_html_valid import VNU

pytestmark = pytest.mark.slow
PACKAGED_SAMPLES = (
    "generator/templates/print/worksheet.html.j2",
    "generator/templates/print/print.css",
    "generator/locales/es.yaml",
    "generator/fonts/NotoSans-Regular.ttf",
    "generator/fonts/NotoSansArabic-Bold.ttf",
    "generator/fonts/OFL.txt",
)
# At the repository's top level and in the sdist; in the wheel under generator/shipped/ (setup.py).
SHIPPED_SAMPLES = (
    "curriculum.yaml",
    "instruments.yaml",
    "mkdocs.yml",
    "content/how-to-use.md",
    "overrides/theme/assets/stylesheets/mentorbook.css",
)
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def _clean_environment(tmp: Path) -> dict[str, str]:
    """No PYTHONPATH, no virtualenv of ours: only what the fresh venv holds."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, "SOURCE_DATE_EPOCH": EPOCH, "TMPDIR": str(tmp), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built once from this checkout (the wheel from the sdist)."""
    tmp = tmp_path_factory.mktemp("dist")
    env = _clean_environment(tmp)
    _run([sys.executable, "-m", "venv", str(tmp / "venv")], tmp, env)
    _run([str(tmp / "venv" / "bin" / "python"), "-m", "pip", "-q", "install", "build"], tmp, env)
    _run(
        [str(tmp / "venv" / "bin" / "python"), "-m", "build", "-q", "--outdir", str(tmp / "dist"), str(REPO)], tmp, env
    )
    _assert_carries_everything(tmp / "dist")
    return tmp / "dist"


def lowest_versions(wheel: Path) -> dict[str, str]:
    """Every requirement of the wheel (extras aside) -> its declared lower bound."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode().splitlines()
    lowest = {}
    for line in lines:
        if line.startswith("Requires-Dist:"):
            requirement = Requirement(line.split(":", 1)[1])
            if requirement.marker is None:
                bounds = [s.version for s in requirement.specifier if s.operator == ">="]
                assert len(bounds) == 1, f"{requirement}: give it one lower bound, where the code starts working"
                lowest[requirement.name] = bounds[0]
    return lowest


def _install(tmp: Path, wheel: Path, constraints: Path, env: dict[str, str]) -> Path:
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp, env)
    _run(
        [str(venv / "bin" / "python"), "-m", "pip", "-q", "install", "--constraint", str(constraints), str(wheel)],
        tmp,
        env,
    )
    _run([str(venv / "bin" / "python"), "-m", "pip", "check"], tmp, env)
    return venv


def _start_and_build(venv: Path, work: Path, env: dict[str, str]) -> Path:
    """init, validate and build in an empty folder; the site."""
    work.mkdir()
    mentorbook = str(venv / "bin" / "mentorbook")
    located = _run([str(venv / "bin" / "python"), "-c", "import generator; print(generator.__file__)"], work, env)
    assert str(venv) in located, "the installed package, not the checkout"
    _run([mentorbook, "init", "handbook", "--org", "Acme Health"], work, env)
    handbook = work / "handbook"
    assert "ok: the curriculum of Mentorbook" in _run([mentorbook, "validate"], handbook, env)
    assert "built " in _run([mentorbook, "build"], handbook, env)
    _assert_styled(handbook / "site")
    return handbook / "site"


@pytest.mark.browser
def test_the_wheel_builds_a_handbook_in_an_empty_folder(dist: Path, tmp_path: Path, browser: Any) -> None:
    started = time.monotonic()
    env = _clean_environment(tmp_path)
    venv = _install(tmp_path, next(dist.glob("*.whl")), REPO / "requirements.txt", env)
    site = _start_and_build(venv, tmp_path / "work", env)
    _assert_opens_in_a_browser(site, browser)
    print(f"packaging test: {time.monotonic() - started:.0f} s")


def test_the_wheel_at_its_lowest_versions_builds_a_styled_handbook(dist: Path, tmp_path: Path) -> None:
    env = _clean_environment(tmp_path)
    wheel = next(dist.glob("*.whl"))
    lowest = lowest_versions(wheel)
    constraints = tmp_path / "lowest.txt"
    constraints.write_text("".join(f"{name}=={version}\n" for name, version in sorted(lowest.items())))
    venv = _install(tmp_path, wheel, constraints, env)
    listed = _run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format", "json"], tmp_path, env)
    installed = {p["name"].lower(): p["version"] for p in json.loads(listed[: listed.rindex("]") + 1])}
    for name, version in lowest.items():
        assert Version(installed[name.lower()]) == Version(version), f"{name} {installed[name.lower()]}, not {version}"
    site = _start_and_build(venv, tmp_path / "work", env)
    _assert_valid_html(site)


def _assert_styled(site: Path) -> None:
    """Every stylesheet and script a page names is in the site (Material's are named by a hash
    of their contents: another version's templates name files that are not there)."""
    for page in (site / "index.html", next(site.glob("modules/*/*.html"))):
        named = ASSET.findall(page.read_text())
        assert any("stylesheets/main." in n for n in named) and any("javascripts/bundle." in n for n in named)
        missing = [n for n in named if not (page.parent / n).is_file()]
        assert missing == [], f"{page.name} names files the site lacks: {missing}"


def _assert_valid_html(site: Path) -> None:
    """The Nu checker over the site built with the lowest versions: the theme's fixes hold there too."""
    if not (shutil.which("java") and VNU.is_file()):
        pytest.fail("the Nu HTML checker is missing: run `make test`")
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [f"{m.get('url', '')}:{m.get('lastLine', 0)}: {m['message']}" for m in json.loads(run.stderr)["messages"]]
    assert errors == []


def _assert_carries_everything(dist: Path) -> None:
    wheel_names = set(zipfile.ZipFile(next(dist.glob("*.whl"))).namelist())
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        sdist_names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for sample in PACKAGED_SAMPLES:
        assert sample in wheel_names, f"the wheel lacks {sample}"
        assert sample in sdist_names, f"the sdist lacks {sample}"
    for sample in SHIPPED_SAMPLES:
        assert f"generator/shipped/{sample}" in wheel_names, f"the wheel lacks generator/shipped/{sample}"
        assert sample in sdist_names, f"the sdist lacks {sample}"
    shipped = {n.split("/")[2] for n in wheel_names if n.startswith("generator/shipped/")}
    assert shipped == set(SHIPPED_NAMES), "the wheel carries what read/layout.py names, and no more"


def _assert_opens_in_a_browser(site: Path, browser: Any) -> None:
    """In the session's Chromium (one Playwright per process: see tests/conftest.py)."""
    outside: list[str] = []
    with serve_folder(site) as base:
        page = browser.new_page()
        try:
            page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
            page.goto(f"{base}/index.html")
            assert "Acme Health" in page.title()
            page.locator("nav a[href$='.html']").first.wait_for()
            assert page.locator(".md-content").inner_text().strip()
        finally:
            page.close()
    assert outside == [], "a handbook loads nothing from outside"
