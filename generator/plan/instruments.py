"""The forms people fill in, planned from the instruments (pure).

An instrument answered by two roles, or on two occasions, is several forms: the mid-point
check-in is one for mentors and one for mentees, the self-assessment one before and one at
the end. Each form has its own id (`pulse-mentor`, `self-assessment-start`), which its PDF's
fields, its XLSForm and every response carry; the items stay the instrument's, so answers
from the forms of one instrument line up side by side in the report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.models.instrument import Instrument, Instruments, Item, Occasion, Role

NAME_ITEM = "respondent_name"  # a named form's name field; never shown in a report


@dataclass(frozen=True)
class FormItem:
    id: str
    kind: str  # rating, yes_no, choice, short_text, long_text
    label: str
    help: str | None
    answers: tuple[str, ...]  # a rating's points (lowest first), a choice's choices, Yes and No
    section: str  # "areas" for a development area's rating, else "items"


@dataclass(frozen=True)
class Form:
    id: str
    instrument: Instrument
    role: Role
    occasion: Occasion
    title: str  # the instrument's, with the role and occasion where it has several
    items: tuple[FormItem, ...]

    @property
    def version(self) -> int:
        return self.instrument.version

    @property
    def stamp(self) -> str:
        """What a fillable PDF carries in its keywords, and results checks: `form-id@version`."""
        return f"{STAMP_PREFIX}{self.id}@{self.version}"

    def item(self, item_id: str) -> FormItem | None:
        return next((i for i in self.items if i.id == item_id), None)


STAMP_PREFIX = "mentorbook-form:"


def plan_forms(instruments: Instruments, areas: tuple[str, ...] | None, labels: Mapping[str, str]) -> tuple[Form, ...]:
    """Every form of every instrument, in the file's order: roles, then occasions."""
    chosen = areas or instruments.default_areas
    return tuple(
        _form(instruments, instrument, role, occasion, chosen, labels)
        for instrument in instruments.instruments
        for role in instrument.answered_by
        for occasion in instrument.occasions
    )


def _form(
    instruments: Instruments,
    instrument: Instrument,
    role: Role,
    occasion: Occasion,
    areas: tuple[str, ...],
    labels: Mapping[str, str],
) -> Form:
    parts = [instrument.id]
    title = instrument.title
    if len(instrument.answered_by) > 1:
        parts.append(role.value)
        title += f" ({labels[f'role_{role.value}']})"
    if len(instrument.occasions) > 1:
        parts.append(occasion.id)
        title += f": {occasion.title}"
    items = _area_items(instruments, instrument, areas) + tuple(_item(instruments, i, labels) for i in instrument.items)
    return Form("-".join(parts), instrument, role, occasion, title, items)


def _area_items(instruments: Instruments, instrument: Instrument, areas: tuple[str, ...]) -> tuple[FormItem, ...]:
    if not instrument.areas:
        return ()
    points = instruments.scale(instrument.areas.scale)
    return tuple(FormItem(area_id(area, n), "rating", area, None, points, "areas") for n, area in enumerate(areas, 1))


def area_id(area: str, number: int) -> str:
    """A development area's item id, from its name (stable while the name is), e.g.
    `area_handling_setbacks`; `area_3` for a name without Latin letters or digits."""
    words = re.findall(r"[a-z0-9]+", area.lower())
    slug = "_".join(words)[:30].strip("_")
    return f"area_{slug}" if slug else f"area_{number}"


def _item(instruments: Instruments, item: Item, labels: Mapping[str, str]) -> FormItem:
    if item.kind == "rating" and item.scale:
        answers = instruments.scale(item.scale)
    elif item.kind == "yes_no":
        answers = (labels["answer_yes"], labels["answer_no"])
    else:
        answers = item.choices
    return FormItem(item.id, item.kind, item.label, item.help, answers, "items")


def occasion_week(occasion: Occasion, weeks: int | None) -> int | None:
    """The program week a form is due: the one place that turns an occasion into a week
    (a program moment, once the schedule names them, would be looked up here). None without
    a program length, unless the occasion names its week."""
    if isinstance(occasion.at, int):
        return occasion.at
    if weeks is None:
        return None
    return {"start": 1, "middle": max(1, (weeks + 1) // 2), "end": weeks}[occasion.at]
