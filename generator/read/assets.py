"""Checks on files an organization brings (its logo): inside its folder, the right kind, harmless.

An SVG is a document that can run scripts and fetch other files; a handbook must do neither,
so an SVG with scripts, event handlers or outside references is refused, not cleaned.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.errors import InputError, display_path
from generator.read.yaml_file import Loc, Source

MAX_LOGO_BYTES = 2_000_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_OUTSIDE_REFERENCE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)


def check_image(profile: Source, loc: Loc, folder: Path, logo: str | None) -> Path | None:
    """The image's real path, after checking it stays in `folder` and is a safe PNG or SVG."""
    if logo is None:
        return None

    def fail(message: str, hint: str) -> InputError:
        return InputError([profile.problem(loc, f"{loc[-1]}: {message}", hint)])

    path = folder / logo
    if not path.exists():
        raise fail(
            f"there is no file {display_path(path)}", f"put the file in {display_path(folder)}/ and write its name"
        )
    real, home = path.resolve(), folder.resolve()
    if not real.is_relative_to(home):
        raise fail(
            "the file lies outside the organization's folder (through a link)",
            f"copy the file itself into {display_path(folder)}/",
        )
    if not real.is_file():
        raise fail("this is not a regular file", "give the name of a PNG or SVG file")
    if real.stat().st_size > MAX_LOGO_BYTES:
        raise fail("the file is larger than 2 MB", "use a smaller image (a logo is usually well under 200 KB)")
    data = real.read_bytes()
    suffix = real.suffix.lower()
    if suffix == ".png":
        if not data.startswith(PNG_SIGNATURE):
            raise fail("the file is not a PNG image", "export the logo as PNG or SVG")
    elif suffix == ".svg":
        problem = svg_problem(data)
        if problem:
            raise fail(problem, "export the logo again as a plain SVG (no scripts, links or embedded fonts)")
    else:
        raise fail("only PNG and SVG logos are supported", "export the logo as .png or .svg")
    return real


def svg_problem(data: bytes) -> str | None:
    """Why this SVG is not safe to publish, or None when it is."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return "the SVG declares a DOCTYPE or entities"
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return f"the SVG cannot be read ({error})"
    if not root.tag.endswith("svg"):
        return "the file is not an SVG image"
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject", "iframe", "embed", "object"):
            return f"the SVG contains a <{tag}> element"
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"the SVG contains an event handler ({local})"
            if local == "href" and not value.strip().startswith(("#", "data:image/png", "data:image/jpeg")):
                return f"the SVG refers to another file or address ({value[:40]})"
            if local == "style" and _OUTSIDE_REFERENCE.search(value):
                return "the SVG's styles refer to another file or address"
        if tag == "style" and element.text and _OUTSIDE_REFERENCE.search(element.text):
            return "the SVG's styles refer to another file or address"
    return None
