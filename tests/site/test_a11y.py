"""Accessibility: axe-core (WCAG 2.0, 2.1, 2.2, A and AA) finds nothing on any page of any
example organization, and a keyboard reaches everything. Material's own problems are fixed in
overrides/theme/, never allowed for here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.site.browser import search
from tests.site.visit import example_organizations, run_axe, sample_pages

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")

ORGS = example_organizations()
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"


@pytest.mark.parametrize("org", ORGS)
def test_axe_finds_nothing_on_any_page(site_visits: dict[str, Any], org: str) -> None:
    pages = {name: visit for name, visit in site_visits.items() if name.startswith(f"{org}/")}
    found = {name: visit.violations for name, visit in pages.items() if visit.violations}
    assert len(pages) > 10
    assert found == {}


def test_axe_finds_nothing_on_the_landing_page(site_visits: dict[str, Any]) -> None:
    assert site_visits["index.html"].violations == []


@pytest.mark.parametrize("org", ORGS)
def test_axe_finds_nothing_with_search_results_open(all_sites: Path, page: Any, org: str) -> None:
    page.goto(sample_pages(all_sites / org)["session"].as_uri())
    search(page, page.locator("h1").inner_text().split()[0])
    assert run_axe(page) == []


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("kind", ["home", "session", "worksheet"])
def test_skip_link_comes_first_and_shows_on_focus(all_sites: Path, page: Any, org: str, kind: str) -> None:
    page.goto(sample_pages(all_sites / org)[kind].as_uri())
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    sync_api.expect(skip).to_be_focused()
    sync_api.expect(skip).to_have_css("opacity", "1")
    box = skip.bounding_box()
    assert box and box["width"] > 0 and 0 <= box["y"] < page.viewport_size["height"]
    page.keyboard.press("Enter")
    href = quote(skip.get_attribute("href"), safe="#-_.~")  # a non-Latin anchor is percent-encoded in the URL
    sync_api.expect(page).to_have_url(re.compile(re.escape(href) + "$"))


@pytest.mark.parametrize("org", ORGS)
def test_tab_reaches_every_control_with_a_visible_focus(all_sites: Path, page: Any, org: str) -> None:
    page.goto(sample_pages(all_sites / org)["session"].as_uri())
    controls = page.evaluate(MARK_CONTROLS, FOCUSABLE)
    reached = []
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(DESCRIBE_FOCUS)
        if focused is None or focused["seen"]:
            break
        reached.append(focused)
    marks = {f["mark"] for f in reached}
    assert [html for mark, html in controls.items() if mark not in marks] == []
    assert {"md-skip", "md-search__input", "md-tabs__link", "md-nav__link"} <= {f["kind"] for f in reached}
    assert [f["html"] for f in reached if f["outline"] == "none" and f["shadow"] == "none"] == []


# Marks each control a keyboard user should reach: shown, enabled, in the tab order (not the
# back-to-top button while it is `hidden`); of a group of radio buttons (content tabs) only the
# checked one, the group's one tab stop.
MARK_CONTROLS = """selector => {
  const controls = {};
  document.querySelectorAll(selector).forEach((el, i) => {
    if (el.disabled || el.tabIndex < 0 || el.closest("[hidden]")) return;
    if (!el.checkVisibility({visibilityProperty: true})) return;
    if (el.type === "radio" && !el.checked) return;
    el.dataset.mbMark = String(i);
    controls[String(i)] = el.outerHTML.slice(0, 200);
  });
  return controls;
}"""

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const seen = el.dataset.mbSeen === "1";
  el.dataset.mbSeen = "1";
  // a content tab's radio button is invisible: its focus shows on the row of tab labels
  const shown = el.matches(".tabbed-set > input") ? el.parentElement.querySelector(":scope > .tabbed-labels") : el;
  const style = getComputedStyle(shown);
  const kinds = ["md-skip", "md-search__input", "md-tabs__link", "md-nav__link"];
  return {
    seen, mark: el.dataset.mbMark || "", html: el.outerHTML.slice(0, 200),
    kind: kinds.find(c => el.classList.contains(c)) || el.tagName.toLowerCase(),
    outline: style.outlineStyle === "none" || style.outlineWidth === "0px" ? "none" : style.outlineStyle,
    shadow: style.boxShadow,
  };
}"""
