"""The PDFs' fonts: the Noto files inside the package, and no others.

WeasyPrint finds fonts through fontconfig, which sees whatever the machine has installed, and
what a generic `sans-serif` means changes when fonts come and go: the same project then gave
different PDFs on two machines. A `BundledFonts` configuration starts from an empty fontconfig
configuration (none of the machine's fonts or rules) holding only the files in `FONTS`, with
every generic family an alias of them, so a project gives the same PDF bytes everywhere.
Noto Sans covers Latin, Greek and Cyrillic; Noto Sans Hebrew and Noto Sans Arabic the
right-to-left scripts. A character none of them has prints as an empty box on every machine.
`FONTS` (generator/fonts/, named in read/layout.py) is also the folder other engines (Typst) are
pointed at. The fonts are OFL-licensed (`FONTS / "OFL.txt"`).
"""

from __future__ import annotations

from pathlib import Path

from weasyprint.text.ffi import ffi, fontconfig, pangoft2
from weasyprint.text.fonts import FontConfiguration

from generator.read.layout import FONTS

FAMILIES = ("Noto Sans", "Noto Sans Hebrew", "Noto Sans Arabic")  # the order fallback tries them in
GENERIC = ("sans-serif", "serif", "monospace", "cursive", "fantasy", "system-ui")

ffi.cdef("FcConfig * FcConfigCreate (void);")  # fontconfig's own function; WeasyPrint does not declare it


def font_files() -> list[Path]:
    return sorted(FONTS.glob("*.ttf"))


def _aliases() -> bytes:
    prefer = "".join(f"<family>{family}</family>" for family in FAMILIES)
    aliases = "".join(f"<alias binding='same'><family>{g}</family><prefer>{prefer}</prefer></alias>" for g in GENERIC)
    return f'<?xml version="1.0"?><fontconfig>{aliases}</fontconfig>'.encode()


class BundledFonts(FontConfiguration):  # type: ignore[misc]  # WeasyPrint ships no types
    """WeasyPrint's font configuration with the bundled fonts in place of the machine's."""

    def __init__(self) -> None:
        super().__init__()  # the font map and WeasyPrint's caches; its system configuration is replaced below
        config = fontconfig.FcConfigCreate()
        if not fontconfig.FcConfigParseAndLoadFromMemory(config, _aliases(), True):
            raise RuntimeError("fontconfig refused the generic families' aliases")
        for path in font_files():
            if not fontconfig.FcConfigAppFontAddFile(config, str(path).encode()):
                raise RuntimeError(f"fontconfig cannot read {path}")
        font_map = ffi.cast("PangoFcFontMap *", self.font_map)
        pangoft2.pango_fc_font_map_set_config(font_map, config)  # the map keeps a reference, as in WeasyPrint
        fontconfig.FcConfigDestroy(config)
        self._config = config  # @font-face rules (a project's print overrides) are added to this one
