"""The organization's handbook as one printable PDF: cover, contents, welcome, values, how we
work, contacts, the program timeline, every module and session, the guides, the glossary and
every worksheet, in the organization's words, language and paper size.

It is made by the worksheet renderer (pdf.py): the same templates, fetcher, fonts, stylesheet
and safe Markdown, and the worksheets' own print view for the appendix, so that a worksheet
reads the same in the handbook as in its own PDF. Everything the template prints is computed
here. The ids made here start with `_`, which no worksheet id or field id can, so the
contents' links and page numbers always find their own target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import markdown
from babel.dates import format_interval
from markupsafe import Markup

from generator.markup import SafeLinks
from generator.models import Curriculum, Module, Session
from generator.models.curriculum import PerRole
from generator.models.organization import Organization
from generator.models.program import Program
from generator.pdf import Printer, css_string, markdown_html, program_order, sheet_view
from generator.plan import guide_pdf
from generator.program_page import timeline_date
from generator.project import Project

TEMPLATE = "print/guide.html.j2"
ROLES = ("mentor", "mentee", "facilitator")
EXTENSIONS = ("admonition", "def_list", "tables")  # the site's, that mean something on paper


def _html(text: str) -> Markup:
    """Markdown from YAML, as the site shows it: key ideas hold tables, guides hold tips."""
    return markdown_html(text, EXTENSIONS)


def render_guide_pdf(project: Project, docs: Path) -> Path:
    """Write the handbook into `docs`, where the home page links to it. The print variant
    (tagged PDF/UA, writing lines in the worksheets): a handbook is read and printed."""
    printer = Printer(project, project.organization.paper)
    target = docs / guide_pdf(project.slug)
    printer.write(target, guide_html(project, printer), "print")
    return target


def guide_html(project: Project, printer: Printer) -> str:
    """The HTML that WeasyPrint lays out, free of absolute paths but the logo's."""
    org, curriculum, labels = project.organization, project.curriculum, project.labels
    modules = [_module(m, n, curriculum, labels) for n, m in enumerate(curriculum.modules, start=1)]
    guides = [
        {"id": f"_g{n}", "title": g.title, "html": page_html(g.text)} for n, g in enumerate(project.guides, start=1)
    ]
    sheets = [sheet_view(w, labels) for w in program_order(curriculum)]
    context: dict[str, Any] = {
        **printer.common,
        "title": f"{curriculum.title} · {org.name}",
        "variant": "print",
        "fillable": False,
        "style": {**printer.common["style"], "footer": css_string(org.display_name)},
        "cover": _cover(project),
        **_organization(org),
        "program": _program(project, labels) if org.program else None,
        "modules": modules,
        "guides": guides,
        "glossary": [{"term": e.term, "definition": _html(e.definition)} for e in curriculum.glossary],
        "sheets": sheets,
    }
    context["contents"] = _contents(context, labels)
    return printer.env.get_template(TEMPLATE).render(context)


def page_html(text: str) -> Markup:
    """A guide's Markdown, converted as it is: our own content/ pages may hold raw HTML, and an
    organization's page was escaped when it was read (guides.py). Links are made safe either way."""
    return Markup(markdown.markdown(str(text), extensions=[*EXTENSIONS, SafeLinks()]))


def program_dates(program: Program, language: str) -> str:
    """First to last day of the program (the day before start + weeks, as timeline.py counts)."""
    last = program.start + dt.timedelta(weeks=program.weeks, days=-1)
    return format_interval(program.start, last, "yMMMd", locale=language)


def _cover(project: Project) -> dict[str, Any]:
    org, logo = project.organization, project.logo_file
    return {
        "logo": Path(logo).as_uri() if logo else None,
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


def _module(module: Module, number: int, curriculum: Curriculum, labels: Mapping[str, str]) -> dict[str, Any]:
    titles = {w.id: w.title for w in curriculum.worksheets}
    return {
        "id": f"_m-{module.id}",
        "kicker": f"{labels['module']} {number}",
        "title": module.title,
        "summary": _html(module.summary),
        "why": _html(module.why_it_matters),
        "objectives": [_html(o) for o in module.objectives],
        "key_ideas": _html(module.guidance) if module.guidance else None,
        "sessions": [_session(s, f"{number}.{n}", titles, labels) for n, s in enumerate(module.sessions, start=1)],
    }


def _session(session: Session, number: str, titles: Mapping[str, str], labels: Mapping[str, str]) -> dict[str, Any]:
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
        "worksheets": [{"target": f"#{ref}", "title": titles[ref]} for ref in session.worksheets],
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
