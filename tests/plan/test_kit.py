"""The program manager's kit, planned without the file system: MENTOR's six standards each with
what the handbook offers (computed from what guides and worksheets declare), the run-sheet and
messages dated from the example's schedule, the escalation table from its contacts, the role
descriptions' time worked out from its program, and the editions as selections of one source."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from generator.markup import escape_text
from generator.models.program import TRAINING_MINUTES
from generator.models.project import Project
from generator.plan import Plan
from generator.plan.paths import edition_pdf
from generator.plan.print.book import GuideChapter, ModuleChapter
from generator.plan.program.escalation import escalation
from generator.plan.program.kit import Step, messages, run_sheet, runs
from generator.plan.program.moments import KitDates, kit_dates
from generator.plan.program.time_asked import PREPARATION_MINUTES, commitment
from generator.plan.program.timeline_text import timeline_date
from generator.plan.site.kit import manager_only, offers, with_commitments
from generator.read.layout import SHIPPED
from generator.read.project import load_project
from tests.conftest import REPO

SIX = ["Recruitment", "Screening", "Training", "Matching and initiating", "Monitoring and support", "Closure"]


def _page(plan: Plan, path: str) -> str:
    return str(next(p for p in plan.site.pages if p.path == path).context["text"])


def test_each_of_the_six_standards_has_what_the_handbook_offers_for_it(project: Project, plan: Plan) -> None:
    assert [s.title for s in project.curriculum.standards] == SIX
    found = offers(project, with_commitments(project))
    assert all(found[s.id] for s in project.curriculum.standards), found
    page = _page(plan, "kit/standards.md")
    paths = {p.path for p in plan.site.pages}
    for standard in project.curriculum.standards:
        assert f"## {standard.title}" in page
        for offer in found[standard.id]:
            assert offer.target.split("#")[0] in paths  # every offer is a page of this site
    section = page.split("## Closure")[1]
    assert "Endings, planned and unplanned" in section and "Exit conversation" in section


def test_the_standards_follow_what_the_data_declares(project: Project) -> None:
    """Nothing is a hand-kept list: a worksheet that names another standard moves with it."""
    sheets = tuple(
        w.model_copy(update={"standard": "training"}) if w.id == "match-check" else w
        for w in project.curriculum.worksheets
    )
    moved = replace(project, curriculum=project.curriculum.model_copy(update={"worksheets": sheets}))
    found = offers(moved, with_commitments(moved))
    titles = {s: [o.title for o in found[s]] for s in found}
    assert "Worksheet: Match check" in titles["training"]
    assert "Worksheet: Match check" not in titles["matching"]


def test_the_run_sheet_is_dated_from_the_schedule(project: Project) -> None:
    start = dt.date(2027, 1, 11)
    steps = run_sheet(project)
    days = [s.day for s in steps]
    assert days == sorted(days)
    by_id: dict[str, list[dt.date]] = {}
    for step in steps:
        assert step.day is not None
        by_id.setdefault(step.task.id, []).append(step.day)
    dates = kit_dates(project)
    assert dates is not None
    working = dates.calendar
    assert by_id["invite"] == [start - dt.timedelta(weeks=21)]
    assert by_id["sponsor"] == [start - dt.timedelta(weeks=28)]  # the profile's lead_times, not the kit's -26
    # Week 12 is the first day of the spring break: that check-in waits until people are back.
    assert by_id["check-in"] == [working.on_or_after(start + dt.timedelta(weeks=w)) for w in (4, 12, 20, 28)]
    assert by_id["check-in"][1] == dt.date(2027, 4, 19)
    own = [m.day for m in dates.milestones if m.milestone is not None]  # a session's moment is the session's
    assert by_id["milestone-reminder"] == [working.before(d, 5) for d in own]
    firsts = [e.date for e in project.events if e.kind == "session" and (e.number or "").endswith(".1")]
    assert by_id["module-reminder"] == [working.before(d, 5) for d in firsts[1:]]  # the kickoff starts the first
    end = max(e.date for e in project.events)  # the closing celebration, not the Sunday of week 36
    assert end == next(e.date for e in project.events if e.moment == "celebration")
    assert by_id["exit-book"] == [working.on_or_before(end - dt.timedelta(weeks=5))]
    assert by_id["close"] == [end]


def test_every_step_is_on_a_working_day_and_before_what_it_prepares(project: Project) -> None:
    dates = kit_dates(project)
    assert dates is not None
    steps = run_sheet(project)
    assert [s.title for s in steps if s.day is None or dates.calendar.day_off(s.day)] == []
    first = {}
    for step in steps:
        first.setdefault(step.task.id, step.day)
    for step in steps:
        assert step.day is not None
        if step.task.prepares in first:
            assert step.day < first[step.task.prepares], (step.title, step.task.prepares)
        if step.task.reminder:  # five working days before, so at least a week
            assert step.day + dt.timedelta(days=7) <= _event_day(step, dates), step.title
    assert first["train"] < first["introduce"] < first["kickoff"] < dates.kickoff
    assert first["orient"] < first["kickoff"]


def test_training_moves_before_a_kickoff_held_in_the_preparation_weeks(project: Project) -> None:
    """A program whose kickoff is two weeks before week 1 (community bonding) trains its mentors
    and orients its mentees before it, not after: a step is dated before the step it prepares."""
    early = replace(
        project,
        events=tuple(
            replace(e, date=e.date - dt.timedelta(weeks=2)) if e.moment == "kickoff" else e for e in project.events
        ),
    )
    dates = kit_dates(early)
    assert dates is not None and dates.kickoff == dt.date(2026, 12, 28)
    days: dict[str, list[dt.date]] = {}
    for step in run_sheet(early):
        assert step.day is not None and not dates.calendar.day_off(step.day)
        days.setdefault(step.task.id, []).append(step.day)
    assert max(days["train"]) < days["introduce"][0] < days["kickoff"][0] < dates.kickoff
    assert max(days["orient"]) < days["kickoff"][0]


def _event_day(step: Step, dates: KitDates) -> dt.date:
    title = step.title.split(": ", 1)[1]
    return next(d.day for d in (*dates.modules, *dates.milestones) if d.title == title)


def test_the_messages_carry_the_schedules_dates(project: Project, plan: Plan) -> None:
    sent = messages(run_sheet(project))
    assert not [m for m in sent if "{" in m.subject or "{" in m.body or "&#123;" in m.body]
    intro = next(m for m in sent if m.anchor == "introduce-1")
    # Three weeks before the start, before the winter holidays rather than on their eve; the survey is chased once after.
    assert intro.when == "Mon, Dec 21, 2026" and "Mon, Jan 11, 2027" in intro.body
    assert r"Dana Okafor \(mentoring@harborandpine.example\)" in intro.body  # as Markdown shows it
    chase = next(m for m in sent if m.anchor == "start-survey-chase-1")
    assert chase.when == "Mon, Jan 4, 2027" and "by Mon, Jan 11, 2027" in chase.body  # after the holidays
    lunch = next(e for e in project.events if e.title == "Mentors' lunch")
    reminder = next(m for m in sent if m.subject.startswith(lunch.title))
    assert reminder.subject == f"{lunch.title}, {timeline_date(lunch.date, 'en')}, 12:00–13:00"  # from its minutes
    assert "Please reply by Tue, Jun 15, 2027 to say whether you are coming." in reminder.body
    dates = kit_dates(project)
    assert dates is not None
    assert reminder.when == timeline_date(dates.calendar.before(lunch.date, 5), "en")
    page = _page(plan, "kit/messages.md")
    assert all(escape_text(m.subject) in page and m.when in page for m in sent)
    assert "(messages.md#introduce-1)" in _page(plan, "kit/run-sheet.md")


def test_the_escalation_table_comes_from_the_contacts(project: Project, plan: Plan) -> None:
    routes = {r.concern.id: r for r in escalation(project)}
    assert set(routes) == {c.id for c in project.curriculum.concerns}
    assert [c.role for c in routes["speak-up"].contacts] == ["Independent speak-up line"]
    assert routes["speak-up"].respond == "within five working days"  # the concern's, not the contact's usual
    assert routes["harm"].respond == "the same day"
    assert [c.name for c in routes["support"].contacts] == ["Employee assistance service"]
    assert not any(r.assumed for r in routes.values())
    contacts = tuple(c.model_copy(update={"handles": ()}) for c in project.organization.contacts)
    bare = replace(project, organization=project.organization.model_copy(update={"contacts": contacts}))
    fallback = {r.concern.id: r for r in escalation(bare)}
    by_role = {"speak-up": "Independent speak-up line", "support": "Confidential support line"}  # their roles say so
    assert all(
        r.assumed and [c.role for c in r.contacts] == [by_role.get(i, "Program lead")] for i, r in fallback.items()
    )
    assert fallback["emergency"].respond == project.curriculum.concerns[0].respond
    page = _page(plan, "kit/escalation.md")  # as Markdown shows it
    assert r"HR partner: Sam Lindqvist \(people@harborandpine.example; usually answers the same day\)" in page


def test_the_time_a_role_takes_is_worked_out_from_the_schedule(project: Project, plan: Plan) -> None:
    dates = kit_dates(project)
    booked = [e for e in project.events if e.kind in ("session", "meeting") and e.date >= project.events[0].date]
    assert dates is not None and dates.meetings == len(booked) == 20  # the as-needed session is not booked
    mentor = commitment(project, "mentor")
    own = {s.id: s.minutes for s in project.curriculum.sessions()}
    spent = sum(min(e.minutes or 60, own[e.session_id or ""]) for e in booked)
    assert spent == mentor.session_minutes < 20 * 60  # each session at its own length (45, 30), not the 60 booked
    extras = dict(mentor.extras)
    assert extras == {
        "Mentors' lunch": 60,
        "Mid-point conversation with the program team": 15,
        "Exit conversation with the program team": 20,
    }
    assert "Mentors' lunch" not in dict(commitment(project, "mentee").extras)
    # The closing celebration is a group session: its own row, as the kickoff is, not a one-to-one.
    rows = {held.name: held.meetings for held in mentor.series}
    assert rows["Kickoff"] == rows["Closing celebration"] == 1
    assert sum(rows.values()) == dates.meetings and rows["One-to-ones"] == 12
    assert mentor.total_minutes == (
        spent + dates.meetings * PREPARATION_MINUTES["mentor"] + TRAINING_MINUTES["mentor"] + sum(extras.values())
    )
    assert "| **In all** | over 36 weeks | **24\u00a0h\u00a010\u00a0min** |" in _page(plan, "guides/mentor-role.md")
    assert "The time it takes" in _page(plan, "guides/mentee-role.md")
    for role in ("mentor", "mentee"):  # and on each reader's own Start here
        assert "The time it takes" in _page(plan, f"guides/start-here-{role}.md")


@pytest.mark.parametrize(("guide", "role"), [("mentor-training", "mentor"), ("mentee-orientation", "mentee")])
def test_the_training_hours_counted_are_the_training_guides_agendas(guide: str, role: str) -> None:
    text = (SHIPPED / "content" / f"{guide}.md").read_text(encoding="utf-8")
    total = re.search(r"\| \*\*Total\*\* \| \*\*(\d+)\*\* \|", text)
    steps = re.findall(r"^\| \d:\d\d \| [^|]+ \| (\d+) \|$", text, re.MULTILINE)
    assert total and int(total.group(1)) == TRAINING_MINUTES[role] == sum(int(s) for s in steps)


def test_the_kit_is_its_own_section_with_the_guides_for_the_people_running_it(project: Project, plan: Plan) -> None:
    sections = {next(iter(item)): item[next(iter(item))] for item in plan.site.nav if isinstance(item, dict)}
    kit = sections[project.labels["kit"]]
    assert kit[0] == "kit/index.md"
    listed = [next(iter(entry.values())) for entry in kit[1:]]
    assert {"kit/standards.md", "kit/run-sheet.md", "guides/mentor-training.md"} <= set(listed)
    pairs = [next(iter(entry.values())) for entry in sections[project.labels["guides"]]]
    assert "guides/mentor-training.md" not in pairs and "guides/endings.md" in pairs
    index = _page(plan, "kit/index.md")
    for edition in ("manager", "mentor", "mentee"):
        assert edition_pdf(project.slug, edition).split("/")[-1] in index
    assert "pair-tracker.xlsx" in _page(plan, "kit/tracker.md")
    assert "pair-tracker-names.xlsx" in _page(plan, "kit/tracker.md")


def test_each_edition_is_a_selection_of_the_one_source(project: Project, plan: Plan) -> None:
    manager, mentor, mentee = plan.editions
    assert [e.path for e in plan.editions] == [edition_pdf(project.slug, e) for e in ("manager", "mentor", "mentee")]
    guides = {g.title: g for g in project.guides}
    for edition, role in ((mentor, "mentor"), (mentee, "mentee")):
        chapters = [c for part in edition.parts for c in part.chapters]
        sessions = [s for c in chapters if isinstance(c, ModuleChapter) for s in c.sessions]
        assert len(sessions) == len(project.curriculum.sessions())
        labels = {r.label for s in sessions for r in s.prompts}
        assert labels == {project.labels[f"{kind}_{role}"] for kind in ("ask", "reflect")}
        assert {r.label for s in sessions for a in s.advice for r in a.roles} == {""}  # the whole book is theirs
        titles = [c.guide.title for c in chapters if isinstance(c, GuideChapter)]
        # where to raise a concern, and what happens to what they write, in every edition
        assert titles[-2:] == [project.labels["kit_escalation"], project.labels["privacy_title"]]
        assert all(role in guides[t].editions and not manager_only(guides[t]) for t in titles[:-2])
        sheets = {s.id for s in edition.book.sheets}
        assert sheets == {w.id for w in project.curriculum.worksheets if role in w.editions}
        assert edition.book.labels["handbook"] == project.labels[f"edition_{role}"]
    chapters = [c for part in manager.parts for c in part.chapters]
    group = [s.number for c in chapters if isinstance(c, ModuleChapter) for s in c.sessions]
    assert group == ["1.1", "7.3"]  # the sessions the program team runs for everyone, whole
    assert all(s.agenda and s.activity for c in chapters if isinstance(c, ModuleChapter) for s in c.sessions)
    titles = [c.guide.title for c in chapters if isinstance(c, GuideChapter)]
    assert {"Mentor training workshop", "Run-sheet", "Message templates", "Program tracker"} <= set(titles)
    assert {"match-check", "mentor-application", "exit-conversation"} <= {s.id for s in manager.book.sheets}
    assert "Mon, Dec 21, 2026" in str(  # the introductions, three weeks before the start
        next(c.guide.html for c in chapters if isinstance(c, GuideChapter) and c.guide.title == "Message templates")
    )


def test_each_question_tab_says_what_its_questions_are_for(project: Project, plan: Plan) -> None:
    """Not "For the mentor" for questions the mentor asks on one page and answers on another."""
    from generator.plan.program.session import prompt_groups

    labels = project.labels
    sessions = {s.id: s for s in project.curriculum.sessions()}
    groups = prompt_groups(sessions["what-mentoring-is"], labels, {})
    assert [(g.role, g.label) for g in groups] == [
        ("mentor", labels["reflect_mentor"]),
        ("mentee", labels["reflect_mentee"]),
        ("facilitator", labels["ask_facilitator"]),
    ]
    feedback = {g.label: g.lines for g in prompt_groups(sessions["feedback-on-the-relationship"], labels, {})}
    assert any(line.startswith("What part of our sessions") for line in feedback[labels["ask_mentor"]])
    assert any(line.startswith("How did I react") for line in feedback[labels["reflect_mentor"]])
    assert all(not line.startswith("How did I") for line in feedback[labels["ask_mentor"]])
    every = {g.label for s in sessions.values() for g in prompt_groups(s, labels, {})}
    assert labels["for_mentor"] not in every and labels["for_mentee"] not in every
    page = next(p for p in plan.site.pages if p.path.endswith("/what-mentoring-is.md"))
    assert [g.label for g in page.context["prompts"]] == [g.label for g in groups]


def test_the_standards_source_keeps_its_name_in_an_organizations_words() -> None:
    from generator.plan.site.kit import plan_kit
    from generator.plan.site.kit_pages import SOURCE

    brigid = load_project(REPO, REPO / "organizations" / "st-brigid-health.yaml")
    page = next(p for p in plan_kit(brigid).pages if p.path == "kit/standards.md")
    assert SOURCE in page.text and "Preceptorship (PRECEPTOR)" not in page.text
    escalation_page = next(p for p in plan_kit(brigid).pages if p.path == "kit/escalation.md")
    assert "preceptor, preceptee or manager" in escalation_page.text


def test_the_contacts_page_leads_to_who_handles_what(plan: Plan) -> None:
    page = next(p for p in plan.site.pages if p.path == "contacts.md")
    assert page.context["escalation"].url == "kit/escalation.md"


def test_a_program_of_40_pairs_gets_every_step_of_the_run_sheet_dated(project: Project) -> None:
    """The issue's list: training for 40 mentors (16 a workshop: three and a catch-up), every
    survey sent and closed, the mid-point and exit conversations, the line managers' messages,
    both retention checks, and the names deleted after the last of them."""
    program = project.organization.program
    assert program is not None and program.size == 40
    steps = run_sheet(project)
    by_id: dict[str, list[Step]] = {}
    for step in steps:
        by_id.setdefault(step.task.id, []).append(step)
    assert [s.title for s in by_id["train"]] == [
        "Run the mentor training workshop (1/3)",
        "Run the mentor training workshop (2/3)",
        "Run the mentor training workshop (3/3)",
        "Run the mentor training workshop (catch-up)",
    ]
    assert len(by_id["orient"]) == 2  # 40 mentees fit one orientation, then its catch-up
    for survey in ("start", "midpoint", "end"):
        sent, closed = by_id[f"{survey}-survey-send"], by_id[f"{survey}-survey-close"]
        assert sent[0].day and closed[0].day and sent[0].day < closed[0].day and sent[0].message
    for task in (
        "sponsor",
        "brief-managers",
        "manager-approval",
        "confirm-managers",
        "managers-goals",
        "thank-managers",
    ):
        assert by_id[task][0].day is not None
    assert all(by_id[t][0].message for t in ("brief-managers", "manager-approval", "managers-goals", "thank-managers"))
    end = dt.date(2027, 9, 16)  # the closing celebration
    assert [s.day for s in by_id["retention-6"]] == [dt.date(2028, 3, 16)]
    assert [s.day for s in by_id["retention-12"]] == [dt.date(2028, 9, 15)]  # a year after, the Friday before
    assert [s.day for s in by_id["delete-names"]] == [dt.date(2028, 10, 16)]  # privacy.retention.names: 13 months
    assert all(s.day and s.day > end for t in ("delete-applications", "delete-notes") for s in by_id[t])
    for task in ("midpoint-conversations", "exit-conversations", "not-matched", "propose", "rematch", "early-ending"):
        assert task in by_id


def test_every_step_comes_before_what_it_prepares(project: Project) -> None:
    steps = run_sheet(project)
    first: dict[str, dt.date] = {}
    for step in steps:
        assert step.day is not None
        first.setdefault(step.task.id, step.day)
    prepared = [(t.id, t.prepares) for t in project.curriculum.run_sheet if t.prepares]
    assert len(prepared) >= 15
    late = [(a, b) for a, b in prepared if first[a] >= first[b]]
    assert not late, late


def test_at_least_twenty_message_templates_each_with_audience_date_and_facts(project: Project, plan: Plan) -> None:
    templates = [t for t in project.curriculum.run_sheet if t.message]
    assert len(templates) >= 20
    titles = [t.message.subject for t in templates if t.message]
    assert len(set(titles)) == len(titles)  # no template pasted twice
    dos = [t.do for t in project.curriculum.run_sheet]
    assert len(set(dos)) == len(dos)  # every step says its own thing
    page = _page(plan, "kit/messages.md")
    invite = next(m for m in messages(run_sheet(project)) if m.anchor == "training-invite-1")
    # Weekly from seven weeks before the start, the catch-up a week after the third.
    assert "Mon, Nov 23, 2026; Mon, Nov 30, 2026; Mon, Dec 7, 2026; Mon, Dec 14, 2026" in invite.body
    assert (
        "training workshops",
        "Mon, Nov 23, 2026; Mon, Nov 30, 2026; Mon, Dec 7, 2026; Mon, Dec 14, 2026",
    ) in invite.facts
    assert page.count("**To:**") == len(messages(run_sheet(project))) and "**Facts it uses:**" in page
    sheet = _page(plan, "kit/run-sheet.md")
    assert "(standards.md#training)" in sheet and "(messages.md#training-invite-1)" in sheet


def test_the_program_teams_hours_come_from_the_size(project: Project, plan: Plan) -> None:
    from generator.plan.program.time_asked import team_time

    efforts = {e.task.id: e for e in team_time(project, runs(project))}
    assert efforts["exit-conversations"].total_minutes == 80 * 20
    assert efforts["midpoint-conversations"].total_minutes == 80 * 15
    assert efforts["train"].total_minutes == 4 * 150
    sheet = _page(plan, "kit/run-sheet.md")
    assert "| Hold the exit conversations | 80 × 20 minutes (each mentor and mentee) | 26 h 40 min |" in sheet  # 1,600
    assert "| Run the kickoff | 1 × 60 minutes (each session) | 1 h |" in sheet  # the meeting the schedule books
    assert "| Run the closing celebration | 1 × 60 minutes (each session) | 1 h |" in sheet
    assert sum(e.total_minutes or 0 for e in team_time(project, runs(project))) == 3640 and "**60 h 40 min**" in sheet
    manager = plan.editions[0]
    chapters = [c for part in manager.parts for c in part.chapters if isinstance(c, GuideChapter)]
    assert "The program team's time" in str(next(c.guide.html for c in chapters if c.guide.title == "Run-sheet"))


def test_the_lead_times_and_the_size_come_from_the_profile(project: Project) -> None:
    program = project.organization.program
    assert program is not None
    smaller = program.model_copy(update={"size": 12, "lead_times": {"invite": -22}})
    moved = replace(project, organization=project.organization.model_copy(update={"program": smaller}))
    steps = run_sheet(moved)
    assert len([s for s in steps if s.task.id == "train"]) == 2  # one workshop and its catch-up
    assert next(s.day for s in steps if s.task.id == "invite") == dt.date(2027, 1, 11) - dt.timedelta(weeks=22)


def test_the_privacy_notice_and_the_run_sheet_tell_one_retention_story(project: Project, plan: Plan) -> None:
    """The notice's deletion days are the run-sheet's deletion steps; the names go after the
    12-month check; every worksheet links the notice; the manager's edition holds it."""
    from generator.plan.program.privacy import deletion_days

    notice = _page(plan, "privacy.md")
    steps = run_sheet(project)
    deleted = {s.task.record: s.when for s in steps if s.task.record}
    assert deleted == deletion_days(project) and len(deleted) == 5
    assert all(day in notice for day in deleted.values())
    check = next(s.day for s in steps if s.task.id == "retention-12")
    names = next(s.day for s in steps if s.task.record == "names")
    assert check and names and check < names
    assert "6 and 12 months after the program ends" in notice and "Harbor &amp; Pine Cooperative, People team" in notice
    pages = {p.path: p for p in plan.site.pages}
    for worksheet in project.curriculum.worksheets:
        assert pages[f"worksheets/{worksheet.id}.md"].context["privacy_link"] == "../privacy.md"
    manager = plan.editions[0]
    titles = [c.guide.title for part in manager.parts for c in part.chapters if isinstance(c, GuideChapter)]
    assert "Privacy notice" in titles
    assert {"Privacy notice": "privacy.md"} in list(plan.site.nav)


