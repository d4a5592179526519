"""The facilitator's pack: the kickoff's and the mentor training's slides, opened back with
python-pptx (speaker notes on every step, the organization's colour and words, the same bytes
from the same input), and a run-of-show page for each group session and workshop, in the kit
and the manager's edition."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from generator.build import pdf_work
from generator.models.project import Project
from generator.pdf.stage import render
from generator.plan import Plan
from generator.plan.program.facts import fill_project, program_facts
from generator.plan.site.slides import plan_decks
from generator.slides import deck_pptx, decks

RUNS = ("run-kickoff", "run-mentor-training", "run-mentee-orientation", "run-closing")


def _fills(show: Presentation) -> set[RGBColor]:
    found = set()
    for slide in show.slides:
        for shape in slide.shapes:
            if getattr(shape, "fill", None) is not None and shape.fill.type == 1:  # solid (a picture has no fill)
                found.add(shape.fill.fore_color.rgb)
    return found


def _wholes(plan: Plan, folder: Path) -> dict[str, bytes]:
    """The decks' PDFs and the scenario cards, laid out by the PDF stage as a build does."""
    work = replace(pdf_work(plan), files=(), books=())
    return {w.path: (folder / w.path).read_bytes() for w, _ in zip(work.wholes, render(work, folder), strict=True)}


def test_a_deck_for_the_kickoff_and_the_training_with_notes_in_the_organizations_colour(
    example_project: Project, example_plan: Plan, tmp_path: Path
) -> None:
    org = example_project.organization
    planned = example_plan.site.decks
    assert [d.path for d in planned] == ["kit/slides/kickoff.pptx", "kit/slides/mentor-training.pptx"]
    files = decks(planned) | _wholes(example_plan, tmp_path)
    for deck in planned:
        show = Presentation(io.BytesIO(files[deck.path]))
        slides = list(show.slides)
        assert len(slides) == 1 + len(deck.slides) >= 8
        assert slides[0].shapes[1].text_frame.text == deck.title  # over the coloured background
        assert [slide.shapes[0].text_frame.text for slide in slides[1:]] == [s.title for s in deck.slides]
        assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip() for slide in slides[1:])
        assert RGBColor.from_string(org.colors.primary.lstrip("#").upper()) in _fills(show)  # type: ignore[no-untyped-call]
        assert org.name in slides[0].shapes[2].text_frame.text
        assert show.core_properties.author == org.name
        assert all(
            any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes) for slide in slides
        )  # the logo
        assert deck_pptx(deck) == files[deck.path]  # the same bytes again
        # More on a slide than its title: every slide shows points or a table
        assert all(s.points or s.table for s in deck.slides)
        pdf = PdfReader(io.BytesIO(files[deck.pdf]))
        assert len(pdf.pages) == len(slides)  # the same deck, a page a slide, 16:9
        assert round(float(pdf.pages[0].mediabox.width) / float(pdf.pages[0].mediabox.height), 2) == 1.78
        text = " ".join(page.extract_text() for page in pdf.pages)
        assert deck.title in text and all(s.title in " ".join(text.split()) for s in deck.slides)


def test_the_kickoff_deck_shows_the_agenda_the_key_ideas_the_activity_and_the_next_steps(
    example_project: Project, example_plan: Plan
) -> None:
    deck = next(d for d in example_plan.site.decks if d.path.endswith("kickoff.pptx"))
    kickoff = next(s for s in example_project.curriculum.sessions() if s.moment == "kickoff")
    agenda = deck.slides[0]
    assert [row[1] for row in agenda.table[1:]] == [step.step for step in kickoff.agenda]
    assert all(step.step in agenda.notes for step in kickoff.agenda)  # each step's detail, to say
    titles = [s.title for s in deck.slides]
    assert kickoff.activity.title in titles and "How it differs from training and coaching" in titles
    comparison = next(s for s in deck.slides if s.title == "How it differs from training and coaching")
    assert comparison.table[0] == ("What differs", "Mentoring", "Training", "Coaching")
    assert "|" not in comparison.notes and "---" not in comparison.notes  # the table as lines to read out
    assert "What it covers. Mentoring: The mentee's own goals. Training: Defined skills." in comparison.notes
    facts = program_facts(example_project)
    assert any(facts["first_one_to_one.date"] in point for point in deck.slides[-1].points)
    modules = deck.slides[1]
    assert modules.title == "Modules" and kickoff.summary not in modules.notes
    assert facts["rhythm"] in modules.notes and f"1. {example_project.curriculum.modules[0].title}: " in modules.notes


