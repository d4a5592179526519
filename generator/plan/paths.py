"""Where each page of the curriculum lives in the docs folder, and how one page links to another."""

from __future__ import annotations

import posixpath

from generator.models import Curriculum, Module, Session


class Paths:
    """Where each page of the curriculum lives in the docs folder."""

    def __init__(self, curriculum: Curriculum) -> None:
        self.module_of = {s.id: m for m in curriculum.modules for s in m.sessions}
        self.session_by_id = {s.id: f"modules/{m.id}/{s.id}.md" for m in curriculum.modules for s in m.sessions}
        self.worksheet_title = {w.id: w.title for w in curriculum.worksheets}
        self.worksheet_users: dict[str, list[Session]] = {w.id: [] for w in curriculum.worksheets}
        for session in curriculum.sessions():
            for ref in session.worksheets:
                self.worksheet_users[ref].append(session)

    @staticmethod
    def module(module: Module) -> str:
        return f"modules/{module.id}/index.md"

    def session(self, session: Session) -> str:
        return f"modules/{self.module_of[session.id].id}/{session.id}.md"

    @staticmethod
    def worksheet(worksheet_id: str) -> str:
        return f"worksheets/{worksheet_id}.md"


def relative(from_page: str, to_page: str) -> str:
    """A link from one docs page to another, as MkDocs expects it (relative .md path). Both
    paths start at "/" (the docs folder), so relpath does not ask the system for the working
    folder: that was a quarter of planning a 1,000-session handbook (6,500 links)."""
    return posixpath.relpath("/" + to_page, "/" + posixpath.dirname(from_page))


PDF_VARIANTS = ("fillable", "print")


def worksheet_pdf(worksheet_id: str, variant: str) -> str:
    """Where a worksheet's PDF lives in the docs folder (pdf.py writes it, pages link to it)."""
    return f"worksheets/pdf/{worksheet_id}-{variant}.pdf"


def packet_pdf(variant: str, team: bool = False) -> str:
    """One folder up from the worksheets' PDFs, so that no worksheet id (say `packet`) can collide:
    the pairs' worksheets, or (`team`) the program team's forms."""
    return f"worksheets/{'team-forms' if team else 'packet'}-{variant}.pdf"
