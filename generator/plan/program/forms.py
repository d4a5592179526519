"""The forms people fill in, planned from the instruments (pure).

An instrument answered by two roles, or on two occasions, is several forms: the mid-point
check-in is one for mentors and one for mentees, the self-assessment one per role before and
one at the end. Each form has its own id (`pulse-mentor`, `self-assessment-mentee-start`),
which its PDF's fields, its XLSForm and every response carry; the items keep the instrument's
ids, so answers from the forms of one instrument line up side by side in the report, and a
person's start and end self-assessments pair up item by item.

A form asks a role only its items (`roles`), on its occasions (`occasions`), and about the
skills of the modules the handbook has: an item about a module left out would measure
nothing the program taught. A `looking_back` occasion asks each skill twice: today, and as
it was at the start (`then_<id>`, the retrospective "then" rating).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.models.instrument import THEN_PREFIX, Instrument, Instruments, Item, Occasion, Role
from generator.models.project import Project

ID_ITEM = "participant_id"  # a named form's program ID (the tracker's), never a name
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"  # no spaces: a name is refused
MIN_GROUP = 5  # the smallest group a report breaks down, and the feedback page promises


@dataclass(frozen=True)
class FormItem:
    id: str
    kind: str  # rating, yes_no, choice, short_text, long_text
    label: str
    help: str | None
    answers: tuple[str, ...]  # a rating's points (lowest first) and its "does not apply"; choices; Yes, No
    section: str  # "skills", "areas" (the organization's own), "then" (looking back), else "items"
    construct: str | None = None  # a skill's construct id ("areas" for an organization's area)
    topic: str | None = None  # the construct's title
    module: str | None = None  # the title of the module that teaches it
    not_applicable: str | None = None  # the last of `answers`, counted apart from the scale

    @property
    def points(self) -> tuple[str, ...]:
        """A rating's scale, without "does not apply": the answers a score is made of."""
        return self.answers[:-1] if self.not_applicable else self.answers

    def score(self, answer: str) -> int | None:
        """A rating's point, 1 for the lowest; None for "does not apply" or another kind."""
        return self.points.index(answer) + 1 if self.kind == "rating" and answer in self.points else None


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

    @property
    def instructions(self) -> str:
        """The occasion's instructions, then the instrument's."""
        own = self.occasion.instructions
        return f"{own}\n\n{self.instrument.instructions}" if own else self.instrument.instructions


STAMP_PREFIX = "mentorbook-form:"


def plan_forms(
    instruments: Instruments,
    areas: tuple[str, ...] | None,
    labels: Mapping[str, str],
    modules: Mapping[str, str],
) -> tuple[Form, ...]:
    """Every form of every instrument, in the file's order: roles, then occasions. `areas`:
    the organization's own development areas, if any; `modules`: the handbook's modules'
    titles by id."""
    return tuple(
        _form(instruments, instrument, role, occasion, _Asked(areas or (), labels, modules))
        for instrument in instruments.instruments
        for role in instrument.answered_by
        for occasion in instrument.occasions
    )


@dataclass(frozen=True)
class _Asked:
    areas: tuple[str, ...]
    labels: Mapping[str, str]
    modules: Mapping[str, str]


def _form(instruments: Instruments, instrument: Instrument, role: Role, occasion: Occasion, asked: _Asked) -> Form:
    parts = [instrument.id]
    title = instrument.title
    if len(instrument.answered_by) > 1:
        parts.append(role.value)
        title += f" ({asked.labels[f'role_{role.value}']})"
    if len(instrument.occasions) > 1:
        parts.append(occasion.id)
        title += f": {occasion.title}"
    now = _skill_items(instruments, instrument, role, asked) + _area_items(instruments, instrument, role, asked)
    then = tuple(_then(i) for i in now) if occasion.looking_back else ()
    items = tuple(
        _item(instruments, i, asked.labels)
        for i in instrument.items
        if (not i.roles or role in i.roles) and (not i.occasions or occasion.id in i.occasions)
    )
    return Form("-".join(parts), instrument, role, occasion, title, now + then + items)


def _skill_items(instruments: Instruments, instrument: Instrument, role: Role, asked: _Asked) -> tuple[FormItem, ...]:
    if not instrument.skills:
        return ()
    points = instruments.scale(instrument.skills.scale)
    return tuple(
        FormItem(
            item.id,
            "rating",
            item.label,
            None,
            points,
            "skills",
            construct.id,
            construct.title,
            asked.modules[construct.module],
        )
        for construct in instruments.constructs
        if construct.module in asked.modules
        for item in construct.items
        if role in item.roles
    )


def _area_items(instruments: Instruments, instrument: Instrument, role: Role, asked: _Asked) -> tuple[FormItem, ...]:
    """The organization's own development areas: its mentees rate each (one item an area)."""
    if not instrument.areas or role is not Role.MENTEE:
        return ()
    points = instruments.scale(instrument.areas.scale)
    return tuple(
        FormItem(area_id(area, n), "rating", area, None, points, "areas", "areas", asked.labels["development_areas"])
        for n, area in enumerate(asked.areas, 1)
    )


def _then(item: FormItem) -> FormItem:
    return FormItem(
        THEN_PREFIX + item.id, "rating", item.label, None, item.answers, "then", item.construct, item.topic, item.module
    )


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
    extra = (item.not_applicable,) if item.not_applicable else ()
    return FormItem(
        item.id, item.kind, item.label, item.help, answers + extra, "items", not_applicable=item.not_applicable
    )


def occasion_week(occasion: Occasion, weeks: int | None) -> int | None:
    """The program week a form is due: the one place that turns an occasion into a week
    (a program moment, once the schedule names them, would be looked up here). None without
    a program length, unless the occasion names its week, and for `leaving` (any week)."""
    if isinstance(occasion.at, int):
        return occasion.at
    if weeks is None or occasion.at == "leaving":
        return None
    return {"start": 1, "middle": max(1, (weeks + 1) // 2), "end": weeks}[occasion.at]


def project_forms(project: Project) -> tuple[Form, ...]:
    modules = {m.id: m.title for m in project.curriculum.modules}
    return plan_forms(project.instruments, project.organization.development_areas, project.labels, modules)


def program_weeks(project: Project) -> int | None:
    program = project.organization.program
    return program.weeks if program else None
