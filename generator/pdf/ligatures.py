"""Right-to-left ligatures that copy as the letters they are.

Arabic joins lam and alef into one glyph, so "الاحترام" is drawn with a lam-alef glyph whose
text (the PDF's ToUnicode map) WeasyPrint writes in reading order: lam, then alef. PDF
readers read a right-to-left line from the glyphs' positions and reverse it character by
character, that glyph's two letters too, so copying from Firefox's viewer (pdf.js) or
`pdftotext` (Poppler, as in Evince and Okular) gave "االحترام". Both give the right word
when a glyph's letters are written in the order they are drawn, right to left; so this
finisher reverses the text of every glyph that stands for more than one right-to-left
character. (pypdf reverses whole glyphs instead, and reads such a word the other way.)
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ENTRY = re.compile(rb"<([0-9a-f]+)> <([0-9a-f]{8,})>")  # a glyph whose text is 2+ characters
_RIGHT_TO_LEFT = {"R", "AL", "NSM"}  # Hebrew and Arabic letters, and the marks on them


def drawn_order(text: str) -> str:
    """The glyph's text as a reader that reverses right-to-left lines wants it."""
    if len(text) > 1 and all(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text):
        return text[::-1]
    return text


def _entry(match: re.Match[bytes]) -> bytes:
    text = bytes.fromhex(match.group(2).decode()).decode("utf-16-be")
    return b"<%s> <%s>" % (match.group(1), drawn_order(text).encode("utf-16-be").hex().encode())


def right_to_left_ligatures(document: object, pdf: Any) -> None:
    """A WeasyPrint finisher: rewrite the fonts' ToUnicode maps (the streams that hold
    `beginbfchar`) before the PDF is written."""
    for obj in pdf.objects:
        lines = getattr(obj, "stream", None)
        if isinstance(lines, list) and b"endbfchar" in lines:
            lines[:] = [_ENTRY.sub(_entry, line) if isinstance(line, bytes) else line for line in lines]
