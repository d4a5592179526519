"""The package type-checks under `mypy --strict` (configured in pyproject.toml): the frozen
models, the pipeline's hand-offs and the PDF join are checked, not only run."""

from __future__ import annotations

from mypy import api

from tests.conftest import REPO


def test_generator_type_checks_strictly() -> None:
    report, errors, status = api.run(["--config-file", str(REPO / "pyproject.toml"), str(REPO / "generator")])
    assert status == 0, report + errors
