"""The preview figure: seconds from saving an edit to the browser's reload, and to the last PDF
it changed, under `mentorbook serve`, for a session-title edit and a profile colour change.

    .venv/bin/python bench/preview.py PROJECT [--checkout DIR] [--repeats 2]

`--checkout` runs another checkout's generator (say, the commit before, in a `git worktree`),
so that before and after are measured in one run on the same machine. "Reload" is when a page
request answers with the edit (MkDocs' server holds requests while it rebuilds, so this is when
the browser's reload shows it); "handbook" is when the handbook is no longer listed as updating
(the PDF that every checkout makes; the editions came later); "last PDF" is when the served `.mentorbook-pdfs.json` lists no
PDF as updating (a serve without that file laid the PDFs out before the reload).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

STATUS = ".mentorbook-pdfs.json"
HANDBOOK = "guide/example-handbook.pdf"  # the one book a checkout before the editions also made


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as error:
        return int(error.code), b""
    except OSError:
        return 0, b""


def wait(predicate: Callable[[], bool], seconds: float = 300, step: float = 0.05) -> float:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return time.perf_counter()
        time.sleep(step)
    raise TimeoutError("the preview did not show the edit")


def pdfs_done(base: str, path: str | None = None) -> bool:
    """Whether no PDF (or not `path`) is listed as updating."""
    code, body = get(f"{base}/{STATUS}")
    try:
        updating = json.loads(body or b"{}").get("updating") if code == 200 else []
    except ValueError:  # read while it was being replaced: MkDocs' server sends the old length
        return False
    return not updating if path is None else path not in updating


def shows(url: str, text: str) -> Callable[[], bool]:
    return lambda: text.encode() in get(url)[1]


def edits(root: Path) -> list[tuple[str, Path, str, str, str]]:
    """(name, file, old text, new text, served path that shows the new text)."""
    curriculum = YAML(typ="safe", pure=True).load(root / "curriculum.yaml")
    module = curriculum["modules"][0]
    session = module["sessions"][0]
    profile = root / "organizations" / "example.yaml"
    colour = YAML(typ="safe", pure=True).load(profile)["colors"]["primary"]
    page = f"modules/{module['id']}/{session['id']}.html"
    return [
        ("session title", root / "curriculum.yaml", session["title"], "Edited title", page),
        ("profile colour", profile, colour, "#123456", "assets/stylesheets/brand.css"),
    ]


def measure(root: Path, checkout: Path, repeats: int) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(checkout), "SOURCE_DATE_EPOCH": "1767225600"}
    command = [sys.executable, "-m", "generator", "serve", "--port", str(port)]
    log = root / "serve.log"  # what serve printed: kept for a look when a figure is odd
    with log.open("wb") as handle:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=handle)
    figures: dict[str, Any] = {}
    try:
        # the first build and every PDF, before any edit: not a figure, so it may take long on a
        # busy machine (over 300 s at a load average of 20)
        wait(lambda: get(f"{base}/index.html")[0] == 200 and pdfs_done(base), seconds=1800, step=0.2)
        for name, file, old, new, path in edits(root):
            original = file.read_text(encoding="utf-8")
            runs = []
            for n in range(repeats):
                marker = f"{new}{n}" if name == "session title" else new[:-1] + str(n)
                file.write_text(original.replace(old, marker, 1), encoding="utf-8")
                saved = time.perf_counter()
                reload = wait(shows(f"{base}/{path}", marker))
                handbook = wait(lambda: pdfs_done(base, HANDBOOK), step=0.1)
                last = wait(lambda: pdfs_done(base), step=0.1)
                runs.append((reload - saved, handbook - saved, last - saved))
            file.write_text(original, encoding="utf-8")
            wait(shows(f"{base}/{path}", old))
            wait(lambda: pdfs_done(base))
            figures[name] = {
                "reload": min(r for r, _, _ in runs),
                "handbook": min(h for _, h, _ in runs),
                "last_pdf": min(p for _, _, p in runs),
            }
    finally:
        server.terminate()
        server.wait(timeout=60)
        figures["log_lines"] = len(log.read_text(encoding="utf-8", errors="replace").splitlines())
    return figures


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(measure(args.project.resolve(), args.checkout.resolve(), args.repeats)))


if __name__ == "__main__":
    main()
