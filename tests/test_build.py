"""Real MkDocs builds: what the example handbook contains, and that builds are safe to repeat."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.cli import main
from generator.errors import InputError
from generator.write import MANIFEST
from tests.conftest import copy_project
from tests.util import tree_digest

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`


def build(root: Path, out: Path | None = None) -> pipeline.BuildResult:
    return pipeline.build(root, root / "organizations/org.yaml", out)


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_example_has_every_page(example_site: Path) -> None:
    expected = [
        "index.html",
        "glossary.html",
        "contacts.html",
        "modules/index.html",
        "modules/foundations/index.html",
        "modules/goal-setting/shaping-goals-and-actions.html",
        "worksheets/index.html",
        "worksheets/goal-plan.html",
        "guides/confidentiality.html",
        "search/search_index.js",
        "assets/javascripts/iframe-worker-shim.js",
        "assets/brand/logo.svg",
        "assets/stylesheets/brand.css",
    ]
    missing = [page for page in expected if not (example_site / page).is_file()]
    assert missing == []


def test_every_session_has_a_page(example_site: Path) -> None:
    from generator.read.project import load_project

    root = example_site.parent
    project = load_project(root, root / "organizations/example.yaml")
    for module in project.curriculum.modules:
        for session in module.sessions:
            html = (example_site / "modules" / module.id / f"{session.id}.html").read_text()
            assert session.activity.title.split()[0] in html


def test_nothing_loads_from_the_internet(example_site: Path) -> None:
    offenders = []
    for page in example_site.rglob("*.html"):
        offenders += [f"{page.name}: {m}" for m in EXTERNAL.findall(page.read_text())]
    assert offenders == []
    for css in example_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text()


def test_search_index_is_inlined_for_file_urls(example_site: Path) -> None:
    script = (example_site / "search/search_index.js").read_text()
    assert script.startswith("var __index = ")
    index = json.loads(script.removeprefix("var __index = "))
    assert any("mentoring agreement" in doc["text"].lower() for doc in index["docs"])


def test_brand_colours_and_name_reach_the_site(example_site: Path) -> None:
    assert "#1d4e89" in (example_site / "assets/stylesheets/brand.css").read_text()
    home = (example_site / "index.html").read_text()
    assert "Harbor &amp; Pine Cooperative" in home
    assert "assets/stylesheets/brand.css" in home


def test_tips_and_prompts_use_material_components(example_site: Path) -> None:
    html = (example_site / "modules/goal-setting/shaping-goals-and-actions.html").read_text()
    assert 'class="tabbed-set' in html
    assert 'class="admonition tip"' in html
    assert 'class="admonition warning"' in html
    assert "<table>" in html


def test_failed_build_leaves_previous_output_untouched(project: Path) -> None:
    build(project)
    before = tree_digest(project / "site")
    curriculum = project / "curriculum.yaml"
    curriculum.write_text(curriculum.read_text().replace("minutes: 30", "minutes: thirty", 1))
    with pytest.raises(InputError):
        build(project)
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site.building-*"))


def test_broken_link_in_a_guide_fails_the_build(project: Path) -> None:
    build(project)
    before = tree_digest(project / "site")
    (project / "content/welcome.md").write_text("# Welcome\n\nSee [the rules](rules.md).\n")
    with pytest.raises(InputError) as caught:
        build(project)
    assert "content/welcome.md" in caught.value.report()
    assert "rules.md" in caught.value.report()
    assert tree_digest(project / "site") == before


def test_build_is_byte_identical_across_time_and_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = copy_project(tmp_path / "one")
    second = copy_project(tmp_path / "elsewhere" / "two")
    build(first)
    monkeypatch.chdir(second)
    build(second, second / "public")
    assert tree_digest(first / "site") == tree_digest(second / "public")


def test_refuses_to_replace_a_folder_it_did_not_make(project: Path) -> None:
    code = main(["build", "--org", "organizations/org.yaml", "--out", "content"])
    assert code == 1
    assert (project / "content/welcome.md").is_file()


def test_rebuild_replaces_its_own_output(project: Path) -> None:
    build(project)
    (project / "site" / "stale.html").write_text("old")
    pipeline.build(project, project / "organizations/org.yaml", force=True)
    assert not (project / "site" / "stale.html").exists()
    assert json.loads((project / "site" / MANIFEST).read_text())["generator"] == "mentorbook"


def test_organization_text_is_data_not_markup(project: Path) -> None:
    org = project / "organizations/org.yaml"
    org.write_text(
        org.read_text().replace("name: Test Org", 'name: "{{ 7*7 }} <script>alert(1)</script>"')
        + 'values:\n  - name: "{% raw %}"\n    in_mentoring: "[click](https://example.org) <b onmouseover=x>hi</b> {: onclick=\\"y\\"}"\n'
    )
    build(project)
    home = (project / "site/index.html").read_text()
    assert "{{ 7*7 }}" in home and "49" not in home
    assert "<script>alert(1)" not in home and "&lt;script&gt;alert(1)" in home
    assert "{% raw %}" in home
    assert live_markup(home) == []


class _LiveMarkup(HTMLParser):
    """Collects what would run in a browser: event handlers and javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")


def live_markup(page: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(page)
    return parser.found
