"""Peak memory and seconds of `mentorbook results` on large CSV exports (issue 23: a 100 MB CSV
once grew past 7 GB). Two shapes at each size: many short rows (three ratings and a sentence
each: past 50,000 rows the run stops with a message) and fewer rows with long written answers
(19,000 characters each, under the 20,000 an answer may have: all counted, the report showing
the first 100 of each group, shortened).

    .venv/bin/python bench/results_memory.py [MB ...]        # default: 10 100

Run in a handbook project's folder (the example's `organizations/` is enough). Each run is a
fresh process, sampled by bench/memory.py. Prints one JSON line: per shape and size, the
file's MB, the exit code, seconds, peak resident MB and the first line the command printed.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memory import watch

from generator.plan.program.forms import project_forms
from generator.plan.sheets.xlsform import FORM_COLUMN, VERSION_COLUMN, choice_names
from generator.read.layout import DEFAULT_ORG
from generator.read.project import load_project

SHAPES = {"short_rows": 120, "long_answers": 19_000}  # characters of each written answer


def export(path: Path, form: object, megabytes: int, answer_chars: int) -> float:
    """A Kobo-shaped export of `form` of about `megabytes` MB; its size in MB."""
    items = form.items  # type: ignore[attr-defined]
    header = [FORM_COLUMN, VERSION_COLUMN, *(i.id for i in items), "_uuid"]
    target = megabytes * 1024 * 1024
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        n = 0
        while handle.tell() < target:
            cells = [form.id, str(form.version)]  # type: ignore[attr-defined]
            for k, item in enumerate(items):
                if item.answers:
                    cells.append(choice_names(item.answers)[(n + k) % len(item.answers)])
                else:
                    words = f"Answer {n}: meet earlier, and bring one question each time. "
                    cells.append((words * (answer_chars // len(words) + 1))[:answer_chars])
            cells.append(f"uuid-{n}")
            writer.writerow(cells)
            n += 1
    return path.stat().st_size / 1024 / 1024


def measured(root: Path, export: Path, out: Path) -> dict[str, object]:
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "results", "-q", str(export), "--out", str(out)],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )
        peaks = watch(process, interval=0.1)
        err.seek(0)
        said = err.read().strip().splitlines()
    return {
        "exit": process.returncode,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(peaks["tree_rss_mb"]),
        "said": said[0][:160] if said else "",
    }


def main(sizes: list[int]) -> None:
    root = Path.cwd()
    forms = project_forms(load_project(root, root / DEFAULT_ORG))
    form = next(f for f in forms if any(not i.answers for i in f.items))  # one with a written answer
    figures: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for shape, chars in SHAPES.items():
            for megabytes in sizes:
                path = Path(folder) / f"{shape}-{megabytes}.csv"
                size = export(path, form, megabytes, chars)
                figures[f"{shape}_{megabytes}mb"] = {
                    "csv_mb": round(size),
                    **measured(root, path, Path(folder) / "out"),
                }
                path.unlink()
    print(json.dumps(figures))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 100])
