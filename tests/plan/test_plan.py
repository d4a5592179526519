"""The one plan of a build, checked without the file system: every document the example
handbook makes (site pages, each worksheet's two PDFs, the packets, the handbook and its
parts, the calendar), each a typed value; and the values the site and the print share."""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from generator.models.project import Project
from generator.plan import Plan, plan_build
from generator.plan.paths import PDF_VARIANTS, handbook_pdf, packet_pdf, worksheet_pdf
from generator.plan.print.book import ModuleChapter
from generator.plan.print.chapters import PART_SESSIONS
from generator.plan.print.worksheets import PacketView
from generator.plan.program.worksheet_order import program_order


def test_planning_reads_no_file_and_gives_the_same_plan_again(project: Project, plan: Plan) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"planning opened {args[0]!r}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", refuse)
        assert plan_build(project) == plan


def test_every_worksheet_has_its_two_pdfs_and_the_packets_hold_them_all(project: Project, plan: Plan) -> None:
    """The pairs' packet holds only the pairs' worksheets; the program team's forms (those the
    manager's edition carries) have a packet of their own; each in program order."""
    worksheets = project.curriculum.worksheets
    assert [d.path for d in plan.worksheets] == [worksheet_pdf(w.id, v) for w in worksheets for v in PDF_VARIANTS]
    assert [d.variant for d in plan.worksheets] == list(PDF_VARIANTS) * len(worksheets)
    assert all(d.head.title == w.title for d, w in zip(plan.worksheets[::2], worksheets, strict=True))
    team = {w.id for w in worksheets if "manager" in w.editions}
    assert team and team < {w.id for w in worksheets}
    expected = [packet_pdf(v) for v in PDF_VARIANTS] + [packet_pdf(v, team=True) for v in PDF_VARIANTS]
    assert [d.path for d in plan.packets] == expected
    for packet in plan.packets:
        assert isinstance(packet.front, PacketView)
        forms = packet.path.startswith("worksheets/team-forms")
        order = [w.id for w in program_order(project.curriculum) if (w.id in team) == forms]
        assert [s.id for s in packet.front.sheets] == order
        assert [body.view.sheets[0].id for body in packet.sheets] == order
        assert packet.front.fillable == (packet.variant == "fillable")
        assert all(body.variant == packet.variant for body in packet.sheets)


def test_a_worksheet_is_numbered_alike_in_its_pdf_the_packet_and_every_book(project: Project, plan: Plan) -> None:
    """ "Worksheet 3" is the same worksheet wherever it is printed, and the same pages; the
    program team's forms are lettered on their own ("Form A"), after the pairs' numbers."""
    order = program_order(project.curriculum)
    pairs = [w for w in order if "manager" not in w.editions]
    numbered = {w.id: f"{project.labels['worksheet']} {n}" for n, w in enumerate(pairs, 1)}
    numbered |= {w.id: f"Form {'ABCDEFGH'[n]}" for n, w in enumerate(w for w in order if "manager" in w.editions)}
    assert "Form A" in numbered.values()
    own = {d.sheets[0].view.sheets[0].id: d.sheets[0] for d in plan.worksheets if d.variant == "print"}
    assert {i: body.view.sheets[0].kicker for i, body in own.items()} == numbered
    for book in (plan.handbook, *plan.editions):
        for part in (p for p in book.parts if p.sheet):
            assert part.sheet == own[part.sheet.view.sheets[0].id]


def test_the_handbook_parts_hold_every_chapter_once_in_order(project: Project, plan: Plan) -> None:
    handbook = plan.handbook
    assert handbook.path == handbook_pdf(project.slug)
    chapters = [c for part in handbook.parts for c in part.chapters]
    assert chapters[0].kind == "welcome" and chapters[-1].kind == "sheets"
    sessions = [s.id for c in chapters if isinstance(c, ModuleChapter) for s in c.sessions]
    assert sessions == [f"_s-{s.id}" for s in project.curriculum.sessions()]
    assert not handbook.parts[0].continues
    entries = {e.target[1:] for e in handbook.contents}
    assert set(sessions) <= entries and {s.id for s in handbook.book.sheets} <= entries <= handbook.targets


