"""The editions (pure): the program manager's edition, the mentor's guide and the mentee's
guide, each planned as a selection of the one handbook's chapters (plan/print/handbook.py) and laid
out by the handbook's renderer. Nothing in them is a second copy: the guides and worksheets say
which editions they belong to, the sessions' lines say whose they are, and the manager's
edition adds the kit's pages as chapters, made from the same Markdown as the site's.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.markup import escape_text
from generator.models.project import Project
from generator.plan.paths import TRACKER_XLSX, edition_pdf
from generator.plan.print.book import GuideView, HandbookPlan
from generator.plan.print.chapters import PART_SESSIONS, page_html
from generator.plan.print.handbook import Selection, plan_handbook
from generator.plan.program.escalation import escalation, urgent
from generator.plan.program.kit import messages, run_sheet
from generator.plan.program.privacy import privacy_md
from generator.plan.sheets.tracker import tracker_sheet, tracker_sheets_md
from generator.plan.site import kit_pages as md
from generator.plan.site.kit import offers, with_commitments


def _no_link(target: str) -> None:
    """In print, titles stand without links: their pages are chapters or on the website."""


def kit_chapters(project: Project) -> tuple[GuideView, ...]:
    """The kit's pages as chapters of the manager's edition."""
    labels = project.labels
    steps = run_sheet(project)
    tracker = md.tracker_md(project, tracker_sheets_md(tracker_sheet(project, TRACKER_XLSX)), _no_link)
    texts = (
        ("kit_standards", md.standards_md(project, offers(project, with_commitments(project)), _no_link)),
        ("kit_run_sheet", md.run_sheet_md(project, steps, _no_link)),
        ("kit_messages", md.messages_md(messages(steps), labels, anchors=False)),
        ("kit_escalation", md.escalation_md(escalation(project), labels, urgent(project))),
        ("kit_tracker", f"{tracker}\n{escape_text(labels['kit_tracker_site'])}\n"),
        ("privacy_title", privacy_md(project)),
    )
    return tuple(
        GuideView(f"_k{n}", labels[label], page_html(Markup(f"# {escape_text(labels[label])}\n\n{text}")))
        for n, (label, text) in enumerate(texts, start=1)
    )


def plan_editions(
    project: Project, paper: str | None = None, part_sessions: int = PART_SESSIONS
) -> tuple[HandbookPlan, ...]:
    labels, slug = project.labels, project.slug
    kit = kit_chapters(project)
    manager = Selection(
        edition_pdf(slug, "manager"),
        edition="manager",
        group_sessions=True,  # the sessions the program team runs with everyone: the kickoff, the closing
        chapters=kit,
        title=labels["edition_manager"],
    )
    # The pairs' speak-up route, and what happens to what they write, in each reader's edition too
    theirs = tuple(c for c in kit if c.title in (labels["kit_escalation"], labels["privacy_title"]))
    pairs = [
        Selection(
            edition_pdf(slug, role),
            edition=role,
            role=role,
            chapters=theirs,
            title=labels[f"edition_{role}"],
            flow=True,
        )
        for role in ("mentor", "mentee")
    ]
    return tuple(plan_handbook(project, paper, selection, part_sessions) for selection in (manager, *pairs))
