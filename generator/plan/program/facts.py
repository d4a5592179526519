"""The program's facts, computed once: every number and date a profile decides that shipped
text states (`{kickoff.minutes}`, `{rhythm}`, `{concern.harm.respond}`; the names are
models/facts.py's), and the one function that puts them into a text. The facts themselves are
worked out by what they are about: the schedule's (schedule_facts.py), the training's and the
orientation's (training_facts.py) and who to reach (reach.py).

The curriculum, the guides and the messages name a fact instead of restating it, so a page
can never say "90 minutes" where the schedule books 60. Facts are worded in the curriculum's
language (the text they go into) and the organization's words. An organization's own text is
never a template: its modules, worksheets and pages are left as written (`fill_project`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace

from markupsafe import Markup

from generator.markup import escape_text
from generator.models import Markdown
from generator.models.facts import PLACEHOLDER
from generator.models.guide import Guide
from generator.models.program import TRAINING_MINUTES as TRAINING_MINUTES  # the kit and tests read it here too
from generator.models.project import Project
from generator.models.prose import map_prose
from generator.plan.program.date_order import day_names, in_date_order
from generator.plan.program.once import once_per_project
from generator.plan.program.reach import concern_facts, first_contact, links, website
from generator.plan.program.schedule_facts import (
    conversations,
    date_facts,
    first_one_to_one_module,
    gatherings,
    goals_shared,
    meetings_planned,
    moment_facts,
    rhythm,
    step_day_facts,
    usual_minutes,
)
from generator.plan.program.timeline import closing_place
from generator.plan.program.training_facts import card_sets, order_facts, workshop_facts, workshop_places
from generator.plan.program.words import count

Facts = Mapping[str, str]


@once_per_project
def program_facts(project: Project) -> Facts:
    """Every fact's value, as plain text, for this organization's program."""
    labels = project.text_labels
    program = project.organization.program
    sessions = [e for e in project.events if e.kind == "session"]
    facts = {
        "organization": project.organization.name,
        "sessions": count(len(sessions) or len(project.curriculum.sessions()), labels),
        "meeting.minutes": str(usual_minutes(project, sessions)),
        "training.minutes": str(TRAINING_MINUTES["mentor"]),
        "orientation.minutes": str(TRAINING_MINUTES["mentee"]),
        "contact": first_contact(project),
        "size": str(program.size) if program and program.size else labels["kit_size_unknown"],
        "privacy": labels["privacy"],
        "applications.who": labels["privacy_applications_who"],  # the privacy notice's own words
        "introduce.when": labels["fact_introduce_when"],  # one rule, on the run-sheet, the timeline and the guides
        "people": str(2 * program.size) if program and program.size else labels["kit_size_unknown"],
        "meetings.planned": meetings_planned(project),
        "sponsor": program.sponsor if program and program.sponsor else labels["fact_sponsor"],
        **headcounts(program.size if program else None, labels),
        "kickoff.place": program.kickoff_place if program and program.kickoff_place else labels["fact_place"],
        "celebration.place": (closing_place(program) if program else None) or labels["fact_place"],
        "emergency": project.organization.emergency or labels["fact_emergency"],
        "first_module": project.curriculum.modules[0].title,
        "first_one_to_one.module": first_one_to_one_module(project, sessions),
        "website": website(project),
        "worksheets.where": labels["fact_worksheets_back"],
        **links(project),
        "gatherings": gatherings(project),
        **card_sets(project),
        **conversations(project),
        **date_facts(project, program, sessions),
        **moment_facts(project, sessions),
        **goals_shared(project, sessions),
        **concern_facts(project),
        **workshop_places(program, labels),
        **workshop_facts(project),  # after the places: a profile's series that holds one gives its time
        **step_day_facts(project),
    }
    facts.update(order_facts(project, facts["first_one_to_one.date"]))
    facts["rhythm"] = rhythm(program, sessions, labels) if program else labels["fact_rhythm"]
    return facts


def fill(text: str, facts: Facts, as_text: Callable[[str], str] = escape_text) -> str:
    """`text` with each known placeholder replaced by its fact (made safe by `as_text`); a name
    that is not a fact is left as written (reading refused it already in shipped text)."""
    if "{" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: as_text(facts[m.group(1)]) if m.group(1) in facts else m.group(0), text)


def site_facts(project: Project) -> dict[str, str]:
    """The facts a web page words differently from a printed one: the website is the page's own
    ("this website"), and the worksheets are on their page, not "in the back of this guide"."""
    labels = project.text_labels
    return {"website": labels["fact_website_here"], "worksheets.where": labels["fact_worksheets_site"]}


def fill_project(project: Project, facts: Facts) -> Project:
    """The project with the facts put into the shared curriculum and guides; the
    organization's own modules, worksheets and pages as written."""
    own = project.own

    def fill_prose(text: str) -> str:
        if isinstance(text, Markdown):
            return type(text)(fill(text, facts))
        return type(text)(fill(text, facts, str)) if "{" in text else text

    curriculum = project.curriculum
    modules = tuple(m if m.id in own else map_prose(m, fill_prose) for m in curriculum.modules)
    worksheets = tuple(w if w.id in own else map_prose(w, fill_prose) for w in curriculum.worksheets)
    rest = map_prose(curriculum.model_copy(update={"modules": (), "worksheets": ()}), fill_prose)
    # A run-sheet message keeps its placeholders: the kit fills them with the step's own dates
    # too, and lists beside each message the facts it uses (plan/program/kit.py).
    tasks = tuple(
        t.model_copy(update={"message": original.message})
        for t, original in zip(rest.run_sheet, project.curriculum.run_sheet, strict=True)
    )
    curriculum = rest.model_copy(update={"modules": modules, "worksheets": worksheets, "run_sheet": tasks})
    days = day_names(project)
    guides = tuple(_fill_guide(g, facts, days) for g in project.guides)
    return replace(project, curriculum=curriculum, guides=guides)


def _fill_guide(guide: Guide, facts: Facts, days: Mapping[str, dt.date]) -> Guide:
    """A shipped guide with its facts in, and its dated lists in the program's date order."""
    if not guide.trusted:
        return guide
    text = in_date_order(fill(guide.text, facts), days)
    return replace(guide, title=fill(guide.title, facts, str), text=Markup(text))


def headcounts(size: int | None, labels: Mapping[str, str]) -> dict[str, str]:
    """Who comes, for a facilitator's page: `{everyone}` ("80 people (40 pairs)", without the program's
    size "every mentor and mentee") and `{in_all.people}` (" (80 in all)", or nothing: "one for each
    person" needs no number it does not have), `{in_all.mentors}` and `{in_all.mentees}`."""
    if not size:
        return {
            "everyone": labels["fact_everyone_unknown"],
            "in_all.people": "",
            "in_all.mentors": "",
            "in_all.mentees": "",
        }
    counts = {"people": 2 * size, "mentors": size, "mentees": size}
    return {
        "everyone": labels["fact_everyone"].format(people=2 * size, size=size),
        **{f"in_all.{who}": labels["fact_in_all"].format(n=n) for who, n in counts.items()},
    }
