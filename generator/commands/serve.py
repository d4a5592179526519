"""`mentorbook serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild on change.

A broken edit prints its problems and keeps the last good site on screen; fixing the file
rebuilds and reloads the browser.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.build import build
from generator.errors import InputError, UsageError
from generator.pdf.cache import PdfCache
from generator.read.layout import SHIPPED, require_handbook
from generator.site import engine

WATCHED = ("curriculum.yaml", "organizations", "content", "overrides", "mkdocs.yml")


def serve(root: Path, org_file: Path | None, port: int, quiet: bool = False) -> None:
    require_handbook(root)  # outside a handbook there is nothing to serve, ever
    engine.require()
    from mkdocs.livereload import LiveReloadServer

    folder = Path(tempfile.mkdtemp(prefix="mentorbook-serve-"))
    out = folder / "site"
    out.mkdir()
    # One date for the whole session (unless one is given), so that an unchanged PDF is the
    # same PDF and the cache can give it again instead of laying it out.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    pdfs = PdfCache()

    def rebuild() -> None:
        try:
            result = build(root, org_file, out, pdf_cache=pdfs)
            done = "up to date" if result.skipped else pdfs.next_build()
            if not quiet:
                print(f"built {result.pages} pages in {result.seconds:.1f} s ({done})", file=sys.stderr)
        except InputError as error:
            print(error.report() + "\nshowing the last good build until this is fixed", file=sys.stderr)

    _show_server_lines(quiet)
    rebuild()
    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port, root=str(out))
    for path in [root / name for name in WATCHED] + [SHIPPED]:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()  # type: ignore[no-untyped-call]  # MkDocs' server is untyped
    except OSError as error:
        raise UsageError(
            f"cannot listen on 127.0.0.1:{port} ({error.strerror})", f"try another port, e.g. --port {port + 1}"
        ) from None
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


def _show_server_lines(quiet: bool) -> None:
    """The server's own lines ("Serving on http://127.0.0.1:8000/", "Reloading browsers") are
    for the user; other libraries' (WeasyPrint's INFO lines) only with -v, set up by the CLI."""
    logger = logging.getLogger("mkdocs.livereload")
    if quiet or logger.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
