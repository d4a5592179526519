"""The handbook's chapters around the modules (the organization's, its program) and how the
chapters are ordered: into the parts the body is laid out in, and into the contents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace

from babel.dates import format_interval
from markupsafe import Markup

from generator.markup import markdown_html, safe_markdown
from generator.models.events import Event
from generator.models.organization import Organization
from generator.models.project import Project
from generator.plan.print.book import (
    BodyPart,
    BookView,
    Break,
    Chapter,
    Contact,
    ContentsEntry,
    GuideChapter,
    GuideView,
    ModuleChapter,
    ModuleView,
    ProgramView,
    TimelineRow,
    Value,
)
from generator.plan.print.worksheets import SheetBody
from generator.plan.program.reader_days import timeline_events
from generator.plan.program.timeline_text import as_needed, clock, event_notes, program_facts, row_date, series_lines

EXTENSIONS = ("admonition", "def_list", "tables")  # the site's, that mean something on paper
# A part's pages stay in a worker's memory until it is written (about 1.1 MB a page, measured in
# docs/decisions/0001-pdf-engine.md): a part of
# 6 sessions is about 22 pages, a part of 6 guides about 25 (a 300-session build's whole tree:
# 348 MB with parts of 12 sessions, 332 with 6). Smaller parts also share the cores better;
# every chapter starts a page, so where a part ends does not change the layout. A guide is a
# part of its own: the same guide in the handbook and an edition is then the same part, laid
# out once for both (pdf/stage.py: a job's key is laid out once), as are the opening chapters and the glossary.
PART_SESSIONS = 6  # a longer module goes on in the next part
# A reader's edition lets its modules follow on in one part, up to FLOW_PART_SESSIONS sessions
# (the shipped curriculum's 21 in one); a longer curriculum goes on in the next part at a module's
# end, on a new page: one part of a 1,000-session mentor's guide (2 million characters) took a
# worker 1.4 GB, parts of 60 sessions (140,000 characters) 120 MB of its own (bench/run.py).
FLOW_PART_SESSIONS = 30
PART_GUIDES = 1
OPENING = ("welcome", "values", "how_we_work", "contacts", "program")  # the chapters before the modules


def html(text: str) -> Markup:
    """Markdown from YAML, as the site shows it: key ideas hold tables, guides hold tips."""
    return markdown_html(text, EXTENSIONS)


def page_html(text: str) -> Markup:
    """A guide's Markdown, converted as it is: our own content/ pages may hold raw HTML, and an
    organization's page was escaped when it was read (guides.py). Links are made safe either way."""
    return safe_markdown(str(text), EXTENSIONS)


def values(org: Organization) -> tuple[Value, ...]:
    return tuple(Value(v.name, html(v.in_mentoring)) for v in org.values)


def contacts(org: Organization) -> tuple[Contact, ...]:
    return tuple(Contact(c.role, c.name, c.email, c.phone, html(c.note) if c.note else None) for c in org.contacts)


def _readers_events(project: Project, role: str | None) -> tuple[Event, ...]:
    events = timeline_events(project)
    if role is None:
        return events
    own = f"{role}s"
    return tuple(
        dc_replace(e, audience="pairs") if e.audience == own else e for e in events if e.audience in ("pairs", own)
    )


def program_view(project: Project, role: str | None = None) -> ProgramView | None:
    """The program's facts and timeline, with the timeline page's dates, series and notes; a
    reader's edition (`role`) leaves out what is for the other role only (the mentee's guide
    has no mentors' lunch or mentor training), and what is for its reader needs no "For mentors"."""
    program, language, labels = project.organization.program, project.organization.language, project.labels
    if program is None:
        return None
    facts = [*program_facts(program, labels, language, project.events), *series_lines(program, project.events, labels)]
    rows = tuple(
        TimelineRow(
            date=" ".join(part for part in (row_date(e, language), clock(e)) if part),
            milestone=e.kind != "session",
            title=f"{labels['session']} {e.number}: {e.title}" if e.kind == "session" else e.title,
            note=" · ".join(str(n) for n in event_notes(e, labels, language, agenda=e.kind != "meeting")) or None,
            target=f"#_s-{e.session_id}" if e.session_id else None,
        )
        for e in _readers_events(project, role)
    )
    breaks = tuple(Break(b.name, format_interval(b.start, b.end, "yMMMd", locale=language)) for b in program.breaks)
    offered = tuple(
        TimelineRow("", False, f"{labels['session']} {a.number}: {a.title}", None, a.url)
        for a in as_needed(project, lambda sid: f"#_s-{sid}")
    )
    return ProgramView("_program", program.name, " · ".join(facts), rows, breaks, offered)


