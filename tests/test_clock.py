"""SOURCE_DATE_EPOCH: checked once at the start of every command, so that neither we nor
MkDocs nor WeasyPrint's font code meets a value it cannot read."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.cli import main


@pytest.mark.parametrize("value", ["abc", "99999999999999", "-5", "1.5", "１２"])
@pytest.mark.parametrize("verb", ["build", "validate"])
def test_a_bad_value_is_one_line_saying_what_it_must_hold(
    value: str, verb: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert main([verb, "--org", "organizations/org.yaml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f'mentorbook: SOURCE_DATE_EPOCH is "{value}", but it must be the build\'s date as a whole number'
        " of seconds since 1970-01-01 (UTC), at most 32503679999, e.g. 1767225600 for 2026-01-01;"
        " or leave it unset\n"
    )
    assert not (project / "site").exists()


@pytest.mark.slow
def test_an_empty_value_counts_as_unset(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`SOURCE_DATE_EPOCH= mentorbook build`: as most tools do, and MkDocs then builds too."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert main(["build", "--org", "organizations/org.yaml"]) == 0
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert (project / "site" / "index.html").is_file()


def test_a_good_value_is_the_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.clock import build_time, settle

    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1767225600 ")
    settle()
    assert os.environ["SOURCE_DATE_EPOCH"] == "1767225600"  # as every other reader accepts it
    assert build_time() == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
