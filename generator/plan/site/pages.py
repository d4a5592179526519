"""Pure planning: curriculum x organization -> the pages, files and navigation of one handbook.

Nothing here reads or writes files; every link between pages is computed here, so templates
only place values. The result is tested without a file system.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from generator.markup import escape_text
from generator.models import Curriculum, Module, Session, Worksheet
from generator.models.guide import Guide
from generator.models.project import Project
from generator.plan.paths import (
    BRAND_CSS,
    KIT_INDEX,
    PDF_VARIANTS,
    PRIVACY,
    TIMELINE,
    Paths,
    edition_pdf,
    handbook_pdf,
    packet_pdf,
    relative,
    worksheet_pdf,
)
from generator.plan.program.facts import program_facts
from generator.plan.program.fields import site_sections
from generator.plan.program.reader_days import timeline_events
from generator.plan.program.session import agenda_clock, prompt_groups, roles, text_words
from generator.plan.program.timeline import plan_program, role_calendar, timeline_title
from generator.plan.program.words import count
from generator.plan.program.worksheet_order import is_team_form, kickers, program_order
from generator.plan.sheets.tracker import TrackerSheet
from generator.plan.sheets.xlsform import Spreadsheet
from generator.plan.site.cards import RUN_TRAINING_GUIDE, Cards, plan_cards
from generator.plan.site.feedback import plan_feedback_site
from generator.plan.site.kit import manager_only, plan_kit
from generator.plan.site.nav import NavItem, grouped, navigation
from generator.plan.site.page import Link, Page
from generator.plan.site.slides import Deck, plan_decks


@dataclass(frozen=True)
class SitePlan:
    site_name: str
    pages: tuple[Page, ...]
    nav: tuple[NavItem, ...]
    theme: Mapping[str, Any] = field(default_factory=dict)
    footer: tuple[str, ...] = ()
    files: Mapping[str, bytes] = field(default_factory=dict)  # made whole by the plan: the .ics, the logo
    grouped: bool = False  # modules are grouped in the navigation: see plan/site/nav.py
    sheets: tuple[TrackerSheet, ...] = ()  # workbooks the write stage makes (sheets.py): the pair tracker
    spreadsheets: tuple[Spreadsheet, ...] = ()  # made into .xlsx files when written (sheets.py): the XLSForms
    decks: tuple[Deck, ...] = ()  # the facilitator's slides, made into .pptx files when written (slides.py)
    cards: tuple[Cards, ...] = ()  # the training's scenario cards, a PDF made when written (slides.py)


def plan_site(project: Project) -> SitePlan:
    curriculum, org = project.curriculum, project.organization
    labels = project.labels
    paths = Paths(curriculum)
    common = {"org": org, "labels": labels, "curriculum": curriculum, "words": text_words(project)}
    kit = plan_kit(project)
    pages: list[Page] = [_home(project, paths, common)]
    cards = plan_cards(project)
    pages += [
        _guide(guide, common, _printables(guide, cards, project.labels) + _start_links(guide, project))
        for guide in kit.guides
    ]
    pages.append(_overview(curriculum, paths, common, project.curriculum_file))
    for number, module in enumerate(curriculum.modules, start=1):
        pages.append(_module(module, number, paths, common, project.curriculum_file))
        for sub, session in enumerate(module.sessions, start=1):
            pages.append(_session(session, module, f"{number}.{sub}", paths, common, project.curriculum_file))
    pages.append(_worksheet_index(curriculum, paths, common, project.curriculum_file))
    pages += [_worksheet(w, paths, common, project.curriculum_file) for w in curriculum.worksheets]
    feedback, bank, sheets = plan_feedback_site(project, common)
    pages.append(feedback)
    pages.append(Page("glossary.md", labels["glossary"], "glossary.md.j2", common, project.curriculum_file))
    contacts = {**common, "escalation": Link(labels["kit_escalation"], ESCALATION_PAGE)}
    pages.append(Page("contacts.md", labels["contacts"], "contacts.md.j2", contacts, project.organization_file))
    pages += [
        Page(k.path, k.title, "guide.md.j2", {**common, "text": k.text}, project.curriculum_file) for k in kit.pages
    ]
    timeline, files = plan_program(
        project, lambda session_id: paths.session_by_id[session_id], common, timeline_events(project)
    )
    if timeline:
        path, title, context = timeline
        pages.insert(1, Page(path, title, "program.md.j2", context, project.organization_file))
    images, theme = _branding(project)
    pages.append(Page(BRAND_CSS, "", "brand.css.j2", common, project.organization_file))
    nav = navigation(pages, curriculum, project.guides, labels)
    files = {**files, **images, **kit.files, **bank}
    return SitePlan(
        org.name,
        tuple(pages),
        nav,
        theme,
        _footer(project),
        files,
        grouped(curriculum),
        kit.sheets,
        sheets,
        plan_decks(project, program_facts(project)),
        cards,
    )


def _doors(project: Project, here: str) -> list[dict[str, Any]]:
    """Each reader's way in from the home page: the page written for them alone (a guide whose
    only edition is theirs: the mentee's and mentor's Start here; the kit for the program team)
    and their own edition as a PDF."""
    labels, doors = project.labels, []
    for edition in ("mentee", "mentor", "manager"):
        own = [g for g in project.guides if tuple(g.editions) == (edition,)]
        start = Link(own[0].title, relative(here, own[0].path)) if own and edition != "manager" else None
        if edition == "manager":
            start = Link(labels["kit"], relative(here, KIT_INDEX))
        book = Link(labels[f"edition_{edition}"] + " (PDF)", quote(relative(here, edition_pdf(project.slug, edition))))
        role = "facilitator" if edition == "manager" else edition  # whose questions their session pages open on
        doors.append({"reader": labels[f"door_{edition}"], "role": role, "start": start, "book": book})
    return doors


def _home(project: Project, paths: Paths, common: dict[str, Any]) -> Page:
    here = "index.md"
    modules = [
        {
            "link": Link(m.title, relative(here, paths.module(m))),
            "summary": m.summary,
            "sessions": count(len(m.sessions), project.labels, language=project.organization.language),
            "minutes": sum(s.minutes for s in m.sessions),
        }
        for m in project.curriculum.modules
    ]
    guides = [Link(g.title, relative(here, g.path)) for g in project.guides if not manager_only(g)]
    context = {
        **common,
        "modules": modules,
        "guides": guides,
        "doors": _doors(project, here),
        "contacts_link": relative(here, "contacts.md"),
        "program": project.organization.program,
        "timeline_link": relative(here, TIMELINE),
        "handbook_link": quote(relative(here, handbook_pdf(project.slug))),
    }
    return Page(here, project.labels["home"], "home.md.j2", context, project.organization_file)


def _guide(guide: Guide, common: dict[str, Any], after: str = "") -> Page:
    text = type(guide.text)(f"{guide.text}\n\n{after}") if after else guide.text
    return Page(guide.path, guide.title, "guide.md.j2", {**common, "text": text}, guide.origin)


ESCALATION_PAGE = "kit/escalation.md"  # Who handles what (plan/site/kit.py writes it)


def _start_links(guide: Guide, project: Project) -> str:
    """A reader's Start here page on the web ends with where to go next: *Who handles what*, the
    reader's guide and the worksheet packet as PDFs, the timeline, and an email link for each
    contact (the printed guide has these pages inside it, so the links are the web page's only)."""
    if tuple(guide.editions) not in (("mentee",), ("mentor",)):
        return ""
    labels, here, edition = project.labels, guide.path, guide.editions[0]
    links = [
        (labels["kit_escalation"], relative(here, ESCALATION_PAGE)),
        (f"{labels[f'edition_{edition}']} (PDF)", quote(relative(here, edition_pdf(project.slug, edition)))),
        (labels["worksheets"], relative(here, "worksheets/index.md")),
        (labels["packet_print"], quote(relative(here, packet_pdf("print")))),
        (labels["packet_fillable"], quote(relative(here, packet_pdf("fillable")))),
    ]
    program = project.organization.program
    if program:
        links.append((timeline_title(program, labels), relative(here, TIMELINE)))
        calendar = f"{labels['add_to_calendar']}: {labels[f'calendar_{edition}s']}"
        links.append((calendar, relative(here, role_calendar(f"{edition}s"))))
    lines = [f"- [{escape_text(title)}]({url})" for title, url in links]
    lines += [
        f"- {escape_text(c.role)}: [{escape_text(c.name)}](mailto:{quote(c.email, safe='@+.')})"
        for c in project.organization.contacts
        if c.email
    ]
    return f"\n## {escape_text(labels['start_links'])}\n\n" + "\n".join(lines) + "\n"


def _printables(guide: Guide, cards: tuple[Cards, ...], labels: Mapping[str, str]) -> str:
    """The training's run-of-show links the scenario cards to print (a link the plan makes: a
    path is never in the guide's prose, where the organization's words could reach it)."""
    if guide.path != RUN_TRAINING_GUIDE or not cards:
        return ""
    return "".join(
        f"- [{escape_text(labels['cards_link'].format(pages=c.pages))}]({relative(guide.path, c.path)}): "
        f"{escape_text(labels['cards_print'].format(scenarios=c.page_list(labels['cards_page'])))}\n"
        for c in cards
    )


def _overview(curriculum: Curriculum, paths: Paths, common: dict[str, Any], origin: str) -> Page:
    here = "modules/index.md"
    modules = [
        {
            "number": n,
            "link": Link(m.title, relative(here, paths.module(m))),
            "summary": m.summary,
            "sessions": [
                {"link": Link(s.title, relative(here, paths.session(s))), "minutes": s.minutes} for s in m.sessions
            ],
        }
        for n, m in enumerate(curriculum.modules, start=1)
    ]
    return Page(here, common["labels"]["program_overview"], "overview.md.j2", {**common, "modules": modules}, origin)


def _module(module: Module, number: int, paths: Paths, common: dict[str, Any], origin: str) -> Page:
    here = paths.module(module)
    sessions = [
        {
            "number": f"{number}.{n}",
            "link": Link(s.title, relative(here, paths.session(s))),
            "summary": s.summary,
            "minutes": s.minutes,
        }
        for n, s in enumerate(module.sessions, start=1)
    ]
    context = {**common, "module": module, "number": number, "sessions": sessions}
    return Page(here, module.title, "module.md.j2", context, origin)


def _session(session: Session, module: Module, number: str, paths: Paths, common: dict[str, Any], origin: str) -> Page:
    here = paths.session(session)
    context = {
        **common,
        "session": session,
        "number": number,
        "module": Link(module.title, _as_html(relative(here, paths.module(module)))),
        "agenda": agenda_clock(session),
        "roles": roles(common["labels"]),
        "prompts": prompt_groups(session, common["labels"], common["words"]),
        "worksheets": [
            Link(paths.worksheet_title[ref], relative(here, paths.worksheet(ref))) for ref in session.worksheets
        ],
    }
    return Page(here, session.title, "session.md.j2", context, origin)


def _as_html(url: str) -> str:
    """A link in raw HTML, which MkDocs does not rewrite: to the page it builds from the .md."""
    return url.replace(".md", ".html")


def _pdf_links(here: str, labels: Mapping[str, str], worksheet_id: str | None = None) -> list[Link]:
    if worksheet_id is None:
        return [Link(labels[f"packet_{v}"], relative(here, packet_pdf(v))) for v in PDF_VARIANTS]
    return [Link(labels[f"pdf_{v}"], relative(here, worksheet_pdf(worksheet_id, v))) for v in PDF_VARIANTS]


def _worksheet_index(curriculum: Curriculum, paths: Paths, common: dict[str, Any], origin: str) -> Page:
    """The worksheets in program order, numbered as every book and PDF numbers them ("Worksheet
    4"), the program team's forms apart under their own heading, lettered ("Form A")."""
    here, labels = "worksheets/index.md", common["labels"]
    packet = _pdf_links(here, labels) if curriculum.worksheets else []
    named = kickers(curriculum, labels)

    def entry(w: Worksheet) -> dict[str, Any]:
        return {
            "kicker": named[w.id],
            "link": Link(w.title, relative(here, paths.worksheet(w.id))),
            "purpose": w.purpose,
            "used_in": [Link(s.title, relative(here, paths.session(s))) for s in paths.worksheet_users[w.id]],
        }

    ordered = program_order(curriculum)
    context = {
        **common,
        "worksheets": [entry(w) for w in ordered if not is_team_form(w)],
        "team": [entry(w) for w in ordered if is_team_form(w)],
        "packet": packet,
    }
    return Page(here, labels["worksheets"], "worksheets.md.j2", context, origin)


def _worksheet(worksheet: Worksheet, paths: Paths, common: dict[str, Any], origin: str) -> Page:
    here = paths.worksheet(worksheet.id)
    used_in = [Link(s.title, relative(here, paths.session(s))) for s in paths.worksheet_users[worksheet.id]]
    pdfs = _pdf_links(here, common["labels"], worksheet.id)
    context = {
        **common,
        "worksheet": worksheet,
        "sections": site_sections(worksheet),
        "used_in": used_in,
        "pdfs": pdfs,
        "privacy_link": relative(here, PRIVACY),
    }
    return Page(here, worksheet.title, "worksheet.md.j2", context, origin)


def _branding(project: Project) -> tuple[dict[str, bytes], dict[str, Any]]:
    """The logo and favicon as checked (never the organization's file itself), and the theme
    settings that name them."""
    images: dict[str, bytes] = {}
    theme: dict[str, Any] = {"language": project.organization.language}
    for key, image in (("logo", project.logo), ("favicon", project.favicon)):
        if image:
            target = f"assets/brand/{key}{image.suffix}"
            images[target] = image.data
            theme[key] = target
    return images, theme


def _footer(project: Project) -> tuple[str, ...]:
    """One line per contact, shown at the foot of every page."""
    lines = []
    for contact in project.organization.contacts:
        reach = " · ".join(x for x in (contact.email, contact.phone) if x)
        lines.append(f"{contact.role}: {contact.name}" + (f" ({reach})" if reach else ""))
    return tuple(lines)
