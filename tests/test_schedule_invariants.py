"""The schedule's invariants, asserted on every example organization in organizations/
(whatever is there now): each event once, no moment twice, no milestone before its session,
the cadence of every series kept between breaks, and every session fitting its meeting. The
example profile also keeps the order a program manager expects."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import count
from pathlib import Path

import pytest
from dateutil import rrule
from dateutil.relativedelta import relativedelta

from generator.models.events import Event
from generator.models.program import CADENCE_DAYS, Meetings, Program
from generator.models.project import Project
from generator.models.schedule import WEEKDAY_NAMES
from generator.read.project import load_project
from generator.read.schedule_calendar import working_calendar
from generator.read.schedule_checks import moments_named
from generator.read.series_dates import first_day, in_break

REPO = Path(__file__).parent.parent
PROFILES = sorted(p.stem for p in (REPO / "organizations").glob("*.yaml"))


@cache
def project(slug: str) -> Project:
    return load_project(REPO, REPO / f"organizations/{slug}.yaml")


def program(slug: str) -> Program:
    found = project(slug).organization.program
    assert found is not None, f"{slug} has no program"
    return found


def sessions(slug: str) -> list[Event]:
    return [e for e in project(slug).events if e.kind == "session"]


def test_every_example_has_a_program_and_the_new_one_is_among_them() -> None:
    assert "lakeshore-libraries" in PROFILES
    assert all(project(slug).organization.program for slug in PROFILES)


@pytest.mark.parametrize("slug", PROFILES)
def test_each_event_appears_once(slug: str) -> None:
    events = project(slug).events
    assert len({e.uid for e in events}) == len(events)
    assert [k for k, n in Counter((e.date, e.title.casefold()) for e in events).items() if n > 1] == []
    booked = Counter(e.session_id for e in sessions(slug))
    assert [s for s, n in booked.items() if n > 1] == []


@pytest.mark.parametrize("slug", PROFILES)
def test_no_moment_appears_twice(slug: str) -> None:
    moments = Counter(e.moment for e in sessions(slug) if e.moment)
    assert [m for m, n in moments.items() if n > 1] == []
    for event in project(slug).events:
        if event.kind == "milestone":
            assert not set(moments_named(event.title)) & set(moments), f"{event.title} repeats a session's moment"


@pytest.mark.parametrize("slug", PROFILES)
def test_no_milestone_comes_before_its_session(slug: str) -> None:
    on = {e.session_id: e for e in sessions(slug)}
    placed = {e.title: e for e in project(slug).events if e.kind == "milestone"}
    for milestone in program(slug).milestones:
        if milestone.at is not None:
            assert milestone in on[milestone.at].milestones
        if milestone.after is not None:
            assert placed[milestone.name].date >= on[milestone.after].date


def _expected_dates(p: Program, series: Meetings, count: int) -> list[dt.date]:
    """The series' first `count` meeting dates by its cadence (dateutil's relativedelta and
    rrule, not the schedule's own arithmetic), with the dates in breaks left out and each on a
    day off moved to the next working day before the series' next date (or left out)."""
    calendar = working_calendar(p)
    cadence = _cadence(first_day(p, series), series)
    dates: list[dt.date] = []
    day, following = next(cadence), next(cadence)
    while len(dates) < count:
        moved = day
        while calendar.day_off(moved) and not in_break(day, p.breaks) and series.on_day_off != "skip":
            moved += dt.timedelta(days=1)
        if not calendar.day_off(moved) and moved < following and (not dates or moved > dates[-1]):
            dates.append(moved)
        day, following = following, next(cadence)
    return dates


def _cadence(first: dt.date, series: Meetings) -> Iterator[dt.date]:
    if series.on is not None:
        word, name = series.on.split()
        if word == "day":
            rule = rrule.rrule(rrule.MONTHLY, dtstart=first, bymonthday=(int(name), -1), bysetpos=1)
        else:
            nth = -1 if word == "last" else ("first", "second", "third", "fourth").index(word) + 1
            rule = rrule.rrule(rrule.MONTHLY, dtstart=first, byweekday=rrule.weekdays[WEEKDAY_NAMES.index(name)](nth))
        yield from (moment.date() for moment in rule)
        return
    for k in count():
        if series.cadence == "monthly":
            yield first + relativedelta(months=k)
        else:
            yield first + dt.timedelta(days=CADENCE_DAYS[series.cadence] * k)


