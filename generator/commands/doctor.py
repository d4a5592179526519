"""`mentorbook doctor`: what this machine builds handbooks with, and the fix for each missing piece.

WeasyPrint needs Pango, a system library that pip cannot install: on Windows and macOS that
is where a first build most often stops. The site engine and its theme have dates of their
own (Material for MkDocs 9.x reaches its end of life on 5 May 2027), which a build in-process
never prints.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator import __version__
from generator.read.layout import FONTS, ORGANIZATIONS
from generator.site import engine

# Some of the files pdf/fonts.py gives WeasyPrint (a test keeps them in step): the package's
# own, so a build needs no fonts from the machine. Checked here without importing WeasyPrint,
# which fails where Pango is missing, before _pango can say so.
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansHebrew-Regular.ttf", "NotoSansArabic-Regular.ttf")


@dataclass(frozen=True)
class Finding:
    name: str
    ok: bool
    detail: str
    fix: str = ""  # how to get what is missing, or a recommendation
    optional: bool = False  # builds work without it: a note, and doctor still exits 0

    def __str__(self) -> str:
        status = "ok" if self.ok else "note" if self.optional else "MISSING"
        text = f"{status}  {self.name}: {self.detail}"
        return f"{text}\n      {self.fix}" if self.fix else text

    @property
    def blocks(self) -> bool:
        """Whether a build cannot work without what this finding lacks."""
        return not (self.ok or self.optional)


def examine() -> list[Finding]:
    checks: list[Callable[[], Finding]] = [_engine, _theme, _pango, _fonts]
    return [check() for check in checks] + _schemas(Path.cwd())


def _engine() -> Finding:
    found = engine.installed()
    if found is None:
        return Finding("site engine", False, "neither MkDocs nor ProperDocs is installed", engine.INSTALL_HINT)
    if found.package == "mkdocs":
        advice = "MkDocs 1.x is no longer maintained; ProperDocs is its maintained continuation and builds the same site: `pip install properdocs==1.6.7`, then `pip uninstall mkdocs`"
        return Finding("site engine", True, f"MkDocs {found.version}", advice)
    return Finding("site engine", True, f"ProperDocs {found.version} (the maintained continuation of MkDocs 1.x)")


def _theme() -> Finding:
    try:
        version = metadata.version(engine.THEME)
    except metadata.PackageNotFoundError:
        return Finding("theme", False, "Material for MkDocs is not installed", "`pip install mkdocs-material==9.8.2`")
    detail = f"Material for MkDocs {version}: end of life on {engine.THEME_END_OF_LIFE} (critical and security fixes until then)"
    return Finding("theme", True, detail)


def _pango() -> Finding:
    try:
        import weasyprint
        from weasyprint.text.ffi import pango
    except (OSError, ImportError) as error:  # the library itself or one it loads is missing
        return Finding("PDFs", False, f"WeasyPrint cannot load Pango ({error})", _pango_fix())
    major, rest = divmod(int(pango.pango_version()), 10000)
    return Finding("PDFs", True, f"WeasyPrint {weasyprint.__version__} with Pango {major}.{rest // 100}.{rest % 100}")


def _pango_fix() -> str:
    system = platform.system()
    if system == "Darwin":
        return "install Pango with Homebrew: `brew install pango`"
    if system == "Windows":
        return (
            "install MSYS2 (msys2.org), run `pacman -S mingw-w64-x86_64-pango` in its shell, then set"
            " WEASYPRINT_DLL_DIRECTORIES=C:\\msys64\\mingw64\\bin (see WeasyPrint's installation guide)"
        )
    return "install Pango: `sudo apt install libpango-1.0-0 libpangoft2-1.0-0` (Debian, Ubuntu) or `sudo dnf install pango` (Fedora)"


def _fonts() -> Finding:
    missing = [name for name in FONT_FILES if not (FONTS / name).is_file()]
    if missing:
        fix = (
            "reinstall Mentorbook (`pip install --force-reinstall` the wheel or the package): its fonts ship inside it"
        )
        return Finding("fonts", False, f"{', '.join(missing)} missing from {FONTS}", fix)
    detail = f"Noto Sans, Noto Sans Hebrew and Noto Sans Arabic, inside the package ({FONTS}); PDFs use no other font"
    return Finding("fonts", True, detail)


def _schemas(root: Path) -> list[Finding]:
    """In a handbook project: whether its schemas/ (for editors) match the installed version's."""
    from generator.commands.schema import SCHEMAS, schema_text

    folder = root / "schemas"
    if not (root / ORGANIZATIONS).is_dir() or not folder.is_dir():
        return []
    stale = [
        f"{name}.schema.json"
        for name in SCHEMAS
        if not (folder / f"{name}.schema.json").is_file()
        or (folder / f"{name}.schema.json").read_text(encoding="utf-8", errors="replace") != schema_text(name)
    ]
    if not stale:
        return [Finding("schemas", True, f"schemas/ match Mentorbook {__version__}")]
    detail = f"schemas/ are older than Mentorbook {__version__} (or changed by hand): {', '.join(stale)}"
    fix = "run `mentorbook schema` here, so that your editor checks your files against this version"
    return [Finding("schemas", False, detail, fix, optional=True)]
