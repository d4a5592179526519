"""The escalation table, planned (pure): each of the curriculum's `concerns` routed to the
profile's contacts that say they handle it, after the emergency and out-of-hours routes."""

from __future__ import annotations

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
    assumed: bool  # no contact names this concern: the first contact (or nobody) is shown
    respond: str  # responses.answered: the contacts' own time when faster, else the concern's promise
    first: tuple[str, ...] = ()  # immediate danger: the emergency and out-of-hours routes, before any contact


def escalation(project: Project) -> tuple[Route, ...]:
    contacts = project.organization.contacts
    routes = []
    for concern in project.curriculum.concerns:
        named = tuple(c for c in contacts if concern.id in c.handles)
        first = _first_steps(project) if concern.id == "emergency" else ()
        routes.append(Route(concern, named or contacts[:1], not named, answered(concern, named), first))
    return tuple(routes)


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
