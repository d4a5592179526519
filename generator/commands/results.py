"""`mentorbook results`: read filled forms and survey exports, check each, and write the
report (page, PDF), the tidy CSV and the list of problems into the output folder.

Exit codes: 0 when at least one response was counted, even if others were left out (each
is printed as a warning naming its file, and listed in problems.txt); 1 when nothing could
be counted (every input unreadable, empty or not a response to this handbook's forms).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Problem, display_path
from generator.plan.program.forms import project_forms
from generator.read.layout import default_profile
from generator.read.project import load_project
from generator.results.change import changes, one_per_person
from generator.results.check import Issue, check_all
from generator.results.read import read_inputs
from generator.results.report import CSV, PAGE, PDF, PROBLEMS, report_html, report_pdf, report_view
from generator.results.tally import MIN_GROUP, tally, tidy_csv
from generator.write import RESULTS, output_lock, refuse_other_kind, staged_output, write_files, write_manifest


@dataclass(frozen=True)
class ResultsOutcome:
    out: Path
    counted: int
    issues: tuple[Issue, ...]


def results(
    root: Path, org_file: Path | None, inputs: list[Path], out: Path | None = None, *, minimum: int = MIN_GROUP
) -> ResultsOutcome:
    out = out or root / "results"
    refuse_other_kind(out.absolute(), RESULTS)  # before any reading: never over a handbook
    project = load_project(root, org_file or default_profile(root))
    forms = project_forms(project)
    paths = _expand(inputs)
    submissions, unreadable = read_inputs(paths, {p: display_path(p) for p in paths})
    responses, issues = check_all(submissions, forms)
    responses, repeated = one_per_person(responses)
    issues = [Issue(*u) for u in unreadable] + issues + repeated
    if not responses:
        raise InputError([Problem(i.source, 0, 0, i.message, i.hint) for i in issues] or [_nothing(inputs)])
    labels, org = project.labels, project.organization
    tallies = tally(forms, responses, labels, minimum)
    change = changes(forms, responses, labels, minimum)
    view = report_view(org.name, org.language, tallies, change, len(responses), len(issues), minimum, labels)
    html = report_html(view)
    files = {
        PDF: report_pdf(html),
        CSV: tidy_csv(responses),
        PROBLEMS: "".join(f"{i}\n" for i in issues).encode(),
    }
    with output_lock(out), staged_output(out, RESULTS) as stage:
        stage.site.mkdir()
        write_files(stage.site, {PAGE: html}, files)
        write_manifest(
            stage.site, {"generator": "mentorbook", "kind": RESULTS, "report": "results", "responses": len(responses)}
        )
    return ResultsOutcome(out, len(responses), tuple(issues))


def _expand(inputs: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the PDFs and CSVs in it, in name order."""
    paths: list[Path] = []
    for path in inputs:
        if path.is_dir():
            paths += sorted(p for p in path.iterdir() if p.suffix.lower() in (".pdf", ".csv") and p.is_file())
        else:
            paths.append(path)
    return paths


def _nothing(inputs: list[Path]) -> Problem:
    shown = ", ".join(display_path(p) for p in inputs)
    return Problem(shown, 0, 0, "holds no filled form or CSV export", "give the filled PDFs or the survey's CSV export")
