"""Shared building blocks of the models: the base class and the small value types.

Every scalar reaches the models as the text the user wrote (read/yaml_file.py); these types turn it
into what the handbook needs and say in plain words what is wrong when they cannot.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

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


# Characters that show nothing: a name made only of them is empty. Format characters (Cf:
# zero-width space and joiners, word joiner, byte order mark, soft hyphen) and the blank
# letters some scripts have (Hangul fillers, the blank Braille pattern).
_INVISIBLE_LETTERS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")


def _blank(value: str) -> bool:
    return all(c.isspace() or c in _INVISIBLE_LETTERS or unicodedata.category(c) == "Cf" for c in value)


def _filled(value: str, hint: str) -> str:
    """The text without surrounding spaces; an error when nothing visible is left."""
    value = value.strip()
    if not value:
        raise user_error("is empty", hint)
    if _blank(value):
        raise user_error("is empty: it holds only invisible characters", hint)
    return value


@dataclass(frozen=True)
class OneLine:
    """A one-line field of at most `limit` characters: a name, title or label. Every such
    text sits on a PDF cover, a header or a table cell, where a long one runs off the page."""

    limit: int

    def __call__(self, value: str) -> str:
        value = _filled(value, "write the text after the colon")
        if len(value.splitlines()) > 1:
            raise user_error("should be one line", "shorten it to one line, or remove the `|` or `>` after the colon")
        if len(value) > self.limit:
            raise user_error(
                f"is {len(value):,} characters long, and the most for this field is {self.limit}",
                f"shorten it to {self.limit} characters or fewer",
            )
        return value


# What a plain word may hold besides letters, marks and digits. The organization's words are
# put into hand-written guides, which may hold HTML: anything else could be markup there.
_WORD_PUNCTUATION = frozenset(" -'’./\u200c\u200d")
_MARKUP = {
    **{c: f"`{c}` is HTML markup" for c in "<>&"},
    **{c: f"`{c}` is Markdown emphasis" for c in "*_~"},
    "`": "a backtick is a Markdown code mark",
    **{c: f"`{c}` is a bracket" for c in "[](){}"},
}
_EXAMPLES = {
    "mentor": "guide",
    "mentee": "learner",
    "mentoring": "coaching",
    "facilitator": "coordinator",
    "program": "scheme",
}


def _plain_word(value: str, info: ValidationInfo) -> str:
    """A word the handbook puts in place of one of its own: letters, spaces, hyphens,
    apostrophes; no markup."""
    for character in value:
        if unicodedata.category(character)[0] not in "LMN" and character not in _WORD_PUNCTUATION:
            why = _MARKUP.get(character, f"`{character}` is not part of a word")
            field = str(info.field_name)
            example = _EXAMPLES.get(field.removesuffix("s"), "meeting") + ("s" if field.endswith("s") else "")
            raise user_error(f'"{value}" is not a plain word ({why})', f"write a plain word, e.g. `{example}`")
    return value


def _markdown(value: str) -> Markdown:
    value = _filled(value, "write the text after the colon, or use `|` and indented lines below")
    nowhere = links_going_nowhere(value)
    if nowhere:
        raise user_error(*going_nowhere(nowhere))
    return Markdown(value)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _identifier(value: str, pattern: re.Pattern[str], limit: int, joiner: str, what: str, example: str) -> str:
    """An id or a field name: a fixed alphabet, a length limit, and a suggestion made from
    the letters and digits of what was written."""
    if not pattern.fullmatch(value) or len(value) > limit:
        suggestion = joiner.join(re.findall(r"[a-z0-9]+", value.lower()))[:limit] or example
        raise user_error(f'"{value}" is not a valid {what}', f"use {_ALPHABETS[what]}, e.g. `{suggestion}`")
    return value


_ALPHABETS = {
    "id": "lowercase letters, digits and hyphens",
    "field name": "lowercase letters, digits and underscores, starting with a letter",
}


def _id(value: str) -> str:
    return _identifier(value, _ID, 60, "-", "id", "first-meeting")


def _field_name(value: str) -> str:
    return _identifier(value, _NAME, 40, "_", "field name", "my_goal")


def _colour(value: str) -> str:
    value = value.strip()
    if not _COLOUR.fullmatch(value):
        raise user_error(f'"{value}" is not a colour', 'write it as six hex digits in quotes, e.g. "#1f5f8b"')
    return value.lower()


Text = Annotated[str, AfterValidator(OneLine(120)), Field(json_schema_extra={"maxLength": 120})]
"""A title or label: modules, sessions, worksheets, sections, fields, steps."""
Name = Annotated[str, AfterValidator(OneLine(80)), Field(json_schema_extra={"maxLength": 80})]
"""A name: of a person, a role, a value, a break, a milestone."""
Short = Annotated[str, AfterValidator(OneLine(40)), Field(json_schema_extra={"maxLength": 40})]
"""A few words: a short name for headers, a column heading, a point on a scale, a phone number."""
Sentence = Annotated[str, AfterValidator(OneLine(200)), Field(json_schema_extra={"maxLength": 200})]
"""One sentence: a hint under a label, a note on a milestone."""
Word = Annotated[Short, AfterValidator(_plain_word)]
"""A plain word or two, no markup: the organization's word for mentor, session and so on."""
MarkdownText = Annotated[str, AfterValidator(_markdown), Field(json_schema_extra={"contentMediaType": "text/markdown"})]


