"""Titles are text, in the browser. In the project of tests/site/titles.py every title is markup that
would set an attribute on `<html>` if it ran; on every page nothing runs, and each title shows
as written: in the window's title, the heading, the header, the menu, the table of contents,
the footer's links and what they say to a screen reader, and in search results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.site import titles
from tests.site.browser import search, serve_folder

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

RAN = "() => Object.keys(document.documentElement.dataset).filter(k => k === 'x' || k === 'y')"


@pytest.fixture(scope="module")
def served(titled_site: Path) -> Iterator[str]:
    with serve_folder(titled_site) as url:
        yield url


def test_no_title_runs_on_any_page(titled_site: Path, served: str, page: Any) -> None:
    pages = sorted(p.relative_to(titled_site).as_posix() for p in titled_site.rglob("*.html"))
    ran = {}
    for name in pages:
        page.goto(f"{served}/{name}")
        if found := page.evaluate(RAN):
            ran[name] = found
    assert len(pages) > 40
    assert ran == {}
    assert page.console_errors == []


PAGES = [
    ("program.html", f"Timeline: {titles.PROGRAM}", None),  # the timeline page names itself (label timeline_title)
    ("guides/org-page.html", titles.PAGE, None),
    ("modules/own-11/index.html", titles.module_title(11), titles.session_title(11, False)),
    ("modules/own-11/own-11-1.html", titles.session_title(11, False), titles.session_title(11, True)),
    ("modules/own-11/own-11-2.html", titles.session_title(11, True), titles.module_title(12)),
]


@pytest.mark.parametrize(("path", "title", "following"), PAGES)
def test_titles_show_as_written(served: str, page: Any, path: str, title: str, following: str | None) -> None:
    page.goto(f"{served}/{path}")
    assert page.title() == f"{title} - {titles.NAME}"
    assert page.locator(".md-content h1").inner_text().removesuffix("¶").strip() == title
    assert [t.strip() for t in page.locator(".md-header__topic .md-ellipsis").all_inner_texts()] == [titles.NAME, title]
    if following:
        assert page.locator("a.md-footer__link--next .md-ellipsis").inner_text().strip() == following
    assert page.evaluate(RAN) == []


@pytest.mark.parametrize(("path", "title", "following"), PAGES)
def test_labels_and_tooltips_hold_the_titles_as_written(
    served: str, page: Any, path: str, title: str, following: str | None
) -> None:
    """What a screen reader reads and a tooltip shows: the text, not its HTML escaped again."""
    page.goto(f"{served}/{path}")
    for logo in page.locator("a.md-logo").all():
        assert (logo.get_attribute("title"), logo.get_attribute("aria-label")) == (titles.NAME, titles.NAME)
    if following:
        assert page.locator("a.md-footer__link--next").get_attribute("aria-label") == f"Next: {following}"
    previous = page.locator("a.md-footer__link--prev")
    shown = previous.locator(".md-ellipsis").inner_text().strip()
    assert previous.get_attribute("aria-label") == f"Previous: {shown}"


def test_home_and_contacts_headings_show_as_written(served: str, page: Any) -> None:
    page.goto(f"{served}/index.html")
    assert page.title() == titles.NAME
    assert page.locator(".md-content h1").inner_text().removesuffix("¶").strip() == titles.NAME
    assert titles.VALUE in page.locator(".md-sidebar--secondary").inner_text()
    page.goto(f"{served}/contacts.html")
    assert titles.ROLE in page.locator(".md-sidebar--secondary").inner_text()
    assert page.evaluate(RAN) == []


def test_search_results_show_titles_as_written(served: str, page: Any) -> None:
    page.goto(f"{served}/index.html")
    hits = search(page, "Talk")
    assert any(titles.session_title(1, True) in hit for hit in hits), hits
    assert page.evaluate(RAN) == []
    assert page.console_errors == []
