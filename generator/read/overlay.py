"""The organization as an overlay on the shared curriculum: which modules, in what order, and
in whose words. Pure functions over frozen models; nothing here reads files.

Rewording (`wording.py`: every form of mentor, mentee, mentoring, facilitator, session and
program) reaches every text the handbook speaks with. Ids, links and code are left alone,
and so is the organization's own text: it is already in its words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from generator.models import Curriculum, Markdown, Module, OwnCurriculum
from generator.models.organization import ModuleChoice
from generator.models.prose import foreign, map_prose
from generator.read.wording import unchanged

M = TypeVar("M", bound=BaseModel)


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
