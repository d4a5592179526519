"""The training's practice scenarios as cards to print and cut (pure): a slip per role, from
the training guide's scenarios section; laid out by the PDF stage from print/cards.html.j2."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.project import Project
from generator.plan.paths import KIT_SLIDES, TRAINING_GUIDE
from generator.plan.site.slide_text import Slide, plain, sections


@dataclass(frozen=True)
class Cards:
    """The training's practice scenarios to print and cut: a card each, two to a page."""

    path: str  # the PDF in the docs folder
    title: str  # "Mentor training workshop: Practice scenarios"
    organization: str
    colour: str
    paper: str  # A4 or Letter, as every PDF of the organization
    cut_here: str  # the words along each card's dashed edge
    cards: tuple[Slide, ...]  # each scenario's title and paragraphs (its `points`)

    @property
    def pages(self) -> int:
        """The pages a set prints on: two cards to a page (print/cards.html.j2)."""
        return -(-len(self.cards) // 2)


CARDS = f"{KIT_SLIDES}/scenario-cards.pdf"
RUN_TRAINING_GUIDE = "guides/run-mentor-training.md"  # the run-of-show that links the cards


def plan_cards(project: Project) -> tuple[Cards, ...]:
    """The training guide's scenarios (a `##` section whose heading names scenarios) as cards."""
    training = next((g for g in project.guides if g.path == TRAINING_GUIDE), None)
    if training is None:
        return ()
    found = [(h, body) for h, body in sections(str(training.text), "## ") if "scenario" in h.lower()]
    if not found:
        return ()
    heading, body = found[0]
    cards = tuple(slip for title, text in sections(body, "### ") for slip in _slips(title, text))
    if not cards:
        return ()
    org = project.organization
    title = f"{training.title}: {plain(heading)}"
    return (Cards(CARDS, title, org.name, org.colors.primary, org.paper, project.labels["cards_cut"], cards),)


def _slips(heading: str, body: str) -> tuple[Slide, ...]:
    """A scenario as one slip per role ("Mentee's card: …", "Mentor's task: …", "Observer, watch
    for: …"): each player reads only their own brief. A slip's first point names its role."""
    slips = []
    for paragraph in (plain(p) for p in body.split("\n\n") if p.strip()):
        role, _, brief = paragraph.partition(": ")
        named = brief and len(role) <= 40 and "." not in role
        slips.append(Slide(plain(heading), (role, brief) if named else (paragraph,), notes=""))
    return tuple(slips)
