"""Mending WeasyPrint 70's form fields before the PDF is written (its `finisher` hook).

WeasyPrint names a radio button's "on" state by its position (`/0`, `/1`, …) and keeps the
labels in the group's `/Opt`, so a filled form exports `/1` where a reader wrote "Halfway";
and it lists every button in the AcroForm's `/Fields` as well as the group, so a form of 5
questions has 19 fields, and some readers see `a:b.a:b` fields beside the group. Here each
button's state is named by its label (what a filled form then exports, and what `results`
reads), `/Opt` goes, and `/Fields` holds only top-level fields: a button is only a widget.
"""

from __future__ import annotations

from typing import Any

# Bytes a PDF name may hold as they are (PDF 1.7, 7.3.5); every other byte is written `#xx`.
_REGULAR = frozenset(range(0x21, 0x7F)) - frozenset(b"()<>[]{}/%#")


def pdf_name(text: str) -> str:
    """`text` as the body of a PDF name (without its `/`), UTF-8 with `#xx` escapes."""
    return "".join(chr(b) if b in _REGULAR else f"#{b:02X}" for b in text.encode())


def tidy_form_fields(document: object, pdf: Any) -> None:
    """The finisher: label-named radio states and top-level `/Fields` only (see the docstring)."""
    objects: dict[int, Any] = {obj.number: obj for obj in pdf.objects if isinstance(obj, dict)}  # type: ignore[attr-defined]
    kids: set[int] = set()
    for obj in list(objects.values()):
        if "Kids" in obj and "Opt" in obj:
            kids |= _name_states_by_label(obj, objects)
        if obj.get("Subtype") == "/Widget" and "Parent" in obj:
            kids.add(_number(obj.reference))
            for key in ("T", "TU", "FT"):
                obj.pop(key, None)
    form = pdf.catalog.get("AcroForm")
    if form is not None and kids:
        form["Fields"] = type(form["Fields"])(ref for ref in form["Fields"] if _number(ref) not in kids)


def _name_states_by_label(group: dict[str, Any], objects: dict[int, Any]) -> set[int]:
    labels = [_text(label) for label in group.pop("Opt")]
    numbers = [_number(ref) for ref in group["Kids"]]
    for position, (number, label) in enumerate(zip(numbers, labels, strict=True)):
        widget, name = objects[number], pdf_name(label)
        appearance = widget["AP"]["N"]
        appearance[name] = appearance.pop(position)
        if widget.get("AS") == f"/{position}":
            widget["AS"] = f"/{name}"
        if group.get("V") == f"/{position}":
            group["V"] = f"/{name}"
    return set(numbers)


def _number(reference: bytes) -> int:
    """The object number of a pydyf reference (`b"12 0 R"`)."""
    return int(reference.split()[0])


def _text(string: Any) -> str:
    """A pydyf String's text (it keeps what it was given)."""
    return str(getattr(string, "string", string))
