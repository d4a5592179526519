"""The program's facts, computed once: every number and date a profile decides that shipped
text states (`{kickoff.minutes}`, `{rhythm}`, `{concern.harm.respond}`; the names are
models/facts.py's), and the one function that puts them into a text.

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
from generator.models import Markdown, Session
from generator.models.events import Event
from generator.models.facts import MOMENT_KEYS, PLACEHOLDER
from generator.models.guide import Guide
from generator.models.organization import Contact
from generator.models.program import TRAINING_MINUTES as TRAINING_MINUTES  # the kit and tests read it here too
from generator.models.program import Program
from generator.models.project import Project
from generator.models.prose import map_prose
from generator.plan.program.kit_days import (  # the run-sheet's days (kit.py fills its text with these facts)
    first_days,
    holding,
    workshop_days,
)
from generator.plan.program.moments import kit_dates, last_day
from generator.plan.program.responses import answered
from generator.plan.program.timeline import cadence_label, closing_place, timeline_date
from generator.plan.program.words import count

Facts = Mapping[str, str]


def program_facts(project: Project) -> Facts:
    """Every fact's value, as plain text, for this organization's program."""
    labels = project.text_labels
    program = project.organization.program
    sessions = [e for e in project.events if e.kind == "session"]
    facts = {
        "organization": project.organization.name,
        "sessions": count(len(sessions) or len(project.curriculum.sessions()), labels),
        "meeting.minutes": str(_usual_minutes(project, sessions)),
        "training.minutes": str(TRAINING_MINUTES["mentor"]),
        "orientation.minutes": str(TRAINING_MINUTES["mentee"]),
        "contact": first_contact(project),
        "size": str(program.size) if program and program.size else labels["kit_size_unknown"],
        "privacy": labels["privacy"],
        "applications.who": labels["privacy_applications_who"],  # the privacy notice's own words
        "people": str(2 * program.size) if program and program.size else labels["kit_size_unknown"],
        "meetings.planned": _meetings_planned(project),
        "kickoff.place": program.kickoff_place if program and program.kickoff_place else labels["fact_place"],
        "celebration.place": (closing_place(program) if program else None) or labels["fact_place"],
        "emergency": project.organization.emergency or labels["fact_emergency"],
        "first_module": project.curriculum.modules[0].title,
        "first_one_to_one.module": _first_one_to_one_module(project, sessions),
        "website": website(project),
        "gatherings": gatherings(project),
        **_card_sets(project),
        **_conversations(project),
        **_dates(project, program, sessions),
        **_moments(project, sessions),
        **_concerns(project),
        **_workshop_places(program, labels),
        **_workshops(project),  # after the places: a profile's series that holds one gives its time
        **_step_days(project),
    }
    facts["rhythm"] = rhythm(program, sessions, labels) if program else labels["fact_rhythm"]
    return facts


def _first_one_to_one_module(project: Project, sessions: list[Event]) -> str:
    """The title of the module that holds the pair's first one-to-one: the first booked session
    after the kickoff's series; without a schedule, the first session that is not the kickoff."""
    kickoff = next((e for e in sessions if e.moment == "kickoff"), None)
    after = [e for e in sessions if kickoff is None or e.series != kickoff.series]
    wanted = after[0].session_id if after else None
    for module in project.curriculum.modules:
        for session in module.sessions:
            if session.id == wanted or (wanted is None and session.moment != "kickoff"):
                return module.title
    return project.curriculum.modules[0].title


def _card_sets(project: Project) -> dict[str, str]:
    """`{training.capacity}`, the most mentors a workshop holds (the `train` step's `capacity`),
    and `{training.card_sets}`, the scenario card sets a full one needs: a set a practice group,
    in threes, with one or two groups of four for the rest; under six people, one group."""
    labels = project.text_labels
    task = next((t for t in project.curriculum.run_sheet if t.id == "train" and t.capacity), None)
    if task is None or task.capacity is None:
        return {"training.capacity": labels["fact_capacity"], "training.card_sets": labels["fact_card_sets_unknown"]}
    people = task.capacity
    groups, fours = people // 3, people % 3
    if people < 6:
        sets = labels["fact_card_sets_one"]
    elif fours == 0:
        sets = labels["fact_card_sets_threes"].format(sets=groups)
    elif fours == groups:
        sets = labels["fact_card_sets_fours"].format(sets=groups)
    else:
        sets = labels["fact_card_sets"].format(sets=groups, threes=groups - fours, fours=fours)
    return {"training.capacity": str(people), "training.card_sets": sets}