def test_the_training_deck_follows_its_script(example_project: Project, example_plan: Plan) -> None:
    deck = next(d for d in example_plan.site.decks if d.path.endswith("mentor-training.pptx"))
    guide = next(g for g in example_project.guides if g.path == "guides/mentor-training.md")
    script = str(guide.text).split("## Script", 1)[1].split("\n## ", 1)[0]
    scenarios = str(guide.text).split("\n## Practice scenarios", 1)[1].split("\n## ", 1)[0]
    headings = [line[4:] for line in script.splitlines() if line.startswith("### ")]
    cards = [line[4:] for line in scenarios.splitlines() if line.startswith("### ")]
    titles = [s.title for s in deck.slides]
    # each slide where the script uses it: Who handles what (two slides, to be read at 16 pt)
    # after the section that shows it, before the close; no scenario has a slide (its title
    # would tell the players the topic), and a section too long for 24 pt is two slides
    where = next(h for h in headings if "*Who handles what*" in script.split(f"### {h}", 1)[1].split("\n### ", 1)[0])
    expected = ["Agenda"]
    for heading in headings:
        long = heading.startswith("Confidentiality")
        expected += [f"{heading[:-1]}, 1/2)", f"{heading[:-1]}, 2/2)"] if long else [heading]
        expected += ["Who handles what (1/2)", "Who handles what (2/2)"] if heading == where else []
    assert titles == expected and titles[-1] == headings[-1]
    assert not set(cards) & set(titles)
    assert all(sum(len(p) for p in s.points) <= 400 for s in deck.slides)  # each at 24 pt
    # the practice's slide shows the round's timing; its notes hold every scenario's briefs
    practice = next(s for s in deck.slides if s.title.startswith("Practice"))
    assert any("round" in p.lower() for p in practice.points)
    assert all(card in practice.notes for card in cards) and practice.notes.count("Observer, watch for") == len(cards)
    # Who handles what: each slide's notes read its own rows, not the other's
    first, second = (s for s in deck.slides if s.title.startswith("Who handles what"))
    assert first.table[1][0] in first.notes and first.table[1][0] not in second.notes
    assert second.table[1][0] in second.notes and second.table[1][0] not in first.notes
    # the agenda's steps are the script's headings, word for word
    agenda = deck.slides[0]
    steps = [row[1] for row in agenda.table[1:] if row[0] and row[1] != "Break"]  # not the total's row
    assert steps == [h.rsplit(" (", 1)[0] for h in headings]
    assert any("reverse mentoring" in p for s in deck.slides for p in s.points)
    listening = next(s for s in deck.slides if s.title.startswith("Listening"))
    assert any("What happened in that meeting?" in point for point in listening.points)  # what it shows the room
    # the title slide: the workshops' days, time and place from the facts
    facts = program_facts(example_project)
    assert (
        deck.subtitle
        == f"{facts['program']} · {facts['training.date']} · {facts['training.time']} · {facts['training.place']}"
    )
    close = deck.slides[-1]
    assert any(facts["first_one_to_one.date"] in p and facts["agreement.date"] in p for p in close.points)


def test_a_title_slide_leaves_off_a_place_the_profile_does_not_set(example_project: Project) -> None:
    program = example_project.organization.program
    assert program is not None
    bare = program.model_copy(update={"kickoff_place": None, "training_place": None})
    project = replace(example_project, organization=example_project.organization.model_copy(update={"program": bare}))
    facts = program_facts(project)
    labels = project.text_labels
    for deck in plan_decks(fill_project(project, facts), facts):
        assert labels["fact_place"] not in deck.subtitle and deck.subtitle.startswith(facts["program"])
        assert "Mon" in deck.subtitle or "Thu" in deck.subtitle  # the date stays


