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
from generator.commands.preview import STATUS, PdfWorker
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
        first = worker.begin(plan_build(load_project(root, profile)))
        worker.place(first, tmp_path / "docs1")
        assert worker.submit(first) == len(first.keys) >= 5
        _wait(lambda: worker.served)  # the first edit's PDFs are being laid out and swapped in
        profile.write_text(profile.read_text().replace('name: "Acme Health"', 'name: "Opening Health"'))
        second = worker.begin(plan_build(load_project(root, profile)))
        worker.place(second, tmp_path / "docs2")
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


def test_the_pdfs_are_begun_with_the_site_and_swapped_in_once_it_is_served(tmp_path: Path) -> None:
    """`begin` (once the plan is made) begins the layout; nothing is joined, swapped in or said
    to be updating until `submit` (the site is served); a build that failed after `begin` goes
    on with the last good one."""
    root = tmp_path / "project"
    init_project(root, "Acme Health")
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    out.mkdir()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    worker = PdfWorker(out, scratch, quiet=True)
    try:
        plan = plan_build(load_project(root, root / "organizations" / "acme-health.yaml"))
        job = worker.begin(plan)
        _wait(lambda: len(worker.cache.entries) >= 5)  # worksheets laid out while "the site is built"
        assert not worker.served and not list(out.rglob("*.pdf")) and not (out / STATUS).exists()
        worker.place(job, tmp_path / "docs")  # what the site engine copies: empty stand-ins
        assert all((tmp_path / "docs" / path).read_bytes() == b"" for path in job.keys)
        assert worker.submit(job) == len(job.keys)
        _wait(lambda: not worker.updating)
        assert worker.served == job.keys
        failed = worker.begin(plan)  # its build then fails: resume the last good
        worker.resume()
        assert failed.generation < worker.generation and not worker.updating
    finally:
        worker.stop()
        stop.set()
        other.join()


def test_stop_while_jobs_wait_ends_the_thread_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """serve ending (stop) while jobs still wait in the pool: the thread sees its executor shut
    down and its jobs cancelled, and ends without an exception (which would print a traceback)."""
    root = tmp_path / "project"
    init_project(root, "Acme Health")
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda hook: raised.append(hook.exc_value))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    worker = PdfWorker(tmp_path / "out", tmp_path / "scratch", quiet=True)
    try:
        worker.begin(plan_build(load_project(root, root / "organizations" / "acme-health.yaml")))
        _wait(lambda: worker.cache.entries)  # laying out, with more jobs waiting than the workers hold
    finally:
        worker.stop()
        stop.set()
        other.join()
    assert not worker.thread.is_alive()
    assert raised == [], [type(e) for e in raised]


def _children(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_serve_killed_leaves_no_worker_behind(tmp_path: Path) -> None:
    """`kill -9` gives serve no chance to end its workers: they see it and end themselves."""
    import os
    import signal
    import socket
    import subprocess
    import sys

    from tests.conftest import REPO, copy_project

    root = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, "-m", "generator", "serve", "--org", "organizations/org.yaml", "--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO)}
    server = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        for line in server.stdout:  # the first PDFs laid out: the workers are running
            if "PDFs updated" in line:
                break
        workers = _children(server.pid)
        assert len(workers) >= 2, workers  # the fork server and its workers
    finally:
        server.send_signal(signal.SIGKILL)
        server.communicate()
    _wait(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), seconds=10)
