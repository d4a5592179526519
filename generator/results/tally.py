"""Counting the responses, per instrument and question, with the privacy rule survey tools
use: a group (the mentors' answers, the answers before the program) smaller than the minimum
group size shows its number of responses, never its breakdown or its writing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.cells import csv_bytes
from generator.models.instrument import Instrument
from generator.plan.program.forms import MIN_GROUP, Form, FormItem
from generator.results.check import Response

__all__ = ["MIN_GROUP", "InstrumentTally", "ItemTally", "tally", "tidy_csv"]


@dataclass(frozen=True)
class Group:
    name: str  # the role, the occasion, or both
    responses: int  # of its form
    shown: bool  # at least the minimum group size
    counts: tuple[int, ...]  # per answer, lowest first (all 0 when not shown)
    texts: tuple[str, ...]  # written answers, in alphabetical order (none when not shown)

    @property
    def answered(self) -> int:
        return sum(self.counts) if self.counts else len(self.texts)


@dataclass(frozen=True)
class ItemTally:
    id: str
    label: str
    kind: str
    answers: tuple[str, ...]
    groups: tuple[Group, ...]

    @property
    def shown(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.shown)


@dataclass(frozen=True)
class InstrumentTally:
    id: str
    title: str
    version: int
    groups: tuple[tuple[str, int], ...]  # each group's name and number of responses
    items: tuple[ItemTally, ...]


def tally(
    forms: tuple[Form, ...], responses: list[Response], labels: Mapping[str, str], minimum: int
) -> tuple[InstrumentTally, ...]:
    instruments: dict[str, list[Form]] = {}
    for form in forms:
        instruments.setdefault(form.instrument.id, []).append(form)
    return tuple(_instrument(of, responses, labels, minimum) for of in instruments.values())


def group_name(form: Form, labels: Mapping[str, str]) -> str:
    instrument = form.instrument
    parts = [labels[f"role_{form.role.value}"]] if len(instrument.answered_by) > 1 else []
    parts += [form.occasion.title] if len(instrument.occasions) > 1 else []
    return ", ".join(parts) or labels["all_responses"]


def _instrument(
    forms: list[Form], responses: list[Response], labels: Mapping[str, str], minimum: int
) -> InstrumentTally:
    """Each question of any of the instrument's forms, with a group for each form that asks it
    (a role's own questions have that role's groups only)."""
    instrument: Instrument = forms[0].instrument
    answers_of = {form.id: [r.answers for r in responses if r.form.id == form.id] for form in forms}
    names = [group_name(form, labels) for form in forms]
    asked = {item.id: item for form in forms for item in form.items}
    items = tuple(
        ItemTally(
            item.id,
            f"{labels['looking_back']}: {item.label}" if item.section == "then" else item.label,
            item.kind,
            item.answers,
            tuple(
                _group(name, item, answers_of[form.id], minimum)
                for name, form in zip(names, forms, strict=True)
                if form.item(item.id)
            ),
        )
        for item in asked.values()
    )
    groups = tuple((name, len(answers_of[form.id])) for name, form in zip(names, forms, strict=True))
    return InstrumentTally(instrument.id, instrument.title, instrument.version, groups, items)


def _group(name: str, item: FormItem, answers: list[dict[str, str]], minimum: int) -> Group:
    shown = len(answers) >= minimum
    given = [a[item.id] for a in answers if item.id in a] if shown else []
    if item.answers:
        counts = tuple(given.count(answer) for answer in item.answers)
        return Group(name, len(answers), shown, counts, ())
    return Group(name, len(answers), shown, (), tuple(sorted(given, key=str.casefold)))


TIDY_COLUMNS = (
    "response",
    "participant",
    "form",
    "instrument",
    "version",
    "answered_by",
    "occasion",
    "item",
    "kind",
    "answer",
    "position",
)


def tidy_csv(responses: list[Response]) -> bytes:
    """Every answer, one row each (no names, no file names): for a spreadsheet or R/pandas.
    `participant` is a named form's program ID (empty on an anonymous form); `position` is
    a rating's point, 1 for the lowest, empty for "does not apply". An answer that a spreadsheet
    would run (`=...`, `+...`, `-...`, `@...`) starts with a `'` (cells.py): the answer is the rest."""
    rows: list[tuple[object, ...]] = [TIDY_COLUMNS]
    for number, response in enumerate(responses, start=1):
        form = response.form
        for item in form.items:
            if item.id not in response.answers:
                continue
            answer = response.answers[item.id]
            position = item.score(answer) or ""
            head = (
                number,
                response.participant,
                form.id,
                form.instrument.id,
                form.version,
                form.role.value,
                form.occasion.id,
            )
            rows.append((*head, item.id, item.kind, answer, position))
    return csv_bytes(rows)
