"""The guidance tells each thing once and the same way (issue 30's content findings): the first
one-to-one is as long as the meeting that books it and reads the code of conduct the code says
it reads; the match check asks the criteria the matching guide weighs, in its order; both
applications ask the conflicts reverse mentoring brings; the mentor training's script fits its
agenda; the mentee's pages give the profile's emergency route and read the program team's
answer times as their promise. Read from the shipped curriculum and guides as the example's
build fills them in."""

from __future__ import annotations

import re

import pytest

from generator.markup import escape_text
from generator.models import Session, Worksheet
from generator.models.guide import Guide
from generator.models.project import Project
from generator.models.worksheet import RatingInput
from generator.plan.program.facts import TRAINING_MINUTES, fill_project, program_facts

_MINUTES = re.compile(r"\((\d+) minutes?\)")


@pytest.fixture(scope="module")
def filled(example_project: Project) -> Project:
    return fill_project(example_project, program_facts(example_project))


def _guide(project: Project, name: str) -> Guide:
    return next(g for g in project.guides if g.path == f"guides/{name}.md")


def _session(project: Project, session_id: str) -> Session:
    return next(s for s in project.curriculum.sessions() if s.id == session_id)


def _sheet(project: Project, worksheet_id: str) -> Worksheet:
    return next(w for w in project.curriculum.worksheets if w.id == worksheet_id)


def test_the_first_one_to_one_is_as_long_as_the_meeting_that_books_it(example_project: Project) -> None:
    """Start here books the first one-to-one for {meeting.minutes}; its session page says its own length."""
    facts = program_facts(example_project)
    first = next(e for e in example_project.events if e.kind == "session" and e.moment != "kickoff")
    session = _session(example_project, "first-meeting")
    assert first.title.endswith(session.title) or session.title in first.title
    assert str(session.minutes) == facts["meeting.minutes"] == str(first.minutes)


def test_the_code_of_conduct_is_read_in_the_first_one_to_one_as_the_code_says(filled: Project) -> None:
    code = str(_guide(filled, "code-of-conduct").text)
    assert "read it together" in code and "first meeting as a pair" in code
    first = _session(filled, "first-meeting")
    assert any("code of conduct" in step.step.lower() for step in first.agenda)
    assert "Code of conduct" in str(first.guidance)


def _criteria(text: str) -> list[str]:
    return [m.group(1).rstrip(".") for m in re.finditer(r"^\d\. \*\*([^*]+)\*\*", text, re.MULTILINE)]


def test_the_match_check_asks_each_criterion_the_matching_guide_weighs(filled: Project) -> None:
    weighed = _criteria(str(_guide(filled, "matching").text))
    asked = [
        re.sub(r"^\d\. |, counted twice$", "", f.label)
        for section in _sheet(filled, "match-check").sections
        if section.title == "Criteria"
        for f in section.fields
        if isinstance(f, RatingInput)
    ]
    assert len(weighed) == 5
    assert asked == weighed
    kinds = {f.kind for s in _sheet(filled, "match-check").sections for f in s.fields}
    assert "checklist" not in kinds  # each rule, criterion and step is asked, not "tick all that apply"


@pytest.mark.parametrize("worksheet_id", ["mentor-application", "mentee-application"])
def test_both_applications_ask_the_conflicts_reverse_mentoring_brings(filled: Project, worksheet_id: str) -> None:
    names = {
        f.name for s in _sheet(filled, worksheet_id).sections if s.title == "Conflicts of interest" for f in s.fields
    }
    assert {"reports", "panels", "other_ties"} <= names


def test_the_mentor_trainings_script_fits_its_agenda(filled: Project) -> None:
    text = str(_guide(filled, "mentor-training").text)
    rows = re.findall(r"^\| \d:\d\d \| ([^|]+) \| (\d+) \|$", text, re.MULTILINE)
    agenda = [(step.strip(), int(minutes)) for step, minutes in rows]
    assert sum(m for _, m in agenda) == TRAINING_MINUTES["mentor"]
    headings = re.findall(r"^(#{1,3} .*)$", text, re.MULTILINE)
    assert [h for h in headings if h.startswith("## ")] == ["## Agenda", "## Script", "## Practice scenarios"]
    assert len(set(headings)) == len(headings), "a section is written twice"
    script = text[text.index("\n## Script\n") : text.index("\n## Practice scenarios\n")]
    sections = re.split(r"\n(?=### )", script)[1:]
    steps = [m for step, m in agenda if step != "Break"]
    assert len(sections) == len(steps)
    for section, minutes in zip(sections, steps, strict=True):
        heading, _, body = section.partition("\n")
        assert _MINUTES.search(heading) and int(_MINUTES.search(heading).group(1)) == minutes, heading  # type: ignore[union-attr]
        parts = [int(n) for n in _MINUTES.findall(body)]
        assert not parts or sum(parts) == minutes, (heading, parts)
    covered = script.lower()
    for topic in ("reverse mentoring", "difference", "goal", "notes"):
        assert topic in covered, topic


def test_the_practice_rounds_fill_the_practice_time(filled: Project) -> None:
    """Three rounds of thirteen minutes (1 + 8 + 4) and six together: the 45 the agenda gives."""
    text = str(_guide(filled, "mentor-training").text)
    practice = text[text.index("### Practice scenarios") :].split("\n### ")[0]
    assert (
        "Three rounds of thirteen minutes: one to read the card, eight to play it, four to talk it through" in practice
    )
    assert "(39 minutes)" in practice and "(6 minutes)" in practice
    assert 3 * (1 + 8 + 4) + 6 == 45
    assert "| 1:25 | Practice scenarios | 45 |" in text


def test_no_mentor_reads_the_logs_the_mentee_keeps(filled: Project) -> None:
    for session in filled.curriculum.sessions():
        text = " ".join(str(t) for t in (session.guidance or "", session.activity.description))
        assert not re.search(r"mentor[^.]*(?:look|read|go)[^.]*session logs", text, re.IGNORECASE), session.id


@pytest.mark.parametrize("name", ["start-here-mentee", "start-here-mentor", "when-it-is-not-working"])
def test_the_readers_pages_give_the_profiles_emergency_route(filled: Project, name: str) -> None:
    emergency = filled.organization.emergency
    assert emergency and escape_text(emergency) in str(_guide(filled, name).text)


@pytest.mark.parametrize("name", ["start-here-mentee", "start-here-mentor"])
def test_answer_times_are_the_program_teams_promise(example_project: Project, name: str) -> None:
    raw = str(_guide(example_project, name).text)
    for line in raw.splitlines():
        if ".respond}" in line:
            assert re.search(r"who will answer you \{concern\.[a-z-]+\.respond\}", line), line
    assert "promise to you, not a deadline" in raw


@pytest.mark.parametrize(
    ("words", "worksheet_id"),
    [(("nearly there", "early days"), "midpoint-review"), (("amber", "green light"), "goal-plan")],
)
def test_a_session_speaks_only_of_the_scales_its_worksheets_print(
    filled: Project, words: tuple[str, ...], worksheet_id: str
) -> None:
    """3.4 once spoke of a "nearly there" scale its worksheets do not have."""
    points = {
        p.lower()
        for s in _sheet(filled, worksheet_id).sections
        for f in s.fields
        if isinstance(f, RatingInput)
        for p in f.scale
    }
    assert any(w in " ".join(points) or w.split()[0] in points for w in words)
    for session in filled.curriculum.sessions():
        text = session.model_dump_json().lower()
        if any(w in text for w in words):
            assert worksheet_id in session.worksheets, session.id
