"""The schedule's facts: the program's dates and length, each moment's meeting (`{kickoff.date}`,
`{kickoff.minutes}`, its agenda in a line), the rhythm pairs meet at, the run-sheet steps' days
and the working day before an event. Worded in the curriculum's language (facts.py fills them in)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from generator.models import Session
from generator.models.events import Event
from generator.models.facts import MOMENT_KEYS
from generator.models.program import Program
from generator.models.project import Project
from generator.plan.program.kit_days import first_days  # the run-sheet's days
from generator.plan.program.moments import last_day, opening_day, pair_meetings
from generator.plan.program.timeline_text import cadence_label, clock, timeline_date
from generator.plan.program.words import count, labels_join, within


def first_one_to_one_module(project: Project, sessions: list[Event]) -> str:
    """The title of the module that holds the pair's first one-to-one: the first booked session
    after the kickoff's series; without a schedule, the first session that is not the kickoff."""
    kickoff = next((e for e in sessions if e.moment == "kickoff"), None)
    after = [e for e in sessions if kickoff is None or e.series != kickoff.series]
    wanted = after[0].session_id if after else None
    for module in project.curriculum.modules:
        for session in module.sessions:
            if session.id == wanted or (wanted is None and session.moment != "kickoff"):
                return module.title
    return project.curriculum.modules[0].title


def gatherings(project: Project) -> str:
    """What the facilitators' page asks them to host, after "Host": the schedule's timed milestones
    for mentors or mentees only (a lunch) and the series' own meetings for all pairs (a group call,
    not the training), in date order: "the peer gathering in the schedule: the Mentors' lunch, Thu,
    Jun 17, 2027, 12:00–13:00", a series as "Group call, every two weeks (18 on the timeline)"."""
    labels = project.text_labels
    found = sorted(_gathering_lines(project))
    if not found:
        return labels["fact_gatherings"]
    one = len(found) == 1 and not found[0][1]
    said = "; ".join(text for _, _, text in found)
    return labels["fact_gatherings_one" if one else "fact_gatherings_many"].format(gatherings=said)


def _gathering_lines(project: Project) -> list[tuple[dt.date, bool, str]]:
    """Each gathering's first day, whether it is a series of several, and its words."""
    labels, language = project.text_labels, project.curriculum.language
    program = project.organization.program
    held = set(program.holding().values()) if program else set()
    cadences = {s.name: s.cadence for s in program.series()} if program else {}
    by_series: dict[str, list[Event]] = {}
    for e in project.events:
        if e.kind == "meeting" and e.series and e.series not in held and e.audience == "pairs":
            by_series.setdefault(e.series, []).append(e)
    once = [e for e in project.events if e.kind == "milestone" and e.time and e.audience in ("mentors", "mentees")]
    once += [met[0] for met in by_series.values() if len(met) == 1]
    lines = [(e.date, False, _gathering(e, labels, language)) for e in once]
    series = labels["fact_gathering_series"]
    return lines + [
        (met[0].date, True, series.format(name=name, cadence=cadence_label(cadences[name], labels), count=len(met)))
        for name, met in by_series.items()
        if len(met) > 1
    ]


def _gathering(event: Event, labels: Mapping[str, str], language: str) -> str:
    """ "the Mentors' lunch, Thu, Jun 17, 2027, 12:00–13:00 (swap what is working ... in the Harbor
    Room)": its day and time, and its note in the organization's words, which say where it is."""
    note = event.note.strip().rstrip(".") if event.note and event.kind == "milestone" else ""
    parts = [within(note)] if note else []
    if event.place:  # its own `place`, which the timeline and its reminder say too
        parts.append(labels["fact_gathering_place"].format(place=event.place))
    said = labels["fact_gathering_note"].format(note="; ".join(parts)) if parts else ""
    return labels["fact_gathering"].format(
        name=event.title, date=timeline_date(event.date, language), time=clock(event), note=said
    )


def meetings_planned(project: Project) -> str:
    """Each pair's own meetings from the start on, as the tracker plans its "Meetings held" column."""
    planned = pair_meetings(project)
    return str(planned) if planned is not None else project.text_labels["fact_meetings"]


CONVERSATIONS = {"midpoint_conversation": "midpoint-conversations", "exit_conversation": "exit-conversations"}


def conversations(project: Project) -> dict[str, str]:
    """The program team's conversations' length: the run-sheet step's own `team_minutes`, one number."""
    minutes = {t.id: t.team_minutes for t in project.curriculum.run_sheet if t.team_minutes}
    return {f"{fact}.minutes": str(minutes.get(task, 20)) for fact, task in CONVERSATIONS.items()}


