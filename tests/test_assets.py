"""Files an organization brings: SVGs written again from allowed parts, PNG sizes, and every
file a profile names kept inside the organization's folder. The bad-input corpus has the
messages; these tests pin what the copy holds and what the checks catch."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.plan import plan_build
from generator.plan.print.worksheets import PacketView
from generator.read.assets import MAX_SIDE, png_problem
from generator.read.profile import load_profile
from generator.read.project import load_project
from generator.read.svg import RefusedSvgError, rebuild_svg
from tests.conftest import copy_project

EDITED = b"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="https://example.com/a.css"?>
<!-- made by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 8 8" inkscape:version="1.3">
<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
<a href="#dot"><circle id="dot" r="4" style="fill: rgb(1, 2, 3)" data-x="1"><animate attributeName="r" values="4;3"/></circle></a>
<use xlink:href="#dot" href="#dot" xml:space="preserve"/><use href="#dot"/><text>a &lt; b &amp; "c"</text>
</svg>"""
REBUILT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">\n\n\n'
    b'<use href="#dot" xml:space="preserve"/><use href="#dot"/><text>a &lt; b &amp; "c"</text>\n</svg>\n'
)


def test_an_svg_is_written_again_from_allowed_parts_only() -> None:
    # `<a>` is not allowed, so it goes with what is inside it; the rest keeps its order.
    assert rebuild_svg(EDITED) == REBUILT


def test_the_same_svg_gives_the_same_bytes_in_any_encoding() -> None:
    text = EDITED.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert rebuild_svg(text.encode("utf-16")) == rebuild_svg(EDITED) == REBUILT


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>', "animation changes a link"),
        ('<a><animate attributeName=" XLINK:HREF " values="javascript:x"/></a>', "animation changes a link"),
        ('<rect><animate attributeName="onclick" values="alert(1)"/></rect>', "animation changes a link"),
        ('<a href="javascript:alert(1)"><rect/></a>', "another file or address"),
        ('<image href="data:image/png;base64,AAAA"/>', "another file or address"),
        ('<rect fill="url(https://example.org/x)"/>', "another file or address"),
        ('<rect style="fill: \\75rl(https://example.org/x)"/>', "backslash"),
        ("<style>@import 'https://example.org/a.css';</style>", "@ rule"),
        ("<style>rect { fill: image-set('https://example.org/x.png' 1x) }</style>", "image-set()"),
        ("<metadata><script>alert(1)</script></metadata>", "<script>"),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>', "<foreignobject>"),
        ('<g onload="alert(1)"/>', "event handler (onload)"),
        ("<text>&secret;</text>", "cannot be read (undefined entity"),
        ("<g>" * 101 + "</g>" * 101, "more than 100 levels"),
    ],
)
def test_what_would_run_or_reach_out_is_refused(body: str, why: str) -> None:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{body}</svg>'
    with pytest.raises(RefusedSvgError, match=why.replace("(", r"\(").replace(")", r"\)")):
        rebuild_svg(svg.encode())


def test_a_doctype_is_refused_in_any_encoding() -> None:
    svg = '<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>'
    for encoding in ("utf-8", "utf-16", "utf-16-be"):
        with pytest.raises(RefusedSvgError, match="DOCTYPE"):
            rebuild_svg(svg.encode(encoding))


def png(width: int, height: int) -> bytes:
    header = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))


def test_a_png_is_checked_by_its_pixels() -> None:
    assert png_problem(png(MAX_SIDE, MAX_SIDE)) is None
    assert "4,097 × 10 pixels" in png_problem(png(MAX_SIDE + 1, 10))[0]  # type: ignore[index]
    assert png_problem(png(0, 10)) == png_problem(b"\x89PNG\r\n\x1a\n") == png_problem(b"GIF89a")


@pytest.mark.slow
def test_the_pdf_shows_the_svg_as_written_again(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "organizations" / "org").mkdir()
    (root / "organizations" / "org" / "logo.svg").write_bytes(EDITED)
    profile = root / "organizations" / "org.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    project = load_project(root, profile)
    plan = plan_build(project)
    packets = [doc.front.logo for doc in plan.packets if isinstance(doc.front, PacketView)]
    for uri in (plan.handbook.book.cover.logo, *packets):
        assert uri is not None
        assert base64.b64decode(uri.removeprefix("data:image/svg+xml;base64,")) == REBUILT


def test_a_linked_organization_folder_is_not_inside_itself(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "faq.md").write_text("# FAQ\n", encoding="utf-8")
    (root / "organizations" / "org").symlink_to(elsewhere)
    profile = root / "organizations" / "org.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "pages: [faq.md]\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside the organization's folder"):
        load_profile(profile, None)
