"""Worksheets people can write on, measured in the print PDFs, not judged by eye.

The rules to write on are read from the pages' drawing operators: print.css draws each as the
bottom border of a box one line high, in a grey of its own (`--write-rule`), filled as two
rectangles whose difference is the border. Every lines field's rules are evenly spaced and at
least 8 mm apart; every field that asks for writing has its rules (a lines field one per line,
a one-line answer one); a field's rules, its label and (for a section's first field) the
section's heading are on one page; a signature block is on one page; the session log is one
page. The packets are joined from the same pages and are measured too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from generator.models import Worksheet
from generator.models.worksheet import LinesInput, Section, WorksheetField
from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan.paths import packet_pdf, worksheet_pdf
from generator.plan.print.worksheets import WHOLE_BLOCKS, keeps_whole, plan_worksheets, print_setup
from generator.plan.program.facts import fill_project, program_facts
from generator.plan.program.worksheet_order import program_order
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from tests.conftest import REPO
from tests.pdf.conftest import Rendered

PAPER_HEIGHT = {"A4": 842, "Letter": 792}  # points

pytestmark = pytest.mark.slow  # lays out PDFs

WRITE_RULE = (0.439216, 0.439216, 0.439216)  # print.css --write-rule: #707070
MM = 25.4 / 72
MIN_GAP_MM = 8.0
ONE_LINE = ("text", "date", "signature")
SIGN = ("signature", "date")  # a signature block's fields


@dataclass(frozen=True)
class Rule:
    page: int  # from 0
    y: float  # mm from the top of the page
    x0: float
    x1: float


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _point(m: list[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def rules(reader: PdfReader) -> list[Rule]:
    """Every write-in rule, page by page, top to bottom: the foot of the taller of each pair of
    rectangles filled in the write-in grey."""
    found: list[Rule] = []
    for number, page in enumerate(reader.pages):
        height = float(page.mediabox.height)
        ctm: list[float] = [1.0, 0, 0, 1.0, 0, 0]
        colour: tuple[float, ...] | None = None
        stack: list[tuple[list[float], tuple[float, ...] | None]] = []
        feet: dict[tuple[float, float, float], float] = {}
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                stack.append((ctm, colour))
            elif operator == b"Q":
                ctm, colour = stack.pop()
            elif operator == b"cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            elif operator == b"rg":
                colour = tuple(round(float(v), 6) for v in operands)
            elif operator == b"re" and colour == WRITE_RULE:
                x, y, w, h = (float(v) for v in operands)
                (ax, ay), (bx, by) = _point(ctm, x, y), _point(ctm, x + w, y + h)
                key = (round(min(ax, bx), 1), round(max(ax, bx), 1), round(max(ay, by), 1))
                feet[key] = min(feet.get(key, min(ay, by)), min(ay, by))
        found += [Rule(number, (height - foot) * MM, x0 * MM, x1 * MM) for (x0, x1, _), foot in feet.items()]
    return sorted(found, key=lambda r: (r.page, round(r.y, 1), r.x0))


def rule_count(field: WorksheetField) -> int:
    if isinstance(field, LinesInput):
        return field.lines
    return 1 if field.kind in ONE_LINE else 0


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def walk(sheets: list[Worksheet]) -> Iterator[tuple[Worksheet, str | None, WorksheetField, int, bool]]:
    """Each field in print order: its sheet, its section's title if it comes first, its rules'
    count, and whether it is in a signature block (a signature and the dates after it)."""
    for sheet in sheets:
        for section in sheet.sections:
            signing = False
            for n, field in enumerate(section.fields):
                signing = field.kind == "signature" or (signing and field.kind == "date")
                yield sheet, section.title if n == 0 else None, field, rule_count(field), signing


def check(reader: PdfReader, sheets: list[Worksheet]) -> list[str]:
    """What is wrong with one PDF of these worksheets, in order: an empty list if nothing."""
    found, texts, problems = rules(reader), page_texts(reader), []
    expected = sum(rule_count(f) for _, _, f, _, _ in walk(sheets))
    if len(found) != expected:
        return [f"{len(found)} write-in rules, expected {expected}"]
    position, block_page = 0, None
    for sheet, heading, field, count, signing in walk(sheets):
        own = found[position : position + count]
        position += count
        if not own:
            continue
        pages = {r.page for r in own}
        where = f"{sheet.id}: {getattr(field, 'label', field.kind)}"
        if len(pages) > 1:
            problems.append(f"{where}: its rules are split over pages {sorted(pages)}")
        page = own[0].page
        label = " ".join(str(getattr(field, "label", "")).split())
        if label not in texts[page]:
            problems.append(f"{where}: its label is not on page {page + 1}, where its rules are")
        if heading and " ".join(heading.split()) not in texts[page]:
            problems.append(f"{where}: the heading {heading!r} is not on page {page + 1}")
        if signing and block_page is not None and page != block_page:
            problems.append(f"{where}: the signature block is split over pages {block_page + 1} and {page + 1}")
        block_page = page if signing else None
        gaps = [b.y - a.y for a, b in itertools.pairwise(own)]
        if gaps and (min(gaps) < MIN_GAP_MM or max(gaps) - min(gaps) > 0.2):
            problems.append(f"{where}: rules {[round(g, 2) for g in gaps]} mm apart")
    return problems


def split_headings(reader: PdfReader, sheets: list[Worksheet]) -> list[str]:
    """Each section whose heading is on one page and its first field's label on another (a
    heading at the foot of a page, whatever its first field is: lines, a table, a scale)."""
    texts, problems, page = page_texts(reader), [], 0
    for sheet in sheets:
        while page < len(texts) and sheet.title not in texts[page]:
            page += 1
        for section in sheet.sections:
            heading = " ".join(section.title.split())
            while page < len(texts) and heading not in texts[page]:
                page += 1
            label = " ".join(str(getattr(section.fields[0], "label", "")).split())
            if page >= len(texts):
                problems.append(f"{sheet.id}: {heading!r} not found")
                page = 0
            elif label and label not in texts[page]:
                problems.append(f"{sheet.id}: {heading!r} on page {page + 1}, its first field after it")
    return problems


def split_sections(
    reader: PdfReader, sheets: list[Worksheet], whole: Callable[[Worksheet, Section], bool] | None = None
) -> list[str]:
    """Each section but the first that the plan keeps whole (`keeps_whole`: a long one flows on)
    whose fields' rules are on more than one page (a block apart from what precedes it, a last
    step alone), each sheet whose signatures are on a page of their own and each whose title is
    alone on a page, told by the rules' pages."""
    whole = whole or (lambda sheet, section: keeps_whole(sheet, section))
    found, texts, problems, position = rules(reader), page_texts(reader), [], 0
    for sheet in sheets:
        pages: list[tuple[int, ...]] = []  # each section's pages with rules, in order
        for section in sheet.sections:
            count = sum(rule_count(f) for f in section.fields)
            pages.append(tuple(sorted({r.page for r in found[position : position + count]})))
            position += count
        ruled = [on for on in pages if on]
        opening = " ".join(sheet.purpose.split()[:5])  # on its first page only (its title is in every footer)
        if ruled and opening not in texts[ruled[0][0]]:  # its title and instructions alone on a page
            problems.append(f"{sheet.id}: its first field is not on the page of its title")
        for section, on in zip(sheet.sections[1:], pages[1:], strict=True):  # the first may break, after its title
            if len(on) > 1 and whole(sheet, section):
                problems.append(f"{sheet.id}: {section.title!r} is split over pages {[p + 1 for p in on]}")
        signing = all(f.kind in SIGN for f in sheet.sections[-1].fields)  # a whole section is not alone
        if signing and len(ruled) > 1 and ruled[-1][0] != ruled[-2][-1]:
            problems.append(f"{sheet.id}: {sheet.sections[-1].title!r} alone on page {ruled[-1][0] + 1}")
    return problems


