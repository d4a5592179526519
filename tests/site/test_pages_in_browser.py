"""What a person sees in Chromium, for every example organization: every page loads with no
console error and nothing from outside; search works from file:// and over http; the navigation
reaches every module and worksheet; printing keeps the content only. Screenshots of three pages
per organization go to test-artifacts/screenshots/ for a reviewer to look at."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.site.browser import search, serve_folder
from tests.site.visit import example_organizations, sample_pages

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")

ORGS = example_organizations()
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"


def test_every_page_loads_with_no_console_error_and_nothing_from_outside(
    all_sites: Path, site_visits: dict[str, Any]
) -> None:
    assert {v.url for v in site_visits.values()} >= {
        p.as_uri() for p in all_sites.rglob("*.html") if p.name != "404.html"
    }
    assert {name: v.console_errors for name, v in site_visits.items() if v.console_errors} == {}
    assert {name: v.outside_requests for name, v in site_visits.items() if v.outside_requests} == {}


@pytest.mark.parametrize("org", ORGS)
def test_navigation_reaches_every_module_and_worksheet(all_sites: Path, site_visits: dict[str, Any], org: str) -> None:
    """Follow the links a person can see in the tabs and the sidebar, page after page, from home."""
    site = all_sites / org
    wanted = {_name(all_sites, p) for pattern in ("modules/**/*.html", "worksheets/*.html") for p in site.glob(pattern)}
    reached, todo = set(), deque([f"{org}/index.html"])
    while todo:
        name = todo.popleft()
        if name in reached or name not in site_visits:
            continue
        reached.add(name)
        todo.extend(_name(all_sites, _path(href)) for href, visible in site_visits[name].nav_links if visible)
    assert len(wanted) > 10
    assert sorted(wanted - reached) == []


@pytest.mark.parametrize("org", ORGS)
def test_search_from_file_url_and_over_http(all_sites: Path, page: Any, org: str) -> None:
    pages = sample_pages(all_sites / org)
    page.goto(pages["worksheet"].as_uri())
    word = max(re.findall(r"\w{4,}", page.locator("h1").inner_text()), key=len)
    for start in (pages["session"].as_uri(), None):
        if start:
            page.goto(start)
            hits = search(page, word)
        else:
            with serve_folder(all_sites / org) as url:
                page.goto(f"{url}/index.html")
                hits = search(page, word)
                page.locator(".md-search-result__link").first.click()
                page.wait_for_load_state()
                assert page.url.startswith(url)
        assert any(word.lower() in hit.lower() for hit in hits), (word, hits)
    assert page.console_errors == []
    assert page.outside_requests == []


@pytest.mark.parametrize("org", ORGS)
def test_printing_hides_navigation_and_search_and_keeps_the_content(all_sites: Path, page: Any, org: str) -> None:
    page.goto(sample_pages(all_sites / org)["session"].as_uri())
    page.emulate_media(media="print")
    for selector in (".md-sidebar", ".md-header", ".md-search", ".md-tabs", ".md-footer"):
        assert page.locator(selector).evaluate_all("els => els.filter(e => e.checkVisibility()).length") == 0, selector
    sync_api.expect(page.locator(".md-content h1")).to_be_visible()
    assert len(page.locator(".md-content").inner_text()) > 200


@pytest.mark.parametrize("org", ORGS)
def test_screenshots_for_review(all_sites: Path, page: Any, org: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for kind, path in sample_pages(all_sites / org).items():
        target = SCREENSHOTS / f"{org}-{kind}.png"
        target.unlink(missing_ok=True)
        page.goto(path.as_uri())
        page.screenshot(path=target, full_page=True)
        assert target.stat().st_size > 10_000


def _path(href: str) -> Path:
    return Path(unquote(urlsplit(href).path))


def _name(sites: Path, path: Path) -> str:
    return path.relative_to(sites).as_posix() if path.is_relative_to(sites) else str(path)
