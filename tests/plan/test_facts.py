"""The program's facts, computed once from the profile and its schedule, and put into the
shared text (never into the organization's own): plan/program/facts.py, read/placeholders.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.models import Markdown
from generator.models.facts import FACTS, SAID_WHEN, fact_names
from generator.models.project import Project
from generator.plan.program.facts import fill, fill_project, program_facts
from generator.plan.program.timeline_text import timeline_date
from generator.read.placeholders import check_placeholders
from generator.read.yaml_file import load_yaml


def test_every_named_fact_has_a_value_for_the_example(example_project: Project) -> None:
    facts = program_facts(example_project)
    curriculum = example_project.curriculum
    assert set(facts) == set(fact_names((c.id for c in curriculum.concerns), (t.id for t in curriculum.run_sheet)))
    assert all(value.strip() for name, value in facts.items() if name not in SAID_WHEN)


def test_the_kickoffs_facts_are_the_meeting_it_is_booked_in(example_project: Project) -> None:
    facts = program_facts(example_project)
    kickoff = next(e for e in example_project.events if e.moment == "kickoff")
    assert facts["kickoff.minutes"] == str(kickoff.minutes)
    assert facts["kickoff.time"] == kickoff.time
    assert facts["kickoff.date"] == timeline_date(kickoff.date, "en")


def test_the_day_before_a_monday_session_is_the_working_friday_before(example_project: Project) -> None:
    facts = program_facts(example_project)
    kickoff = next(e for e in example_project.events if e.moment == "kickoff")
    assert kickoff.date.weekday() == 0  # the example's kickoff is on a Monday
    assert facts["kickoff.day_before"] == "Fri, Jan 8, 2027"
    for key in ("celebration", "training", "orientation"):
        days = facts[f"{key}.day_before"].replace(" or ", ", 20").split(", 20")  # "Fri, Dec 4, 2026, Fri, ..."
        assert days and not any(day.startswith(("Sat", "Sun")) for day in days), facts[f"{key}.day_before"]


def test_the_end_is_the_last_day_anything_happens(example_project: Project) -> None:
    facts = program_facts(example_project)
    last = max(e.date for e in example_project.events)
    assert facts["end"] == timeline_date(last, "en")
    celebration = next(e for e in example_project.events if e.moment == "celebration")
    assert facts["celebration.date"] == facts["end"] == timeline_date(celebration.date, "en")


def test_the_rhythm_names_each_series_in_the_order_pairs_reach_it(example_project: Project) -> None:
    assert (
        program_facts(example_project)["rhythm"] == "weekly for the first 6 one-to-one sessions, then every two weeks"
    )


def test_a_fact_goes_into_markdown_as_text_and_a_non_fact_stays() -> None:
    facts = {"program": "A *bold* <b>name</b>"}
    assert (
        fill("Join {program} {date} {: .note }", facts) == "Join A \\*bold\\* &lt;b&gt;name&lt;/b&gt; {date} {: .note }"
    )


def test_the_organizations_own_modules_are_never_templates(example_project: Project) -> None:
    module = example_project.curriculum.modules[0]
    theirs = module.model_copy(update={"summary": Markdown("Ours: {program}")})
    ours = example_project.curriculum.modules[1].model_copy(update={"summary": Markdown("Ours: {program}")})
    curriculum = example_project.curriculum.model_copy(
        update={"modules": (theirs, ours, *example_project.curriculum.modules[2:])}
    )
    project = replace(example_project, curriculum=curriculum, own=frozenset({module.id}))
    filled = fill_project(project, program_facts(project))
    assert filled.curriculum.modules[0].summary == "Ours: {program}"
    assert filled.curriculum.modules[1].summary == "Ours: Leadership Mentoring 2027"


def test_an_unknown_name_is_a_problem_at_its_own_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "curriculum.yaml"
    path.write_text(
        "title: T\nsummary: |\n  First line.\n  Pairs meet {rythm}, then {rhythm}.\n"
        "run_sheet:\n  - id: a\n    anchor: start\n    message:\n      subject: '{milestone} on {date}'\n",
        encoding="utf-8",
    )
    problems = check_placeholders(load_yaml(path))
    assert [(p.line, p.column) for p in problems] == [(4, 14), (9, 17)]
    assert "did you mean {rhythm}?" in problems[0].hint and "{kickoff.minutes}" in problems[0].hint
    assert "not filled in for `anchor: start`" in problems[1].message


def test_the_readme_lists_every_fact() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for name in FACTS:
        assert f"`{{{name}}}`" in readme, name


def test_a_run_of_show_invites_on_the_day_the_run_sheet_sends_the_invitation(example_project: Project) -> None:
    """One truth for the run-of-show tables and the run-sheet: the invitation's day is the step's."""
    from generator.plan.program.facts import fill_project
    from generator.plan.program.kit import run_sheet

    filled = fill_project(example_project, program_facts(example_project))
    first: dict[str, str] = {}
    for step in run_sheet(example_project):
        first.setdefault(step.task.id, step.when)
    for guide, step in (("run-mentor-training", "training-invite"), ("run-mentee-orientation", "orientation-invite")):
        text = str(next(g for g in filled.guides if g.path == f"guides/{guide}.md").text)
        assert f"| {first[step]} | Invite the" in text, guide
        assert "weeks before" not in text


def test_the_scenario_card_sets_add_up_for_any_workshop_size(example_project: Project) -> None:
    import re

    curriculum = example_project.curriculum
    for capacity, expected in (
        (
            16,
            "5 copies of each chosen scenario's page, one for each group: 4 of three and 1 of four (a page holds two observer's cards)",
        ),
        (12, "4 copies of each chosen scenario's page, one for each group of three"),
        (8, "2 copies of each chosen scenario's page, one for each group of four (a page holds two observer's cards)"),
        (5, "one copy of each chosen scenario's page: with fewer than six people, the practice is one group"),
    ):
        tasks = tuple(
            t.model_copy(update={"capacity": capacity}) if t.id == "train" else t for t in curriculum.run_sheet
        )
        project = replace(example_project, curriculum=curriculum.model_copy(update={"run_sheet": tasks}))
        facts = program_facts(project)
        assert facts["training.capacity"] == str(capacity) and facts["training.card_sets"] == expected
        numbers = [int(n) for n in re.findall(r"(\d+) of (?:three|four)", expected)]
        if len(numbers) == 2:  # every person in a group: threes and fours make the workshop
            assert 3 * numbers[0] + 4 * numbers[1] == capacity


def test_the_drop_ins_are_the_schedules_gatherings(example_project: Project) -> None:
    gatherings = (
        "the peer gathering in the schedule: the Mentors' lunch, Thu, Jun 17, 2027, 12:00–13:00 "
        "(swap what is working with the other mentors over lunch; place: The Harbor Room, head office)"  # its place
    )
    assert program_facts(example_project)["gatherings"] == gatherings


def _at(project: Project, url: str | None) -> Project:
    program = project.organization.program
    assert program is not None
    published = program.model_copy(update={"handbook_url": url})
    return replace(project, organization=project.organization.model_copy(update={"program": published}))


def test_a_message_links_each_page_under_the_handbook_url_else_asks_for_the_link(example_project: Project) -> None:
    """A message cannot send a reader to "the handbook's privacy notice" without its address."""
    url = "https://intranet.example.org/mentoring/"
    at = program_facts(_at(example_project, url))
    assert at["link.privacy"] == url + "privacy.html" and at["link.calendar"] == url + "program.ics"
    assert at["link.mentor_role"] == url + "guides/mentor-role.html" and at["link.handbook"] == url
    unpublished = program_facts(_at(example_project, None))
    assert unpublished["link.privacy"] == "[link to the privacy notice]"
    assert unpublished["link.start_mentee"] == "[link to the mentee's Start here page]"


def test_the_kits_workshops_say_which_date_to_come_on_and_what_the_last_is_for(example_project: Project) -> None:
    """One wording for the orientation's and the training's dates, on every page that states them
    and on the timeline: come on the first dates; the last is for anyone who cannot come then."""
    facts = program_facts(example_project)
    assert facts["orientation.booking"].startswith(
        "Come on Mon, Dec 7, 2026; Mon, Dec 14, 2026 is for anyone who cannot come then."
    )
    assert facts["training.booking"].startswith("Come on Mon, Nov 23, 2026, ")
    assert "catch-up" not in facts["orientation.booking"] + facts["training.booking"]
