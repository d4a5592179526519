"""An organization's profile: how its handbook looks and who to contact."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, Field

from generator.models.base import Colour, MarkdownText, Model, Text, user_error

_EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.fullmatch(value):
        raise user_error(f'"{value}" is not an email address', "write it as name@example.org")
    return value


def _relative_path(value: str) -> str:
    """A path inside the organization's own folder: relative, no `..`, no `~`."""
    value = value.strip().replace("\\", "/")
    path = PurePosixPath(value)
    if not value or value.startswith(("/", "~")) or re.match(r"[A-Za-z]:", value) or ".." in path.parts:
        raise user_error(
            f'"{value}" points outside the organization\'s folder',
            "put the file in the organization's folder and write its name, e.g. `logo.svg`",
        )
    return path.as_posix()


Email = Annotated[str, AfterValidator(_email)]
RelativePath = Annotated[str, AfterValidator(_relative_path)]


class Colours(Model):
    primary: Colour = Field(description='The main brand colour, in quotes, e.g. "#1f5f8b".')
    accent: Colour = Field(description='The colour of links and highlights, in quotes, e.g. "#b4441c".')


class Value(Model):
    name: Text = Field(description="The value's name, e.g. `Candour`.")
    in_mentoring: MarkdownText = Field(description="What this value looks like in a mentoring relationship.")


class Contact(Model):
    role: Text = Field(description="e.g. `Program lead`.")
    name: Text
    email: Email | None = None
    phone: Text | None = None
    note: MarkdownText | None = Field(None, description="When to get in touch, e.g. office hours.")


class Organization(Model):
    name: Text = Field(description="The organization's full name.")
    short_name: Text | None = Field(None, description="A shorter name for headers, e.g. `Harbor & Pine`.")
    logo: RelativePath | None = Field(None, description="A PNG or SVG file in the organization's folder.")
    colors: Colours
    welcome: MarkdownText = Field(description="The welcome on the handbook's home page.")
    values: tuple[Value, ...] = ()
    contacts: tuple[Contact, ...] = ()

    @property
    def display_name(self) -> str:
        return self.short_name or self.name
