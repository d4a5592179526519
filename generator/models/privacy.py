"""What the organization tells people about their records: who is responsible, whom to ask, on
what basis, and how long each kind of record is kept. The privacy notice, the run-sheet's
deletion steps and the tracker's names file are all made from this one block.

The story is the same everywhere: outcome data (the tracker's columns, survey answers) carries
only a pseudonymous ID; the names file is the one link from an ID to a person, and it is kept
until the 12-month retention check is done, then deleted, after which the outcome data can no
longer be traced to anyone.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from generator.models.base import Model, Name, Sentence, Short, user_error

RETENTION_CHECK_MONTHS = (6, 12)  # after the program's end: who is still with the organization


class Retention(Model):
    """Months after the program's last day that each kind of record is kept; then it is deleted."""

    applications: int = Field(1, ge=0, le=36, description="Applications, screening notes and match checks.")
    next_round: int | None = Field(
        None,
        ge=1,
        le=36,
        description="Keep the applications of people not matched, who ask for it, for the next round: months after "
        "the program's last day (without it, they are deleted with the other applications).",
    )
    notes: int = Field(3, ge=0, le=36, description="Check-in, mid-point and exit conversation notes.")
    names: int = Field(
        13,
        ge=0,
        le=60,
        description="The tracker's names file, the one link from a pseudonymous ID to a person. At least 13: "
        "the 12-month retention check needs it.",
    )
    responses: int = Field(
        36, ge=0, le=120, description="Survey answers and the tracker's outcome columns, by pseudonymous ID only."
    )

    @field_validator("names")
    @classmethod
    def _after_the_last_check(cls, value: int) -> int:
        last = RETENTION_CHECK_MONTHS[-1]
        if value <= last:
            raise user_error(
                f"the names file is deleted after {value} months, before the {last}-month retention check needs it",
                f"keep it at least {last + 1} months: `names: {last + 1}`",
            )
        return value


class Privacy(Model):
    responsible: Name | None = Field(
        None,
        description="Who is responsible for the program's records (the data controller), e.g. "
        "`Harbor & Pine Cooperative, People team` (default: the organization).",
    )
    contact: Short | None = Field(
        None, description="Where to ask to see, correct or delete your records (default: the first contact)."
    )
    lawful_basis: Sentence | None = Field(
        None, description="Why the organization may keep these records, as your data protection lead words it."
    )
    retention: Retention = Field(default_factory=Retention)
