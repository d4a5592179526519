"""`make bench`: Mentorbook's own figures, printed as a table and written to bench/results/bench.json.

    .venv/bin/python bench/run.py [--sizes 50,200,1000] [--organizations 20] [--quick]
    .venv/bin/python bench/run.py --sizes 200,1000 --quick --compare /tmp/before
    .venv/bin/python bench/run.py --quick --sizes "" --organizations 2 --preview-sizes shipped --results /tmp/b.json
    .venv/bin/python bench/run.py --pdf-engines [--sizes 200,1000]
    .venv/bin/python bench/run.py --before 0e41e6e [--quick]   # also: before and after, one run

`--before REF` (a commit, or another checkout's folder) adds, in the same run and on the same
machine, the figures of issue 25 for that checkout and this one: a full build at the shipped
size, the whole tree's memory at 1,000 sessions (not with --quick), and the preview's edit ->
page and edit -> last PDF at the shipped size. `make bench` passes the commit before the PDF
stage was rebuilt.

The last is the smoke test that `make test` runs (tests/bench/test_bench_quick.py): every
part of the bench once, at the shipped size only.

`--compare DIR` measures only the full builds, each size with the code in DIR (another
checkout: the child process imports DIR's `generator`) right before ours, and prints both and
their ratios, so that before and after share one run (and one load on a shared machine).

Every measurement runs in a fresh process on a synthetic project in a temporary folder
(bench/synthetic.py): the shipped curriculum, then grown to 50, 200 and 1,000 sessions. The
machine is shared, so absolute seconds vary; ratios taken within one run are what count.
Figures are medians of several runs (the table says how many; one at 200 and 1,000 sessions,
which keeps the whole run under 15 minutes on 2 cores).

The PDF engines (issue 24): at each size the handbook is laid out by WeasyPrint (our path) and
by the Typst prototype (bench/typst_proto), each in a fresh process, and at the shipped size
both files are read back and compared, also for the right-to-left example organization
(bench/typst_compare.py; docs/decisions/0001-pdf-engine.md holds the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory import watch
from report import print_before_after, print_comparison, print_pdf_engines, print_report
from synthetic import SHIPPED, make_project
from typst_compare import compare

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results" / "bench.json"
RIGHT_TO_LEFT = BENCH.parent / "organizations" / "jamiyat-al-nour.yaml"  # Arabic text in an English handbook
EPOCH = "1767225600"


def python(*args: str, cwd: Path | None = None, code: Path = BENCH.parent) -> tuple[float, str]:
    """Run a Python script of the bench (or `-m generator`) in a new process: wall seconds, stdout.
    `code`: the checkout whose `generator` it imports."""
    seconds, out, _ = watched(*args, cwd=cwd, code=code)
    return seconds, out


def watched(*args: str, cwd: Path | None = None, code: Path = BENCH.parent) -> tuple[float, str, dict[str, float]]:
    """`python`, and the peak memory of the process and its children (bench/memory.py)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        memory = watch(process)
        seconds = time.perf_counter() - started
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{stdout}\n{stderr}")
    return seconds, stdout, memory


def full_builds(root: Path, repeats: int, code: Path = BENCH.parent) -> dict[str, Any]:
    """Stage seconds and memory (medians), the process's wall time, then a no-op rebuild."""
    runs, walls = [], []
    for _ in range(repeats):
        wall, out, memory = watched(str(BENCH / "child.py"), str(root), str(root / "site"), code=code)
        runs.append({**json.loads(out.strip().splitlines()[-1]), **memory, "load": os.getloadavg()[0]})
        walls.append(wall)
    noop, out = python("-m", "generator", "build", cwd=root, code=code)
    assert "up to date" in out, out
    stages = runs[0]["seconds"].keys()
    return {
        "runs": repeats,
        "pages": runs[0]["pages"],
        "seconds": {k: statistics.median(r["seconds"][k] for r in runs) for k in stages},
        "peak_mb": {k: statistics.median(r["peak_mb"][k] for r in runs) for k in stages},
        "peak_total_mb": statistics.median(r["peak_total_mb"] for r in runs),
        **{k: statistics.median(r[k] for r in runs) for k in ("tree_rss_mb", "tree_pss_mb", "processes", "load")},
        "workers_peak_mb": statistics.median(r.get("workers_peak_mb", 0.0) for r in runs),
        "total": statistics.median(r["total"] for r in runs),
        "pdf_html": statistics.median(r["pdf_html"] for r in runs),
        "join": statistics.median(r["join"] for r in runs),
        "wall": statistics.median(walls),
        "noop_wall": noop,
    }


