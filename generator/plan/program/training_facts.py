"""The training's and the orientation's facts: their days, time, length and place
(`{training.date}`, `{training.time}`), what a reader does about the dates (`{training.booking}`),
and a full workshop's scenario card sets; from the kit's workshops, or from the profile's own
series that holds one (`holds: training`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from generator.models.program import TRAINING_MINUTES, Program
from generator.models.project import Project
from generator.plan.program.kit_days import first_days, holding, shared_capacity, workshop_days  # the run-sheet's days
from generator.plan.program.schedule_facts import day_before
from generator.plan.program.timeline_text import timeline_date
from generator.plan.program.words import labels_join


def card_sets(project: Project) -> dict[str, str]:
    """`{training.capacity}`, the most mentors a workshop holds (the `train` step's `capacity`),
    and `{training.card_sets}`, the scenario card sets a full one needs: a set a practice group,
    in threes, with one or two groups of four for the rest; under six people, one group."""
    labels = project.text_labels
    task = next((t for t in project.curriculum.run_sheet if t.id == "train" and t.capacity), None)
    if task is None or task.capacity is None:
        return {
            "training.capacity": labels["fact_capacity"],
            "training.card_sets": labels["fact_card_sets_unknown"],
            **orientation_capacity(project),
        }
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
    return {"training.capacity": str(people), "training.card_sets": sets, **orientation_capacity(project)}


def orientation_capacity(project: Project) -> dict[str, str]:
    """`{orientation.capacity}`: the most mentees one orientation holds (the `orient` step's)."""
    task = next((t for t in project.curriculum.run_sheet if t.id == "orient" and t.capacity), None)
    capacity = task.capacity if task else None
    return {"orientation.capacity": str(capacity) if capacity else project.text_labels["fact_capacity_mentees"]}


def workshop_facts(project: Project) -> dict[str, str]:
    """`{training.date}` and `{orientation.date}`: the days the run-sheet holds them, or the days
    of the profile's own series that holds one ("Mon, Jan 11, 2027 or Mon, Jan 18, 2027"): one
    workshop offered at each, and each person comes to one; with the series' time and length."""
    labels, language = project.text_labels, project.curriculum.language
    facts = {}
    for key, task in (("training", "train"), ("orientation", "orient")):
        held = workshop_days(project, task)
        days = [timeline_date(day, language) for day in held]
        series = holding(project, key)
        facts[f"{key}.date"] = labels_join(days, labels, "fact_or") or labels["fact_date"]
        facts[f"{key}.day_before"] = day_before(list(held), project, "fact_and")
        facts[f"{key}.each"] = labels[f"fact_{key}_{'each' if len(held) > 1 else 'one'}"]
        if series is not None:
            facts[f"{key}.minutes"] = str(series.minutes)
            if series.time:
                facts[f"{key}.time"] = series.time
        facts[f"{key}.booking"] = booking(project, key, len(held), series is not None)
        run = next((t for t in project.curriculum.run_sheet if t.id == task), None)
        shared = shared_capacity(project, run, len(held)) if run and series is not None else None
        reply = "fact_reply_shared" if shared else "fact_reply_one_of" if len(held) > 1 else "fact_reply_one"
        facts[f"{key}.reply"] = labels[reply].format(
            catch_up=days[-1] if days else labels["fact_date"],
            capacity=shared,
            first=labels_join(days[:-1], labels, "fact_or"),
        )
    facts["training.dated"] = dated(project, facts["training.date"])
    facts["training.both_days"] = (
        labels["fact_training_both_days"]
        if set(workshop_days(project, "train")) & set(workshop_days(project, "orient"))
        else ""
    )
    return facts


def dated(project: Project, dates: str) -> str:
    """`{training.dated}`: how the training's days are set, for the facilitator: the kit's
    workshops, as many as the mentors need; or the profile's series, one workshop offered at each
    meeting (the last the catch-up), and what is missing if its meetings cannot hold every mentor."""
    labels, program = project.text_labels, project.organization.program
    size = program.size if program else None
    series = holding(project, "training")
    if series is None:
        return labels["fact_training_workshops"].format(size=size or labels["kit_size_unknown"])
    meetings = len(workshop_days(project, "train"))
    task = next((t for t in project.curriculum.run_sheet if t.id == "train"), None)
    capacity = task.capacity if task else None
    key = "fact_training_held" if meetings > 1 else "fact_training_held_one"
    said = labels[key].format(series=series.name, dates=dates)
    if size and capacity and meetings * capacity < size:
        said += labels["fact_training_short"].format(capacity=capacity, seats=meetings * capacity, size=size)
    return said


def booking(project: Project, key: str, days: int, held: bool) -> str:
    """`{training.booking}`: what a reader does about the dates: come on one of the first dates,
    the last being for anyone who cannot (a catch-up), when the program team asks (the kit's
    workshops, or a profile's series that offers the one workshop at each meeting); a series
    of one meeting: come to it."""
    labels, step = project.text_labels, f"{key}-invite"
    asked = first_days(project).get(step)
    day = timeline_date(asked, project.curriculum.language) if asked else labels["fact_date"]
    task = "train" if key == "training" else "orient"
    dates = [timeline_date(d, project.curriculum.language) for d in workshop_days(project, task)]
    run = next((t for t in project.curriculum.run_sheet if t.id == task), None)
    capacity = shared_capacity(project, run, len(dates)) if run and held else None
    if capacity:  # the cohort needs every date: none is a catch-up
        return labels["fact_booking_shared"].format(asked=day, capacity=capacity)
    if len(dates) > 1:  # come on one of the first dates; the last is a catch-up
        wording = "fact_booking_one_of" if held else "fact_booking_choose"
        return labels[wording].format(asked=day, first=labels_join(dates[:-1], labels), catch_up=dates[-1])
    return labels["fact_booking_held"].format(asked=day)


def order_facts(project: Project, first_one_to_one: str) -> dict[str, str]:
    """The mentee orientation's place beside the kickoff, from their days and times, so that
    no page puts one before the other the wrong way round: `{orientation.when}` ("before the
    kickoff", "straight after the kickoff"), `{orientation.show}` (what the orientation's last
    step shows of Start here), `{orientation.until}` (what a mentee who missed it asks before),
    `{kickoff.guides}` (where the pairs get their guides), `{kickoff.guide}` (how a mentee brings
    theirs to the kickoff) and `{kickoff.stay}` (the kickoff
    message's word to the mentees when the orientation follows it on the day)."""
    labels = project.text_labels
    order = orientation_order(project)
    series = holding(project, "orientation")
    program = project.organization.program
    time = (series.time if series and series.time else None) or (program.orientation_time if program else "")
    minutes = str(series.minutes) if series else str(TRAINING_MINUTES["mentee"])
    return {
        "orientation.when": labels[f"fact_orientation_{order}"],
        "orientation.show": labels["fact_orientation_show_" + ("before" if order == "before" else "after")],
        "orientation.until": labels["fact_orientation_until_" + ("before" if order == "before" else "after")].format(
            date=first_one_to_one
        ),
        "kickoff.guides": labels["fact_kickoff_guides_" + ("before" if order == "before" else "after")],
        "kickoff.guide": labels["fact_kickoff_guide_" + ("before" if order == "before" else "after")].format(
            when=labels[f"fact_orientation_{order}"]
        ),
        "kickoff.stay": labels["fact_kickoff_stay"].format(time=time, minutes=minutes) if order == "straight" else "",
    }


def orientation_order(project: Project) -> str:
    """`before` the kickoff (the kit's), `straight` after it on the same day (it starts when the
    kickoff ends), or `after` it: from the kickoff's meeting and the orientation's days."""
    kickoff = next((e for e in project.events if e.kind == "session" and e.moment == "kickoff"), None)
    days = workshop_days(project, "orient")
    if kickoff is None or not days or max(days) < kickoff.date:
        return "before"
    series = holding(project, "orientation")
    program = project.organization.program
    time = (series.time if series and series.time else None) or (program.orientation_time if program else None)
    if days == (kickoff.date,) and time and kickoff.time and kickoff.minutes:
        start = dt.datetime.combine(kickoff.date, dt.time.fromisoformat(kickoff.time))
        end = (start + dt.timedelta(minutes=kickoff.minutes)).time()
        begins = dt.time.fromisoformat(time)
        if begins < dt.time.fromisoformat(kickoff.time):
            return "before"
        return (
            "straight"
            if begins <= (dt.datetime.combine(kickoff.date, end) + dt.timedelta(minutes=30)).time()
            else "after"
        )
    return "after"


def workshop_places(program: Program | None, labels: Mapping[str, str]) -> dict[str, str]:
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
