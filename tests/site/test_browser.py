"""What a person sees, in a real browser: pages load with nothing from outside, and search
finds words from the curriculum both over http and from file:// (a handbook on a USB stick)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.site.browser import search, serve_folder

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")


def test_search_over_http(example_site: Path, page: Any) -> None:
    with serve_folder(example_site) as url:
        page.goto(f"{url}/index.html")
        hits = search(page, "reverse mentoring")
    assert any("everse mentoring" in hit for hit in hits)
    assert page.outside_requests == []
    assert page.console_errors == []


def test_search_from_file_url(example_site: Path, page: Any) -> None:
    page.goto((example_site / "modules/index.html").as_uri())
    hits = search(page, "confidentiality")
    assert any("onfidentiality" in hit for hit in hits)
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://")
    assert page.outside_requests == []


def test_navigation_reaches_sessions_and_worksheets(example_site: Path, page: Any) -> None:
    with serve_folder(example_site) as url:
        page.goto(f"{url}/index.html")
        page.get_by_role("link", name="Goal setting").first.click()
        page.get_by_role("link", name="Shaping goals and actions").first.click()
        assert page.locator("h1").inner_text().startswith("Shaping goals and actions")
        page.get_by_role("link", name="Goal-setting plan").last.click()
        assert page.locator("h1").inner_text().startswith("Goal-setting plan")
    assert page.outside_requests == []
