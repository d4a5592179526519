"""The program schedule as an iCalendar (.ics, RFC 5545) file for people's own calendar apps.

An event with a time of day is a timed entry; one without (a milestone, a series without a
`time`) is all-day. With the program's `timezone`, timed entries carry its TZID and the file
holds that zone's VTIMEZONE (its rules over the program's years only, from the pinned
`tzdata` package), so 15:00 in Europe/Berlin shows as 09:00 in Chicago. Without one they are in
"floating" local time: 09:30 shows as 09:30 wherever the reader is, which suits pairs who meet
in their own time zone. UIDs come from the timeline and DTSTAMP from the build time the caller
passes, so the same input gives the same bytes and a re-import updates entries in place.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import zoneinfo
from collections.abc import Callable, Sequence
from typing import Any

import icalendar

from generator.models.events import Event

PRODID = "-//Mentorbook//Mentoring handbook//EN"
DEFAULT_MINUTES = 60  # a timed milestone without a length


def calendar_ics(
    events: Sequence[Event],
    *,
    calendar_name: str,
    stamp: dt.datetime,
    timezone: str | None = None,
    describe: Callable[[Event], str | None] = lambda e: e.note,
    summary: Callable[[Event], str] = lambda e: f"{e.number} {e.title}" if e.number else e.title,
    optional: str = "optional",
    place: Callable[[Event], str | None] = lambda e: None,
) -> bytes:
    """`stamp` must be timezone-aware (the build time from SOURCE_DATE_EPOCH); it is written in UTC.
    `describe` gives each entry's description, `summary` its title (the caller words them); an
    optional meeting's title ends with `optional` in brackets, and it is free time (TRANSPARENT);
    `place` gives an entry's LOCATION (the kickoff's and the closing's places)."""
    if stamp.tzinfo is None:
        raise ValueError("calendar_ics needs a timezone-aware stamp, e.g. datetime.fromtimestamp(epoch, datetime.UTC)")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    zone = time_zone(timezone) if timezone else None
    for event in events:
        title = f"{summary(event)} ({optional})" if event.optional else summary(event)
        vevent = _vevent(event, stamp.astimezone(dt.UTC), _when(event, zone), title, describe(event))
        where = place(event)
        if where:
            vevent.add("location", where)
        calendar.add_component(vevent)
    if zone is not None and any(e.time for e in events):
        first, last = min(e.date for e in events), max(e.date for e in events)
        calendar.add_missing_timezones(first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 1, 1, 1))
        for vtimezone in calendar.walk("VTIMEZONE"):
            _local_onsets(vtimezone, zone)
        # The zone goes before the events that use it, as most calendar apps expect.
        calendar.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")
    data: bytes = calendar.to_ical()
    return data


def _local_onsets(vtimezone: icalendar.Component, zone: zoneinfo.ZoneInfo) -> None:
    """Each change's DTSTART and RDATE as RFC 5545 writes them: the local time the clocks show
    before the change (a spring change at 2:00 is 02:00, not the 03:00 icalendar writes)."""
    for component in vtimezone.subcomponents:
        observance: Any = component  # icalendar types a property as any of its value classes
        before = observance["TZOFFSETFROM"].td
        after = observance["TZOFFSETTO"].td
        if before == after:
            continue
        observance["DTSTART"] = icalendar.prop.vDDDTypes(_onset(observance["DTSTART"].dt, before, after, zone))
        if "RDATE" in observance:
            days = [_onset(d.dt, before, after, zone) for d in observance["RDATE"].dts]
            observance["RDATE"] = icalendar.prop.vDDDLists(days)


def _onset(local: dt.datetime, before: dt.timedelta, after: dt.timedelta, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The local time before the change of the instant the offset goes from `before` to `after`,
    whichever of the two offsets `local` was written in."""
    for offset in (after, before):
        instant = (local - offset).replace(tzinfo=dt.UTC)
        second = dt.timedelta(seconds=1)
        if instant.astimezone(zone).utcoffset() == after and (instant - second).astimezone(zone).utcoffset() == before:
            return (instant + before).replace(tzinfo=None)
    return local


def time_zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone's rules from the pinned `tzdata` package, so that the VTIMEZONE is the same
    bytes on every machine (the system's own zone files differ from one update to the next);
    the system's, for a name the package does not have."""
    try:
        with importlib.resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as data:
            return zoneinfo.ZoneInfo.from_file(data, key=name)
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return zoneinfo.ZoneInfo(name)


def _vevent(
    event: Event, stamp: dt.datetime, when: tuple[dt.date, dt.date], summary: str, description: str | None
) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.uid}@mentorbook")
    vevent.add("dtstamp", stamp)
    vevent.add("summary", summary)
    vevent.add("dtstart", when[0])
    vevent.add("dtend", when[1])
    if description:
        vevent.add("description", description)
    if event.optional:
        vevent.add("transp", "TRANSPARENT")
    return vevent


def _when(event: Event, zone: zoneinfo.ZoneInfo | None) -> tuple[dt.date, dt.date]:
    """Start and end: date-times for a timed event (in the zone, or floating without one), else
    dates (all-day, DTEND being the next day, as RFC 5545 counts an all-day event's end exclusively;
    a window's the day after its last)."""
    if event.time is None:
        return event.date, (event.until or event.date) + dt.timedelta(days=1)
    start = dt.datetime.combine(event.date, dt.time.fromisoformat(event.time), tzinfo=zone)
    return start, start + dt.timedelta(minutes=event.minutes or DEFAULT_MINUTES)
