"""Worksheet PDFs, read back with pypdf: every field of every definition, in reading order,
of the right type and fillable; real, tagged text in the print variant; the packets; the
same bytes from the same input; and a renderer that reads nothing outside the project.

Every PDF is rendered once per session (fixtures `shipped` and `every_kind`).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from generator.errors import InputError
from generator.jinja import PRINT
from generator.models import Worksheet
from generator.models.project import Project
from generator.pdf import PdfWork
from generator.pdf.fetch import ProjectFetcher, RefusedURLError
from generator.pdf.jobs import packet_front
from generator.pdf.printer import Printer
from generator.pdf.stage import render
from generator.plan import plan_build
from generator.plan.paths import PDF_VARIANTS, packet_pdf, worksheet_pdf
from generator.plan.print.worksheets import WORKSHEET, plan_packets, plan_worksheets, print_setup
from generator.plan.program.worksheet_order import program_order
from generator.read.project import load_project
from tests.conftest import copy_project
from tests.pdf.conftest import Rendered, as_built, pinned_epoch

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

GOLDEN = Path(__file__).parent.parent / "golden" / "print"
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
MULTILINE, RADIO = 1 << 12, 1 << 15  # PDF field flags (bit positions 13 and 16)


def every_kind_project(root: Path) -> Project:
    """The minimal project with a second worksheet holding one field of every kind."""
    copy_project(root)
    shutil.copy(GOLDEN / "curriculum.yaml", root / "curriculum.yaml")
    return load_project(root, root / "organizations" / "org.yaml")


@pytest.fixture(scope="session")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = tmp_path_factory.mktemp("every-kind")
    with pinned_epoch():
        project = every_kind_project(root)
        render(PdfWork(print_setup(project), plan_build(project).pdfs), root / "docs")
    return Rendered(as_built(project), root / "docs")


@pytest.fixture(params=["shipped", "every_kind"])
def rendered(request: pytest.FixtureRequest) -> Rendered:
    return request.getfixturevalue(request.param)


def expected_fields(worksheet: Worksheet) -> dict[str, str]:
    """Field name -> kind, in reading order, from the definition alone."""
    fields: dict[str, str] = {}
    for field in worksheet.inputs():
        name = f"{worksheet.id}:{field.name}"
        if field.kind == "checklist":
            fields |= {f"{name}:{n}": "checkbox" for n in range(1, len(field.items) + 1)}  # type: ignore[attr-defined]
        elif field.kind == "rating":
            fields[name] = "radio"
        elif field.kind == "table":
            rows, columns = field.rows, len(field.columns)  # type: ignore[attr-defined]
            fields |= {f"{name}:r{r}c{c}": "text" for r in range(1, rows + 1) for c in range(1, columns + 1)}
        else:
            fields[name] = "multiline" if field.kind == "lines" else "text"
    return fields


def actual_fields(reader: PdfReader) -> dict[str, str]:
    kinds = {}
    for name, field in (reader.get_fields() or {}).items():
        kind, flags = field.get("/FT"), int(field.get("/Ff", 0))
        if kind == "/Tx":
            kinds[name] = "multiline" if flags & MULTILINE else "text"
        else:
            kinds[name] = ("radio" if flags & RADIO else "checkbox") if kind == "/Btn" else str(kind)
    return kinds


def widget_order(reader: PdfReader) -> list[str]:
    """Field names in the order a reader tabs through them (page by page, structure order)."""
    names: list[str] = []
    for page in reader.pages:
        assert page["/Tabs"] == "/S"
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/Subtype") == "/Widget":
                name = widget["/Parent"]["/T"] if "/Parent" in widget else widget["/T"]
                if not names or names[-1] != name:
                    names.append(name)
    return names


def prompts(worksheet: Worksheet) -> list[str]:
    """Every piece of one-line text a reader must see to fill the worksheet in."""
    texts = [worksheet.title]
    for section in worksheet.sections:
        texts.append(section.title)
        for field in section.fields:
            for attribute in ("label", "help", "items", "scale", "columns"):
                value = getattr(field, attribute, None)
                texts += [value] if isinstance(value, str) else list(value or ())
    return texts


def plain_text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def viewer_text(path: Path) -> str:
    """The text as PDF viewers copy it (`pdftotext` is Poppler, as in Evince; pdf.js reads
    alike), without the direction marks it adds. pypdf gives a right-to-left ligature's letters
    the other way round (Noto Sans Arabic draws lam with alef-hamza as one glyph, so "الأول"
    reads "األول" there): pdf/ligatures.py writes them for the viewers."""
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(re.sub("[\u202a-\u202e\u2066-\u2069]", "", done.stdout).split())


def test_fields_match_each_definition_in_reading_order(rendered: Rendered) -> None:
    for worksheet in rendered.project.curriculum.worksheets:
        reader = rendered.pdf(worksheet_pdf(worksheet.id, "fillable"))
        expected = expected_fields(worksheet)
        assert actual_fields(reader) == expected, worksheet.id
        assert widget_order(reader) == list(expected), worksheet.id


def test_rating_is_one_choice_among_its_labelled_points(rendered: Rendered) -> None:
    """Each point's state is its label: a filled form exports "Halfway", not `/1`."""
    for worksheet in rendered.project.curriculum.worksheets:
        fields = rendered.pdf(worksheet_pdf(worksheet.id, "fillable")).get_fields() or {}
        for field in worksheet.inputs():
            if field.kind == "rating":
                group = fields[f"{worksheet.id}:{field.name}"]
                assert group["/_States_"] == [f"/{point}" for point in field.scale]  # type: ignore[attr-defined]
                assert "/Opt" not in group and group["/V"] == "/Off"


