"""A model's prose: every text field but identifiers, walked (`map_prose`: reading rewords it,
planning fills in the program's facts), and text marked as written in another language than
the page around it (`foreign`: pages say which parts are, WCAG 3.1.2)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.models.base import Markdown

M = TypeVar("M", bound=BaseModel)
KEEP = {
    "id",
    "kind",
    "name",
    "worksheets",
    "guides",
    "standard",
    "editions",
    "anchor",
    "cohort",
    "per",
    "record",
    "prepares",
    "status",
    "audience",
    "until",
}  # identifiers, not prose


def map_prose(model: M, change: Callable[[str], str]) -> M:
    update = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if not (name in KEEP and _identifiers(value)):
            update[name] = _map_value(value, change)
    return model.model_copy(update=update)


def _identifiers(value: Any) -> bool:
    """`worksheets: [goal-plan]` in a session is references; in the curriculum, definitions."""
    return isinstance(value, str) or (isinstance(value, tuple) and all(isinstance(v, str) for v in value))


def _map_value(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_map_value(item, change) for item in value)
    if isinstance(value, BaseModel):
        return map_prose(value, change)
    return value


class ForeignText(str):
    """Plain text in another language than the page around it (`lang` says which)."""

    __slots__ = ()
    lang = ""


class ForeignMarkdown(Markdown):
    """Markdown in another language than the page around it."""

    __slots__ = ()
    lang = ""


@functools.cache
def _foreign_type(base: type, language: str) -> type:
    return type(f"{base.__name__}_{language}", (base,), {"__slots__": (), "lang": language})


def foreign(text: str, language: str) -> str:
    base = ForeignMarkdown if isinstance(text, Markdown) else ForeignText
    kind: type[str] = _foreign_type(base, language)
    return kind(text)
