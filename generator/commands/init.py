"""`mentorbook init [DIR]`: a new handbook project, as `mkdocs new` or `quarto create` start one.

A project holds only what an organization changes: its profile, its template overrides and a
README. The curriculum, guides and theme come from the installed Mentorbook, so an upgrade
brings the new curriculum, unless the project took a copy to edit (`--copy-curriculum`).

`init` writes nothing outside its folder and overwrites nothing: every file is created new
(never through a link, never over a file), and it first looks at every path it would write.
A link on the way, or a file of the user's where a file of the project would go (their own
`schemas/` or `content/`), stops it with the list, before it writes anything. A README or
.gitignore already there (a folder under git) is the user's: kept, and said so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.commands.scaffold import create_file, profile_text
from generator.commands.schema import SCHEMAS, schema_text
from generator.errors import UsageError, display_path
from generator.jinja import environment
from generator.read.contained import as_written
from generator.read.layout import CONTENT, CURRICULUM, ORGANIZATIONS, SHIPPED

DEFAULT_NAME = "My organization"
IGNORED = "site/\nsites/\n"  # what builds write: output, not source
KEPT = (".gitignore", "README.md")  # the user's own, when there: left as they are
SHOWN = 5  # files named in a refusal; the rest counted


@dataclass(frozen=True)
class Started:
    folder: Path
    profile: str  # as the user would type it from here
    kept: tuple[str, ...] = ()  # files of KEPT that were already there


def init_project(folder: Path, name: str | None = None, copy_curriculum: bool = False) -> Started:
    name = DEFAULT_NAME if name is None else name
    _refuse_existing(folder)
    slug, profile = profile_text(name)
    files = _files(slug, profile, copy_curriculum)
    kept = tuple(k for k in KEPT if (folder / k).exists() or (folder / k).is_symlink())
    files = {path: data for path, data in files.items() if path not in kept}
    _refuse_links_and_files(folder, list(files), ["overrides"])
    try:
        for relative, data in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            create_file(folder / relative, data)
        (folder / "overrides").mkdir(exist_ok=True)
        (folder / ORGANIZATIONS / slug).mkdir(exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"cannot write into {display_path(folder)} ({error.strerror})", "choose another folder"
        ) from None
    return Started(folder, f"{ORGANIZATIONS}/{slug}.yaml", kept)


def _files(slug: str, profile: str, copy_curriculum: bool) -> dict[str, bytes]:
    """Every file init writes, by its path in the project."""
    files = {f"{ORGANIZATIONS}/{slug}.yaml": profile.encode()}
    files.update({f"schemas/{name}.schema.json": schema_text(name).encode() for name in SCHEMAS})
    if copy_curriculum:
        files[CURRICULUM] = (SHIPPED / CURRICULUM).read_bytes()
        for guide in sorted((SHIPPED / CONTENT).rglob("*")):
            if guide.is_file():
                files[(CONTENT / guide.relative_to(SHIPPED / CONTENT)).as_posix()] = guide.read_bytes()
    readme = environment("text").get_template("project-readme.md.j2")
    text = readme.render(profile=f"{ORGANIZATIONS}/{slug}.yaml", own=copy_curriculum, version=__version__)
    files["README.md"] = text.encode()
    files[".gitignore"] = IGNORED.encode()
    return files


def _refuse_existing(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{display_path(folder)} is a file, not a folder", "choose a new folder's name")
    if (folder / ORGANIZATIONS).exists() or (folder / CURRICULUM).exists():
        raise UsageError(
            f"{display_path(folder)} is already a handbook project and was left as it is",
            'add an organization with `mentorbook new-org "Name"`, or choose a new folder',
        )


def _refuse_links_and_files(folder: Path, relatives: list[str], folders: list[str]) -> None:
    """Stop before writing anything when a path init would write through is a link, or a
    file init would write is already there."""
    links = {as_written(folder / f) for f in folders if (folder / f).is_symlink()}
    there: list[str] = []
    for relative in relatives:
        parts = Path(relative).parts
        for depth in range(1, len(parts) + 1):
            path = folder.joinpath(*parts[:depth])
            if path.is_symlink():
                links.add(as_written(path))
                break
        else:
            if (folder / relative).exists():
                there.append(display_path(folder / relative))
    if links:
        raise UsageError(
            f"{_listed(sorted(links))} {'is a link' if len(links) == 1 else 'are links'}:"
            " init writes nothing through a link, so it wrote nothing",
            "remove the link, or choose a new folder",
        )
    if there:
        raise UsageError(
            f"{_listed(there)} {'is' if len(there) == 1 else 'are'} already there:"
            " init overwrites nothing, so it wrote nothing",
            f"move {'it' if len(there) == 1 else 'them'} away, or choose a new folder",
        )


def _listed(paths: list[str]) -> str:
    shown = ", ".join(paths[:SHOWN])
    return shown if len(paths) <= SHOWN else f"{shown} and {len(paths) - SHOWN} more"
