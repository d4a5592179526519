"""The facilitator's decks (plan/site/slides.py) made into .pptx bytes for the write stage, with
python-pptx: 16:9, a title slide and a slide for each step in the organization's colour, and
the script as each slide's speaker notes. Facilitators open and edit them in PowerPoint,
Keynote or LibreOffice.

Byte-stable under SOURCE_DATE_EPOCH: the core properties are dated the build's time and the
archive is written again with every entry dated so (sheets.stable_zip). Text goes in as text:
a run's text is never a field or a formula in a presentation.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from generator.plan.site.slides import Deck, Slide
from generator.sheets import stable_zip

if TYPE_CHECKING:
    from pptx.presentation import Presentation

WIDTH, HEIGHT = 12_192_000, 6_858_000  # 13.333 x 7.5 inches, in EMU: 16:9
MARGIN = 457_200  # half an inch
BAND = 1_143_000  # the coloured band behind a slide's title
WHITE = "FFFFFF"
INK = "1A1A1A"


def decks(planned: tuple[Deck, ...]) -> dict[str, bytes]:
    """Every planned deck, by its path in the docs folder."""
    return {deck.path: deck_pptx(deck) for deck in planned}


def deck_pptx(deck: Deck) -> bytes:
    from pptx import Presentation
    from pptx.util import Emu

    show = Presentation()
    show.slide_width, show.slide_height = Emu(WIDTH), Emu(HEIGHT)
    _title_slide(show, deck)
    for slide in deck.slides:
        _step_slide(show, deck, slide)
    moment = deck.built.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    props = show.core_properties
    props.title, props.author, props.last_modified_by = deck.title, deck.organization, deck.organization
    props.created = props.modified = moment
    props.revision = 1
    raw = io.BytesIO()
    show.save(raw)
    return stable_zip(raw.getvalue(), moment)


def _box(show: Presentation, slide: object, left: int, top: int, width: int, height: int, fill: str | None) -> object:
    from pptx.enum.shapes import MSO_SHAPE

    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)  # type: ignore[attr-defined]
    shape.line.fill.background()
    if fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
    else:
        shape.fill.background()
    return shape


def _rgb(hex_colour: str) -> object:
    from pptx.dml.color import RGBColor

    return RGBColor(*(int(hex_colour[n : n + 2], 16) for n in (0, 2, 4)))  # type: ignore[no-untyped-call]


def _write(shape: object, lines: list[str], size: int, colour: str, bold: bool = False) -> None:
    from pptx.util import Pt

    frame = shape.text_frame  # type: ignore[attr-defined]
    frame.word_wrap = True
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = _rgb(colour)


def _blank(show: Presentation) -> object:
    return show.slides.add_slide(show.slide_layouts[6])  # the default template's blank layout


def _title_slide(show: Presentation, deck: Deck) -> None:
    slide = _blank(show)
    colour = deck.colour.lstrip("#").upper()
    _box(show, slide, 0, 0, WIDTH, HEIGHT, colour)
    title = _box(show, slide, MARGIN * 2, HEIGHT // 3, WIDTH - MARGIN * 4, BAND * 2, None)
    _write(title, [deck.title], 40, WHITE, bold=True)
    below = _box(show, slide, MARGIN * 2, HEIGHT // 3 + BAND * 2, WIDTH - MARGIN * 4, BAND * 2, None)
    _write(below, [deck.organization, deck.subtitle], 20, WHITE)


def _step_slide(show: Presentation, deck: Deck, step: Slide) -> None:
    slide = _blank(show)
    band = _box(show, slide, 0, 0, WIDTH, BAND, deck.colour.lstrip("#").upper())
    _write(band, [step.title], 30, WHITE, bold=True)
    if step.points:
        body = _box(show, slide, MARGIN, BAND + MARGIN, WIDTH - MARGIN * 2, HEIGHT - BAND - MARGIN * 2, None)
        _write(body, [f"• {point}" for point in step.points], 24, INK)
    foot = _box(show, slide, MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN * 2, MARGIN, None)
    _write(foot, [f"{deck.organization} · {deck.title}"], 12, INK)
    if step.notes:
        slide.notes_slide.notes_text_frame.text = step.notes  # type: ignore[attr-defined]
