"""A guide's dated lists in date order, once the facts are in: "Your dates" on a Start here page
lists the training, the match, the self-assessment, the kickoff and the first meeting, and which
comes first depends on the program's own schedule (Lakeshore's match comes after its start
self-assessment, its kickoff at 10:00 before the mentees' orientation at 11:00)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from generator.models.project import Project
from generator.plan.program.timeline_text import timeline_date

_TIME = re.compile(r"\b([01]\d|2[0-3]):[0-5]\d\b")
_MARGIN = dt.timedelta(days=180)  # the steps a guide dates (invitations, surveys) around the schedule's events


def day_names(project: Project) -> dict[str, dt.date]:
    """Each day near the program's events as the facts write it ("Wed, Jan 27, 2027"), to read back."""
    days = [e.date for e in project.events]
    if not days:
        return {}
    language, first, last = project.curriculum.language, min(days) - _MARGIN, max(days) + _MARGIN
    span = (last - first).days + 1
    return {timeline_date(first + dt.timedelta(days=n), language): first + dt.timedelta(days=n) for n in range(span)}


def in_date_order(text: str, days: Mapping[str, dt.date]) -> str:
    """Each bullet list whose items all give a day, sorted by the first day each gives and then
    by its first time of day ("10:00" before "11:00"); a list with an undated item stays as written."""
    if not days:
        return text
    said = re.compile("|".join(re.escape(name) for name in sorted(days, key=len, reverse=True)))
    lines, out, run = text.split("\n"), [], []
    for line in [*lines, None]:
        if line is not None and line.startswith("- "):
            run.append(line)
            continue
        out += _sorted(run, said, days)
        run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)


def _sorted(items: list[str], said: re.Pattern[str], days: Mapping[str, dt.date]) -> list[str]:
    keys = []
    for item in items:
        day = said.search(item)
        if day is None:
            return items
        time = _TIME.search(item)
        keys.append((days[day.group(0)], time.group(0) if time else ""))
    if len(items) < 2:
        return items
    order = sorted(range(len(items)), key=lambda n: keys[n])
    return [items[n] for n in order]
