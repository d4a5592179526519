"""The handbook's typed views: what print/handbook.html.j2 prints, chapter by chapter.

The ids the handbook plan makes start with `_`, which no worksheet id or field id can, so
the contents' links and page numbers always find their own target.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.plan.print.worksheets import PrintHead, SheetBody, SheetView


@dataclass(frozen=True)
class Cover:
    logo: str | None  # a data: URL of the checked image
    org: str
    title: str
    program: str | None
    dates: str | None
    url: str | None = None  # the program's `handbook_url`: where the handbook is on the web


@dataclass(frozen=True)
class Value:
    name: str
    text: Markup


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    email: str | None
    phone: str | None
    note: Markup | None


@dataclass(frozen=True)
class TimelineRow:
    date: str
    milestone: bool
    title: str
    note: str | None
    target: str | None  # "#_s-<session>" for a session


@dataclass(frozen=True)
class Break:
    name: str
    dates: str


@dataclass(frozen=True)
class ProgramView:
    id: str
    name: str
    facts: str
    rows: tuple[TimelineRow, ...]
    breaks: tuple[Break, ...]
    as_needed: tuple[TimelineRow, ...] = ()  # sessions offered, never booked: listed apart


@dataclass(frozen=True)
class AgendaRow:
    time: str
    step: str
    detail: Markup | None


@dataclass(frozen=True)
class RoleLines:
    """One side's lines under its label."""

    label: str
    lines: tuple[Markup, ...]


@dataclass(frozen=True)
class ActivityView:
    title: str
    text: Markup


@dataclass(frozen=True)
class Advice:
    kind: str  # tips or pitfalls: a class to style it by
    title: str
    roles: tuple[RoleLines, ...]


@dataclass(frozen=True)
class SheetRef:
    target: str  # "": a worksheet this book does not print (a reader's edition names where it is)
    title: str  # "Worksheet 3: Goal plan": by number, as the appendix is laid out later


@dataclass(frozen=True)
class SessionView:
    id: str
    number: str
    kicker: str
    title: str
    summary: Markup
    guidance: Markup | None
    agenda: tuple[AgendaRow, ...]
    prompts: tuple[RoleLines, ...]
    activity: ActivityView | None
    advice: tuple[Advice, ...]
    worksheets: tuple[SheetRef, ...]
    agenda_details: bool = True  # False in a reader's edition: the agenda's times and steps only
    url: str | None = None  # the session's page on the web, under the program's `handbook_url`


@dataclass(frozen=True)
class ModuleView:
    id: str
    kicker: str
    title: str
    summary: Markup
    why: Markup | None  # None in a reader's edition, which prints the summary and sessions only
    objectives: tuple[Markup, ...]
    key_ideas: Markup | None
    sessions: tuple[SessionView, ...]


@dataclass(frozen=True)
class GuideView:
    id: str
    title: str
    html: Markup


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: Markup


@dataclass(frozen=True)
class Chapter:
    """One of the organization's chapters, the glossary or the worksheets: its `kind` names it,
    and the partial that prints it (print/chapters/)."""

    kind: str

    @property
    def template(self) -> str:
        return f"print/chapters/{self.kind}.html.j2"


@dataclass(frozen=True)
class ModuleChapter(Chapter):
    """A module, or the part of it that one part of the body holds (`opening`: its start)."""

    module: ModuleView
    sessions: tuple[SessionView, ...]
    opening: bool


@dataclass(frozen=True)
class GuideChapter(Chapter):
    guide: GuideView


@dataclass(frozen=True)
class BodyPart:
    """Chapters laid out together; `continues`: it starts in a module the part before began.
    Or, without chapters, a worksheet's `sheet` body: the same pages as in its own PDF."""

    chapters: tuple[Chapter, ...]
    continues: bool
    sheet: SheetBody | None = None


@dataclass(frozen=True)
class ContentsEntry:
    target: str
    title: str
    level: int
    page: int = 0  # known once the body is laid out


@dataclass(frozen=True)
class BookView(PrintHead):
    """Every chapter's content; the template is given a part's chapters besides."""

    title: str
    variant: str
    fillable: bool
    cover: Cover
    welcome: Markup
    values: tuple[Value, ...]
    how_we_work: tuple[Markup, ...]
    contacts: tuple[Contact, ...]
    program: ProgramView | None
    glossary: tuple[GlossaryEntry, ...]
    sheets: tuple[SheetView, ...]
    session_class: str = "session"  # "session flow" in a reader's edition: one after the other, not a page each
    flow: bool = False  # a reader's edition: chapters follow on, within a part, without a new page each


@dataclass(frozen=True)
class HandbookPlan:
    path: str  # relative to the docs folder
    template: str
    book: BookView
    parts: tuple[BodyPart, ...]
    contents: tuple[ContentsEntry, ...]
    targets: frozenset[str]  # anchors that links point to, without their `#`