@pytest.mark.parametrize(
    "most", [pytest.param(1, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow), PART_SESSIONS]
)
def test_every_book_is_laid_out_in_parts_of_at_most_so_many_sessions(project: Project, most: int) -> None:
    """`serve` asks for parts of 3 sessions (an edit lays out less again); the chapters, in
    order, are the same whatever the parts."""
    plan, whole = plan_build(project, most), plan_build(project, 1_000)
    for book, one in zip((plan.handbook, *plan.editions), (whole.handbook, *whole.editions), strict=True):
        counts = [sum(len(c.sessions) for c in p.chapters if isinstance(c, ModuleChapter)) for p in book.parts]
        if book.book.flow:  # a reader's guide: its modules follow on from one another, in one part
            assert len([n for n in counts if n]) == 1
        else:
            assert max(counts) <= most
        assert [c for p in book.parts for c in p.chapters if not isinstance(c, ModuleChapter)] == [
            c for p in one.parts for c in p.chapters if not isinstance(c, ModuleChapter)
        ]
        assert [s for p in book.parts for c in p.chapters if isinstance(c, ModuleChapter) for s in c.sessions] == [
            s for p in one.parts for c in p.chapters if isinstance(c, ModuleChapter) for s in c.sessions
        ]
    assert len(plan.handbook.parts) > len(whole.handbook.parts) or most == PART_SESSIONS


def test_the_calendar_and_every_page_are_listed(plan: Plan) -> None:
    assert plan.calendar is not None and plan.calendar.path == "program.ics"
    assert plan.calendar.data.startswith(b"BEGIN:VCALENDAR")
    paths = plan.paths()
    assert len(paths) == len(set(paths))
    assert {"index.md", "program.md", "program.ics", plan.handbook.path} <= set(paths)


def typed(value: Any, where: str) -> Iterator[str]:
    """Where, inside a print view, a dict or a list stands for a typed value."""
    if isinstance(value, dict | list):
        yield where
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name != "labels":  # the interface's words, looked up by name
                yield from typed(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, tuple | frozenset):
        for n, item in enumerate(value):
            yield from typed(item, f"{where}[{n}]")


def test_print_views_are_typed_all_the_way_down(plan: Plan) -> None:
    views = [*(body.view for d in plan.pdfs for body in d.sheets), *(d.front for d in plan.packets), plan.handbook]
    assert [where for n, view in enumerate(views) for where in typed(view, f"view{n}")] == []


def test_site_and_handbook_share_the_agenda_clock_and_cadence(project: Project, plan: Plan) -> None:
    session = project.curriculum.sessions()[0]
    page = next(p for p in plan.site.pages if p.template == "session.md.j2" and p.context["session"].id == session.id)
    chapters = [c for part in plan.handbook.parts for c in part.chapters if isinstance(c, ModuleChapter)]
    printed = next(s for c in chapters for s in c.sessions if s.id == f"_s-{session.id}")
    minutes = project.labels["min"]
    assert [f"{slot.start}–{slot.end} {minutes}" for slot in page.context["agenda"]] == [r.time for r in printed.agenda]
    timeline: Mapping[str, Any] = next(p.context for p in plan.site.pages if p.path == "program.md")
    assert plan.handbook.book.program is not None
    assert set(timeline["series"]) <= set(plan.handbook.book.program.facts.split(" · "))
    assert timeline["facts"] in plan.handbook.book.program.facts


