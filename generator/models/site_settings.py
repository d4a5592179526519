"""A project's own MkDocs settings (`site-settings.yaml`), merged over the shipped base
mkdocs.yml: a few settings changed without a copy of the whole file. Validated like every
other file (unknown keys refused, at their line and column)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from generator.models.base import Model

NAME = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"  # navigation.instant, toc.integrate, pymdownx.emoji
Name = Annotated[str, StringConstraints(max_length=80)]  # checked against NAME by read/site_settings.py
Entry = Name | dict[Name, dict[str, Any] | None]  # `name`, or `name: {options}`, as mkdocs.yml lists them
MOST = 50  # entries in one list: a few settings, not a whole configuration


class Palette(Model):
    scheme: Literal["default", "slate"] = Field(description="Material's light (default) or dark (slate) scheme.")


class ThemeSettings(Model):
    features: tuple[Name, ...] = Field(
        default=(),
        max_length=MOST,
        description="Material features added to the base's, e.g. navigation.instant, toc.integrate.",
    )
    palette: Palette | None = Field(default=None, description="The colour scheme (the colours are the profile's).")
    icon: dict[Name, Annotated[str, StringConstraints(max_length=200)] | dict[Name, Name]] = Field(
        default_factory=dict, description="Material's icons, e.g. `logo: material/school` or `repo: ...`."
    )


class SiteSettings(Model):
    theme: ThemeSettings = Field(default_factory=ThemeSettings, description="Changes to the base's theme settings.")
    plugins: tuple[Entry, ...] = Field(
        default=(),
        max_length=MOST,
        description="MkDocs plugins added after the base's (search, offline); they must be installed.",
    )
    markdown_extensions: tuple[Entry, ...] = Field(
        default=(), max_length=MOST, description="Markdown extensions added after the base's; they must be installed."
    )
    extra: dict[str, Any] = Field(default_factory=dict, description="Keys added to the base's `extra`.")


def entry_name(entry: Entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")
