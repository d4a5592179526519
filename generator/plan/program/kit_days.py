"""The run-sheet's days: each step's day from its anchor (the start, the end, a milestone, a
module's first session, a retention check...), then moved onto a working day and before the
step it prepares. Below the program's facts (facts.py names the training's and orientations'
days, `{training.date}`), which kit.py then fills into each step's message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from dateutil.relativedelta import relativedelta

from generator.models.calendar import WorkingCalendar
from generator.models.events import Event
from generator.models.kit import Task, held_steps
from generator.models.project import Project
from generator.models.schedule import Meetings
from generator.plan.program.moments import Dated as Dated_
from generator.plan.program.moments import KitDates, kit_dates
from generator.plan.program.once import once_per_project
from generator.plan.program.timeline import places
from generator.plan.program.timeline_text import clock, timeline_date


def first_days(project: Project) -> dict[str, dt.date]:
    """Each run-sheet step's first day, by its id: the `{step.<id>.date}` facts."""
    dates = kit_dates(project)
    if dates is None:
        return {}
    return {tid: min(d[0] for d in dated) for tid, dated in step_days(project, dates).items() if dated}


def workshop_days(project: Project, task_id: str) -> tuple[dt.date, ...]:
    """The days a cohort step is held (the mentor training's workshops, the orientations), as
    the run-sheet dates them: the `{training.date}` and `{orientation.date}` facts."""
    dates = kit_dates(project)
    if dates is None:
        return ()
    days = step_days(project, dates)
    return tuple(sorted({d[0] for d in days.get(task_id, [])}))


@once_per_project
def step_days(project: Project, dates: KitDates) -> dict[str, list[Dated]]:
    """Every run-sheet task's days, each on a working day, by the task's id."""
    return _working(project, _days(project, dates), dates)


def held_meetings(project: Project, task: Task) -> tuple[Event, ...]:
    """The meetings of the profile's own series that holds this step (`holds: training`), on
    their days (days off applied): the step's days then, each offering the one workshop, each
    person at one. None: the kit dates it."""
    program = project.organization.program
    name = held_steps((task,), program.holding()).get(task.id) if program else None
    return tuple(e for e in project.events if e.kind == "meeting" and e.series == name) if name else ()


def holding(project: Project, holds: str) -> Meetings | None:
    """The profile's own series that holds the `training` or the `orientation`, if one does."""
    program = project.organization.program
    name = program.holding().get(holds) if program else None
    return next((s for s in program.series() if s.name == name), None) if program and name else None


def lead_weeks(task: Task, project: Project) -> int:
    """The step's weeks from its anchor: the profile's `lead_times` for it, else the kit's default."""
    program = project.organization.program
    return program.lead_times.get(task.id, task.weeks) if program else task.weeks


def shared_capacity(project: Project, task: Task, meetings: int) -> int | None:
    """A series' seats a meeting when the cohort needs every one of its meetings (more people than
    the meetings before the last can hold): its last is then a date like the others, not a catch-up."""
    program = project.organization.program
    size = program.size if program else None
    if size and task.capacity and meetings > 1 and size > task.capacity * (meetings - 1):
        return task.capacity
    return None


def _held_title(title: str, n: int, before: int, labels: Mapping[str, str], shared: bool = False) -> str:
    """A series' meeting's step title, as the kit's workshops are titled: "(1/2)" while more than
    one comes before the catch-up (or all of them when the cohort needs every date), "(catch-up)"
    for the last of several, the title alone else."""
    if shared:
        return f"{title} ({n}/{before + 1})"
    if before and n > before:
        return f"{title} ({labels['kit_catch_up']})"
    return f"{title} ({n}/{before})" if before > 1 else title