@dataclass(frozen=True)
class Within:
    """A Markdown field of an organization's profile: at most `limit` characters, checked
    before anything reads the text (a 5 MB note once took a minute to validate). A longer
    text is a page of its own (`pages:`)."""

    limit: int

    def __call__(self, value: str) -> str:
        if len(value) > self.limit:
            raise user_error(
                f"is {len(value):,} characters long, and the most for this field is {self.limit:,}",
                f"shorten it to {self.limit:,} characters or fewer, or make it a page of its own (`pages:`)",
            )
        return value


_MD = "text/markdown"
Welcome = Annotated[
    str,
    AfterValidator(Within(4_000)),
    AfterValidator(_markdown),
    Field(json_schema_extra={"contentMediaType": _MD, "maxLength": 4_000}),
]
"""The home page's welcome in a profile: a few paragraphs."""
Note = Annotated[
    str,
    AfterValidator(Within(1_000)),
    AfterValidator(_markdown),
    Field(json_schema_extra={"contentMediaType": _MD, "maxLength": 1_000}),
]
"""A paragraph of a profile: what a value looks like in mentoring, a contact's note, a way of working."""
Id = Annotated[str, AfterValidator(_id), Field(json_schema_extra={"pattern": _ID.pattern})]
FieldName = Annotated[str, AfterValidator(_field_name), Field(json_schema_extra={"pattern": _NAME.pattern})]
Colour = Annotated[str, AfterValidator(_colour), Field(json_schema_extra={"pattern": "^" + _COLOUR.pattern + "$"})]
Minutes = Annotated[int, Field(ge=1, le=480)]


def _spelling(value: str) -> str:
    """What two spellings of one choice share: `Every two weeks`, `every-two-weeks` and
    `EVERY TWO WEEKS` are one."""
    return re.sub(r"[\s_-]+", " ", value.strip()).casefold()


def spelled(value: str, choices: tuple[str, ...]) -> str | None:
    """The choice `value` is a natural spelling of, if any (see NaturalCase)."""
    key = _spelling(value)
    return next((c for c in choices if _spelling(c) == key), None)


def _any_case_pattern(choices: tuple[str, ...]) -> str:
    """A JSON Schema pattern that accepts what `NaturalCase` accepts, for editors: JSON Schema
    has no case-insensitive enum, so each letter becomes a class of its two cases."""

    def letters(choice: str) -> str:
        out = ""
        for c in choice:
            if c.isspace() or c in "-_":
                out += "[\\s_-]+"
            elif c.lower() != c.upper():
                out += f"[{c.lower()}{c.upper()}]"
            else:
                out += re.escape(c)
        return out

    return "^\\s*(" + "|".join(letters(c) for c in choices) + ")\\s*$"


@dataclass(frozen=True)
class NaturalCase:
    """A choice among fixed spellings, accepted as people write them: in any case, with
    spaces, hyphens or underscores alike (`paper: letter`, `cadence: Weekly`), plus `aliases`
    (another name for a choice). What is none of them gets a message listing the choices.
    Every `Literal` field of the models goes through this one check (`Choice[...]`)."""

    aliases: tuple[tuple[str, str], ...] = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        choices = tuple(str(c) for c in get_args(source))
        known = {_spelling(c): c for c in choices} | {_spelling(a): c for a, c in self.aliases}

        def natural(value: Any) -> Any:
            if not isinstance(value, str) or value in choices:
                return value  # pydantic says what else it is
            found = known.get(_spelling(value))
            if found is None:
                shown = ", ".join(f"`{c}`" for c in choices)
                close = difflib.get_close_matches(_spelling(value), list(known), n=1, cutoff=0.6)
                guess = f"did you mean `{known[close[0]]}`? " if close else ""
                raise user_error(
                    f'"{value.strip()}" is not one of the choices',
                    f"{guess}write one of: {shown} (capitals do not matter)",
                )
            return found

        return core_schema.no_info_before_validator_function(natural, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        exact = handler(schema)
        choices = tuple(str(c) for c in exact.get("enum", (exact.get("const"),)))
        spellings = (*choices, *(a for a, _ in self.aliases))
        return {"anyOf": [exact, {"type": "string", "pattern": _any_case_pattern(spellings)}]}


T = TypeVar("T")
Choice = Annotated[T, NaturalCase()]
"""`Choice[Literal["A4", "Letter"]]`: one of these spellings, in any case (see NaturalCase)."""

LANGUAGES = (("English", "en"), ("Spanish", "es"), ("Español", "es"))
Language = Annotated[Literal["en", "es"], NaturalCase(aliases=LANGUAGES)]
"""A language Mentorbook has its own headings and labels in: its code, or its name (`English`)."""
