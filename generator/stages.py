"""Seconds per pipeline stage. `build` fills one in, so that the command and the benchmark
(bench/run.py, which also records memory per stage) report the same stages the same way."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stages:
    """`with stages("pdfs"): ...` adds that block's wall seconds to `seconds["pdfs"]`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        self.begin(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
            self.end(name)

    def begin(self, name: str) -> None:
        """Called as a stage starts: a hook for measuring more than time."""

    def end(self, name: str) -> None:
        """Called as a stage ends, whether or not it succeeded."""

    def progress(self, name: str, done: int, total: int) -> None:
        """Called as a stage that makes many files (the PDFs) has made `done` of `total`."""
