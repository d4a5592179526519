"""Who to reach, as shipped text names them: the first contact, each concern's contacts and how
fast they answer (`{concern.harm.who}`, `{concern.harm.respond}`), and where the handbook is on
the web (`{website}`)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from generator.models.organization import Contact
from generator.models.project import Project
from generator.plan.paths import CALENDAR, PRIVACY, TIMELINE
from generator.plan.program.escalation import routed
from generator.plan.program.responses import answered
from generator.plan.program.words import labels_join


def website(project: Project, labels: Mapping[str, str] | None = None, *, named: bool = False) -> str:
    """Where the handbook is on the web, for a printed page to say: the program's `handbook_url`,
    else that the program team's messages link to it (a path in a folder opens nothing on paper).
    `named`: a line repeated on many pages names the website only, its address being on the cover."""
    labels, program = labels or project.text_labels, project.organization.program
    if program and program.handbook_url:
        return labels["fact_website_named" if named else "fact_website_at"].format(url=program.handbook_url)
    return labels["fact_website"]


LINKS = {  # `{link.<name>}` -> the page's place in the docs folder (guides by their file's name)
    "handbook": "index.md",
    "mentor_role": "guides/mentor-role.md",
    "mentee_role": "guides/mentee-role.md",
    "start_mentor": "guides/start-here-mentor.md",
    "start_mentee": "guides/start-here-mentee.md",
    "code_of_conduct": "guides/code-of-conduct.md",
    "privacy": PRIVACY,
    "timeline": TIMELINE,
    "calendar": CALENDAR,
    "calendar_mentors": CALENDAR.replace(".ics", "-mentors.ics"),  # each role's own (timeline.role_calendar)
    "calendar_mentees": CALENDAR.replace(".ics", "-mentees.ics"),
}


def links(project: Project) -> dict[str, str]:
    """`{link.privacy}` and the like, for a message to send: the page's address under the program's
    `handbook_url` ("https://.../privacy.html"), else a placeholder the sender replaces ("[link to
    the privacy notice]"). A guide the project does not have links to the handbook's first page."""
    labels, program = project.text_labels, project.organization.program
    url = program.handbook_url if program else None
    guides = {g.path for g in project.guides}
    found = {}
    for name, path in LINKS.items():
        if url is None:
            found[f"link.{name}"] = labels["fact_link"].format(page=labels[f"link_{name}"])
            continue
        if path.startswith("guides/") and path not in guides:
            path = "index.md"
        page = path if path.endswith(".ics") else posixpath.splitext(path)[0] + ".html"
        found[f"link.{name}"] = url + ("" if page == "index.html" else page)
    return found


def concern_facts(project: Project) -> dict[str, str]:
    contacts, labels = project.organization.contacts, project.text_labels
    facts = {}
    for concern in project.curriculum.concerns:
        named, _ = routed(concern.id, contacts, project.labels)
        nobody = labels["kit_unassigned"] if concern.id == "speak-up" and contacts else labels["kit_program_lead"]
        facts[f"concern.{concern.id}.respond"] = answered(concern, named)
        facts[f"concern.{concern.id}.who"] = reach_all(list(named), labels) or nobody
    return facts


def first_contact(project: Project) -> str:
    contacts = project.organization.contacts
    if not contacts:
        return project.text_labels["kit_program_lead"]
    return reach(contacts[0])


def reach_all(contacts: list[Contact], labels: Mapping[str, str]) -> str:
    """ "Dana Okafor or Priya Raman (mentoring@example.org)": contacts who share an address are
    named before it once, not each with a copy of it."""
    shared: dict[str, list[str]] = {}
    for contact in contacts:
        shared.setdefault(contact.email or contact.phone or "", []).append(contact.name)
    return labels_join(
        [
            f"{labels_join(names, labels)} ({how})" if how else labels_join(names, labels)
            for how, names in shared.items()
        ],
        labels,
    )


def reach(contact: Contact) -> str:
    """ "Sam Lindqvist (people@example.org)": a contact's name and how to reach them, so that a
    sentence telling a reader to go to someone is enough on its own."""
    how = contact.email or contact.phone
    return f"{contact.name} ({how})" if how else contact.name
