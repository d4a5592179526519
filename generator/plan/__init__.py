"""Planning, pure: Project -> every document a build makes, as typed values.

`plan_build` is the one plan: the site's pages (and the calendar it links to), each
worksheet's two PDFs, the packets and the handbook. The renderers take its parts, never the
Project, and nothing here reads or writes a file, so the plan is tested without a file system.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import InputError
from generator.models.project import Project
from generator.plan.paths import CALENDAR
from generator.plan.print.book import HandbookPlan
from generator.plan.print.chapters import PART_SESSIONS
from generator.plan.print.editions import plan_editions
from generator.plan.print.forms import plan_feedback_pdfs
from generator.plan.print.handbook import plan_handbook
from generator.plan.print.worksheets import (
    PdfDocument,
    PrintSetup,
    plan_packets,
    plan_worksheets,
    print_setup,
)
from generator.plan.program.coherence import check_coherence
from generator.plan.program.facts import fill_project, program_facts, site_facts
from generator.plan.site.pages import SitePlan, plan_site


@dataclass(frozen=True)
class FileDocument:
    """A file the plan makes whole, such as the program's calendar."""

    path: str  # relative to the docs folder
    data: bytes


@dataclass(frozen=True)
class Plan:
    site: SitePlan
    worksheets: tuple[PdfDocument, ...]  # each worksheet's fillable and print PDF
    packets: tuple[PdfDocument, ...]  # every worksheet in one PDF, fillable and print
    handbook: HandbookPlan
    editions: tuple[HandbookPlan, ...]  # the manager's edition, the mentor's and the mentee's guide
    calendar: FileDocument | None  # the program's .ics (written with the site's pages)
    setup: PrintSetup  # what laying the PDFs out needs besides them
    forms: tuple[PdfDocument, ...] = ()  # each feedback form's fillable and print PDF

    @property
    def pdfs(self) -> tuple[PdfDocument, ...]:
        return self.worksheets + self.packets + self.forms

    def paths(self) -> tuple[str, ...]:
        """Every document's path in the docs folder, in the order the build makes them."""
        files = (self.calendar.path,) if self.calendar else ()
        pages = tuple(page.path for page in self.site.pages) + tuple(s.path for s in self.site.sheets)
        pages += tuple(path for d in self.site.decks for path in (d.path, d.pdf))
        pages += tuple(c.path for c in self.site.cards)
        books = (self.handbook.path, *(e.path for e in self.editions))
        return pages + files + tuple(d.path for d in self.pdfs) + books


def plan_build(project: Project, part_sessions: int = PART_SESSIONS) -> Plan:
    """Every document of the build; the books laid out in parts of at most `part_sessions`
    sessions (plan/print/chapters.py: `serve` asks for smaller ones, commands/preview.py). The
    program's facts are computed once and put into the shared text before anything is planned,
    once the project is coherent (plan/program/coherence.py: a user's problem, at its line); the
    site's pages with the few facts a web page words its own way (`site_facts`)."""
    problems = check_coherence(project)
    if problems:
        raise InputError(problems)
    facts = program_facts(project)
    site = plan_site(fill_project(project, {**facts, **site_facts(project)}))
    project = fill_project(project, facts)
    calendar = FileDocument(CALENDAR, site.files[CALENDAR]) if CALENDAR in site.files else None
    return Plan(
        site,
        plan_worksheets(project),
        plan_packets(project),
        plan_handbook(project, part_sessions=part_sessions),
        plan_editions(project, part_sessions=part_sessions),
        calendar,
        print_setup(project),
        plan_feedback_pdfs(project),
    )
