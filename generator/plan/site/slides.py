"""The facilitator's slides (pure): a deck for the kickoff and one for the mentor training,
planned here from the one source and made into .pptx and PDF by the write stage
(generator/slides.py).

A slide shows what the room needs to see and the speaker's notes hold what the facilitator
says. The kickoff's deck follows its session: the agenda (each step's detail in the notes), the
module's key ideas (a `###` section a slide: its table, its list or its first sentences), the
modules, the activity's steps, the facilitator's questions and the next steps from the
program's facts. The training's follows its guide: the agenda table, a slide for each `###`
section of `## Script` (its list, else the questions it quotes; the section as the notes; the
practice's notes also hold the scenarios' briefs, which no slide shows), and where to go with
a concern after the section that shows it. The title slide gives the
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
from generator.plan.program.timeline_text import timeline_date
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
MOST_POINT_CHARS = 400  # a slide's points that fit at 24 pt (generator/slides.py sets more at 18)


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
        when = _when(project, facts, "kickoff.date", "kickoff.time", "kickoff.place")
        slides = kickoff_slides(project, module, kickoff, facts)
        decks.append(_deck(project, "kickoff", kickoff.title, when, slides))
    training = next((g for g in project.guides if g.path == TRAINING_GUIDE), None)
    if training:
        slides = training_slides(project, training, facts)
        if slides:
            # One deck serves every workshop: its title slide names their days ("… or …").
            when = _when(project, facts, "training.date", "training.time", "training.place")
            decks.append(_deck(project, "mentor-training", training.title, when, slides))
    return tuple(decks)


def _when(project: Project, facts: Mapping[str, str], *names: str) -> str:
    """The title slide's subtitle: the program, then each of the event's facts the profile
    sets; a fact's stand-in ("as your invitation says") is left off a projected slide."""
    labels = project.text_labels
    unset = {labels["fact_place"], labels["fact_date"], labels["fact_time"]}
    return " · ".join(v for v in (facts["program"], *(facts[n] for n in names)) if v and v not in unset)


def _deck(project: Project, name: str, title: str, subtitle: str, slides: tuple[Slide, ...], notes: str = "") -> Deck:
    org = project.organization
    path = f"{KIT_SLIDES}/{name}.pptx"
    colours, built = org.colors, project.built
    slides = tuple(part for slide in slides for part in _split(slide))
    return Deck(path, title, subtitle, org.name, colours.primary, colours.accent, project.logo, built, slides, notes)


def _split(slide: Slide) -> tuple[Slide, ...]:
    """A table too long to read at the back of the room at 16 pt (generator/slides.py) as two or
    more slides, each with the header row and "(1/2)" after its title, and the notes' lines for
    its own rows; points too long for 24 pt as two slides, the notes on each."""
    if not slide.table and sum(len(p) for p in slide.points) > MOST_POINT_CHARS and len(slide.points) > 1:
        half = _halve(slide.points)
        return tuple(Slide(_part(slide.title, n, 2), part, notes=slide.notes) for n, part in enumerate(half, start=1))
    head, *rows = slide.table or ((),)
    size = sum(len(cell) for row in rows for cell in row)
    parts = max(-(-size // MOST_TABLE_CHARS), -(-len(rows) // MOST_ROWS)) if rows else 1
    if parts <= 1:
        return (slide,)
    each = -(-len(rows) // parts)
    chunks = [rows[n : n + each] for n in range(0, len(rows), each)]
    return tuple(
        Slide(_part(slide.title, n, len(chunks)), table=(head, *chunk), notes=_own_notes(slide.notes, chunk))
        for n, chunk in enumerate(chunks, start=1)
    )


def _halve(points: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The points in two runs, in order, as near the same length as they split."""
    total = sum(len(p) for p in points)
    cut = min(range(1, len(points)), key=lambda n: abs(total - 2 * sum(len(p) for p in points[:n])))
    return points[:cut], points[cut:]


def _part(title: str, n: int, parts: int) -> str:
    """ "Confidentiality (15 minutes)" as "Confidentiality (15 minutes, 1/2)"; else "Title (1/2)"."""
    return f"{title[:-1]}, {n}/{parts})" if title.endswith(")") else f"{title} ({n}/{parts})"


def _own_notes(notes: str, rows: Sequence[tuple[str, ...]]) -> str:
    """The notes' lines that read these rows (a line starts with its row's first cell), else all."""
    firsts = tuple(row[0] for row in rows if row and row[0])
    own = [line for line in notes.splitlines() if firsts and line.startswith(firsts)]
    return "\n".join(own) or notes


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
    from when to when (the last session, not the program's last day), then the day each module starts
    (its first session), from the schedule."""
    labels, language = project.labels, project.curriculum.language  # the facts' language
    dates = kit_dates(project)
    rhythm = facts["rhythm"] + _breaks(project, dates.start, dates.end) if dates else facts["rhythm"]
    notes = [
        labels["slides_modules_notes"].format(sessions=facts["sessions"], rhythm=rhythm, end=facts["last_session.date"])
    ]
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
        *([facts["kickoff.stay"].strip()] if facts.get("kickoff.stay") else []),  # the orientation, straight after
        labels["slides_start_here"],
        labels["slides_questions"].format(contact=facts["contact"]),
    )
    last = clock[-1][1] if clock else None
    notes = plain(getattr(last, "detail", "") or "") or points[0]
    return Slide(labels["slides_next_steps"], points, notes=notes)


# The training --------------------------------------------------------------------------------


def training_slides(project: Project, guide: Guide, facts: Mapping[str, str]) -> tuple[Slide, ...]:
    """The agenda, then each `###` section of `## Script` in order, and *Who handles what* after
    the section that shows it (else at the close). The practice scenarios have no slide: a
    title on the screen would tell the players the topic; the practice's slide shows the
    round's timing and its notes hold every scenario's briefs."""
    parts = dict(sections(str(guide.text), "## "))
    script = next((body for heading, body in parts.items() if heading.lower() == "script"), None)
    if script is None:
        return ()
    agenda = next((body for heading, body in parts.items() if heading.lower() == "agenda"), "")
    table = table_rows(agenda)
    slides = [Slide(project.labels["agenda"], table=table, notes=plain(intro(str(guide.text))))] if table else []
    scenarios = next((body for heading, body in parts.items() if "scenario" in heading.lower()), "")
    briefs = "\n\n".join(_scenario_notes(heading, body) for heading, body in sections(scenarios, "### "))
    where = _where_to_go(project, facts)
    for heading, body in sections(script, "### "):
        slide = _script_slide(heading, body)
        if "scenario" in heading.lower() and briefs:  # the practice: the facilitator's copy of the cards
            slide = Slide(slide.title, slide.points, notes=f"{slide.notes}\n\n{briefs}", table=slide.table)
        slides.append(slide)
        if plain(where.title) in plain(body):  # the section that shows *Who handles what*
            slides.append(where)
    return (*slides, *(() if where in slides else (where,)))


def _script_slide(heading: str, body: str) -> Slide:
    points = list_items(body) or quoted(body) or sentences(body)
    return Slide(plain(heading), points, notes=speaker_notes(body))


def _scenario_notes(heading: str, body: str) -> str:
    """A scenario's title and briefs, for the speaker's notes only: each player reads their
    own from the printed cards, nobody another's."""
    return "\n".join((plain(heading), *(plain(p) for p in body.split("\n\n") if p.strip())))


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
