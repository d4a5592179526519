"""The shared curriculum: modules of sessions, a glossary and the worksheets sessions use."""

from __future__ import annotations

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator

from generator.models.base import Id, Language, MarkdownText, Minutes, Model, Name, Text, user_error
from generator.models.facts import described
from generator.models.kit import Concern, Standard, Task
from generator.models.schedule import Moment
from generator.models.worksheet import Worksheet


class PerRole(Model):
    """Lines for each side of the relationship; mentor and mentee always get their own."""

    mentor: tuple[MarkdownText, ...] = Field(min_length=1)
    mentee: tuple[MarkdownText, ...] = Field(min_length=1)
    facilitator: tuple[MarkdownText, ...] = ()


class AgendaStep(Model):
    step: Text = Field(description="What happens, in a few words, e.g. `Check in`.")
    minutes: Minutes = Field(description="How long this step takes, in whole minutes.")
    detail: MarkdownText | None = None


class Activity(Model):
    title: Text
    description: MarkdownText


class Session(Model):
    id: Id = Field(description="Used in links, unique in the curriculum, e.g. `first-meeting`.")
    title: Text
    minutes: Minutes = Field(description="The session's length in whole minutes, e.g. 45.")
    summary: MarkdownText
    guidance: MarkdownText | None = None
    agenda: tuple[AgendaStep, ...] = Field(min_length=1)
    prompts: PerRole
    activity: Activity
    tips: PerRole
    pitfalls: PerRole
    worksheets: tuple[Id, ...] = Field((), description="Ids of the worksheets this session uses.")
    moment: Moment | None = Field(None, description="The program moment it is, e.g. `kickoff` or `mid-point review`.")
    as_needed: bool = Field(False, description="`true`: in the handbook and offered, never booked for every pair.")

    @field_validator("agenda")
    @classmethod
    def _agenda_fills_the_session(cls, agenda: tuple[AgendaStep, ...], info: ValidationInfo) -> tuple[AgendaStep, ...]:
        minutes = info.data.get("minutes")
        total = sum(step.minutes for step in agenda)
        if minutes is not None and total != minutes:
            steps = " + ".join(str(step.minutes) for step in agenda)
            raise user_error(
                f"the agenda adds up to {total} minutes ({steps}) but the session is {minutes}",
                f"change the steps' minutes or set `minutes: {total}`",
            )
        return agenda


class Module(Model):
    id: Id = Field(description="Used in links, e.g. `goal-setting`.")
    title: Text
    summary: MarkdownText
    why_it_matters: MarkdownText
    guidance: MarkdownText | None = None
    objectives: tuple[MarkdownText, ...] = Field(min_length=1)
    sessions: tuple[Session, ...] = Field(min_length=1)


class GlossaryEntry(Model):
    term: Name
    definition: MarkdownText


FACTS_DESCRIPTION = (
    "The shared curriculum. Its text and the guides in content/ state the program's facts by name, never as "
    "numbers, and each handbook fills in its organization's: " + described()
)


class Curriculum(Model):
    model_config = ConfigDict(**Model.model_config, json_schema_extra={"description": FACTS_DESCRIPTION})

    title: Text = Field(description="The handbook's title, e.g. `Leadership Mentoring`.")
    language: Language = Field("en", description="The language the curriculum and content/ pages are written in.")
    summary: MarkdownText
    guides: tuple[Id, ...] = Field(
        (), description="Hand-written pages from the content/ folder, in order, by file name without `.md`."
    )
    glossary: tuple[GlossaryEntry, ...] = ()
    worksheets: tuple[Worksheet, ...] = ()
    modules: tuple[Module, ...] = Field(min_length=1)
    standards: tuple[Standard, ...] = Field((), description="MENTOR's standards, which guides and worksheets serve.")
    run_sheet: tuple[Task, ...] = Field((), description="What the program's organizers do and send, dated.")
    concerns: tuple[Concern, ...] = Field((), description="The kinds of concern the escalation table routes.")

    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for m in self.modules for s in m.sessions)


class OwnCurriculum(Model):
    """An organization's own modules and worksheets, in a YAML file in its folder; validated
    like the shared ones, and their ids must differ from the shared curriculum's."""

    worksheets: tuple[Worksheet, ...] = Field(
        (), description="Your own worksheets (forms); your sessions and the shared ones' ids must not clash."
    )
    modules: tuple[Module, ...] = Field((), description="Your own modules, listed in `modules:` of your profile.")

    @model_validator(mode="after")
    def _not_empty(self) -> OwnCurriculum:
        if not self.modules and not self.worksheets:
            raise user_error("holds no modules and no worksheets", "add `modules:` or `worksheets:` with at least one")
        return self
