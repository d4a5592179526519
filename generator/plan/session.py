"""What the site's session page and the handbook's session both show, computed once: the
agenda's clock and the roles, in their order, that prompts, tips and pitfalls are given for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.models import Session
from generator.models.curriculum import AgendaStep

ROLES = ("mentor", "mentee", "facilitator")


@dataclass(frozen=True)
class Slot:
    """One agenda step and its minutes from the start of the meeting."""

    start: int
    end: int
    step: AgendaStep


@dataclass(frozen=True)
class Role:
    key: str  # a field of PerRole
    label: str  # "For the mentor"


def agenda_clock(session: Session) -> tuple[Slot, ...]:
    slots, clock = [], 0
    for step in session.agenda:
        slots.append(Slot(clock, clock + step.minutes, step))
        clock += step.minutes
    return tuple(slots)


def roles(labels: Mapping[str, str]) -> tuple[Role, ...]:
    return tuple(Role(key, labels[f"for_{key}"]) for key in ROLES)
