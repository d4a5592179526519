"""Filling a fillable PDF with pypdf, as a person with a PDF reader would: a text field's
text, a radio group's chosen point (by its label). A value that is not among a group's
points is written anyway: that is how a tampered form looks."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject


def fill(blank: Path, values: Mapping[str, str], target: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(blank))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            field = widget["/Parent"].get_object() if "/Parent" in widget else widget
            name = str(field.get("/T", ""))
            if name not in values:
                continue
            value = values[name]
            if field.get("/FT") == "/Btn":
                state = NameObject("/" + value)
                field[NameObject("/V")] = state
                states = widget["/AP"]["/N"].keys()
                widget[NameObject("/AS")] = state if state in states else NameObject("/Off")
            else:
                field[NameObject("/V")] = TextStringObject(value)
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())
    return target


def restamp(source: Path, keywords: str, target: Path) -> Path:
    """The same filled form with other keywords: how a form of another version looks."""
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.add_metadata({"/Keywords": keywords})
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())
    return target
