"""The PDF pool (generator/pdf/pool.py): one worker or two make the same bytes; a user's mistake
met in a worker is the same InputError; a bug or a dead worker comes back, and nothing hangs."""

from __future__ import annotations

import os
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from generator.errors import InputError
from generator.pdf.handbook import render_handbook
from generator.pdf.pool import Job, PdfPool
from generator.pdf.printer import render_pdfs
from generator.plan import plan_build
from generator.read.project import load_project
from tests.conftest import copy_project
from tests.pdf.test_handbook import in_small_parts
from tests.util import tree_digest

pytestmark = pytest.mark.slow  # lays out PDFs: not in `make test-fast`

ORG = Path("organizations") / "org.yaml"


def _made_with(root: Path, workers: int, docs: Path) -> dict[str, str]:
    plan = plan_build(load_project(root, root / ORG))
    with PdfPool(plan.setup, workers) as pool:
        assert pool.workers == workers
        render_pdfs(plan.pdfs, plan.setup, docs, pool)
        render_handbook(plan.handbook, plan.setup, docs, pool)
    return tree_digest(docs)


def test_one_worker_and_two_make_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_small_parts(monkeypatch)  # several handbook parts and front parts, laid out side by side
    root = copy_project(tmp_path / "project")
    one, two = _made_with(root, 1, tmp_path / "one"), _made_with(root, 2, tmp_path / "two")
    assert one == two and len(one) >= 5 and any(name.startswith("guide/") for name in one)


def test_an_image_refused_in_a_worker_is_the_users_problem(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    curriculum = root / "curriculum.yaml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("Write down a goal.", "'![x](http://example.org/x.png)'"), encoding="utf-8")
    plan = plan_build(load_project(root, root / ORG))
    with PdfPool(plan.setup, 2) as pool, pytest.raises(InputError) as error:
        render_pdfs(plan.pdfs, plan.setup, root / "docs", pool)
    assert "http://example.org/x.png" in str(error.value) and error.value.problems[0].hint


def _fails(printer: Any, kind: str) -> str:
    if kind == "bug":
        raise ValueError("a bug")
    if kind == "dies":
        os._exit(3)
    return kind


def test_a_bug_or_a_dead_worker_comes_back(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    setup = plan_build(load_project(root, root / ORG)).setup
    with PdfPool(setup, 2) as pool:
        assert list(pool.run([Job(_fails, ("a",)), Job(_fails, ("b",))])) == ["a", "b"]
    with PdfPool(setup, 2) as pool, pytest.raises(ValueError, match="a bug"):
        list(pool.run([Job(_fails, ("ok",)), Job(_fails, ("bug",))]))
    with PdfPool(setup, 2) as pool, pytest.raises(BrokenProcessPool):
        list(pool.run([Job(_fails, ("dies",)), Job(_fails, ("ok",))]))


def test_a_process_with_other_threads_lays_out_in_fork_server_workers(tmp_path: Path) -> None:
    """Forking a threaded process (serve's server) can leave a lock held forever: its workers
    come from a fork server, are shared by several pools (serve keeps one executor) and make
    the same bytes as a forked pool."""
    import threading

    from generator.pdf.pool import executor

    root = copy_project(tmp_path / "project")
    plan = plan_build(load_project(root, root / ORG))
    forked = _made_with(root, 2, tmp_path / "forked")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        shared = executor(2)
        assert shared._mp_context.get_start_method() == "forkserver"
        for run in ("first", "second"):  # the same workers, for two builds
            with PdfPool(plan.setup, shared=shared) as pool:
                render_pdfs(plan.pdfs, plan.setup, tmp_path / run, pool)
                render_handbook(plan.handbook, plan.setup, tmp_path / run, pool)
            assert tree_digest(tmp_path / run) == forked
        shared.shutdown()
    finally:
        stop.set()
        other.join()


def test_cancel_drops_the_jobs_not_begun(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    setup = plan_build(load_project(root, root / ORG)).setup
    with PdfPool(setup, 1, shared=None) as pool:
        assert pool.workers == 1
    with PdfPool(setup, 2) as pool:
        made = [pool.start(Job(_sleeps, (0.5,)))]
        while not (pool._sent[0].running() or pool._sent[0].done()):  # sent on: no longer cancellable
            time.sleep(0.01)
        made += [pool.start(Job(_sleeps, (0.5,))) for _ in range(5)]
        pool.cancel()
        assert made[0]() == 0.5  # begun before the cancel: it runs on
        assert sum(f.cancelled() for f in pool._sent) >= 3  # at most two more were sent on


def _sleeps(printer: Any, seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds
