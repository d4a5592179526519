"""The report page as people open it: axe finds nothing, the Nu HTML checker finds no error,
it asks nothing of the network, and every chart has its text alternative and table. A
screenshot goes to test-artifacts/screenshots/results-report.png."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.commands.results import results
from tests.results.conftest import Filled
from tests.site.test_html_valid import VNU
from tests.site.visit import run_axe

SCREENSHOT = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots" / "results-report.png"


@pytest.fixture(scope="module")
def report(filled: Filled, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "results"
    results(filled.root, None, [filled.inputs], out)
    return out / "index.html"


@pytest.mark.browser
def test_axe_finds_nothing_and_nothing_is_fetched(report: Path, page: Any) -> None:
    page.goto(report.as_uri())
    assert run_axe(page) == []
    assert page.outside_requests == [] and page.console_errors == []
    images = page.locator("img")
    assert images.count() > 5
    for n in range(images.count()):
        image = images.nth(n)
        assert image.get_attribute("src").startswith("data:image/svg+xml;base64,")
        assert image.evaluate("i => i.complete && i.naturalWidth > 0")
        assert image.get_attribute("alt").startswith("Chart of ")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1000, "height": 1400})
    page.screenshot(path=str(SCREENSHOT), full_page=False)


@pytest.mark.slow
def test_the_nu_checker_finds_no_error(report: Path) -> None:
    assert shutil.which("java") and VNU.is_file(), "the Nu HTML checker needs Java and .tools/: run `make test`"
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", str(report)], capture_output=True, text=True, check=False
    )
    errors = [m["message"] for m in json.loads(run.stderr)["messages"] if m["type"] != "info"]
    assert errors == []


@pytest.mark.slow
def test_every_chart_has_its_numbers_in_a_table(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert html.count("<img ") <= html.count("<caption>")
    assert "http://" not in html.replace('content="width', "") and "https://" not in html
