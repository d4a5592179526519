"""Choices among fixed spellings (paper, language, cadence, field kinds) accept the case and
separators people write, and every such field in the models goes through that one check."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args, get_origin

import pytest
from pydantic import BaseModel, ValidationError

from generator.models import Curriculum, Organization
from generator.models.base import Choice, Model, NaturalCase
from generator.models.program import Program
from generator.models.worksheet import Section
from tests.test_models import _error


class _Paper(Model):
    paper: Choice[Literal["A4", "Letter"]]
    cadence: Choice[Literal["weekly", "every two weeks"]] = "weekly"


@pytest.mark.parametrize(
    ("written", "read"),
    [("letter", "Letter"), ("LETTER", "Letter"), (" a4 ", "A4"), ("Letter", "Letter")],
)
def test_any_case(written: str, read: str) -> None:
    assert _Paper.model_validate({"paper": written}).paper == read


@pytest.mark.parametrize("written", ["Every two weeks", "every-two-weeks", "EVERY_TWO_WEEKS", "every  two weeks"])
def test_spaces_hyphens_and_underscores_are_one(written: str) -> None:
    assert _Paper.model_validate({"paper": "A4", "cadence": written}).cadence == "every two weeks"


def test_another_spelling_lists_the_choices() -> None:
    message = _error(_Paper, paper="A5")
    assert "is not one of the choices" in message and "`A4`, `Letter`" in message


def test_the_real_fields_accept_natural_case() -> None:
    program = Program.model_validate({"name": "P", "start": "2027-01-11", "weeks": 4, "cadence": "Monthly"})
    assert program.cadence == "monthly"
    section = Section.model_validate({"title": "T", "fields": [{"kind": "Note", "text": "Hi."}]})
    assert section.fields[0].kind == "note"
    org = {"name": "O", "colors": {"primary": "#1d4e89", "accent": "#b3401a"}, "welcome": "Hi."}
    read = Organization.model_validate({**org, "paper": "letter", "language": "Español"})
    assert (read.paper, read.language) == ("Letter", "es")
    with pytest.raises(ValidationError):
        Organization.model_validate({**org, "paper": "legal"})


def _literal_fields(model: type[BaseModel], seen: set[type]) -> list[tuple[str, Any]]:
    """Every field of `model` and the models inside it whose type is (or holds) a Literal."""
    if model in seen:
        return []
    seen.add(model)
    found = []
    for name, info in model.model_fields.items():
        stack = [info.annotation]
        while stack:
            tp = stack.pop()
            if get_origin(tp) is Annotated and any(isinstance(m, NaturalCase) for m in tp.__metadata__):
                continue  # a Choice inside another type, e.g. tuple[Choice[Literal[...]], ...]
            if get_origin(tp) is Literal:
                found.append((f"{model.__name__}.{name}", info))
            elif isinstance(tp, type) and issubclass(tp, BaseModel):
                found += _literal_fields(tp, seen)
            else:
                stack += [a for a in get_args(tp) if not isinstance(a, (str, int))]
    return found


def test_every_literal_field_accepts_natural_case() -> None:
    fields = _literal_fields(Curriculum, set()) + _literal_fields(Organization, set())
    assert len(fields) >= 11  # 2 languages, paper, cadence, 8 field kinds
    for where, info in fields:
        assert any(isinstance(m, NaturalCase) for m in info.metadata), f"{where} is a Literal without Choice[...]"


def test_the_schema_accepts_what_the_tool_accepts() -> None:
    schema = Organization.model_json_schema()["properties"]["paper"]
    pattern = re.compile(schema["anyOf"][1]["pattern"])
    assert pattern.match("letter") and pattern.match(" A4 ") and not pattern.match("A5")
