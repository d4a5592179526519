"""A project's own Material overrides, where Material documents them: `overrides/main.html`,
`overrides/partials/…`, `overrides/assets/…` extend the theme (`{% extends "base.html" %}`).

Mentorbook's own template overrides keep their separate place in the same folder,
`overrides/templates/` (jinja.py), and stay out of the theme; so does a `custom_dir` that the
project's mkdocs.yml names inside it. The rest is copied into the build's staging area
(symbolic links left out: nothing from outside the folder reaches the site) and put first
among MkDocs' theme folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.jinja import OVERRIDES

FOLDER = OVERRIDES.parent  # overrides/


def theme_overrides(root: Path, custom_dir: Path | None) -> list[Path]:
    """The files and folders of the project's overrides/ that are meant for the theme."""
    folder = root / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return []
    skipped = {(root / OVERRIDES).resolve(), *([custom_dir.resolve()] if custom_dir else [])}
    return sorted(
        entry
        for entry in folder.iterdir()
        if not entry.name.startswith(".") and not entry.is_symlink() and entry.resolve() not in skipped
    )


def stage_theme_overrides(entries: list[Path], target: Path) -> Path | None:
    """`entries` copied into `target`, which is returned (None when there are none)."""
    if not entries:
        return None
    target.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=_links)
        elif entry.is_file():
            shutil.copyfile(entry, target / entry.name)
    return target


def _links(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if (Path(folder) / name).is_symlink()]
