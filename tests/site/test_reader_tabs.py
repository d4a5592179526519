"""Each reader finds their own questions first: the home page's door names the reader, and a
session page's question tabs open on that reader's tab, from file:// with nothing fetched, and
still after a reload (localStorage)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

SESSION = "modules/starting-well/first-meeting.html"


def _open_tab(page: Any) -> str:
    """The label of the checked tab of the session page's first set of tabs."""
    return str(
        page.evaluate(
            """() => {
                const set = document.querySelector('.tabbed-set');
                const inputs = [...set.querySelectorAll(':scope > input')];
                const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')];
                return labels[inputs.findIndex(input => input.checked)].innerText.trim();
            }"""
        )
    )


@pytest.mark.parametrize(("door", "tab"), [("If you are a mentee", "mentee"), ("If you are a mentor", "mentor")])
def test_the_door_a_reader_comes_in_by_opens_their_questions(
    example_site: Path, page: Any, door: str, tab: str
) -> None:
    page.goto((example_site / "index.html").as_uri())
    item = page.locator("li", has_text=door).first
    item.locator("a[data-mb-reader]").first.click()
    page.wait_for_load_state()
    page.goto((example_site / SESSION).as_uri())
    page.wait_for_load_state()
    assert f"the {tab}" in _open_tab(page).lower()
    page.reload()
    page.wait_for_load_state()
    assert f"the {tab}" in _open_tab(page).lower()  # remembered
    assert page.outside_requests == [] and page.console_errors == []


def test_without_a_door_the_tabs_open_as_written(example_site: Path, page: Any) -> None:
    page.goto((example_site / SESSION).as_uri())
    page.wait_for_load_state()
    first = page.locator(".tabbed-set > .tabbed-labels > label").first.inner_text().strip()
    assert _open_tab(page) == first