def test_the_form_lists_only_top_level_fields(rendered: Rendered) -> None:
    """A radio button is a widget of its group, not a field of its own in `/AcroForm /Fields`."""
    for worksheet in rendered.project.curriculum.worksheets:
        reader = rendered.pdf(worksheet_pdf(worksheet.id, "fillable"))
        listed = [ref.get_object()["/T"] for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]]
        assert listed == list(expected_fields(worksheet)), worksheet.id


def test_every_pdf_is_on_the_organizations_paper_with_a_title(rendered: Rendered) -> None:
    paper = LETTER if rendered.project.organization.paper == "Letter" else A4
    for worksheet in rendered.project.curriculum.worksheets:
        for variant in PDF_VARIANTS:
            reader = rendered.pdf(worksheet_pdf(worksheet.id, variant))
            assert reader.metadata is not None and reader.metadata.title == worksheet.title
            for page in reader.pages:
                assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == paper


def test_print_variant_is_tagged_pdf_ua_without_form_fields(rendered: Rendered) -> None:
    for worksheet in rendered.project.curriculum.worksheets:
        reader = rendered.pdf(worksheet_pdf(worksheet.id, "print"))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert root["/Lang"] == "en" and root["/ViewerPreferences"]["/DisplayDocTitle"]
        assert re.search(rb"pdfuaid:part=.1.", root["/Metadata"].get_data())
        assert "/AcroForm" not in root and not reader.get_fields()


def test_text_is_real_and_holds_every_prompt(rendered: Rendered) -> None:
    for worksheet in rendered.project.curriculum.worksheets:
        for variant in PDF_VARIANTS:
            text = plain_text(rendered.pdf(worksheet_pdf(worksheet.id, variant)))
            missing = [p for p in prompts(worksheet) if " ".join(p.split()) not in text]
            if missing:  # right-to-left ligatures: read as a viewer reads them
                shown = viewer_text(rendered.docs / worksheet_pdf(worksheet.id, variant))
                missing = [p for p in missing if " ".join(p.split()) not in shown]
            assert not missing, f"{worksheet.id} {variant}"


def test_filled_values_survive_save_and_reopen(rendered: Rendered) -> None:
    for worksheet in rendered.project.curriculum.worksheets:
        kinds = expected_fields(worksheet)
        points = {f"{worksheet.id}:{f.name}": f.scale for f in worksheet.inputs() if f.kind == "rating"}  # type: ignore[attr-defined]
        values = {
            name: "/on" if kind == "checkbox" else f"/{points[name][-1]}" if kind == "radio" else f"{kind} {n}"
            for n, (name, kind) in enumerate(kinds.items())
        }
        writer = PdfWriter(clone_from=rendered.pdf(worksheet_pdf(worksheet.id, "fillable")))
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        saved = io.BytesIO()
        writer.write(saved)
        fields = PdfReader(saved).get_fields() or {}
        assert {name: fields[name].get("/V") for name in values} == values, worksheet.id