# The program manager's findings on the built example (issue 28, second round): each fact that
# must agree across the run-sheet, the messages and the tracker.


def _by_id(project: Project) -> dict[str, list[Step]]:
    found: dict[str, list[Step]] = {}
    for step in run_sheet(project):
        found.setdefault(step.task.id, []).append(step)
    return found


def test_a_chaser_follows_its_check_in_by_working_days_and_no_check_in_is_moved_before_a_break(
    project: Project,
) -> None:
    dates = kit_dates(project)
    assert dates is not None
    steps = _by_id(project)
    asked = [s.day for s in steps["check-in"]]
    chased = [s.day for s in steps["check-in-chase"]]
    assert len(asked) == len(chased) == 4
    for day, chase, step in zip(asked, chased, steps["check-in-chase"], strict=True):
        assert day and chase and chase == dates.calendar.after(day, 4), (day, chase)
        assert step.message and timeline_date(day, "en") in step.message.body  # "my check-in of <its day>"
    anchored = [s.anchor_day for s in steps["check-in"]]
    assert all(a and d and d >= a for a, d in zip(anchored, asked, strict=True))  # never earlier than planned


def test_managers_are_asked_to_approve_once_and_told_of_goals_before_the_goals_milestone(project: Project) -> None:
    sent = messages(run_sheet(project))
    asks = [m.anchor for m in sent if "approve the time?" in m.body or "whether you approve" in m.body]
    assert asks == ["manager-approval-1"]
    steps = _by_id(project)
    approval = steps["manager-approval"][0]
    due, match = steps["approvals-due"][0].day or dt.date.min, steps["match"][0].day or dt.date.min
    assert approval.message and timeline_date(due, "en") in approval.message.body  # reply by: the chase's day
    assert (match - due).days >= 7  # at least a week before the matches are made
    dates = kit_dates(project)
    assert dates is not None
    shared = next(m.day for m in dates.milestones if m.title == "Goals shared with line manager")
    goals = steps["managers-goals"][0]
    assert goals.day and goals.day < dates.goals < shared  # before the session, so the manager hears the day
    assert goals.message and f"with you by {timeline_date(shared, 'en')}" in goals.message.body
    assert approval.day == steps["acknowledge"][0].day  # both as each application arrives, from the first day