def test_no_section_is_split_and_no_last_section_is_alone(shipped: Rendered) -> None:
    ordered = program_order(shipped.project.curriculum)
    problems = []
    for variant in ("print", "fillable"):
        for team in (False, True):
            sheets = [w for w in ordered if ("manager" in w.editions) == team]
            problems += split_sections(shipped.pdf(packet_pdf(variant, team)), sheets)
    assert problems == []


def test_the_section_check_finds_a_section_split_over_pages(shipped: Rendered) -> None:
    """The check fails on what it is for: two sections read as one, over two pages."""
    sheet = next(w for w in shipped.project.curriculum.worksheets if w.id == "mentoring-agreement")
    reader = shipped.pdf(worksheet_pdf(sheet.id, "print"))
    assert split_sections(reader, [sheet]) == []
    first, second = sheet.sections[1], sheet.sections[2]
    joined = first.model_copy(update={"fields": (*first.fields, *second.fields)})
    wrong = sheet.model_copy(update={"sections": (sheet.sections[0], joined, *sheet.sections[3:])})
    found = split_sections(reader, [wrong], whole=lambda *_: True)
    assert found[0].startswith(f"{sheet.id}: {first.title!r} is split over pages")


def test_a_set_of_goals_and_a_short_section_stay_whole_and_a_long_one_flows() -> None:
    """The goal plan's goals (the same fields each) each stay on one page, as does a short
    section; the agreement's long sections flow on, rather than leave half a page empty."""
    curriculum = load_project(REPO, REPO / DEFAULT_ORG).curriculum
    sheets = {w.id: w for w in curriculum.worksheets}
    goals = sheets["goal-plan"]
    assert all(keeps_whole(goals, s) for s in goals.sections if s.title.startswith("Goal "))
    agreement = sheets["mentoring-agreement"]
    flowing = [s.title for s in agreement.sections if not keeps_whole(agreement, s)]
    assert flowing and all(len(s.fields) > WHOLE_BLOCKS for s in agreement.sections if s.title in flowing)


