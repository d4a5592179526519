"""serve's PDFs (generator/commands/preview.py), without a browser: the PDF stage runs in a child
process, laying out while the site is built and putting each PDF into the served folder once
it is served; a newer edit kills it (and its workers) and what is served at the end is the
newer edit's; a run after an edit lays out only what changed; serve stopped leaves no process
behind."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from generator.commands.init import init_project
from generator.commands.preview import PdfChild
from generator.pdf import PdfWork
from generator.pdf.__main__ import STATUS
from generator.plan import plan_build
from generator.read.project import load_project
from tests.conftest import REPO, copy_project

pytestmark = pytest.mark.slow  # lays out PDFs: not in `make test-fast`


def _work(root: Path, profile: Path) -> PdfWork:
    plan = plan_build(load_project(root, profile))
    return PdfWork(plan.setup, plan.pdfs, (plan.handbook, *plan.editions))


def _finished(child: PdfChild) -> int:
    assert child.process is not None
    return child.process.wait(timeout=600)


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)


def test_the_pdfs_are_laid_out_while_the_site_is_built_and_put_in_once_it_is_served(tmp_path: Path) -> None:
    """`begin` (once the build is planned) lays out into the cache only; `go` (the site is
    served) lists the PDFs as updating and puts each in as it lands; a newer edit's `begin`
    kills the older child and its workers, and what is served at the end is the newer edit's."""
    root = tmp_path / "project"
    init_project(root, "Acme Health")
    profile = root / "organizations" / "acme-health.yaml"
    out = tmp_path / "out"
    out.mkdir()
    child = PdfChild(out, tmp_path / "pdfs", quiet=True)
    first = _work(root, profile)
    books = [book.path for book in first.books]
    try:
        child.begin(first)
        deadline = time.monotonic() + 300
        while not list((tmp_path / "pdfs" / "cache").rglob("*.pdf")):  # laid out "while the site is built"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert not list(out.rglob("*.pdf")) and not (out / STATUS).exists()  # nothing served meanwhile
        assert child.go() == len(first.files) + len(books) >= 5  # nothing made before: all updating
        assert json.loads((out / STATUS).read_text())["updating"] == [d.path for d in (*first.files, *first.books)]
        older = child.process
        assert older is not None
        profile.write_text(profile.read_text().replace('name: "Acme Health"', 'name: "Opening Health"'))
        second = _work(root, profile)
        child.begin(second)  # while the first one's are laid out
        assert older.returncode == -signal.SIGKILL
        time.sleep(0.5)
        assert not _running(group=older.pid)  # its workers too: none of its process group is left
        child.go()
        assert _finished(child) == 0
    finally:
        child.close()
    assert json.loads((out / STATUS).read_text())["updating"] == []
    assert all((out / d.path).stat().st_size > 0 for d in (*second.files, *second.books))
    assert "Opening Health" in _text(out / books[0]) and "Acme Health" not in _text(out / books[0])


def test_a_run_after_an_edit_lays_out_only_what_changed(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    profile, out = root / "organizations" / "org.yaml", tmp_path / "out"
    out.mkdir()
    child = PdfChild(out, tmp_path / "pdfs", quiet=True)
    work = _work(root, profile)
    try:
        child.begin(work)
        child.go()
        assert _finished(child) == 0
        served = {d.path: (out / d.path).read_bytes() for d in (*work.files, *work.books)}
        spare = child.spare
        assert child.resume() == 0 and _finished(child) == 0  # every file made before: none to lay out
        assert spare is not None and child.process is spare  # the spare, its imports done, took the work
        curriculum = root / "curriculum.yaml"
        curriculum.write_text(curriculum.read_text(encoding="utf-8").replace("Meet.", "Meet again."), encoding="utf-8")
        child.begin(_work(root, profile))
        stale = child.go()
        assert 1 <= stale < len(served) and _finished(child) == 0
    finally:
        child.close()
    assert spare.poll() is not None and child.spare is None  # closed: no spare left waiting
    changed = [path for path, pdf in served.items() if (out / path).read_bytes() != pdf]
    assert len(changed) == stale and all(path.endswith(".pdf") for path in changed)


def test_a_mistake_only_the_pdfs_show_is_said_and_nothing_stays_updating(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path / "project")
    curriculum, out = root / "curriculum.yaml", tmp_path / "out"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("Write down a goal.", "'![x](http://example.org/x.png)'"), encoding="utf-8")
    out.mkdir()
    child = PdfChild(out, tmp_path / "pdfs")
    child.begin(_work(root, root / "organizations" / "org.yaml"))
    assert child.go() >= 5
    assert _finished(child) == 1
    child.close()
    assert "http://example.org/x.png" in capfd.readouterr().err
    assert json.loads((out / STATUS).read_text())["updating"] == []


def _running(group: int) -> list[int]:
    """The processes of a process group that still run (not ended, nor ended and not yet reaped)."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _, its_group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except OSError:
            continue
        if int(its_group) == group and state != "Z":
            running.append(int(stat.parent.name))
    return running


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
def test_serve_stopped_while_pdfs_are_laid_out_leaves_no_process_behind(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, "-m", "generator", "serve", "--org", "organizations/org.yaml", "--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO)}
    server = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        for line in server.stdout:  # the site is built: the PDF stage is running
            if "queued" in line:
                break
        deadline = time.monotonic() + 120
        while len(below := _children(server.pid)) < 3:  # the PDF stage and its workers
            assert time.monotonic() < deadline, below
            time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=60)
    assert not any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in below)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
