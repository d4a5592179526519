"""The built example tells one program the same way everywhere (issue 26's "done when"): the
kickoff's length is one number on every page and in every PDF, counts agree with their nouns,
no message pastes a title into "A reminder that ...", and no sentence fills more than three
rows of the run-sheet."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.test_organizations import visible_text

_KICKOFF_LENGTH = [
    re.compile(r"kickoff\b[^.|\n]{0,80}?\b(\d+)[ -]minutes?", re.IGNORECASE),
    re.compile(r"\b(\d+)[ -]minutes?\s+kickoff", re.IGNORECASE),
    re.compile(r"\bKickoff: once, (?:at [\d:]+, )?(\d+) minutes"),
]


@pytest.fixture(scope="module")
def texts(example_site: Path) -> dict[str, str]:
    """Every page's visible text and every PDF's text, by file."""
    found = {str(p.relative_to(example_site)): visible_text(p.read_text()) for p in example_site.rglob("*.html")}
    for pdf in sorted(example_site.rglob("*.pdf")):
        run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
        found[str(pdf.relative_to(example_site))] = re.sub(r"\s+", " ", run.stdout)
    return found


def test_the_kickoffs_length_is_one_number_everywhere(texts: dict[str, str]) -> None:
    lengths = {
        (m.group(1), name)
        for name, text in texts.items()
        for pattern in _KICKOFF_LENGTH
        for m in pattern.finditer(text)
    }
    assert len({n for n, _ in lengths}) == 1, sorted(lengths)
    session = next(text for name, text in texts.items() if name.endswith("what-mentoring-is.html"))
    assert f"{next(iter(lengths))[0]} minutes" in session


def test_counts_agree_and_no_title_is_pasted_into_a_sentence(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        assert not re.search(r"\b1 (?:sessions|shift debriefs|weeks|meetings)\b", text), name
        assert not re.search(r"A reminder that \*?[A-Z]", text), name


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[str] = []
        self.inside = False
        self.message = False  # inside a link to the message a row sends: its subject names it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.message = self.message or (tag == "a" and "messages" in (dict(attrs).get("href") or ""))
        if tag == "tr":
            self.rows.append("")
            self.inside = True
        elif tag in ("td", "th") and self.rows:
            self.rows[-1] += "\n"  # a cell's text is not a sentence with the next cell's

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "tr"
        self.message = self.message and tag != "a"

    def handle_data(self, data: str) -> None:
        if self.inside and not self.message:
            self.rows[-1] += data


def test_no_sentence_fills_more_than_three_run_sheet_rows(example_site: Path) -> None:
    parser = _Rows()
    parser.feed((example_site / "kit/run-sheet.html").read_text())
    assert len(parser.rows) > 20
    sentences: Counter[str] = Counter()
    for row in parser.rows:
        cells = [" ".join(cell.split()) for cell in row.split("\n")]
        said = {s.strip() for cell in cells for s in re.split(r"(?<=[.!?])\s+", cell)}
        sentences.update(s for s in said if len(s) > 25 and s.endswith((".", "!", "?")))
    assert [s for s, n in sentences.items() if n > 3] == []


_EXIT_LENGTH = [
    re.compile(r"\b(\d+)-minute (?:exit )?conversation\b[^.]{0,60}?(?:exit|end of the program|separately)", re.I),
    re.compile(r"exit conversations?[^.|\n]{0,40}?\b(\d+)[ -]minutes?", re.I),
]


def test_the_program_teams_conversations_and_forms_have_one_length_and_one_name(texts: dict[str, str]) -> None:
    """Issue 28's reader: "15 to 20 minutes" in one place and 20 in another, "mid-point pulse"
    beside "Mid-point check-in", a "[date]" left in a message, a milestone read as a label."""
    lengths = {(m.group(1), name) for name, text in texts.items() for p in _EXIT_LENGTH for m in p.finditer(text)}
    assert {n for n, _ in lengths} == {"20"}, sorted(lengths)
    for name, text in texts.items():
        assert not re.search(r"15 to 20 minute|mid-point check-in|Coming up on|\[date\b", text, re.I), name
    assert any("Mid-point pulse" in t for t in texts.values())
