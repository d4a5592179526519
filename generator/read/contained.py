"""Every file a project reads lies inside the project, or inside Mentorbook, by its real path.

An organization's files are held to their folder (assets.org_file); the project's own
curriculum, guides, base `mkdocs.yml` and `overrides/` are held to the project the same way.
A handbook repository with a committed link (`content/code-of-conduct.md -> /etc/...`) would
otherwise publish a file of whichever machine builds it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.errors import Problem, display_path
from generator.read.layout import BASE_CONFIG, CURRICULUM, is_shipped

OVERRIDES = "overrides"
# The folders a base mkdocs.yml names for MkDocs to read (the theme's own files are published).
_NAMED_FOLDER = re.compile(r"^\s*(custom_dir|INHERIT)\s*:\s*[\"']?([^\"'#\n]+?)[\"']?\s*(?:#.*)?$", re.M)
ADVICE = "copy the file itself into the project, in place of the link"


def inside(root: Path, path: Path) -> bool:
    """Whether `path`'s real path lies in the project `root` or in Mentorbook's shipped files."""
    real = path.resolve()
    return real.is_relative_to(root.resolve()) or is_shipped(real)


def as_written(path: Path) -> str:
    """A path as written, not where a link leads (display_path resolves it)."""
    folder = display_path(path.parent)
    return path.name if folder == "." else f"{folder}/{path.name}"


def outside_files(root: Path) -> list[Problem]:
    """A problem for the project's curriculum.yaml or mkdocs.yml, and for each file or folder
    in overrides/, whose real path lies outside the project (guides: see project.load_guides)."""
    candidates = [root / CURRICULUM, root / BASE_CONFIG, root / OVERRIDES]
    if (root / OVERRIDES).is_dir() and inside(root, root / OVERRIDES):
        for folder, folders, files in os.walk(root / OVERRIDES):  # links to folders are not entered
            candidates += [Path(folder) / name for name in sorted(folders + files)]
    problems = [
        Problem(
            as_written(path),
            0,
            0,
            "is a link to a place outside the project; a build reads only files inside it",
            ADVICE,
        )
        for path in candidates
        if path.is_symlink() and not inside(root, path)
    ]
    return problems or _named_outside(root, root / BASE_CONFIG)


def _named_outside(root: Path, config: Path) -> list[Problem]:
    """The project's mkdocs.yml may name a theme folder (`custom_dir`) or a config it inherits
    (`INHERIT`): each must lie inside the project too, or MkDocs would publish what is there."""
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # no project config (the shipped one is used), or one the build reports itself
    problems = []
    for match in _NAMED_FOLDER.finditer(text):
        key, value = match[1], match[2].strip()
        if value and not inside(root, config.parent / value):
            line = text.count("\n", 0, match.start()) + 1
            message = f"{key}: {value} lies outside the project; a build reads only files inside it"
            hint = "name a folder inside the project, e.g. `overrides/theme`"
            problems.append(Problem(as_written(config), line, match.start(2) - match.start() + 1, message, hint))
    return problems
