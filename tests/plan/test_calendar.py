"""The .ics file: read back with icalendar itself, and checked line by line for RFC 5545's framing."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import icalendar
import pytest

from generator.models.events import Event
from generator.models.program import Program
from generator.plan.program.calendar import calendar_ics
from generator.read.timeline import SessionInfo, schedule

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # what SOURCE_DATE_EPOCH=1767225600 gives
TRICKY = "Café; día, 1\nnext"


def events(meeting_time: str | None = "09:30", minutes: int = 45, timezone: str | None = None) -> tuple[Event, ...]:
    program = Program.model_validate(
        {
            "name": "Mentoring 2027",
            "start": "2027-12-27",
            "weeks": "10",
            "cadence": "every two weeks",
            "meeting_minutes": str(minutes),
            **({"meeting_time": meeting_time} if meeting_time else {}),
            **({"timezone": timezone} if timezone else {}),
            "breaks": [{"name": "New Year", "start": "2028-01-10", "end": "2028-01-10"}],
            "milestones": [
                {"name": "Kick-off", "week": "1", "note": "Meet your mentor; bring questions."},
                {"name": "Leap day check-in", "date": "2028-02-29"},
            ],
        }
    )
    sessions = [
        SessionInfo("welcome", "1.1", TRICKY),
        SessionInfo("goals", "1.2", "Goals"),
        SessionInfo("plan", "2.1", "A plan"),
    ]
    return schedule(program, sessions, "acme")


def ics(evs: Sequence[Event] | None = None, **options: Any) -> bytes:
    options = {"calendar_name": "Acme mentoring", "stamp": STAMP} | options
    return calendar_ics(events() if evs is None else evs, **options)


def vevents(data: bytes) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def test_calendar_properties() -> None:
    calendar = icalendar.Calendar.from_ical(ics())
    assert str(calendar["PRODID"]) == "-//Mentorbook//Mentoring handbook//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "Acme mentoring"


def test_every_event_timed_sessions_and_all_day_milestones() -> None:
    got = [
        (str(v["UID"]), str(v["SUMMARY"]), v.decoded("DTSTART"), v.decoded("DTEND"), v.decoded("DTSTAMP"))
        for v in vevents(ics())
    ]
    assert got == [
        ("acme-20271227-milestone-kick-off@mentorbook", "Kick-off", dt.date(2027, 12, 27), dt.date(2027, 12, 28), STAMP),
        (
            "acme-20271227-session-welcome@mentorbook",
            f"1.1 {TRICKY}",
            dt.datetime(2027, 12, 27, 9, 30),
            dt.datetime(2027, 12, 27, 10, 15),
            STAMP,
        ),
        ("acme-20271227-session-goals@mentorbook", "1.2 Goals", dt.datetime(2028, 1, 24, 9, 30), dt.datetime(2028, 1, 24, 10, 15), STAMP),
        ("acme-20271227-session-plan@mentorbook", "2.1 A plan", dt.datetime(2028, 2, 7, 9, 30), dt.datetime(2028, 2, 7, 10, 15), STAMP),
        ("acme-20271227-milestone-leap-day-check-in@mentorbook", "Leap day check-in", dt.date(2028, 2, 29), dt.date(2028, 3, 1), STAMP),
    ]  # fmt: skip


def test_timed_sessions_float_and_all_day_entries_are_dates() -> None:
    """Floating time: no TZID and no VTIMEZONE, so 09:30 reads 09:30 in any time zone."""
    data = ics()
    assert b"TZID" not in data and b"VTIMEZONE" not in data
    assert b"\r\nDTSTART:20271227T093000\r\n" in data
    assert b"\r\nDTSTART;VALUE=DATE:20271227\r\n" in data
    for vevent in vevents(data):
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        if isinstance(start, dt.datetime):
            assert start.tzinfo is None and end.tzinfo is None
            assert end - start == dt.timedelta(minutes=45)
        else:
            assert end - start == dt.timedelta(days=1)


def test_without_a_meeting_time_every_event_is_all_day() -> None:
    found = vevents(ics(events(meeting_time=None)))
    assert len(found) == 5
    for vevent in found:
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date
        assert end - start == dt.timedelta(days=1)
        assert vevent["DTSTART"].params.get("VALUE") == "DATE"


def test_a_meeting_late_in_the_evening_ends_the_next_day() -> None:
    session = Event(
        dt.date(2028, 12, 31), "session", "Last", "acme-session-last", "last", "9.9", time="23:30", minutes=60
    )
    (vevent,) = vevents(ics([session]))
    assert vevent.decoded("DTEND") == dt.datetime(2029, 1, 1, 0, 30)


def test_description_is_what_the_caller_says() -> None:
    found = {str(v["UID"]): v for v in vevents(ics())}
    assert (
        str(found["acme-20271227-milestone-kick-off@mentorbook"]["DESCRIPTION"]) == "Meet your mentor; bring questions."
    )
    assert "DESCRIPTION" not in found["acme-20271227-session-goals@mentorbook"]
    worded = {str(v["UID"]): v for v in vevents(ics(describe=lambda e: f"about {e.title}"))}
    assert str(worded["acme-20271227-session-goals@mentorbook"]["DESCRIPTION"]) == "about Goals"


def test_with_a_time_zone_timed_entries_carry_tzid_and_the_zone_is_included() -> None:
    """A calendar shared across sites: 09:30 in Berlin is 09:30 there and 02:30 in Chicago."""
    data = ics(events(timezone="Europe/Berlin"), timezone="Europe/Berlin")
    calendar = icalendar.Calendar.from_ical(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")
    assert b"\r\nDTSTART;TZID=Europe/Berlin:20271227T093000\r\n" in data
    assert b"\r\nDTSTART;VALUE=DATE:20271227\r\n" in data  # the milestone stays all-day
    timed = [v for v in calendar.walk("VEVENT") if isinstance(v.decoded("DTSTART"), dt.datetime)]
    assert len(timed) == 3
    for vevent in timed:
        start = vevent.decoded("DTSTART")
        assert start.utcoffset() == dt.timedelta(hours=1)  # winter in Berlin
        chicago = start.astimezone(zoneinfo.ZoneInfo("America/Chicago"))
        assert (chicago.hour, chicago.minute) == (2, 30)
    assert ics(events(timezone="Europe/Berlin"), timezone="Europe/Berlin") == data


def test_a_time_zone_is_left_out_when_nothing_has_a_time() -> None:
    data = ics(events(meeting_time=None), timezone="America/Chicago")
    assert b"VTIMEZONE" not in data and b"TZID" not in data


def test_text_with_commas_semicolons_newlines_and_accents_round_trips() -> None:
    data = ics()
    assert "SUMMARY:1.1 Café\\; día\\, 1\\nnext".encode() in data  # escaped as RFC 5545 says
    summaries = [str(v["SUMMARY"]) for v in vevents(data)]
    assert f"1.1 {TRICKY}" in summaries


def test_crlf_line_endings_and_folding_at_75_octets() -> None:
    long = Event(dt.date(2028, 1, 3), "session", "Ünïcödé títlé, " * 12, "acme-session-long", "long", "3.1")
    data = ics([*events(), long], calendar_name="Ä" * 60)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was long enough to fold
    for line in lines:
        line.decode("utf-8")  # folding never splits a multi-byte character
    assert str(vevents(data)[-1]["SUMMARY"]) == "3.1 " + "Ünïcödé títlé, " * 12


def test_same_input_same_bytes() -> None:
    first = ics()
    assert ics() == first
    later_clock = dt.datetime(2026, 1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert ics(stamp=later_clock) == first  # the same instant in another zone is written in UTC
    assert re.findall(rb"DTSTAMP:(\S+)\r\n", first) == [b"20260101T000000Z"] * 5


def test_a_stamp_without_a_time_zone_is_a_bug() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ics(stamp=dt.datetime(2026, 1, 1))


def test_an_optional_meeting_is_free_time_with_optional_in_its_title() -> None:
    required = Event(dt.date(2028, 1, 5), "meeting", "Circle", "acme-circle-1", time="17:00", minutes=90)
    optional = replace(required, title="Drop-in", uid="acme-drop-in-1", optional=True)
    circle, drop_in = vevents(ics([required, optional], optional="optional"))
    assert "TRANSP" not in circle and str(circle["SUMMARY"]) == "Circle"
    assert str(drop_in["TRANSP"]) == "TRANSPARENT" and str(drop_in["SUMMARY"]) == "Drop-in (optional)"


def test_a_window_spans_its_days() -> None:
    window = Event(dt.date(2028, 1, 5), "milestone", "Survey open", "acme-survey", until=dt.date(2028, 1, 14))
    (vevent,) = vevents(ics([window]))
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (dt.date(2028, 1, 5), dt.date(2028, 1, 15))


def test_the_examples_calendar_works_from_a_calendar_app(example_project: Any) -> None:
    """The kickoff has its place, times are in the program's zone, and no entry names a path
    in the handbook's folder (a calendar app cannot open it); with `handbook_url`, an address."""
    from generator.plan import plan_build

    program = example_project.organization.program
    data = plan_build(example_project).calendar.data  # type: ignore[union-attr]
    entries = icalendar.Calendar.from_ical(data).walk("VEVENT")
    placed = {str(e["SUMMARY"]).split(" ", 1)[0]: str(e["LOCATION"]) for e in entries if "LOCATION" in e}
    # the kickoff, the closing, the workshops and orientations (their entries' titles start "Mentor", "Mentee"),
    # and the mentors' lunch ("Mentors'"), a milestone with a place of its own
    (lunch,) = [m for m in program.milestones if m.place]
    assert placed == {
        "1.1": program.kickoff_place,
        "7.3": program.closing_place,
        "Mentor": program.training_place,
        "Mentee": program.kickoff_place,
        "Mentors'": lunch.place,
    }
    timed = [e for e in entries if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert timed and all(e["DTSTART"].params.get("TZID") == program.timezone for e in timed)
    unfolded = data.replace(b"\r\n ", b"")
    address = (program.handbook_url or "").encode()
    assert unfolded.count(b"modules/") == unfolded.count(address + b"modules/")  # no relative link
    url = "https://intranet.example.org/mentoring/"
    published = replace(
        example_project,
        organization=example_project.organization.model_copy(
            update={"program": program.model_copy(update={"handbook_url": url})}
        ),
    )
    text = plan_build(published).calendar.data.decode().replace("\r\n ", "")  # type: ignore[union-attr]
    assert f"{url}modules/" in text


@pytest.mark.parametrize("name", ["America/New_York", "Europe/Berlin", "Australia/Sydney"])
def test_each_clock_change_starts_at_the_local_time_before_it(name: str) -> None:
    """RFC 5545: an observance's DTSTART (and RDATE) is the onset in the offset it changes from:
    New York springs forward at 02:00 (TZOFFSETFROM -0500), not 03:00."""
    zone = zoneinfo.ZoneInfo(name)
    (vtimezone,) = icalendar.Calendar.from_ical(ics(events(timezone=name), timezone=name)).walk("VTIMEZONE")
    changes = 0
    for observance in vtimezone.subcomponents:
        before, after = observance.decoded("TZOFFSETFROM"), observance.decoded("TZOFFSETTO")
        if before == after:
            continue
        onsets = [observance.decoded("DTSTART")]
        if "RDATE" in observance:
            onsets += [d.dt for d in observance["RDATE"].dts]
        for local in onsets:
            instant = (local - before).replace(tzinfo=dt.UTC)
            assert instant.astimezone(zone).utcoffset() == after, (name, local)
            assert (instant - dt.timedelta(seconds=1)).astimezone(zone).utcoffset() == before, (name, local)
            changes += 1
    assert changes >= 2
    if name == "America/New_York":
        assert b"\r\nRDATE:20280312T020000\r\n" in ics(events(timezone=name), timezone=name)


def test_each_role_has_a_calendar_of_its_own_dates(example_plan: Any) -> None:
    """A mentee's calendar has no mentors-only entry (the training workshops, the mentors' lunch)
    and a mentor's none for mentees only (the orientations); the file of every date keeps both,
    and the timeline page links the three."""
    files = example_plan.site.files

    def titles(path: str) -> list[str]:
        return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(files[path]).walk("VEVENT")]

    every, mentees, mentors = titles("program.ics"), titles("program-mentees.ics"), titles("program-mentors.ics")
    assert not [t for t in mentees if "mentors only" in t or "Mentor training" in t]
    assert not [t for t in mentors if "mentees only" in t or "orientation" in t]
    assert any("Mentee orientation" in t for t in mentees) and any("Mentor training" in t for t in mentors)
    assert set(every) == set(mentees) | set(mentors)
    assert len(mentees) + len(mentors) > len(every) > max(len(mentees), len(mentors))
    assert "Harbor" in icalendar.Calendar.from_ical(files["program-mentees.ics"])["X-WR-CALNAME"]
    (timeline,) = [p for p in example_plan.site.pages if p.path == "program.md"]
    assert [file for _, file in timeline.context["calendars"]] == [
        "program-mentors.ics",
        "program-mentees.ics",
        "program.ics",
    ]
