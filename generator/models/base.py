"""Shared building blocks of the models: the base class and the small value types.

Every scalar reaches the models as the text the user wrote (see source.py); these types turn it
into what the handbook needs and say in plain words what is wrong when they cannot.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from generator.markup import going_nowhere, links_going_nowhere


class Model(BaseModel):
    """Frozen, and unknown keys are errors: a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=False)


class Markdown(str):
    """Text the author wrote as Markdown; templates render it as Markdown, not as plain text."""

    __slots__ = ()


def user_error(message: str, hint: str = "") -> PydanticCustomError:
    """A validation error whose message and hint reach the user as they are."""
    return PydanticCustomError("mentorbook", "{message}", {"message": message, "hint": hint})


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise user_error("is empty", "write the text after the colon")
    if "\n" in value:
        raise user_error("should be one line", "shorten it to one line, or remove the `|` or `>` after the colon")
    return value


def _markdown(value: str) -> Markdown:
    value = value.strip()
    if not value:
        raise user_error("is empty", "write the text after the colon, or use `|` and indented lines below")
    nowhere = links_going_nowhere(value)
    if nowhere:
        raise user_error(*going_nowhere(nowhere))
    return Markdown(value)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _id(value: str) -> str:
    if not _ID.fullmatch(value) or len(value) > 60:
        suggestion = "-".join(re.findall(r"[a-z0-9]+", value.lower()))[:60] or "first-meeting"
        raise user_error(
            f'"{value}" is not a valid id',
            f"use lowercase letters, digits and hyphens, e.g. `{suggestion}`",
        )
    return value


def _field_name(value: str) -> str:
    if not _NAME.fullmatch(value) or len(value) > 40:
        suggestion = "_".join(re.findall(r"[a-z0-9]+", value.lower()))[:40] or "my_goal"
        raise user_error(
            f'"{value}" is not a valid field name',
            f"use lowercase letters, digits and underscores, starting with a letter, e.g. `{suggestion}`",
        )
    return value


def _colour(value: str) -> str:
    value = value.strip()
    if not _COLOUR.fullmatch(value):
        raise user_error(f'"{value}" is not a colour', 'write it as six hex digits in quotes, e.g. "#1f5f8b"')
    return value.lower()


Text = Annotated[str, AfterValidator(_text)]
MarkdownText = Annotated[str, AfterValidator(_markdown)]
Id = Annotated[str, AfterValidator(_id), Field(json_schema_extra={"pattern": _ID.pattern})]
FieldName = Annotated[str, AfterValidator(_field_name), Field(json_schema_extra={"pattern": _NAME.pattern})]
Colour = Annotated[str, AfterValidator(_colour), Field(json_schema_extra={"pattern": "^" + _COLOUR.pattern + "$"})]
Minutes = Annotated[int, Field(ge=1, le=480)]
