"""Which MkDocs builds the site: MkDocs 1.6 itself, or ProperDocs 1.6, its maintained
continuation, whichever is installed. Both offer the same `mkdocs` API and build the same site.

ProperDocs installs as the `properdocs` package; `import mkdocs…` finds it only after
`import properdocs.replacement` (its own command line does that first). So that import
happens here, before anything imports MkDocs: `generator.site` does it as it is imported.
With both installed, ProperDocs is used: MkDocs usually arrives only as a dependency of
Material, ProperDocs only when chosen. Which one is installed is looked up in
generator/engines.py, a leaf that read/ can ask too.
"""

from __future__ import annotations

import importlib

from generator.engines import Engine, installed
from generator.errors import InputError, Problem

THEME = "mkdocs-material"
# Material for MkDocs 9.x says so in its own banner, which it prints only when the program is
# called `mkdocs`: a build in-process never shows it, so `mentorbook doctor` does.
THEME_END_OF_LIFE = "5 May 2027"
INSTALL_HINT = "install one: `pip install properdocs==1.6.7` (maintained) or `pip install mkdocs==1.6.1`"

__all__ = ["INSTALL_HINT", "THEME", "THEME_END_OF_LIFE", "Engine", "installed", "redirect", "require"]


def redirect() -> None:
    """Make `import mkdocs…` reach ProperDocs when it is the engine. Safe to call again."""
    engine = installed()
    if engine and engine.package == "properdocs":
        importlib.import_module("properdocs.replacement")


def require() -> Engine:
    """The engine, ready to import, or a clear message on how to install one."""
    engine = installed()
    if engine is None:
        raise InputError(
            [Problem("mentorbook build", 0, 0, "neither MkDocs nor ProperDocs is installed", INSTALL_HINT)]
        )
    redirect()
    return engine
