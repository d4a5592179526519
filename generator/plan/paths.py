"""Every document's address in the docs folder: the curriculum's pages, the worksheets', forms'
and books' PDFs, the kit's and the question bank's files, and how one page links to another.
A leaf of plan/: whatever plans a document or links to one asks here, so that no planner has to
import another for where its document lives."""

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
    """Where a worksheet's PDF lives in the docs folder (pdf/stage.py writes it, pages link to it)."""
    return f"worksheets/pdf/{worksheet_id}-{variant}.pdf"


def packet_pdf(variant: str, team: bool = False) -> str:
    """One folder up from the worksheets' PDFs, so that no worksheet id (say `packet`) can collide:
    the pairs' worksheets, or (`team`) the program team's forms."""
    return f"worksheets/{'team-forms' if team else 'packet'}-{variant}.pdf"


# Pages and files of the site, by their place in the docs folder.
TIMELINE = "program.md"  # the program's timeline (program/timeline.py)
CALENDAR = "program.ics"  # its calendar file
PRIVACY = "privacy.md"  # the privacy notice (program/privacy.py), in the kit and the manager's edition
KIT_INDEX = "kit/index.md"  # the program manager's kit (site/kit.py)
KIT_SLIDES = "kit/slides"  # the facilitator's decks (site/slides.py, written by slides.py)
TRAINING_GUIDE = "guides/mentor-training.md"
TRACKER_CSV, TRACKER_XLSX = "kit/pair-tracker.csv", "kit/pair-tracker.xlsx"  # the pair tracker (sheets/tracker.py)
NAMES_XLSX = "kit/pair-tracker-names.xlsx"  # the names, a file of their own so no copy of the tracker holds them
PEOPLE_CSV = "kit/people-tracker.csv"  # its People sheet as CSV
FEEDBACK_PAGE = "feedback/index.md"  # the feedback page (site/feedback.py)
BANK_FOLDER = "feedback/question-bank"  # the question bank's files (sheets/question_bank.py)
JSON_FILE, SCHEMA_FILE, CSV_FILE = "question-bank.json", "question-bank.schema.json", "question-bank.csv"
TRACKER_FILE = "outcomes-tracker.csv"  # the outcome measures as a tracker's columns, one row per person
BRAND_CSS = "assets/stylesheets/brand.css"
EDITION_FILES = {"manager": "manager-edition", "mentor": "mentor-guide", "mentee": "mentee-guide"}


def edition_pdf(slug: str, edition: str) -> str:
    """A reader's edition of the handbook (print/editions.py), named after the organization."""
    return f"guide/{slug}-{EDITION_FILES[edition]}.pdf"


def handbook_pdf(slug: str) -> str:
    """The whole handbook as one PDF (pdf/stage.py writes it, the home page links to it), named
    after the organization so that a downloaded copy still says whose handbook it is."""
    return f"guide/{slug}-handbook.pdf"


def form_pdf(form_id: str, variant: str) -> str:
    """Where a feedback form's PDF lives in the docs folder (print/forms.py)."""
    return f"feedback/pdf/{form_id}-{variant}.pdf"


def xlsform_path(form_id: str) -> str:
    return f"{BANK_FOLDER}/{form_id}.xlsx"


def qualtrics_path(form_id: str) -> str:
    return f"{BANK_FOLDER}/{form_id}-qualtrics.txt"