def date_facts(project: Project, program: Program | None, sessions: list[Event]) -> dict[str, str]:
    labels, language = project.text_labels, project.curriculum.language
    if program is None:
        return {
            "program": labels["fact_program"],
            "start": labels["fact_start"],
            "end": labels["fact_end"],
            "weeks": labels["fact_weeks"],
            "first_one_to_one.date": labels["fact_date"],
            "first_one_to_one.time": labels["fact_time"],
            "last_session.date": labels["fact_date"],
        }
    kickoff = next((e for e in sessions if e.moment == "kickoff"), None)
    after = [e for e in sessions if kickoff is None or e.series != kickoff.series]

    def day(date: dt.date) -> str:
        return timeline_date(date, language)

    return {
        "program": program.name,
        "start": day(opening_day(program.start, project.events)),
        "end": day(last_day(program.start, program.weeks, project.events)),
        "weeks": count(program.weeks, labels, "week"),
        "first_one_to_one.date": day(after[0].date) if after else labels["fact_date"],
        "first_one_to_one.time": after[0].time if after and after[0].time else labels["fact_time"],
        "last_session.date": day(sessions[-1].date) if sessions else labels["fact_date"],
    }


def moment_facts(project: Project, sessions: list[Event]) -> dict[str, str]:
    """`{kickoff.minutes}`, `{kickoff.time}`, `{kickoff.date}` and the like: the meeting that
    holds the session of that moment; without a program, the session's own length."""
    labels, language = project.text_labels, project.curriculum.language
    booked = {e.moment: e for e in sessions if e.moment}
    written: dict[str, Session] = {s.moment: s for s in project.curriculum.sessions() if s.moment}
    facts = {}
    for moment, key in MOMENT_KEYS.items():
        event, session = booked.get(moment), written.get(moment)
        minutes = (event.minutes if event else None) or (session.minutes if session else None)
        facts[f"{key}.minutes"] = str(minutes or usual_minutes(project, sessions))
        facts[f"{key}.time"] = event.time if event and event.time else labels["fact_time"]
        facts[f"{key}.date"] = timeline_date(event.date, language) if event else labels["fact_date"]
        facts[f"{key}.day_before"] = day_before([event.date] if event else [], project)
        facts[f"{key}.agenda"] = agenda_line(session, labels) if session else labels["fact_agenda"]
    return facts


def goals_shared(project: Project, sessions: list[Event]) -> dict[str, str]:
    """`{goals.shared}`: the day of the first milestone `after:` the goals session (the goals a
    mentee shares with their line manager), which the managers' notice gives them."""
    program = project.organization.program
    goals = next((e.session_id for e in sessions if e.moment == "goals"), None)
    names = {m.name for m in (program.milestones if program else ()) if goals and m.after == goals}
    day = next((e.date for e in project.events if e.kind == "milestone" and e.title in names), None)
    shared = timeline_date(day, project.curriculum.language) if day else project.text_labels["fact_date"]
    return {"goals.shared": shared}


def agenda_line(session: Session, labels: Mapping[str, str]) -> str:
    """ "Welcome (5 minutes); What changed (15 minutes); ...": the session's own agenda in one
    line, so that a run-of-show page or a list that names its steps can never disagree with it."""
    steps = [f"{step.step} ({count(step.minutes, labels, 'minute')})" for step in session.agenda]
    return "; ".join(steps) or labels["fact_agenda"]


def day_before(days: list[dt.date], project: Project, word: str = "fact_or") -> str:
    """The working day before each of `days` (a weekend, a public holiday or a break skipped):
    when the facilitator prints and checks the room. A Monday session's is the Friday before."""
    labels, calendar = project.text_labels, project.calendar
    if not days or calendar is None:
        return labels["fact_day_before"]
    before = sorted({calendar.before(day, 1) for day in days})
    return labels_join([timeline_date(day, project.curriculum.language) for day in before], labels, word)


def step_day_facts(project: Project) -> dict[str, str]:
    """`{step.<id>.date}`: each run-sheet step's first day, as the run-sheet dates it."""
    labels, language = project.text_labels, project.curriculum.language
    days = first_days(project)
    return {
        f"step.{t.id}.date": timeline_date(days[t.id], language) if t.id in days else labels["fact_date"]
        for t in project.curriculum.run_sheet
    }


def usual_minutes(project: Project, sessions: list[Event]) -> int:
    """The length most sessions are booked for (the curriculum's, without a program)."""
    lengths = [e.minutes for e in sessions if e.minutes] or [s.minutes for s in project.curriculum.sessions()]
    return max(sorted(set(lengths)), key=lengths.count)


def rhythm(program: Program, sessions: list[Event], labels: Mapping[str, str]) -> str:
    """ "weekly for the first 6 one-to-one sessions, then every two weeks": each series that carries more
    than one session, in the order pairs reach it."""
    carried: dict[str, int] = {}
    for event in sessions:
        carried[event.series or ""] = carried.get(event.series or "", 0) + 1
    cadences = {s.name or "": s.cadence for s in program.series()}
    steps = [(cadence_label(cadences[name], labels), n) for name, n in carried.items() if n > 1 and name in cadences]
    if not steps:
        return cadence_label(program.series()[0].cadence, labels)
    parts = [
        labels["fact_rhythm_first"].format(cadence=c, sessions=count(n, labels, "one_to_one")) for c, n in steps[:-1]
    ]
    if not parts:
        return steps[-1][0]
    return labels["fact_rhythm_then"].join([*parts, steps[-1][0]])
