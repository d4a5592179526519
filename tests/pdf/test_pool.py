"""The PDF pool (generator/pdf/pool.py): one worker or two make the same bytes; a user's mistake
met in a worker is the same InputError; a bug or a dead worker comes back, and nothing hangs."""

from __future__ import annotations

import os
import time
from concurrent.futures import CancelledError
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from generator.errors import InputError
from generator.pdf import pool as pool_module
from generator.pdf.files import render_pdfs
from generator.pdf.handbook import render_books
from generator.pdf.pool import Job, PdfPool
from generator.plan import plan_build
from generator.read.project import load_project
from tests.conftest import copy_project
from tests.pdf.test_handbook import SMALL_PARTS, in_small_parts
from tests.util import tree_digest

pytestmark = pytest.mark.slow  # lays out PDFs: not in `make test-fast`

ORG = Path("organizations") / "org.yaml"


def _made_with(root: Path, workers: int, docs: Path) -> dict[str, str]:
    plan = plan_build(load_project(root, root / ORG), SMALL_PARTS)
    with PdfPool(plan.setup, workers) as pool:
        assert pool.workers == workers
        render_pdfs(plan.pdfs, plan.setup, docs, pool)
        made = list(render_books((plan.handbook, *plan.editions), plan.setup, docs, pool))
        assert made[0][0] is plan.handbook  # first; then the others, the most of their own first
        assert sorted(str(path) for _, path in made) == sorted(
            str(docs / b.path) for b in (plan.handbook, *plan.editions)
        )
        assert all(path == docs / book.path for book, path in made)
    return tree_digest(docs)


def test_one_worker_and_two_make_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_small_parts(monkeypatch)  # several handbook parts and front parts, laid out side by side
    root = copy_project(tmp_path / "project")
    one, two = _made_with(root, 1, tmp_path / "one"), _made_with(root, 2, tmp_path / "two")
    assert one == two and len(one) >= 5 and any(name.startswith("guide/") for name in one)
    monkeypatch.setattr(pool_module, "WORKER_BUDGET", 40_000)  # workers replaced every few jobs
    assert _made_with(root, 2, tmp_path / "replaced") == one


def test_workers_are_replaced_once_given_their_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each worker lays out at most WORKER_BUDGET characters of HTML (WeasyPrint's native memory
    grows with every document a process lays out); the results still come back in order."""
    monkeypatch.setattr(pool_module, "WORKER_BUDGET", 10)
    root = copy_project(tmp_path / "project")
    setup = plan_build(load_project(root, root / ORG)).setup
    with PdfPool(setup, 2) as pool:
        made = [pool.start(Job(_pid_and, (n,), size=10)) for n in range(8)]
        assert len(pool._waiting) == 6  # two jobs of 10 characters fill two workers
        results = [m() for m in made]
    assert [n for _, n in results] == list(range(8))
    assert len({pid for pid, _ in results}) >= 4 and os.getpid() not in {pid for pid, _ in results}
    with PdfPool(setup, 2) as pool:
        made = [pool.start(Job(_pid_and, (n,), size=10)) for n in range(4)]
        assert pool.cancel() >= 2  # the two still waiting here, and any not begun
        with pytest.raises(CancelledError):
            made[3]()


def test_a_job_started_first_goes_before_those_waiting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A book's contents and footers (started `first`) are not queued behind the next books'
    parts: the workers hold WINDOW jobs each, and the rest wait in the pool, `first` ahead."""
    monkeypatch.setattr(pool_module, "WINDOW", 1)
    root = copy_project(tmp_path / "project")
    setup = plan_build(load_project(root, root / ORG)).setup
    with PdfPool(setup, 2) as pool:
        later = [pool.start(Job(_began_at, (0.3,))) for _ in range(4)]  # two sent, two waiting
        first = pool.start(Job(_began_at, (0.0,)), first=True)
        began = [made() for made in later]
        assert first() < began[3]  # without `first`, it would begin after the last of them


def _began_at(printer: Any, seconds: float) -> float:
    began = time.monotonic()  # the same clock in every process of this machine
    time.sleep(seconds)
    return began


def _pid_and(printer: Any, n: int) -> tuple[int, int]:
    return os.getpid(), n


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

    from generator.pdf.workers import BACKGROUND, executor

    root = copy_project(tmp_path / "project")
    plan = plan_build(load_project(root, root / ORG), SMALL_PARTS)
    forked = _made_with(root, 2, tmp_path / "forked")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        shared = executor(2)
        assert shared._mp_context.get_start_method() == "forkserver"
        background = executor(2, background=True)  # serve's: nicer than serve, which builds the site meanwhile
        assert background.submit(os.nice, 0).result() == os.nice(0) + BACKGROUND
        assert shared.submit(os.nice, 0).result() == os.nice(0)
        background.shutdown()
        for run in ("first", "second"):  # the same workers, for two builds
            with PdfPool(plan.setup, shared=shared) as pool:
                render_pdfs(plan.pdfs, plan.setup, tmp_path / run, pool)
                list(render_books((plan.handbook, *plan.editions), plan.setup, tmp_path / run, pool))
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
        made += [pool.start(Job(_sleeps, (0.5,))) for _ in range(15)]
        # At most four more were begun or queued in the executor's call queue (one running on
        # the other worker, max_workers + 1 queued); the rest wait in the pool or the executor.
        assert pool.cancel() >= 11
        assert made[0]() == 0.5  # begun before the cancel: it runs on
        assert sum(_cancelled(m) for m in made[1:]) >= 11


def _cancelled(made: Any) -> bool:
    try:
        made()
    except CancelledError:
        return True
    return False


def _sleeps(printer: Any, seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds
