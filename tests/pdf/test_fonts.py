"""The PDFs' fonts are the package's own Noto files and no others: a machine without fonts, or
with other fonts under the same generic names, makes the same PDF bytes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from weasyprint import HTML

from generator.commands import doctor
from generator.pdf.fonts import FAMILIES, FONTS, BundledFonts, font_files
from tests.conftest import copy_repo

# Every way a page could name a font, and the scripts the fonts cover.
PAGE = """<html lang="en"><body style="font-family: sans-serif">
<p>Plain, <b>bold</b>, <i>italic</i> and <b><i>both</i></b>. Привет. Γειά.</p>
<p style="font-family: serif">serif</p><p style="font-family: monospace">monospace</p>
<p style="font-family: 'DejaVu Sans', Arial, Helvetica">a system font by name</p>
<p dir="rtl" lang="he">שלום <b>עולם</b></p><p dir="rtl" lang="ar">الاحترام <b>مرحبا</b></p>
</body></html>"""

FONTLESS = '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n'  # fontconfig with no fonts at all


def _font_names(pdf: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return {
            str(font.BaseFont).split("+", 1)[-1]
            for page in document.pages
            for font in page.Resources.Font.values()  # type: ignore[attr-defined]
        }


def test_only_the_bundled_fonts_reach_a_pdf() -> None:
    pdf = HTML(string=PAGE).write_pdf(font_config=BundledFonts())
    assert _font_names(pdf) == {
        "Noto-Sans",
        "Noto-Sans-Bold",
        "Noto-Sans-Italic",
        "Noto-Sans-Bold-Italic",
        "Noto-Sans-Hebrew",
        "Noto-Sans-Hebrew-Bold",
        "Noto-Sans-Arabic",
        "Noto-Sans-Arabic-Bold",
    }


def test_the_fonts_folder_holds_each_family_and_its_licence() -> None:
    names = {path.name for path in font_files()}
    assert set(doctor.FONT_FILES) <= names and doctor.FONTS == FONTS
    assert {name.split("-")[0] for name in names} == {family.replace(" ", "") for family in FAMILIES}
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text()


def test_doctor_is_content_with_the_bundled_fonts() -> None:
    finding = doctor._fonts()
    assert finding.ok and "inside the package" in finding.detail


def _build(project: Path, out: str, **env: str) -> dict[str, bytes]:
    command = [sys.executable, "-m", "generator", "build", "-q", "--out", out]
    done = subprocess.run(command, cwd=project, env={**os.environ, **env}, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert not done.stderr, done.stderr  # no warning about the missing fonts either
    return {str(p.relative_to(project / out)): p.read_bytes() for p in sorted((project / out).rglob("*.pdf"))}


@pytest.mark.slow
def test_the_example_gives_the_same_pdfs_on_a_machine_without_fonts(tmp_path: Path) -> None:
    project = copy_repo(tmp_path / "project")
    fontless = tmp_path / "fonts.conf"
    fontless.write_text(FONTLESS)
    listed = subprocess.run(["fc-list"], env={**os.environ, "FONTCONFIG_FILE": str(fontless)}, capture_output=True)
    assert listed.stdout == b""  # that machine has no fonts at all
    without = _build(project, "without", FONTCONFIG_FILE=str(fontless))
    this_machine = _build(project, "with")  # Debian's Noto, DejaVu and CJK fonts, as `make test` installs them
    assert len(without) > 30
    assert without.keys() == this_machine.keys()
    assert [name for name in without if without[name] != this_machine[name]] == []
