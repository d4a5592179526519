"""Debian's Chromium driven by Playwright, offline: no browser download, no outside requests."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL = ("file://", "http://127.0.0.1", "data:", "blob:", "about:")  # what pages may request


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """The folder over http on 127.0.0.1, on a free port, for as long as the block runs."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def search(page: Any, term: str) -> list[str]:
    """Type into Material's search the way a person does (it ignores `fill`)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(term, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return [str(t) for t in page.locator(".md-search-result__item").all_inner_texts()]
