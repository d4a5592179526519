"""The kit's pages as Markdown, made once and shown twice: as site pages (through guide.md.j2)
and as chapters of the program manager's edition. Every value is escaped as it is placed.

`link(target)` says where a title leads: a page's relative address on the site, or None in
print, where the title is shown without a link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.markup import escape_markdown, escape_text
from generator.models.guide import Guide
from generator.models.kit import Benchmark
from generator.models.organization import Contact
from generator.models.project import Project
from generator.plan.paths import NAMES_XLSX, PEOPLE_CSV, TRACKER_CSV, TRACKER_XLSX
from generator.plan.program.escalation import Route
from generator.plan.program.kit import Message, Step, runs
from generator.plan.program.time_asked import Commitment, duration, team_time
from generator.plan.program.words import labels_join, within

Link = Callable[[str], str | None]
KIT_PAGES = {  # path -> (label, the standard it serves); the run-sheet's and messages' come from their steps
    "kit/standards.md": ("kit_standards", None),
    "kit/run-sheet.md": ("kit_run_sheet", None),
    "kit/messages.md": ("kit_messages", None),
    "kit/escalation.md": ("kit_escalation", "monitoring"),
    "kit/tracker.md": ("kit_tracker", "monitoring"),
}


# Named outside the labels, which take the organization's words: "MENTOR" and "Mentoring" here
# are a title and its publisher, not the handbook's words for the roles.
SOURCE = "*Elements of Effective Practice for Mentoring* (MENTOR)"


@dataclass(frozen=True)
class Offer:
    title: str
    target: str  # a docs path


def cell(text: str) -> str:
    return escape_text(text).replace("\n", " ").replace("|", "\\|")


def _title(title: str, target: str, link: Link) -> str:
    url = link(target)
    return f"[{escape_text(title)}]({url})" if url else escape_text(title)


def standards_md(project: Project, offers: Mapping[str, Sequence[Offer]], link: Link) -> str:
    """Per standard, an honest self-assessment: each benchmark met, partly met or not, with what
    to add, and where a benchmark written for youth mentoring is read for a workplace."""
    labels = project.labels
    lines = [f"{SOURCE} {escape_text(labels['kit_standards_intro'])}", "", escape_text(labels["kit_adapted_intro"]), ""]
    anchored = link("kit/standards.md") is not None  # in print, headings keep their own ids
    for standard in project.curriculum.standards:
        anchor = f" {{ #{standard.id} }}" if anchored else ""
        lines += [f"## {escape_text(standard.title)}{anchor}", "", escape_markdown(standard.summary), ""]
        lines += _benchmarks(standard.benchmarks, labels)
        if offers.get(standard.id):
            lines += [f"**{escape_text(labels['kit_offers'])}:**", ""]
            lines += [f"- {_title(o.title, o.target, link)}" for o in offers[standard.id]]
            lines.append("")
    return "\n".join(lines)


def _benchmarks(benchmarks: Sequence[Benchmark], labels: Mapping[str, str]) -> list[str]:
    lines = []
    for b in benchmarks:
        lines += [f"- **{escape_text(labels[f'benchmark_{b.status}'])}:** {escape_text(b.benchmark)}", ""]
        lines += [f"    {escape_markdown(b.how)}", ""]
        if b.adapted:
            lines += [f"    *{escape_text(labels['kit_adapted'])}:* {escape_markdown(b.adapted)}", ""]
        if b.add:
            lines += [f"    *{escape_text(labels['kit_to_add'])}:* {escape_markdown(b.add)}", ""]
    return lines


def run_sheet_md(project: Project, steps: Sequence[Step], link: Link) -> str:
    labels = project.labels
    titles = {s.id: s.title for s in project.curriculum.standards}
    intro = labels["kit_run_sheet_intro"] if any(s.day for s in steps) else labels["kit_run_sheet_undated"]
    lines = [
        escape_text(intro),
        "",
        f"| {labels['kit_when']} | {labels['kit_do']} | {labels['kit_send']} | {labels['kit_standard']} |",
        "|---|---|---|---|",
    ]
    first: dict[str, str] = {}  # a step's first row says what to do; its repeats point back to it
    sent: dict[str, Message] = {}  # ... and to its message, only when the filled-in message is the same
    for step in steps:
        again = step.task.id in first and step.day is not None
        message = ""
        if step.message:
            same = again and _same(sent.get(step.task.id), step.message)
            target = sent[step.task.id] if same else step.message
            subject = labels["kit_again"] if same else step.message.subject
            message = _title(subject, f"kit/messages.md#{target.anchor}", link)
            sent.setdefault(step.task.id, step.message)
        said = escape_markdown(step.task.do).replace("\n", " ").replace("|", "\\|")
        if again:
            said = escape_text(labels["kit_as_before"].format(date=first[step.task.id]))
        first.setdefault(step.task.id, step.when)
        do = f"**{cell(step.title)}**: " + said
        standard = _title(
            titles.get(step.task.standard, step.task.standard), f"kit/standards.md#{step.task.standard}", link
        )
        lines.append(f"| {cell(step.when)} | {do} | {message} | {standard} |")
    return "\n".join(lines) + "\n" + team_time_md(project)


def _same(before: Message | None, message: Message) -> bool:
    """Whether a repeat sends what the first did, word for word (a check-in that asks about
    other milestones, or a reminder of another milestone, is a message of its own)."""
    return before is not None and (before.to, before.subject, before.body) == (
        message.to,
        message.subject,
        message.body,
    )


def team_time_md(project: Project) -> str:
    """The program team's hours for the tasks that take them, from the program's size."""
    labels, language = project.labels, project.organization.language
    efforts = team_time(project, runs(project))
    if not efforts:
        return ""
    lines = ["", f"## {escape_text(labels['kit_team_time'])}", "", escape_text(labels["kit_team_time_intro"]), ""]
    lines += [f"| {labels['what']} | {labels['kit_reckoning']} | {labels['kit_team_time_column']} |", "|---|---|---|"]
    unknown: dict[str, int] = {}  # without the program's size: minutes for each person or pair, by whom
    for e in efforts:
        per = labels[f"kit_per_{e.task.per}"]
        title = cell(e.title or e.task.title)
        if e.total_minutes is None:
            unknown[per] = unknown.get(per, 0) + e.minutes
            each = labels["kit_team_each"].format(time=exact(e.minutes, labels, language))
            lines.append(f"| {title} | {e.minutes} {labels['minutes']} ({cell(per)}) | {cell(each)} |")
            continue
        total = duration(e.total_minutes, labels, language)
        lines.append(f"| {title} | {e.count} × {e.minutes} {labels['minutes']} ({cell(per)}) | {total} |")
    known = duration(sum(e.total_minutes or 0 for e in efforts), labels, language)
    if unknown:  # the total says what it leaves out, rather than look complete
        rest = [labels["kit_team_for"].format(minutes=m, per=per) for per, m in unknown.items()]
        known = labels["kit_team_plus"].format(known=known, rest=labels_join(rest, labels, "fact_and"))
    lines.append(f"| **{cell(labels['kit_time_total'])}** | | **{cell(known)}** |")
    return "\n".join(lines) + "\n"


def messages_md(messages: Sequence[Message], labels: Mapping[str, str], *, anchors: bool) -> str:
    lines = [escape_text(labels["kit_messages_intro"]), ""]
    if not messages:
        lines += [escape_text(labels["kit_run_sheet_undated"]), ""]
    for message in messages:
        heading = f"## {escape_text(message.subject)}" + (f" {{ #{message.anchor} }}" if anchors else "")
        lines += [heading, ""]
        lines += [
            f"**{escape_text(labels['kit_send_on' if message.dated else 'kit_send_when'])}:** "
            f"{escape_text(message.when)}  ",
            f"**{escape_text(labels['kit_to'])}:** {escape_text(message.to)}" + ("  " if message.facts else ""),
        ]
        if message.facts:
            facts = "; ".join(f"{label}: {value}" for label, value in message.facts)
            lines.append(f"**{escape_text(labels['kit_facts'])}:** {escape_text(facts)}")
        lines.append("")
        lines += [f"> {line}" if line else ">" for line in message.body.strip().split("\n")]
        lines.append("")
    return "\n".join(lines)


def escalation_md(routes: Sequence[Route], labels: Mapping[str, str], urgent: Sequence[tuple[str, str]] = ()) -> str:
    """The table, after the organization's emergency and out-of-hours routes (`urgent`: label key,
    text), which its immediate-danger row's first step points to rather than says again."""
    head = (labels["kit_concern"], labels["kit_first_step"], labels["kit_who"], labels["kit_how_fast"])
    lines = [escape_text(labels["kit_escalation_intro"]), ""]
    lines += [f"- **{escape_text(labels[key])}:** {escape_text(within(text))}" for key, text in urgent]
    lines += [""] if urgent else []
    lines += ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for route in routes:
        nobody = labels["kit_unassigned" if route.concern.id == "speak-up" else "kit_program_lead"]
        who = "<br>".join(_contact(c, labels) for c in route.contacts) or cell(nobody)
        lines.append(
            f"| {cell(route.concern.concern)} | {cell(route.concern.first_step)} | {who} | {cell(route.respond)} |"
        )
    return "\n".join(lines) + "\n"


