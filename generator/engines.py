"""Which site engine is installed: MkDocs 1.6 itself, or ProperDocs 1.6, its maintained
continuation. A leaf: it looks and imports nothing, so that read/fingerprint.py can name the
engine in a build's input hash without importing site/ (site/engine.py readies the one found).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata, util

PACKAGES = ("properdocs", "mkdocs")  # in the order of preference


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


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # importable but not installed (a checkout on sys.path)
        return "unknown"
