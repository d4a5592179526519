"""An organization's SVG, read without trusting it and written again from what we allow.

An SVG is a document: it can run script (`<script>`, `onload`, a `<set>` that turns a link
into `javascript:`), fetch other files (`href`, `url(...)`, `@import`) and, through a DOCTYPE,
define entities that bring in text from elsewhere. A search of the bytes misses what an
encoding hides (a UTF-16 file), and a list of bad things misses the next one. So the file is
parsed by expat, which reads the encoding from the byte order mark or the XML declaration,
with no DOCTYPE (hence no entities and no outside references) allowed, and a new SVG is
written that holds only the elements and attributes listed here: shapes, text, gradients,
clips, masks and simple filters, with links only to its own parts (`#name`). That copy, in
UTF-8 and the same bytes for the same file, is the one the site and the PDFs use.

What would run or reach out is refused with its name, so that the organization knows why its
logo was not used; what is merely not needed (an editor's metadata, comments, animation of
shapes) is left out of the copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
MAX_DEPTH = 100


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


ELEMENTS = _names(
    "svg g defs symbol use title desc path rect circle ellipse line polyline polygon text tspan textPath "
    "linearGradient radialGradient stop pattern clipPath mask marker style filter feBlend feColorMatrix "
    "feComponentTransfer feFuncR feFuncG feFuncB feFuncA feComposite feDropShadow feFlood feGaussianBlur "
    "feMerge feMergeNode feMorphology feOffset"
)
ATTRIBUTES = _names(
    "id class style transform viewBox preserveAspectRatio version width height x y x1 y1 x2 y2 cx cy r rx ry "
    "fx fy fr d points pathLength dx dy rotate textLength lengthAdjust startOffset method spacing offset "
    "gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits patternTransform "
    "clipPathUnits maskUnits maskContentUnits filterUnits primitiveUnits markerWidth markerHeight markerUnits "
    "refX refY orient in in2 result stdDeviation mode type values operator k1 k2 k3 k4 radius "
    "tableValues slope intercept amplitude exponent fill fill-opacity fill-rule stroke stroke-width "
    "stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity "
    "opacity color display visibility overflow clip-path clip-rule mask filter marker-start marker-mid "
    "marker-end font-family font-size font-weight font-style font-variant font-stretch text-anchor "
    "dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing text-decoration "
    "writing-mode direction unicode-bidi stop-color stop-opacity flood-color flood-opacity lighting-color "
    "color-interpolation color-interpolation-filters shape-rendering text-rendering image-rendering "
    "vector-effect paint-order mix-blend-mode isolation lang role aria-label aria-labelledby "
    "aria-describedby aria-hidden"
)
XML_ATTRIBUTES = frozenset({"space", "lang"})
ACTIVE = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
ANIMATION = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor", "discard"})
CSS_FUNCTIONS = _names(
    "url rgb rgba hsl hsla hwb lab lch oklab oklch calc min max clamp var translate translatex translatey "
    "rotate scale scalex scaley skew skewx skewy matrix"
)
_CSS_FUNCTION = re.compile(r"([\w-]+)\s*\(")
_OUTSIDE_REFERENCE = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
_FRAGMENT = re.compile(r"#[\w.:-]+")


class RefusedSvgError(ValueError):
    """The SVG holds something that would run or reach out; the message names it."""


@dataclass
class _Element:
    name: str
    attributes: list[tuple[str, str]]
    children: list[_Element | str] = field(default_factory=list)


def rebuild_svg(data: bytes) -> bytes:
    """The SVG written again from allowed parts only; RefusedSvgError says what is not allowed."""
    return _Reader().read(data)


class _Reader:
    """Expat's callbacks, building the tree of kept elements as the file is read. `skipping`
    counts how deep we are inside an element left out: everything in it is left out too."""

    def __init__(self) -> None:
        self.root: _Element | None = None
        self.open: list[_Element] = []
        self.skipping = 0
        self.depth = 0

    def read(self, data: bytes) -> bytes:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.ordered_attributes = True  # the order written: the same bytes out for the same file
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = _refuse_doctype
        parser.EntityDeclHandler = _refuse_doctype
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        try:
            parser.Parse(data, True)
        except expat.ExpatError as error:
            raise RefusedSvgError(
                f"the SVG cannot be read ({expat.ErrorString(error.code)}, line {error.lineno})"
            ) from None
        if self.root is None:
            raise RefusedSvgError("the file is not an SVG image")
        return _serialize(self.root).encode("utf-8") + b"\n"

    def start(self, name: str, flat: list[str]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RefusedSvgError(f"the SVG is nested more than {MAX_DEPTH} levels deep")
        namespace, local = _split(name)
        attributes = list(zip(flat[::2], flat[1::2], strict=True))
        _refuse_active(local, attributes)
        known = namespace in ("", SVG) and local in ELEMENTS
        if self.root is None and not (known and local == "svg"):
            raise RefusedSvgError("the file is not an SVG image")
        if self.skipping or not known:
            self.skipping += 1
            return
        element = _Element(local, _kept(attributes))
        if self.open:
            self.open[-1].children.append(element)
        else:
            self.root = element
        self.open.append(element)

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
            return
        element = self.open.pop()
        if element.name == "style":
            problem = _css_problem("".join(c for c in element.children if isinstance(c, str)))
            if problem:
                raise RefusedSvgError(problem)

    def text(self, data: str) -> None:
        if self.open and not self.skipping:
            children = self.open[-1].children
            if children and isinstance(children[-1], str):
                children[-1] += data
            else:
                children.append(data)


def _refuse_doctype(*_: object) -> None:
    raise RefusedSvgError("the SVG declares a DOCTYPE or entities")


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _refuse_active(local: str, attributes: list[tuple[str, str]]) -> None:
    """Refuse what runs or reaches out, wherever it stands (even in a part left out)."""
    tag = local.lower()
    if tag in ACTIVE:
        raise RefusedSvgError(f"the SVG contains a <{tag}> element")
    for name, value in attributes:
        attribute = _split(name)[1].lower()
        if attribute.startswith("on"):
            raise RefusedSvgError(f"the SVG contains an event handler ({attribute})")
        if attribute == "href" and not _FRAGMENT.fullmatch(value.strip()):
            raise RefusedSvgError(f"the SVG refers to another file or address ({value.strip()[:40]})")
        problem = _css_problem(value) if attribute == "style" else None
        if problem or _OUTSIDE_REFERENCE.search(value):
            raise RefusedSvgError(problem or f"the SVG refers to another file or address ({value.strip()[:40]})")
        if tag in ANIMATION and attribute == "attributename":
            target = value.strip().rpartition(":")[2].lower()
            if target == "href" or target.startswith("on"):
                raise RefusedSvgError(
                    f'the SVG\'s animation changes a link or an event handler (<{local} attributeName="{value}">)'
                )


def _css_problem(css: str) -> str | None:
    """Why a style is not allowed, or None. CSS is checked by what it may hold, not by what it
    may not: the colour, size and transform functions, `url(#name)`, no `@` rules (`@import`,
    `@font-face`) and no backslash escapes (with which `\\75rl(` is `url(`)."""
    if "@" in css:
        return "the SVG's styles use an @ rule (such as @import or @font-face)"
    if "\\" in css:
        return "the SVG's styles use a backslash escape"
    for match in _CSS_FUNCTION.finditer(css):
        if match.group(1).lower() not in CSS_FUNCTIONS:
            return f"the SVG's styles use {match.group(1)}(), which may load other files"
    return "the SVG's styles refer to another file or address" if _OUTSIDE_REFERENCE.search(css) else None


def _kept(attributes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The allowed attributes, as SVG 2 writes them: `xlink:href` becomes `href` (the first of
    the two when both are there: an attribute written twice would make the file unreadable)."""
    kept: dict[str, str] = {}
    for name, value in attributes:
        namespace, local = _split(name)
        if (namespace == "" and local in ATTRIBUTES) or (namespace in ("", XLINK) and local == "href"):
            kept.setdefault(local, value)
        elif namespace == XML and local in XML_ATTRIBUTES:
            kept.setdefault(f"xml:{local}", value)
    return list(kept.items())


def _serialize(root: _Element) -> str:
    out: list[str] = []
    _write(root, out, f' xmlns="{SVG}"')
    return "".join(out)


def _write(element: _Element, out: list[str], extra: str = "") -> None:
    attributes = "".join(f' {name}="{_escape(value, quote=True)}"' for name, value in element.attributes)
    if not element.children:
        out.append(f"<{element.name}{extra}{attributes}/>")
        return
    out.append(f"<{element.name}{extra}{attributes}>")
    for child in element.children:
        if isinstance(child, str):
            out.append(_escape(child))
        else:
            _write(child, out)
    out.append(f"</{element.name}>")


def _escape(text: str, *, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text