def gatherings(project: Project) -> str:
    """ "Mentors' lunch, Thu, Jun 17, 2027, 12:00": the schedule's timed milestones for mentors or
    mentees only (their peer gatherings: the drop-ins the facilitators' page asks for)."""
    labels, language = project.text_labels, project.curriculum.language
    found = [
        f"{e.title}, {timeline_date(e.date, language)}, {e.time}"
        for e in project.events
        if e.kind == "milestone" and e.time and e.audience in ("mentors", "mentees")
    ]
    return "; ".join(found) or labels["fact_gatherings"]


def website(project: Project, labels: Mapping[str, str] | None = None) -> str:
    """Where the handbook is on the web, for a printed page to say: the program's `handbook_url`,
    else that the program team's messages link to it (a path in a folder opens nothing on paper)."""
    labels, program = labels or project.text_labels, project.organization.program
    if program and program.handbook_url:
        return labels["fact_website_at"].format(url=program.handbook_url)
    return labels["fact_website"]


def _meetings_planned(project: Project) -> str:
    """Each pair's meetings from the start on, as the tracker plans its "Meetings held" column."""
    dates = kit_dates(project)
    return str(dates.meetings) if dates else project.text_labels["fact_meetings"]


CONVERSATIONS = {"midpoint_conversation": "midpoint-conversations", "exit_conversation": "exit-conversations"}


def _conversations(project: Project) -> dict[str, str]:
    """The program team's conversations' length: the run-sheet step's own `team_minutes`, one number."""
    minutes = {t.id: t.team_minutes for t in project.curriculum.run_sheet if t.team_minutes}
    return {f"{fact}.minutes": str(minutes.get(task, 20)) for fact, task in CONVERSATIONS.items()}


def _dates(project: Project, program: Program | None, sessions: list[Event]) -> dict[str, str]:
    labels, language = project.text_labels, project.curriculum.language
    if program is None:
        return {
            "program": labels["fact_program"],
            "start": labels["fact_start"],
            "end": labels["fact_end"],
            "weeks": labels["fact_weeks"],
            "first_one_to_one.date": labels["fact_date"],
            "first_one_to_one.time": labels["fact_time"],
            "last_session.date": labels["fact_date"],
        }
    kickoff = next((e for e in sessions if e.moment == "kickoff"), None)
    after = [e for e in sessions if kickoff is None or e.series != kickoff.series]

    def day(date: dt.date) -> str:
        return timeline_date(date, language)

    return {
        "program": program.name,
        "start": day(program.start),
        "end": day(last_day(program.start, program.weeks, project.events)),
        "weeks": count(program.weeks, labels, "week"),
        "first_one_to_one.date": day(after[0].date) if after else labels["fact_date"],
        "first_one_to_one.time": after[0].time if after and after[0].time else labels["fact_time"],
        "last_session.date": day(sessions[-1].date) if sessions else labels["fact_date"],
    }


def _moments(project: Project, sessions: list[Event]) -> dict[str, str]:
    """`{kickoff.minutes}`, `{kickoff.time}`, `{kickoff.date}` and the like: the meeting that
    holds the session of that moment; without a program, the session's own length."""
    labels, language = project.text_labels, project.curriculum.language
    booked = {e.moment: e for e in sessions if e.moment}
    written: dict[str, Session] = {s.moment: s for s in project.curriculum.sessions() if s.moment}
    facts = {}
    for moment, key in MOMENT_KEYS.items():
        event, session = booked.get(moment), written.get(moment)
        minutes = (event.minutes if event else None) or (session.minutes if session else None)
        facts[f"{key}.minutes"] = str(minutes or _usual_minutes(project, sessions))
        facts[f"{key}.time"] = event.time if event and event.time else labels["fact_time"]
        facts[f"{key}.date"] = timeline_date(event.date, language) if event else labels["fact_date"]
        facts[f"{key}.day_before"] = _day_before([event.date] if event else [], project)
        facts[f"{key}.agenda"] = agenda_line(session, labels) if session else labels["fact_agenda"]
    return facts


