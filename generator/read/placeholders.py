"""Placeholders in shipped text (`{kickoff.minutes}`, models/facts.py) checked at the edge: a
name that is not a fact is a problem at its file, line and column, with the names there are.

Only the curriculum's own text is read for placeholders (the curriculum YAML and its guides in
content/); an organization's text is never a template, so braces in it are left as written.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator
from typing import Any

from generator.errors import Problem
from generator.models.facts import fact_names, placeholders
from generator.models.source import Loc, YamlFile

# {deadline} with `prepares`, {followed} with `follows` (models/kit.py); {milestones_due}: the
# pair milestones planned since the step's previous day; {mentor_hours}, {mentee_hours}: each role's
# time over the program, the role descriptions' totals (plan/program/kit.py)
_EVERY = {
    "date",
    "training_dates",
    "orientation_dates",
    "deadline",
    "followed",
    "milestones_due",
    "mentor_hours",
    "mentee_hours",
}
MESSAGE_ONLY = {
    # placeholders a run-sheet message may use besides the facts, by its task's anchor
    "start": _EVERY,
    "end": _EVERY,
    "midpoint": _EVERY,
    "retention": _EVERY,
    "milestone": _EVERY
    | {"milestone", "milestone_date", "milestone_for", "milestone_note", "milestone_lead", "milestone_reply"}
    | {"milestone_at", "milestone_place"},
    "module": _EVERY | {"module", "module_date", "module_lead", "module_sessions", "module_link"},
    "kickoff": _EVERY,
    "goals": _EVERY,
}


def check_placeholders(source: YamlFile) -> list[Problem]:
    """Read from the file's data, so that these problems are reported with any other."""
    data = source.data if isinstance(source.data, dict) else {}
    concerns = [c["id"] for c in _list(data.get("concerns")) if isinstance(c, dict) and isinstance(c.get("id"), str)]
    steps = [t["id"] for t in _list(data.get("run_sheet")) if isinstance(t, dict) and isinstance(t.get("id"), str)]
    names = set(fact_names(concerns, steps))
    problems = []
    for loc, text in _strings(data, ()):
        anchor = _anchor(data, loc)
        allowed = names | MESSAGE_ONLY.get(anchor, set()) if anchor else names
        for offset, name in placeholders(text):
            if name in allowed:
                continue
            line, column = _where(source, loc, text, offset)
            if anchor and any(name in extra for extra in MESSAGE_ONLY.values()):
                message = f"the message has {{{name}}}, which is not filled in for `anchor: {anchor}`"
                hint = "use one of " + listing(MESSAGE_ONLY.get(anchor, set()) | names)
                problems.append(Problem(source.name, line, column, message, hint))
            else:
                problems.append(unknown_fact(source.name, line, column, name, allowed))
    return problems


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _anchor(data: dict[str, Any], loc: Loc) -> str | None:
    """A run-sheet message's task's anchor (in lower case), or None outside a message."""
    if len(loc) < 3 or loc[0] != "run_sheet" or loc[2] != "message":
        return None
    task = _list(data.get("run_sheet"))[int(loc[1])]
    anchor = task.get("anchor", "") if isinstance(task, dict) else ""
    return str(anchor).strip().casefold() or "start"


def check_text(text: str, shown: str, names: Collection[str]) -> list[Problem]:
    """A guide's placeholders: each unknown name at its line and column in the file."""
    problems = []
    for offset, name in placeholders(text):
        if name not in names:
            before = text[:offset]
            line, column = before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
            problems.append(unknown_fact(shown, line, column, name, names))
    return problems


def listing(names: Collection[str]) -> str:
    """The names as a hint lists them: each step's day once, as {step.<id>.date}."""
    shown = [f"{{{n}}}" for n in sorted(names) if not n.startswith("step.")]
    return ", ".join(shown + ["{step.<id>.date}"] * any(n.startswith("step.") for n in names))


def unknown_fact(shown: str, line: int, column: int, name: str, names: Collection[str]) -> Problem:
    close = difflib.get_close_matches(name, list(names), n=1)
    hint = f"did you mean {{{close[0]}}}? " if close else ""
    listed = listing(names)
    return Problem(
        shown,
        line,
        column,
        f"{{{name}}} is not a fact of the program",
        f"{hint}the facts a text may name are: {listed}",
    )


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        if "{" in value:
            yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _where(source: YamlFile, loc: Loc, text: str, offset: int) -> tuple[int, int]:
    """The placeholder's own line and column: found in the file from its value's first line on
    (a block's lines follow its first); the value's start when it is not found as written."""
    mark = source.mark(loc)
    written = text[offset : text.index("}", offset) + 1]
    nth = text[:offset].count(written)
    for number in range(mark.line - 1, len(source.lines)):
        line = source.lines[number]
        start = mark.column - 1 if number == mark.line - 1 else 0
        at = line.find(written, start)
        while at >= 0:
            if nth == 0:
                return number + 1, at + 1
            nth -= 1
            at = line.find(written, at + 1)
    return mark.line, mark.column
