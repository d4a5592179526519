"""`python -m generator.pdf OUT CACHE [-q]`: the PDF stage in a process of its own, as `serve`
runs it (commands/preview.py): started ahead as a spare, its imports done, it waits for a line on
stdin naming the work (a pickled PdfWork, the plan's PDF documents) and is killed by a newer edit.

CACHE is content-addressed and kept between runs: `parts/` holds every laid-out part by its job's
key (stage.py), `files/` every finished document by its key (jobs.pdf_keys), so a run after an edit lays
out only the parts the edit changed and joins only the documents that hold them. Each document is
put into OUT (the served folder) in one rename, those made before at once, the others as they land,
and not before a second line comes on stdin (serve's word that the site is served). STATUS in OUT
lists those not there yet. A mistake is printed and ends the run (status 1), the PDFs served
staying as they were; stdin closed before the work comes ends it with status 0.
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
from generator.pdf.jobs import pdf_keys
from generator.pdf.join import write_whole
from generator.pdf.stage import make_pdfs

STATUS = ".mentorbook-pdfs.json"  # in the served folder only: `build` never writes it


def main(argv: list[str]) -> int:
    out, cache = (Path(arg) for arg in argv[:2])
    work_file = sys.stdin.readline().strip()
    if not work_file:
        return 0  # serve is gone, or ended before it needed this spare
    work: PdfWork = pickle.loads(Path(work_file).read_bytes())  # serve's own file, just written
    started, files, scratch = time.perf_counter(), cache / "files", cache / "scratch"
    served = Served(out, files)
    try:
        keys = pdf_keys(work)
        new = [path for path, key in keys.items() if not (files / f"{key}.pdf").is_file()]
        served.keys, served.updating = keys, new
        for path in keys.keys() - set(new):
            served.land(path)
        todo = replace(
            work,
            files=tuple(f for f in work.files if f.path in new),
            books=tuple(b for b in work.books if b.path in new),
            wholes=tuple(w for w in work.wholes if w.path in new),
        )
        shutil.rmtree(scratch, ignore_errors=True)
        files.mkdir(parents=True, exist_ok=True)
        for path in make_pdfs(todo, scratch, cache / "parts", first=1 if todo.books[1:] else 0):
            os.replace(scratch / path, files / f"{keys[path]}.pdf")
            served.land(path)
        served.land(None)
    except (InputError, TemplateError) as error:
        report = error.report() if isinstance(error, InputError) else f"print template: {error}"
        print(f"{report}\nthe PDFs stay as they were until this is fixed", file=sys.stderr, flush=True)
        served.land(None)  # once the site is served: what landed put in, and STATUS says no more is coming
        write_status(out, [])
        return 1
    for made in files.glob("*.pdf"):  # the files no longer planned let go (the parts stay: an edit undone finds them)
        if made.stem not in keys.values():
            made.unlink()
    if new and "-q" not in argv:
        seconds = time.perf_counter() - started
        print(f"{len(new)} PDF{'s' if len(new) != 1 else ''} updated in {seconds:.1f} s", file=sys.stderr)
    return 0


class Served:
    """The served folder: each PDF put in as it lands (from `files`, by its key), and STATUS
    rewritten without it; not before serve says its site is served (a line on stdin: serve
    builds the site meanwhile, and nothing may write into its folder then)."""

    def __init__(self, out: Path, files: Path) -> None:
        self.out, self.files, self.told = out, files, False
        self.keys: dict[str, str] = {}  # each PDF's key, by its path
        self.updating: list[str] = []  # the paths not put in yet
        self.landed: list[str] = []  # landed, not put in yet

    def land(self, path: str | None) -> None:
        """`path` has landed in `files` (None: the last has; wait for serve's word if need be)."""
        self.landed += [path] if path else []
        if not self.told:
            if path is not None and not select.select([sys.stdin], [], [], 0)[0]:
                return  # not yet: kept for when serve says so
            if not sys.stdin.readline():
                raise SystemExit(0)  # serve is gone: nothing to put anywhere
            self.told = True
        for landed in self.landed:  # each in one rename: the server never sends half a file
            (self.out / landed).parent.mkdir(parents=True, exist_ok=True)
            write_whole(self.out / landed, (self.files / f"{self.keys[landed]}.pdf").read_bytes())
        self.updating = [path for path in self.updating if path not in self.landed]
        if self.landed:
            write_status(self.out, self.updating)
        self.landed = []


def write_status(out: Path, updating: list[str]) -> None:
    write_whole(out / STATUS, json.dumps({"updating": updating}).encode())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
