"""What a program manager found still disagreeing in the built example's kit, after issues 28 and
30: each fact is checked where every page that states it says it (the privacy notice, the
run-sheet, its messages, the tracker, the forms and the guides)."""

from __future__ import annotations

import re

from generator.models.project import Project
from generator.plan import Plan
from generator.plan.program.kit import Step, asked_milestones, messages, run_sheet
from generator.plan.program.moments import kit_dates
from generator.plan.program.pair_milestones import pair_milestones
from generator.plan.program.timeline_text import timeline_date
from generator.plan.sheets.tracker import heading, pair_columns, people_columns, tracker_sheet
from generator.read.layout import SHIPPED


def _page(plan: Plan, path: str) -> str:
    return str(next(p for p in plan.site.pages if p.path == path).context["text"])


def _steps(project: Project) -> dict[str, list[Step]]:
    found: dict[str, list[Step]] = {}
    for step in run_sheet(project):
        found.setdefault(step.task.id, []).append(step)
    return found


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_who_reads_an_application_is_the_notices_sentence_wherever_it_is_said(project: Project, plan: Plan) -> None:
    readers = project.labels["privacy_applications_who"]
    assert "line manager never sees your application" in readers and "second reviewer" in readers
    assert "reads it," not in readers  # the notice's row holds three records
    assert readers in _unescaped(_page(plan, "privacy.md"))
    (acknowledge,) = [m for m in messages(run_sheet(project)) if m.anchor == "acknowledge-1"]
    assert readers in _unescaped(acknowledge.body)
    for form in ("mentor-application", "mentee-application"):
        assert readers in _unescaped(_page_text(plan, f"worksheets/{form}.md")), form
    said = [_unescaped(m.body) for m in messages(run_sheet(project))]
    said += [_unescaped(_page_text(plan, p.path)) for p in plan.site.pages if p.path.endswith(".md")]
    assert not [s for s in said if "only the people running the program" in s]


def _page_text(plan: Plan, path: str) -> str:
    page = next(p for p in plan.site.pages if p.path == path)
    return " ".join(str(v) for v in page.context.values() if isinstance(v, str)) + str(
        page.context.get("worksheet", "")
    )


def test_the_manager_hears_the_name_at_approval_and_the_partner_at_the_match(project: Project) -> None:
    """The notice's order is the run-sheet's: approval (name and role) before the match message
    (the partner's name and role)."""
    steps = _steps(project)
    approval, match = steps["manager-approval"][0], steps["confirm-managers"][0]
    assert approval.day and match.day and approval.day < match.day
    assert approval.message and "[partner" not in approval.message.body
    assert match.message and "[partner's name and job title]" in match.message.body
    readers = project.labels["privacy_applications_who"]
    assert readers.index("approve your time") < readers.index("your partner's name and job title")


def test_a_declined_proposal_is_answered_within_the_week_to_decline(project: Project) -> None:
    steps = _steps(project)
    (propose,), (declined,), (confirm,) = steps["propose"], steps["declined"], steps["confirm-managers"]
    assert propose.day and declined.day and confirm.day
    assert propose.day <= declined.day < confirm.day  # within the week people have to decline
    assert declined.message and "will not go ahead" in declined.message.body
    promise = "I will not pass on your reason, and if the match does not go ahead I will tell your proposed partner only that."
    assert propose.message and promise in _unescaped(propose.message.body)
    body = _unescaped(declined.message.body)
    assert "nobody" not in body and "I do not pass on anyone's reason" in body  # as the proposal said, no more
    assert "waiting list" in declined.message.body and "instead" in declined.message.body


def test_the_early_ending_message_reads_right_for_both_people(project: Project) -> None:
    (ending,) = _steps(project)["early-ending"]
    assert ending.message and "separately" in ending.message.to
    assert "Thank you for telling me" not in ending.message.body  # the partner who did not raise it gets it too


def test_a_rematch_has_its_managers_message_and_its_introduction(project: Project) -> None:
    steps = _steps(project)
    (rematch,), (managers,), (introduce,) = steps["rematch"], steps["rematch-managers"], steps["rematch-introduce"]
    assert rematch.day and managers.day and introduce.day and rematch.day < managers.day < introduce.day
    assert rematch.message and timeline_date(managers.day, "en") in rematch.message.body  # the week to decline
    contact = "Dana Okafor"
    for step in (managers, introduce):
        assert step.message and step.message.body.rstrip().splitlines()[-1].startswith(contact)
        assert step.message.facts  # the facts it uses, listed as for every message
    assert managers.message and "line managers" in managers.message.to


