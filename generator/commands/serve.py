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

from mkdocs.livereload import LiveReloadServer

from generator.build import build
from generator.errors import InputError, UsageError
from generator.pdf.cache import PdfCache
from generator.read.project import require_handbook

WATCHED = ("curriculum.yaml", "organizations", "content", "overrides", "mkdocs.yml")


def serve(root: Path, org_file: Path | None, port: int) -> None:
    require_handbook(root)  # outside a handbook there is nothing to serve, ever
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
            print(f"built {result.pages} pages in {result.seconds:.1f} s ({done})", file=sys.stderr)
        except InputError as error:
            print(error.report() + "\nshowing the last good build until this is fixed", file=sys.stderr)

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rebuild()
    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port, root=str(out))
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
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