def test_with_a_handbook_url_every_book_prints_its_address_and_each_sessions_page(project: Project, plan: Plan) -> None:
    """On paper, the handbook's web address on the cover and each session's page under it
    (as the calendar links it); without `handbook_url`, none (a folder's path opens nothing)."""
    url = "https://intranet.example.org/mentoring/"
    program = project.organization.program
    assert program is not None
    unpublished = dataclasses.replace(
        project,
        organization=project.organization.model_copy(
            update={"program": program.model_copy(update={"handbook_url": None})}
        ),
    )
    assert plan_build(unpublished).handbook.book.cover.url is None
    published = dataclasses.replace(
        project,
        organization=project.organization.model_copy(
            update={"program": program.model_copy(update={"handbook_url": url})}
        ),
    )
    first = project.curriculum.modules[0]
    for book in (plan_build(published).handbook, *plan_build(published).editions):
        assert book.book.cover.url == url
        sessions = [s for part in book.parts for c in part.chapters if isinstance(c, ModuleChapter) for s in c.sessions]
        assert sessions and all(s.url and s.url.startswith(f"{url}modules/") for s in sessions)
        if f"_s-{first.sessions[0].id}" in {s.id for s in sessions}:
            assert f"{url}modules/{first.id}/{first.sessions[0].id}.html" in {s.url for s in sessions}


def test_each_start_here_page_on_the_web_links_where_to_go_next(example_plan: Plan) -> None:
    pages = {page.path: page for page in example_plan.site.pages}
    for edition in ("mentee", "mentor"):
        text = str(pages[f"guides/start-here-{edition}.md"].context["text"])
        links = text.split("## On the web", 1)[1]
        assert "(../kit/escalation.md)" in links and f"-{edition}-guide.pdf)" in links
        assert "(../worksheets/packet-print.pdf)" in links and "(../program.md)" in links
        assert "[Dana Okafor](mailto:mentoring@harborandpine.example)" in links
    assert "## On the web" not in str(pages["guides/how-to-use.md"].context["text"])


def test_a_printed_page_says_where_the_website_is(example_project: Project) -> None:
    from generator.plan.program.facts import program_facts

    program = example_project.organization.program
    assert program is not None
    none = program.model_copy(update={"handbook_url": None})
    unpublished = dataclasses.replace(
        example_project, organization=example_project.organization.model_copy(update={"program": none})
    )
    assert program_facts(unpublished)["website"] == "the handbook's website (the program team's messages link to it)"
    at = program.model_copy(update={"handbook_url": "https://intranet.example/mentoring/"})
    org = example_project.organization.model_copy(update={"program": at})
    project = dataclasses.replace(example_project, organization=org)
    assert program_facts(project)["website"] == "the handbook's website, https://intranet.example/mentoring/"


def test_a_us_program_prints_on_letter_unless_it_says_otherwise(example_project: Project) -> None:
    org = example_project.organization
    assert "paper" not in org.model_fields_set and org.paper == "Letter"  # the example's holidays are the US's
    data = org.model_dump(exclude={"paper"})
    assert type(org).model_validate({**data, "paper": "A4"}).paper == "A4"  # said: kept
    program = data["program"]
    ireland = {**data, "program": {**program, "public_holidays": {"country": "IE"}}}
    assert type(org).model_validate(ireland).paper == "A4"


def test_a_readers_timeline_holds_their_days_and_not_the_other_roles(example_project: Project) -> None:
    from generator.plan.print.chapters import program_view

    whole, mentor, mentee = (program_view(example_project, role) for role in (None, "mentor", "mentee"))
    assert whole is not None and mentor is not None and mentee is not None
    titles = {
        name: [r.title for r in view.rows] for name, view in (("all", whole), ("mentor", mentor), ("mentee", mentee))
    }
    for name in ("all", "mentor"):
        assert "Mentors' lunch" in titles[name] and "Mentor training workshop: each mentor attends one" in titles[name]
    assert (
        "Mentors' lunch" not in titles["mentee"] and "Mentee orientation: each mentee attends one" in titles["mentee"]
    )
    assert "Introduction email: meet your mentoring partner" in titles["mentee"]
    lunch = next(r for r in mentor.rows if r.title == "Mentors' lunch")
    assert "For mentors" not in (lunch.note or "")  # the mentor's own guide needs no mark
    assert "For mentors" in (next(r for r in whole.rows if r.title == "Mentors' lunch").note or "")
