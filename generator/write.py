"""The one module that owns output: a staging folder, swapped in only when all succeeded.

A build happens in `.<out>.building-*` beside the output folder. If anything fails, or the
process is killed, the previous output stays exactly as it was; the next build sweeps away
the leftovers. Success swaps the new site in with two renames on the same file system.
Inside the staging folder, this module writes the pages and files; two stages add their own
part there: the PDF stage writes its PDFs into `docs/` (the handbook streamed part by part, to
keep memory flat) and the site engine writes `site/`. Nothing else writes output.

One build at a time writes to an output folder: each holds an advisory lock (flock, released
by the system when the process ends, however it ends) on a file named after the folder's full
path in the system's temporary folder, so that nothing but the handbook lands in a folder
people publish, and a second build waits for it; the lock files are in a folder of the user's
own (`lock_folder`). So a staging folder seen while holding the lock is a leftover, never the
work of a live build.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Problem, display_path

if sys.platform != "win32":  # Windows has no flock: builds there are not locked
    import fcntl

MANIFEST = ".mentorbook.json"
# What made an output folder, in its manifest's "kind": one kind never replaces another.
HANDBOOK, HANDBOOKS, RESULTS = "handbook", "handbooks", "results"
_KINDS = {HANDBOOK: "a handbook", HANDBOOKS: "the handbooks of `build --all`", RESULTS: "a results report"}


@dataclass(frozen=True)
class Stage:
    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold `out` for this build: wait (saying so) while another process builds into it.
    Not reentrant: take it once per output folder, around everything that reads or writes it."""
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_file(out).open("a")
    except OSError as error:
        raise _cannot_make(out, error) from None
    with handle:
        if sys.platform != "win32":
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                shown = display_path(out)
                print(f"another build into {shown}/ is running; waiting for it to finish", file=sys.stderr, flush=True)
                fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def lock_file(out: Path) -> Path:
    """Where the lock for `out` lives: one name per output folder (its real path, so that two
    spellings of one folder share a lock), outside every folder a user publishes, in a folder
    of this user's own (`lock_folder`)."""
    name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]
    return lock_folder() / f"{name}.lock"


def lock_folder() -> Path:
    """A folder only this user can write, for the locks: named after the user (in the shared
    temporary folder, another local user could otherwise make it first and hold or swap our
    locks) and refused when it is a link or not this user's alone."""
    if not hasattr(os, "getuid"):  # Windows: no flock, and a per-user temporary folder
        folder = Path(tempfile.gettempdir()) / "mentorbook-locks"
        folder.mkdir(exist_ok=True)
        return folder
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    folder = base / f"mentorbook-locks-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    status = folder.lstat()
    if stat.S_ISLNK(status.st_mode) or status.st_uid != os.getuid() or status.st_mode & 0o077:
        raise OSError(errno.EPERM, f"{folder} is not a folder of this user's alone; remove it")
    return folder


@contextmanager
def staged_output(out: Path, kind: str = HANDBOOK) -> Iterator[Stage]:
    """Yield a staging area; on a clean exit, its `site` folder replaces `out`, which must be
    missing, empty or made by Mentorbook as the same `kind` of output. The caller holds
    `output_lock(out)`."""
    out = out.absolute()
    refuse_foreign(out, kind)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        sweep_leftovers(out)
        stage = Stage(Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent)))
    except OSError as error:
        raise _cannot_make(out, error) from None
    try:
        stage.docs.mkdir()
        yield stage
        _swap(stage.site, out, stage.root / "previous")
    finally:
        shutil.rmtree(stage.root, ignore_errors=True)


def _cannot_make(out: Path, error: OSError) -> InputError:
    reason = error.strerror or type(error).__name__
    problem = Problem(
        display_path(out), 0, 0, f"the output folder cannot be made here ({reason})", "choose another --out folder"
    )
    return InputError([problem])


def sweep_leftovers(out: Path) -> None:
    """Remove staging folders that a killed build left beside `out`. The caller holds
    `output_lock(out)`, so no live build is using any of them."""
    for leftover in out.absolute().parent.glob(f".{out.name}.building-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def refuse_foreign(out: Path, kind: str) -> None:
    """Never replace a folder Mentorbook did not make (say, `--out .` or `--out content`), nor
    one it made as another kind of output (a results report over a handbook, `--out site`)."""
    refuse_other_kind(out, kind)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).is_file())):
        raise InputError(
            [
                Problem(
                    display_path(out),
                    0,
                    0,
                    "this folder exists and was not made by Mentorbook, so it will not be replaced",
                    "choose another --out folder, or move this one away",
                )
            ]
        )


def refuse_other_kind(out: Path, kind: str) -> None:
    """Refuse `out` when its manifest says another kind of output made it."""
    made = output_kind(out)
    if made is not None and made != kind:
        raise InputError(
            [
                Problem(
                    display_path(out),
                    0,
                    0,
                    f"this folder holds {_KINDS.get(made, made)}, so {_KINDS[kind]} will not replace it",
                    "choose another --out folder",
                )
            ]
        )


def _swap(new: Path, out: Path, parking: Path) -> None:
    if out.exists():
        out.rename(parking)
    new.rename(out)


def write_files(folder: Path, texts: Mapping[str, str], blobs: Mapping[str, bytes]) -> None:
    """Write rendered texts and whole files into `folder` (keyed by relative path). Nothing is
    copied from the user's folders: images arrive as the bytes that were checked."""
    made: set[Path] = set()

    def target(relative: str) -> Path:
        path = folder / relative
        if path.parent not in made:  # one mkdir per folder, not per file
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        return path

    for relative, data in sorted(blobs.items()):
        target(relative).write_bytes(data)
    for relative, text in sorted(texts.items()):
        target(relative).write_bytes(text.encode("utf-8"))  # as written: "\n" on every system


def output_kind(out: Path) -> str | None:
    """What made `out`, by its manifest (older manifests, without "kind", by their keys); None
    when it has no readable manifest."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict):
        return None
    if isinstance(manifest.get("kind"), str):
        return str(manifest["kind"])
    return RESULTS if manifest.get("report") == RESULTS else HANDBOOKS if HANDBOOKS in manifest else HANDBOOK


def write_manifest(site: Path, manifest: Mapping[str, object]) -> None:
    (site / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_manifest(out: Path) -> dict[str, object] | None:
    """The manifest of the finished build in `out`, or None when there is none to trust
    (no build there, an unreadable manifest, or a build that lost its home page)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not (out / "index.html").is_file():
        return None
    return manifest


def write_landing(out: Path, handbooks: list[tuple[str, str]]) -> None:
    """OUT/index.html listing every handbook built, replaced in one rename."""
    from generator.jinja import environment

    html = environment("html").get_template("landing.html.j2").render(handbooks=handbooks)
    out.mkdir(parents=True, exist_ok=True)
    temporary = out / ".index.html.tmp"
    temporary.write_text(html, encoding="utf-8")
    temporary.replace(out / "index.html")
    write_manifest(out, {"generator": "mentorbook", "kind": HANDBOOKS, "handbooks": [slug for slug, _ in handbooks]})
