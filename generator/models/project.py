"""One handbook project, every input read, checked and in the organization's words: what
read/project.py's `load_project` hands the plan, and all the plan is made from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.models.calendar import WorkingCalendar
from generator.models.curriculum import Curriculum
from generator.models.events import Event
from generator.models.guide import Guide
from generator.models.image import Image
from generator.models.instrument import Instruments
from generator.models.organization import Organization
from generator.models.source import Loc, Mark, YamlFile


@dataclass(frozen=True)
class Project:
    """Every input, validated, with the organization's overlay applied: the modules it runs,
    in its words. What the plan and the PDFs are made from."""

    root: Path
    curriculum: Curriculum
    curriculum_file: str
    organization: Organization
    organization_file: str
    slug: str
    guides: tuple[Guide, ...]
    labels: Mapping[str, str]
    logo: Image | None  # checked; an SVG as written again from allowed parts
    favicon: Image | None
    events: tuple[Event, ...]  # the program timeline, empty without a `program:`
    calendar: WorkingCalendar | None  # its working days, holidays and breaks; None without a `program:`
    built: dt.datetime  # "now", or SOURCE_DATE_EPOCH for reproducible builds
    instruments: Instruments  # the evaluation instruments, in the organization's words
    text_labels: Mapping[str, str] = field(
        default_factory=dict
    )  # labels in the curriculum's language: its facts' words
    own: frozenset[str] = frozenset()
    profile_source: YamlFile | None = None  # where each profile value is written, for the plan's coherence check
    curriculum_marks: Mapping[Loc, Mark] = field(
        default_factory=dict
    )  # where the kit's steps and concerns are  # the ids of the organization's own modules and worksheets: never templates
