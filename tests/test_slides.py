"""The facilitator's pack: the kickoff's and the mentor training's slides, opened back with
python-pptx (speaker notes on every step, the organization's colour and words, the same bytes
from the same input), and a run-of-show page for each group session and workshop, in the kit
and the manager's edition."""

from __future__ import annotations

import io
from dataclasses import replace

from pptx import Presentation
from pptx.dml.color import RGBColor

from generator.models.project import Project
from generator.plan import Plan
from generator.plan.program.facts import fill_project, program_facts
from generator.plan.site.slides import plan_decks
from generator.slides import deck_pptx, decks

RUNS = ("run-kickoff", "run-mentor-training", "run-mentee-orientation", "run-closing")


def _fills(show: Presentation) -> set[RGBColor]:
    found = set()
    for slide in show.slides:
        for shape in slide.shapes:
            if shape.fill.type == 1:  # solid
                found.add(shape.fill.fore_color.rgb)
    return found


def test_a_deck_for_the_kickoff_and_the_training_with_notes_in_the_organizations_colour(
    example_project: Project, example_plan: Plan
) -> None:
    org = example_project.organization
    planned = example_plan.site.decks
    assert [d.path for d in planned] == ["kit/slides/kickoff.pptx", "kit/slides/mentor-training.pptx"]
    files = decks(planned)
    for deck in planned:
        show = Presentation(io.BytesIO(files[deck.path]))
        slides = list(show.slides)
        assert len(slides) == 1 + len(deck.slides) >= 4
        assert slides[0].shapes[1].text_frame.text == deck.title  # over the coloured background
        assert [slide.shapes[0].text_frame.text for slide in slides[1:]] == [s.title for s in deck.slides]
        assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip() for slide in slides[1:])
        assert RGBColor.from_string(org.colors.primary.lstrip("#").upper()) in _fills(show)  # type: ignore[no-untyped-call]
        assert org.name in slides[0].shapes[2].text_frame.text
        assert show.core_properties.author == org.name
        assert deck_pptx(deck) == files[deck.path]  # the same bytes again


def test_the_training_deck_follows_its_script(example_project: Project, example_plan: Plan) -> None:
    deck = next(d for d in example_plan.site.decks if d.path.endswith("mentor-training.pptx"))
    guide = next(g for g in example_project.guides if g.path == "guides/mentor-training.md")
    script = str(guide.text).split("## Script", 1)[1].split("\n## ", 1)[0]
    assert [s.title for s in deck.slides] == [line[4:] for line in script.splitlines() if line.startswith("### ")]
    assert any("reverse mentoring" in p for s in deck.slides for p in s.points)


def test_no_kickoff_session_no_kickoff_deck(example_project: Project) -> None:
    facts = {"kickoff.date": "", "kickoff.time": "", "kickoff.place": "", "program": "P"}
    assert plan_decks(example_project, facts)  # the shipped curriculum has both
    guides = tuple(g for g in example_project.guides if g.path != "guides/mentor-training.md")
    assert [d.path for d in plan_decks(replace(example_project, guides=guides), facts)] == ["kit/slides/kickoff.pptx"]


def test_a_run_of_show_for_each_group_session_in_the_kit_and_the_managers_edition(
    example_project: Project, example_plan: Plan
) -> None:
    pages = {p.path: p for p in example_plan.site.pages}
    kit = str(pages["kit/index.md"].context)
    filled = fill_project(example_project, program_facts(example_project))
    manager = next(e for e in example_plan.editions if e.path.endswith("manager-edition.pdf"))
    chapters = {entry.title for entry in manager.contents}
    for run in RUNS:
        guide = next(g for g in filled.guides if g.path == f"guides/{run}.md")
        assert guide.editions == ("manager",)
        assert f"{run}.md" in kit and guide.title in chapters
        assert "{" not in str(guide.text)  # every fact filled in
        program = example_project.organization.program
        assert program is not None and program.size  # how many to print: a copy a pair or a person
        assert any(f": {n}" in str(guide.text) for n in (program.size, 2 * program.size))
    assert "slides/kickoff.pptx" in kit