def body_parts(
    book: BookView,
    modules: Sequence[ModuleView],
    guides: Sequence[GuideView],
    most: int = PART_SESSIONS,
    sheets: Sequence[SheetBody] = (),
    openers: Sequence[GuideView] = (),
    per_part: int = PART_GUIDES,
    flow: bool = False,
) -> tuple[BodyPart, ...]:
    """The body's chapters in print order, grouped into the parts laid out apart: the
    organization's own chapters (the timeline is as long as the program); the modules, up to
    `most` sessions a part (a longer module goes on in the next part, without its opening);
    the guides, `per_part` a part (PART_GUIDES; a reader's edition, all in one); then the glossary and the worksheets' heading; then each
    worksheet's body, as laid out for its own PDF (plan/print/worksheets.py). The `openers` (an edition's
    Start here) come before everything, a part each. A reader's edition (`flow`), whose chapters
    follow on, starts a part only where its modules need one: a part always starts a page, and
    the Start here, the organization's chapters, the guides and the glossary follow on around the
    modules (the example's reader's guide is one part, besides its worksheets)."""
    opening: list[Chapter] = [Chapter(kind) for kind in OPENING if getattr(book, kind)]
    starts: list[list[Chapter]] = [[GuideChapter("guide", g)] for g in openers]
    starts.append(opening)
    parts: list[list[Chapter]] = [] if flow else starts
    current: list[Chapter] = [chapter for part in starts for chapter in part] if flow else []
    count = 0
    for module in modules:
        sessions = module.sessions
        for start in range(0, max(len(sessions), 1), most):
            piece = sessions[start : start + most]
            if count and count + len(piece) > most:
                parts.append(current)
                current, count = [], 0
            current.append(ModuleChapter("module", module, piece, start == 0))
            count += len(piece)
    after: list[list[Chapter]] = [
        [GuideChapter("guide", g) for g in guides[n : n + per_part]] for n in range(0, len(guides), per_part)
    ]
    after.append([Chapter(kind) for kind in ("glossary", "sheets") if getattr(book, kind)])
    if flow:
        current += [chapter for part in after for chapter in part]
        parts.append(current)
    else:
        parts += [current, *after]
    chapters = tuple(BodyPart(tuple(part), _continues(part)) for part in parts if part)
    return chapters + tuple(BodyPart((), False, sheet) for sheet in sheets)


def _continues(chapters: Sequence[Chapter]) -> bool:
    return isinstance(chapters[0], ModuleChapter) and not chapters[0].opening


def contents(
    book: BookView, modules: Sequence[ModuleView], guides: Sequence[GuideView], openers: Sequence[GuideView] = ()
) -> tuple[ContentsEntry, ...]:
    """The contents page, in the order the chapters are printed (see handbook.html.j2)."""
    labels = book.labels
    entries = [ContentsEntry(f"#{g.id}", g.title, 1) for g in openers]
    entries.append(ContentsEntry("#_welcome", labels["welcome"], 1))
    for kind, target, label in (
        ("values", "_values", "our_values"),
        ("how_we_work", "_how-we-work", "how_we_work"),
        ("contacts", "_contacts", "contacts"),
    ):
        if getattr(book, kind):
            entries.append(ContentsEntry(f"#{target}", labels[label], 1))
    if book.program:
        entries.append(ContentsEntry("#_program", book.program.name, 1))
    for module in modules:
        entries.append(ContentsEntry(f"#{module.id}", f"{module.kicker}: {module.title}", 1))
        entries += [ContentsEntry(f"#{s.id}", f"{s.number} {s.title}", 2) for s in module.sessions]
    entries += [ContentsEntry(f"#{g.id}", g.title, 1) for g in guides]
    if book.glossary:
        entries.append(ContentsEntry("#_glossary", labels["glossary"], 1))
    if book.sheets:
        entries.append(ContentsEntry("#_worksheets", labels["worksheets"], 1))
        entries += [ContentsEntry(f"#{s.id}", s.title, 2) for s in book.sheets]
    return tuple(entries)


def linked(book: BookView, modules: Sequence[ModuleView]) -> frozenset[str]:
    """Anchors that the body links to: sessions from the timeline, worksheets from sessions."""
    rows = (*book.program.rows, *book.program.as_needed) if book.program else ()
    found = {row.target[1:] for row in rows if row.target}
    for module in modules:
        found |= {sheet.target[1:] for session in module.sessions for sheet in session.worksheets if sheet.target}
    return frozenset(found)
