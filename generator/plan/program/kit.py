"""The program manager's kit, planned (pure): the dated run-sheet, its messages with the dates
filled in, the escalation table from the contacts, and the time each role asks.

All dates come from `kit_dates` (moments.py); all text from the curriculum's `run_sheet`,
`concerns` and `standards` and the profile's contacts, so every organization's kit is its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from babel.numbers import format_decimal

from generator.markup import escape_markdown, escape_text
from generator.models.facts import PLACEHOLDER
from generator.models.kit import HOLDS, Concern, Task
from generator.models.organization import Contact
from generator.models.program import TRAINING_MINUTES
from generator.models.project import Project
from generator.plan.program.facts import Facts, program_facts
from generator.plan.program.kit_days import Dated, holding, lead_weeks, step_days
from generator.plan.program.moments import Dated as Milestone
from generator.plan.program.moments import KitDates, kit_dates
from generator.plan.program.responses import answered
from generator.plan.program.timeline import timeline_date

PREPARATION_MINUTES = {
    "mentor": 10,
    "mentee": 20,
}  # before each session: reading the page ("ten minutes", how-to-use.md), the worksheet
_PLACEHOLDER = PLACEHOLDER


@dataclass(frozen=True)
class Step:
    """One line of the run-sheet: a task on its day (or, without a program, its offset)."""

    day: dt.date | None
    when: str
    title: str
    task: Task
    message: Message | None
    anchor_day: dt.date | None = None  # what it is dated from: the start, a milestone, a module's first session...


@dataclass(frozen=True)
class Message:
    anchor: str  # the heading's id on the messages page
    when: str
    to: str
    subject: str  # plain text, filled in
    body: str  # Markdown, filled in and made safe
    facts: tuple[tuple[str, str], ...] = ()  # each placeholder it uses: (what it is called, its value)


@dataclass(frozen=True)
class Route:
    """A row of the escalation table."""

    concern: Concern
    contacts: tuple[Contact, ...]
    assumed: bool  # no contact names this concern: the first contact (or nobody) is shown
    respond: str  # responses.answered: the contacts' own time when faster, else the concern's promise
    first: tuple[str, ...] = ()  # immediate danger: the emergency and out-of-hours routes, before any contact


@dataclass(frozen=True)
class Held:
    """One meeting series' share of a person's time: its meetings, each at the length the pair
    spends in it (a session's own length, which may be less than the slot booked for it)."""

    name: str | None
    meetings: int
    minutes: int  # all together
    shortest: int
    longest: int


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


def run_sheet(project: Project, facts: Facts | None = None) -> tuple[Step, ...]:
    dates = kit_dates(project)
    facts = program_facts(project) if facts is None else facts
    days = step_days(project, dates) if dates else {}
    steps = [step for task in project.curriculum.run_sheet for step in _steps(task, dates, days, project, facts)]
    if dates is None:
        return tuple(steps)
    order = {task.id: n for n, task in enumerate(project.curriculum.run_sheet)}
    return tuple(sorted(steps, key=lambda s: (s.day or dt.date.min, order[s.task.id])))


def _steps(
    task: Task, dates: KitDates | None, days: dict[str, list[Dated]], project: Project, facts: Facts
) -> Iterator[Step]:
    labels, language = project.labels, project.organization.language
    if dates is None:
        when = f"{labels[f'kit_anchor_{task.anchor}']} {lead_weeks(task, project):+d} {labels['weeks']}".replace(
            "-", "−"
        )
        yield Step(None, when, task.title, task, None)
        return
    common = _common(days, project, facts)
    titles = {t.id: t.title for t in project.curriculum.run_sheet}
    if task.prepares and days.get(task.prepares):
        common["deadline"] = timeline_date(days[task.prepares][0][0], language)
    previous: dt.date | None = None
    for n, (day, extra, title, anchor_day) in enumerate(days[task.id], start=1):
        when = timeline_date(day, language)
        due = _milestones_due(project, previous, day) if asks_milestones(task) else ""
        values = {**common, **extra, "date": when, "milestones_due": due}
        previous = day
        message = _message(task, f"{task.id}-{n}", when, values, labels, titles)
        yield Step(day, when, title, task, message, anchor_day)


MILESTONES_DUE = "{milestones_due}"


def asks_milestones(task: Task) -> bool:
    """A message that asks pairs which milestones they reached (the check-in): the tracker's
    milestone columns are the ones such a message asks for."""
    return task.message is not None and MILESTONES_DUE in task.message.body


def pair_milestones(project: Project) -> list[Milestone]:
    """The milestones a pair reaches (the agreement, goals shared), not events with a time of
    their own that everyone attends (a lunch, a celebration)."""
    program, dates = project.organization.program, kit_dates(project)
    if program is None or dates is None:
        return []
    gatherings = {m.name for m in program.milestones if m.time}
    together = [e for e in project.events if e.moment in ("kickoff", "celebration")]
    moments = {e.title for e in together}
    at = {e.session_id for e in together}  # a milestone held at the kickoff or the celebration: a gathering too

    def gathering(m: Milestone) -> bool:
        return m.title in gatherings | moments or (m.milestone is not None and m.milestone.at in at)

    return [m for m in dates.milestones if not gathering(m)]


def asked_milestones(project: Project, steps: tuple[Step, ...]) -> list[Milestone]:
    """The pair milestones planned on or before the last message that asks for them: each is
    asked for once, so the tracker has a column for it (a later one has nobody to report it)."""
    asking = [s.day for s in steps if s.day and asks_milestones(s.task)]
    return [m for m in pair_milestones(project) if asking and m.day <= max(asking)]


def _milestones_due(project: Project, previous: dt.date | None, day: dt.date) -> str:
    """The question a check-in adds: the pair milestones planned since the previous one, up to its day."""
    due = [m for m in pair_milestones(project) if (previous is None or m.day > previous) and m.day <= day]
    if not due:
        return ""
    language, labels = project.organization.language, project.text_labels
    questions = []
    for audience in ("pairs", "mentors", "mentees"):
        mine = [m for m in due if (m.milestone.audience if m.milestone else "pairs") == audience]
        if not mine:
            continue
        listed = "; ".join(
            labels["kit_milestone_planned"].format(milestone=mid_sentence(m.title), date=timeline_date(m.day, language))
            for m in mine
        )
        number = "one" if len(mine) == 1 else "many"
        questions.append(labels[f"kit_milestones_due_{audience}_{number}"].format(milestones=listed))
    return " ".join(questions)


def mid_sentence(title: str) -> str:
    """A milestone's name inside a sentence: "the mid-point review", not "The mid-point review"
    (a name that starts with an acronym or a proper name's capitals, like "HR", stays)."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def _common(days: Mapping[str, list[Dated]], project: Project, facts: Facts) -> dict[str, str]:
    """The program's facts, and the days of the training a message may list."""
    language = project.organization.language
    cohorts: dict[str, str] = {str(t.cohort): t.id for t in reversed(project.curriculum.run_sheet) if t.cohort}

    def listed(cohort: str) -> str:
        return "; ".join(timeline_date(day, language) for day, _, _, _ in days.get(cohorts.get(cohort, ""), []))

    return {**facts, "training_dates": listed("mentors"), "orientation_dates": listed("mentees")}


def fact_label(name: str, labels: Mapping[str, str], titles: Mapping[str, str]) -> str:
    """What a message's fact is called beside it: a label (never the raw name), or for
    `{step.<id>}` the day of that step, by its title."""
    if name.startswith("step.") and name.endswith(".date"):
        return labels["uses_step"].format(step=titles[name.removeprefix("step.").removesuffix(".date")])
    return labels["uses_" + name.replace(".", "_")]


def _message(
    task: Task, anchor: str, when: str, values: Mapping[str, str], labels: Mapping[str, str], titles: Mapping[str, str]
) -> Message | None:
    if task.message is None:
        return None
    subject = _PLACEHOLDER.sub(lambda m: values[m.group(1)], task.message.subject)
    used = dict.fromkeys(_PLACEHOLDER.findall(task.message.subject + task.message.body))
    facts = tuple((fact_label(name, labels, titles), values[name]) for name in used if name != "date" and values[name])
    to = _PLACEHOLDER.sub(lambda m: values[m.group(1)], task.message.to)
    body = fill(task.message.body, values).replace(" \n", "\n")  # a milestone without a note
    return Message(anchor, when, to, subject, body, facts)


def fill(body: str, values: Mapping[str, str]) -> str:
    """The message's Markdown made safe, with each placeholder replaced by its value as text."""
    pieces, at = [], 0
    for match in _PLACEHOLDER.finditer(body):
        pieces += [escape_markdown(body[at : match.start()]), escape_text(values[match.group(1)])]
        at = match.end()
    return "".join([*pieces, escape_markdown(body[at:])])


def messages(steps: tuple[Step, ...]) -> tuple[Message, ...]:
    return tuple(s.message for s in steps if s.message)


def escalation(project: Project) -> tuple[Route, ...]:
    contacts = project.organization.contacts
    routes = []
    for concern in project.curriculum.concerns:
        named = tuple(c for c in contacts if concern.id in c.handles)
        first = _first_steps(project) if concern.id == "emergency" else ()
        routes.append(Route(concern, named or contacts[:1], not named, answered(concern, named), first))
    return tuple(routes)


def _first_steps(project: Project) -> tuple[str, ...]:
    """What the emergency row says before its contacts: the emergency route, then the
    out-of-hours one under its own name ("Outside working hours: the duty manager, ...")."""
    labels = project.labels
    return tuple(
        text if key == "kit_emergency" else f"{labels[key]}: {mid_sentence(text)}" for key, text in urgent(project)
    )


def urgent(project: Project) -> tuple[tuple[str, str], ...]:
    """The emergency route (the profile's, or the local emergency number) and, when the
    profile names one, the out-of-hours route: shown before the table of concerns."""
    org = project.organization
    routes = [("kit_emergency", org.emergency or project.labels["kit_emergency_default"])]
    return tuple(routes + ([("kit_out_of_hours", org.out_of_hours)] if org.out_of_hours else []))


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


def _training(project: Project, role: str) -> Held:
    """The role's training: the profile's own series that holds it, every meeting attended at its
    length; else the kit's one workshop (the mentors') or orientation (the mentees')."""
    series = holding(project, HOLDING[role])
    if series is None:
        minutes = TRAINING_MINUTES[role]
        return Held(None, 1, minutes, minutes, minutes)
    meetings = [e.minutes or series.minutes for e in project.events if e.kind == "meeting" and e.series == series.name]
    return Held(series.name, len(meetings), sum(meetings), min(meetings, default=0), max(meetings, default=0))


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
        if e.kind not in ("session", "meeting") or e.date < program.start or e.optional:
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


def team_time(project: Project) -> tuple[Effort, ...]:
    """The program team's time for each task that takes it: per session run, per person
    (mentors and mentees) or per pair, from the program's size and the dated steps."""
    program = project.organization.program
    size = program.size if program else None
    runs: dict[str, int] = {}
    for step in run_sheet(project):
        runs[step.task.id] = runs.get(step.task.id, 0) + 1
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
