"""Seconds `mentorbook results` takes for 500 responses: 500 filled fillable PDFs, and the
same number of rows in a CSV export, each read, checked, counted, charted and reported.

    .venv/bin/python bench/results_figures.py [RESPONSES]

Run in a handbook project's folder (the bench's shipped synthetic one). The blank forms are
laid out once into a temporary folder and filled with pypdf (varied answers, so that none
is a copy); then `mentorbook results` runs in a fresh process on each input, as a user
would run it. Prints one JSON line: responses, seconds for the PDFs, seconds for the CSV.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from generator.pdf import PdfWork
from generator.pdf.stage import render
from generator.plan import plan_build
from generator.plan.paths import form_pdf
from generator.plan.program.forms import project_forms
from generator.plan.sheets.xlsform import FORM_COLUMN, VERSION_COLUMN, choice_names
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project


def answers(form: object, n: int) -> dict[str, str]:
    """Response `n`'s answers: every question answered, the writing numbered."""
    values = {}
    for k, item in enumerate(form.items):  # type: ignore[attr-defined]
        values[item.id] = item.answers[(n + k) % len(item.answers)] if item.answers else f"Answer {n}.{k}"
    return values


def fill_pdfs(blank: Path, form_id: str, count: int, start: int, out: Path, form: object) -> None:
    """`count` filled copies of one blank form, from one clone (pypdf writes it again each time)."""
    writer = PdfWriter(clone_from=PdfReader(blank))
    widgets = [ref.get_object() for page in writer.pages for ref in page.get("/Annots", [])]
    for n in range(start, start + count):
        values = {f"{form_id}:{k}": v for k, v in answers(form, n).items()}
        for widget in widgets:
            field = widget["/Parent"].get_object() if "/Parent" in widget else widget
            value = values.get(str(field.get("/T", "")))
            if value is None:
                continue
            if field.get("/FT") == "/Btn":
                state = NameObject("/" + value)
                field[NameObject("/V")] = state
                widget[NameObject("/AS")] = state if state in widget["/AP"]["/N"] else NameObject("/Off")
            else:
                field[NameObject("/V")] = TextStringObject(value)
        with (out / f"{form_id}-{n:04d}.pdf").open("wb") as target:
            writer.write(target)


def export_csv(forms: list[object], count: int, path: Path) -> None:
    """Rows as a survey tool exports them: choice names, its own columns, one form per row."""
    items = sorted({i.id for f in forms for i in f.items})  # type: ignore[attr-defined]
    header = ["start", FORM_COLUMN, VERSION_COLUMN, *items, "_uuid"]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, restval="")
    writer.writeheader()
    for n in range(count):
        form = forms[n % len(forms)]
        row = {FORM_COLUMN: form.id, VERSION_COLUMN: str(form.version), "_uuid": f"uuid-{n}"}  # type: ignore[attr-defined]
        for item in form.items:  # type: ignore[attr-defined]
            value = answers(form, n)[item.id]
            row[item.id] = choice_names(item.answers)[item.answers.index(value)] if item.answers else value
        writer.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")


def timed_results(root: Path, inputs: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "results", "-q", str(inputs), "--out", str(out)],
        cwd=root,
        check=True,
        env=os.environ,
    )
    return time.perf_counter() - started


def main(count: int) -> None:
    root = Path.cwd()
    project = load_project(root, root / DEFAULT_ORG)
    forms = list(project_forms(project))
    plan = plan_build(project)
    with tempfile.TemporaryDirectory() as folder:
        temp = Path(folder)
        render(PdfWork(plan.setup, tuple(d for d in plan.forms if d.variant == "fillable")), temp / "blank")
        pdfs = temp / "pdfs"
        pdfs.mkdir()
        share = -(-count // len(forms))
        for number, form in enumerate(forms):
            this = min(share, count - number * share)
            blank = temp / "blank" / form_pdf(form.id, "fillable")
            fill_pdfs(blank, form.id, this, number * share, pdfs, form)
        export_csv(forms, count, temp / "export.csv")
        figures = {
            "responses": count,
            "pdf_seconds": timed_results(root, pdfs, temp / "report-pdf"),
            "csv_seconds": timed_results(root, temp / "export.csv", temp / "report-csv"),
        }
    print(json.dumps(figures))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
