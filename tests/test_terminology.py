"""Every form of every word an organization replaces, checked in a real build of the shipped
curriculum: the site's visible text and the PDFs' text (read with pypdf) keep none of the
defaults, in any form of FORMS and VERBS (generator/read/wording.py), possessives and capitals
included."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import build
from generator.read.wording import FORMS, VERBS
from tests.conftest import REPO, _building_in
from tests.test_organizations import visible_text, without_proper_names

pytestmark = pytest.mark.slow  # builds a whole handbook with its PDFs

WORDS = """\
terminology:
  mentor: guide
  mentors: guides
  mentee: learner
  mentees: learners
  mentoring: coaching
  facilitator: coordinator
  facilitators: coordinators
  session: meeting
  sessions: meetings
  program: scheme
  programs: schemes
  pair: partnership
  pairs: partnerships
  group: circle
  groups: circles
"""
# Every default form, and anything else that starts like one ("mentorly"), but not the tool's
# own name.
DEFAULTS = re.compile(
    r"\b(?:" + "|".join(sorted({*FORMS, *VERBS}, key=len, reverse=True)) + r"|mentor(?!book)\w*|mentee\w*)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def worded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("worded")
    (root / "organizations").mkdir()
    profile = (REPO / "organizations/example.yaml").read_text()
    profile = _neutral(re.sub(r"\nterminology:\n(?:  .*\n)+", "\n", profile)) + WORDS
    (root / "organizations/worded.yaml").write_text(profile)
    shutil.copytree(REPO / "organizations/example", root / "organizations/worded")
    with _building_in(root):
        build(root, root / "organizations/worded.yaml")
    return root / "site"


def _neutral(profile: str) -> str:
    """The profile's own text says `mentor` too, which is its own business; here it says
    nothing of the kind, so that every default form found is one the handbook left. Keys and
    ids stay."""
    lines = []
    for line in profile.splitlines():
        key, colon, value = line.rpartition(": ") if ": " in line else ("", "", line)
        choice = key.strip() == "audience"  # a milestone's `audience: mentors`: a choice, like an id
        if value.strip().startswith(("mentoring-", "[")) or re.fullmatch(r"\s*[a-z_]+:", line) or choice:
            lines.append(line)
        else:
            lines.append(key + colon + DEFAULTS.sub("partner", value))
    return "\n".join(lines) + "\n"


def _leaks(text: str) -> list[str]:
    # a page's address keeps its file's name ("…/guides/mentor-role.html", split over lines in a PDF)
    text = re.sub(r"https?://\S+|\S*\b(?:guides|modules|kit|worksheets|feedback)/\S*", " ", text)
    text = re.sub(r"program-\s*\w+\s*\.\s*ics", " ", text)  # each role's calendar file, as a page's address
    text = re.sub(r"\b[a-z_]+\.[a-z_]+\b", " ", without_proper_names(text))  # profile keys: `program.size`
    return [text[max(m.start() - 40, 0) : m.end() + 40].replace("\n", " ") for m in DEFAULTS.finditer(text)]


def test_no_default_form_on_any_page(worded_site: Path) -> None:
    leaks = [
        f"{page.relative_to(worded_site)}: {leak}"
        for page in sorted(worded_site.rglob("*.html"))
        for leak in _leaks(visible_text(page.read_text()))
    ]
    assert leaks[:10] == [] and len(leaks) == 0


def test_no_default_form_in_any_pdf(worded_site: Path) -> None:
    pdfs = sorted(worded_site.rglob("*.pdf"))
    assert any(p.name.endswith("handbook.pdf") for p in pdfs) and any("packet" in p.name for p in pdfs)
    leaks = [
        f"{pdf.relative_to(worded_site)}: {leak}"
        for pdf in pdfs
        for leak in _leaks(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    ]
    assert leaks[:10] == [] and len(leaks) == 0


def test_the_forms_became_the_words(worded_site: Path) -> None:
    glossary = visible_text((worded_site / "glossary.html").read_text())
    assert "The person being supported by a guide." in glossary  # was "being mentored"
    closing = " ".join(visible_text(p.read_text()) for p in (worded_site / "modules").rglob("*.html"))
    assert "guide's" in closing or "Guide's" in closing
    assert "be a guide to someone" in closing
