"""Valid HTML: the Nu HTML checker (vnu.jar, installed by `make test` into .tools/) over every
page of every example organization, in one JVM. No errors at all: where Material's templates
write markup that HTML does not allow, generator/site/theme_fixes.py mends the rendered page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

VNU = (
    Path(__file__).resolve().parent.parent.parent / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def test_every_page_is_valid_html(all_sites: Path) -> None:
    assert shutil.which("java"), "the Nu HTML checker needs Java 11 or later: run `make test`"
    assert VNU.is_file(), f"the Nu HTML checker is missing ({VNU}): run `make test`"
    pages = sorted(all_sites.rglob("*.html"))
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(all_sites)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{m.get('url', '')}:{m.get('lastLine', 0)}: {m['message']}"
        for m in messages
        if m["type"] != "info"  # "info" holds warnings: reported, not failed
    ]
    warnings = {m["message"] for m in messages if m.get("subType") == "warning"}
    print(f"Nu checker: {len(pages)} pages, warnings: {sorted(warnings)}")
    assert len(pages) > 40
    assert errors == []
