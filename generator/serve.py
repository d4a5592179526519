"""`mentorbook serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild on change.

A broken edit prints its problems and keeps the last good site on screen; fixing the file
rebuilds and reloads the browser.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from generator.build import build
from generator.errors import InputError, Problem

WATCHED = ("curriculum.yaml", "organizations", "content", "overrides", "mkdocs.yml")


def serve(root: Path, org_file: Path | None, port: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="mentorbook-serve-"))
    out = folder / "site"
    out.mkdir()

    def rebuild() -> None:
        try:
            result = build(root, org_file, out)
            print(f"built {result.pages} pages in {result.seconds:.1f} s", file=sys.stderr)
        except InputError as error:
            print(error.report() + "\nshowing the last good build until this is fixed", file=sys.stderr)

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rebuild()
    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port, root=str(out))
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    try:
        server.serve()
    except OSError as error:
        raise InputError(
            [
                Problem(
                    "mentorbook serve",
                    0,
                    0,
                    f"cannot listen on 127.0.0.1:{port} ({error.strerror})",
                    f"try another port, e.g. --port {port + 1}",
                )
            ]
        ) from None
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
