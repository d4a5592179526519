"""The PDFs of `serve`, swapped in after the page: the PDF stage runs in a child process
(`python -m generator.pdf`, pdf/__main__.py), started ahead as a spare with its imports done
(WeasyPrint's take over a second) and given the build's work once it is planned, laying out into
its cache while the site is built with the PDFs served before (or empty stand-ins); once the
site is served and the browser reloads, the child is told so and puts each PDF the edit changed
into the served folder as it lands, STATUS listing those still coming (preview_server.py shows
"updating…"). A newer edit kills the child and its workers (one process group) before its build
starts, so nothing writes into the served folder while a build replaces it; a build that fails
or is skipped starts the last good one's PDFs again, from the cache. No thread here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

from jinja2 import TemplateError

from generator.pdf import PdfWork
from generator.pdf.__main__ import write_status
from generator.pdf.jobs import pdf_keys

# The books' parts in a preview, in sessions (`build`: 6, plan/print/chapters.py): an edit to a session
# lays out again the part that holds it, about 20,000 characters of the shipped handbook's HTML,
# not 90,000. The pages are the same; only where the parts end inside the file differs.
PART_SESSIONS = 3
BACKGROUND = 19  # how much nicer the PDFs' processes run while serve builds the site


class PdfChild:
    """The PDF stage of the last build, in a child process: `begin` once the build is planned
    (BuildOptions.planned), `go` once its site is served, `stop` (killed, with its workers)
    before the next build and when serve ends."""

    def __init__(self, out: Path, folder: Path, quiet: bool = False) -> None:
        self.out, self.folder, self.quiet = out, folder, quiet
        self.process: subprocess.Popen[bytes] | None = None
        self.spare: subprocess.Popen[bytes] | None = None  # the next build's, waiting for its work
        self.next: PdfWork | None = None  # the PDFs of the build under way
        self.last: PdfWork | None = None  # the last good build's
        self.updating: list[str] = []  # the next one's paths not made before

    def begin(self, work: PdfWork) -> None:
        """Start laying `work`'s PDFs out: while the site is built, into the cache only."""
        self.stop()
        made = self.folder / "cache" / "files"
        try:
            keys = pdf_keys(work)
        except TemplateError as error:  # a print template override's mistake: the PDFs stay as they are
            print(f"print template: {error}\nthe PDFs stay as they were until this is fixed", file=sys.stderr)
            self.next, self.updating = None, []
            return
        self.next, self.updating = work, [path for path, key in keys.items() if not (made / f"{key}.pdf").is_file()]
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "work.pickle").write_bytes(pickle.dumps(work))
        self.process, self.spare = self.spare if self.spare and self.spare.poll() is None else self._start(), None
        self._tell(f"{self.folder / 'work.pickle'}\n")

    def _start(self) -> subprocess.Popen[bytes]:
        """A child, waiting for its work on stdin. Its own process group, so that stop() ends its
        workers with it; nicer than serve while serve builds the site (BACKGROUND), as nice as
        serve once it is served (go)."""
        command = [sys.executable, "-m", "generator.pdf", str(self.out), str(self.folder / "cache")]
        process = subprocess.Popen(
            [*command, *(["-q"] if self.quiet else [])], stdin=subprocess.PIPE, start_new_session=True
        )
        _nice(process.pid, BACKGROUND)
        return process

    def _tell(self, line: str, last: bool = False) -> None:
        """A line to the child; `last`, and its stdin is closed."""
        if self.process is not None and self.process.stdin is not None:
            with contextlib.suppress(BrokenPipeError):  # it has ended already (a mistake, said)
                self.process.stdin.write(line.encode())
                (self.process.stdin.close if last else self.process.stdin.flush)()

    def go(self) -> int:
        """The build's site is served: STATUS lists the PDFs not made yet, and the child puts
        each into the served folder as it lands. How many it lists."""
        self.last = self.next or self.last
        write_status(self.out, self.updating)
        if self.process is not None:
            _nice(self.process.pid, 0)
        self._tell("go\n", last=True)
        self.spare = self.spare or self._start()  # the next edit's, importing meanwhile at BACKGROUND
        return len(self.updating)

    def resume(self) -> int:
        """After a build that failed or was skipped: the last good build's PDFs, from where
        they were stopped (what was made is in the cache)."""
        if self.last is None:
            return 0
        self.begin(self.last)
        return self.go()

    def stop(self) -> None:
        """Kill the child and its workers now (a handbook part may take seconds) and wait for them."""
        _kill(self.process)
        self.process = None

    def close(self) -> None:
        """serve ends: the child and the spare killed."""
        self.stop()
        _kill(self.spare)
        self.spare = None


def _kill(process: subprocess.Popen[bytes] | None) -> None:
    """The process and its group killed, waited for, its stdin closed."""
    if process is None:
        return
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    if process.stdin is not None:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()


def _nice(group: int, niceness: int) -> None:
    """The process group's niceness; back to 0 only where allowed (root: elsewhere they stay nicer)."""
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PGRP, group, os.getpriority(os.PRIO_PROCESS, 0) + niceness)
