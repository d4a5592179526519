"""The time each role asks and the program team's hours, planned (pure): sessions × their
length from the organization's own schedule, preparation, the training (the kit's workshop, or
the profile's own series that offers it, one meeting's length) and the gatherings and
conversations; the team's time from the program's size and the dated run-sheet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from babel.numbers import format_decimal

from generator.models.kit import HOLDS, Task
from generator.models.program import TRAINING_MINUTES
from generator.models.project import Project
from generator.plan.program.facts import program_facts
from generator.plan.program.kit_days import holding
from generator.plan.program.moments import attended, kit_dates
from generator.plan.program.once import once_per_project

PREPARATION_MINUTES = {
    "mentor": 10,
    "mentee": 20,
}  # before each session: reading the page ("ten minutes", how-to-use.md), the worksheet


@dataclass(frozen=True)
class Held:
    """One meeting series' share of a person's time: its meetings, each at the length the pair
    spends in it (a session's own length, which may be less than the slot booked for it)."""

    name: str | None
    meetings: int
    minutes: int  # all together
    shortest: int
    longest: int
    offered: int = 1  # a series that offers the one training at each meeting: how many dates to choose from


@dataclass(frozen=True)
class Commitment:
    role: str
    sessions: int
    session_minutes: int  # all sessions together
    preparation_minutes: int
    training_minutes: int
    weeks: int | None
    series: tuple[Held, ...] = ()  # each series, at its sessions' own lengths
    extras: tuple[tuple[str, int], ...] = ()  # once each: a gathering for this role, a conversation with the team
    training: Held | None = None  # the profile's own series that holds the role's training, if one does

    @property
    def total_minutes(self) -> int:
        extra = sum(minutes for _, minutes in self.extras)
        return self.session_minutes + self.preparation_minutes + self.training_minutes + extra


@dataclass(frozen=True)
class Effort:
    """The program team's time for one run-sheet task: `count` times `minutes` (None: no size)."""

    task: Task
    count: int | None
    minutes: int
    title: str = ""  # what the row says, when the task's own title would not (the kickoff's preparation)

    @property
    def total_minutes(self) -> int | None:
        return None if self.count is None else self.count * self.minutes


@once_per_project
def commitment(project: Project, role: str) -> Commitment:
    """Sessions × their length, plus preparation and training, from the organization's own schedule:
    its dated meetings at its meeting length, or the curriculum's sessions at their own length."""
    dates = kit_dates(project)
    sessions = project.curriculum.sessions()
    held = _held(project) if dates is not None else ()
    if dates is not None:
        count, minutes = dates.meetings, sum(h.minutes for h in held)
    else:
        count, minutes = len(sessions), sum(s.minutes for s in sessions)
    return Commitment(
        role,
        count,
        minutes,
        count * PREPARATION_MINUTES[role],
        _training(project, role).minutes,
        dates.weeks if dates else None,
        held,
        _extras(project, role) if dates is not None else (),
        _training(project, role) if dates is not None and holding(project, HOLDING[role]) else None,
    )


HOLDING = {"mentor": "training", "mentee": "orientation"}


def role_hours(project: Project) -> dict[str, str]:
    """`{mentor_hours}` and `{mentee_hours}`: the role descriptions' "In all" ("24 h 10 min"), so
    that a message asking for the time gives the figure the role description adds up to."""
    labels, language = project.text_labels, project.curriculum.language
    return {
        f"{role}_hours": duration(commitment(project, role).total_minutes, labels, language)
        for role in ("mentor", "mentee")
    }


def _training(project: Project, role: str) -> Held:
    """The role's training: one workshop (the mentors') or orientation (the mentees'), at the kit's
    length, or at the length of the profile's own series that offers it at each of its meetings
    (each person comes to one; the longest, if they differ)."""
    series = holding(project, HOLDING[role])
    if series is None:
        minutes = TRAINING_MINUTES[role]
        return Held(None, 1, minutes, minutes, minutes)
    meetings = [e.minutes or series.minutes for e in project.events if e.kind == "meeting" and e.series == series.name]
    longest = max(meetings, default=series.minutes)
    return Held(series.name, 1, longest, longest, longest, offered=len(meetings))


def _held(project: Project) -> tuple[Held, ...]:
    """The required meetings from the start on, by series: a session at its own length (a pair
    may leave a 60-minute slot after a 45-minute session), a group's circle and a series'
    own meeting at the length booked."""
    program = project.organization.program
    assert program is not None  # kit_dates needs one
    own = {s.id: s.minutes for s in project.curriculum.sessions()}
    closing = {s.id for s in project.curriculum.sessions() if s.moment == "celebration"}
    length = {s.name: s.minutes for s in program.series()}
    spent: dict[str | None, list[int]] = {}
    for e in project.events:
        if not attended(e, program.start):
            continue
        booked = e.minutes or length.get(e.series, program.series()[0].minutes)
        pair = e.session_id in own and program.format == "pair"
        # The closing celebration is a group session, its own row as the kickoff is, not a one-to-one.
        row = project.labels["kit_time_closing"] if e.session_id in closing else e.series
        spent.setdefault(row, []).append(min(booked, own[e.session_id or ""]) if pair else booked)
    return tuple(Held(name, len(m), sum(m), min(m), max(m)) for name, m in spent.items())


def _extras(project: Project, role: str) -> tuple[tuple[str, int], ...]:
    """What else the role's time holds, once each: a timed milestone for them (the mentors'
    lunch) and the program team's mid-point and exit conversations with each person."""
    facts, labels = program_facts(project), project.labels
    gatherings = [
        (e.title, e.minutes)
        for e in project.events
        if e.kind == "milestone" and e.time and e.minutes and e.audience in ("pairs", f"{role}s")
    ]
    talks = [
        (labels[f"kit_time_{fact}"], int(facts[f"{fact}.minutes"]))
        for fact in ("midpoint_conversation", "exit_conversation")
        if facts.get(f"{fact}.minutes", "").isdigit()
    ]
    return tuple((title, minutes) for title, minutes in [*gatherings, *talks] if minutes)


def team_time(project: Project, runs: Mapping[str, int]) -> tuple[Effort, ...]:
    """The program team's time for each task that takes it: per session run (`runs`: how many
    times the run-sheet dates each task), per person (mentors and mentees) or per pair, from
    the program's size."""
    program = project.organization.program
    size = program.size if program else None
    efforts = []
    for task in project.curriculum.run_sheet:
        if task.team_minutes is None:
            continue
        people = {"session": runs.get(task.id, 1), "person": 2 * size if size else None, "pair": size}[task.per]
        series = holding(project, HOLDS[task.cohort]) if task.cohort else None
        efforts.append(Effort(task, people, series.minutes if series else task.team_minutes))
    return (*_gatherings(project), *efforts)


GATHERINGS = {"kickoff": "kickoff", "close": "celebration"}  # run-sheet step -> the moment whose meeting it runs


def _gatherings(project: Project) -> list[Effort]:
    """The kickoff and the closing celebration, each as long as the meeting the schedule books for it."""
    facts, labels = program_facts(project), project.labels
    tasks = {t.id: t for t in project.curriculum.run_sheet}
    return [
        Effort(tasks[step], 1, int(facts[f"{moment}.minutes"]), labels[f"kit_team_{moment}"])
        for step, moment in GATHERINGS.items()
        if step in tasks and facts.get(f"{moment}.minutes", "").isdigit()
    ]


def duration(minutes: int, labels: Mapping[str, str], language: str) -> str:
    """Exact hours and minutes, e.g. "26 h 40 min" for 1,600 minutes: a total a reader can check."""
    whole = format_decimal(minutes // 60, format="#,##0", locale=language)
    if minutes % 60 == 0:
        return labels["kit_hours_only"].format(hours=whole)
    return labels["kit_hours_minutes"].format(hours=whole, minutes=minutes % 60)


def hours(minutes: int, language: str) -> str:
    """Hours to the nearest quarter, so that the parts add up to the whole: 315 minutes is
    "5.25" hours, 150 "2.5"."""
    return format_decimal(round(minutes / 15) / 4, format="#,##0.##", locale=language)
