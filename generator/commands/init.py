"""`mentorbook init [DIR]`: a new handbook project, as `mkdocs new` or `quarto create` start one.

A project holds only what an organization changes: its profile, its template overrides and a
README. The curriculum, guides and theme come from the installed Mentorbook, so an upgrade
brings the new curriculum, unless the project took a copy to edit (`--copy-curriculum`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.commands.scaffold import new_organization, slugify
from generator.commands.schema import write_schemas
from generator.errors import UsageError, display_path
from generator.jinja import environment
from generator.read.layout import CONTENT, CURRICULUM, ORGANIZATIONS, SHIPPED

DEFAULT_NAME = "My organization"
IGNORED = "site/\nsites/\n"  # what builds write: output, not source


@dataclass(frozen=True)
class Started:
    folder: Path
    profile: str  # as the user would type it from here


def init_project(folder: Path, name: str | None = None, copy_curriculum: bool = False) -> Started:
    name = DEFAULT_NAME if name is None else name
    _refuse_existing(folder)
    if not slugify(name):
        raise UsageError(
            f'"{name}" gives no usable file name', 'give a name with letters or digits, e.g. "Acme Health"'
        )
    try:
        (folder / ORGANIZATIONS).mkdir(parents=True, exist_ok=True)
        (folder / "overrides").mkdir(exist_ok=True)
        profile = new_organization(folder, name)
        write_schemas(folder / "schemas")
        if copy_curriculum:
            shutil.copy(SHIPPED / CURRICULUM, folder / CURRICULUM)
            shutil.copytree(SHIPPED / CONTENT, folder / CONTENT, dirs_exist_ok=True)
        _write_new(folder / ".gitignore", IGNORED)
        readme = environment("text").get_template("project-readme.md.j2")
        _write_new(
            folder / "README.md",
            readme.render(profile=f"{ORGANIZATIONS}/{slugify(name)}.yaml", own=copy_curriculum, version=__version__),
        )
    except OSError as error:
        raise UsageError(
            f"cannot write into {display_path(folder)} ({error.strerror})", "choose another folder"
        ) from None
    return Started(folder, profile)


def _refuse_existing(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{display_path(folder)} is a file, not a folder", "choose a new folder's name")
    if (folder / ORGANIZATIONS).exists() or (folder / CURRICULUM).exists():
        raise UsageError(
            f"{display_path(folder)} is already a handbook project and was left as it is",
            'add an organization with `mentorbook new-org "Name"`, or choose a new folder',
        )


def _write_new(path: Path, text: str) -> None:
    """A README or .gitignore already there (a folder under git) is the user's: kept."""
    if not path.exists():
        path.write_text(text, encoding="utf-8")
