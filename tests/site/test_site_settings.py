"""A project's site-settings.yaml: single MkDocs settings merged over the shipped base
mkdocs.yml, checked at the edge like every other file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main

SETTINGS = """# yaml-language-server: $schema=schemas/site-settings.schema.json
theme:
  features: [navigation.instant, toc.integrate]
  palette:
    scheme: slate
plugins:
  - tags
extra:
  our_note: kept
"""


@pytest.mark.slow
def test_settings_are_merged_over_the_base(project: Path) -> None:
    (project / "site-settings.yaml").write_text(SETTINGS)
    assert main(["build", "--org", "organizations/org.yaml"]) == 0
    page = (project / "site" / "index.html").read_text()
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    assert {"navigation.instant", "toc.integrate", "navigation.tabs"} <= set(config["features"]), "added to the base's"
    assert 'data-md-color-scheme="slate"' in page
    assert 'data-md-color-primary="custom"' in page, "the profile's colours stay"
    assert (project / "site" / "search" / "search_index.json").is_file(), "the base's plugins stay"


def test_mistakes_in_the_settings_name_their_place(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "site-settings.yaml").write_text(
        "theme:\n  fonts: Roboto\n  features: [Navigation Instant]\n  palette:\n    scheme: dark\n"
    )
    assert main(["validate", "--org", "organizations/org.yaml"]) == 1
    err = capsys.readouterr().err
    assert "site-settings.yaml:2:3: " in err and "fonts" in err
    assert "site-settings.yaml:5:13: " in err and "slate" in err
    assert "Traceback" not in err
    (project / "site-settings.yaml").write_text("theme:\n  features: [Navigation Instant]\n")
    assert main(["validate", "--org", "organizations/org.yaml"]) == 1
    assert 'site-settings.yaml:2:14: "Navigation Instant" is not a name MkDocs knows' in capsys.readouterr().err
