"""Files an organization brings: its pages, its own curriculum, its logo and favicon.

Every file a profile names is found through `org_file`, which resolves it and refuses it
unless its real path lies inside the organization's folder: a page that is a link to
`/etc/shadow`, or sits in a linked folder, would otherwise be published to the site, the
search index and the handbook PDF. Images are then checked to be what they claim, small
enough to show, and harmless: a PNG by its header, an SVG by being written again from the
parts we allow (svg.py). The bytes checked are the bytes published.
"""

from __future__ import annotations

import struct
from pathlib import Path

from generator.errors import InputError, display_path
from generator.models.image import Image
from generator.models.source import Loc, YamlFile
from generator.read.svg import RefusedSvgError, rebuild_svg

MAX_LOGO_BYTES = 2_000_000
MAX_SIDE = 4096  # pixels: a logo shows at most a few hundred pixels wide, a favicon far fewer
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def org_file(profile: YamlFile, loc: Loc, folder: Path, name: str, missing: tuple[str, str]) -> Path:
    """The real path of the file `name` that the profile names at `loc`, once it is known to be
    a regular file inside `folder`; `missing` is the message and hint when there is none.

    The folder itself is taken as it stands, not resolved, so a linked organization folder
    does not make the place it links to count as inside."""

    def fail(message: str, hint: str) -> InputError:
        return InputError([profile.problem(loc, f"{loc[0]}: {message}", hint)])

    path = folder / name
    if not path.exists():
        raise fail(*missing)
    real, home = path.resolve(), folder.parent.resolve() / folder.name
    if not real.is_relative_to(home):
        raise fail(
            "the file lies outside the organization's folder (through a link)",
            f"copy the file itself into {display_path(folder)}/",
        )
    if not real.is_file():
        raise fail("this is not a regular file", f"give the name of a file in {display_path(folder)}/")
    return real


def check_image(profile: YamlFile, loc: Loc, folder: Path, logo: str | None) -> Image | None:
    """The image the profile names at `loc`, checked, or None when it names none."""
    if logo is None:
        return None

    def fail(message: str, hint: str) -> InputError:
        return InputError([profile.problem(loc, f"{loc[-1]}: {message}", hint)])

    missing = (
        f"there is no file {display_path(folder / logo)}",
        f"put the file in {display_path(folder)}/ and write its name",
    )
    real = org_file(profile, loc, folder, logo, missing)
    if real.stat().st_size > MAX_LOGO_BYTES:
        raise fail("the file is larger than 2 MB", "use a smaller image (a logo is usually well under 200 KB)")
    data, suffix = real.read_bytes(), real.suffix.lower()
    if suffix == ".png":
        problem = png_problem(data)
        if problem:
            raise fail(*problem)
        return Image(suffix, data)
    if suffix == ".svg":
        try:
            return Image(suffix, rebuild_svg(data))
        except RefusedSvgError as refused:
            raise fail(
                str(refused), f"export the {loc[-1]} again as a plain SVG (no scripts, links or embedded fonts)"
            ) from None
    raise fail("only PNG and SVG logos are supported", "export the logo as .png or .svg")


def png_problem(data: bytes) -> tuple[str, str] | None:
    """Why this PNG cannot be shown (message, hint), from its header: browsers and WeasyPrint
    drop a 30,000 × 30,000 image without a word, though it may take only 100 KB on disk."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 24:
        return ("the file is not a PNG image", "export the logo as PNG or SVG")
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height:
        return ("the file is not a PNG image", "export the logo as PNG or SVG")
    if width > MAX_SIDE or height > MAX_SIDE:
        return (
            f"the image is {width:,} × {height:,} pixels; the largest Mentorbook accepts is {MAX_SIDE:,} × {MAX_SIDE:,}",
            "scale it down: a logo shows at most a few hundred pixels wide",
        )
    return None
