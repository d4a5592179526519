"""The organization's handbook as one printable PDF: cover, contents, welcome, values, how we
work, contacts, the program timeline, every module and session, the guides, the glossary and
every worksheet, in the organization's words, language and paper size.

It is made by the worksheet renderer (pdf.py): the same templates, fetcher, fonts, stylesheet
and safe Markdown, and the worksheets' own print view for the appendix, so that a worksheet
reads the same in the handbook as in its own PDF. Everything the template prints is computed
here. The ids made here start with `_`, which no worksheet id or field id can, so the
contents' links and page numbers always find their own target.

WeasyPrint keeps every laid-out page in memory until it writes (about 1.3 MB a page), so the
body is laid out in parts of at most PART_SESSIONS sessions, each written and let go before
the next, and joined at the end (pdf_join.py). Like a book, the body's pages count from 1 and
the front matter (cover and contents, made last, when every chapter's page is known) from i.
Sessions name the worksheets they use by number ("Worksheet 3"), not by page, because the
appendix is laid out after them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from babel.dates import format_interval
from markupsafe import Markup

from generator.models import Module, Session
from generator.models.curriculum import PerRole
from generator.models.organization import Organization
from generator.models.program import Program
from generator.pdf.cache import PdfCache
from generator.pdf.join import Part, join_parts
from generator.pdf.printer import Printer, css_string, markdown_html, program_order, safe_markdown, sheet_view
from generator.plan.pages import guide_pdf
from generator.plan.program import timeline_date
from generator.read.project import Project

TEMPLATE = "print/guide.html.j2"
ROLES = ("mentor", "mentee", "facilitator")
EXTENSIONS = ("admonition", "def_list", "tables")  # the site's, that mean something on paper
PART_SESSIONS = 24  # about 80 pages, 150 MB while laid out (a longer module goes on in the next part)
CONTENTS_PER_PART = 300  # contents entries: about 9 pages


def _html(text: str) -> Markup:
    """Markdown from YAML, as the site shows it: key ideas hold tables, guides hold tips."""
    return markdown_html(text, EXTENSIONS)


def render_guide_pdf(project: Project, docs: Path, cache: PdfCache | None = None) -> Path:
    """Write the handbook into `docs`, where the home page links to it. The print variant
    (tagged PDF/UA, writing lines in the worksheets): a handbook is read and printed."""
    printer = Printer(project, project.organization.paper, cache)
    book = guide_view(project, printer)
    targets = frozenset(entry["target"][1:] for entry in book["contents"]) | _linked(book)
    parts: list[Part] = []
    pages: dict[str, int] = {}
    first_page = 1
    for chapters in body_parts(book):
        continues = chapters[0]["kind"] == "module" and not chapters[0]["opening"]
        html = part_html(printer, book, chapters, first_page)
        part, count, anchors = _laid_out(printer, html, targets, continues)
        parts.append(part)
        for name, index in anchors.items():
            pages.setdefault(name, first_page + index)
        first_page += count
    front: list[Part] = []
    front_page = 1  # the cover and contents count i, ii, iii... on their own
    for entries in front_parts(book, pages):
        part, count, _ = _laid_out(printer, front_html(printer, book, entries, front_page), targets, False)
        front.append(part)
        front_page += count
    target = docs / guide_pdf(project.slug)
    target.parent.mkdir(parents=True, exist_ok=True)
    join_parts([*front, *parts], target, front_pages=front_page - 1)
    return target


def _laid_out(
    printer: Printer, html: str, targets: frozenset[str], continues: bool
) -> tuple[Part, int, dict[str, int]]:
    """One part: its PDF, its number of pages and the page (from 0) of each of its anchors.
    The targets it links to in other parts get stand-in anchors, without which WeasyPrint
    would drop those links. Remembered by the printer's cache (serve) by all it depends on."""

    def make() -> tuple[Part, int, dict[str, int]]:
        document = printer.render(html, "print", "the handbook")
        anchors: dict[str, int] = {}
        for index, page in enumerate(document.pages):
            for name in page.anchors:
                anchors.setdefault(name, index)
        stand_ins = targets - anchors.keys()
        for name in sorted(stand_ins):
            document.pages[-1].anchors[name] = (0, 0, 0, 0)
        return Part(printer.pdf(document, "print"), stand_ins, continues), len(document.pages), anchors

    return printer.remember(make, html, " ".join(sorted(targets)), str(continues))


