"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same example handbook.

It needs a venv of its own, with properdocs instead of mkdocs: `make properdocs` makes
.venv-properdocs/ (CI does too). Without it the test skips and says why.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EPOCH, REPO, copy_repo

pytestmark = pytest.mark.slow
PROPERDOCS_PYTHON = REPO / ".venv-properdocs" / "bin" / "python"
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(example_site: Path, tmp_path: Path) -> None:
    if not PROPERDOCS_PYTHON.exists():
        reason = f"no ProperDocs venv at {PROPERDOCS_PYTHON.parent.parent.name}/: run `make properdocs`"
        print(f"skipped: {reason}")
        pytest.skip(reason)
    root = copy_repo(tmp_path / "repo")
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": EPOCH}
    command = [str(PROPERDOCS_PYTHON), "-m", "generator", "build", "-q"]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    assert _files(root / "site") == _files(example_site), "the same files, the same bytes"
    assert b"ProperDocs 1.6.7" in (root / "site" / "index.html").read_bytes(), "built by ProperDocs"
    without = "import importlib.util as u; print(u.find_spec('mkdocs'))"
    assert subprocess.run([str(PROPERDOCS_PYTHON), "-c", without], capture_output=True, text=True).stdout == "None\n"


def _files(site: Path) -> dict[str, bytes]:
    """Every file but the build manifest (its input hash names the engine), with the generator
    tag (`mkdocs-1.6.1` or `mkdocs-ProperDocs 1.6.7`) blanked."""
    return {
        path.relative_to(site).as_posix(): GENERATOR_TAG.sub(b"", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != ".mentorbook.json"
    }
