"""The schedule's cross-checks: which series carries which session, and what the dates must
agree on (sessions fit their meetings, no event twice, no milestone before the session it
follows). Each returns Troubles, never raises, so that timeline.py reports them all at once."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.models.program import Meetings, Milestone, Program

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Trouble:
    """One problem with the schedule; `where` is its key path inside `program:`."""

    message: str
    hint: str
    where: Where = ()


@dataclass(frozen=True)
class SessionInfo:
    """What the schedule needs of a session."""

    id: str
    number: str  # "2.1"
    title: str
    minutes: int = 0
    moment: str | None = None
    as_needed: bool = False
    week: int | None = None  # the program week it is pinned to (`week:` in the module selection)

    @property
    def label(self) -> str:
        return f'session {self.number} "{self.title}"'


@dataclass(frozen=True)
class Booked:
    """A session on its date, in the series (by index) that carries it."""

    session: SessionInfo
    date: dt.date
    series: int


# Words by which a milestone's name says it is one of the program moments (English, Spanish).
MOMENT_WORDS = {
    "kickoff": ("kickoff", "kick-off", "kick off", "launch", "lanzamiento", "arranque", "bienvenida"),
    "agreement": ("agreement", "acuerdo"),
    "goals": ("goals set", "goal plan", "objetivos", "metas"),
    "mid-point review": ("mid-point", "midpoint", "mid point", "halfway", "mitad"),
    "final review": ("final review", "revision final"),
    "celebration": ("celebration", "celebrate", "celebracion"),
}


def series_where(program: Program, index: int) -> Where:
    """Where a series is written: under `meetings:`, or the program itself for the single series."""
    return ("meetings", index) if program.meetings is not None else ()


def unknown_session(what: str, session_id: str, sessions: Sequence[SessionInfo], where: Where) -> Trouble:
    ids = [s.id for s in sessions]
    close = difflib.get_close_matches(session_id, ids, n=1)
    hint = f"did you mean `{close[0]}`?" if close else "write the id of a session the program runs"
    return Trouble(f"{what} `{session_id}`, a session this program does not run", hint, where)


def assign_sessions(
    series: Sequence[Meetings], sessions: Sequence[SessionInfo], troubles: list[Trouble]
) -> list[list[SessionInfo]]:
    """The sessions each series carries: those it lists, and for the one series that lists
    none (and has no agenda of its own) every other session that is not as needed."""
    known = {s.id: s for s in sessions}
    assigned: list[list[SessionInfo]] = [[] for _ in series]
    listed: dict[str, int] = {}
    program_has_meetings = len(series) > 1 or series[0].name is not None or series[0].sessions is not None
    for i, meetings in enumerate(series):
        for j, session_id in enumerate(meetings.sessions or ()):
            where: Where = ("meetings", i, "sessions", j) if program_has_meetings else ()
            session = known.get(session_id)
            if session is None:
                troubles.append(unknown_session("the series lists", session_id, sessions, where))
            elif session.as_needed:
                hint = "remove it from `sessions:`; the timeline offers it to pairs who need it"
                troubles.append(
                    Trouble(f"{session.label} is as needed: it is never booked for every pair", hint, where)
                )
            elif session_id in listed:
                other = series[listed[session_id]].name or f"series {listed[session_id] + 1}"
                hint = "list each session in one series"
                troubles.append(Trouble(f'{session.label} is listed twice: also in "{other}"', hint, where))
            else:
                listed[session_id] = i
                assigned[i].append(session)
    takers = [i for i, m in enumerate(series) if m.sessions is None and not m.own_agenda]
    for extra in takers[1:]:
        hint = "list its `sessions:`, or give it an `agenda:` of its own"
        troubles.append(Trouble("only one series can carry the sessions no series lists", hint, ("meetings", extra)))
    rest = [s for s in sessions if not s.as_needed and s.id not in listed]
    if takers:
        assigned[takers[0]] = rest
    elif rest:
        names = ", ".join(s.number for s in rest[:6]) + (", ..." if len(rest) > 6 else "")
        hint = "add them to a series' `sessions:`, or leave `sessions:` out of one series to carry the rest"
        troubles.append(Trouble(f"no series carries sessions {names}", hint, ("meetings",)))
    return assigned


def check_lengths(program: Program, assigned: Sequence[Sequence[SessionInfo]]) -> Iterator[Trouble]:
    """A session longer than the meeting it is booked into: both numbers, and what to change."""
    for index, (meetings, carried) in enumerate(zip(program.series(), assigned, strict=True)):
        long = [s for s in carried if s.minutes > meetings.minutes]
        if not long:
            continue
        need = max(s.minutes for s in long)
        key = "minutes" if program.meetings is not None else "meeting_minutes"
        meeting = f'the "{meetings.name}" meetings' if meetings.name else "the meetings"
        if len(long) == 1:
            message = f"{long[0].label} is {long[0].minutes} minutes, but {meeting} are {meetings.minutes} minutes"
        else:
            shown = [f'{s.number} "{s.title}" ({s.minutes})' for s in long[:4]]
            more = f" and {len(long) - 4} more" if len(long) > 4 else ""
            listed = ", ".join(shown) + more
            message = f"{len(long)} sessions are longer than {meeting}, {meetings.minutes} minutes: {listed}"
        other = (
            "leave their modules out with `modules:`"
            if key == "meeting_minutes"
            else "move them to a series of longer meetings"
        )
        hint = f"set `{key}: {need}`, or {other}"
        yield Trouble(message, hint, (*series_where(program, index), key))


def check_holds(program: Program) -> Iterator[Trouble]:
    """At most one series holds the training, and one the orientation: the second is named,
    with the first's name, at its `holds`."""
    first: dict[str, int] = {}
    for index, meetings in enumerate(program.series()):
        if meetings.holds is None:
            continue
        if meetings.holds not in first:
            first[meetings.holds] = index
            continue
        other = program.series()[first[meetings.holds]]
        named = f'"{other.name}"' if other.name else f"series {first[meetings.holds] + 1}"
        yield Trouble(
            f"two series hold the {meetings.holds}: {named} already does",
            f"remove `holds: {meetings.holds}` from one of them (one series is the {meetings.holds}, "
            "with as many meetings as it needs)",
            (*series_where(program, index), "holds"),
        )


