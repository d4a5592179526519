"""Which MkDocs builds the site: MkDocs 1.6 itself, or ProperDocs 1.6, its maintained
continuation, whichever is installed. Both offer the same `mkdocs` API and build the same site.

ProperDocs installs as the `properdocs` package; `import mkdocs…` finds it only after
`import properdocs.replacement` (its own command line does that first). So that import
happens here, before anything imports MkDocs: `generator.site` does it as it is imported.
With both installed, ProperDocs is used: MkDocs usually arrives only as a dependency of
Material, ProperDocs only when chosen.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib import metadata, util

from generator.errors import InputError, Problem

PACKAGES = ("properdocs", "mkdocs")  # in the order of preference
THEME = "mkdocs-material"
# Material for MkDocs 9.x says so in its own banner, which it prints only when the program is
# called `mkdocs`: a build in-process never shows it, so `mentorbook doctor` does.
THEME_END_OF_LIFE = "5 May 2027"
INSTALL_HINT = "install one: `pip install properdocs==1.6.7` (maintained) or `pip install mkdocs==1.6.1`"


@dataclass(frozen=True)
class Engine:
    package: str  # the distribution that provides `mkdocs`: properdocs or mkdocs
    version: str


def installed() -> Engine | None:
    """The engine package present, or None. Looks, imports nothing."""
    for name in PACKAGES:
        if util.find_spec(name) is not None:
            return Engine(name, _version(name))
    return None


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


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # importable but not installed (a checkout on sys.path)
        return "unknown"