def test_packets_bundle_every_worksheet_in_program_order(rendered: Rendered) -> None:
    """The pairs' worksheets in one packet, the program team's forms in another."""
    ordered = program_order(rendered.project.curriculum)
    for team in (False, True):
        group = [w for w in ordered if ("manager" in w.editions) == team]
        if not group:
            assert not (rendered.docs / packet_pdf("print", team)).exists()
            continue
        for variant in PDF_VARIANTS:
            pages = [len(rendered.pdf(worksheet_pdf(w.id, variant)).pages) for w in group]
            starts = [2 + sum(pages[:n]) for n in range(len(pages))]  # after the cover, which holds the contents
            reader = rendered.pdf(packet_pdf(variant, team))
            assert len(reader.pages) == 1 + sum(pages)
            outline = [item for item in reader.outline if not isinstance(item, list)]
            sheets = [(o.title, reader.get_destination_page_number(o) + 1) for o in outline][2:]
            assert sheets == [(w.title, start) for w, start in zip(group, starts, strict=True)]
            contents = " ".join(reader.pages[0].extract_text().split())
            assert all(w.title in contents for w in group)
        fillable = actual_fields(rendered.pdf(packet_pdf("fillable", team)))
        assert fillable == {name: kind for w in group for name, kind in expected_fields(w).items()}


def test_program_order_is_the_order_sessions_first_use_them(rendered: Rendered) -> None:
    curriculum = rendered.project.curriculum
    first_use = {}
    for number, session in enumerate(curriculum.sessions()):
        for ref in session.worksheets:
            first_use.setdefault(ref, number)
    order = [first_use.get(w.id, len(curriculum.sessions())) for w in program_order(curriculum)]
    assert order == sorted(order) and len(order) == len(curriculum.worksheets)


def test_same_input_same_bytes_wherever_it_is_built(shipped: Rendered, example_site: Path) -> None:
    names = [worksheet_pdf(w.id, v) for w in shipped.project.curriculum.worksheets for v in PDF_VARIANTS]
    packets = [packet_pdf(v, team) for v in PDF_VARIANTS for team in (False, True)]
    for name in [*names, *packets]:
        assert (shipped.docs / name).read_bytes() == (example_site / name).read_bytes(), name


def test_the_site_links_each_worksheet_to_its_pdfs(example_site: Path) -> None:
    page = (example_site / "worksheets" / "goal-plan.html").read_text(encoding="utf-8")
    assert 'href="pdf/goal-plan-fillable.pdf"' in page and 'href="pdf/goal-plan-print.pdf"' in page
    index = (example_site / "worksheets" / "index.html").read_text(encoding="utf-8")
    assert 'href="packet-fillable.pdf"' in index and 'href="packet-print.pdf"' in index


def test_letter_paper(every_kind: Rendered, tmp_path: Path) -> None:
    project = every_kind.project
    sheet = next(d for d in plan_worksheets(project, "Letter") if d.variant == "print")
    render(PdfWork(print_setup(project), (sheet,)), tmp_path)
    for page in PdfReader(tmp_path / sheet.path).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == LETTER


def test_user_text_stays_text_and_arabic_renders(every_kind: Rendered) -> None:
    text = plain_text(every_kind.pdf(worksheet_pdf("every-kind", "print")))
    assert "<script>alert(1)</script>" in text and '{: onclick="x" }' in text
    assert "ما هو هدفك الأول؟" in viewer_text(every_kind.docs / worksheet_pdf("every-kind", "print"))