def test_mentors_are_invited_to_training_after_saying_yes_and_three_weeks_ahead(project: Project) -> None:
    steps = _by_id(project)
    invite, first = steps["training-invite"][0].day, steps["train"][0].day
    proposed = steps["propose"][0].day
    assert invite and first and proposed
    assert invite >= proposed + dt.timedelta(days=7)  # the week to decline is over
    assert first - invite >= dt.timedelta(weeks=3)
    assert steps["invite"][0].day and steps["match"][0].day
    assert steps["match"][0].day - steps["invite"][0].day >= dt.timedelta(weeks=8)  # recruitment's lead time


def test_every_message_is_signed_and_fills_its_facts(project: Project, plan: Plan) -> None:
    from generator.plan.program.reach import first_contact

    sent = messages(run_sheet(project))
    contact = first_contact(project).replace("(", "\\(").replace(")", "\\)")
    assert [m.anchor for m in sent if not m.body.rstrip().endswith(contact)] == []
    assert [m.anchor for m in sent if "[date" in m.body or "week of" in m.body] == []
    page = _page(plan, "kit/messages.md")
    assert not re.search(r"\b[a-z]+_[a-z_]+:", page) and "module_date" not in page  # no raw fact name
    by = {m.anchor: m for m in sent}
    assert "Thu, Jan 14, 2027" in by["introduce-1"].body  # the first session's fixed date
    assert "The Atrium, head office" in by["kickoff-1"].body  # program.kickoff_place
    assert by["review-1"].to == "The program's sponsor"
    steps = _by_id(project)
    assert (
        timeline_date(steps["not-matched"][0].day or dt.date.min, "en") in by["acknowledge-1"].body
    )  # everyone has heard by then
    assert not any("move on to" in m.body and m.when == by["kickoff-1"].when for m in sent)


