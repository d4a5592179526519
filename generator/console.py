"""What the command line shows besides results: other libraries' log lines (only with -v),
progress through a build, and the one line a bug gets instead of a traceback."""

from __future__ import annotations

import logging
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TextIO

from generator.stages import Stages

EX_SOFTWARE = 70  # sysexits.h: an internal software error
LABELS = {"load": "reading", "pages": "pages", "pdfs": "PDFs", "handbook": "handbook PDF", "site": "site"}


def configure_logging(verbose: bool) -> None:
    """MkDocs, WeasyPrint and fontTools log through `logging`. Without a handler, Python would
    print their warnings anyway; with -v, their INFO lines show too, each with its source."""
    root = logging.getLogger()
    if verbose:
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        root.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()
    root.addHandler(handler)


class BuildProgress(Stages):
    """The stage a single build is in: one line rewritten in place on a terminal; elsewhere
    (logs, CI) a plain line per stage with -v, else only the result; nothing when quiet."""

    def __init__(self, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> None:
        super().__init__()
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.quiet = quiet or not (self.tty or verbose)

    def begin(self, name: str) -> None:
        if name in LABELS:
            self._show(LABELS[name])

    def progress(self, name: str, done: int, total: int) -> None:
        if self.tty:  # on a log, one line per stage is enough
            self._show(f"{LABELS.get(name, name)} {done} of {total}")

    def clear(self) -> None:
        if self.tty and not self.quiet:
            print("\r\033[K", end="", file=self.stream, flush=True)

    def _show(self, text: str) -> None:
        if self.quiet:
            return
        if self.tty:
            print(f"\r{text}…\033[K", end="", file=self.stream, flush=True)
        else:
            print(f"{text}…", file=self.stream, flush=True)


def report_bug(argv: list[str], verbose: bool) -> str:
    """Write the traceback of the exception being handled to a file; return the one line to
    show. With -v the traceback is shown too."""
    from generator import __version__

    text = traceback.format_exc()
    header = f"mentorbook {__version__}, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
    header += f"command: mentorbook {' '.join(argv)}\n\n"
    with tempfile.NamedTemporaryFile(
        "w", prefix="mentorbook-bug-", suffix=".txt", delete=False, encoding="utf-8"
    ) as handle:
        handle.write(header + text)
    if verbose:
        print(text, file=sys.stderr, end="")
    return f"mentorbook: this is a bug in Mentorbook; the full report is in {Path(handle.name)}"
