"""American and British spelling: the shipped text is American, `spelling: en-GB` respells it
in the same pass as the organization's words, and a real build's pages (shared curriculum,
guides, labels) hold only the chosen spelling. (The table works both ways; British text is
turned American here with `to_american`, which a test of the shipped text uses.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import render_pages
from generator.plan.site.pages import plan_site
from generator.read.project import load_project
from generator.read.spelling import SPELLINGS, spellings, to_american
from generator.read.wording import rewording
from generator.site.render import Renderer


def _respell(text: str, choice: str, words: dict[str, str] | None = None) -> str:
    return rewording(words or {}, spelled=spellings(choice) if choice == "en-GB" else to_american())(text)


@pytest.mark.parametrize(
    ("american", "british"),
    [
        ("The program recognizes your behavior.", "The programme recognises your behaviour."),
        ("Colors, Favorite, CANCELED", "Colours, Favourite, CANCELLED"),
        ("An honor; a center; a judgment", "An honour; a centre; a judgement"),
        ("see `color` and [the color page](color.md)", "see `color` and [the colour page](color.md)"),
    ],
)
def test_both_directions(american: str, british: str) -> None:
    assert _respell(american, "en-GB") == british
    assert _respell(british, "en-US") == american


def test_british_verbs_become_american() -> None:
    assert _respell("Practise it; she practises; practising", "en-US") == "Practice it; she practices; practicing"


def test_the_organizations_word_wins_over_spelling() -> None:
    words = {"program": "scheme", "programs": "schemes"}
    assert _respell("A program for programs", "en-GB", words) == "A scheme for schemes"


def test_every_form_goes_there_and_back() -> None:
    british_way, american_way = rewording({}, spelled=spellings("en-GB")), rewording({}, spelled=to_american())
    for american, british in SPELLINGS.items():  # each rewording made once: as _respell, without its cost each time
        assert british_way(american) == british and american_way(british) == american


def _pages(root: Path, spelling: str) -> str:
    (root / "organizations").mkdir(exist_ok=True)
    profile = root / "organizations/org.yaml"
    profile.write_text(
        f'name: Org\nspelling: {spelling}\ncolors:\n  primary: "#1d4e89"\n  accent: "#b3401a"\nwelcome: Hello.\n'
    )
    texts = render_pages(plan_site(load_project(root, profile)), Renderer(root))  # placeholders unfilled (escaped)
    text = "\n".join(t for page, t in texts.items() if page.endswith(".md"))  # not the stylesheet
    return re.sub(r"\]\([^)]*\)|(?:\{|&#123;)[^}]*\}|`[^`]*`|<[^>]*>|\S+\.(?:md|html|pdf|ics)\b", " ", text)


@pytest.mark.parametrize("spelling", ["en-US", "en-GB"])
def test_a_real_handbook_holds_one_spelling(tmp_path: Path, spelling: str) -> None:
    text = _pages(tmp_path, spelling)
    others = spellings(spelling) or to_american()  # the other spelling's forms: none may be left
    wrong = sorted({m.group(0) for m in re.finditer(rf"\b(?:{'|'.join(others)})\b", text, re.IGNORECASE)})
    assert wrong == []
    assert ("programme" in text) == (spelling == "en-GB")


def test_the_shipped_text_is_american() -> None:
    """So that `en-US` needs no respelling (and costs nothing) and `en-GB` finds every word."""
    british = re.compile(r"\b(?:" + "|".join(sorted(to_american(), key=len, reverse=True)) + r")\b", re.IGNORECASE)
    repo = Path(__file__).resolve().parents[2]
    files = [
        repo / "curriculum.yaml",
        repo / "generator/locales/en.yaml",
        *(repo / "content").glob("*.md"),
    ]
    found = [
        f"{f.name}:{n}: {m.group(0)}"
        for f in files
        for n, line in enumerate(f.read_text().splitlines(), 1)
        for m in british.finditer(line)
    ]
    assert found == []


def test_american_spelling_changes_nothing() -> None:
    assert spellings("en-US") == {}
    text = "An honor"
    assert rewording({}, spelled=spellings("en-US"))(text) is text