def engines(root: Path, repeats: int) -> dict[str, Any]:
    _, out = python(str(BENCH / "engines.py"), str(root), str(repeats))
    return dict(json.loads(out.strip().splitlines()[-1]))


def organizations(folder: Path, count: int) -> dict[str, Any]:
    """`build --all` of `count` organizations with --jobs 1 and 2, a no-op rebuild, and a
    rebuild after one profile changed (exactly that one must build)."""
    root = make_project(folder, None, count)
    figures: dict[str, Any] = {"organizations": count}
    for jobs in (1, 2):
        figures[f"jobs{jobs}"], _ = python(
            "-m", "generator", "build", "--all", "--force", "--jobs", str(jobs), "--out", "sites", cwd=root
        )
    figures["noop"], out = python("-m", "generator", "build", "--all", "--jobs", "2", "--out", "sites", cwd=root)
    figures["noop_all_skipped"] = f"({count} already up to date)" in out
    profile = root / "organizations" / "synthetic-01.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Synthetic 01", "Synthetic One"), encoding="utf-8")
    figures["one_changed"], out = python("-m", "generator", "build", "--all", "--jobs", "2", "--out", "sites", cwd=root)
    figures["one_changed_rebuilt_only_it"] = f"({count - 1} already up to date)" in out
    return figures


def worksheet_pdfs(root: Path) -> dict[str, Any]:
    _, out = python(str(BENCH / "pdf_figures.py"), cwd=root)
    rows = [line.split() for line in out.splitlines()[1:] if len(line.split()) == 4]
    singles = [float(r[2]) for r in rows if r[0] != "packet"]
    everything = sum(float(r[2]) for r in rows)
    worksheets = len(singles) // 2
    return {
        "worksheets": worksheets,
        "per_file": statistics.mean(singles),
        "per_worksheet_both_variants": sum(singles) / worksheets,
        "per_worksheet_with_packets": everything / worksheets,
    }


def results_report(root: Path, responses: int = 500) -> dict[str, Any]:
    """`mentorbook results` on 500 filled PDFs and on a 500-row CSV export (bench/results_figures.py)."""
    _, out = python(str(BENCH / "results_figures.py"), str(responses), cwd=root)
    return dict(json.loads(out.strip().splitlines()[-1]))


def pdf_engines(root: Path, folder: Path, read_back: bool) -> dict[str, Any]:
    """The handbook through WeasyPrint and through Typst (bench/typst_compare.py); with
    `read_back`, both files compared, and the right-to-left example organization as well."""
    print(f"[bench] PDF engines: {root.name}...", file=sys.stderr, flush=True)
    figures = compare(watched, root, root / "organizations" / "example.yaml", folder / "example", read_back)
    if read_back:
        figures["right_to_left"] = compare(watched, SHIPPED, RIGHT_TO_LEFT, folder / "rtl")
    return figures


