"""A hand-written page: one of our guides (content/) or an organization's own (read/guides.py
reads and checks them)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.models.kit import EDITIONS


@dataclass(frozen=True)
class Guide:
    path: str  # in the docs folder
    title: str
    text: Markup  # Markdown written by the curriculum's authors or the organization
    origin: str  # the user's file, as messages name it
    standard: str | None = None  # the MENTOR standard it serves (front matter, frontmatter.py)
    editions: tuple[str, ...] = EDITIONS  # whose edition it is in
    time_for: str | None = None  # the role whose time commitment the page shows
    trusted: bool = False  # ours (content/): may use raw HTML and the program's facts; an organization's page may not