def guide_view(project: Project, printer: Printer) -> dict[str, Any]:
    """Everything the handbook prints, chapter by chapter."""
    org, curriculum, labels = project.organization, project.curriculum, project.labels
    sheets = program_order(curriculum)
    numbers = {w.id: n for n, w in enumerate(sheets, start=1)}
    refs = {w.id: f"{labels['worksheet']} {numbers[w.id]}: {w.title}" for w in sheets}
    modules = [_module(m, n, refs, labels) for n, m in enumerate(curriculum.modules, start=1)]
    guides = [
        {"id": f"_g{n}", "title": g.title, "html": page_html(g.text)} for n, g in enumerate(project.guides, start=1)
    ]
    view: dict[str, Any] = {
        **printer.common,
        "title": f"{curriculum.title} · {org.name}",
        "variant": "print",
        "fillable": False,
        "style": {**cast(Mapping[str, str], printer.common["style"]), "footer": css_string(org.display_name)},
        "cover": _cover(project),
        **_organization(org),
        "program": _program(project, labels) if org.program else None,
        "modules": modules,
        "guides": guides,
        "glossary": [{"term": e.term, "definition": _html(e.definition)} for e in curriculum.glossary],
        "sheets": [_numbered(sheet_view(w, labels), numbers[w.id], labels) for w in sheets],
    }
    view["contents"] = _contents(view, labels)
    return view


def body_parts(book: Mapping[str, Any]) -> list[list[dict[str, Any]]]:
    """The body's chapters in print order, grouped into the parts laid out one at a time:
    the organization's chapters and modules up to PART_SESSIONS sessions a part (a longer
    module goes on in the next part, without its opening), then the guides, glossary and
    worksheets (the same size whatever the curriculum's)."""
    opening: list[dict[str, Any]] = [
        {"kind": kind} for kind in ("welcome", "values", "how_we_work", "contacts", "program") if book[kind]
    ]
    parts, current, count = [], opening, 0
    for module in book["modules"]:
        sessions = module["sessions"]
        for start in range(0, max(len(sessions), 1), PART_SESSIONS):
            piece = sessions[start : start + PART_SESSIONS]
            if count and count + len(piece) > PART_SESSIONS:
                parts.append(current)
                current, count = [], 0
            current.append({"kind": "module", "module": module, "sessions": piece, "opening": start == 0})
            count += len(piece)
    parts.append(current)
    closing = [{"kind": "guide", "guide": g} for g in book["guides"]]
    closing += [{"kind": kind} for kind in ("glossary", "sheets") if book[kind]]
    return [part for part in (*parts, closing) if part]


def part_html(printer: Printer, book: Mapping[str, Any], chapters: list[dict[str, Any]], first_page: int) -> str:
    context = {**book, "front": False, "chapters": chapters, "first_page": first_page}
    return printer.env.get_template(TEMPLATE).render(context)


def front_parts(book: Mapping[str, Any], pages: Mapping[str, int]) -> list[list[dict[str, Any]]]:
    """The contents' entries with their page numbers, CONTENTS_PER_PART to a part: a long
    contents page is laid out in parts too (its dot leaders take WeasyPrint much memory)."""
    entries = [{**e, "page": pages.get(e["target"][1:], 0)} for e in book["contents"]]
    return [entries[n : n + CONTENTS_PER_PART] for n in range(0, len(entries), CONTENTS_PER_PART)]


def front_html(printer: Printer, book: Mapping[str, Any], entries: list[dict[str, Any]], first_page: int) -> str:
    """The cover (in the first part only) and part of the contents."""
    context = {**book, "front": True, "chapters": [], "first_page": first_page, "contents": entries}
    return printer.env.get_template(TEMPLATE).render(context)


def _linked(book: Mapping[str, Any]) -> frozenset[str]:
    """Anchors that the body links to: sessions from the timeline, worksheets from sessions."""
    rows = book["program"]["rows"] if book["program"] else []
    linked = {row["target"][1:] for row in rows if row["target"]}
    for module in book["modules"]:
        linked |= {sheet["target"][1:] for session in module["sessions"] for sheet in session["worksheets"]}
    return frozenset(linked)


def _numbered(sheet: dict[str, Any], number: int, labels: Mapping[str, str]) -> dict[str, Any]:
    return {**sheet, "kicker": f"{labels['worksheet']} {number}"}


def page_html(text: str) -> Markup:
    """A guide's Markdown, converted as it is: our own content/ pages may hold raw HTML, and an
    organization's page was escaped when it was read (guides.py). Links are made safe either way."""
    return safe_markdown(str(text), EXTENSIONS)


def program_dates(program: Program, language: str) -> str:
    """First to last day of the program (the day before start + weeks, as timeline.py counts)."""
    last = program.start + dt.timedelta(weeks=program.weeks, days=-1)
    return format_interval(program.start, last, "yMMMd", locale=language)


def _cover(project: Project) -> dict[str, Any]:
    org, logo = project.organization, project.logo
    return {
        "logo": logo.data_uri() if logo else None,
        "org": org.name,
        "title": project.curriculum.title,
        "program": org.program.name if org.program else None,
        "dates": program_dates(org.program, org.language) if org.program else None,
    }


