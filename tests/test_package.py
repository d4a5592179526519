"""The installed tool, as a user gets it: sdist and wheel built from this checkout, the wheel
installed into a fresh venv, and a handbook started, checked and built in an empty folder far
from the repository. The editable install the Makefile uses would hide a file the wheel lacks
(the print templates once were)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EPOCH, REPO
from tests.site.browser import LOCAL, serve_folder

pytestmark = [pytest.mark.slow, pytest.mark.browser]
SHIPPED_SAMPLES = (
    "generator/templates/print/worksheet.html.j2",
    "generator/templates/print/print.css",
    "generator/shipped/curriculum.yaml",
    "generator/shipped/mkdocs.yml",
    "generator/shipped/content/how-to-use.md",
    "generator/shipped/overrides/theme/assets/stylesheets/mentorbook.css",
    "generator/locales/es.yaml",
)


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def _clean_environment(tmp: Path) -> dict[str, str]:
    """No PYTHONPATH, no virtualenv of ours: only what the fresh venv holds."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, "SOURCE_DATE_EPOCH": EPOCH, "TMPDIR": str(tmp), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def test_the_wheel_builds_a_handbook_in_an_empty_folder(tmp_path: Path, browser: Any) -> None:
    started = time.monotonic()
    env = _clean_environment(tmp_path)
    venv, dist, work = tmp_path / "venv", tmp_path / "dist", tmp_path / "work"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path, env)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "-q"]
    _run([*pip, "install", "build"], tmp_path, env)
    _run([str(venv / "bin" / "python"), "-m", "build", "-q", "--outdir", str(dist), str(REPO)], tmp_path, env)
    _assert_carries_everything(dist)
    wheel = next(dist.glob("*.whl"))
    _run([*pip, "install", "--constraint", str(REPO / "requirements.txt"), str(wheel)], tmp_path, env)
    work.mkdir()
    mentorbook = str(venv / "bin" / "mentorbook")
    located = _run([str(venv / "bin" / "python"), "-c", "import generator; print(generator.__file__)"], work, env)
    assert str(venv) in located, "the installed package, not the checkout"
    _run([mentorbook, "init", "handbook", "--org", "Acme Health"], work, env)
    handbook = work / "handbook"
    assert "ok: the curriculum of Mentorbook" in _run([mentorbook, "validate"], handbook, env)
    assert "built " in _run([mentorbook, "build"], handbook, env)
    _assert_opens_in_a_browser(handbook / "site", browser)
    print(f"packaging test: {time.monotonic() - started:.0f} s")


def _assert_carries_everything(dist: Path) -> None:
    wheel_names = set(zipfile.ZipFile(next(dist.glob("*.whl"))).namelist())
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        sdist_names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for sample in SHIPPED_SAMPLES:
        assert sample in wheel_names, f"the wheel lacks {sample}"
        assert sample in sdist_names, f"the sdist lacks {sample}"


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
