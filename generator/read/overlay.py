"""The organization as an overlay on the shared curriculum: which modules, in what order, and
in whose words. Pure functions over frozen models; nothing here reads files.

Rewording (`wording.py`: every form of mentor, mentee, mentoring, facilitator, session and
program) reaches every text the handbook speaks with. Ids, links and code are left alone,
and so is the organization's own text: it is already in its words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.models import Curriculum, Markdown, Module, OwnCurriculum
from generator.models.organization import ModuleChoice
from generator.read.wording import unchanged

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
}  # identifiers, not prose


def select_modules(
    shared: Curriculum, own: OwnCurriculum | None, selection: tuple[ModuleChoice, ...] | None
) -> Curriculum:
    """The curriculum this organization runs: its chosen modules, its own ones included, each
    with its chosen sessions in the chosen order (checked before: read/selection.py), and the
    shared worksheets followed by its own."""
    own_modules = own.modules if own else ()
    available = {m.id: m for m in (*shared.modules, *own_modules)}
    chosen = selection or tuple(ModuleChoice(module=i) for i in available)
    modules = tuple(_sessions(available[c.module], c) for c in chosen)
    worksheets = shared.worksheets + (own.worksheets if own else ())
    return shared.model_copy(update={"modules": modules, "worksheets": worksheets})


def _sessions(module: Module, choice: ModuleChoice) -> Module:
    if choice.session_ids is None:
        return module
    by_id = {s.id: s for s in module.sessions}
    return module.model_copy(update={"sessions": tuple(by_id[i] for i in choice.session_ids)})


def reword_model(model: M, reword: Callable[[str], str]) -> M:
    """The same model with every prose field reworded (ids and references kept)."""
    if reword is unchanged:  # the organization keeps our words: no need to copy every model
        return model
    return map_prose(model, lambda text: type(text)(reword(text)) if isinstance(text, Markdown) else reword(text))


def in_language(model: M, language: str) -> M:
    """The same model with its prose marked as written in `language`: for a handbook in
    another language, so that pages can say which parts are in which (WCAG 3.1.2)."""
    return map_prose(model, lambda text: foreign(text, language))


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
