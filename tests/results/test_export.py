"""Reading survey exports row by row (generator/results/export.py), without laying out a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.results.export import FIELD_LIMIT
from generator.results.read import read_inputs

HEADER = "mentorbook_form,mentorbook_version,one_change,_uuid\n"


def read(*paths: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    submissions, problems = read_inputs(list(paths), {p: p.name for p in paths})
    return [(s.source, s.values.get("one_change", ""), s.key) for s in submissions], problems


def test_a_field_past_the_limit_stops_the_file_at_its_row(tmp_path: Path) -> None:
    export = tmp_path / "big.csv"
    export.write_text(HEADER + "pulse-mentor,1,fine,a\n" + f"pulse-mentor,1,{'x' * (FIELD_LIMIT + 1)},b\n")
    rows, problems = read(export)
    assert [r[0] for r in rows] == ["big.csv:2"]
    assert problems[0][0] == "big.csv:3" and "longer than 1,000,000 characters" in problems[0][1]


def test_rows_without_an_id_are_the_same_only_in_the_same_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("mentorbook_form,mentorbook_version,one_change\npulse-mentor,1,same\npulse-mentor,1,same\n")
    second.write_text(first.read_text() + "pulse-mentor,1,other\n")
    rows, _ = read(first, first, second)
    keys = [r[2] for r in rows]
    assert keys[0] != keys[1] and keys[:2] == keys[2:4]  # two people alike; the same file twice
    assert not set(keys[:2]) & set(keys[4:])  # another file's rows are others'


def test_kobo_identity_prefers_the_root_uuid_and_never_the_forms_uuid(tmp_path: Path) -> None:
    export = tmp_path / "kobo.csv"
    header = "mentorbook_form;mentorbook_version;one_change;meta/instanceID;meta/rootUuid;formhub/uuid;_uuid\n"
    export.write_text(header + "pulse-mentor;1;a;uuid:2;uuid:1;f;uuid:2\npulse-mentor;1;b;uuid:3;;f;uuid:3\n")
    rows, problems = read(export)
    assert problems == [] and [r[2] for r in rows] == ["id:uuid:1", "id:uuid:3"]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".json"])
def test_a_spreadsheet_export_is_answered_export_csv(tmp_path: Path, suffix: str) -> None:
    export = tmp_path / f"export{suffix}"
    export.write_bytes(b"PK\x03\x04")
    _, problems = read(export)
    assert "export the survey's data as CSV" in problems[0][2]
