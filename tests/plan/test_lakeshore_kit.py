"""What a profile like Lakeshore's (a kickoff before the start, a milestone after the closing
celebration, optional-looking group calls, no size, a program lead, an HR partner and a support
line) gets from the kit: the run-sheet dates the closing celebration by its own session, the time
tables count the kickoff, a pair's own meetings are its sessions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.models.project import Project
from generator.plan import plan_build
from generator.plan.print.handbook import program_dates
from generator.plan.program.escalation import escalation, routed
from generator.plan.program.facts import program_facts
from generator.plan.program.kit import run_sheet
from generator.plan.program.moments import pair_meetings
from generator.plan.program.time_asked import commitment
from generator.plan.program.timeline import program_facts as timeline_facts
from generator.plan.site.kit_pages import escalation_md, team_time_md
from generator.read.project import load_project
from tests.conftest import REPO


@pytest.fixture(scope="module")
def lakeshore() -> Project:
    return load_project(REPO, REPO / "organizations/lakeshore-libraries.yaml")


def test_the_closing_celebration_is_run_on_its_own_day_not_the_last_milestones(lakeshore: Project) -> None:
    celebration = next(e for e in lakeshore.events if e.moment == "celebration")
    later = [e for e in lakeshore.events if e.kind == "milestone" and e.date > celebration.date]
    assert later, "the profile has a milestone after the closing celebration (the open house)"
    close = [s.day for s in run_sheet(lakeshore) if s.task.id == "close"]
    assert close == [celebration.date]
    assert program_facts(lakeshore)["celebration.date"].endswith(f"{celebration.date:%b} {celebration.date.day}, 2027")


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_the_time_asked_counts_the_kickoff_before_the_start(lakeshore: Project, role: str) -> None:
    kickoff = next(e for e in lakeshore.events if e.moment == "kickoff")
    program = lakeshore.organization.program
    assert program is not None and kickoff.date < program.start
    c = commitment(lakeshore, role)
    rows = {h.name: h.minutes for h in c.series}
    assert rows[kickoff.series] == 60
    parts = sum(h.minutes for h in c.series) + c.preparation_minutes + c.training_minutes
    assert c.total_minutes == parts + sum(m for _, m in c.extras)


def test_a_pairs_own_meetings_are_its_sessions_not_the_group_calls(lakeshore: Project) -> None:
    together = ("kickoff", "celebration")
    sessions = [e for e in lakeshore.events if e.kind == "session" and e.moment not in together]
    assert pair_meetings(lakeshore) == len(sessions) == 18
    report = next(s for s in run_sheet(lakeshore) if s.task.id == "review").message
    assert report is not None and "each pair had 18 meetings of its own planned" in report.body


def test_the_facilitators_host_the_group_calls_the_schedule_sets(lakeshore: Project) -> None:
    said = program_facts(lakeshore)["gatherings"]
    calls = sum(1 for e in lakeshore.events if e.series == "Group call")
    assert said.startswith("the peer gatherings in the schedule: Group call, every two weeks")
    assert f"({calls} on the timeline)" in said and "none" not in said


def test_without_handles_the_speak_up_route_and_support_go_by_the_contacts_roles(lakeshore: Project) -> None:
    assert not any(c.handles for c in lakeshore.organization.contacts)
    routes = {r.concern.id: r for r in escalation(lakeshore)}
    assert [c.role for c in routes["speak-up"].contacts] == ["HR partner"]
    assert [c.role for c in routes["support"].contacts] == ["Confidential support line"]
    assert [c.role for c in routes["running"].contacts] == ["Program lead"]
    facts = program_facts(lakeshore)
    assert facts["concern.speak-up.who"].startswith("Tomasz Wierzbicki")
    table = escalation_md(escalation(lakeshore), lakeshore.labels)
    assert lakeshore.labels["kit_unassigned"] not in table


def test_the_speak_up_route_never_falls_back_to_the_program_team(lakeshore: Project) -> None:
    lead = lakeshore.organization.contacts[0]
    assert routed("speak-up", (lead,), lakeshore.labels) == ((), True)
    assert routed("running", (lead,), lakeshore.labels) == ((lead,), True)


def test_without_a_size_no_page_counts_heads_it_does_not_have(lakeshore: Project) -> None:
    program = lakeshore.organization.program
    assert program is not None and program.size == 24  # the profile's; taken away here
    organization = lakeshore.organization.model_copy(update={"program": program.model_copy(update={"size": None})})
    lakeshore = replace(lakeshore, organization=organization)
    pages = {p.path: str(p.context.get("text", "")) for p in plan_build(lakeshore).site.pages}
    unknown = lakeshore.text_labels["kit_size_unknown"]
    for page in ("run-kickoff", "run-closing", "run-mentee-orientation", "run-mentor-training"):
        assert unknown not in pages[f"guides/{page}.md"], page
    assert "| Name cards | one for each person |" in pages["guides/run-kickoff.md"]
    assert "first session for everyone: every mentor and mentee," in pages["guides/run-kickoff.md"]
    team = team_time_md(lakeshore)
    assert "?" not in team
    assert "**8 h, plus 35 minutes for each mentor and mentee \\(the program's size is not set\\)**" in team


def test_the_program_starts_on_one_day_everywhere(lakeshore: Project) -> None:
    program = lakeshore.organization.program
    assert program is not None
    kickoff = next(e for e in lakeshore.events if e.moment == "kickoff")
    facts = program_facts(lakeshore)
    assert facts["start"] == facts["kickoff.date"] == "Wed, Jan 27, 2027"
    assert timeline_facts(program, lakeshore.labels, "en", lakeshore.events)[0] == "Starts Wed, Jan 27, 2027"
    assert program_dates(program, "en", lakeshore.events) == f"Jan {kickoff.date.day}\u2009–\u2009Nov 18, 2027"
    steps = {s.task.id: s for s in run_sheet(lakeshore)}
    for step in ("sponsor", "brief-managers", "invite"):
        message = steps[step].message
        assert message is not None and "Jan 27, 2027" in message.body and "Feb 1, 2027" not in message.body, step