def _contact(contact: Contact, labels: Mapping[str, str]) -> str:
    """Who, how to reach them, and how fast they usually answer (the profile's `responds`)."""
    reach = " · ".join(x for x in (contact.email, contact.phone) if x)
    usually = f"; {labels['kit_usually']} {contact.responds}" if contact.responds else ""
    return cell(f"{contact.role}: {contact.name}" + (f" ({reach}{usually})" if reach or usually else ""))


def tracker_md(project: Project, sheets: Sequence[tuple[str, Sequence[str]]], link: Link) -> str:
    """The workbook and its CSVs, then each sheet with its columns (`sheets`: tab, column titles)."""
    labels = project.labels
    lines = [escape_text(labels["kit_tracker_intro"]), ""]
    files = (
        (TRACKER_XLSX, "kit_tracker_xlsx"),
        (NAMES_XLSX, "kit_names_xlsx"),
        (PEOPLE_CSV, "kit_people_csv"),
        (TRACKER_CSV, "kit_tracker_csv"),
    )
    lines += [f"- {_title(labels[label], target, link)}" for target, label in files]
    lines.append("")
    for tab, columns in sheets:
        lines += [f"**{escape_text(tab)}:** " + " · ".join(escape_text(c) for c in columns), ""]
    return "\n".join(lines)


