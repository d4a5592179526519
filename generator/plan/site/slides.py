"""The facilitator's slides (pure): a deck for the kickoff and one for the mentor training,
planned here from the one source and made into .pptx and PDF by the write stage
(generator/slides.py).

A slide shows what the room needs to see and the speaker's notes hold what the facilitator
says. The kickoff's deck follows its session: the agenda (each step's detail in the notes), the
module's key ideas (a `###` section a slide: its table, its list or its first sentences), the
modules, the activity's steps, the facilitator's questions and the next steps from the
program's facts. The training's follows its guide: the agenda table, a slide for each `###`
section of `## Script` (its list, else the questions it quotes; the section as the notes), a
slide for each practice scenario after the practice's, and where to go with a concern after
the section that shows it. The title slide gives the
organization's logo and name, the program and the event's date, time and place. Nothing here
is restated: change the agenda, the script or the profile and the deck follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from babel.dates import format_interval

from generator.models import Module, Session
from generator.models.guide import Guide
from generator.models.image import Image
from generator.models.project import Project
from generator.plan.paths import KIT_SLIDES, TRAINING_GUIDE
from generator.plan.program.moments import kit_dates
from generator.plan.program.timeline import timeline_date
from generator.plan.program.words import within
from generator.plan.site.slide_text import (
    Slide,
    intro,
    list_items,
    plain,
    quoted,
    sections,
    sentences,
    speaker_notes,
    table_rows,
)

MOST_ROWS, MOST_TABLE_CHARS = 10, 560  # a table's rows and text that fit one slide at 16 pt


@dataclass(frozen=True)
class Deck:
    path: str  # the .pptx in the docs folder; the PDF beside it (`pdf`)
    title: str
    subtitle: str  # the program, and when and where
    organization: str
    colour: str  # the brand colour, "#rrggbb"
    accent: str
    logo: Image | None
    built: dt.datetime
    slides: tuple[Slide, ...]
    notes: str = ""  # the title slide's speaker notes

    @property
    def pdf(self) -> str:
        return self.path.removesuffix(".pptx") + ".pdf"


def plan_decks(project: Project, facts: Mapping[str, str]) -> tuple[Deck, ...]:
    """The kickoff's deck (if a session is the kickoff) and the training's (if its guide is there)."""
    decks = []
    found = next(((m, s) for m in project.curriculum.modules for s in m.sessions if s.moment == "kickoff"), None)
    if found:
        module, kickoff = found
        when = f"{facts['kickoff.date']}, {facts['kickoff.time']} · {facts['kickoff.place']}"
        slides = kickoff_slides(project, module, kickoff, facts)
        decks.append(_deck(project, "kickoff", kickoff.title, f"{facts['program']} · {when}", slides))
    training = next((g for g in project.guides if g.path == TRAINING_GUIDE), None)
    if training:
        slides = training_slides(project, training, facts)
        if slides:
            # One deck serves every workshop: its title slide names none of their days (the
            # timeline and the invitation give each mentor's), only what all of them share.
            subtitle = f"{facts['program']} · {facts['training.time']} · {facts['training.place']}"
            notes = project.labels["slides_title_dates"].format(dates=facts["training.date"])
            decks.append(_deck(project, "mentor-training", training.title, subtitle, slides, notes))
    return tuple(decks)


def _deck(project: Project, name: str, title: str, subtitle: str, slides: tuple[Slide, ...], notes: str = "") -> Deck:
    org = project.organization
    path = f"{KIT_SLIDES}/{name}.pptx"
    colours, built = org.colors, project.built
    slides = tuple(part for slide in slides for part in _split(slide))
    return Deck(path, title, subtitle, org.name, colours.primary, colours.accent, project.logo, built, slides, notes)


def _split(slide: Slide) -> tuple[Slide, ...]:
    """A table too long to read at the back of the room at 16 pt (generator/slides.py) as two or
    more slides, each with the header row and "(1/2)" after its title."""
    head, *rows = slide.table or ((),)
    size = sum(len(cell) for row in rows for cell in row)
    parts = max(-(-size // MOST_TABLE_CHARS), -(-len(rows) // MOST_ROWS)) if rows else 1
    if parts <= 1:
        return (slide,)
    each = -(-len(rows) // parts)
    chunks = [rows[n : n + each] for n in range(0, len(rows), each)]
    return tuple(
        Slide(f"{slide.title} ({n}/{len(chunks)})", table=(head, *chunk), notes=slide.notes)
        for n, chunk in enumerate(chunks, start=1)
    )


# The kickoff ---------------------------------------------------------------------------------


def kickoff_slides(project: Project, module: Module, session: Session, facts: Mapping[str, str]) -> tuple[Slide, ...]:
    labels = project.labels
    clock, start = [], 0
    for step in session.agenda:
        clock.append((f"{start}–{start + step.minutes} {labels['min']}", step))
        start += step.minutes
    agenda = Slide(
        labels["agenda"],
        table=((labels["time"], labels["step"]), *((when, step.step) for when, step in clock)),
        notes="\n".join(f"{when} · {step.step}: {plain(step.detail or '')}" for when, step in clock),
    )
    modules = Slide(
        labels["modules"],
        tuple(f"{n}. {m.title}" for n, m in enumerate(project.curriculum.modules, start=1)),
        notes=_modules_notes(project, facts),
    )
    ideas = tuple(_section_slide(heading, body) for heading, body in sections(str(module.guidance or ""), "### "))
    activity = Slide(
        session.activity.title,
        list_items(session.activity.description) or sentences(session.activity.description),
        notes=speaker_notes(session.activity.description),
    )
    asked = session.prompts.facilitator
    questions = (
        Slide(
            labels["slides_questions_room"], tuple(plain(q) for q in asked), notes="\n".join(plain(q) for q in asked)
        ),
    )
    return (agenda, modules, *ideas, activity, *(questions if asked else ()), _next_steps(project, facts, clock))


def _modules_notes(project: Project, facts: Mapping[str, str]) -> str:
    """What the facilitator says over the modules' slide: how many sessions, how often and
    from when to when, then the day each module starts (its first session), from the schedule."""
    labels, language = project.labels, project.curriculum.language  # the facts' language
    dates = kit_dates(project)
    rhythm = facts["rhythm"] + _breaks(project, dates.start, dates.end) if dates else facts["rhythm"]
    notes = [labels["slides_modules_notes"].format(sessions=facts["sessions"], rhythm=rhythm, end=facts["end"])]
    starts = {d.title: timeline_date(d.day, language) for d in dates.modules} if dates else {}
    for n, module in enumerate(project.curriculum.modules, start=1):
        when = starts.get(module.title)
        notes.append(f"{n}. {module.title}: {when}" if when else f"{n}. {module.title}")
    return "\n".join(notes)


def _breaks(project: Project, start: dt.date, end: dt.date) -> str:
    """The words after the rhythm (", with breaks: Spring break (Apr 5 – 16, 2027)"): the profile's breaks that fall
    between the program's first and last day, when no session is booked."""
    program, language = project.organization.program, project.curriculum.language
    within = [b for b in (program.breaks if program else ()) if b.end >= start and b.start <= end]
    if not within:
        return ""
    named = "; ".join(f"{b.name} ({format_interval(b.start, b.end, 'yMMMd', locale=language)})" for b in within)
    return project.labels["slides_breaks"].format(breaks=named)


