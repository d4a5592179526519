"""An organization's own words for the roles and the program (`terminology:` in its profile)."""

from __future__ import annotations

from pydantic import Field

from generator.grammar import plural as english_plural
from generator.models.base import Model, Word

ROLE_WORDS = ("mentor", "mentee", "mentoring", "facilitator", "session", "program", "pair", "group")


class Terminology(Model):
    """The organization's words. Unset words keep the handbook language's own; plurals
    default to the singular's English plural ("coach" -> "coaches")."""

    mentor: Word | None = None
    mentors: Word | None = None
    mentee: Word | None = None
    mentees: Word | None = None
    mentoring: Word | None = None
    facilitator: Word | None = None
    facilitators: Word | None = None
    session: Word | None = None
    sessions: Word | None = None
    program: Word | None = None
    programs: Word | None = None
    pair: Word | None = Field(
        None,
        description="e.g. `partnership`: a mentor and a mentee together (with `format: group`, the default is "
        '"group": a mentor and their mentees).',
    )
    pairs: Word | None = None
    group: Word | None = Field(None, description="e.g. `cohort`: everyone in the program meeting together.")
    groups: Word | None = None

    def chosen(self) -> dict[str, str]:
        """The English default words this organization replaces, each with its word."""
        table: dict[str, str] = {}
        for singular in ROLE_WORDS:
            word = getattr(self, singular)
            plural = getattr(self, singular + "s", None) if singular != "mentoring" else None
            if word:
                table[singular] = word
            if singular != "mentoring" and (plural or word):
                table[singular + "s"] = plural or english_plural(word or "")
        return table