def test_each_milestone_column_is_one_a_check_in_asks_the_pairs_about(project: Project) -> None:
    check_ins = _steps(project)["check-in"]
    asked = asked_milestones(project, run_sheet(project))
    assert asked and len(asked) < len(pair_milestones(project))  # the final review comes after the last check-in
    titles = [c.title for c in pair_columns(project)]
    for milestone in asked:
        assert heading(milestone.title, project) in titles
        planned = f"(planned for {timeline_date(milestone.day, 'en')})?"  # its own question, or one by its name
        (asking,) = [s for s in check_ins if s.message and planned in _unescaped(s.message.body)]
        assert asking.day and milestone.day <= asking.day
    unasked = [m.title for m in pair_milestones(project) if m not in asked]
    assert unasked and not {heading(t, project) for t in unasked} & set(titles)
    assert "Mid-point review" in titles and "The mid-point review" not in titles
    assert "milestone" in check_ins[0].task.do  # the run-sheet says to record them


def test_the_conflict_check_and_the_kickoff_are_planned_on_their_run_sheet_days(project: Project) -> None:
    steps, dates = _steps(project), kit_dates(project)
    assert dates is not None
    planned = {c.title: c.planned for c in people_columns(project)}
    assert planned["Conflict check"] == steps["match"][0].day
    assert '"Conflict check"' in steps["match"][0].task.do and "Conflict check" not in steps["screen"][0].task.do
    assert planned["Kickoff attended"] == dates.kickoff
    assert '"Kickoff attended"' in steps["kickoff"][0].task.do


def test_the_deletions_sheet_has_every_row_of_the_notice(project: Project, plan: Plan) -> None:
    sheet = tracker_sheet(project, "kit/pair-tracker.xlsx")
    records = [r for r, _ in sheet.deletions]
    assert len(records) == 6 and records[-1].startswith("Anonymous answers")
    notice = _unescaped(_page(plan, "privacy.md"))
    assert notice.count("\n| ") == len(records) + 1  # the heading row and one per record


def test_the_notice_states_the_run_sheets_exception_for_the_next_round(project: Project, plan: Plan) -> None:
    (delete,) = _steps(project)["delete-next-round"]
    assert "applied again" in delete.task.do
    assert "if you apply again" in _unescaped(_page(plan, "privacy.md"))


def test_the_monitoring_standard_counts_the_check_ins_the_run_sheet_dates(project: Project, plan: Plan) -> None:
    page = _page(plan, "kit/standards.md")
    monitoring = page.split("## Monitoring and support")[1].split("\n## ")[0]
    first = _steps(project)["check-in"][0]
    assert first.day and timeline_date(first.day, "en") in monitoring
    assert "the first four weeks after the start" not in monitoring
    assert "In the first two months that makes one check-in" in monitoring


def test_the_sponsors_report_fills_what_the_program_knows(project: Project) -> None:
    (review,) = _steps(project)["review"]
    dates = kit_dates(project)
    assert review.message and dates is not None
    assert "Of the 40 pairs" in review.message.body
    assert (
        f"{dates.meetings - 2} meetings of its own planned" in review.message.body
    )  # not the kickoff, the celebration
    assert review.message.body.count("[number]") == 3  # completed, ended early, held: only results say
    assert "evaluation report" in review.task.do and "mentorbook" not in review.task.do  # no tool's name to a manager


def test_a_place_is_never_written_after_at() -> None:
    """ "at Training room 2" reads wrong, and "in Online: ..." too: a place is its own sentence."""
    texts = [(SHIPPED / "curriculum.yaml").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHIPPED / "content").glob("*.md"))]
    assert not [m.group(0) for t in texts for m in re.finditer(r"\b(at|in) \{\w+\.place\}", t)]


def test_an_introduction_points_to_the_module_of_the_first_one_to_one(project: Project) -> None:
    """The kickoff is the first module's group session; the first one-to-one is in another."""
    steps = _steps(project)
    held = project.curriculum.modules[1].title
    assert project.curriculum.modules[0].title != held
    for task in ("introduce", "rematch", "rematch-introduce"):
        message = steps[task][0].message
        assert message and f"*{held}*" in message.body, task
        assert project.curriculum.modules[0].title not in message.body, task


def test_a_deadline_milestones_reminder_gives_the_day_and_a_gathering_the_time(project: Project) -> None:
    reminders = [s.message for s in _steps(project)["milestone-reminder"] if s.message]
    (agreement,) = [m for m in reminders if m.subject.startswith("Mentoring agreement signed")]
    assert not re.search(r"\d\d:\d\d", agreement.subject + agreement.body)
    assert "Sign your mentoring agreement together at this session" in agreement.body
    (lunch,) = [m for m in reminders if m.subject.startswith("Mentors' lunch")]
    assert "12:00" in lunch.subject
    assert not [m for m in reminders if "the program lead" in m.body]  # the program lead sends them


