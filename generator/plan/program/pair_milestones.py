"""The pair milestones a check-in asks about: those a pair reaches (the agreement signed,
goals shared), not gatherings everyone attends; each asked for once, in the message of the
first check-in on or after its day, so that the tracker has a column for each one asked."""

from __future__ import annotations

import datetime as dt

from generator.models.kit import Task
from generator.models.project import Project
from generator.plan.program.moments import Dated as Milestone
from generator.plan.program.moments import kit_dates
from generator.plan.program.timeline_text import timeline_date
from generator.plan.program.words import within

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


def milestones_due(project: Project, previous: dt.date | None, day: dt.date) -> str:
    """The questions a check-in adds: one for each pair milestone planned since the previous one, up
    to its day, the milestone's own `question` or one by its name, with its planned day."""
    due = [m for m in pair_milestones(project) if (previous is None or m.day > previous) and m.day <= day]
    if not due:
        return ""
    language, labels = project.organization.language, project.text_labels
    questions = []
    for audience in ("pairs", "mentors", "mentees"):
        for m in due:
            if (m.milestone.audience if m.milestone else "pairs") != audience:
                continue
            own = m.milestone.question if m.milestone else None
            by_name = labels["kit_milestone_done" if m.milestone else "kit_milestone_held"]  # a session's moment: held
            asked = own.strip().rstrip("?") if own else by_name.format(milestone=m.title)
            question = labels["kit_milestone_question"].format(question=asked, date=timeline_date(m.day, language))
            if audience != "pairs":
                question = labels[f"kit_milestone_only_{audience}"].format(question=within(question))
            questions.append(question)
    return " ".join(questions)
