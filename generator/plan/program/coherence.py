"""The coherence check over the plan: one program, told the same way everywhere.

Each file can be valid on its own and the handbook still contradict itself: a concern
"answered within one working day" routed to a contact who "usually answers within two", a
reminder dated on or after what it reminds of, a step that prepares the kickoff dated after it.
`validate` and every build run this on the planned project; each problem names both places and
what to change, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem
from generator.models.kit import held_steps
from generator.models.project import Project
from generator.plan.program.kit import run_sheet
from generator.plan.program.responses import days as days  # its checks compare promises
from generator.plan.program.timeline_text import timeline_date


def check_coherence(project: Project) -> list[Problem]:
    return [*_moment_lengths(project), *_response_times(project), *_run_sheet_order(project)]


def _moment_lengths(project: Project) -> Iterator[Problem]:
    """A program moment (the kickoff, the celebration) booked in a series of its own is as long
    as its session: its length is stated on the timeline, the session page and the guides, and
    a meeting longer than its agenda would make them disagree."""
    program = project.organization.program
    if program is None or program.meetings is None:
        return
    minutes = {s.id: s.minutes for s in project.curriculum.sessions()}
    for index, series in enumerate(program.meetings):
        listed = series.sessions or ()
        for event in project.events:
            if event.kind != "session" or not event.moment or event.session_id not in listed:
                continue
            own = minutes.get(event.session_id or "")
            if own is None or own == series.minutes:
                continue
            meetings = f'the "{series.name}" meetings' if series.name else "the meetings"
            yield _problem(
                project,
                ("program", "meetings", index, "minutes"),
                f"{meetings} are {series.minutes} minutes, but they carry {event.number} “{event.title}”, the "
                f"{event.moment}, whose agenda takes {own} ({project.curriculum_file}); the timeline would say "
                f"{series.minutes} and the session {own}",
                f"set `minutes: {own}`, or give the rest of the time a series of its own with an `agenda:`",
            )


def _response_times(project: Project) -> Iterator[Problem]:
    """A contact who handles a concern answers at least as fast as the concern promises."""
    concerns = {c.id: (i, c) for i, c in enumerate(project.curriculum.concerns)}
    for index, contact in enumerate(project.organization.contacts):
        usual = days(contact.responds or "")
        if usual is None:
            continue
        for handled in contact.handles:
            if handled not in concerns:
                continue
            at, concern = concerns[handled]
            promised = days(concern.respond)
            if promised is None or usual <= promised:
                continue
            there = _place(project, ("concerns", at, "respond"))
            yield _problem(
                project,
                ("contacts", index, "responds"),
                f"{contact.name} usually answers {contact.responds}, but handles `{handled}`, which is answered "
                f"{concern.respond} ({there}); one row of “who handles what” would say both",
                f"write `responds: {concern.respond}` (or faster), or give `{handled}` to a contact who answers that fast",
            )


def _run_sheet_order(project: Project) -> Iterator[Problem]:
    """A step before its anchor (a reminder, a preparation) is dated before it; a step that
    prepares the start is dated before the first session (the kickoff). A step the profile's
    own series holds (`holds:`) is dated by that series, as the profile wrote it."""
    sessions = sorted(e.date for e in project.events if e.kind == "session")
    first = sessions[0] if sessions else None
    language = project.curriculum.language
    program = project.organization.program
    held = held_steps(project.curriculum.run_sheet, program.holding()) if program else {}
    for step in run_sheet(project):
        if step.day is None or step.anchor_day is None or step.task.weeks >= 0 or step.task.id in held:
            continue  # a step the profile's own series holds is on the days the profile chose
        index = next(i for i, t in enumerate(project.curriculum.run_sheet) if t.id == step.task.id)
        there = _place(project, ("run_sheet", index))
        if step.day >= step.anchor_day:
            yield _problem(
                project,
                ("program",),
                f"the run-sheet's “{step.title}” ({there}) falls on {timeline_date(step.day, language)}, not before "
                f"what it is for, on {timeline_date(step.anchor_day, language)}",
                "move that date, or the step's `weeks`, so that the step comes first",
            )
        elif step.task.anchor == "start" and first is not None and step.day >= first:
            yield _problem(
                project,
                ("program",),
                f"the run-sheet's “{step.title}” ({there}) prepares the program, but falls on "
                f"{timeline_date(step.day, language)}, on or after its first session, {timeline_date(first, language)}",
                "start the first series later, or the program's `start` earlier",
            )


def _problem(project: Project, loc: tuple[str | int, ...], message: str, hint: str) -> Problem:
    source = project.profile_source
    if source is None:
        return Problem(project.organization_file, 0, 0, message, hint)
    return source.problem(loc, message, hint)


def _place(project: Project, loc: tuple[str | int, ...]) -> str:
    mark = project.curriculum_marks.get(loc)
    return f"{project.curriculum_file}:{mark.line}:{mark.column}" if mark else project.curriculum_file
