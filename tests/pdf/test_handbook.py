"""The organization's handbook PDF, read back with pypdf: its paper, its text (organization,
modules, sessions, timeline, worksheets) in the organization's words, its outline, contents
page numbers and page labels, its links, its PDF/UA structure tree after the parts were
joined, the same bytes from the same input, and the home page's link.

Three handbooks, each made once per session: the example's, from the shared `example_site`
build (two parts and the front); the same laid out two sessions to a part, so that modules
go on from part to part; and a small one on the minimal fixture with other words, Letter
paper, a logo, a program and a page of the organization's own, laid out one session per part
and four contents entries per front part.
"""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

import generator.pdf.jobs
import generator.pdf.stage
from generator.models.project import Project
from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan.paths import handbook_pdf
from generator.plan.print.chapters import PART_SESSIONS
from generator.plan.print.handbook import plan_handbook
from generator.plan.print.worksheets import print_setup
from generator.plan.program.facts import fill_project, program_facts
from generator.plan.program.timeline_text import timeline_date
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project
from tests.conftest import EPOCH, REPO, copy_project

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
WORDED = """\
name: Worded Org
short_name: Worded
logo: logo.svg
colors:
  primary: "#1d4e89"
  accent: "#b3401a"
paper: Letter
welcome: Hello <b>there</b> & welcome.
terminology:
  mentor: guide
  mentee: learner
program:
  name: Spring Round 2027
  start: 2027-03-01
  weeks: 4
  cadence: weekly
pages:
  - pages/house-rules.md
"""
HOUSE_RULES = "# House rules\n\nBring <i>snacks</i>.\n"


@dataclass(frozen=True)
class Handbook:
    """A rendered handbook, read once: pypdf takes seconds over a hundred pages."""

    project: Project
    path: Path

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(self.path)

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return " ".join(" ".join(self.pages).split())

    @cached_property
    def outline(self) -> list[tuple[int, str, int]]:
        return read_outline(self.reader)


def worded_project(root: Path) -> Project:
    copy_project(root)
    folder = root / "organizations" / "worded"
    (folder / "pages").mkdir(parents=True)
    shutil.copy(REPO / "organizations" / "example" / "logo.svg", folder / "logo.svg")
    (folder / "pages" / "house-rules.md").write_text(HOUSE_RULES, encoding="utf-8")
    (root / "organizations" / "worded.yaml").write_text(WORDED, encoding="utf-8")
    return load_project(root, root / "organizations" / "worded.yaml")


def make_handbook(project: Project, docs: Path, part_sessions: int = PART_SESSIONS) -> Path:
    """The handbook as a build lays it out: the shipped text's facts filled in first (plan_build)."""
    filled = fill_project(project, program_facts(project))
    return render(PdfWork(print_setup(filled), books=(plan_handbook(filled, part_sessions=part_sessions),)), docs)[0]


SMALL_PARTS = 1  # sessions to a part, with in_small_parts: many parts, each module in several


def in_small_parts(patch: pytest.MonkeyPatch) -> None:
    """Contents laid out in parts of 4 entries (with SMALL_PARTS, the body in parts too)."""
    patch.setattr(generator.pdf.jobs, "CONTENTS_PER_PART", 4)


