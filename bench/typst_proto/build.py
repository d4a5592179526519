"""The prototype's two documents, from the plan to files."""

from __future__ import annotations

from pathlib import Path

from bench.typst_proto.book import handbook_source
from bench.typst_proto.forms import add_fields
from bench.typst_proto.plan import handbook_plan, worksheet_documents
from bench.typst_proto.render import pdf
from bench.typst_proto.sheet import worksheet_source
from generator.models.project import Project


def make_handbook(project: Project, out: Path, paper: str | None = None) -> Path:
    data, _ = pdf(handbook_source(handbook_plan(project, paper)))
    path = out / "handbook.pdf"
    path.write_bytes(data)
    return path


def make_worksheet(project: Project, out: Path, worksheet: str | None = None, paper: str | None = None) -> Path:
    """One worksheet's fillable PDF: laid out by Typst, its form fields added by forms.py."""
    documents = [d for d in worksheet_documents(project, paper) if d.variant == "fillable"]
    chosen = next(d for d in documents if worksheet in (None, d.sheets[0].view.sheets[0].id))
    data, fields = pdf(worksheet_source(chosen.sheets[0].view))
    path = out / Path(chosen.path).name
    path.write_bytes(add_fields(data, fields))
    return path
