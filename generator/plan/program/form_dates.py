"""The day each feedback form is due: the run-sheet's day for closing its survey, so that the
feedback page, the form's PDF and the Start here page (`{step.start-survey-close.date}`) give
the one date the program team's messages give (kit_days.py dates the run-sheet)."""

from __future__ import annotations

import datetime as dt

from generator.models.project import Project
from generator.plan.program.kit_days import first_days

CLOSES = {"start": "start-survey-close", "middle": "midpoint-survey-close", "end": "end-survey-close"}


def due_days(project: Project) -> dict[str, dt.date]:
    """The last day to answer, by occasion (`start`, `middle`, `end`), as far as the run-sheet
    dates a step that closes it; an occasion without one (`leaving`) has none."""
    days = first_days(project)
    return {at: days[step] for at, step in CLOSES.items() if step in days}
