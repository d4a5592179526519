"""Planning the handbook PDF (pure): every chapter's view, the parts the body is laid out in,
the contents and the anchors that links point to.

WeasyPrint keeps every laid-out page in memory until it writes (about 1.1 MB a page, measured
in docs/decisions/0001-pdf-engine.md), so the body is laid out in parts of at most
PART_SESSIONS sessions (chapters.py; pdf/stage.py lays them out side by side on its process
pool, and joins them). Sessions name the worksheets
they use by number ("Worksheet 3"), not by page, because the appendix is laid out after them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from babel.dates import format_interval

from generator.markup import css_string
from generator.models import Module, Session
from generator.models.curriculum import PerRole
from generator.models.events import Event
from generator.models.program import Program
from generator.models.project import Project
from generator.plan.paths import Paths, handbook_pdf
from generator.plan.print.book import (
    ActivityView,
    Advice,
    AgendaRow,
    BookView,
    Cover,
    GlossaryEntry,
    GuideView,
    HandbookPlan,
    ModuleView,
    RoleLines,
    SessionView,
    SheetRef,
)
from generator.plan.print.chapters import (
    FLOW_PART_SESSIONS,
    PART_SESSIONS,
    body_parts,
    contacts,
    contents,
    html,
    linked,
    page_html,
    program_view,
    values,
)
from generator.plan.print.worksheets import print_head, sheet_bodies
from generator.plan.program.moments import last_day, opening_day
from generator.plan.program.reach import website
from generator.plan.program.session import agenda_clock, prompt_groups, roles, text_words
from generator.plan.program.worksheet_order import program_order
from generator.plan.site.kit import with_commitments

TEMPLATE = "print/handbook.html.j2"


@dataclass(frozen=True)
class Selection:
    """Which parts of the one source a book holds: the whole handbook, or an edition of it
    (editions.py) with one role's lines, the guides and worksheets marked for it, and chapters
    of its own (the kit's pages)."""

    path: str
    edition: str | None = None  # the guides and worksheets marked for it; None: all
    role: str | None = None  # only this role's prompts, tips and pitfalls; None: every role's
    modules: bool = True
    chapters: tuple[GuideView, ...] = ()  # after the guides
    title: str | None = None  # on the cover, instead of "Handbook"
    group_sessions: bool = False  # only the sessions a facilitator runs (those with their lines), whole
    flow: bool = False  # chapters follow on the page before (a reader's edition: short enough for an evening)


def plan_handbook(
    project: Project, paper: str | None = None, selection: Selection | None = None, part_sessions: int = PART_SESSIONS
) -> HandbookPlan:
    """The print variant (tagged PDF/UA, writing lines in the worksheets): a handbook is read
    and printed. Laid out in parts of at most `part_sessions` sessions (chapters.py)."""
    org, curriculum, labels = project.organization, project.curriculum, project.labels
    choice = selection or Selection(handbook_pdf(project.slug))
    head = print_head(project, paper)
    if choice.title:
        edition = _edition_labels(labels, choice.role, website(project, labels))
        head = replace(head, labels={**labels, "handbook": choice.title, **edition})
    bodies = sheet_bodies(project, paper)  # numbered in program order, in every book alike
    sheets = [bodies[w.id, "print"] for w in program_order(curriculum) if choice.edition in (None, *w.editions)]
    named = {w.id: f"{bodies[w.id, 'print'].view.sheets[0].kicker}: {w.title}" for w in curriculum.worksheets}
    held = {s.view.sheets[0].id for s in sheets}
    refs = {ref: SheetRef(f"#{ref}", title) for ref, title in named.items() if ref in held}
    elsewhere = {ref: title for ref, title in named.items() if ref not in held}
    refs |= _elsewhere(elsewhere, labels, choice.role, website(project, labels, named=True))
    printed = _Printed(refs, labels, choice.role, text_words(project), _session_urls(project))
    modules = _modules(curriculum.modules, printed, choice)
    guides = tuple(  # numbered alike in every book: the same guide is the same part (chapters.py)
        GuideView(f"_g{n}", g.title, page_html(for_reader(g.text, choice.role)))
        for n, g in enumerate(with_commitments(project), start=1)
        if choice.edition is None or choice.edition in g.editions
    )
    guides += choice.chapters
    # An edition opens with the page written for its reader alone (their Start here)
    openers = tuple(g for g, guide in zip(guides, _own(project, choice), strict=False) if guide)
    guides = tuple(g for g in guides if g not in openers)
    book = BookView(
        **{**vars(head), "style": replace(head.style, footer=css_string(org.display_name))},
        title=f"{choice.title or curriculum.title} · {org.name}",
        variant="print",
        fillable=False,
        cover=_cover(project),
        welcome=html(org.welcome),
        values=values(org),
        how_we_work=tuple(html(note) for note in org.how_we_work),
        contacts=contacts(org),
        program=program_view(project, choice.role),
        glossary=tuple(GlossaryEntry(e.term, html(e.definition)) for e in curriculum.glossary),
        sheets=tuple(s.view.sheets[0] for s in sheets),
        session_class="session flow" if choice.role else "session",
        flow=choice.flow,
    )
    entries = contents(book, modules, guides, openers)
    targets = frozenset(entry.target[1:] for entry in entries) | linked(book, modules)
    if choice.flow:  # the modules follow on (a part up to FLOW_PART_SESSIONS), the guides in one part
        part_sessions, per_part = FLOW_PART_SESSIONS, max(len(guides), 1)
    parts = body_parts(
        book, modules, guides, part_sessions, tuple(sheets), openers, per_part if choice.flow else 1, choice.flow
    )
    if choice.flow:  # a reader's contents: the chapters and modules, on one page
        entries = tuple(entry for entry in entries if entry.level == 1)
    return HandbookPlan(choice.path, TEMPLATE, book, parts, entries, targets)


def _modules(chosen: Sequence[Module], printed: _Printed, choice: Selection) -> tuple[ModuleView, ...]:
    """The book's modules, numbered as in the handbook; with `group_sessions`, only the sessions
    a facilitator runs (the manager's edition: the kickoff, the closing), and their modules."""
    if not choice.modules:
        return ()
    modules = tuple(_module(m, n, printed) for n, m in enumerate(chosen, start=1))
    if not choice.group_sessions:
        return modules
    run = {f"_s-{s.id}" for m in chosen for s in m.sessions if s.prompts.facilitator}
    kept = (replace(m, sessions=tuple(s for s in m.sessions if s.id in run)) for m in modules)
    return tuple(m for m in kept if m.sessions)


def for_reader(text: str, role: str | None) -> str:
    """A guide's Markdown for one reader: a section whose heading ends with another reader's
    mark (`## If you are a mentor {.for-mentor}`) is left out, up to the next heading of its
    level or above; every mark is taken off (the site's attr_list reads them as classes)."""
    kept: list[str] = []
    skipping = 0  # the level of the heading being left out; 0: keeping
    for line in text.splitlines(keepends=True):
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if skipping and level <= skipping:
                skipping = 0
            mark = _MARK.search(line)
            if mark and role is not None and mark.group(1) != role:
                skipping = skipping or level
            line = _MARK.sub("", line)
        if not skipping:
            kept.append(line)
    return type(text)("".join(kept)) if isinstance(text, str) else "".join(kept)


_HEADING = re.compile(r"(#{1,6}) ")
_MARK = re.compile(r"[ \t]*\{:?\s*\.for-(mentor|mentee|facilitator)\s*\}[ \t]*(?=\r?\n|$)")


def _other(role: str) -> str:
    return "mentee" if role == "mentor" else "mentor"


def _edition_labels(labels: Mapping[str, str], role: str | None, web: str) -> dict[str, str]:
    """A reader's edition says where the worksheets it does not print are, the website's address too."""
    if role is None:
        return {}
    other = labels[f"edition_{_other(role)}"]
    return {"handbook_worksheets_intro": labels["edition_worksheets_intro"].format(edition=other, website=web)}


def _elsewhere(named: Mapping[str, str], labels: Mapping[str, str], role: str | None, web: str) -> dict[str, SheetRef]:
    """A reader's edition names a session's worksheet it does not print, and where to print it
    from: the worksheet packet on the website (no link: a printed page)."""
    if role is None:
        return {}
    other = labels[f"edition_{_other(role)}"]
    return {
        ref: SheetRef("", labels["edition_sheet_elsewhere"].format(sheet=title, edition=other, website=web))
        for ref, title in named.items()
    }


def _own(project: Project, choice: Selection) -> list[bool]:
    """For each guide the book holds, in order: is it written for this edition's reader alone?
    Only a mentor's or mentee's edition has one (the manager's opens with its kit as before)."""
    guides = [g for g in with_commitments(project) if choice.edition is None or choice.edition in g.editions]
    return [choice.role is not None and tuple(g.editions) == (choice.role,) for g in guides]


def program_dates(program: Program, language: str, events: Sequence[Event] = ()) -> str:
    """First to last day of the program, as the `{start}` and `{end}` facts say: from the day it
    starts for its people (its first meeting for all pairs, the kickoff, when before the first week: moments.opening_day; a training
    before that is preparation, on the timeline) to the day it ends for them (moments.last_day)."""
    last = last_day(program.start, program.weeks, tuple(events))
    return format_interval(opening_day(program.start, events), last, "yMMMd", locale=language)


def _cover(project: Project) -> Cover:
    """The program's own name is the cover's title (the curriculum's below it); without a program, the curriculum's."""
    org, logo, program = project.organization, project.logo, project.organization.program
    return Cover(
        logo=logo.data_uri() if logo else None,
        org=org.name,
        title=program.name if program else project.curriculum.title,
        program=project.curriculum.title if program else None,
        dates=program_dates(program, org.language, project.events) if program else None,
        url=program.handbook_url if program else None,
    )


@dataclass(frozen=True)
class _Printed:
    """What one book prints its modules and sessions with."""

    sheets: Mapping[str, SheetRef]  # worksheet id -> its link and "Worksheet 3: its title" (no link: not in this book)
    labels: Mapping[str, str]
    role: str | None  # only this role's lines; None: every role's
    words: Mapping[str, str]  # the organization's words, for the prompts' labels
    urls: Mapping[str, str]  # session id -> its page's address on the web (none without `handbook_url`)


def _session_urls(project: Project) -> dict[str, str]:
    """Each session's page on the web, as the calendar names it (program/timeline.py): under
    the program's `handbook_url`; without one, none (a path in a folder opens nothing on paper)."""
    program = project.organization.program
    if not (program and program.handbook_url):
        return {}
    pages = Paths(project.curriculum).session_by_id
    return {sid: f"{program.handbook_url}{posixpath.splitext(page)[0]}.html" for sid, page in pages.items()}


def _module(module: Module, number: int, printed: _Printed) -> ModuleView:
    labels = printed.labels
    return ModuleView(
        id=f"_m-{module.id}",
        kicker=f"{labels['module']} {number}",
        title=module.title,
        summary=html(module.summary),
        why=None if printed.role else html(module.why_it_matters),
        objectives=() if printed.role else tuple(html(o) for o in module.objectives),
        key_ideas=html(module.guidance) if module.guidance and not printed.role else None,
        sessions=tuple(_session(s, f"{number}.{n}", printed) for n, s in enumerate(module.sessions, start=1)),
    )


def _session(session: Session, number: str, printed: _Printed) -> SessionView:
    """A session as a book prints it; a reader's edition (one role) keeps what they need to run
    the meeting from paper: the summary, the agenda (its steps and times, without the details),
    their questions, the activity, tips and pitfalls, and the worksheets to bring (the site has
    the details and the notes for both)."""
    labels, role, sheets = printed.labels, printed.role, printed.sheets
    agenda = tuple(
        AgendaRow(
            f"{slot.start}–{slot.end} {labels['min']}",
            slot.step.step,
            html(slot.step.detail) if slot.step.detail and not role else None,
        )
        for slot in agenda_clock(session)
    )
    return SessionView(
        id=f"_s-{session.id}",
        number=number,
        kicker=f"{labels['session']} {number} · {session.minutes} {labels['minutes']}",
        title=session.title,
        summary=html(session.summary),
        guidance=html(session.guidance) if session.guidance and not role else None,
        agenda=agenda,
        prompts=tuple(
            RoleLines(g.label, tuple(html(x) for x in g.lines))
            for g in prompt_groups(session, labels, printed.words)
            if role in (None, g.role)
        ),
        activity=None if role else ActivityView(session.activity.title, html(session.activity.description)),
        advice=tuple(
            Advice(kind, labels[kind], _per_role(getattr(session, kind), labels, role)) for kind in ("tips", "pitfalls")
        ),
        worksheets=tuple(sheets[ref] for ref in session.worksheets if ref in sheets),
        agenda_details=role is None,
        url=printed.urls.get(session.id),
    )


def _per_role(lines: PerRole, labels: Mapping[str, str], only: str | None = None) -> tuple[RoleLines, ...]:
    """Each side's lines under its label (or only one side's, without one: the whole book is
    that reader's); a role with none is left out."""
    return tuple(
        RoleLines("" if only else role.label, tuple(html(item) for item in getattr(lines, role.key)))
        for role in roles(labels)
        if getattr(lines, role.key) and only in (None, role.key)
    )
