"""One pass of Debian's Chromium over every page of every example organization.

Loading 170+ pages is the slow part of the browser checks, so each page is loaded once and
everything the tests need is recorded then: console errors, requests to outside hosts, axe-core
violations and the navigation links. Pages load in a few tabs of one browser context at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.site.browser import ARGS, CHROMIUM, LOCAL

# axe-core rules tagged WCAG 2.0, 2.1 and 2.2, levels A and AA; plus the search dialog's name,
# a Material issue axe files under best practice (mended on every page by generator/site/theme_fixes.py).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],
}
NAV_LINKS = """els => els.map(a => [a.href, a.checkVisibility({visibilityProperty: true, opacityProperty: true})])"""


@dataclass
class Visit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)  # "rule: help (n elements, e.g. <html>)"
    nav_links: list[tuple[str, bool]] = field(default_factory=list)  # (absolute href, visible now)


def example_organizations() -> list[str]:
    """The profiles in organizations/ now: tests run over whatever examples there are."""
    return sorted(p.stem for p in (Path(__file__).parent.parent.parent / "organizations").glob("*.yaml"))


def organizations(sites: Path) -> list[str]:
    return sorted(p.parent.name for p in sites.glob("*/index.html"))


def sample_pages(site: Path) -> dict[str, Path]:
    """A home page, a session page and a worksheet page of one organization's site."""
    sessions = sorted(p for p in site.glob("modules/*/*.html") if p.name != "index.html")
    worksheets = sorted(p for p in site.glob("worksheets/*.html") if p.name != "index.html")
    return {"home": site / "index.html", "session": sessions[0], "worksheet": worksheets[0]}


def page_urls(sites: Path, servers: Mapping[str, str]) -> dict[str, str]:
    """Every page from file:// (a handbook on a USB stick), except the 404 page, which only
    works when served; each organization's 404 and home pages over http (`servers`: org -> URL)."""
    urls = {p.relative_to(sites).as_posix(): p.as_uri() for p in sorted(sites.rglob("*.html")) if p.name != "404.html"}
    for org, server in sorted(servers.items()):
        urls[f"{org}/index.html over http"] = f"{server}/index.html"
        urls[f"{org}/404.html over http"] = f"{server}/404.html"
    return urls


def visit_all(urls: Mapping[str, str], tabs: int = 3) -> dict[str, Visit]:
    """Load each URL once (`urls`: name -> URL); the visits come back under the same names.
    In a thread of its own, so that its event loop never meets the sync API's."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _visit_all(urls, tabs)).result()


async def _visit_all(urls: Mapping[str, str], tabs: int) -> dict[str, Visit]:
    from axe_playwright_python.async_playwright import Axe
    from playwright.async_api import async_playwright

    axe, visits = Axe(), {name: Visit(url) for name, url in urls.items()}
    queue = list(reversed(visits))
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = await browser.new_context()

        async def tab() -> None:
            page = await context.new_page()
            current = Visit("")

            def on_console(message: Any) -> None:
                if message.type == "error":
                    current.console_errors.append(message.text)

            def on_request(request: Any) -> None:
                if not request.url.startswith(LOCAL):
                    current.outside_requests.append(request.url)

            page.on("console", on_console)
            page.on("pageerror", lambda error: current.console_errors.append(str(error)))
            page.on("request", on_request)
            while queue:
                current = visits[queue.pop()]
                await page.goto(current.url)
                current.nav_links = await page.eval_on_selector_all(
                    ".md-tabs a[href], .md-sidebar--primary a[href]", NAV_LINKS
                )
                result = await axe.run(page, options=_axe_options(current.url))
                current.violations = [_describe(v) for v in result.response["violations"]]
            await page.close()

        await asyncio.gather(*(tab() for _ in range(tabs)))
        await browser.close()
    return visits


def run_axe(page: Any) -> list[str]:
    """axe on a page of the sync API as it is now (say, with search open)."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=_axe_options(page.url))
    return [_describe(v) for v in result.response["violations"]]


def _axe_options(url: str) -> dict[str, Any]:
    """axe fetches stylesheets again for one rule (css-orientation-lock); from file:// Chromium
    refuses that and logs console errors that are axe's, not the handbook's. Over http it works."""
    return {**AXE_OPTIONS, "preload": url.startswith("http")}


def _describe(violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    return f"{violation['id']}: {violation['help']} ({len(nodes)} elements, e.g. {nodes[0]['html'][:120]})"