def preview(folder: Path, sizes: list[int | None], before: Path | None, quick: bool = False) -> dict[str, Any]:
    """bench/preview.py at each size: this checkout's `serve` and, with `before`, another's
    (say `git worktree add /tmp/pv_before <base>`, on a project made by its own
    bench/synthetic.py), in the same run. Each figure is the least of 3 edits at the shipped
    size (these machines are noisy), of 1 at 200 sessions."""
    figures: dict[str, Any] = {}
    for sessions in sizes:
        name, repeats = ("shipped", "1" if quick else "3") if sessions is None else (str(sessions), "1")
        for label, checkout in [("after", BENCH.parent), *([("before", before)] if before else [])]:
            root = folder / f"preview-{name}-{label}"
            grown = ["--sessions", str(sessions)] if sessions else []
            python(str(checkout / "bench" / "synthetic.py"), str(root), *grown, code=checkout)
            print(f"[bench] preview {name} ({label})...", file=sys.stderr, flush=True)
            _, out = python(str(BENCH / "preview.py"), str(root), "--checkout", str(checkout), "--repeats", repeats)
            figures.setdefault(name, {})[label] = json.loads(out.strip().splitlines()[-1])
    return figures


def checkout(before: str, folder: Path) -> Path:
    """`before` as a folder to import `generator` from: itself if it is one, else a `git
    worktree` of that commit in `folder` (detached, removed with the bench's temporary folder)."""
    if Path(before).is_dir():
        return Path(before).resolve()
    repository = BENCH.parent
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(folder), before], cwd=repository, check=True)
    return folder


def before_after(folder: Path, before: Path, quick: bool) -> dict[str, Any]:
    """Issue 25's figures for `before` and for this checkout, back to back: a full build at the
    shipped size, one at 1,000 sessions for the whole tree's memory (not when `quick`), and the
    preview at the shipped size."""
    figures: dict[str, Any] = {}
    try:
        for sessions in [None, *([] if quick else [1000])]:
            name = "shipped" if sessions is None else str(sessions)
            for label, code in (("before", before), ("after", BENCH.parent)):
                # Each checkout's own project: its shipped curriculum and profile, which it can read.
                root, grown = folder / f"{name}-{label}", ["--sessions", str(sessions)] if sessions else []
                python(str(code / "bench" / "synthetic.py"), str(root), *grown, code=code)
                print(f"[bench] {name} {label}: a full build...", file=sys.stderr, flush=True)
                figures.setdefault(name, {})[label] = full_builds(root, 1, code)
        figures["preview"] = preview(folder / "preview", [None], before, quick)["shipped"]
    finally:
        if before.is_relative_to(folder.parent):
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=BENCH.parent, check=False)
    return figures


