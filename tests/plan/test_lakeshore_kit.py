"""What a profile like Lakeshore's (a kickoff before the start, a milestone after the closing
celebration, group calls for all pairs, no size, contacts without `handles`) gets from the kit:
the run-sheet dates the closing celebration by its own session, the time tables count the kickoff,
a pair's own meetings are its sessions, the facilitators host the group calls, the speak-up route
and personal support go by the contacts' roles, no page counts heads it does not have, the
program starts on one day everywhere, and the Start here dates come in date order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.models.project import Project
from generator.plan import plan_build
from generator.plan.print.handbook import program_dates
from generator.plan.program.date_order import in_date_order
from generator.plan.program.escalation import escalation, routed
from generator.plan.program.facts import program_facts
from generator.plan.program.kit import run_sheet
from generator.plan.program.moments import pair_meetings
from generator.plan.program.time_asked import commitment
from generator.plan.program.timeline_text import program_facts as timeline_facts
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


def test_the_module_reminders_never_say_the_first_module_needs_none(lakeshore: Project) -> None:
    reminders = [s for s in run_sheet(lakeshore) if s.task.id == "module-reminder"]
    assert reminders and not [s for s in reminders if "first module" in s.task.do]


def test_the_start_here_dates_are_in_date_order(lakeshore: Project) -> None:
    pages = {p.path: str(p.context.get("text", "")) for p in plan_build(lakeshore).site.pages}
    mentee = pages["guides/start-here-mentee.md"]
    kickoff, orientation = mentee.index("**The kickoff:**"), mentee.index("**Mentee orientation:**")
    assert kickoff < orientation  # the same day, 10:00 before 11:00
    mentor = pages["guides/start-here-mentor.md"]
    assert mentor.index("**Your start self-assessment:**") < mentor.index("**Your match:**")  # Jan 11, Jan 19
    for page in (mentor, mentee):
        assert "once both managers have approved your time" in page


def test_a_list_with_an_undated_item_keeps_its_order() -> None:
    days = {"Mon, Jan 11, 2027": dt.date(2027, 1, 11), "Tue, Jan 19, 2027": dt.date(2027, 1, 19)}
    dated = "- b on Tue, Jan 19, 2027\n- a on Mon, Jan 11, 2027\n\ntext"
    assert in_date_order(dated, days) == "- a on Mon, Jan 11, 2027\n- b on Tue, Jan 19, 2027\n\ntext"
    undated = "- b on Tue, Jan 19, 2027\n- a, whenever\n"
    assert in_date_order(undated, days) == undated
    same_day = "- at 11:00 on Mon, Jan 11, 2027\n- Mon, Jan 11, 2027, at 10:00"
    assert in_date_order(same_day, days).startswith("- Mon, Jan 11, 2027, at 10:00")
