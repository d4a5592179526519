"""The facilitator's decks (plan/site/slides.py) made into files for the write stage: a .pptx with
python-pptx (16:9, the organization's colours and logo, the script as each slide's speaker
notes), which facilitators open and edit in PowerPoint, Keynote or LibreOffice; and the same
slides as a PDF, laid out by the PDF stage from print/slides.html.j2 (no office suite is needed
to make it, and none is assumed on the machine: the PDF is drawn from the same plan, not
converted from the .pptx), as are the scenario cards.

Byte-stable under SOURCE_DATE_EPOCH: the core properties are dated the build's time and the
archive is written again with every entry dated so (sheets.stable_zip). Text goes in as text:
a run's text is never a field or a formula in a presentation.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from generator.plan.site.cards import Cards
from generator.plan.site.slide_text import Slide
from generator.plan.site.slides import Deck
from generator.sheets import stable_zip

if TYPE_CHECKING:
    from pptx.presentation import Presentation

WIDTH, HEIGHT = 12_192_000, 6_858_000  # 13.333 x 7.5 inches, in EMU: 16:9
MARGIN = 457_200  # half an inch
BAND = 1_143_000  # the coloured band behind a slide's title
INCH = 914_400
# The logo's sizes, one set for the .pptx and the PDF (slides.html.j2 reads them as inches): on
# the title slide, on a white card padded round it; in each slide's footer, at its right.
LOGO_HEIGHT = INCH * 3 // 4  # on the title slide
CARD_PAD = INCH // 8  # the white card's padding round it
CARD_TOP, CARD_LEFT = INCH * 3 // 8, INCH * 7 // 8
FOOT_LOGO = INCH // 2  # in each slide's footer
FOOT_BOTTOM, FOOT_RIGHT = INCH // 4, INCH // 2  # from the slide's bottom and right edges
WHITE = "FFFFFF"
INK = "1A1A1A"


def decks(planned: tuple[Deck, ...]) -> dict[str, bytes]:
    """Every planned deck as .pptx, by its path in the docs folder (its PDF: `pdfs`)."""
    return {deck.path: deck_pptx(deck) for deck in planned}


@lru_cache(maxsize=8)  # serve: a deck an edit did not change is not made again
def deck_pptx(deck: Deck) -> bytes:
    from pptx import Presentation
    from pptx.util import Emu

    show = Presentation()
    show.slide_width, show.slide_height = Emu(WIDTH), Emu(HEIGHT)
    logo = logo_png(deck)
    _title_slide(show, deck, logo)
    for slide in deck.slides:
        _step_slide(show, deck, slide, logo)
    moment = deck.built.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    props = show.core_properties
    props.title, props.author, props.last_modified_by = deck.title, deck.organization, deck.organization
    props.created = props.modified = moment
    props.revision = 1
    raw = io.BytesIO()
    show.save(raw)
    return stable_zip(raw.getvalue(), moment)


def logo_png(deck: Deck) -> bytes | None:
    """The logo as PowerPoint shows it: a PNG as it is, an SVG drawn at 600 pixels wide
    (CairoSVG; the checked SVG holds only shapes, text and colours). CairoSVG needs the cairo
    system library (Debian's libcairo2, which WeasyPrint does not need): on a machine without
    it an SVG logo is left off the slides, whose title slide names the organization anyway."""
    if deck.logo is None:
        return None
    if deck.logo.suffix == ".png":
        return deck.logo.data
    try:
        import cairosvg  # type: ignore[import-untyped]
    except OSError:  # cairocffi found no libcairo
        return None
    png: bytes = cairosvg.svg2png(bytestring=deck.logo.data, output_width=600)
    return png


def _box(slide: Any, left: int, top: int, width: int, height: int, fill: str | None) -> Any:
    from pptx.enum.shapes import MSO_SHAPE

    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.line.fill.background()
    if fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
    else:
        shape.fill.background()
    return shape


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _write(shape: Any, lines: list[str], size: int, colour: str, bold: bool = False) -> None:
    from pptx.util import Pt

    frame = shape.text_frame
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(size // 2)
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = _rgb(colour)


def _blank(show: Presentation) -> Any:
    return show.slides.add_slide(show.slide_layouts[6])  # the default template's blank layout


def _logo(slide: Any, logo: bytes | None, top: int, right: int, height: int) -> None:
    if logo:
        picture = slide.shapes.add_picture(io.BytesIO(logo), 0, top, height=height)
        picture.left = right - picture.width


def _logo_width(logo: bytes, height: int) -> int:
    """The logo's width at `height`, from its own proportions."""
    from pptx.parts.image import Image

    width, tall = Image.from_blob(logo).size
    return height * width // max(tall, 1)


def logo_sizes() -> dict[str, float]:
    """The logo's sizes in inches, for the PDF slides' style: the same as the .pptx's."""
    names = ("LOGO_HEIGHT", "CARD_PAD", "CARD_TOP", "CARD_LEFT", "FOOT_LOGO", "FOOT_BOTTOM", "FOOT_RIGHT")
    values = (LOGO_HEIGHT, CARD_PAD, CARD_TOP, CARD_LEFT, FOOT_LOGO, FOOT_BOTTOM, FOOT_RIGHT)
    return {name.lower(): round(value / INCH, 4) for name, value in zip(names, values, strict=True)}


def _title_slide(show: Presentation, deck: Deck, logo: bytes | None) -> None:
    slide = _blank(show)
    _box(slide, 0, 0, WIDTH, HEIGHT, deck.colour)
    title = _box(slide, MARGIN * 2, HEIGHT // 3, WIDTH - MARGIN * 4, BAND * 2, None)
    _write(title, [deck.title], 40, WHITE, bold=True)
    below = _box(slide, MARGIN * 2, HEIGHT // 3 + BAND * 2, WIDTH - MARGIN * 4, BAND * 2, None)
    _write(below, [deck.organization, deck.subtitle], 20, WHITE)
    if deck.notes:
        slide.notes_slide.notes_text_frame.text = deck.notes
    if logo:  # on a white card, so that a logo in the brand colour still shows
        width = _logo_width(logo, LOGO_HEIGHT)
        card = _box(slide, CARD_LEFT, CARD_TOP, width + 2 * CARD_PAD, LOGO_HEIGHT + 2 * CARD_PAD, WHITE)
        _logo(slide, logo, CARD_TOP + CARD_PAD, card.left + card.width - CARD_PAD, LOGO_HEIGHT)


def _step_slide(show: Presentation, deck: Deck, step: Slide, logo: bytes | None) -> None:
    slide = _blank(show)
    band = _box(slide, 0, 0, WIDTH, BAND, deck.colour)
    _write(band, [step.title], 30, WHITE, bold=True)
    _box(slide, 0, BAND, WIDTH, MARGIN // 8, deck.accent)
    top, height = BAND + MARGIN, HEIGHT - BAND - MARGIN * 3
    if step.table:
        _table(slide, step.table, top, height, deck)
    elif step.points:
        body = _box(slide, MARGIN, top, WIDTH - MARGIN * 2, height, None)
        size = 24 if sum(len(p) for p in step.points) < 400 else 18
        _write(body, [f"• {point}" for point in step.points], size, INK)
    foot = _box(slide, MARGIN, HEIGHT - MARGIN - MARGIN // 2, WIDTH - MARGIN * 4, MARGIN, None)
    _write(foot, [f"{deck.organization} · {deck.title}"], 12, INK)
    _logo(slide, logo, HEIGHT - FOOT_BOTTOM - FOOT_LOGO, WIDTH - FOOT_RIGHT, FOOT_LOGO)
    if step.notes:
        slide.notes_slide.notes_text_frame.text = step.notes


def _table(slide: Any, rows: tuple[tuple[str, ...], ...], top: int, height: int, deck: Deck) -> None:
    from pptx.util import Pt

    columns = max(len(row) for row in rows)
    shape = slide.shapes.add_table(
        len(rows), columns, MARGIN, top, WIDTH - MARGIN * 2, min(height, 500_000 * len(rows))
    )
    size = 16  # readable from the back of the room: the plan splits a longer table across slides
    for r, row in enumerate(rows):
        for c in range(columns):
            cell = shape.table.cell(r, c)
            cell.text = row[c] if c < len(row) else ""
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.bold = Pt(size), r == 0
                    run.font.color.rgb = _rgb(WHITE if r == 0 else INK)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(deck.colour if r == 0 else "F2F2F2" if r % 2 else WHITE)


def deck_html(deck: Deck) -> str:
    """The same slides as a PDF's HTML: one 16:9 page each, with the bundled fonts only."""
    return _html("print/slides.html.j2", deck=deck, logo=_logo_uri(deck), sizes=logo_sizes())


def cards_html(cards: Cards) -> str:
    """The scenario cards to print: two to a page of the organization's paper, dashed to cut."""
    return _html("print/cards.html.j2", cards=cards)


def _html(template: str, **context: object) -> str:
    """Images come as data: URLs; nothing else is read (pdf/printer.py's WHOLE)."""
    from generator.jinja import environment

    return environment("html").get_template(template).render(**context)


def _logo_uri(deck: Deck) -> str | None:
    return deck.logo.data_uri() if deck.logo else None
