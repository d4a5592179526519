"""The shipped worksheets agree with the sessions that use them: every field a session tells the
pair to fill in exists, each worksheet is used and its instructions name where, and a session
that names a worksheet lists it. Read from the shipped curriculum itself, as the build reads it."""

from __future__ import annotations

import re
from functools import cache

import pytest

from generator.models import Curriculum, Session, Worksheet
from generator.read.layout import SHIPPED
from generator.read.project import load_curriculum
from generator.read.yaml_file import load_yaml


@cache
def shipped() -> Curriculum:
    return load_curriculum(load_yaml(SHIPPED / "curriculum.yaml"))


def sheet(worksheet_id: str) -> Worksheet:
    return next(w for w in shipped().worksheets if w.id == worksheet_id)


def field_names(worksheet: Worksheet) -> set[str]:
    return {f.name for section in worksheet.sections for f in section.fields if hasattr(f, "name")}


def session(session_id: str) -> Session:
    return next(s for s in shipped().sessions() if s.id == session_id)


def text_of(s: Session) -> str:
    return s.model_dump_json()


# What a session asks the pair to write down, and the field that holds it.
ASKED = [
    ("agreeing-how-you-work", "mentoring-agreement", "Write the purpose", "purpose"),
    ("agreeing-how-you-work", "mentoring-agreement", "how you will give each other feedback", "how_feedback"),
    ("agreeing-how-you-work", "mentoring-agreement", "as its review date", "review_date"),
    ("agreeing-how-you-work", "mentoring-agreement", "how either of you can end", "how_we_end"),
    ("roles-and-expectations", "mentoring-agreement", "Add them to your mentoring agreement", "expectations"),
    ("naming-power-differences", "mentoring-agreement", "Write the ground rules", "ground_rules"),
    ("naming-power-differences", "mentoring-agreement", "one simple signal", "signal"),
    ("revisiting-goals", "goal-plan", "Update the rating", "goal_one_light"),
    ("revisiting-goals", "goal-plan", "review date on the plan", "review_date"),
    ("revisiting-goals", "goal-plan", "If you drop a goal, write one line", "dropped_goals"),
    ("learning-from-a-setback", "challenge-reflection", "**What happened.**", "what_happened"),
    ("learning-from-a-setback", "challenge-reflection", "**What I was trying to do.**", "trying_to_do"),
    ("learning-from-a-setback", "challenge-reflection", "**What I thought and felt**", "what_i_felt"),
    ("learning-from-a-setback", "challenge-reflection", "**What was in my control**", "in_my_control"),
    ("learning-from-a-setback", "challenge-reflection", "**What I would keep.**", "would_keep"),
    ("learning-from-a-setback", "challenge-reflection", "**What I would change.**", "do_differently"),
    ("learning-from-a-setback", "challenge-reflection", "**What I will try next time.**", "next_try"),
    ("learning-from-a-setback", "challenge-reflection", "a date to look back at it", "look_back"),
    ("widening-your-network", "knowledge-network-map", "lists up to 15 people", "my_network"),
    ("widening-your-network", "knowledge-network-map", "name two or three gaps", "gaps"),
    ("widening-your-network", "knowledge-network-map", "one thing the mentee will offer", "offer_this_month"),
    ("how-things-work-here", "knowledge-network-map", "Mark each statement as worth following", "rules_found"),
]


@pytest.mark.parametrize(("session_id", "worksheet_id", "asks", "field"), ASKED, ids=[a[3] for a in ASKED])
def test_what_a_session_asks_for_has_a_field(session_id: str, worksheet_id: str, asks: str, field: str) -> None:
    s = session(session_id)
    assert asks in text_of(s), f"{session_id} no longer says {asks!r}: update this table"
    assert worksheet_id in s.worksheets
    assert field in field_names(sheet(worksheet_id))


def test_the_goal_plan_rates_each_goal_as_a_traffic_light() -> None:
    ratings = {f.name: f for section in sheet("goal-plan").sections for f in section.fields if f.kind == "rating"}
    for n in ("one", "two", "three"):
        assert ratings[f"goal_{n}_light"].scale == ("Red", "Amber", "Green")


def test_the_challenge_reflection_holds_all_seven_steps_in_order() -> None:
    guidance = session("learning-from-a-setback").guidance or ""
    steps = re.findall(r"^\d\. \*\*(.+?)\*\*", guidance, flags=re.MULTILINE)
    assert len(steps) == 7
    labels = [
        f.label for section in sheet("challenge-reflection").sections for f in section.fields if hasattr(f, "label")
    ]
    numbered = [label for label in labels if re.match(r"\d\. ", label)]
    assert [label.split(". ", 1)[0] for label in numbered] == [str(n) for n in range(1, 8)]


def _program_form(worksheet_id: str) -> bool:
    """A form the program manager uses (an application, a match check), not a pair's."""
    return sheet(worksheet_id).editions == ("manager",) or (
        "manager" in sheet(worksheet_id).editions
        and not any(worksheet_id in s.worksheets for s in shipped().sessions())
    )


@pytest.mark.parametrize("worksheet_id", [w.id for w in shipped().worksheets if not _program_form(w.id)])
def test_each_worksheet_is_used_and_its_instructions_name_its_first_session(worksheet_id: str) -> None:
    users = [s for s in shipped().sessions() if worksheet_id in s.worksheets]
    assert users, f"no session uses {worksheet_id}"
    assert users[0].title in sheet(worksheet_id).instructions


@pytest.mark.parametrize("worksheet_id", [w.id for w in shipped().worksheets if _program_form(w.id)])
def test_each_program_form_is_named_in_a_guide(worksheet_id: str) -> None:
    """The program manager's forms are used in the kit's guides, not in a pair's session."""
    title = sheet(worksheet_id).title
    guides = (SHIPPED / "content").glob("*.md")
    assert any(title.casefold() in g.read_text(encoding="utf-8").casefold() for g in guides), f"no guide names {title}"


@pytest.mark.parametrize("session_id", [s.id for s in shipped().sessions()])
def test_a_session_that_names_a_worksheet_lists_it(session_id: str) -> None:
    s = session(session_id)
    text = text_of(s)
    for w in shipped().worksheets:
        if f"**{w.title}**" in text or f"*{w.title}* worksheet" in text:
            assert w.id in s.worksheets, f"{session_id} names {w.title} but does not list it"
