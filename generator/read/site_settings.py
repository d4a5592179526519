"""`site-settings.yaml`: a project's changes to the shipped mkdocs.yml, read and checked at
the edge (models/site_settings.py) before anything is written. Applied by site/mkdocs.py."""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import InputError
from generator.models.site_settings import NAME, SiteSettings, entry_name
from generator.models.source import Loc
from generator.read.validate import parse
from generator.read.yaml_file import load_yaml

SETTINGS = "site-settings.yaml"


def load_site_settings(root: Path) -> SiteSettings | None:
    """The project's settings, or None when it has no such file."""
    path = root / SETTINGS
    if not path.exists() and not path.is_symlink():
        return None
    source = load_yaml(path)
    settings = parse(source, SiteSettings)
    problems = [
        source.problem(loc, f'"{name}" is not a name MkDocs knows', fix)
        for loc, name, fix in _names(settings)
        if not re.fullmatch(NAME, name)
    ]
    if problems:
        raise InputError(problems)
    return settings


def _names(settings: SiteSettings) -> list[tuple[Loc, str, str]]:
    found: list[tuple[Loc, str, str]] = []
    for i, feature in enumerate(settings.theme.features):
        found.append((("theme", "features", i), feature, "write a Material feature, e.g. navigation.instant"))
    for key in ("plugins", "markdown_extensions"):
        for i, entry in enumerate(getattr(settings, key)):
            found.append(((key, i), entry_name(entry), f"write the {key[:-1].replace('_', ' ')}'s name, e.g. tags"))
    return found
