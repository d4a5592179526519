"""The training's practice scenarios as cards to print and cut (pure): a page a scenario, a
slip per role on it and the last role's (the observer's) twice, so that one page is a group of
four's set and a three's with one slip to spare; from the training guide's scenarios section,
laid out by the PDF stage from print/cards.html.j2. A facilitator prints only the pages of the
scenarios they choose (the run-of-show's link names each one's page)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.project import Project
from generator.plan.paths import KIT_SLIDES, TRAINING_GUIDE
from generator.plan.site.slide_text import Slide, plain, sections


@dataclass(frozen=True)
class Cards:
    """The training's practice scenarios to print and cut: a page a scenario, a slip a role."""

    path: str  # the PDF in the docs folder
    title: str  # "Mentor training workshop: Practice scenarios"
    organization: str
    colour: str
    paper: str  # A4 or Letter, as every PDF of the organization
    cut_here: str  # the words along each card's dashed edge
    sheets: tuple[tuple[Slide, ...], ...]  # a page each scenario: its slips, the last role's twice

    @property
    def cards(self) -> tuple[Slide, ...]:
        """Each role's slip once, scenario by scenario: its title, then its role and brief (`points`)."""
        return tuple(slip for sheet in self.sheets for slip in sheet[:-1])

    @property
    def pages(self) -> int:
        """The pages the cards print on: one a scenario (print/cards.html.j2)."""
        return len(self.sheets)

    def page_list(self, each: str) -> str:
        """Each scenario's page, in the words of `each` ("{title}: page {page}"), joined by "; "."""
        return "; ".join(each.format(title=sheet[0].title, page=n) for n, sheet in enumerate(self.sheets, start=1))


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
    scenarios = [_slips(title, text) for title, text in sections(body, "### ")]
    sheets = tuple((*slips, slips[-1]) for slips in scenarios if slips)  # a four has two observers
    if not sheets:
        return ()
    org = project.organization
    title = f"{training.title}: {plain(heading)}"
    return (Cards(CARDS, title, org.name, org.colors.primary, org.paper, project.labels["cards_cut"], sheets),)


def _slips(heading: str, body: str) -> tuple[Slide, ...]:
    """A scenario as one slip per role ("Mentee's card: …", "Mentor's task: …", "Observer, watch
    for: …"): each player reads only their own brief. A slip's first point names its role."""
    slips = []
    for paragraph in (plain(p) for p in body.split("\n\n") if p.strip()):
        role, _, brief = paragraph.partition(": ")
        named = brief and len(role) <= 40 and "." not in role
        slips.append(Slide(plain(heading), (role, brief) if named else (paragraph,), notes=""))
    return tuple(slips)