def _next_steps(project: Project, facts: Mapping[str, str], clock: Sequence[tuple[str, object]]) -> Slide:
    labels = project.labels
    points = (
        labels["slides_first_one_to_one"].format(
            date=facts["first_one_to_one.date"], time=facts["first_one_to_one.time"], minutes=facts["meeting.minutes"]
        ),
        labels["slides_start_here"],
        labels["slides_questions"].format(contact=facts["contact"]),
    )
    last = clock[-1][1] if clock else None
    notes = plain(getattr(last, "detail", "") or "") or points[0]
    return Slide(labels["slides_next_steps"], points, notes=notes)


# The training --------------------------------------------------------------------------------


def training_slides(project: Project, guide: Guide, facts: Mapping[str, str]) -> tuple[Slide, ...]:
    """The agenda, then each `###` section of `## Script` in order: the practice scenarios follow
    the practice's section and *Who handles what* the section that shows it (else they close)."""
    parts = dict(sections(str(guide.text), "## "))
    script = next((body for heading, body in parts.items() if heading.lower() == "script"), None)
    if script is None:
        return ()
    agenda = next((body for heading, body in parts.items() if heading.lower() == "agenda"), "")
    table = table_rows(agenda)
    slides = [Slide(project.labels["agenda"], table=table, notes=plain(intro(str(guide.text))))] if table else []
    scenarios = next((body for heading, body in parts.items() if "scenario" in heading.lower()), "")
    timing = _round_timing(script)
    played = [_scenario_slide(heading, body, timing) for heading, body in sections(scenarios, "### ")]
    where = _where_to_go(project, facts)
    for heading, body in sections(script, "### "):
        slides.append(_script_slide(heading, body))
        if "scenario" in heading.lower():  # the practice: its scenarios follow it, where they are played
            slides += played
            played = []
        if plain(where.title) in plain(body):  # the section that shows *Who handles what*
            slides.append(where)
    return (*slides, *played, *(() if where in slides else (where,)))


