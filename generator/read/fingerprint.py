"""One content hash per organization over every input that can reach its handbook, so that a
build with nothing changed is skipped, and a change rebuilds exactly the organizations it reaches.

The hash is taken from the files themselves, before anything is parsed: reading and hashing
them takes 10 ms for 1,000 sessions, loading and validating them 0.3 s, and what follows much
longer. It covers more than strictly needed (every file in content/ and overrides/, every
source file of Mentorbook) because a skipped build that should have run is far worse than a
build that need not have.
"""

from __future__ import annotations

import hashlib
import os
import platform
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import generator
from generator.engines import installed

# Everything outside Mentorbook whose version changes the bytes of a handbook.
PACKAGES = (
    "mkdocs",
    "properdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "Markdown",
    "Jinja2",
    "weasyprint",
    "pydyf",
    "pypdf",
    "icalendar",
    "openpyxl",  # the pair tracker and the question bank's XLSForms
    "babel",
    "pydantic",
    "PyYAML",
    "zensical",
)
SHARED_FILES = ("curriculum.yaml", "mkdocs.yml", "site-settings.yaml")
SHARED_FOLDERS = ("content", "overrides")
PACKAGE = Path(generator.__file__).parent


def input_hash(root: Path, org_file: Path, engine: str) -> str:
    """A hex digest that changes whenever anything that reaches this organization's output does."""
    digest = hashlib.sha256()
    for label, value in sorted(_facts(engine).items()):
        _add(digest.update, f"fact:{label}", value.encode())
    for label, path in sorted(_files(root, org_file)):
        _add(digest.update, f"file:{label}", path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def _add(update: Callable[[bytes], None], label: str, data: bytes) -> None:
    """Each part goes in with its length first, so that no two different inputs hash alike."""
    for part in (label.encode(), data):
        update(len(part).to_bytes(8, "big") + part)


def _facts(engine: str) -> dict[str, str]:
    facts = {
        "engine": engine,
        "python": platform.python_version(),
        "mentorbook": generator.__version__,
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", ""),
        "site-engine": _site_engine(),
    }
    for name in PACKAGES:
        try:
            facts[f"package:{name}"] = metadata.version(name)
        except metadata.PackageNotFoundError:
            facts[f"package:{name}"] = ""
    return facts


def _site_engine() -> str:
    """The package that builds the site and its version: with both MkDocs and ProperDocs
    installed, the package list alone would not say which one did."""
    engine = installed()
    return f"{engine.package} {engine.version}" if engine else ""


def _files(root: Path, org_file: Path) -> Iterator[tuple[str, Path]]:
    """(label, path) of every input file; labels are relative, so the hash does not depend on
    where the project lives. A named file that is missing still counts (as missing)."""
    for name in SHARED_FILES:
        yield name, root / name
    for name in SHARED_FOLDERS:
        yield from _tree(root / name, name)
    yield "profile:" + org_file.name, org_file
    yield from _tree(org_file.parent / org_file.stem, "profile-folder:")
    yield from _tree(PACKAGE, "mentorbook:")


def _tree(folder: Path, label: str) -> Iterator[tuple[str, Path]]:
    """Every file below `folder`, in a stable order; linked folders are not followed (a link
    loop must not hang the build; what a build may read is checked elsewhere)."""
    if not folder.is_dir():
        return
    for top, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            path = Path(top) / name
            if path.suffix != ".pyc" and path.is_file():
                yield f"{label}/{path.relative_to(folder).as_posix()}", path
