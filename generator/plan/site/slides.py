"""The facilitator's slides (pure): a deck for the kickoff and one for the mentor training,
planned here from the one source and made into .pptx by the write stage (generator/slides.py).

The kickoff's deck follows the kickoff session's agenda (a slide a step, its detail as the
speaker's notes); the training's follows its guide's script (a slide for each `###` section
of `## Script`, the section as the notes, its list as the slide's points). The title slide
gives the organization's name, the program and the event's date, time and place from the
program's facts. Nothing here is restated: change the agenda or the script and the deck follows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.models import Session
from generator.models.guide import Guide
from generator.models.project import Project
from generator.plan.paths import KIT_SLIDES, TRAINING_GUIDE

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]+")


@dataclass(frozen=True)
class Slide:
    title: str
    points: tuple[str, ...]
    notes: str  # what the facilitator says and does: the speaker's notes


@dataclass(frozen=True)
class Deck:
    path: str  # the .pptx in the docs folder
    title: str
    subtitle: str  # the program, and when and where
    organization: str
    colour: str  # the brand colour, "#rrggbb"
    built: dt.datetime
    slides: tuple[Slide, ...]


def plain(text: str) -> str:
    """Markdown as a slide shows it: links as their words, no emphasis marks."""
    return _MARKS.sub("", _LINK.sub(r"\1", text)).strip()


def plan_decks(project: Project, facts: Mapping[str, str]) -> tuple[Deck, ...]:
    """The kickoff's deck (if a session is the kickoff) and the training's (if its guide is there)."""
    decks = []
    kickoff = next((s for s in project.curriculum.sessions() if s.moment == "kickoff"), None)
    if kickoff:
        when = f"{facts['kickoff.date']}, {facts['kickoff.time']} · {facts['kickoff.place']}"
        decks.append(_deck(project, "kickoff", kickoff.title, when, _agenda_slides(kickoff)))
    training = next((g for g in project.guides if g.path == TRAINING_GUIDE), None)
    if training:
        slides = _script_slides(training)
        if slides:
            decks.append(_deck(project, "mentor-training", training.title, facts["program"], slides))
    return tuple(decks)


def _deck(project: Project, name: str, title: str, subtitle: str, slides: tuple[Slide, ...]) -> Deck:
    org = project.organization
    path = f"{KIT_SLIDES}/{name}.pptx"
    return Deck(path, title, subtitle, org.name, org.colors.primary, project.built, slides)


def _agenda_slides(session: Session) -> tuple[Slide, ...]:
    return tuple(Slide(step.step, (f"{step.minutes} min",), plain(step.detail or "")) for step in session.agenda)


def _script_slides(guide: Guide) -> tuple[Slide, ...]:
    """Each `###` section under `## Script`: its heading, its list items, and its text."""
    text = str(guide.text)
    start = text.find("\n## Script")
    if start < 0:
        return ()
    script = re.split(r"\n(?=## )", text[start + 1 :])[0]
    slides = []
    for section in re.split(r"\n(?=### )", script)[1:]:
        heading, _, body = section.partition("\n")
        lines = [line.strip() for line in body.strip().splitlines()]
        points = tuple(plain(line[2:]) for line in lines if line.startswith("- "))
        notes = "\n".join(plain(line) for line in lines if line and not line.startswith("- "))
        slides.append(Slide(plain(heading[4:]), points, notes))
    return tuple(slides)
