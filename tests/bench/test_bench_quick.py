"""`make bench` runs to the end: its quick mode, every part once at the shipped size (issue 25:
the bench had crashed on a fresh clone since the feedback forms, question bank, editions and
tracker landed, because bench/engines.py staged the pages without them)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_the_bench_runs_to_the_end(tmp_path: Path) -> None:
    pytest.importorskip("ruamel.yaml")
    pytest.importorskip("typst")
    results = tmp_path / "bench.json"
    command = [sys.executable, "bench/run.py", "--quick", "--sizes", "", "--organizations", "2"]
    command += ["--preview-sizes", "shipped", "--results", str(results)]
    command += ["--before", str(REPO)]  # before and after side by side: this checkout as both
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # About 10 minutes on 2 idle cores; a process group of its own, ended whole if it hangs.
    bench = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = bench.communicate(timeout=3600)
    except subprocess.TimeoutExpired:
        os.killpg(bench.pid, signal.SIGKILL)
        bench.communicate()
        raise
    assert bench.returncode == 0, stdout[-3000:] + stderr[-3000:]
    figures = json.loads(results.read_text(encoding="utf-8"))
    shipped = figures["sizes"]["shipped"]
    assert shipped["engines"]["mentorbook_mkdocs"] > 0
    assert shipped["pdf_html"] > 0 and shipped["join"] > 0  # timed in the PDF pool's workers too
    engines = shipped["pdf_engines"]
    assert engines["weasyprint"]["pages"] > 100 and engines["typst"]["pages"] > 100
    assert engines["checks"]["text"]["a_in_b"] > 0.99
    assert engines["right_to_left"]["checks"]["right_to_left"]["typst"] > 0
    assert "WeasyPrint (pool of a worker per core" in stdout and "targets:" in stdout
    assert "edit -> last PDF" in stdout and figures["before_after"]["preview"]["after"]["session title"]["reload"] > 0
