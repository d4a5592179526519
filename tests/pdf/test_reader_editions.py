"""The mentor's and the mentee's guides as their readers get them, laid out from the example
and read back with pypdf: short enough for an evening, addressed to their reader alone, opening
with Start here, with the privacy notice; and the manager's edition with the group sessions."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan import plan_build
from generator.plan.print.handbook import for_reader
from generator.plan.program.facts import program_facts
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from tests.conftest import copy_repo
from tests.pdf.conftest import pinned_epoch
from tests.pdf.test_handbook import read_outline

pytestmark = pytest.mark.slow  # lays out both guides
MOST_PAGES = 50  # the limit for the example (about 40 is the aim)
ROLES = ("mentor", "mentee")


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, PdfReader], dict[str, str]]:
    root = copy_repo(tmp_path_factory.mktemp("readers"))
    with pinned_epoch():
        project = load_project(root, root / DEFAULT_ORG)
        plan = plan_build(project)
        books = [e for e in plan.editions if not e.path.endswith("manager-edition.pdf")]
        made = {book.path: render(PdfWork(plan.setup, books=(book,)), root / "docs")[0] for book in books}
        facts = dict(program_facts(project))
    readers = {
        role: PdfReader(next(p for name, p in made.items() if name.endswith(f"{role}-guide.pdf"))) for role in ROLES
    }
    return readers, facts


@pytest.fixture(scope="module")
def guides(laid_out: tuple[dict[str, PdfReader], dict[str, str]]) -> dict[str, PdfReader]:
    return laid_out[0]


def _start_here(reader: PdfReader) -> str:
    page = next(page for level, title, page in read_outline(reader) if level == 1 and title.startswith("Start here"))
    return " ".join(reader.pages[page - 1].extract_text().split())


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("role", ROLES)
def test_a_readers_guide_is_at_most_50_pages(guides: dict[str, PdfReader], role: str) -> None:
    assert 20 < len(guides[role].pages) <= MOST_PAGES


@pytest.mark.parametrize("role", ROLES)
def test_a_readers_guide_speaks_to_its_reader_only(guides: dict[str, PdfReader], role: str) -> None:
    other = "mentee" if role == "mentor" else "mentor"
    text = _text(guides[role])
    assert re.findall(rf"\byour {other}\b", text, re.IGNORECASE)  # its reader's partner, by name of role
    assert re.findall(rf"\byour {role}\b", text, re.IGNORECASE) == []  # nothing addressed to the other reader


@pytest.mark.parametrize("role", ROLES)
def test_a_readers_guide_opens_with_start_here_and_holds_the_privacy_notice(
    guides: dict[str, PdfReader], role: str
) -> None:
    reader = guides[role]
    outline = [(page, title) for level, title, page in read_outline(reader) if level == 1]
    titles = [title for _, title in outline]
    assert titles[0] == "Contents" and titles[1].startswith("Start here")
    start = outline[1][0]
    page = " ".join(reader.pages[start - 1].extract_text().split())
    assert "The Atrium, head office" in page  # the kickoff's place (program.kickoff_place)
    assert "Privacy notice" in titles and "Who handles what" in titles


def test_a_guide_section_for_another_reader_is_left_out() -> None:
    text = "# Guide\n\nAll.\n\n## For you {.for-mentee}\n\nMine.\n\n### More\n\nMine too.\n\n## Theirs {: .for-mentor }\n\nTheirs.\n\n## Both\n\nBoth.\n"
    mentee = for_reader(text, "mentee")
    assert "Mine too." in mentee and "Theirs" not in mentee and "Both." in mentee and "{" not in mentee
    assert "Mine." not in for_reader(text, "mentor") and "Theirs." in for_reader(text, "mentor")
    assert for_reader(text, None).count("\n## ") == 3 and "{" not in for_reader(
        text, None
    )  # the whole handbook keeps all


@pytest.mark.parametrize("role", ROLES)
def test_start_here_gives_the_dates_the_facilitator_and_one_list_to_bring(
    laid_out: tuple[dict[str, PdfReader], dict[str, str]], role: str
) -> None:
    readers, facts = laid_out
    page = _start_here(readers[role])
    workshop = "orientation" if role == "mentee" else "training"
    assert facts[f"{workshop}.date"].startswith(("Mon", "Tue", "Wed", "Thu", "Fri"))  # the run-sheet's days
    for fact in (f"{workshop}.date", "kickoff.date", "kickoff.place", "first_one_to_one.date", "contact"):
        assert facts[fact] in page, fact
    first = f"{facts['first_one_to_one.date']} at {facts['first_one_to_one.time']}"
    assert f"{first}, for {facts['meeting.minutes']} minutes" in page
    assert "Dana Okafor" in page.split("Your facilitator", 1)[1]  # named, from the profile's contacts
    assert page.count("Bring") == 1  # one list of what to bring to the kickoff


@pytest.mark.parametrize("role", ROLES)
def test_a_readers_guide_gives_each_session_its_agenda(guides: dict[str, PdfReader], role: str) -> None:
    text = _text(guides[role])
    assert text.count("Agenda:") == text.count("Questions to explore") > 10  # one per session
    assert "45–55 min The code of conduct" in text  # the first one-to-one's, as the code of conduct says
