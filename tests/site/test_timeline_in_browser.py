"""The timeline page as a program manager reads it, in Chromium: one table by date in which
each event appears once, with its time, the as-needed sessions listed apart, and nothing loaded
from outside. Built for the example with several meeting series in a time zone; a screenshot of
the page goes to test-artifacts/screenshots/ for a reviewer to look at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.build import build
from generator.plan.program.reader_days import timeline_events
from generator.read.project import load_project
from tests.conftest import _building_in, copy_repo

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

SLUG = "lakeshore-libraries"
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = copy_repo(tmp_path_factory.mktemp("timeline"))
    with _building_in(root):
        build(root, root / f"organizations/{SLUG}.yaml")
    yield root / "site"


def test_the_timeline_lists_each_event_once_by_date(site: Path, page: Any) -> None:
    project = load_project(Path(__file__).parent.parent.parent, Path(f"organizations/{SLUG}.yaml"))
    page.goto((site / "program.html").as_uri())
    table = page.locator("article table").first
    rows = table.locator("tbody tr")
    events = timeline_events(project)  # the program's events and the run-sheet's readers' days
    assert rows.count() == len(events) > len(project.events)
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    # each on its date (a window, "Mon, Jan 11, 2027 – Mon, Feb 1, 2027", from its first day)
    assert all(c[0].startswith(_shown(e.date)) for c, e in zip(cells, events, strict=True))
    whats = [c[2] for c in cells]
    assert len(set(zip([c[0] for c in cells], whats, strict=True))) == len(cells)  # nothing twice
    assert sum("Program kickoff" in w for w in whats) == 1
    # the profile's own series hold the training and the orientation (`holds:`): each shown once,
    # at its dates and times, and no workshop of the kit's beside it
    training = [c[:2] for c in cells if c[2].startswith("Mentor training")]  # a kit's workshop would too
    assert training == [["Mon, Jan 4, 2027", "13:00–15:30"], ["Mon, Jan 11, 2027", "13:00–15:30"]]
    orientation = [c[:2] for c in cells if c[2].startswith("Mentee orientation")]
    assert orientation == [["Wed, Jan 27, 2027", "11:00–12:00"]]
    assert not [w for w in whats if "workshop" in w.lower() or "catch-up" in w]
    assert any("Mentoring agreement signed" in w and "Your mentoring agreement" in w for w in whats)
    assert not any("Ending a relationship" in w for w in whats)
    needed = page.locator("#as-needed + p + ul")
    assert "Ending a relationship that is not working" in needed.inner_text()
    assert "times in Central Time (Chicago)" in page.locator("article").inner_text()
    assert page.console_errors == [] and page.outside_requests == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{SLUG}-timeline.png"
    target.unlink(missing_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 10_000


def _shown(day: dt.date) -> str:
    return f"{day:%a}, {day:%b} {day.day}, {day.year}"
