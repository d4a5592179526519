"""Where a handbook project's files are: its own, or the ones shipped inside Mentorbook.

A project is a folder that holds `organizations/` (or its own `curriculum.yaml`). Everything
else has a shipped default: the curriculum, the guides in `content/`, the base `mkdocs.yml` and
the theme overrides it names (and the evaluation instruments, which a project cannot replace). A
project's own file, when present, wins; so the package is the one source of the shipped
material, and upgrading Mentorbook brings the new curriculum to every project that did not take
a copy of it.

In the repository the shipped files sit at its top level, where the design card puts them (the
repository is itself a handbook project); the wheel and the sdist carry them inside the package,
in `generator/shipped/` (setup.py's `build_py` copies them there). `shipped_root()` finds either.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import InputError, Problem, UsageError, display_path

PACKAGE = Path(__file__).resolve().parent.parent  # generator/
FONTS = PACKAGE / "fonts"  # the PDFs' fonts, OFL.txt beside them: pdf/fonts.py
CURRICULUM = "curriculum.yaml"
CONTENT = "content"
BASE_CONFIG = "mkdocs.yml"
INSTRUMENTS = "instruments.yaml"
THEME = "overrides"
# What Mentorbook ships besides code: at the repository's top level, in generator/shipped/ when
# installed. setup.py copies exactly these; tests/test_package.py checks the wheel carries them.
SHIPPED_NAMES = (CURRICULUM, INSTRUMENTS, CONTENT, BASE_CONFIG, THEME)


def shipped_root() -> Path:
    """The folder that holds the shipped files: the checkout's top level when Mentorbook runs
    from its repository (an editable install too), else `generator/shipped/` of the installed
    package."""
    checkout = PACKAGE.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / CURRICULUM).is_file():
        return checkout
    return PACKAGE / "shipped"


SHIPPED = shipped_root()
ORGANIZATIONS = "organizations"
DEFAULT_ORG = Path(ORGANIZATIONS) / "example.yaml"


def curriculum_file(root: Path) -> Path:
    """The project's own curriculum.yaml, or the shipped one."""
    return _own_or_shipped(root, CURRICULUM)


def guide_file(root: Path, name: str) -> Path | None:
    """content/NAME.md of the project, else the shipped guide of that name; None if neither."""
    for folder in (root / CONTENT, SHIPPED / CONTENT):
        if (folder / f"{name}.md").is_file():
            return folder / f"{name}.md"
    return None


def base_config(root: Path) -> Path:
    """The project's own mkdocs.yml (its `custom_dir` then relative to it), or the shipped one."""
    return _own_or_shipped(root, BASE_CONFIG)


def is_shipped(path: Path) -> bool:
    """Whether `path` is one of the shipped files (in a checkout, not every file of the repository)."""
    real = path.resolve()
    return any(real.is_relative_to(SHIPPED / name) for name in SHIPPED_NAMES)


def _own_or_shipped(root: Path, name: str) -> Path:
    own = root / name
    return own if own.exists() else SHIPPED / name


def require_handbook(root: Path) -> None:
    """Run outside a handbook's folder, every file is missing; say so once, and what to do,
    instead of "file not found" for each of them."""
    if (root / CURRICULUM).exists() or (root / ORGANIZATIONS).is_dir():
        return
    raise InputError(
        [
            Problem(
                display_path(root / ORGANIZATIONS),
                0,
                0,
                "folder not found: this folder is not a handbook project",
                "run mentorbook in your handbook's folder, the one that holds organizations/ (`cd` into it first),"
                " or start one here with `mentorbook init`",
            )
        ]
    )


def default_profile(root: Path) -> Path:
    """The profile a build without --org uses: organizations/example.yaml if there is one,
    else the only profile there. With several and no example, the user must choose."""
    require_handbook(root)
    example = root / DEFAULT_ORG
    profiles = sorted((root / ORGANIZATIONS).glob("*.yaml"))
    if example.exists():
        return example
    if not profiles:
        folder = display_path(root / ORGANIZATIONS)
        hint = 'start one with `mentorbook new-org "Your name"`'
        raise InputError([Problem(folder, 0, 0, "there are no profiles (*.yaml) here", hint)])
    if len(profiles) == 1:
        return profiles[0]
    listed = ", ".join(display_path(p) for p in profiles)
    raise UsageError(
        f"{display_path(root / ORGANIZATIONS)} holds several profiles and none is example.yaml",
        f"choose one with --org: {listed}, or build them all with --all",
    )