def environment() -> dict[str, str]:
    versions = {}
    for name in ("mkdocs", "mkdocs-material", "zensical", "weasyprint"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {"python": platform.python_version(), "cores": str(os.cpu_count()), **versions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,200,1000", help="synthetic curriculum sizes (sessions)")
    parser.add_argument("--organizations", type=int, default=20)
    parser.add_argument(
        "--quick", action="store_true", help="one run of everything, 50 responses (a smoke test of the bench)"
    )
    parser.add_argument("--preview", action="store_true", help="only the preview figures (bench/preview.py)")
    parser.add_argument("--before", help="a commit or a checkout's folder to measure as before, in the same run")
    parser.add_argument("--compare", type=Path, help="another checkout: full builds only, its then ours")
    parser.add_argument("--preview-sizes", default="shipped,200", help="the preview's sizes (shipped or sessions)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument("--pdf-engines", action="store_true", help="only the handbook through WeasyPrint and Typst")
    args = parser.parse_args()
    if args.pdf_engines:
        only_pdf_engines(args)
        return
    if args.compare:
        compare_builds(args)
        return
    if args.preview:
        with tempfile.TemporaryDirectory(prefix="mentorbook-bench-") as folder:
            before = checkout(args.before, Path(folder) / "before") if args.before else None
            print(json.dumps(preview(Path(folder), [None, 200], before), indent=2))
        return
    started = time.perf_counter()
    results: dict[str, Any] = {"environment": environment(), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="mentorbook-bench-") as folder:
        for sessions in [None, *(int(s) for s in args.sizes.split(",") if s)]:
            name = "shipped" if sessions is None else str(sessions)
            repeats = 1 if args.quick or (sessions or 0) >= 200 else 3
            root = make_project(Path(folder) / name, sessions)
            print(f"[bench] {name}: {repeats} full build(s)...", file=sys.stderr, flush=True)
            size = full_builds(root, repeats)
            size["engines"] = engines(root, 1 if args.quick or (sessions or 0) >= 1000 else 3)
            size["pdf_engines"] = pdf_engines(root, Path(folder) / f"pdf-{name}", read_back=sessions is None)
            results["sizes"][name] = size
        print(f"[bench] {args.organizations} organizations...", file=sys.stderr, flush=True)
        results["organizations"] = organizations(Path(folder) / "orgs", args.organizations)
        results["worksheet_pdfs"] = worksheet_pdfs(Path(folder) / "shipped")
        print("[bench] results: 500 responses...", file=sys.stderr, flush=True)
        results["results_report"] = results_report(Path(folder) / "shipped", 50 if args.quick else 500)
        print("[bench] preview (serve: edit -> reload, edit -> last PDF)...", file=sys.stderr, flush=True)
        sizes = [None if s == "shipped" else int(s) for s in args.preview_sizes.split(",") if s]
        results["preview"] = preview(Path(folder) / "preview", sizes, None, args.quick)
        if args.before:
            print(f"[bench] before ({args.before}) and after...", file=sys.stderr, flush=True)
            before = checkout(args.before, Path(folder) / "before")
            results["before_after"] = before_after(Path(folder) / "before-after", before, args.quick)
    results["bench_seconds"] = time.perf_counter() - started
    written = args.results.resolve()
    written.parent.mkdir(parents=True, exist_ok=True)
    written.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_report(results)
    print("\npreview (seconds from saving an edit):\n" + json.dumps(results["preview"], indent=2))
    if "before_after" in results:
        print()
        print_before_after(results["before_after"], args.before)
    print(f"\nwritten to {written.relative_to(Path.cwd()) if written.is_relative_to(Path.cwd()) else written}")


def only_pdf_engines(args: argparse.Namespace) -> None:
    """The PDF engines alone at each size, in one run (the figures of docs/decisions/0001)."""
    sizes: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="mentorbook-bench-") as folder:
        for sessions in [None, *(int(s) for s in args.sizes.split(",") if s)]:
            name = "shipped" if sessions is None else str(sessions)
            root = make_project(Path(folder) / name, sessions)
            sizes[name] = {"pdf_engines": pdf_engines(root, Path(folder) / f"pdf-{name}", read_back=sessions is None)}
            written = args.results.resolve().with_name("pdf_engines.json")
            written.parent.mkdir(parents=True, exist_ok=True)
            written.write_text(json.dumps(sizes, indent=2) + "\n", encoding="utf-8")
    print_pdf_engines(sizes)


def compare_builds(args: argparse.Namespace) -> None:
    """Full builds only, each size with `--compare`'s code then ours, back to back."""
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="mentorbook-bench-") as folder:
        for sessions in [None, *(int(s) for s in args.sizes.split(",") if s)]:
            name = "shipped" if sessions is None else str(sessions)
            repeats = 1 if args.quick or (sessions or 0) >= 200 else 3
            root = make_project(Path(folder) / name, sessions)
            for label, code in (("before", args.compare.resolve()), ("after", BENCH.parent)):
                print(f"[bench] {name} {label}: {repeats} full build(s)...", file=sys.stderr, flush=True)
                results[f"{name} {label}"] = full_builds(root, repeats, code)
                RESULTS.parent.mkdir(parents=True, exist_ok=True)
                RESULTS.with_name("compare.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_comparison(results)


if __name__ == "__main__":
    main()