def test_no_section_heading_is_split_from_its_first_field(shipped: Rendered) -> None:
    ordered = program_order(shipped.project.curriculum)
    problems = []
    for team in (False, True):
        sheets = [w for w in ordered if ("manager" in w.editions) == team]
        problems += split_headings(shipped.pdf(packet_pdf("print", team)), sheets)
    for sheet in ordered:
        problems += split_headings(shipped.pdf(worksheet_pdf(sheet.id, "print")), [sheet])
    assert problems == []


def test_the_heading_check_finds_a_heading_apart_from_its_field(shipped: Rendered) -> None:
    """The check fails on what it is for: a first field that is on another page than its heading."""
    sheet = next(w for w in shipped.project.curriculum.worksheets if w.id == "mentoring-agreement")
    reader = shipped.pdf(worksheet_pdf(sheet.id, "print"))
    assert len(reader.pages) > 1 and split_headings(reader, [sheet]) == []
    first, last = sheet.sections[0], sheet.sections[-1]
    moved = first.model_copy(update={"fields": (last.fields[-1], *first.fields)})
    wrong = sheet.model_copy(update={"sections": (moved, *sheet.sections[1:])})
    assert split_headings(reader, [wrong]) == [f"{sheet.id}: {first.title!r} on page 1, its first field after it"]


def test_every_worksheet_has_rules_8_mm_apart_and_no_block_split(shipped: Rendered) -> None:
    problems = []
    for sheet in shipped.project.curriculum.worksheets:
        problems += check(shipped.pdf(worksheet_pdf(sheet.id, "print")), [sheet])
    assert problems == []


def test_the_packets_are_measured_alike(shipped: Rendered) -> None:
    ordered = program_order(shipped.project.curriculum)
    for team in (False, True):
        sheets = [w for w in ordered if ("manager" in w.editions) == team]
        assert check(shipped.pdf(packet_pdf("print", team)), sheets) == [], team


def test_the_session_log_prints_on_one_page(shipped: Rendered) -> None:
    """ "One page for each session", on paper and in the fillable PDF alike."""
    for variant in ("print", "fillable"):
        assert len(shipped.pdf(worksheet_pdf("session-log", variant)).pages) == 1, variant


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_session_log_prints_on_one_page_of_either_paper(paper: str, tmp_path: Path) -> None:
    """Printed fresh for every session: one sheet on A4 and on Letter (17.6 mm shorter)."""
    project = load_project(REPO, REPO / DEFAULT_ORG)
    project = fill_project(project, program_facts(project))
    [log] = [d for d in plan_worksheets(project, paper) if d.path == worksheet_pdf("session-log", "print")]
    render(PdfWork(print_setup(project), (log,)), tmp_path)
    reader = PdfReader(tmp_path / log.path)
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.height)) == PAPER_HEIGHT[paper]


def test_the_measure_finds_uneven_and_missing_rules(shipped: Rendered) -> None:
    """The check fails on what it is for: counted against a sheet that asks for more writing."""
    sheet = next(w for w in shipped.project.curriculum.worksheets if w.id == "session-log")
    reader = shipped.pdf(worksheet_pdf("session-log", "print"))
    found = rules(reader)
    gaps = [round(b.y - a.y, 2) for a, b in itertools.pairwise(found) if a.x0 == b.x0 and a.x1 == b.x1]
    assert len(gaps) >= 5 and all(8.5 <= gap < 9 for gap in gaps)  # print.css: a line of 8.5 mm and its rule
    more = sheet.model_copy(update={"sections": (*sheet.sections, sheet.sections[0])})
    assert check(reader, [more])[0].startswith(f"{len(found)} write-in rules, expected")
