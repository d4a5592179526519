"""The program schedule as an iCalendar (.ics, RFC 5545) file for people's own calendar apps.

Sessions with a `meeting_time` become timed entries in "floating" local time (no time zone):
09:30 shows as 09:30 wherever the reader is, which suits pairs who meet in their own time zone
and spares the organization from naming one. Without a time, sessions are all-day entries, and
milestones always are. UIDs come from the timeline and DTSTAMP from the build time the caller
passes, so the same input gives the same bytes and a re-import updates entries in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import icalendar

from generator.read.timeline import Event

PRODID = "-//Mentorbook//Mentoring handbook//EN"


def calendar_ics(
    events: Sequence[Event],
    *,
    calendar_name: str,
    meeting_minutes: int,
    meeting_time: str | None,
    stamp: dt.datetime,
    url_for: Callable[[Event], str | None] = lambda e: None,
) -> bytes:
    """`stamp` must be timezone-aware (the build time from SOURCE_DATE_EPOCH); it is written in UTC."""
    if stamp.tzinfo is None:
        raise ValueError("calendar_ics needs a timezone-aware stamp, e.g. datetime.fromtimestamp(epoch, datetime.UTC)")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    clock = dt.time.fromisoformat(meeting_time) if meeting_time else None
    for event in events:
        when = _when(event, clock, meeting_minutes)
        calendar.add_component(_vevent(event, stamp.astimezone(dt.UTC), when, url_for(event)))
    data: bytes = calendar.to_ical()
    return data


def _vevent(event: Event, stamp: dt.datetime, when: tuple[dt.date, dt.date], url: str | None) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.uid}@mentorbook")
    vevent.add("dtstamp", stamp)
    vevent.add("summary", f"{event.number} {event.title}" if event.number else event.title)
    vevent.add("dtstart", when[0])
    vevent.add("dtend", when[1])
    description = "\n\n".join(text for text in (event.note, url) if text)
    if description:
        vevent.add("description", description)
    return vevent


def _when(event: Event, clock: dt.time | None, minutes: int) -> tuple[dt.date, dt.date]:
    """Start and end: naive date-times (floating) for a timed session, else dates (all-day,
    DTEND being the next day, as RFC 5545 counts an all-day event's end exclusively)."""
    if event.kind == "session" and clock is not None:
        start = dt.datetime.combine(event.date, clock)
        return start, start + dt.timedelta(minutes=minutes)
    return event.date, event.date + dt.timedelta(days=1)