def test_a_check_in_asks_each_audience_its_own_milestones_in_a_sentence(project: Project) -> None:
    bodies = [_unescaped(s.message.body) for s in _steps(project)["check-in"] if s.message]
    asked = " ".join(bodies)
    assert (
        "[Mentees only: have you shared your goals with your line manager (planned for Mon, Mar 1, 2027)? If so, on what day?]"
        in asked
    )
    assert "Have you signed your mentoring agreement (planned for Thu, Jan 21, 2027)? If so, on what day?" in asked


def test_every_workshop_on_the_timeline_gives_its_place_and_the_last_is_the_catch_up(project: Project) -> None:
    from generator.plan.program.reader_days import reader_days

    steps = _steps(project)
    for task, prefix in (("train", "step-train-"), ("orient", "step-orient-")):
        rows = [e for e in reader_days(project) if e.uid.startswith(prefix)]
        assert len(rows) == len(steps[task]) > 1
        assert all(e.note and "{" in e.note and ".place}" in e.note for e in rows), task
        assert rows[-1].title.endswith("(catch-up)") and steps[task][-1].title.endswith("(catch-up)")
        assert not [e for e in rows[:-1] if "catch-up" in e.title]


def test_the_run_sheet_says_the_same_message_only_when_it_is(project: Project, plan: Plan) -> None:
    """A reminder of another milestone, or a check-in that asks about other milestones, is its own."""
    sheet = _unescaped(_page(plan, "kit/run-sheet.md"))
    rows = [line for line in sheet.splitlines() if "Remind people of a milestone" in line or "Check in with" in line]
    assert len(rows) > 4 and not [row for row in rows if "The same message" in row]
    assert "Goals shared with line manager, Mon, Mar 1, 2027" in sheet


def test_a_module_reminder_lists_its_sessions_and_worksheets(project: Project) -> None:
    first, *later = [s.message for s in _steps(project)["module-reminder"] if s.message]
    assert first and "your sessions start with the module “Starting well”" in first.body
    assert "Your mentoring agreement, Thu, Jan 21, 2027" in first.body and "Worksheets to bring:" in first.body
    assert later and all("move on to the module" in m.body for m in later if m)


def test_a_rematch_proposal_reads_right_for_each_person_of_the_new_pair(project: Project) -> None:
    """The new partner is often not the one who asked (their partner asked, or the waiting
    list), and a partner may be left without a match: each has words of their own."""
    steps = _steps(project)
    (rematch,), (unmatched,) = steps["rematch"], steps["rematch-unmatched"]
    assert rematch.message and "each proposed new pair, separately" in rematch.message.to
    body = _unescaped(rematch.message.body)
    assert (
        "[If they asked for a change: Thank you for telling me" in body and "[Otherwise: Your mentoring partner" in body
    )
    assert "As we agreed" not in body and "tell your proposed partner only that" in body
    assert unmatched.message and unmatched.message.when and not unmatched.message.dated
    assert "Thank you for telling me" not in unmatched.message.body and "waiting list" in unmatched.message.body
    assert "(the next step)" in rematch.task.do and steps["early-ending"][0].day == unmatched.day


def test_the_meetings_held_are_counted_after_the_last_sessions(project: Project) -> None:
    """The last check-in comes weeks before the last sessions: the exit conversation counts them."""
    steps = _steps(project)
    (exit_conversations,), last_check_in = steps["exit-conversations"], steps["check-in"][-1]
    assert exit_conversations.day and last_check_in.day and last_check_in.day < exit_conversations.day
    assert '"Meetings held"' in exit_conversations.task.do
    (form,) = [w for w in project.curriculum.worksheets if w.id == "exit-conversation"]
    assert "meetings_held" in [f.name for s in form.sections for f in s.fields]


def test_a_milestone_reminder_names_its_session_and_a_gathering_its_place(project: Project) -> None:
    reminders = [s.message for s in _steps(project)["milestone-reminder"] if s.message]
    (agreement,) = [_unescaped(m.body) for m in reminders if m.subject.startswith("Mentoring agreement signed")]
    assert (
        "Thu, Jan 21, 2027, at your session “Your mentoring agreement”; worksheets to bring: Mentoring agreement."
        in (agreement)
    )
    (lunch,) = [_unescaped(m.body) for m in reminders if m.subject.startswith("Mentors' lunch")]
    assert "12:00–13:00. Place: The Harbor Room, head office. Swap" in lunch
    (closing,) = [_unescaped(m.body) for m in reminders if m.subject.startswith("Closing celebration")]
    assert "Place: The Harbor Room, head office." in closing and "at your session" not in closing
    (goals,) = [_unescaped(m.body) for m in reminders if m.subject.startswith("Goals shared")]
    assert "Place:" not in goals and "  " not in goals
    (book,) = [s.message for s in _steps(project)["exit-book"] if s.message]
    assert "closing celebration, with the closing reflection worksheet. Place: The Harbor Room" in (
        _unescaped(book.body)
    )
