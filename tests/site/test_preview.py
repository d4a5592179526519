"""`mentorbook serve` in a real browser: an edit shows on the page while the handbook's PDF is
still being laid out (its link says "updating…"), and then the link serves the new PDF.

The seconds are written to test-artifacts/preview.txt, not asserted: these machines are shared
and noisy, so the 2-second target is checked by `make bench` (bench/preview.py)."""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                if b'"updating": []' in response.read():
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"serve did not finish its first build at {url}")


def _updating(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=60) as response:
        return b'"updating": []' not in response.read()


def test_the_page_first_then_the_pdf(project: Path, browser: Any) -> None:
    pypdf = pytest.importorskip("pypdf")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "generator", "serve", "--org", "organizations/org.yaml", "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    context = browser.new_context()
    try:
        _wait_until_up(f"{base}/.mentorbook-pdfs.json")
        session, home = context.new_page(), context.new_page()
        session.goto(f"{base}/modules/basics/first-session.html")
        home.goto(f"{base}/index.html")
        curriculum = project / "curriculum.yaml"
        curriculum.write_text(curriculum.read_text().replace("title: First session", "title: Opening session"))
        saved = time.perf_counter()
        session.get_by_role("heading", name="Opening session").first.wait_for(timeout=30_000)
        shown = time.perf_counter() - saved
        print(f"edit to page: {shown:.2f} s")
        link = home.locator('a[href$=".pdf"]').first
        note = home.locator(".mentorbook-updating")
        # The PDFs are laid out while the site is built and put in once it is served: if they
        # are not ready by then (most edits), the link says "updating…" until they are.
        if _updating(f"{base}/.mentorbook-pdfs.json"):
            note.first.wait_for(timeout=30_000)
            assert "updating…" in note.first.inner_text()
            assert link.evaluate("a => a.nextElementSibling.className") == "mentorbook-updating"
            note.first.wait_for(state="detached", timeout=120_000)
        pdf_done = time.perf_counter() - saved
        pdf = home.request.get(link.evaluate("a => a.href")).body()
        text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        assert "Opening session" in text
    finally:
        context.close()
        server.terminate()
        output = server.communicate(timeout=30)[0]
    # The handbook and the two role editions that hold the session (not the manager's edition).
    assert "curriculum.yaml changed · " in output and "3 PDFs updated in" in output, output
    assert "Traceback" not in output and "Step " not in output, output
    site = float(re.search(r"curriculum.yaml changed · \d+ pages in ([0-9.]+) s", output)[1])  # type: ignore[index]
    ARTIFACTS.mkdir(exist_ok=True)
    figures = f"edit to page {shown:.2f} s (site stage {site:.2f} s); edit to handbook PDF {pdf_done:.2f} s\n"
    (ARTIFACTS / "preview.txt").write_text(figures, encoding="utf-8")
