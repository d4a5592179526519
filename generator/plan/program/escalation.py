"""The escalation table, planned (pure): each of the curriculum's `concerns` routed to the
profile's contacts that say they handle it, after the emergency and out-of-hours routes; a
profile whose contacts list no `handles` is routed by what its contacts' roles and notes say."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.models.kit import Concern
from generator.models.organization import Contact
from generator.models.project import Project
from generator.plan.program.responses import answered
from generator.plan.program.words import within


@dataclass(frozen=True)
class Route:
    """A row of the escalation table."""

    concern: Concern
    contacts: tuple[Contact, ...]
    assumed: bool  # no contact `handles` this concern: routed by roles and notes, else the first contact
    respond: str  # responses.answered: the contacts' own time when faster, else the concern's promise
    first: tuple[str, ...] = ()  # immediate danger: the emergency and out-of-hours routes, before any contact


def escalation(project: Project) -> tuple[Route, ...]:
    routes = []
    for concern in project.curriculum.concerns:
        named, assumed = routed(concern.id, project.organization.contacts, project.labels)
        first = _first_steps(project) if concern.id == "emergency" else ()
        routes.append(Route(concern, named, assumed, answered(concern, named), first))
    return tuple(routes)


def routed(concern: str, contacts: Sequence[Contact], labels: Mapping[str, str]) -> tuple[tuple[Contact, ...], bool]:
    """Whom a concern goes to, and whether the profile left it to be guessed: the contacts whose
    `handles` name it; else those whose role or note says they take it (`route_<concern>` words,
    the first that fits: an HR partner takes the speak-up route, a support line personal support); else the first
    contact, the program team, but never for the speak-up route, which is for what a person would
    rather not raise with the people running the program: that goes to the next contact, if any."""
    named = tuple(c for c in contacts if concern in c.handles)
    if named:
        return named, False
    words = [w.strip() for w in labels.get(f"route_{concern}", "").split(",") if w.strip()]
    for word in words:  # the words in order: a speak-up line before an HR partner
        said = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        fits = [c for c in contacts[1:] if said.search(c.role) or said.search(c.note or "")]
        if fits:
            return (fits[0],), True
    if concern == "speak-up":
        return tuple(contacts[1:2]), True
    return tuple(contacts[:1]), True


def _first_steps(project: Project) -> tuple[str, ...]:
    """What the emergency row says before its contacts: the emergency route, then the
    out-of-hours one under its own name ("Outside working hours: the duty manager, ...")."""
    labels = project.labels
    return tuple(text if key == "kit_emergency" else f"{labels[key]}: {within(text)}" for key, text in urgent(project))


def urgent(project: Project) -> tuple[tuple[str, str], ...]:
    """The emergency route (the profile's, or the local emergency number) and, when the
    profile names one, the out-of-hours route: shown before the table of concerns."""
    org = project.organization
    routes = [("kit_emergency", org.emergency or project.labels["kit_emergency_default"])]
    return tuple(routes + ([("kit_out_of_hours", org.out_of_hours)] if org.out_of_hours else []))
