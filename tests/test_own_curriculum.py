"""An organization's own curriculum file: its worksheets are checked like the shared ones and
reach its site, packets and handbook; the JSON Schema editors use for that file accepts what
the tool accepts (validated with the jsonschema library)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from pypdf import PdfReader

from generator.build import build
from generator.commands.schema import schema_text
from generator.read.project import load_project
from tests.conftest import REPO

OWN = """\
worksheets:
  - id: shift-handover
    title: Shift handover reflection
    purpose: Notice what a handover taught you.
    instructions: Fill it in after the session *Handovers*; the mentee keeps it.
    sections:
      - title: The handover
        fields:
          - kind: lines
            name: what_went_well
            label: What went well
          - kind: Rating
            name: confidence
            label: How confident you felt
            scale: [Unsure, Getting there, Confident]
modules:
  - id: our-way
    title: Our way
    summary: How we hand over.
    why_it_matters: Handovers keep patients safe.
    objectives: [Hand over clearly.]
    sessions:
      - id: handovers
        title: Handovers
        minutes: 30
        summary: Practise a handover.
        agenda:
          - {step: Practise, minutes: 30}
        prompts: {mentor: [Ask what they check first.], mentee: [Say what you leave out.]}
        activity: {title: Role play, description: Hand over one patient.}
        tips: {mentor: [Listen.], mentee: [Ask.]}
        pitfalls: {mentor: [Rushing.], mentee: [Guessing.]}
        worksheets: [shift-handover, goal-plan]
"""


def _schema() -> dict[str, object]:
    return dict(json.loads(schema_text("own-curriculum")))


def test_the_schema_has_the_tools_fields() -> None:
    schema = _schema()
    assert set(schema["properties"]) == {"modules", "worksheets"}  # type: ignore[call-overload]
    assert schema.get("required", []) == [] and schema["additionalProperties"] is False


@pytest.mark.parametrize(
    "own", [OWN, *(p.read_text() for p in sorted((REPO / "organizations").glob("*/curriculum.yaml")))]
)
def test_the_schema_accepts_what_the_tool_accepts(own: str) -> None:
    jsonschema.Draft202012Validator(_schema()).validate(yaml.safe_load(own))


def test_the_schema_refuses_the_shared_curriculums_top_fields() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_schema()).validate({"title": "Ours", "summary": "Ours.", "modules": []})


def _with_own(project: Path) -> Path:
    (project / "organizations/org").mkdir()
    (project / "organizations/org/own.yaml").write_text(OWN)
    profile = project / "organizations/org.yaml"
    profile.write_text(profile.read_text() + "curriculum: own.yaml\n")
    return profile


def test_own_worksheets_join_the_shared_ones(project: Path) -> None:
    loaded = load_project(project, _with_own(project))
    assert [w.id for w in loaded.curriculum.worksheets] == ["goal-plan", "shift-handover"]
    assert loaded.curriculum.modules[-1].sessions[0].worksheets == ("shift-handover", "goal-plan")


@pytest.mark.slow
def test_own_worksheets_reach_the_site_packets_and_handbook(project: Path) -> None:
    build(project, _with_own(project))
    site = project / "site"
    assert "Shift handover reflection" in (site / "worksheets/shift-handover.html").read_text()
    assert (site / "worksheets/shift-handover.pdf").is_file() or list(site.rglob("shift-handover*.pdf"))
    for pdf in (site / "worksheets/packet-print.pdf", *site.rglob("*handbook.pdf")):
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Shift handover reflection" in text, pdf.name