def facts_dates(project: Project) -> str:
    return program_facts(project)["training.date"]


def test_the_logo_card_is_the_same_size_in_the_pptx_and_the_pdf(example_plan: Plan, tmp_path: Path) -> None:
    from PIL import Image

    from generator.slides import logo_sizes

    deck = example_plan.site.decks[0]
    title, step = list(Presentation(io.BytesIO(deck_pptx(deck))).slides)[:2]
    inch, sizes = 914_400, logo_sizes()
    card = next(sh for sh in title.shapes if sh.fill.type == 1 and sh.fill.fore_color.rgb == RGBColor(255, 255, 255))
    footer_logo = next(sh for sh in step.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert footer_logo.height / inch == sizes["foot_logo"]
    (tmp_path / "deck.pdf").write_bytes(_wholes(example_plan, tmp_path / "made")[deck.pdf])
    subprocess.run(
        ["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", "deck.pdf", "page"], cwd=tmp_path, check=True
    )
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    white = [(x, y) for x in range(0, 500) for y in range(0, 200) if page.getpixel((x, y)) == (255, 255, 255)]
    xs, ys = [x for x, _ in white], [y for _, y in white]
    # the white card on the brand colour, as the PDF draws it (100 pixels an inch), against the .pptx's
    assert abs((min(xs) / 100) - card.left / inch) <= 0.02 and abs(min(ys) / 100 - card.top / inch) <= 0.02
    assert abs((max(ys) - min(ys) + 1) / 100 - card.height / inch) <= 0.02
    assert abs((max(xs) - min(xs) + 1) / 100 - card.width / inch) <= 0.02


def test_the_training_deck_sends_the_room_to_the_emergency_route_first(
    example_project: Project, example_plan: Plan
) -> None:
    deck = next(d for d in example_plan.site.decks if d.path.endswith("mentor-training.pptx"))
    parts = [s for s in deck.slides if s.title.startswith("Who handles what")]
    assert len(parts) == 2 and parts[0].table[0] == parts[1].table[0]  # each with the header row
    rows = [*parts[0].table[1:], *parts[1].table[1:]]
    _concern, danger = next(row for row in rows if row[0].startswith("Immediate danger"))
    assert danger.startswith("Call 911")  # the profile's emergency route, before any contact
    assert danger.index("911") < danger.index("Outside working hours: the duty manager") < danger.index("@")
    # the same rows as the kit's Who handles what, on the slide and in its notes
    assert [row[0] for row in rows] == [c.concern for c in example_project.curriculum.concerns]
    assert any(row[1].startswith("Ethics and speak-up") for row in rows)
    assert any("Employee assistance" in row[1] for row in rows)
    assert [len(p.notes.splitlines()) for p in parts] == [len(p.table) - 1 for p in parts]  # its own rows each
    shown = [p for s in deck.slides for p in (*s.points, s.notes, *(c for r in s.table for c in r))]
    assert not [p for p in shown if "\\+" in p or "\\." in p]  # no Markdown escapes on a slide


def test_no_kickoff_session_no_kickoff_deck(example_project: Project) -> None:
    facts = {**program_facts(example_project), "kickoff.place": "", "program": "P"}
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
        counts = [f": {n}" for n in (program.size, 2 * program.size)] + [f"{program.size} in all"]
        assert any(count in str(guide.text) for count in counts)
    assert "slides/kickoff.pptx" in kit


def test_each_thing_to_print_is_counted_on_one_run_of_show(example_project: Project) -> None:
    """A guide handed out at the training is not printed again for the kickoff: each row of the
    run-of-show pages' "what to print" tables names a thing no other page prints, and every count
    is a number the profile decides ({size}, {people}), filled in."""
    filled = fill_project(example_project, program_facts(example_project))
    printed: dict[str, list[str]] = {}
    for run in RUNS:
        guide = next(g for g in filled.guides if g.path == f"guides/{run}.md")
        table = str(guide.text).split("## Materials and what to print", 1)[1].split("\n## ", 1)[0]
        for row in table.splitlines()[3:]:
            if row.startswith("| "):
                what = row.split("|")[1].strip().split(" (")[0].removeprefix("Spare ").lower()
                printed.setdefault(what, []).append(run)
    assert printed and {what: runs for what, runs in printed.items() if len(runs) > 1} == {}
    assert "mentee's guide" in printed and "mentor's guide" in printed


def test_the_closing_run_of_show_says_when_and_where(example_project: Project) -> None:
    facts = program_facts(example_project)
    filled = fill_project(example_project, facts)
    closing = str(next(g for g in filled.guides if g.path == "guides/run-closing.md").text)
    program = example_project.organization.program
    assert program is not None and program.closing_place
    for fact in ("celebration.date", "celebration.time", "celebration.place"):
        assert facts[fact] in closing.split("\n## ", 1)[0], fact
    assert facts["celebration.place"] == program.closing_place


def test_the_scenario_cards_print_a_slip_per_role_and_the_training_run_of_show_links_them(
    example_project: Project, example_plan: Plan, tmp_path: Path
) -> None:
    [cards] = example_plan.site.cards
    guide = next(g for g in example_project.guides if g.path == "guides/mentor-training.md")
    scenarios = str(guide.text).split("\n## Practice scenarios", 1)[1].split("\n## ", 1)[0]
    scenarios_titles = [line[4:] for line in scenarios.splitlines() if line.startswith("### ")]
    titles = [t for t in scenarios_titles for _ in ("mentee", "mentor", "observer")]  # a slip per role
    assert [c.title for c in cards.cards] == titles and len(scenarios_titles) >= 3
    roles = [c.points[0] for c in cards.cards]
    assert roles == ["Mentee's card", "Mentor's task", "Observer, watch for"] * len(scenarios_titles)
    assert all(len(c.points) == 2 for c in cards.cards)  # each slip holds its own role's brief only
    reader = PdfReader(io.BytesIO(_wholes(example_plan, tmp_path)[cards.path]))
    assert len(reader.pages) == len(scenarios_titles) == cards.pages  # a page a scenario: print only those chosen
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for n, title in enumerate(scenarios_titles):
        assert pages[n].count(title) == 4 and f"{n + 1}/{len(scenarios_titles)}" in pages[n]
        assert pages[n].count("Observer, watch for".upper()) == 2  # a group of four's two observers
        assert all(other not in pages[n] for other in scenarios_titles if other != title)
        brief = scenarios.split(f"### {title}", 1)[1].split("\n### ", 1)[0]
        last = brief.split("*Mentor's task:*", 1)[1].split("\n", 1)[0].split()[-3:]
        assert " ".join(last) in pages[n]  # the longest slip is not cut off
    assert all(page.count(cards.cut_here) == 4 for page in pages)
    assert round(float(reader.pages[0].mediabox.height)) == 792  # the organization's paper: Letter, a US program
    run = next(p for p in example_plan.site.pages if p.path == "guides/run-mentor-training.md")
    assert "(../kit/slides/scenario-cards.pdf)" in str(run.context["text"])
    assert f"{scenarios_titles[0]}, page 1; {scenarios_titles[1]}, page 2" in str(run.context["text"])
    assert cards.path in example_plan.paths()


def test_the_orientations_agenda_names_its_scripts_sections(example_project: Project) -> None:
    """The page's agenda and its script's headings name each step alike (the training's deck is
    checked above): a facilitator reading one finds the other."""
    guide = next(g for g in example_project.guides if g.path == "guides/mentee-orientation.md")
    text = str(guide.text)
    agenda = text.split("## Agenda", 1)[1].split("\n## ", 1)[0]
    steps = [row.split("|")[2].strip() for row in agenda.splitlines() if row.startswith("| 0:")]
    headings = [line[4:].rsplit(" (", 1)[0] for line in text.splitlines() if line.startswith("### ")]
    assert steps and steps == headings