def agenda_line(session: Session, labels: Mapping[str, str]) -> str:
    """ "Welcome (5 minutes); What changed (15 minutes); ...": the session's own agenda in one
    line, so that a run-of-show page or a list that names its steps can never disagree with it."""
    steps = [f"{step.step} ({count(step.minutes, labels, 'minute')})" for step in session.agenda]
    return "; ".join(steps) or labels["fact_agenda"]


def _day_before(days: list[dt.date], project: Project, word: str = "fact_or") -> str:
    """The working day before each of `days` (a weekend, a public holiday or a break skipped):
    when the facilitator prints and checks the room. A Monday session's is the Friday before."""
    labels, calendar = project.text_labels, project.calendar
    if not days or calendar is None:
        return labels["fact_day_before"]
    before = sorted({calendar.before(day, 1) for day in days})
    return labels_join([timeline_date(day, project.curriculum.language) for day in before], labels, word)


def _workshops(project: Project) -> dict[str, str]:
    """`{training.date}` and `{orientation.date}`: the days the run-sheet holds them ("Mon, Dec 7,
    2026 or Mon, Dec 14, 2026"; people choose one), or the days of the profile's own series that
    holds it ("Mon, Jan 11, 2027 and Mon, Jan 18, 2027"; people come to each), with its time and length."""
    labels, language = project.text_labels, project.curriculum.language
    facts = {}
    for key, task in (("training", "train"), ("orientation", "orient")):
        held = workshop_days(project, task)
        days = [timeline_date(day, language) for day in held]
        series = holding(project, key)
        word = "fact_and" if series else "fact_or"  # a series is attended whole; of the kit's, people choose one
        facts[f"{key}.date"] = labels_join(days, labels, word) or labels["fact_date"]
        facts[f"{key}.day_before"] = _day_before(list(held), project, word)
        if series is not None:
            facts[f"{key}.minutes"] = str(series.minutes)
            if series.time:
                facts[f"{key}.time"] = series.time
        facts[f"{key}.booking"] = _booking(project, key, len(held), series is not None)
    size = project.organization.program.size if project.organization.program else None
    series = holding(project, "training")
    facts["training.dated"] = (
        labels["fact_training_held"].format(series=series.name, dates=facts["training.date"])
        if series
        else labels["fact_training_workshops"].format(size=size or labels["kit_size_unknown"])
    )
    return facts


def _booking(project: Project, key: str, days: int, held: bool) -> str:
    """`{training.booking}`: what a reader does about the dates. The kit's workshops: choose one
    (the last is a catch-up) when the program team asks; a profile's own series: come to each."""
    labels, step = project.text_labels, f"{key}-invite"
    asked = first_days(project).get(step)
    day = timeline_date(asked, project.curriculum.language) if asked else labels["fact_date"]
    wording = "fact_booking_choose" if not held else "fact_booking_every" if days > 1 else "fact_booking_held"
    return labels[wording].format(asked=day)


def _workshop_places(program: Program | None, labels: Mapping[str, str]) -> dict[str, str]:
    """`{training.time}`, `{training.place}`, `{orientation.time}`, `{orientation.place}`: the
    profile's, else the kickoff's place; the defaults' times do not overlap on one day."""
    if program is None:
        return {
            f"{k}.{part}": labels[f"fact_{part}"] for k in ("training", "orientation") for part in ("time", "place")
        }
    place = program.kickoff_place or labels["fact_place"]
    return {
        "training.time": program.training_time,
        "training.place": program.training_place or place,
        "orientation.time": program.orientation_time,
        "orientation.place": program.orientation_place or place,
    }