def commitment_md(c: Commitment, labels: Mapping[str, str], language: str) -> str:
    """The role description's "time it takes", from the organization's schedule."""
    per = round(c.session_minutes / c.sessions) if c.sessions else 0
    prep = c.preparation_minutes // c.sessions if c.sessions else 0
    meetings = [
        (t.name or labels["kit_time_sessions"], _reckoning(t.meetings, t.shortest, t.longest, labels), t.minutes)
        for t in c.series
    ] or [(labels["kit_time_sessions"], f"{c.sessions} × {per} {labels['minutes']}", c.session_minutes)]
    rows = [
        *meetings,
        (labels["kit_time_preparation"], f"{c.sessions} × {prep} {labels['minutes']}", c.preparation_minutes),
        (labels[f"kit_time_training_{c.role}"], _training(c, labels), c.training_minutes),
        *((title, f"{labels['once']}, {minutes} {labels['minutes']}", minutes) for title, minutes in c.extras),
    ]
    lines = [f"## {escape_text(labels['kit_time'])}", "", escape_text(labels["kit_time_intro"]), ""]
    lines += [f"| {labels['what']} | {labels['kit_reckoning']} | {labels['kit_time_column']} |", "|---|---|---|"]
    lines += [f"| {cell(a)} | {cell(b)} | {exact(m, labels, language)} |" for a, b, m in rows]
    total = f"**{exact(c.total_minutes, labels, language)}**"
    over = f"{labels['kit_over']} {c.weeks} {labels['weeks']}" if c.weeks else ""
    lines.append(f"| **{cell(labels['kit_time_total'])}** | {cell(over)} | {total} |")
    return "\n".join(lines) + "\n"


def _training(c: Commitment, labels: Mapping[str, str]) -> str:
    """The kit's workshop "once, 150 minutes", or the profile's own series that offers it: "Mentor
    training, on one of its 2 dates: 150 minutes" (each person comes to one)."""
    if c.training is None:
        return f"{labels['once']}, {c.training_minutes} {labels['minutes']}"
    t = c.training
    if t.offered > 1:
        return labels["kit_time_held_choose"].format(name=t.name, dates=t.offered, minutes=t.longest)
    return labels["kit_time_held_one"].format(name=t.name, minutes=t.longest)


def exact(minutes: int, labels: Mapping[str, str], language: str) -> str:
    """ "5 h 15 min", "20 min": exact, so that the rows add up to the total a reader checks."""
    text = labels["kit_minutes_only"].format(minutes=minutes) if minutes < 60 else duration(minutes, labels, language)
    return text.replace(" ", "\u00a0")  # one line in a narrow column


def _reckoning(meetings: int, shortest: int, longest: int, labels: Mapping[str, str]) -> str:
    """ "6 × 60 minutes", or "6 sessions of 45 to 60 minutes" when their lengths differ."""
    if shortest == longest:
        return f"{meetings} × {shortest} {labels['minutes']}"
    return labels["kit_time_range"].format(meetings=meetings, shortest=shortest, longest=longest)


def with_commitment(guide: Guide, text: str, commitments: Mapping[str, Commitment], project: Project) -> str:
    if guide.time_for is None:
        return text
    return f"{text.rstrip()}\n\n{commitment_md(commitments[guide.time_for], project.labels, project.organization.language)}"
