"""The training's and the orientation's facts: their days, time, length and place
(`{training.date}`, `{training.time}`), what a reader does about the dates (`{training.booking}`),
and a full workshop's scenario card sets; from the kit's workshops, or from the profile's own
series that holds one (`holds: training`)."""

from __future__ import annotations

from collections.abc import Mapping

from generator.models.program import Program
from generator.models.project import Project
from generator.plan.program.kit_days import first_days, holding, workshop_days  # the run-sheet's days
from generator.plan.program.schedule_facts import day_before
from generator.plan.program.timeline import timeline_date
from generator.plan.program.words import labels_join


def card_sets(project: Project) -> dict[str, str]:
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


def workshop_facts(project: Project) -> dict[str, str]:
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
        facts[f"{key}.day_before"] = day_before(list(held), project, word)
        if series is not None:
            facts[f"{key}.minutes"] = str(series.minutes)
            if series.time:
                facts[f"{key}.time"] = series.time
        facts[f"{key}.booking"] = booking(project, key, len(held), series is not None)
    size = project.organization.program.size if project.organization.program else None
    series = holding(project, "training")
    facts["training.dated"] = (
        labels["fact_training_held"].format(series=series.name, dates=facts["training.date"])
        if series
        else labels["fact_training_workshops"].format(size=size or labels["kit_size_unknown"])
    )
    return facts


def booking(project: Project, key: str, days: int, held: bool) -> str:
    """`{training.booking}`: what a reader does about the dates. The kit's workshops: come on one of
    the first dates, the last being for anyone who cannot (a catch-up), and reply when the program
    team asks; a profile's own series: come to each."""
    labels, step = project.text_labels, f"{key}-invite"
    asked = first_days(project).get(step)
    day = timeline_date(asked, project.curriculum.language) if asked else labels["fact_date"]
    task = "train" if key == "training" else "orient"
    dates = [timeline_date(d, project.curriculum.language) for d in workshop_days(project, task)]
    if not held and len(dates) > 1:  # the kit's: come on one of the first dates; the last is a catch-up
        first = labels_join(dates[:-1], labels)
        return labels["fact_booking_choose"].format(asked=day, first=first, catch_up=dates[-1])
    return labels["fact_booking_every" if held and days > 1 else "fact_booking_held"].format(asked=day)


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
