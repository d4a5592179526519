"""A page of the site, as a value: its address, title, template and what the template shows;
and a link as a page shows it. A leaf, so that the modules that plan pages (pages.py, nav.py,
feedback.py) share it without importing each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. "modules/goal-setting/first-goals.md"
    title: str
    template: str
    context: Mapping[str, Any]
    origin: str  # the user's file this page comes from, for error messages


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # relative to the page that shows the link