@pytest.fixture(scope="session")
def worded(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    root = tmp_path_factory.mktemp("worded")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        in_small_parts(patch)
        project = worded_project(root)
        return Handbook(project, make_handbook(project, root / "docs", SMALL_PARTS))


@pytest.fixture(scope="session")
def example(example_site: Path) -> Handbook:
    project = load_project(REPO, REPO / DEFAULT_ORG)
    return Handbook(project, example_site / handbook_pdf(project.slug))


@pytest.fixture(scope="session")
def split(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    """The example's handbook laid out two sessions to a part: its modules of three or four
    sessions go on from one part into the next."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setattr(generator.pdf.jobs, "CONTENTS_PER_PART", 10)
        project = load_project(REPO, REPO / DEFAULT_ORG)
        return Handbook(project, make_handbook(project, tmp_path_factory.mktemp("split"), part_sessions=2))


@pytest.fixture(params=["example", "worded", "split"])
def handbook(request: pytest.FixtureRequest) -> Handbook:
    return request.getfixturevalue(request.param)


def read_outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every bookmark, in order."""
    items: list[tuple[int, str, int]] = []

    def walk(entries: list, level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                items.append((level, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 1)
    return items


def test_paper_is_the_organizations(example: Handbook, worded: Handbook) -> None:
    assert example.project.organization.paper == "Letter"  # the example's program is in the US: no `paper:` needed
    for handbook, size in (
        (example, LETTER),
        (worded, LETTER if worded.project.organization.paper == "Letter" else A4),
    ):
        for page in handbook.reader.pages:
            assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size


def test_text_holds_the_organization_modules_sessions_dates_and_worksheets(handbook: Handbook) -> None:
    project, text = handbook.project, handbook.text
    first = next(e for e in project.events if e.kind == "session")
    expected = [project.organization.name, timeline_date(first.date, project.organization.language)]
    expected += [m.title for m in project.curriculum.modules]
    expected += [s.title for s in project.curriculum.sessions()]
    expected += [w.title for w in project.curriculum.worksheets]
    expected += [g.title for g in project.guides]
    assert [t for t in expected if " ".join(t.split()) not in text] == []


def test_the_organizations_words_replace_mentor_and_mentee(worded: Handbook) -> None:
    text = worded.text
    assert re.findall(r".{0,30}\bment(?:or|ee)s?\b.{0,30}", text, re.IGNORECASE) == []
    assert "For the guide" in text and "For the learner" in text and "Guide" in text


def test_the_organizations_text_stays_text(worded: Handbook) -> None:
    text = worded.text
    assert "Hello <b>there</b> & welcome." in text and "Bring <i>snacks</i>." in text


def test_outline_has_chapters_sessions_and_worksheets(handbook: Handbook) -> None:
    project, items = handbook.project, handbook.outline
    titles = {level: [t for lv, t, _ in items if lv == level] for level in (1, 2)}
    labels = project.labels
    assert {labels["contents"], labels["welcome"], labels["glossary"], labels["worksheets"]} <= set(titles[1])
    assert [m.title for m in project.curriculum.modules] == [t for t in titles[1] if t in _module_titles(project)]
    assert {s.title for s in project.curriculum.sessions()} <= set(titles[2])
    assert {w.title for w in project.curriculum.worksheets} <= set(titles[2])
    pages = [page for _, _, page in items]
    assert pages == sorted(pages) and pages[0] == 2  # the cover has no bookmark


def test_parts_do_not_show(example: Handbook, split: Handbook) -> None:
    """Laid out in many small parts or a few large ones, the body reads the same (the contents
    take more pages when laid out in parts: each part starts a page)."""

    def body(handbook: Handbook) -> tuple[list[tuple[int, str, str]], list[str]]:
        labels = handbook.reader.page_labels
        outline = [(level, title, labels[page - 1]) for level, title, page in handbook.outline[1:]]
        return outline, handbook.pages[handbook.outline[1][2] - 1 :]

    assert body(split) == body(example)


def _module_titles(project: Project) -> set[str]:
    return {m.title for m in project.curriculum.modules}


def test_contents_page_numbers_are_where_the_chapters_start(handbook: Handbook) -> None:
    items, labels = handbook.outline, handbook.reader.page_labels
    welcome = next(page for _, title, page in items if title == handbook.project.labels["welcome"])
    lines = "\n".join(handbook.pages[1 : welcome - 1]).splitlines()
    listed = [m.group(1) for line in lines if (m := re.search(r"\.{3,}\s*(\d+)$", line))]
    assert listed == [labels[page - 1] for _, _, page in chapters(items[1:], handbook.project)]


def test_front_matter_counts_in_roman_and_the_body_from_one(handbook: Handbook) -> None:
    welcome = next(page for _, title, page in handbook.outline if title == handbook.project.labels["welcome"])
    labels = handbook.reader.page_labels
    roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    assert welcome - 1 <= len(roman) and labels[: welcome - 1] == roman[: welcome - 1]
    assert labels[welcome - 1 :] == [str(n) for n in range(1, len(labels) - welcome + 2)]


def chapters(items: list[tuple[int, str, int]], project: Project) -> list[tuple[int, str, int]]:
    """The bookmarks the contents page lists: all but the sections inside the guides."""
    guides, kept, parent = {g.title for g in project.guides}, [], ""
    for level, title, page in items:
        parent = title if level == 1 else parent
        if level == 1 or parent not in guides:
            kept.append((level, title, page))
    return kept


def test_footer_names_the_organization_and_numbers_pages_as_labelled(worded: Handbook) -> None:
    labels = worded.reader.page_labels
    for number in (1, len(labels) - 1):
        assert f"Worded Page {labels[number]}" in " ".join(worded.pages[number].split())
    assert "Page" not in worded.pages[0]  # the cover has no footer


def footer_texts(path: Path) -> list[tuple[bytes, str]]:
    """Each page's footer: the form its last content stream draws as an artifact (after the
    page's own content, its graphics state restored) and the form's text, read alone."""
    found = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            contents = page.obj.Contents
            last = (contents[-1] if isinstance(contents, pikepdf.Array) else contents).read_bytes()
            name = re.fullmatch(rb"Q /Artifact BMC q (/Footer\d*) Do Q EMC", last)
            assert name, last
            alone = pikepdf.new()
            alone.add_blank_page(page_size=(float(page.mediabox[2]), float(page.mediabox[3])))
            form = alone.copy_foreign(page.obj.Resources.XObject[name.group(1).decode()])
            alone.pages[0].add_resource(form, pikepdf.Name.XObject, pikepdf.Name.Footer)
            alone.pages[0].contents_add(alone.make_stream(b"/Footer Do"))
            buffer = io.BytesIO()
            alone.save(buffer)
            found.append((name.group(1), " ".join(PdfReader(buffer).pages[0].extract_text().split())))
    return found


def test_footers_are_artifacts_numbered_after_layout(worded: Handbook) -> None:
    """The parts are laid out without footers; each page's footer, laid over it afterwards, is
    marked as an artifact (not content, for PDF/UA) and shows the page's own label."""
    labels = worded.reader.page_labels
    footers = footer_texts(worded.path)
    assert len(footers) == len(labels) > 10
    for number, (_, text) in enumerate(footers):
        assert text == ("" if number == 0 else f"Worded Page {labels[number]}"), number
    assert labels[1] == "ii" and "Worded Page 1" in [text for _, text in footers]


def test_every_link_leads_to_the_page_of_its_target(handbook: Handbook) -> None:
    """Contents to chapters, the timeline to sessions, sessions to worksheets: across parts."""
    reader, titles = handbook.reader, {title: page for _, title, page in handbook.outline}
    destinations = reader.named_destinations
    links = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                target = reader.get_destination_page_number(destinations[annotation["/Dest"]]) + 1
                links.append((number, str(annotation["/Dest"]), target))
    sessions = handbook.project.curriculum.sessions()
    assert {f"_s-{s.id}" for s in sessions} <= {name for _, name, _ in links}
    for session in sessions:
        lands = {target for _, name, target in links if name == f"_s-{session.id}"}
        assert lands == {titles[session.title]}, session.title
    sheets = {w.id: w.title for w in handbook.project.curriculum.worksheets}
    for _, name, target in links:
        if name in sheets:
            assert target == titles[sheets[name]], name


def test_joined_structure_tree_is_whole(handbook: Handbook) -> None:
    """Each element's parent is the element it sits in; every page's and link's parent-tree
    key exists, once; every element's page is one of the document's."""
    reader = handbook.reader
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    parent_tree = number_tree(tree["/ParentTree"])
    assert tree["/ParentTreeNextKey"] == max(parent_tree) + 1
    pages = {page.indirect_reference.idnum for page in reader.pages}
    assert [len(tree["/K"]), tree["/K"][0].get_object()["/S"]] == [1, "/Document"]
    stack, elements = [(kid, tree["/K"][0].idnum) for kid in tree["/K"][0].get_object()["/K"]], 0
    while stack:
        reference, parent = stack.pop()
        element = reference.get_object()
        elements += 1
        assert element.raw_get("/P").idnum == parent
        assert "/Pg" not in element or element.raw_get("/Pg").idnum in pages
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if not isinstance(kid, int) and "/S" in kid.get_object():
                stack.append((kid, reference.idnum))
    assert elements > len(reader.pages)  # every page has tagged content
    for page in reader.pages:
        assert int(page["/StructParents"]) in parent_tree
        for annotation in page.get("/Annots", []):
            element = parent_tree[int(annotation.get_object()["/StructParent"])].get_object()
            kids = element["/K"] if isinstance(element["/K"], list) else [element["/K"]]
            references = [k.get_object() for k in kids if not isinstance(k, int)]
            objects = [r.raw_get("/Obj").idnum for r in references if r.get("/Type") == "/OBJR"]
            assert annotation.idnum in objects


def test_tagged_pdf_ua_with_title_and_language(worded: Handbook) -> None:
    reader = worded.reader
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en"
    assert re.search(rb"pdfuaid:part=.1.", root["/Metadata"].get_data())
    assert reader.metadata is not None and reader.metadata.title == "Test Curriculum · Worded Org"
    assert "/AcroForm" not in root  # the worksheets print with writing lines


def number_tree(node: DictionaryObject) -> dict[int, Any]:
    """A number tree's entries; each key once, each leaf's within its /Limits, leaves in order."""
    entries: dict[int, Any] = {}
    for kid in node.get("/Kids", []):
        leaf = kid.get_object()
        found = number_tree(leaf)
        assert "/Limits" not in leaf or [min(found), max(found)] == list(leaf["/Limits"])
        assert not entries or min(found) > max(entries)
        entries |= found
    nums = node.get("/Nums", [])
    for key, value in zip(nums[::2], nums[1::2], strict=True):
        assert int(key) not in entries
        entries[int(key)] = value
    return entries


def test_same_input_same_bytes_wherever_it_is_built(
    worded: Handbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    in_small_parts(monkeypatch)
    again = make_handbook(worded_project(tmp_path / "elsewhere"), tmp_path / "docs", SMALL_PARTS)
    assert again.read_bytes() == worded.path.read_bytes()


def test_the_home_page_links_to_the_handbook(example: Handbook, example_site: Path) -> None:
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{handbook_pdf(example.project.slug)}"' in home
    assert example.path.is_file() and example.path.read_bytes().startswith(b"%PDF-")