def _organization(org: Organization) -> dict[str, Any]:
    """The organization's own chapters: its text, converted as safely as the site does."""
    return {
        "welcome": _html(org.welcome),
        "values": [{"name": v.name, "text": _html(v.in_mentoring)} for v in org.values],
        "how_we_work": [_html(note) for note in org.how_we_work],
        "contacts": [
            {
                "role": c.role,
                "name": c.name,
                "email": c.email,
                "phone": c.phone,
                "note": _html(c.note) if c.note else None,
            }
            for c in org.contacts
        ],
    }


def _program(project: Project, labels: Mapping[str, str]) -> dict[str, Any]:
    program, language = project.organization.program, project.organization.language
    assert program is not None  # only called with a program
    facts = [
        f"{labels['program_starts']} {timeline_date(program.start, language)}",
        labels[f"cadence_{program.cadence.replace(' ', '_')}"],
        f"{program.weeks} {labels['weeks']}",
        f"{program.meeting_minutes} {labels['minutes']}",
    ]
    rows = [
        {
            "date": timeline_date(e.date, language),
            "milestone": e.kind == "milestone",
            "title": f"{labels['session']} {e.number}: {e.title}" if e.kind == "session" else e.title,
            "note": e.note,
            "target": f"#_s-{e.session_id}" if e.session_id else None,
        }
        for e in project.events
    ]
    breaks = [
        {"name": b.name, "dates": format_interval(b.start, b.end, "yMMMd", locale=language)} for b in program.breaks
    ]
    return {"id": "_program", "name": program.name, "facts": " · ".join(facts), "rows": rows, "breaks": breaks}


def _module(module: Module, number: int, sheets: Mapping[str, str], labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": f"_m-{module.id}",
        "kicker": f"{labels['module']} {number}",
        "title": module.title,
        "summary": _html(module.summary),
        "why": _html(module.why_it_matters),
        "objectives": [_html(o) for o in module.objectives],
        "key_ideas": _html(module.guidance) if module.guidance else None,
        "sessions": [_session(s, f"{number}.{n}", sheets, labels) for n, s in enumerate(module.sessions, start=1)],
    }


def _session(session: Session, number: str, sheets: Mapping[str, str], labels: Mapping[str, str]) -> dict[str, Any]:
    agenda, clock = [], 0
    for step in session.agenda:
        time = f"{clock}–{clock + step.minutes} {labels['min']}"
        agenda.append({"time": time, "step": step.step, "detail": _html(step.detail) if step.detail else None})
        clock += step.minutes
    return {
        "id": f"_s-{session.id}",
        "number": number,
        "kicker": f"{labels['session']} {number} · {session.minutes} {labels['minutes']}",
        "title": session.title,
        "summary": _html(session.summary),
        "guidance": _html(session.guidance) if session.guidance else None,
        "agenda": agenda,
        "prompts": _per_role(session.prompts, labels),
        "activity": {"title": session.activity.title, "text": _html(session.activity.description)},
        "advice": [
            {"kind": kind, "title": labels[kind], "roles": _per_role(getattr(session, kind), labels)}
            for kind in ("tips", "pitfalls")
        ],
        "worksheets": [{"target": f"#{ref}", "title": sheets[ref]} for ref in session.worksheets],
    }


def _per_role(lines: PerRole, labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """Each side's lines under its label; a role with none is left out."""
    return [
        {"label": labels[f"for_{role}"], "lines": [_html(item) for item in getattr(lines, role)]}
        for role in ROLES
        if getattr(lines, role)
    ]


def _contents(context: Mapping[str, Any], labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """The contents page, in the order the chapters are printed (see guide.html.j2)."""
    entries = [_entry("_welcome", labels["welcome"])]
    for key, target, label in (
        ("values", "_values", "our_values"),
        ("how_we_work", "_how-we-work", "how_we_work"),
        ("contacts", "_contacts", "contacts"),
    ):
        if context[key]:
            entries.append(_entry(target, labels[label]))
    if context["program"]:
        entries.append(_entry("_program", context["program"]["name"]))
    for module in context["modules"]:
        entries.append(_entry(module["id"], f"{module['kicker']}: {module['title']}"))
        entries += [_entry(s["id"], f"{s['number']} {s['title']}", 2) for s in module["sessions"]]
    entries += [_entry(g["id"], g["title"]) for g in context["guides"]]
    if context["glossary"]:
        entries.append(_entry("_glossary", labels["glossary"]))
    if context["sheets"]:
        entries.append(_entry("_worksheets", labels["worksheets"]))
        entries += [_entry(s["id"], s["title"], 2) for s in context["sheets"]]
    return entries


def _entry(target: str, title: str, level: int = 1) -> dict[str, Any]:
    return {"target": f"#{target}", "title": title, "level": level}