def check_moments(program: Program, booked: Sequence[Booked]) -> Iterator[Trouble]:
    """No program moment twice: two sessions that are the kickoff, or a milestone that repeats a
    session's moment (the mid-point review as a session and again as a milestone)."""
    first: dict[str, Booked] = {}
    for b in booked:
        moment = b.session.moment
        if moment is None:
            continue
        if moment in first:
            other = first[moment].session
            hint = "the program runs one of each: leave one of them out of the program's sessions"
            where: Where = (*series_where(program, b.series), "sessions")
            yield Trouble(f"{b.session.label} and {other.label} are both the {moment}", hint, where)
        else:
            first[moment] = b
    for i, milestone in enumerate(program.milestones):
        if milestone.at is not None or milestone.after is not None:
            continue
        for moment in moments_named(milestone.name):
            if moment in first:
                session, day = first[moment].session, first[moment].date
                written = f"on {milestone.date}" if milestone.date else f"in week {milestone.week}"
                message = (
                    f'the milestone "{milestone.name}" is the {moment}, {written}, and so is {session.label}, '
                    f"on {day}: one event on two dates"
                )
                hint = f"write `at: {session.id}` instead of its week or date, so it is listed once with the session"
                yield Trouble(message, hint, ("milestones", i, "name"))


def moments_named(name: str) -> Iterator[str]:
    folded = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    for moment, words in MOMENT_WORDS.items():
        if any(word in folded for word in words):
            yield moment


def check_repeats(placed: Sequence[tuple[int, Milestone, dt.date]]) -> Iterator[Trouble]:
    """Two milestones of the same name on the same day: the same event written twice. (The same
    name on other days is a milestone that recurs, such as a monthly "Program check-in".)"""
    seen: set[tuple[str, dt.date]] = set()
    for i, milestone, day in placed:
        key = (milestone.name.casefold(), day)
        if key in seen:
            hint = "keep one, or give each its own name or day"
            yield Trouble(f'the milestone "{milestone.name}" is listed twice on {day}', hint, ("milestones", i, "name"))
        seen.add(key)


def check_after(
    milestone: Milestone, index: int, day: dt.date, booked: dict[str, Booked], sessions: Sequence[SessionInfo]
) -> Iterator[Trouble]:
    """A milestone that follows a session may not come before it."""
    if milestone.after is None:
        return
    where: Where = ("milestones", index, "after")
    b = booked.get(milestone.after)
    if b is None:
        yield unknown_session(f'the milestone "{milestone.name}" follows', milestone.after, sessions, where)
        return
    if day < b.date:
        key = "week" if milestone.week is not None else "date"
        start_of_week = _week_of(b.date, day, milestone)
        message = (
            f'the milestone "{milestone.name}" is on {day}, before {b.session.label} on {b.date}, which it follows'
        )
        yield Trouble(message, f"choose {start_of_week} or later", ("milestones", index, key))


def _week_of(session_day: dt.date, milestone_day: dt.date, milestone: Milestone) -> str:
    """The earliest `week:` (or `date:`) that is not before the session."""
    if milestone.week is None:
        return f"`date: {session_day}`"
    start = milestone_day - dt.timedelta(weeks=milestone.week - 1)
    days = (session_day - start).days
    week = days // 7 + 1 if days % 7 == 0 else days // 7 + 2
    return f"`week: {week}`"
