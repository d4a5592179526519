"""Form fields after layout: Typst makes none, so the fillable worksheet's spaces report where
they were laid out (mentorbook.typ's `field`: page, x, y from the page's top, width, height in
points) and this adds a PDF form field at each place with pikepdf.

Text fields (one line, or several for `lines`), tick boxes and radio groups (a rating: one
field, a widget for each point, whose state is named by the point's words, as
generator/pdf/forms.py names WeasyPrint's). Each widget is also put into the structure tree as
a `Form` element, so the tagged PDF keeps its fields in reading order.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

MULTILINE = 1 << 12
RADIO = (1 << 15) | (1 << 14)  # a radio group that cannot be unticked to nothing
TEXT_STYLE = "/Helv 0 Tf 0 g"


def add_fields(data: bytes, fields: Iterable[dict[str, Any]]) -> bytes:
    """`data` with a form field at each reported place, in the order they were laid out."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        form = _acroform(pdf)
        groups: dict[str, pikepdf.Object] = {}
        for spec in fields:
            page = pdf.pages[int(spec["page"]) - 1]
            widget = pdf.make_indirect(_widget(pdf, page, spec))
            if "/Annots" not in page.obj:
                page.obj.Annots = pdf.make_indirect(Array())
            page.obj.Annots.append(widget)
            page.obj.Tabs = Name.S
            if spec["kind"] == "radio":
                parent = groups.get(spec["name"])
                if parent is None:
                    parent = groups[spec["name"]] = pdf.make_indirect(_radio_group(spec["name"]))
                    form.Fields.append(parent)
                widget.Parent = parent
                parent.Kids.append(widget)
            else:
                form.Fields.append(widget)
            _tag(pdf, page, widget, spec)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _acroform(pdf: Pdf) -> pikepdf.Object:
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    )
    pdf.Root.AcroForm = Dictionary(
        Fields=Array(), DA=String(TEXT_STYLE), DR=Dictionary(Font=Dictionary(Helv=font)), NeedAppearances=True
    )
    form: pikepdf.Object = pdf.Root.AcroForm
    return form


def _rect(page: pikepdf.Page, spec: dict[str, Any]) -> Array:
    top = float(page.mediabox[3])
    x, y, w, h = (float(spec[k]) for k in ("x", "y", "w", "h"))
    return Array([x, top - y - h, x + w, top - y])


def _widget(pdf: Pdf, page: pikepdf.Page, spec: dict[str, Any]) -> Dictionary:
    widget = Dictionary(Type=Name.Annot, Subtype=Name.Widget, Rect=_rect(page, spec), F=4, P=page.obj)
    kind = spec["kind"]
    if kind in ("text", "lines"):
        widget.FT, widget.T, widget.DA = Name.Tx, String(spec["name"]), String(TEXT_STYLE)
        widget.TU = String(spec["name"])
        if kind == "lines":
            widget.Ff = MULTILINE
        return widget
    on = Name("/" + (spec.get("value") or "Yes"))
    box = float(spec["w"])
    widget.AP = Dictionary(N=Dictionary({str(on): _tick(pdf, box), "/Off": _empty(pdf, box)}))
    widget.AS = Name.Off
    widget.MK = Dictionary(CA=String("4"))
    if kind == "checkbox":
        widget.FT, widget.T, widget.V = Name.Btn, String(spec["name"]), Name.Off
        widget.TU = String(spec["name"])
    return widget


def _radio_group(name: str) -> Dictionary:
    return Dictionary(FT=Name.Btn, Ff=RADIO, T=String(name), TU=String(name), V=Name.Off, Kids=Array())


def _tick(pdf: Pdf, size: float) -> pikepdf.Stream:
    inset = size * 0.22
    drawing = f"0 g {inset:.2f} {inset:.2f} {size - 2 * inset:.2f} {size - 2 * inset:.2f} re f".encode()
    return _form_xobject(pdf, size, drawing)


def _empty(pdf: Pdf, size: float) -> pikepdf.Stream:
    return _form_xobject(pdf, size, b"q Q")  # nothing drawn (pdf.js warns of an empty stream)


def _form_xobject(pdf: Pdf, size: float, drawing: bytes) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, drawing)
    stream.Type, stream.Subtype, stream.BBox = Name.XObject, Name.Form, Array([0, 0, size, size])
    return stream


def _tag(pdf: Pdf, page: pikepdf.Page, widget: pikepdf.Object, spec: dict[str, Any]) -> None:
    """A `Form` structure element for the widget (PDF/UA 7.18.4), at the end of the document's
    structure: Typst's own tree has no place for it. The parent tree maps the widget back."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    document = root.K[0] if isinstance(root.K, Array) else root.K
    reference = Dictionary(Type=Name.OBJR, Obj=widget, Pg=page.obj)
    element = pdf.make_indirect(
        Dictionary(Type=Name.StructElem, S=Name.Form, P=document, Pg=page.obj, K=reference, Alt=String(spec["name"]))
    )
    kids = document.K if isinstance(document.K, Array) else Array([document.K])
    kids.append(element)
    document.K = kids
    tree = root.ParentTree
    nums = tree.get("/Nums")
    if nums is None:
        return
    key = int(root.get("/ParentTreeNextKey", len(nums) // 2))
    nums.extend([pikepdf.Object.parse(str(key).encode()), element])
    root.ParentTreeNextKey = key + 1
    widget.StructParent = key
