"""`mentorbook new-org NAME`: a commented profile that validates as written."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from generator.errors import UsageError, display_path
from generator.jinja import environment
from generator.markup import readable_slug
from generator.models.base import Text
from generator.read.layout import require_handbook


def slugify(name: str) -> str:
    """The profile's file name: the name's letters, in any script (see readable_slug)."""
    return readable_slug(name)


def new_organization(root: Path, name: str) -> str:
    require_handbook(root)  # a profile outside a handbook would never be built
    slug, text = profile_text(name)
    profile = root / "organizations" / f"{slug}.yaml"
    if profile.exists() or profile.is_symlink():
        raise UsageError(
            f"{display_path(profile)} already exists and was left as it is", "edit it, or choose another name"
        )
    for folder in (root / "organizations", root / "organizations" / slug):
        if folder.is_symlink():
            raise UsageError(f"{display_path(folder)} is a link; nothing was written", "replace it with a folder")
    (root / "organizations" / slug).mkdir(parents=True, exist_ok=True)
    create_file(profile, text.encode())
    return display_path(profile)


def profile_text(name: str) -> tuple[str, str]:
    """The new profile's slug and text, for a name `validate` will take (one line, not too long)."""
    slug = slugify(name)
    if not name.strip() or not slug:
        raise UsageError(
            f'"{name}" gives no usable file name', 'give a name with letters or digits, e.g. "Acme Health"'
        )
    try:
        TypeAdapter(Text).validate_python(name.strip())
    except ValidationError as error:
        shown = name.strip() if len(name) <= 60 else name.strip()[:57] + "..."
        hint = 'give the name on one line, in 120 characters or fewer, e.g. "Acme Health"'
        raise UsageError(f'the name "{shown}" {error.errors()[0]["msg"]}', hint) from None
    text = (
        environment("text")
        .get_template("new-org.yaml.j2")
        .render(name=json.dumps(name.strip(), ensure_ascii=False), slug=slug)
    )
    return slug, text


def create_file(path: Path, data: bytes) -> None:
    """Write a new file: never over one already there, never through a link (a dangling one
    included), so a scaffold writes nothing outside its folder and overwrites nothing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
