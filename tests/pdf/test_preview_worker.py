"""serve's PDF worker (generator/commands/preview.py), without a browser: a second edit made
while the first one's PDFs are being laid out cancels the jobs no worker has begun, nothing of
the first edit is swapped in after the second, and what is served at the end is the second's."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pypdf
import pytest

from generator.commands.init import init_project
from generator.commands.preview import PdfWorker
from generator.plan import plan_build
from generator.read.project import load_project

pytestmark = pytest.mark.slow  # lays out PDFs: not in `make test-fast`


def _wait(condition: object, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the worker did not get there in time"
        time.sleep(0.05)


def test_a_second_edit_cancels_the_first_ones_jobs(tmp_path: Path) -> None:
    root = tmp_path / "project"  # the shipped curriculum: 20 PDFs, so that some wait for a worker
    init_project(root, "Acme Health")
    profile = root / "organizations" / "acme-health.yaml"
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    out.mkdir()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)  # serve's server: the workers come from a fork server
    other.start()
    worker = PdfWorker(out, scratch, quiet=True)
    try:
        first = worker.place(plan_build(load_project(root, profile)), tmp_path / "docs1")
        assert worker.submit(first) == len(first.keys) >= 5
        _wait(lambda: worker.served)  # the first edit's PDFs are being laid out and swapped in
        profile.write_text(profile.read_text().replace('name: "Acme Health"', 'name: "Opening Health"'))
        second = worker.place(plan_build(load_project(root, profile)), tmp_path / "docs2")
        worker.submit(second)
        _wait(lambda: not worker.updating)
        assert worker.served == second.keys
        assert worker.dropped >= 1, "no job of the first edit was cancelled"
        handbook = next(path for path in second.keys if path.endswith(".pdf") and "handbook" in path)
        text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO((out / handbook).read_bytes())).pages)
        assert "Opening Health" in text and "Acme Health" not in text
    finally:
        worker.stop()
        stop.set()
        other.join()
    assert not worker.thread.is_alive()
    assert not any(p.is_alive() for p in (worker.executor._processes or {}).values())  # type: ignore[union-attr]