def test_a_milestone_reminder_goes_to_the_people_it_is_for_with_what_it_asks(project: Project) -> None:
    sent = [m for m in messages(run_sheet(project)) if m.anchor.startswith("milestone-reminder")]
    by_title = {m.subject.split(",")[0]: m for m in sent}
    assert by_title["Mentors' lunch"].to == "Every mentor"
    assert "with the other mentors" in by_title["Mentors' lunch"].body
    assert by_title["Goals shared with line manager"].to == "Every mentee"
    assert by_title["Mentoring agreement signed"].to == "Every mentor and mentee"
    assert not [m for m in sent if "Coming up" in m.body]


def test_one_length_for_each_conversation_and_one_name_for_the_mid_point_form(project: Project, plan: Plan) -> None:
    from generator.plan.program.facts import program_facts

    facts = program_facts(project)
    assert facts["exit_conversation.minutes"] == "20" and facts["midpoint_conversation.minutes"] == "15"
    endings = next(g for g in plan.site.pages if g.path.endswith("endings.md"))
    assert "A 20-minute conversation with the program team" in str(endings.context["text"])
    texts = [str(t.do) for t in project.curriculum.run_sheet] + [m.body for m in messages(run_sheet(project))]
    assert not [t for t in texts if re.search(r"15 to 20|twenty-minute|fifteen minutes|mid-point check-in", t)]
    assert any(i.title == "Mid-point pulse" for i in project.instruments.instruments)


def test_immediate_danger_goes_to_the_emergency_route_before_any_contact(project: Project, plan: Plan) -> None:
    """The emergency and out-of-hours routes come first, above the table, once: the row names whom to tell."""
    page = _page(plan, "kit/escalation.md")
    row = next(line for line in page.splitlines() if line.startswith("| Immediate danger"))
    assert page.index("call 911") < page.index("555 0123") < page.index(row) and "HR partner" in row
    assert page.lower().count("call 911") == 1 and "Then tell" not in page


def test_the_second_review_rule_is_stated_once_on_the_match_check(project: Project) -> None:
    match = next(t for t in project.curriculum.run_sheet if t.id == "match")
    assert "the form says needs it" in match.do and not re.search(r"\b0\b|scores", match.do)
    form = next(w for w in project.curriculum.worksheets if w.id == "match-check")
    assert sum("second person's review" in str(section.intro or "") for section in form.sections) == 1
