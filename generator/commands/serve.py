"""`mentorbook serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild on change.

Its port is bound first, so a port in use is said at once. After an edit the site is rebuilt,
swapped in and the browser reloaded first; the PDFs the edit changed are laid out meanwhile by
a child process (preview.py) and each swapped in when ready, after. A broken edit prints its
problems and keeps the last good site (and its PDFs) on screen; fixing the file rebuilds and
reloads the browser. One line per rebuild: what changed, pages, PDFs, seconds.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator.build import BuildOptions, build
from generator.commands.preview import PART_SESSIONS, PdfChild
from generator.commands.preview_server import PreviewServer, snapshot, what_changed
from generator.errors import InputError, UsageError
from generator.read.layout import SHIPPED, SHIPPED_NAMES, require_handbook
from generator.site import engine
from generator.write import read_manifest

WATCHED = ("curriculum.yaml", "organizations", "content", "overrides", "mkdocs.yml", "site-settings.yaml")


def serve(root: Path, org_file: Path | None, port: int, quiet: bool = False, verbose: bool = False) -> None:
    require_handbook(root)  # outside a handbook there is nothing to serve, ever
    engine.require()
    folder = Path(tempfile.mkdtemp(prefix="mentorbook-serve-"))
    out = folder / "site"
    out.mkdir()
    # One date for the whole session (unless one is given), so that an unchanged PDF is the
    # same PDF and the cache can give it again instead of laying it out.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    pdfs = PdfChild(out, folder / "pdfs", quiet)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops it like Ctrl-C: PDFs ended, folder removed
    watched = list(dict.fromkeys([root / name for name in WATCHED] + [SHIPPED / name for name in SHIPPED_NAMES]))
    rebuild = _rebuilder(root, org_file, out, pdfs, watched, quiet)
    _show_server_lines(quiet, verbose)
    # Files are looked at every 0.1 s (MkDocs: 0.5 s): 0.2 s off every reload, on average.
    server = PreviewServer(builder=rebuild, host="127.0.0.1", port=port, root=str(out), polling_interval=0.1)
    try:
        address = _listen(server, port)  # before the first build: a port in use is said at once
        rebuild()
        for path in watched:
            if path.exists():
                server.watch(str(path))
        print(f"Serving on {address}", file=sys.stderr, flush=True)  # even with -q: it is what serve is for
        server.serve()  # type: ignore[no-untyped-call]  # MkDocs' server is untyped
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        pdfs.close()
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


def _listen(server: PreviewServer, port: int) -> str:
    try:
        return server.listen()
    except OSError as error:
        raise UsageError(
            f"cannot listen on 127.0.0.1:{port} ({error.strerror})", f"try another port, e.g. --port {port + 1}"
        ) from None


def _rebuilder(
    root: Path, org_file: Path | None, out: Path, pdfs: PdfChild, watched: list[Path], quiet: bool
) -> Callable[[], None]:
    """The server's builder: the site only, with the PDFs served now (it holds every request
    while it runs), then the PDF stage started for the PDFs that changed."""
    files, unchanged = snapshot(watched), "built"  # what the line says when no file changed

    def rebuild() -> None:
        nonlocal files, unchanged
        now = snapshot(watched)
        changed = what_changed(files, now, root) or unchanged
        files, unchanged = now, "rebuilt"
        pdfs.stop()  # nothing writes into the served folder while the build replaces it
        options = BuildOptions(part_sessions=PART_SESSIONS, pdfs_from=out, planned=pdfs.begin)
        try:
            result = build(root, org_file, out, options=options)
        except InputError as error:
            pdfs.resume()  # the last good build's, where they were stopped
            print(error.report() + "\n" + _meanwhile(out), file=sys.stderr)
            return
        queued = pdfs.resume() if result.skipped else pdfs.go()
        if not quiet:
            made = "up to date" if result.skipped else f"{queued} PDF{'s' if queued != 1 else ''} queued"
            print(f"{changed} · {result.pages} pages in {result.seconds:.1f} s · {made}", file=sys.stderr, flush=True)

    return rebuild


def _meanwhile(out: Path) -> str:
    """What the browser shows while a build fails: the last good build, if there is one."""
    if read_manifest(out) is not None:
        return "showing the last good build until this is fixed"
    return "there is no good build to show yet: fix this and save, and the handbook appears"


def _show_server_lines(quiet: bool, verbose: bool) -> None:
    """The address ("Serving on http://127.0.0.1:8000/") is printed by serve, once the first
    build is there; the server's own lines ("Detected file changes", "Reloading browsers") and
    other libraries' (WeasyPrint's INFO lines) only with -v, set up by the CLI."""
    logger = logging.getLogger("mkdocs.livereload")
    if quiet or logger.handlers or not verbose:  # one line per rebuild is ours
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.addFilter(lambda record: not record.getMessage().startswith("Serving on"))  # said once, by serve
    logger.setLevel(logging.INFO)
    logger.propagate = False
