"""A group program (`format: group`, one mentor and `group_size` mentees): the worksheets signed
by the mentee get a signature line (and its date) for each member, and an English handbook
says "group" where it says "pair" (unless the organization chose its own word)."""

from __future__ import annotations

from collections.abc import Mapping

from generator.models import Curriculum
from generator.models.program import Program
from generator.models.worksheet import DateInput, Section, SignatureInput, Worksheet, WorksheetField

SIGNED_BY_MENTEE = "mentee_"  # the fields a mentee signs and dates: `mentee_signature`, `mentee_date`


def group_words(program: Program | None, chosen: Mapping[str, str], english: bool) -> dict[str, str]:
    """The organization's chosen words, with "group" for "pair" in an English group program."""
    words = dict(chosen)
    if program is not None and program.format == "group" and english and "pair" not in words:
        words |= {"pair": "group", "pairs": "groups"}
    return words


def for_groups(curriculum: Curriculum, program: Program | None) -> Curriculum:
    """The curriculum with a mentee's signature and date once per member of a group."""
    if program is None or program.format != "group" or program.group_size is None:
        return curriculum
    size = program.group_size
    worksheets = tuple(_signed_by_each(w, size) for w in curriculum.worksheets)
    return curriculum.model_copy(update={"worksheets": worksheets})


def _signed_by_each(worksheet: Worksheet, size: int) -> Worksheet:
    if not any(_mentees(f) for s in worksheet.sections for f in s.fields):
        return worksheet
    sections = tuple(_section(s, size) for s in worksheet.sections)
    return worksheet.model_copy(update={"sections": sections})


def _section(section: Section, size: int) -> Section:
    signing = [f for f in section.fields if isinstance(f, SignatureInput | DateInput) and _mentees(f)]
    if not signing:
        return section
    fields: list[WorksheetField] = [f for f in section.fields if not _mentees(f)]
    for n in range(1, size + 1):
        for field in signing:
            rest = field.name.removeprefix(SIGNED_BY_MENTEE)
            label = f"{field.label} {n}" if isinstance(field, SignatureInput) else field.label
            fields.append(field.model_copy(update={"name": f"{SIGNED_BY_MENTEE}{n}_{rest}", "label": label}))
    return section.model_copy(update={"fields": tuple(fields)})


def _mentees(field: WorksheetField) -> bool:
    return isinstance(field, SignatureInput | DateInput) and field.name.startswith(SIGNED_BY_MENTEE)
