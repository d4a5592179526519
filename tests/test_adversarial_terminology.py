"""The whole curriculum in words chosen to break it: one role's word inside the other's
("senior partner" and "partner"), vowel-initial words ("an apprentice"), multi-word words, and
words that repeat the text around them ("senior mentor" after "a senior"). Every page (as
Markdown) and, in one whole build, every PDF's text is read for a doubled word the default
words do not have, a wrong "a"/"an" before the organization's word, and a default form left.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from generator.build import build, render_pages
from generator.grammar import article
from generator.plan import plan_build
from generator.read.project import load_project
from generator.site.render import Renderer

SETS = {
    "contained": {
        "mentor": "senior partner",
        "mentee": "partner",
        "session": "shift debrief",
        "program": "track",
        "pair": "partnership",
        "group": "cohort",
        "facilitator": "program lead",
    },
    "vowels": {
        "mentor": "advisor",
        "mentee": "apprentice",
        "mentoring": "apprenticeship",
        "session": "huddle",
        "facilitator": "organizer",
        "program": "initiative",
        "pair": "alliance",
        "group": "ensemble",
    },
    "repeating": {
        "mentor": "senior mentor",
        "mentee": "junior colleague",
        "session": "one-to-one session",
        "pair": "mentoring pair",
        "group": "whole group",
    },
}

# The organization's own text says none of the words a set changes, so that every default
# form found is one of ours.
PROFILE = """\
name: Adversarial Test Cooperative
colors:
  primary: "#1d4e89"
  accent: "#b3401a"
welcome: Welcome to our handbook.
contacts:
  - role: Lead
    name: Robin Vale
    email: robin@example.org
program:
  name: Leadership Track 2027
  start: 2027-01-11
  weeks: 42
  meetings:
    - name: Kickoff
      cadence: weekly
      minutes: 60
      time: "09:30"
      first_week: 1
      last_week: 1
      sessions: [what-mentoring-is]
    - name: One-to-ones
      cadence: every two weeks
      minutes: 60
      time: "15:00"
      start: 2027-01-14
"""
DEFAULTS = {
    "mentor": ("mentor", "mentors"),
    "mentee": ("mentee", "mentees"),
    "mentoring": ("mentoring", "mentorship"),
    "session": ("session", "sessions"),
    "program": ("program", "programs"),
    "pair": ("pair", "pairs"),
    "group": ("group", "groups"),
    "facilitator": ("facilitator", "facilitators"),
}
# Not prose in our words: link targets, attribute lists, code, file names, and names (MENTOR's
# publication, the organization MENTOR).
_NOT_PROSE = re.compile(
    r"\]\([^)]*\)|\{[^}]*\}|`[^`]*`|[\w./-]+\.(?:md|html|pdf|xlsx|csv|ics|json|txt|png|svg)\b"
    r"|\b[a-z_]+\.[a-z_]+\b|Elements of Effective Practice for Mentoring|\bMENTOR\b"
)


def _project(root: Path, words: dict[str, str]) -> Path:
    (root / "organizations").mkdir(parents=True)
    profile = root / "organizations" / "test.yaml"
    terms = "".join(f"  {key}: {value}\n" for key, value in words.items())
    profile.write_text(PROFILE + ("terminology:\n" + terms if terms else ""), encoding="utf-8")
    return profile


def _pages(root: Path, words: dict[str, str]) -> dict[str, str]:
    profile = _project(root, words)
    return render_pages(plan_build(load_project(root, profile)).site, Renderer(root))


def _doubles(text: str) -> Counter[str]:
    """Each word written twice in a row ("one one-to-one session" is no double: one-to-one is a word)."""
    return Counter(m.group(0).casefold() for m in re.finditer(r"(?<![\w-])(\w+)[ \t]+\1(?![\w-])", text, re.IGNORECASE))


def _found(text: str, words: dict[str, str]) -> list[str]:
    """What reads wrong in `text` with these words: wrong articles, default forms left."""
    prose = _NOT_PROSE.sub(" ", text)
    wrong = []
    for word in words.values():
        right = article(word)
        other = "an" if right == "a" else "a"
        wrong += [m.group(0) for m in re.finditer(rf"\b{other}\s+{re.escape(word)}\b", prose, re.IGNORECASE)]
    theirs = re.compile("|".join(re.escape(w) for w in sorted(words.values(), key=len, reverse=True)), re.IGNORECASE)
    mine = theirs.sub(" ", prose)  # the organization's words may hold a default one ("senior mentor")
    for key in words:
        for form in DEFAULTS[key]:
            wrong += [
                mine[max(m.start() - 30, 0) : m.end() + 30] for m in re.finditer(rf"\b{form}\b", mine, re.IGNORECASE)
            ]
    return wrong


FAST_SET = "contained"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Counter[str]:
    pages = _pages(tmp_path_factory.mktemp("default"), {})
    return _doubles("\n".join(pages.values()))


# One set in `make test-fast`, every set in `make test`: each renders every page of a handbook.
@pytest.mark.parametrize("name", [n if n == FAST_SET else pytest.param(n, marks=pytest.mark.slow) for n in SETS])
def test_every_page_reads_right_in_adversarial_words(name: str, tmp_path: Path, baseline: Counter[str]) -> None:
    words = SETS[name]
    pages = _pages(tmp_path, words)
    text = "\n".join(pages.values())
    assert _doubles(text) - baseline == Counter()
    assert _found(text, words) == []
    if "pair" in words:
        assert f"{words['pair']}s" in text.casefold() or words["pair"] in text.casefold()


def test_a_profile_sets_the_handbooks_title(tmp_path: Path) -> None:
    profile = _project(tmp_path, {})
    profile.write_text(profile.read_text(encoding="utf-8") + "title: Growing Leaders Together\n", encoding="utf-8")
    project = load_project(tmp_path, profile)
    assert project.curriculum.title == "Growing Leaders Together"
    assert plan_build(project).handbook.book.title.startswith("Growing Leaders Together")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs Poppler's pdftotext")
def test_every_pdf_reads_right_in_adversarial_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = SETS["contained"]
    profile = _project(tmp_path, words)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    build(tmp_path, profile, tmp_path / "site")
    pdfs = sorted((tmp_path / "site").rglob("*.pdf"))
    assert len(pdfs) > 20
    found = []
    for pdf in pdfs:
        run = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        found += [f"{pdf.name}: {x}" for x in _found(re.sub(r"\s+", " ", run.stdout), words)]
    assert found == []
