"""The privacy notice (pure), from the profile's `privacy:` block and the run-sheet: who is
responsible, why the records are kept, each kind of record with the day it is deleted (the
run-sheet's own deletion steps, so the two never disagree), and how the 12-month retention
check is done through pseudonymous IDs. Shown on the site and in the manager's edition."""

from __future__ import annotations

from collections.abc import Mapping

from generator.markup import escape_text
from generator.models.privacy import RETENTION_CHECK_MONTHS
from generator.models.project import Project
from generator.plan.program.kit import run_sheet
from generator.plan.program.reach import first_contact
from generator.plan.program.timeline_text import timeline_date

RECORDS = ("applications", "next_round", "notes", "names", "responses")


def deletion_days(project: Project) -> dict[str, str]:
    """Each kind of record -> the day the run-sheet deletes it, or "N months after the end"."""
    labels, language = project.labels, project.organization.language
    months = project.organization.privacy.retention
    dated = {s.task.record: s.day for s in run_sheet(project) if s.task.record and s.day}
    return {
        r: timeline_date(dated[r], language)
        if r in dated
        else labels["privacy_months_after"].format(months=getattr(months, r))
        for r in RECORDS
        if getattr(months, r) is not None  # applications for a next round: only when the profile keeps them
    }


def privacy_md(project: Project) -> str:
    labels, privacy = project.labels, project.organization.privacy
    responsible = privacy.responsible or project.organization.name
    contact = privacy.contact or first_contact(project)
    checks = labels["privacy_and"].join(str(m) for m in RETENTION_CHECK_MONTHS)
    lines = [escape_text(labels["privacy_intro"]), ""]
    lines += [f"## {escape_text(labels['privacy_who'])}", "", escape_text(responsible), ""]
    lines += [escape_text(labels["privacy_ask"].format(contact=contact)), ""]
    lines += [f"## {escape_text(labels['privacy_why'])}", ""]
    lines += [escape_text(privacy.lawful_basis or labels["privacy_why_default"]), ""]
    lines += [f"## {escape_text(labels['privacy_kept'])}", ""]
    lines += _table(labels, deletion_days(project), checks)
    lines += [f"## {escape_text(labels['privacy_ids'])}", ""]
    lines += [escape_text(labels["privacy_ids_text"].format(months=checks, names=deletion_days(project)["names"])), ""]
    lines += [escape_text(labels["privacy_rights"].format(contact=contact)), ""]
    return "\n".join(lines)


def _table(labels: Mapping[str, str], days: Mapping[str, str], checks: str) -> list[str]:
    """Each record, who sees it and its day; the anonymous answers last, kept as long as the
    answers with an ID (the feedback page's one figure)."""
    head = (labels["privacy_record"], labels["privacy_who_sees"], labels["privacy_deleted"])
    lines = ["| " + " | ".join(escape_text(h) for h in head) + " |", "|---|---|---|"]
    rows = [(r, r) for r in RECORDS if r in days] + [("anonymous", "responses")]
    for record, kept in rows:
        what, who = labels[f"privacy_{record}"], labels[f"privacy_{record}_who"].format(months=checks)
        who += "." if ". " in who and not who.endswith(".") else ""  # a cell of sentences ends as one
        lines.append(f"| {escape_text(what)} | {escape_text(who)} | {escape_text(days[kept])} |")
    return [*lines, ""]
