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
    training = [n for n, c in enumerate(cells) if c[2] == "Mentor training"]  # the profile's series
    assert training and all(cells[n][1] == "13:00–15:30" for n in training)
    assert training[-1] < next(n for n, c in enumerate(cells) if "Program kickoff" in c[2])  # before the start
    assert any("Mentoring agreement signed" in w and "Your mentoring agreement" in w for w in whats)
    assert not any("Ending a relationship" in w for w in whats)
    needed = page.locator("#as-needed + p + ul")
    assert "Ending a relationship that is not working" in needed.inner_text()
    assert "times in America/Chicago" in page.locator("article").inner_text()
    assert page.console_errors == [] and page.outside_requests == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{SLUG}-timeline.png"
    target.unlink(missing_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 10_000


def _shown(day: dt.date) -> str:
    return f"{day:%a}, {day:%b} {day.day}, {day.year}"
