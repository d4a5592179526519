"""Typst as the prototype uses it: one compiler per document, the template beside it, only
the fonts mentorbook.typ names (system fonts ignored: the same PDF on every machine that has
these files), the date from SOURCE_DATE_EPOCH (the same bytes every build).

The font files are the system's until the package bundles its own (issue 31): then FONTS
becomes that folder."""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import typst

from bench.typst_proto.ligatures import right_to_left_ligatures

HERE = Path(__file__).resolve().parent
FONTS = [
    Path("/usr/share/fonts/truetype/dejavu") / f"DejaVuSans{style}.ttf"
    for style in ("", "-Bold", "-Oblique", "-BoldOblique")
] + [
    Path("/usr/share/fonts/truetype/noto") / f"NotoSans{script}-{style}.ttf"
    for script, styles in (
        ("", ("Regular", "Bold", "Italic", "BoldItalic")),
        ("Arabic", ("Regular", "Bold")),
        ("Hebrew", ("Regular", "Bold")),
    )
    for style in styles
]


@functools.cache
def fonts() -> typst.Fonts:
    """The fonts, read once a process: Typst takes folders, so a folder of links to the files."""
    folder = Path(tempfile.mkdtemp(prefix="mentorbook-typst-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for path in FONTS:
        if path.exists():
            (folder / path.name).symlink_to(path)
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(folder)])


def pdf(source: str, tagged: bool = True) -> tuple[bytes, list[dict[str, Any]]]:
    """The PDF of `source` (PDF/UA-1 when `tagged`), and the fields it reported (forms.py).
    The source is compiled in a folder of its own beside a copy of mentorbook.typ: Typst's root,
    outside which it reads nothing."""
    with tempfile.TemporaryDirectory(prefix="mentorbook-typst-") as folder:
        shutil.copy(HERE / "mentorbook.typ", folder)
        main = Path(folder) / "main.typ"
        main.write_text(source, encoding="utf-8")
        made = typst.Compiler(str(main), root=folder, font_paths=fonts(), ignore_system_fonts=True)
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
        data = made.compile(format="pdf", pdf_standards=["ua-1"] if tagged else [], timestamp=epoch)
        assert isinstance(data, bytes)
        fields = json.loads(made.query("<mentorbook-field>", field="value"))
    return right_to_left_ligatures(data), list(fields)
