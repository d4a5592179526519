"""The shared field types: what counts as empty, how long one line may be, what a word is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from generator.commands.schema import SCHEMAS, schema_of
from generator.models.base import MarkdownText, Model, Text
from generator.models.program import Terminology


class _Sample(Model):
    text: Text
    markdown: MarkdownText


def _error(model: type[Model], **values: str) -> str:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(values)
    return json.dumps([(e["loc"], e.get("ctx", {})) for e in raised.value.errors()], ensure_ascii=False)


@pytest.mark.parametrize("value", ["\u200b", "\u200b\u200d \u2060", "\ufeff", " \u00ad ", "\u3164", "\u2800\t"])
def test_invisible_characters_are_empty(value: str) -> None:
    assert _error(_Sample, text=value, markdown="ok").count("is empty") == 1
    assert _error(_Sample, text="ok", markdown=value).count("is empty") == 1


def test_visible_text_with_a_joiner_is_kept() -> None:
    sample = _Sample.model_validate({"text": "  Zo\u200dë  ", "markdown": "**Hi**"})
    assert sample.text == "Zo\u200dë"


@pytest.mark.parametrize("value", ["one\ntwo", "one\u2028two", "one\rtwo", "one\x85two"])
def test_one_line_means_one_line(value: str) -> None:
    assert "should be one line" in _error(_Sample, text=value, markdown="ok")


def test_a_long_line_is_refused_with_its_length_and_the_limit() -> None:
    found = _error(_Sample, text="x" * 10_000, markdown="ok")
    assert "10,000 characters" in found and "120" in found
    assert _Sample.model_validate({"text": "x" * 120, "markdown": "y" * 10_000}).text == "x" * 120


def _strings(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        found = [(path, node)] if node.get("type") == "string" else []
        return found + [item for key, value in node.items() for item in _strings(value, f"{path}.{key}")]
    if isinstance(node, list):
        return [item for i, value in enumerate(node) for item in _strings(value, f"{path}[{i}]")]
    return []


BOUNDED = ("maxLength", "pattern", "format", "enum", "const", "contentMediaType")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_one_line_field_has_a_length_limit(name: str) -> None:
    """Every string is bounded (a length, a pattern, a date, a choice) or is Markdown."""
    unbounded = [path for path, node in _strings(schema_of(name), name) if not any(k in node for k in BOUNDED)]
    assert unbounded == []


@pytest.mark.parametrize(
    "word",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "**buddy**",
        "_buddy_",
        "`buddy`",
        "[buddy](https://example.org)",
        "{buddy}",
        "buddy &amp; pal",
        "buddy\u2028pal",
        "buddy\\",
    ],
)
def test_a_terminology_word_is_a_plain_word(word: str) -> None:
    found = _error(Terminology, session=word)
    assert "write a plain word" in found or "should be one line" in found


@pytest.mark.parametrize("word", ["meeting", "peer coach", "co-mentor", "Mentor’s mate", "aprendiz", "preceptee"])
def test_plain_words_are_accepted(word: str) -> None:
    assert Terminology.model_validate({"session": word}).session == word


def test_a_5_mb_note_is_refused_in_seconds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 23, finding 10: a 5 MB Markdown field took 60 s to validate; its length is now
    checked before the text is read."""
    import time

    from generator.cli import main

    profile = project / "organizations" / "org.yaml"
    note = "Meet [often](#here) and *well*. " * 160_000  # 5 MB
    profile.write_text(profile.read_text().replace("welcome: Hello.", f"welcome: {note}"))
    started = time.perf_counter()
    assert main(["validate", "--org", str(profile)]) == 1
    assert time.perf_counter() - started < 10
    assert "the most for this field is 4,000" in capsys.readouterr().err


def test_an_orientation_that_overlaps_the_training_is_refused() -> None:
    """The run-sheet may hold a workshop and an orientation on one day: the defaults do not
    overlap (09:30 for 150 minutes, then 14:00), and a profile whose two do is refused."""
    from generator.models.program import Program

    base: dict[str, Any] = {"name": "P", "start": "2027-01-11", "weeks": 36, "cadence": "every two weeks"}
    assert Program.model_validate(base).orientation_time == "14:00"
    with pytest.raises(ValidationError, match="overlaps the training"):
        Program.model_validate({**base, "orientation_time": "11:00"})
    assert Program.model_validate({**base, "orientation_time": "12:00"}).training_time == "09:30"
