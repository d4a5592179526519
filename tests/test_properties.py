"""Properties over generated input: organization text never becomes live markup, valid profiles
always build, the loader never crashes, and a killed build loses nothing.

The loader fuzz runs a bounded number of examples in the suite; run it longer with
`HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_properties.py -k fuzz` (20,000 examples).
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from generator.build import build, render_pages
from generator.errors import InputError
from generator.models import Organization
from generator.models.project import Project
from generator.plan.site.pages import plan_site
from generator.read.project import load_project
from generator.read.yaml_file import load_yaml
from generator.site.render import Renderer
from tests.conftest import MINIMAL, REPO, SHIPPED, copy_project
from tests.util import tree_digest

NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[x](javascript:alert(1))",
        '{: onclick="alert(1)" }',
        "{{ 7*7 }}",
        "{% raw %}",
        "</p><iframe src=//evil>",
        "<svg onload=alert(1)>",
        "&lt;script&gt;",
        "`code`",
        "**bold**",
        "\n\n- item",
        "# heading",
        "| a | b |",
        "<!-- c -->",
        "\\",
        "\"'",
        "~~~",
    ]
)
TEXT = st.lists(st.one_of(NASTY, st.text(min_size=1, max_size=12)), min_size=1, max_size=6).map("".join)


def _markdown_options() -> tuple[list[str | object], dict[str, dict[str, object]]]:
    """The Markdown extensions exactly as mkdocs.yml configures them for every handbook."""
    names: list[str | object] = []
    configs: dict[str, dict[str, object]] = {}
    with (SHIPPED / "mkdocs.yml").open(encoding="utf-8") as handle:
        extensions = yaml_load(handle)["markdown_extensions"]  # as MkDocs reads it: with its !!python tags
    for entry in extensions:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if config:
            configs[name] = config
    return names, configs


EXTENSIONS, CONFIGS = _markdown_options()


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "svg", "style"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower().replace(" ", ""):
                self.found.append(f"{tag} {name}={value}")


@pytest.fixture(scope="module")
def base_project() -> Project:
    return load_project(MINIMAL, MINIMAL / "organizations/org.yaml")


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXT, welcome=TEXT, value=TEXT, note=TEXT)
def test_organization_text_never_becomes_live_markup(
    base_project: Project, name: str, welcome: str, value: str, note: str
) -> None:
    data = {
        "name": name,
        "colors": {"primary": "#1d4e89", "accent": "#b3401a"},
        "welcome": welcome,
        "values": [{"name": name, "in_mentoring": value}],
        "how_we_work": [note],
        "contacts": [{"role": name, "name": name, "note": note}],
    }
    try:
        org = Organization.model_validate(data)
    except ValidationError:
        assume(False)
    project = dataclasses.replace(base_project, organization=org)
    texts = render_pages(plan_site(project), Renderer())
    for path, text in texts.items():
        if not path.endswith(".md"):
            continue
        html = markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS)
        parser = _Live()
        parser.feed(html)
        assert parser.found == [], f"{path}: {parser.found}"


DARK = st.sampled_from(["#1d4e89", "#0b5e55", "#5b2a86", "#12355b", "#8a1c4a", "#000000", "#2d3748"])
WORDS = st.text(
    alphabet=st.characters(categories=["L", "N", "Zs", "P"], exclude_characters="\x85\u2028\u2029"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())


@pytest.mark.slow
@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=WORDS,
    primary=DARK,
    accent=DARK,
    welcome=WORDS,
    language=st.sampled_from(["en", "es"]),
    paper=st.sampled_from(["A4", "Letter"]),
)
def test_any_valid_profile_builds(  # each example is a whole build: no shrinking, the example is printed
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    primary: str,
    accent: str,
    welcome: str,
    language: str,
    paper: str,
) -> None:
    root = copy_project(tmp_path_factory.mktemp("generated"))
    profile = {
        "name": name,
        "colors": {"primary": primary, "accent": accent},
        "welcome": welcome,
        "language": language,
        "paper": paper,
    }
    path = root / "organizations/generated.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(profile, handle, allow_unicode=True)
    result = build(root, path, root / "out")
    assert (result.out / "index.html").is_file()


TOKENS = st.sampled_from(
    [
        "a",
        "key",
        ":",
        ": ",
        "- ",
        "\n",
        "  ",
        "\t",
        "'",
        '"',
        "#",
        "&x ",
        "*x",
        "!!str ",
        "!!python/object ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "|",
        ">",
        "---",
        "...",
        "%YAML 1.2",
        "\\",
        "é",
        "\x00",
        "\r\n",
        "?",
        "~",
        "null",
        "0x1F",
        "12:30",
    ]
)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400), st.lists(TOKENS, max_size=80).map("".join).map(str.encode)))
def test_fuzz_loader_only_ever_reports_input_errors(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.yaml"
    path.write_bytes(data)
    try:
        load_yaml(path)
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)


@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_output(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    build(root, root / "organizations/org.yaml")
    before = tree_digest(root / "site")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "generator", "build", "--force", "--org", "organizations/org.yaml"]
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list(root.glob(".site.building-*/docs/*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert tree_digest(root / "site") == before
    build(root, root / "organizations/org.yaml")
    assert not list(root.glob(".site.building-*")), "the next build sweeps the leftovers away"
