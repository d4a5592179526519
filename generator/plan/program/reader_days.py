"""The run-sheet's days that the readers act on, as timeline entries: the training workshops
and orientations they attend, the day the introduction email goes out, the forms to answer
and the conversations to book (a step's `timeline:` in the curriculum). The run-sheet dates
them (kit_days.py); the timeline page, the handbook's program chapter and the calendar file
show them beside the program's own events, so a reader's dates are in one list."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from generator.models.events import Event
from generator.models.kit import Task
from generator.models.program import TRAINING_MINUTES
from generator.models.project import Project
from generator.plan.program.kit_days import held_meetings, step_days
from generator.plan.program.moments import kit_dates


def timeline_events(project: Project) -> tuple[Event, ...]:
    """The program's events with the run-sheet's readers' days among them, by date (a
    step's entries after the program's own on the same day)."""
    steps, events = reader_days(project), offered(project)
    if not steps:
        return events
    ordered = sorted(enumerate([*events, *steps]), key=lambda pair: (pair[1].date, pair[0]))
    return tuple(event for _, event in ordered)


def offered(project: Project) -> tuple[Event, ...]:
    """The program's events, a meeting of a profile's series that offers the one workshop (or
    orientation) at each of several dates with a note after its agenda: come to one of them."""
    program = project.organization.program
    names = set(program.holding().values()) if program else set()
    counts = Counter(e.series or "" for e in project.events if e.kind == "meeting" and e.series in names)
    sentence = project.labels["timeline_choose_one"]
    return tuple(
        replace(e, note=_catch_up_note(e.note, sentence)) if e.kind == "meeting" and counts[e.series or ""] > 1 else e
        for e in project.events
    )


def reader_days(project: Project) -> tuple[Event, ...]:
    """Each day of each step with a `timeline:`, as an all-day entry (a window up to the day of
    the step it names `until`), or at the workshop's time for a cohort's workshops."""
    dates = kit_dates(project)
    if dates is None:
        return ()
    days = step_days(project, dates)
    catch_up = project.labels["kit_catch_up"]  # the run-sheet's last workshop of a cohort, as it names it
    events = []
    for task in project.curriculum.run_sheet:
        shown = task.timeline
        if shown is None or held_meetings(project, task):  # a profile's series is on the timeline as itself
            continue
        until = days.get(shown.until or "") or []
        dated = sorted(days.get(task.id, []), key=lambda d: d[0])
        for n, (day, *_) in enumerate(dated):
            end = until[0][0] if until and until[0][0] > day else None
            time, minutes = _timed(task, project)
            last = bool(task.cohort) and n == len(dated) - 1  # the catch-up: its row says so, the others do not
            events.append(
                Event(
                    date=day,
                    kind="milestone",
                    title=_catch_up(shown.title, catch_up) if last else shown.title,
                    uid=f"step-{task.id}-{n + 1}",
                    note=_catch_up_note(shown.note, project.labels["timeline_catch_up"]) if last else shown.note,
                    time=time,
                    minutes=minutes,
                    until=end if time is None else None,
                    audience=shown.audience,
                )
            )
    return tuple(events)


def _catch_up(title: str, word: str) -> str:
    """ "Mentor training workshop (catch-up)": the last of a cohort's workshops, as the run-sheet
    names it; a title in another language than the page keeps its language mark."""
    return type(title)(f"{title} ({word})")


def _catch_up_note(note: str | None, sentence: str) -> str:
    """The catch-up's note: the step's own (its place, how to reply), then what a catch-up is for."""
    return type(note)(f"{note} {sentence}") if note else sentence


def _timed(task: Task, project: Project) -> tuple[str | None, int | None]:
    """A cohort's workshop at its time and length (the training's, the orientation's); else all day."""
    program = project.organization.program
    if program is None or task.cohort is None:
        return None, None
    if task.cohort == "mentors":
        return program.training_time, TRAINING_MINUTES["mentor"]
    return program.orientation_time, TRAINING_MINUTES["mentee"]
