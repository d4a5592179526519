"""A worksheet's fields as the print templates and the site's worksheet page show them.

Each field's view names the partial template that shows it, chosen here from the field's
kind, so that no template branches on kinds. Field names are `<worksheet-id>:<field>`
(`:<n>` for a tick box, `:r<row>c<col>` for a table cell): unique in a packet too. Not a dot:
in a PDF a dot separates a field from its parent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from generator.markup import markdown_html
from generator.models.worksheet import (
    ChecklistInput,
    LinesInput,
    Note,
    RatingInput,
    TableInput,
    Worksheet,
    WorksheetField,
)

LINE_MM = 8.5  # one handwriting line, as in print.css
TYPED_MM = 6  # one typed line in a fillable box, with room: typing is smaller than handwriting
SITE_PARTIALS = {"note": "note", "lines": "lines", "checklist": "checklist", "rating": "rating", "table": "table"}
WRITE = "text"  # the partial of every other kind: one line to write on


class SiteField(NamedTuple):
    """A field on the site's worksheet page: the model as it is, and the partial that shows it."""

    template: str
    field: WorksheetField


class SiteSection(NamedTuple):
    title: str
    intro: str | None
    fields: tuple[SiteField, ...]


def site_sections(worksheet: Worksheet) -> tuple[SiteSection, ...]:
    """The worksheet page's sections, the model's values as they are (the page escapes them)."""
    return tuple(SiteSection(s.title, s.intro, tuple(_site_field(f) for f in s.fields)) for s in worksheet.sections)


def _site_field(field: WorksheetField) -> SiteField:
    return SiteField(f"fields/{SITE_PARTIALS.get(field.kind, WRITE)}.md.j2", field)


@dataclass(frozen=True)
class NoteView:
    template: str
    text: Markup


@dataclass(frozen=True)
class InputView:
    """A space to write in; `name` is also its id, and the `kind` a class to style it by."""

    template: str
    kind: str
    id: str
    name: str
    label: str
    help: str | None


@dataclass(frozen=True)
class LinesView(InputView):
    height: str  # a CSS length: the fillable box's, so many typed lines
    rules: int  # on paper: one rule for each line, each its own box (print.css)


@dataclass(frozen=True)
class GroupView(InputView):
    """Several boxes under one label (a group, not one input: no `<label for>`), and a hint."""

    hint: str | None


@dataclass(frozen=True)
class Choice:
    type: str  # checkbox or radio
    name: str
    value: str | None
    title: str
    text: str


@dataclass(frozen=True)
class ChoicesView(GroupView):
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Cell:
    name: str
    title: str


@dataclass(frozen=True)
class TableView(GroupView):
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


FieldView = NoteView | InputView


def field_view(worksheet_id: str, field: WorksheetField, labels: Mapping[str, str]) -> FieldView:
    """What the print templates show of one field, and which of their partials shows it."""
    if isinstance(field, Note):
        return NoteView(_partial("note"), markdown_html(field.text))
    name = f"{worksheet_id}:{field.name}"
    base = (field.kind, name, name, field.label, field.help)
    if isinstance(field, LinesInput):
        return LinesView(_partial("lines"), *base, height=f"{field.lines * TYPED_MM}mm", rules=field.lines)
    if isinstance(field, ChecklistInput):
        ticks = tuple(
            Choice("checkbox", f"{name}:{n}", None, f"{field.label}: {item}", item)
            for n, item in enumerate(field.items, start=1)
        )
        return ChoicesView(_partial("choices"), *base, hint=labels["tick_all"], choices=ticks)
    if isinstance(field, RatingInput):
        points = tuple(Choice("radio", name, point, field.label, point) for point in field.scale)
        return ChoicesView(_partial("choices"), *base, hint=labels["choose_one"], choices=points)
    if isinstance(field, TableInput):
        return TableView(_partial("table"), *base, hint=None, columns=field.columns, rows=_cells(name, field, labels))
    return InputView(_partial(WRITE), *base)


def _partial(name: str) -> str:
    return f"print/fields/{name}.html.j2"


def _cells(name: str, field: TableInput, labels: Mapping[str, str]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        tuple(
            Cell(f"{name}:r{r}c{c}", f"{field.label}, {labels['row']} {r}: {column}")
            for c, column in enumerate(field.columns, start=1)
        )
        for r in range(1, field.rows + 1)
    )