def sessions_for(task: Task, project: Project) -> int:
    """A cohort task's sessions before its catch-up: enough for everyone at its capacity."""
    program = project.organization.program
    size = program.size if program else None
    return -(-size // task.capacity) if size and task.capacity else 1


Dated = tuple[dt.date, dict[str, str], str, dt.date]  # its day, what it fills in, its title, its anchor's day


def _days(project: Project, dates: KitDates) -> dict[str, list[Dated]]:
    """Every task's days, with what each fills in and the step's title, by the task's id."""
    return {task.id: _anchor_days(task, dates, project) for task in project.curriculum.run_sheet}


def _anchor_days(task: Task, dates: KitDates, project: Project) -> list[Dated]:
    offset = relativedelta(weeks=lead_weeks(task, project), months=task.months)
    language, labels = project.organization.language, project.labels
    if task.reminder:  # its event's day: _working counts the working days back from it
        offset = relativedelta()
    if task.follows:  # dated from the step it follows, once that one is on its working days (_working)
        return []
    if task.anchor == "milestone":
        return [(m.day + offset, _milestone_values(m, project), f"{task.title}: {m.title}", m.day) for m in _own(dates)]
    if task.anchor == "module":  # from the second module: the kickoff's message starts the first
        return [
            (
                m.day + offset,
                {"module": m.title, "module_date": timeline_date(m.day, language)},
                f"{task.title}: {m.title}",
                m.day,
            )
            for m in dates.modules[1:]
        ]
    held = held_meetings(project, task)
    if held:  # the profile's own series offers the one workshop at each meeting; the last is the catch-up
        before, shared = len(held) - 1, shared_capacity(project, task, len(held)) is not None
        return [
            (e.date, {}, _held_title(task.title, n, before, labels, shared), e.date)
            for n, e in enumerate(held, start=1)
        ]
    base = _base(task, dates, project)
    if base is None:
        return []
    first = base + offset
    if task.cohort:
        count, every = sessions_for(task, project), dt.timedelta(weeks=task.every_weeks or 1)
        days: list[Dated] = [
            (first + every * n, {}, f"{task.title} ({n + 1}/{count})" if count > 1 else task.title, base)
            for n in range(count)
        ]
        return [*days, (first + every * count, {}, f"{task.title} ({labels['kit_catch_up']})", base)]
    days = [(first, {}, task.title, base)]
    while task.every_weeks and days[-1][0] + dt.timedelta(weeks=task.every_weeks) <= dates.end:
        days.append((days[-1][0] + dt.timedelta(weeks=task.every_weeks), {}, task.title, base))
    return days


def _own(dates: KitDates) -> list[Dated_]:
    """The profile's own milestones: a session's moment is the pairs' session, not a reminder's."""
    return [m for m in dates.milestones if m.milestone is not None]


def _milestone_values(m: Dated_, project: Project) -> dict[str, str]:
    """What a milestone's reminder fills in: its name, its day (and time), whom it is for, its note."""
    assert m.milestone is not None  # _own keeps only these
    labels, language = project.labels, project.organization.language
    gathering, place = _gathering(m, project), _place(m, project)
    held = next((e for e in project.events if e.date == m.day and m.title in _names(e)), None)
    hours = (clock(held) if held else m.time) if m.time and gathering else ""
    reply = ""
    if gathering and m.milestone.time and project.calendar:  # its own event, such as a lunch: who is coming
        reply = labels["kit_reply_coming"].format(date=timeline_date(project.calendar.before(m.day, 2), language))
    elif gathering:  # a session everyone attends, such as the closing celebration
        reply = labels["kit_reply_cannot"]
    return {
        "milestone": m.title,
        "milestone_date": timeline_date(m.day, language) + (f", {hours}" if hours else ""),
        "milestone_for": labels[f"kit_for_{m.milestone.audience}"],
        "milestone_note": m.milestone.note or "",
        "milestone_lead": labels["kit_milestone_gathering" if gathering else "kit_milestone_next"],
        "milestone_reply": reply,
        "milestone_at": "" if gathering else _at_session(m, project),
        "milestone_place": labels["kit_milestone_place"].format(place=place) if gathering and place else "",
    }


def _at_session(m: Dated_, project: Project) -> str:
    """ ", at your session “Your mentoring agreement”; worksheets to bring: …" for a milestone
    `at` a pair's session, which its note may call "this session"; else nothing."""
    assert m.milestone is not None
    session = next((s for s in project.curriculum.sessions() if s.id == m.milestone.at), None)
    if session is None:
        return ""
    titles = {w.id: w.title for w in project.curriculum.worksheets}
    sheets = ", ".join(titles[w] for w in session.worksheets if w in titles)
    bring = project.labels["kit_milestone_bring"].format(worksheets=sheets) if sheets else ""
    return project.labels["kit_milestone_at"].format(session=session.title) + bring


def _place(m: Dated_, project: Project) -> str:
    """Where a milestone people meet for is: its own `place` (a lunch), or that of the session
    it is `at` (the closing celebration's, the kickoff's); "" where the profile does not say."""
    assert m.milestone is not None
    program = project.organization.program
    if m.milestone.place or program is None:
        return m.milestone.place or ""
    moment = next((e.moment for e in project.events if m.milestone.at and e.session_id == m.milestone.at), None)
    return places(program).get(moment or "", "")


def _names(event: Event) -> set[str]:
    """The milestone names an event stands for: its own title, and the milestones held at it."""
    return {event.title, *(m.name for m in event.milestones)}


def _gathering(m: Dated_, project: Project) -> bool:
    """A milestone people attend at its time (a lunch, the closing celebration), not a deadline a
    pair meets by its day (an agreement signed): only a gathering's reminder gives the clock time."""
    assert m.milestone is not None
    together = {e.session_id for e in project.events if e.moment in ("kickoff", "celebration")}
    return m.milestone.time is not None or m.milestone.at in together


def _base(task: Task, dates: KitDates, project: Project) -> dt.date | None:
    """The anchor's day; None for a record the profile does not keep (applications for a next round)."""
    if task.anchor == "retention":
        assert task.record is not None  # the model requires it with this anchor
        months: int | None = getattr(project.organization.privacy.retention, task.record)
        if months is None:
            return None
        day: dt.date = dates.end + relativedelta(months=months)
        return day
    anchors = {"start": dates.start, "end": dates.end, "midpoint": dates.midpoint, "kickoff": dates.kickoff}
    return {**anchors, "goals": dates.goals, "celebration": dates.celebration}[task.anchor]


def _working(project: Project, days: dict[str, list[Dated]], dates: KitDates) -> dict[str, list[Dated]]:
    """Every step on a working day: a reminder `reminder_days` working days before its event,
    any other on its day or the working day before (a weekend, a public holiday, a break); then
    a step on or after the one it `prepares` moves back by whole weeks until it comes before that one."""
    calendar, tasks = dates.calendar, {t.id: t for t in project.curriculum.run_sheet}

    def working(task: Task, day: dt.date) -> dt.date:
        if task.reminder:
            return calendar.before(day, dates.reminder_days)
        return calendar.on_or_after(day) if task.moves == "later" else calendar.on_or_before(day)

    moved = {tid: [(working(tasks[tid], d[0]), *d[1:]) for d in dated] for tid, dated in days.items()}
    for task in tasks.values():  # a chaser: working days after each day of the step it follows
        if task.follows:
            moved[task.id] = [
                (
                    calendar.after(day, task.working_days),
                    {"followed": timeline_date(day, project.organization.language)},
                    task.title,
                    day,
                )
                for day, *_ in moved.get(task.follows, [])
            ]
    program = project.organization.program
    held = held_steps(tuple(tasks.values()), program.holding()) if program else {}
    for tid in held:
        _after_held(tasks.get(tasks[tid].prepares or ""), moved, calendar, tid)
    for _ in range(
        len(tasks)
    ):  # a chain (training -> introductions -> kickoff) settles in as many rounds as it is long
        changed = False
        for tid, dated in moved.items():
            prepared = moved.get(tasks[tid].prepares or "")
            if not prepared or not dated or tid in held:  # a profile's series keeps its days
                continue
            latest = calendar.on_or_before(prepared[0][0] - dt.timedelta(days=1))
            late = (max(d[0] for d in dated) - latest).days
            if late > 0:  # the whole step moves by whole weeks, its repeats (a cohort's workshops) on their weekday
                shift = dt.timedelta(weeks=-(-late // 7))
                moved[tid] = [(calendar.on_or_before(d[0] - shift), *d[1:]) for d in dated]
                changed = True
        if not changed:
            break
    return moved


def _after_held(step: Task | None, moved: dict[str, list[Dated]], calendar: WorkingCalendar, held: str) -> None:
    """The step a profile's series prepares (the introductions, after the training) waits for
    the working day after its last meeting, when it still comes before the step it prepares
    in turn; a step that prepares nothing (the kickoff's) keeps its day."""
    if step is None or not moved.get(step.id) or not moved[held]:
        return
    after = calendar.after(max(d[0] for d in moved[held]), 1)
    then = moved.get(step.prepares or "")
    first = min(d[0] for d in moved[step.id])
    if first > after or not then or after >= min(d[0] for d in then):
        return
    moved[step.id] = [(d[0] + (after - first), *d[1:]) for d in moved[step.id]]