@pytest.mark.parametrize("slug", PROFILES)
def test_the_cadence_holds_between_breaks(slug: str) -> None:
    p = program(slug)
    calendar = working_calendar(p)
    for series in p.series():
        dates = [e.date for e in project(slug).events if e.kind != "milestone" and e.series == series.name]
        assert dates, f"{series.name} never meets"
        assert dates == _expected_dates(p, series, len(dates)), series.name
        assert not any(in_break(day, p.breaks) for day in dates)
        assert not any(calendar.day_off(day) for day in dates)


@pytest.mark.parametrize("slug", PROFILES)
def test_sessions_fit_their_meetings(slug: str) -> None:
    length = {s.name: s.minutes for s in program(slug).series()}
    minutes = {s.id: s.minutes for s in project(slug).curriculum.sessions()}
    for event in sessions(slug):
        assert minutes[event.session_id or ""] <= length[event.series], event.title


@pytest.mark.parametrize("slug", PROFILES)
def test_as_needed_sessions_are_never_booked(slug: str) -> None:
    offered = {s.id for s in project(slug).curriculum.sessions() if s.as_needed}
    assert not offered & {e.session_id for e in sessions(slug)}


def _week(p: Program, day: dt.date) -> int:
    return (day - p.start).days // 7 + 1


def test_the_example_runs_in_the_order_a_program_manager_expects() -> None:
    p, booked = program("example"), sessions("example")
    assert [e.session_id for e in booked[:3]] == ["what-mentoring-is", "first-meeting", "agreeing-how-you-work"]
    by_moment = {e.moment: e for e in booked if e.moment}
    assert set(by_moment) == {"kickoff", "agreement", "goals", "mid-point review", "final review", "celebration"}
    assert _week(p, by_moment["goals"].date) <= 6
    middle = _week(p, by_moment["mid-point review"].date) / p.weeks
    assert 0.4 <= middle <= 0.6, "the mid-point review is about half way through"
    assert [e.moment for e in booked[-2:]] == ["final review", "celebration"]
    assert "ending-early" not in {e.session_id for e in booked}
    last = p.start + dt.timedelta(weeks=p.weeks, days=-1)
    assert last.month == 9, "the welcome says January to September"
    assert "From January to September" in (REPO / "organizations/example.yaml").read_text()


def test_the_new_example_prepares_before_the_start_and_follows_up_after_the_end() -> None:
    p, events = program("lakeshore-libraries"), project("lakeshore-libraries").events
    assert p.timezone == "America/Chicago"
    before = {e.title for e in events if e.date < p.start}
    assert {"Mentor training", "Program kickoff: what mentoring is and is not"} <= before
    assert any(e.date > p.start + dt.timedelta(weeks=p.weeks) and e.kind == "meeting" for e in events)
    one_to_ones = [e.date for e in events if e.series == "One-to-ones"]
    calls = [e.date for e in events if e.series == "Group call"]
    for call in calls:  # in the weeks between the one-to-ones
        assert min(abs((call - day).days) for day in one_to_ones) >= 5


def test_the_program_a_new_profile_suggests_is_valid_once_uncommented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mentorbook init` writes the program block as comments: taking out the `# ` must give a
    program that builds with the shipped curriculum (so its milestones follow their sessions)."""
    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["init", ".", "--org", "Acme Health", "-q"]) == 0
    profile = tmp_path / "organizations/acme-health.yaml"
    text = profile.read_text()
    start, end = text.index("# program:"), text.index("# Optional: your words")
    block = "\n".join(line[2:] if line.startswith("# ") else "" for line in text[start:end].splitlines())
    profile.write_text(text[:start] + block + "\n" + text[end:])
    loaded = load_project(tmp_path, profile)
    assert loaded.organization.program is not None and len(loaded.organization.program.series()) == 2
    assert any(e.kind == "meeting" and e.date < loaded.organization.program.start for e in loaded.events)
