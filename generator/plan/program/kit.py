"""The program manager's run-sheet, planned (pure): each step of the curriculum's `run_sheet`
on its day, and its message with the dates and the program's facts filled in.

All dates come from `kit_dates` (moments.py) and kit_days.py; all text from the curriculum's
`run_sheet` and the profile, so every organization's kit is its own. The kit's other parts:
the escalation table (escalation.py), the time each role asks (time_asked.py) and the pair
milestones a check-in asks about (pair_milestones.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.markup import escape_markdown, escape_text
from generator.models.facts import PLACEHOLDER
from generator.models.kit import Task
from generator.models.project import Project
from generator.plan.program.facts import Facts, program_facts
from generator.plan.program.kit_days import Dated, lead_weeks, step_days
from generator.plan.program.moments import Dated as Milestone
from generator.plan.program.moments import KitDates, kit_dates
from generator.plan.program.once import once_per_project
from generator.plan.program.pair_milestones import asks_milestones, milestones_due, pair_milestones
from generator.plan.program.time_asked import role_hours
from generator.plan.program.timeline_text import timeline_date

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
    dated: bool = True  # `when` is the day it goes out; else when it does, in words ("As each decline arrives")


def runs(project: Project) -> Counter[str]:
    """How many times the run-sheet dates each task (a cohort's workshops, a repeated check-in)."""
    return Counter(step.task.id for step in run_sheet(project))


@once_per_project
def run_sheet(project: Project, facts: Facts | None = None) -> tuple[Step, ...]:
    dates = kit_dates(project)
    facts = program_facts(project) if facts is None else facts
    days = step_days(project, dates) if dates else {}
    if dates is not None:
        facts = {**facts, **role_hours(project)}
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
        due = milestones_due(project, previous, day) if asks_milestones(task) else ""
        values = {**common, **extra, "date": when, "milestones_due": due}
        if task.anchor == "module" and "module" in extra:
            values.update(module_values(project, extra["module"], anchor_day or day))
        previous = day
        message = _message(task, f"{task.id}-{n}", when, values, labels, titles)
        yield Step(day, when, title, task, message, anchor_day)


def _common(days: Mapping[str, list[Dated]], project: Project, facts: Facts) -> dict[str, str]:
    """The program's facts, and the days of the training a message may list."""
    language = project.organization.language
    cohorts: dict[str, str] = {str(t.cohort): t.id for t in reversed(project.curriculum.run_sheet) if t.cohort}

    def listed(cohort: str) -> str:
        return "; ".join(timeline_date(day, language) for day, _, _, _ in days.get(cohorts.get(cohort, ""), []))

    return {**facts, "training_dates": listed("mentors"), "orientation_dates": listed("mentees")}


def module_values(project: Project, title: str, first: dt.date) -> dict[str, str]:
    """What a module's reminder says of it: `{module_lead}` ("From Thu, Jan 14, 2027, your sessions
    start with" the first module pairs hold themselves, "move on to" a later one), `{module_sessions}`
    (each session with its day, and the worksheets to bring) and `{module_link}` (its first page)."""
    labels, language = project.text_labels, project.curriculum.language
    number = next((n for n, m in enumerate(project.curriculum.modules, start=1) if m.title == title), 0)
    module = project.curriculum.modules[number - 1] if number else None
    held = [e for e in project.events if e.kind == "session" and (e.number or "").split(".")[0] == str(number)]
    before = any(e.kind == "session" and e.moment != "kickoff" and e.date < first for e in project.events)
    lead = labels["kit_module_next" if before else "kit_module_first"].format(
        date=timeline_date(first, language), module=title
    )
    listed = "; ".join(f"{e.title}, {timeline_date(e.date, language)}" for e in held)
    sheets = {w.id: w.title for w in project.curriculum.worksheets}
    bring = dict.fromkeys(w for s in (module.sessions if module else ()) for w in s.worksheets if w in sheets)
    said = labels["kit_module_sessions"].format(sessions=listed) if listed else ""
    if bring:
        said += " " + labels["kit_module_worksheets"].format(worksheets=", ".join(sheets[w] for w in bring))
    program = project.organization.program
    url = program.handbook_url if program else None
    page = (
        f"{url}modules/{module.id}/index.html"
        if url and module
        else labels["fact_link"].format(page=labels["link_module"])
    )
    return {"module_lead": lead, "module_sessions": said.strip(), "module_link": page}


def fact_label(name: str, labels: Mapping[str, str], titles: Mapping[str, str], value: str = "") -> str:
    """What a message's fact is called beside it: a label (never the raw name), or for
    `{step.<id>}` the day of that step, by its title; a list of days that holds one day has
    the label's singular (`uses_orientation_date_one`: "orientation's day")."""
    if name.startswith("step.") and name.endswith(".date"):
        return labels["uses_step"].format(step=titles[name.removeprefix("step.").removesuffix(".date")])
    key = "uses_" + name.replace(".", "_")
    one = f"{key}_one" in labels and f" {labels['fact_or']} " not in value
    return labels[f"{key}_one" if one else key]


def _message(
    task: Task, anchor: str, when: str, values: Mapping[str, str], labels: Mapping[str, str], titles: Mapping[str, str]
) -> Message | None:
    if task.message is None:
        return None
    subject = _PLACEHOLDER.sub(lambda m: values[m.group(1)], task.message.subject)
    used = dict.fromkeys(_PLACEHOLDER.findall(task.message.subject + task.message.body))
    facts = tuple(
        (fact_label(name, labels, titles, values[name]), values[name])
        for name in used
        if name not in UNLISTED and values[name]
    )
    to = _PLACEHOLDER.sub(lambda m: values[m.group(1)], task.message.to)
    body = re.sub(r" +\n", "\n", fill(task.message.body, values))  # a milestone without a note or a reply
    body = re.sub(r"(?<=\S)  +(?=\S)", " ", body)  # nor a place
    if task.message.when:  # sent as things happen (each decline, each early ending): no day of its own
        return Message(anchor, task.message.when, to, subject, body, facts, dated=False)
    return Message(anchor, when, to, subject, body, facts)


UNLISTED = {
    "date",
    "module_lead",
    "module_sessions",
    "milestone_lead",
    "milestone_reply",
    "milestone_at",
    "milestone_place",
    "kickoff.stay",
    "training.reply",
    "orientation.reply",
    "orientation.when",
}  # said whole, not listed


def fill(body: str, values: Mapping[str, str]) -> str:
    """The message's Markdown made safe, with each placeholder replaced by its value as text."""
    pieces, at = [], 0
    for match in _PLACEHOLDER.finditer(body):
        pieces += [escape_markdown(body[at : match.start()]), escape_text(values[match.group(1)])]
        at = match.end()
    return "".join([*pieces, escape_markdown(body[at:])])


def messages(steps: tuple[Step, ...]) -> tuple[Message, ...]:
    return tuple(s.message for s in steps if s.message)


def asked_milestones(project: Project, steps: tuple[Step, ...]) -> list[Milestone]:
    """The pair milestones planned on or before the last message that asks for them: each is
    asked for once, so the tracker has a column for it (a later one has nobody to report it)."""
    asking = [s.day for s in steps if s.day and asks_milestones(s.task)]
    return [m for m in pair_milestones(project) if asking and m.day <= max(asking)]