def _script_slide(heading: str, body: str) -> Slide:
    points = list_items(body) or quoted(body) or sentences(body)
    return Slide(plain(heading), points, notes=speaker_notes(body))


def _round_timing(script: str) -> tuple[str, ...]:
    """The script's practice section's points about a round ("Each round: one minute to read the
    card, ..."): what a scenario's slide shows under its title."""
    practice = next((body for heading, body in sections(script, "### ") if "scenario" in heading.lower()), "")
    return tuple(item for item in list_items(practice) if "round" in item.lower())


def _scenario_slide(heading: str, body: str, timing: tuple[str, ...]) -> Slide:
    """A scenario's title and the round's timing on screen; its briefs only in the speaker's
    notes: each player reads their own from the printed slips, nobody another's."""
    paragraphs = tuple(plain(p) for p in body.split("\n\n") if p.strip())
    return Slide(plain(heading), timing, notes="\n".join(paragraphs))


def _where_to_go(project: Project, facts: Mapping[str, str]) -> Slide:
    """The kit's *Who handles what*, row for row: each concern and who handles it, the
    immediate-danger row leading with the emergency and out-of-hours routes. The notes read
    the same rows with each concern's first step."""
    labels = project.labels
    then = labels["kit_then_tell"]
    out_of_hours = project.organization.out_of_hours or ""
    rows = []
    for concern in project.curriculum.concerns:
        if f"concern.{concern.id}.who" not in facts:
            continue
        who = facts[f"concern.{concern.id}.who"]
        if concern.id == "emergency":  # a slide must never send a room to an email address first
            after = f" {labels['kit_out_of_hours']}: {within(out_of_hours)}" if out_of_hours else ""
            who = f"{facts['emergency']}{after} {then} {who}"
        rows.append((concern.concern, who, concern.first_step))
    table = ((labels["kit_concern"], labels["kit_who"]), *((c, w) for c, w, _ in rows)) if rows else ()
    notes = "\n".join(f"{c}: {step} {w}" for c, w, step in rows)
    return Slide(labels["kit_escalation"], table=table, notes=notes or labels["kit_escalation"])


def _section_slide(heading: str, body: str) -> Slide:
    table = table_rows(body)
    points = () if table else (list_items(body) or sentences(body))
    return Slide(plain(heading), points, notes=speaker_notes(body), table=table)