def _step_days(project: Project) -> dict[str, str]:
    """`{step.<id>.date}`: each run-sheet step's first day, as the run-sheet dates it."""
    labels, language = project.text_labels, project.curriculum.language
    days = first_days(project)
    return {
        f"step.{t.id}.date": timeline_date(days[t.id], language) if t.id in days else labels["fact_date"]
        for t in project.curriculum.run_sheet
    }


def _usual_minutes(project: Project, sessions: list[Event]) -> int:
    """The length most sessions are booked for (the curriculum's, without a program)."""
    lengths = [e.minutes for e in sessions if e.minutes] or [s.minutes for s in project.curriculum.sessions()]
    return max(sorted(set(lengths)), key=lengths.count)


def rhythm(program: Program, sessions: list[Event], labels: Mapping[str, str]) -> str:
    """ "weekly for the first 6 sessions, then every two weeks": each series that carries more
    than one session, in the order pairs reach it."""
    carried: dict[str, int] = {}
    for event in sessions:
        carried[event.series or ""] = carried.get(event.series or "", 0) + 1
    cadences = {s.name or "": s.cadence for s in program.series()}
    steps = [(cadence_label(cadences[name], labels), n) for name, n in carried.items() if n > 1 and name in cadences]
    if not steps:
        return cadence_label(program.series()[0].cadence, labels)
    parts = [labels["fact_rhythm_first"].format(cadence=c, sessions=count(n, labels)) for c, n in steps[:-1]]
    if not parts:
        return steps[-1][0]
    return labels["fact_rhythm_then"].join([*parts, steps[-1][0]])


def _concerns(project: Project) -> dict[str, str]:
    contacts = project.organization.contacts
    facts = {}
    for concern in project.curriculum.concerns:
        named = [c for c in contacts if concern.id in c.handles] or list(contacts[:1])
        who = reach_all(named, project.text_labels) or project.text_labels["kit_program_lead"]
        facts[f"concern.{concern.id}.respond"] = answered(concern, [c for c in contacts if concern.id in c.handles])
        facts[f"concern.{concern.id}.who"] = who
    return facts


def labels_join(names: list[str], labels: Mapping[str, str], word: str = "fact_or") -> str:
    """ "A", "A or B", "A, B or C" (with `fact_and`: "A, B and C")."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {labels[word]} {names[-1]}"


def first_contact(project: Project) -> str:
    contacts = project.organization.contacts
    if not contacts:
        return project.text_labels["kit_program_lead"]
    return reach(contacts[0])


def reach_all(contacts: list[Contact], labels: Mapping[str, str]) -> str:
    """ "Dana Okafor or Priya Raman (mentoring@example.org)": contacts who share an address are
    named before it once, not each with a copy of it."""
    shared: dict[str, list[str]] = {}
    for contact in contacts:
        shared.setdefault(contact.email or contact.phone or "", []).append(contact.name)
    return labels_join(
        [
            f"{labels_join(names, labels)} ({how})" if how else labels_join(names, labels)
            for how, names in shared.items()
        ],
        labels,
    )


def reach(contact: Contact) -> str:
    """ "Sam Lindqvist (people@example.org)": a contact's name and how to reach them, so that a
    sentence telling a reader to go to someone is enough on its own."""
    how = contact.email or contact.phone
    return f"{contact.name} ({how})" if how else contact.name


def fill(text: str, facts: Facts, as_text: Callable[[str], str] = escape_text) -> str:
    """`text` with each known placeholder replaced by its fact (made safe by `as_text`); a name
    that is not a fact is left as written (reading refused it already in shipped text)."""
    if "{" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: as_text(facts[m.group(1)]) if m.group(1) in facts else m.group(0), text)


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
    guides = tuple(_fill_guide(g, facts) for g in project.guides)
    return replace(project, curriculum=curriculum, guides=guides)


def _fill_guide(guide: Guide, facts: Facts) -> Guide:
    if not guide.trusted:
        return guide
    return replace(guide, title=fill(guide.title, facts, str), text=Markup(fill(guide.text, facts)))
