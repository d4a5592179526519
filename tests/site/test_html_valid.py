"""Valid HTML: the Nu HTML checker (vnu.jar, installed by `make test` into .tools/) over every
page of every example organization, in one JVM. No errors but those in ALLOWED, each of them
markup that Material's own templates write, with the reason it is left alone."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

VNU = (
    Path(__file__).resolve().parent.parent.parent / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

ALLOWED = [
    (
        r"^Bad value “” for attribute “tabindex” on element “label”",
        'Material\'s partials/nav-item.html writes tabindex="" on the toggle of a navigation section; '
        "browsers ignore an empty tabindex, and fixing it means keeping a copy of a 180-line theme partial",
    ),
    (
        r"^Attribute “autocomplete” is only allowed when the input type is",
        'Material\'s base.html puts autocomplete="off" on its hidden drawer and search toggle checkboxes '
        "(so Firefox does not restore them checked); harmless, and base.html is the theme's whole page",
    ),
    (
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        "Material's partials/toc.html labels the table of contents for a __toc toggle that nav-item.html "
        "writes only on pages that are not section index pages; the label is just a title there",
    ),
]


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
    errors = [m for m in messages if m["type"] != "info"]  # "info" holds warnings: reported, not failed
    unexpected = [
        f"{m.get('url', '')}:{m.get('lastLine', 0)}: {m['message']}"
        for m in errors
        if not any(re.search(pattern, m["message"]) for pattern, _ in ALLOWED)
    ]
    warnings = {m["message"] for m in messages if m.get("subType") == "warning"}
    print(f"Nu checker: {len(pages)} pages, {len(errors)} allowed theme errors, warnings: {sorted(warnings)}")
    assert len(pages) > 40
    assert unexpected == []
