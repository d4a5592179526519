"""Worksheets as data: one definition gives the web page, the fillable PDF and the print PDF."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from generator.models.base import Choice, FieldName, Id, MarkdownText, Model, Sentence, Short, Text, spelled
from generator.models.kit import PAIR, Edition


class _Input(Model):
    name: FieldName = Field(description="A short name for the answer, unique in the worksheet, e.g. `first_goal`.")
    label: Text = Field(description="What the reader sees above the space to write in.")
    help: Sentence | None = Field(None, description="An optional hint under the label.")


class TextInput(_Input):
    """One short line of writing."""

    kind: Choice[Literal["text"]]


class LinesInput(_Input):
    """Several writing lines (a multi-line box on screen)."""

    kind: Choice[Literal["lines"]]
    lines: int = Field(4, ge=1, le=20, description="How many writing lines to print (1 to 20).")


class ChecklistInput(_Input):
    kind: Choice[Literal["checklist"]]
    items: tuple[Text, ...] = Field(min_length=1, max_length=12, description="The boxes to tick, one per line.")


class RatingInput(_Input):
    kind: Choice[Literal["rating"]]
    scale: tuple[Short, ...] = Field(
        min_length=2, max_length=10, description="The labelled points, lowest first, e.g. [Not at all, Partly, Fully]."
    )


class DateInput(_Input):
    kind: Choice[Literal["date"]]


class SignatureInput(_Input):
    kind: Choice[Literal["signature"]]


class TableInput(_Input):
    kind: Choice[Literal["table"]]
    columns: tuple[Short, ...] = Field(min_length=1, max_length=6, description="Column headings (1 to 6).")
    rows: int = Field(4, ge=1, le=20, description="How many empty rows to print (1 to 20).")


class Note(Model):
    """Guidance text between fields; nothing to fill in."""

    kind: Choice[Literal["note"]]
    text: MarkdownText


FIELD_KINDS = ("text", "lines", "checklist", "rating", "date", "signature", "table", "note")


def _kind(value: Any) -> str | None:
    """The field's kind as the union's tag, in any case (`kind: Text`), like every choice; an
    unknown kind is passed on as written, so that the error names it."""
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    if not isinstance(kind, str):
        return None
    return spelled(kind, FIELD_KINDS) or kind


WorksheetField = Annotated[
    Annotated[TextInput, Tag("text")]
    | Annotated[LinesInput, Tag("lines")]
    | Annotated[ChecklistInput, Tag("checklist")]
    | Annotated[RatingInput, Tag("rating")]
    | Annotated[DateInput, Tag("date")]
    | Annotated[SignatureInput, Tag("signature")]
    | Annotated[TableInput, Tag("table")]
    | Annotated[Note, Tag("note")],
    Discriminator(_kind),
]


class Section(Model):
    title: Text
    intro: MarkdownText | None = Field(None, description="Optional guidance printed above the fields.")
    fields: tuple[WorksheetField, ...] = Field(min_length=1)


class Worksheet(Model):
    id: Id = Field(description="Used in links and file names, e.g. `goal-plan`.")
    title: Text
    purpose: MarkdownText = Field(description="Why fill this in, in one or two sentences.")
    instructions: MarkdownText = Field(description="How and when to fill it in, and who keeps it.")
    sections: tuple[Section, ...] = Field(min_length=1)
    standard: Id | None = Field(None, description="The MENTOR standard it serves, e.g. `screening`.")
    editions: tuple[Edition, ...] = Field(PAIR, description="Whose edition it is in: manager, mentor, mentee.")

    def inputs(self) -> tuple[_Input, ...]:
        """Every field a reader fills in, in reading order."""
        return tuple(f for s in self.sections for f in s.fields if isinstance(f, _Input))
