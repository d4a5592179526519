"""The organization overlay: module selection and the organization's own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.models import Markdown
from generator.read.overlay import reword_model
from generator.read.project import load_project
from generator.read.wording import rewording
from tests.conftest import REPO

WORDS = {
    "mentor": "preceptor",
    "mentors": "preceptors",
    "mentee": "apprentice",
    "mentees": "apprentices",
    "mentoring": "preceptorship",
}

CASES = [
    ("A mentor and a mentee meet.", "A preceptor and an apprentice meet."),
    ("Mentoring works. MENTORS listen.", "Preceptorship works. PRECEPTORS listen."),
    ("the mentor's notes; the mentees' goals", "the preceptor's notes; the apprentices' goals"),
    ("An mentee", "An apprentice"),
    ("mentorship and tormentor", "preceptorship and tormentor"),
    ("Mentorships end.", "Preceptorships end."),
    ("The person being mentored.", "The person being supported by a preceptor."),
    ("A colleague mentoring a director", "A colleague being a preceptor to a director"),
    ("You need not be senior to mentor someone.", "You need not be senior to be a preceptor to someone."),
    ("The junior person mentors the senior one.", "The junior person is a preceptor to the senior one."),
    ("Mentoring works; mentoring agreement", "Preceptorship works; preceptorship agreement"),
    ("your mentor the first draft", "your preceptor the first draft"),
    ("the mentor’s view, the Mentees’ goals", "the preceptor’s view, the Apprentices’ goals"),
    ("see [the mentor page](../mentor.md) and `mentor`", "see [the preceptor page](../mentor.md) and `mentor`"),
    ("keep {: .mentor } attributes", "keep {: .mentor } attributes"),
    ("mentorİng stays as written", "mentorİng stays as written"),  # İ folds to i only by Unicode's rules
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_rewording(text: str, expected: str) -> None:
    assert rewording(WORDS)(text) == expected


GRAMMAR = [
    # an organization's words that contain the text around them, or start with a vowel sound
    ({"mentor": "senior partner"}, "Ask a senior mentor.", "Ask a senior partner."),
    ({"mentor": "senior mentor"}, "A senior mentor listens.", "A senior mentor listens."),
    ({"mentee": "mentee learner"}, "the mentee learner's goal", "the mentee learner's goal"),
    (
        {"mentoring": "preceptorship", "mentor": "preceptor"},
        "In reverse mentoring the power usually sits",
        "In reverse preceptorship the power usually sits",
    ),
    ({"mentor": "hourly coach"}, "a mentor", "an hourly coach"),
    ({"mentor": "honorary adviser"}, "a mentor", "an honorary adviser"),
    ({"mentee": "MBA candidate"}, "a mentee", "an MBA candidate"),
    ({"session": "one-to-one"}, "an session, 2 sessions", "a one-to-one, 2 one-to-ones"),
    (
        {"pair": "partnership", "group": "cohort"},
        "Each pair meets the group; pairs of groups.",
        "Each partnership meets the cohort; partnerships of cohorts.",
    ),
    ({"mentor": "coach"}, "mentors and mentors' notes", "coaches and coaches' notes"),
]


@pytest.mark.parametrize(("words", "text", "expected"), GRAMMAR)
def test_rewording_stays_grammatical(words: dict[str, str], text: str, expected: str) -> None:
    from generator.models.program import Terminology

    assert rewording(Terminology(**words).chosen())(text) == expected


def test_no_terminology_changes_nothing() -> None:
    text = "A mentor and a mentee."
    assert rewording({})(text) is text


def test_reword_keeps_ids_and_markdown_type() -> None:
    loaded = load_project(REPO, REPO / "organizations/example.yaml")
    worksheet = reword_model(loaded.curriculum, rewording(WORDS)).worksheets[0]
    assert worksheet.id == "mentoring-agreement"
    assert worksheet.title == "Preceptorship agreement"
    assert isinstance(worksheet.purpose, Markdown)
    names = [f.name for s in worksheet.sections for f in s.fields if hasattr(f, "name")]
    assert "mentee_signature" in names


def _profile(project: Path, extra: str) -> Path:
    profile = project / "organizations/org.yaml"
    profile.write_text(profile.read_text() + extra)
    return profile


def test_selection_orders_modules_and_own_modules_join(project: Path) -> None:
    (project / "organizations/org").mkdir()
    own = (project / "curriculum.yaml").read_text().split("modules:\n", 1)[1]
    own = own.replace("id: basics", "id: our-way").replace("id: first-session", "id: our-session")
    (project / "organizations/org/own.yaml").write_text("modules:\n" + own)
    profile = _profile(project, "curriculum: own.yaml\nmodules: [our-way, basics]\n")
    loaded = load_project(project, profile)
    assert [m.id for m in loaded.curriculum.modules] == ["our-way", "basics"]


def test_terminology_reaches_curriculum_guides_and_labels(project: Path) -> None:
    profile = _profile(project, "terminology:\n  mentor: guide\n  mentee: learner\n")
    loaded = load_project(project, profile)
    session = loaded.curriculum.modules[0].sessions[0]
    assert loaded.curriculum.glossary[0].term == "Guide"
    assert session.prompts.mentor == ("What brings you here?",)
    assert loaded.labels["for_mentor"] == "For the guide"
    assert loaded.labels["for_mentee"] == "For the learner"


def test_shipped_curriculum_has_no_default_word_left_after_rewording() -> None:
    words = {"mentor": "guide", "mentors": "guides", "mentee": "learner", "mentees": "learners", "mentoring": "guiding"}
    profile = REPO / "organizations/example.yaml"
    loaded = load_project(REPO, profile)
    identifiers = re.compile(
        r'"(?:id|name|kind|standard|anchor|cohort|per|record|prepares|status|audience|until)":"[^"]*"|"(?:worksheets|guides|editions)":\["[^\]]*\]'
    )
    text = identifiers.sub("", loaded.curriculum.model_dump_json())
    reworded = identifiers.sub("", reword_model(loaded.curriculum, rewording(words)).model_dump_json())
    assert re.search(r"\bmentee\b", text, re.IGNORECASE)
    keys = re.compile(r'"(?:mentor|mentee|facilitator)":')
    leftovers = re.findall(r".{20}\b(?:mentors?|mentees?|mentoring)\b.{20}", keys.sub("", reworded), re.IGNORECASE)
    assert leftovers == []


def test_selection_picks_and_orders_sessions_within_a_module(project: Path) -> None:
    curriculum = project / "curriculum.yaml"
    text = curriculum.read_text()
    session = text[text.index("      - id: first-session") :]
    curriculum.write_text(text + session.replace("first-session", "second-session").replace("First", "Second"))
    profile = _profile(project, "modules:\n  - module: basics\n    sessions:\n      - second-session\n")
    loaded = load_project(project, profile)
    assert [s.id for s in loaded.curriculum.modules[0].sessions] == ["second-session"]
    profile = _profile(project, "      - first-session\n")  # continues the list above
    loaded = load_project(project, profile)
    assert [s.id for s in loaded.curriculum.modules[0].sessions] == ["second-session", "first-session"]
