"""`mentorbook new-org NAME`: a commented profile that validates as written."""

from __future__ import annotations

import json
from pathlib import Path

from generator.errors import UsageError, display_path
from generator.jinja import environment
from generator.markup import readable_slug
from generator.read.layout import require_handbook


def slugify(name: str) -> str:
    """The profile's file name: the name's letters, in any script (see readable_slug)."""
    return readable_slug(name)


def new_organization(root: Path, name: str) -> str:
    require_handbook(root)  # a profile outside a handbook would never be built
    slug = slugify(name)
    if not name.strip() or not slug:
        raise UsageError(
            f'"{name}" gives no usable file name', 'give a name with letters or digits, e.g. "Acme Health"'
        )
    profile = root / "organizations" / f"{slug}.yaml"
    if profile.exists():
        raise UsageError(
            f"{display_path(profile)} already exists and was left as it is", "edit it, or choose another name"
        )
    text = (
        environment("text")
        .get_template("new-org.yaml.j2")
        .render(name=json.dumps(name.strip(), ensure_ascii=False), slug=slug)
    )
    (root / "organizations" / slug).mkdir(parents=True, exist_ok=True)
    profile.write_text(text, encoding="utf-8")
    return display_path(profile)
