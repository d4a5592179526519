"""The PDFs of `serve`, swapped in after the page: the site is built with the PDFs served before
(or empty stand-ins) and the browser reloads (about 1.5 s for the shipped curriculum); then the
PDF stage runs in a child process (`python -m generator.pdf`, pdf/__main__.py), which puts each
PDF the edit changed into the served folder as it is made. A newer edit kills that child and
its workers (one process group) before its build starts, so nothing writes into the served
folder while a build replaces it; a build that fails starts the last good one's PDFs again.

The child keeps what it makes in a content-addressed folder (`cache`: parts and finished PDFs by
the hash of what their bytes depend on) that lives as long as `serve`, so after an edit only
what changed is laid out. STATUS (pdf/__main__.py) lists the PDFs not yet made, so the page
says "updating…" beside their links (preview_server.py). No thread here: the child is the
PDF stage as `build` runs it, in a process of its own.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

from jinja2 import TemplateError

from generator.pdf import PdfWork
from generator.pdf.__main__ import write_status
from generator.pdf.keys import pdf_keys

# The books' parts in a preview, in sessions (`build`: 6, plan/chapters.py): an edit to a session
# lays out again the part that holds it, about 20,000 characters of the shipped handbook's HTML,
# not 90,000. The pages are the same; only where the parts end inside the file differs.
PART_SESSIONS = 3


class PdfChild:
    """The PDF stage of the last build, in a child process: `start`ed after each build,
    `stop`ped (killed, with its workers) before the next one and when serve ends."""

    def __init__(self, out: Path, folder: Path, quiet: bool = False) -> None:
        self.out, self.folder, self.quiet = out, folder, quiet
        self.process: subprocess.Popen[bytes] | None = None
        self.last: PdfWork | None = None  # the last good build's PDFs

    def start(self, work: PdfWork | None = None) -> int:
        """Lay out `work`'s PDFs (the last good build's if None) into the served folder; how
        many of them are not made yet (STATUS lists them from now on)."""
        self.stop()
        self.last = work or self.last
        if self.last is None:
            return 0
        made = self.folder / "cache" / "files"
        try:
            keys = pdf_keys(self.last)
        except TemplateError as error:  # a print template override's mistake: the PDFs stay as they are
            print(f"print template: {error}\nthe PDFs stay as they were until this is fixed", file=sys.stderr)
            return 0
        updating = [path for path, key in keys.items() if not (made / f"{key}.pdf").is_file()]
        write_status(self.out, updating)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "work.pickle").write_bytes(pickle.dumps(self.last))
        command = [sys.executable, "-m", "generator.pdf", str(self.folder / "work.pickle"), str(self.out)]
        command += [str(self.folder / "cache"), *(["-q"] if self.quiet else [])]
        # Its own process group, so that stop() ends its workers with it.
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
        return len(updating)

    def stop(self) -> None:
        """Kill the child and its workers now (a handbook part may take seconds) and wait for them."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None
