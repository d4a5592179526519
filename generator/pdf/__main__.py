"""`python -m generator.pdf WORK OUT CACHE [--wait] [-q]`: the PDF stage in a process of its own,
as `serve` runs it once each build is planned (commands/preview.py), killing it when a newer
edit comes. With `--wait` it puts nothing into OUT until a line comes on stdin (serve says
so once the build's site is served).

WORK is a pickled PdfWork (the plan's PDF documents). CACHE is content-addressed and kept
between runs: `parts/` holds every laid-out part by its job's key (stage.py), `files/` every
finished document by its key (keys.py), so a run after an edit lays out only the parts the
edit changed and joins only the documents that hold them. Each document is put into OUT (the
served folder) in one rename: those already in `files/` at once, the others as they are made;
STATUS in OUT lists those not there yet, for the page to say "updating…" beside their links.
Problems are printed (stderr) and the run ends with status 1, the PDFs served staying as they were.
"""

from __future__ import annotations

import json
import os
import pickle
import select
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

from jinja2 import TemplateError

from generator.errors import InputError
from generator.pdf import PdfWork
from generator.pdf.keys import pdf_keys
from generator.pdf.stage import make_pdfs

STATUS = ".mentorbook-pdfs.json"  # in the served folder only: `build` never writes it


def main(argv: list[str]) -> int:
    work_file, out, cache = (Path(arg) for arg in argv[:3])
    work: PdfWork = pickle.loads(work_file.read_bytes())  # serve's own file, just written
    started, files, scratch = time.perf_counter(), cache / "files", cache / "scratch"
    try:
        keys = pdf_keys(work)
        new = [path for path, key in keys.items() if not (files / f"{key}.pdf").is_file()]
        served = Served(out, files, keys, new, waiting="--wait" in argv)
        for path in keys.keys() - set(new):
            served.land(path)
        todo = replace(
            work,
            files=tuple(f for f in work.files if f.path in new),
            books=tuple(b for b in work.books if b.path in new),
        )
        shutil.rmtree(scratch, ignore_errors=True)
        files.mkdir(parents=True, exist_ok=True)
        for path in make_pdfs(todo, scratch, cache / "parts"):
            os.replace(scratch / path, files / f"{keys[path]}.pdf")
            served.land(path)
        served.land(None)
    except (InputError, TemplateError) as error:
        report = error.report() if isinstance(error, InputError) else f"print template: {error}"
        print(f"{report}\nthe PDFs stay as they were until this is fixed", file=sys.stderr, flush=True)
        return 1
    _forget(files, set(keys.values()))
    if new and "-q" not in argv:
        print(
            f"{len(new)} PDF{'s' if len(new) != 1 else ''} updated in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return 0


class Served:
    """The served folder: each PDF put in as it lands (from `files`, by its key), and STATUS
    rewritten without it; when `waiting`, not before serve says its site is served (a line on
    stdin: serve builds the site meanwhile, and nothing may write into its folder then)."""

    def __init__(self, out: Path, files: Path, keys: dict[str, str], updating: list[str], waiting: bool) -> None:
        self.out, self.files, self.keys, self.updating = out, files, keys, list(updating)
        self.landed: list[str] = []
        self.told = not waiting

    def land(self, path: str | None) -> None:
        """`path` has landed in `files` (None: the last has; wait for serve's word if need be)."""
        self.landed += [path] if path else []
        if not self.told:
            if path is not None and not select.select([sys.stdin], [], [], 0)[0]:
                return  # not yet: kept for when serve says so
            if not sys.stdin.readline():
                raise SystemExit(0)  # serve is gone: nothing to put anywhere
            self.told = True
        for landed in self.landed:
            put(self.files / f"{self.keys[landed]}.pdf", self.out / landed)
        self.updating = [p for p in self.updating if p not in self.landed]
        if self.landed:
            write_status(self.out, self.updating)
        self.landed = []


def put(made: Path, target: Path) -> None:
    """A copy of `made` at `target`, in one rename: the server never sends half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(made, temporary)
    os.replace(temporary, target)


def write_status(out: Path, updating: list[str]) -> None:
    """STATUS in the served folder, in one rename."""
    temporary = out / f"{STATUS}.tmp"
    temporary.write_text(json.dumps({"updating": updating}), encoding="utf-8")
    os.replace(temporary, out / STATUS)


def _forget(files: Path, keys: set[str]) -> None:
    """The finished documents no longer in the plan let go (the parts stay: an edit undone finds them)."""
    for made in files.glob("*.pdf"):
        if made.stem not in keys:
            made.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
