"""The site's navigation (pure): home, timeline, guides, the manager's kit, modules, worksheets,
feedback, glossary and contacts, in the organization's words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.models import Curriculum
from generator.models.guide import Guide
from generator.plan.paths import PRIVACY, TIMELINE, Paths
from generator.plan.site.kit import manager_only
from generator.plan.site.page import Page

NavItem = str | dict[str, Any]
MAX_UNGROUPED = 12  # modules listed one by one in the navigation; more are put in groups
GROUP_SIZE = 10


def grouped(curriculum: Curriculum) -> bool:
    """Whether the navigation lists the modules in groups (see `_module_groups`)."""
    return len(curriculum.modules) > MAX_UNGROUPED


def _module_groups(modules: list[NavItem], label: str) -> list[NavItem]:
    """`Modules 1–10`, `Modules 11–20`...: a large curriculum's modules in groups, so that a page's
    menu lists the groups and the open group's modules, not every module (every page carries its
    menu, so a menu that grows with the curriculum makes the build grow with its square)."""
    groups: list[NavItem] = []
    for start in range(0, len(modules), GROUP_SIZE):
        chunk = modules[start : start + GROUP_SIZE]
        groups.append({f"{label} {start + 1}–{start + len(chunk)}": chunk})
    return groups


def navigation(
    pages: Sequence[Page], curriculum: Curriculum, guides: tuple[Guide, ...], labels: Mapping[str, str]
) -> tuple[NavItem, ...]:
    titles = {p.path: p.title for p in pages}

    def entry(path: str) -> dict[str, str]:
        return {titles[path]: path}

    modules: list[NavItem] = ["modules/index.md"]
    for module in curriculum.modules:
        index = Paths.module(module)
        children = [index] + [f"modules/{module.id}/{s.id}.md" for s in module.sessions]
        modules.append({module.title: [children[0], *(entry(c) for c in children[1:])]})
    if grouped(curriculum):
        modules = [modules[0], *_module_groups(modules[1:], labels["modules"])]
    worksheets: list[NavItem] = ["worksheets/index.md", *(entry(Paths.worksheet(w.id)) for w in curriculum.worksheets)]
    nav: list[NavItem] = [entry("index.md")]
    if TIMELINE in titles:
        nav.append(entry(TIMELINE))
    pairs = [g for g in guides if not manager_only(g)]
    if pairs:
        nav.append({labels["guides"]: [entry(g.path) for g in pairs]})
    kit = [p.path for p in pages if p.path.startswith("kit/")]
    nav.append(
        {labels["kit"]: [kit[0], *(entry(p) for p in kit[1:]), *(entry(g.path) for g in guides if manager_only(g))]}
    )
    nav += [
        {labels["modules"]: modules},
        {labels["worksheets"]: worksheets},
        entry("feedback/index.md"),
        entry("glossary.md"),
        entry("contacts.md"),
        *([entry(PRIVACY)] if PRIVACY in titles else []),
    ]
    return tuple(nav)