@pytest.mark.parametrize("variant", PDF_VARIANTS)
@pytest.mark.parametrize("template", ["worksheet", "packet"])
def test_golden_html(template: str, variant: str, tmp_path: Path, update_golden: bool) -> None:
    project = every_kind_project(tmp_path)
    documents = plan_worksheets(project) if template == "worksheet" else plan_packets(project)
    name = worksheet_pdf("every-kind", variant) if template == "worksheet" else packet_pdf(variant)
    document, printer = next(d for d in documents if d.path == name), Printer(print_setup(project))
    if document.front:  # the cover and contents, numbered as if the worksheets began on page 2
        html = packet_front(printer, document, [2 + n for n in range(len(document.sheets))]).html
    else:
        html = printer.html(WORKSHEET, document.sheets[0].view)
    golden = GOLDEN / f"{template}-{variant}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_fetcher_serves_our_folders_and_refuses_the_rest(tmp_path: Path) -> None:
    (tmp_path / "escape.css").symlink_to("/etc/passwd")
    fetcher = ProjectFetcher([PRINT, tmp_path])
    assert fetcher.fetch((PRINT / "print.css").as_uri()).read().startswith(b"/*")
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"
    outside = (PRINT / ".." / ".." / "pdf.py").absolute().as_uri()
    for url in ["file:///etc/passwd", "http://example.org/", "https://example.org/a.png", outside]:
        with pytest.raises(RefusedURLError):
            fetcher.fetch(url)
    with pytest.raises(RefusedURLError):
        fetcher.fetch((tmp_path / "escape.css").as_uri())


def _refused_render(root: Path) -> str:
    project = load_project(root, root / "organizations" / "org.yaml")
    with pytest.raises(InputError) as error:
        render(PdfWork(print_setup(project), plan_build(project).pdfs), root / "docs")
    return str(error.value)


def test_an_override_cannot_make_the_pdf_read_outside_the_project(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    override = root / "overrides" / "templates" / "print" / "worksheet.html.j2"
    override.parent.mkdir(parents=True)
    builtin = (PRINT / "worksheet.html.j2").read_text(encoding="utf-8")
    override.write_text(builtin.replace("<body", '<img src="file:///etc/passwd" alt=""><body'), encoding="utf-8")
    assert "file:///etc/passwd" in _refused_render(root)


def test_an_image_on_the_web_in_content_is_refused(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    curriculum = root / "curriculum.yaml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("Write down a goal.", "'![x](http://example.org/x.png)'"), encoding="utf-8")
    assert "http://example.org/x.png" in _refused_render(root)


@pytest.mark.parametrize(
    ("glyph", "written"),
    [("لا", "ال"), ("لأ", "أل"), ("fi", "fi"), ("ab", "ab"), ("ب", "ب"), ("לא", "אל")],
)
def test_right_to_left_ligatures_are_written_in_drawn_order(glyph: str, written: str) -> None:
    from generator.pdf.ligatures import drawn_order

    assert drawn_order(glyph) == written


def test_a_packet_whose_contents_take_two_pages_still_numbers_its_worksheets(tmp_path: Path) -> None:
    """The packet's cover and contents are laid out as if they took one page; with 40
    worksheets they take two, and are laid out again, numbered after them."""
    root = copy_project(tmp_path)
    extra = "".join(
        f"  - id: sheet-{n}\n    title: Extra sheet {n}\n    purpose: A purpose.\n    instructions: Fill it in.\n"
        f"    sections:\n      - title: Notes\n        fields:\n          - kind: text\n"
        f"            name: note\n            label: A note\n"
        for n in range(1, 41)
    )
    curriculum = (
        (GOLDEN / "curriculum.yaml").read_text(encoding="utf-8").replace("worksheets:\n", "worksheets:\n" + extra, 1)
    )
    (root / "curriculum.yaml").write_text(curriculum, encoding="utf-8")
    project = load_project(root, root / "organizations" / "org.yaml")
    packet = next(d for d in plan_packets(project) if d.variant == "print")
    render(PdfWork(print_setup(project), (packet,)), tmp_path / "docs")
    reader = PdfReader(tmp_path / "docs" / packet.path)
    outline = [item for item in reader.outline if not isinstance(item, list)]
    starts = {o.title: reader.get_destination_page_number(o) + 1 for o in outline}
    assert starts[project.labels["contents"]] == 1 and starts["Extra sheet 1"] > 2  # two pages of contents
    listed = " ".join(" ".join(page.extract_text() for page in reader.pages[0:2]).split())
    for title in ("Extra sheet 1", "Extra sheet 40", "Goal plan"):
        assert re.search(rf"{title} \.+ ?{starts[title]}\b", listed), title
    last = " ".join(reader.pages[-1].extract_text().split())
    assert last.endswith(f"{project.labels['page']} {len(reader.pages)} {project.labels['of']} {len(reader.pages)}")
