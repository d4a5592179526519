"""What the site's session page and the handbook's session both show, computed once: the
agenda's clock and the roles, in their order, that prompts, tips and pitfalls are given for."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.models import Session
from generator.models.curriculum import AgendaStep
from generator.models.project import Project

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


@dataclass(frozen=True)
class PromptGroup:
    """One tab of a session's questions: whose they are and what they are for, so that a tab's
    label means the same on every page ("Questions for the mentor to ask", "For the mentee to
    reflect on")."""

    role: str
    label: str
    lines: tuple[str, ...]  # Markdown, as written


OTHER = {"mentor": "mentee", "mentee": "mentor"}
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_I = re.compile(r"\b(?:I|me|my|mine|myself)\b")


def prompt_groups(session: Session, labels: Mapping[str, str], words: Mapping[str, str]) -> tuple[PromptGroup, ...]:
    """The questions sorted by what they are for. A question put to the reader about "your
    mentee" (or "your mentor"), and one in the first person only ("What do I want?"), is to
    reflect on; one put to "you" is to ask the other person; the facilitator's are to ask the
    group. A role's list that speaks of "your mentee" anywhere is for reflection throughout,
    and one with neither "you" nor "I" (another language) keeps the role's own label.
    `words` are the organization's own for mentor and mentee, as the text has them."""
    groups: list[PromptGroup] = []
    for role in ROLES:
        lines = tuple(getattr(session.prompts, role))
        if not lines:
            continue
        if role == "facilitator":
            groups.append(PromptGroup(role, labels["ask_facilitator"], lines))
            continue
        other = re.compile(rf"\byour {re.escape(words.get(OTHER[role], OTHER[role]))}\b", re.IGNORECASE)
        if not any(_YOU.search(line) or _I.search(line) for line in lines):
            groups.append(PromptGroup(role, labels[f"for_{role}"], lines))
            continue
        whole = any(other.search(line) for line in lines)
        reflect = tuple(x for x in lines if whole or other.search(x) or (_I.search(x) and not _YOU.search(x)))
        ask = tuple(x for x in lines if x not in reflect)
        groups += [PromptGroup(role, labels[f"ask_{role}"], ask)] if ask else []
        groups += [PromptGroup(role, labels[f"reflect_{role}"], reflect)] if reflect else []
    return tuple(groups)


def text_words(project: Project) -> Mapping[str, str]:
    """The organization's words as the curriculum's text has them: only in its own language."""
    org = project.organization
    return org.terminology.chosen() if org.language == project.curriculum.language else {}
