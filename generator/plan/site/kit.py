"""The program manager's kit as a section of the site: its pages, the tracker files, and what
each of MENTOR's standards is offered, computed from what every guide, worksheet and run-sheet
step says it serves."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import quote

from markupsafe import Markup

from generator.markup import escape_text
from generator.models.guide import Guide
from generator.models.kit import EDITIONS
from generator.models.project import Project
from generator.plan.paths import (
    KIT_INDEX,
    PDF_VARIANTS,
    PEOPLE_CSV,
    PRIVACY,
    TRACKER_CSV,
    TRACKER_XLSX,
    edition_pdf,
    packet_pdf,
)
from generator.plan.program.escalation import escalation, urgent
from generator.plan.program.facts import program_facts
from generator.plan.program.kit import messages, run_sheet
from generator.plan.program.once import once_per_project
from generator.plan.program.privacy import privacy_md
from generator.plan.program.time_asked import commitment
from generator.plan.sheets.tracker import TrackerSheet, table_csv, tracker_sheet, tracker_sheets_md
from generator.plan.site import kit_pages as md
from generator.plan.site.slides import plan_decks


@dataclass(frozen=True)
class KitPage:
    path: str
    title: str
    text: Markup  # Markdown, made safe


@dataclass(frozen=True)
class Kit:
    pages: tuple[KitPage, ...]
    files: dict[str, bytes]
    sheets: tuple[TrackerSheet, ...]  # written by the write stage (sheets.py)
    guides: tuple[Guide, ...]  # every guide, the role descriptions with their time commitment


def manager_only(guide: Guide) -> bool:
    """A guide for the people running the program: listed in the kit, not among the pairs' guides."""
    return tuple(guide.editions) == ("manager",)


def site_link(here: str) -> Callable[[str], str | None]:
    base = posixpath.dirname(here)
    return lambda target: posixpath.relpath("/" + target, "/" + base)


def offers(project: Project, guides: tuple[Guide, ...]) -> dict[str, list[md.Offer]]:
    """Standard id -> what serves it: guides and worksheets that name it, the run-sheet and
    message templates for the standards of their steps, and the kit pages that name one."""
    found: dict[str, list[md.Offer]] = {s.id: [] for s in project.curriculum.standards}
    labels = project.labels

    def add(standard: str | None, offer: md.Offer) -> None:
        if standard in found and offer not in found[standard]:
            found[standard].append(offer)

    for guide in guides:
        add(guide.standard, md.Offer(guide.title, guide.path))
    for worksheet in project.curriculum.worksheets:
        add(worksheet.standard, md.Offer(f"{labels['worksheet']}: {worksheet.title}", f"worksheets/{worksheet.id}.md"))
    for task in project.curriculum.run_sheet:
        add(task.standard, md.Offer(labels["kit_run_sheet"], "kit/run-sheet.md"))
        if task.message:
            add(task.standard, md.Offer(labels["kit_messages"], "kit/messages.md"))
    for path, (label, standard) in md.KIT_PAGES.items():
        add(standard, md.Offer(labels[label], path))
    return found


@once_per_project
def with_commitments(project: Project) -> tuple[Guide, ...]:
    """The guides, each role description with its time commitment after its text."""
    commitments = {role: commitment(project, role) for role in ("mentor", "mentee")}
    return tuple(
        replace(g, text=Markup(md.with_commitment(g, str(g.text), commitments, project))) if g.time_for else g
        for g in project.guides
    )


def plan_kit(project: Project) -> Kit:
    labels = project.labels
    guides = with_commitments(project)
    steps = run_sheet(project)
    tracker = tracker_sheet(project, TRACKER_XLSX)
    texts = {
        "kit/standards.md": md.standards_md(project, offers(project, guides), site_link("kit/standards.md")),
        "kit/run-sheet.md": md.run_sheet_md(project, steps, site_link("kit/run-sheet.md")),
        "kit/messages.md": md.messages_md(messages(steps), labels, anchors=True),
        "kit/escalation.md": md.escalation_md(escalation(project), labels, urgent(project)),
        "kit/tracker.md": md.tracker_md(project, tracker_sheets_md(tracker), site_link("kit/tracker.md")),
    }
    pages = [KitPage(KIT_INDEX, labels["kit"], Markup(index_md(project, guides)))]
    pages += [
        KitPage(
            path, labels[md.KIT_PAGES[path][0]], Markup(f"# {escape_text(labels[md.KIT_PAGES[path][0]])}\n\n{text}")
        )
        for path, text in texts.items()
    ]
    title = labels["privacy_title"]
    pages.append(KitPage(PRIVACY, title, Markup(f"# {escape_text(title)}\n\n{privacy_md(project)}")))
    files = {
        PEOPLE_CSV: table_csv(tracker.people, tracker.planned),
        TRACKER_CSV: table_csv(tracker.pairs, tracker.planned),
    }
    return Kit(tuple(pages), files, (tracker,), guides)


def index_md(project: Project, guides: tuple[Guide, ...]) -> str:
    labels, link = project.labels, site_link(KIT_INDEX)
    lines = [f"# {escape_text(labels['kit'])}", "", escape_text(labels["kit_intro"]), ""]
    lines += [f"- [{escape_text(labels[label])}]({link(path)})" for path, (label, _) in md.KIT_PAGES.items()]
    lines += ["", f"## {escape_text(labels['kit_editions'])}", ""]
    lines += [
        f"- [{escape_text(labels[f'edition_{e}'])}]({quote(str(link(edition_pdf(project.slug, e))))})" for e in EDITIONS
    ]
    slides = plan_decks(project, program_facts(project))
    if slides:
        lines += ["", f"## {escape_text(labels['kit_slides'])}", ""]
        lines += [f"- [{escape_text(d.title)} (.pptx)]({link(d.path)}) · [PDF]({link(d.pdf)})" for d in slides]
    lines += ["", f"## {escape_text(labels['kit_guides'])}", ""]
    lines += [f"- [{escape_text(g.title)}]({link(g.path)})" for g in guides if "manager" in g.editions]
    forms = [w for w in project.curriculum.worksheets if "manager" in w.editions]
    if forms:
        lines += ["", f"## {escape_text(labels['kit_forms'])}", ""]
        lines += [f"- [{escape_text(w.title)}]({link(f'worksheets/{w.id}.md')})" for w in forms]
        lines += [
            f"- [{escape_text(labels[f'team_packet_{v}'])}]({link(packet_pdf(v, team=True))})" for v in PDF_VARIANTS
        ]
    return "\n".join(lines) + "\n"
