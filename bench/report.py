"""The benchmark's results (bench/run.py) as the table people read, and each target's verdict."""

from __future__ import annotations

from typing import Any

OURS = ("inputs", "load", "pages", "write")  # plus the PDFs' HTML (pdf_html) and the handbook's join
STAGES = ("load", "pages", "write", "pdfs", "site")  # pdfs: every PDF, the books included (pdf/stage.py)


def print_report(results: dict[str, Any]) -> None:
    env = results["environment"]
    print(
        f"Mentorbook bench: Python {env['python']}, {env['cores']} cores, mkdocs {env['mkdocs']}, "
        f"material {env['mkdocs-material']}, zensical {env['zensical']}, weasyprint {env['weasyprint']}"
    )
    print("seconds are medians of `runs` runs; MB is the process's resident peak during the stage\n")
    _stage_table(results["sizes"])
    print()
    _engine_table(results["sizes"])
    print()
    _pdf_engine_table(results["sizes"])
    print()
    _organizations(results["organizations"])
    _pdfs(results["worksheet_pdfs"])
    if "results_report" in results:
        _results_report(results["results_report"])
    print()
    for line in verdicts(results):
        print(line)
    print(f"\nthe bench took {results['bench_seconds'] / 60:.1f} minutes")


def _stage_table(sizes: dict[str, Any]) -> None:
    head = f"{'curriculum':<10} {'pages':>5} {'runs':>4} " + " ".join(f"{s:>13}" for s in STAGES)
    print(head + f" {'total':>7} {'ours':>6} {'peak MB':>8} {'no-op':>11}")
    for name, size in sizes.items():
        cells = []
        for stage in STAGES:
            cells.append(f"{size['seconds'][stage]:>6.2f}s {size['peak_mb'][stage]:>4.0f}MB")
        noop = f"{size['noop_wall']:.2f}/{size['wall']:.1f}s"
        print(
            f"{name:<10} {size['pages']:>5} {size['runs']:>4} "
            + " ".join(cells)
            + f" {size['total']:>6.1f}s {own_share(size):>5.1%} {size['peak_total_mb']:>8.0f} {noop:>11}"
        )
    print("ours: our own work (inputs hash, load+validate, pages, write, and the PDFs' HTML and joins,")
    print("      summed over the PDF workers) / total;")
    print("no-op: `mentorbook build` again with nothing changed / the full build, both as new processes")


def own_share(size: dict[str, Any]) -> float:
    ours = sum(size["seconds"].get(stage, 0.0) for stage in OURS) + size["pdf_html"] + size["join"]
    return float(ours / size["total"])


def _engine_table(sizes: dict[str, Any]) -> None:
    print("site stage alone, same docs (PDFs as placeholders), cold:")
    print(
        f"{'curriculum':<10} {'ours (MkDocs)':>13} {'plain mkdocs':>13} {'ratio':>6} {'zensical':>9} {'ratio':>6} {'Z peak':>7}"
    )
    for name, size in sizes.items():
        e = size["engines"]
        ours, plain = e["mentorbook_mkdocs"], e["plain_mkdocs"]
        if "zensical" in e:
            zen = f"{e['zensical']:>8.2f}s {e['zensical'] / ours:>6.2f} {e['zensical_peak_mb']:>5.0f}MB"
        else:
            zen = f"{'n/a':>9} ({e.get('zensical_error', '')})"
        print(f"{name:<10} {ours:>12.2f}s {plain:>12.2f}s {ours / plain:>6.2f} {zen}")
    print("plain mkdocs: `mkdocs build` of the same docs and configuration, in a new process (startup included)")


def print_pdf_engines(sizes: dict[str, Any]) -> None:
    """`run.py --pdf-engines`: the engines' table alone."""
    _pdf_engine_table(sizes)


def _pdf_engine_table(sizes: dict[str, Any]) -> None:
    """WeasyPrint (our path) and the Typst prototype on the same handbook (bench/typst_compare.py)."""
    print("the handbook PDF alone, WeasyPrint (pool of a worker per core, parts joined) vs Typst (one pass):")
    print(
        f"{'curriculum':<10} {'engine':<10} {'pages':>5} {'seconds':>8} {'s/page':>7} {'CPU s/page':>10}"
        f" {'tree MB':>8} {'KB':>7}"
    )
    for name, size in sizes.items():
        engines = size.get("pdf_engines", {})
        for engine in ("weasyprint", "typst"):
            if engine in engines:
                e = engines[engine]
                print(
                    f"{name:<10} {engine:<10} {e['pages']:>5} {e['seconds']:>7.1f}s {e['per_page']:>7.3f}"
                    f" {e['cpu_per_page']:>10.3f} {e['tree_pss_mb']:>8.0f} {e['bytes'] / 1024:>7.0f}"
                )
        if "weasyprint" in engines and "typst" in engines:
            w, t = engines["weasyprint"], engines["typst"]
            print(
                f"{'':<10} {'ratio':<10} {'':>5} {w['seconds'] / t['seconds']:>7.1f}x {'':>7}"
                f" {w['cpu_per_page'] / t['cpu_per_page']:>9.1f}x {w['tree_pss_mb'] / t['tree_pss_mb']:>7.1f}x"
            )
    shipped = next((s["pdf_engines"] for s in sizes.values() if "checks" in s.get("pdf_engines", {})), None)
    if shipped:
        for line in pdf_checks(shipped):
            print(line)
    print("seconds: wall, after the process started (load, plan, lay out, write); tree MB: the process")
    print("and its workers' summed proportional memory (PSS), peak; ratio: WeasyPrint / Typst")


def pdf_checks(figures: dict[str, Any]) -> list[str]:
    """The two handbooks read back: tags, artifacts, bookmarks, text, right-to-left copy."""
    checks, lines = figures["checks"], []
    for engine in ("weasyprint", "typst"):
        c = checks[engine]
        roles = ", ".join(f"{role} {n}" for role, n in sorted(c["roles"].items(), key=lambda kv: -kv[1])[:8])
        lines.append(
            f"  {engine}: /Lang {c['lang'] or 'none'}, tagged {c['marked']}, {c['pages']} pages, text as artifact on"
            f" {c['artifact_pages']}, {c['bookmarks']} bookmarks; roles: {roles}"
        )
    text = checks["text"]
    lines.append(
        f"  pdftotext words: {text['words_a']:.0f} (WeasyPrint) vs {text['words_b']:.0f} (Typst); "
        f"{text['a_in_b']:.2%} of WeasyPrint's in Typst's, {text['b_in_a']:.2%} the other way"
    )
    rtl = figures.get("right_to_left", {}).get("checks", {}).get("right_to_left")
    if rtl:
        lines.append(
            f"  right-to-left example: the profile's Arabic words copied as written: "
            f"WeasyPrint {rtl['weasyprint']:.1%}, Typst {rtl['typst']:.1%}"
        )
    return lines


def _organizations(orgs: dict[str, Any]) -> None:
    n, one, two = orgs["organizations"], orgs["jobs1"], orgs["jobs2"]
    print(f"{n} organizations (shipped curriculum, `build --all`, new process each):")
    print(f"  --jobs 1: {one:.1f} s   --jobs 2: {two:.1f} s   ratio {two / one:.2f}")
    print(
        f"  no-op rebuild: {orgs['noop']:.1f} s ({orgs['noop'] / two:.1%} of --jobs 2), all skipped: {orgs['noop_all_skipped']}"
    )
    print(f"  one profile changed: {orgs['one_changed']:.1f} s, only it rebuilt: {orgs['one_changed_rebuilt_only_it']}")


def _pdfs(pdfs: dict[str, Any]) -> None:
    print(
        f"worksheet PDFs, one process, shipped curriculum ({pdfs['worksheets']} worksheets): "
        f"{pdfs['per_file']:.2f} s per file, {pdfs['per_worksheet_both_variants']:.2f} s per worksheet "
        f"(fillable + print), {pdfs['per_worksheet_with_packets']:.2f} s with its share of the two packets"
    )


def _results_report(figures: dict[str, Any]) -> None:
    print(
        f"mentorbook results, a fresh process, {figures['responses']} responses: "
        f"{figures['pdf_seconds']:.1f} s from filled PDFs, {figures['csv_seconds']:.1f} s from a CSV export"
    )


def verdicts(results: dict[str, Any]) -> list[str]:
    sizes, orgs, pdfs = results["sizes"], results["organizations"], results["worksheet_pdfs"]
    lines = ["targets:"]
    worst = max(own_share(s) for s in sizes.values())
    lines.append(_line(worst <= 0.10, f"our own work <= 10% of a build: at most {worst:.1%}"))
    if "200" in sizes and "1000" in sizes:
        small, big = sizes["200"], sizes["1000"]
        ratio = big["total"] / small["total"]
        lines.append(_line(ratio <= 6, f"1,000 sessions <= 6x the time of 200: {ratio:.1f}x"))
        site = big["seconds"]["site"] / small["seconds"]["site"]
        lines.append(f"       the site stage alone: {site:.1f}x for {big['pages'] / small['pages']:.1f}x the pages")
        peak = big["peak_total_mb"]
        lines.append(_line(peak <= 500, f"peak memory at 1,000 sessions <= 500 MB: {peak:.0f} MB"))
        stage = max(big["peak_mb"], key=big["peak_mb"].get)
        lines.append(
            f"       the highest stage: {stage}, {big['peak_mb'][stage]:.0f} MB (200 sessions: {small['peak_total_mb']:.0f} MB)"
        )
    jobs = orgs["jobs2"] / orgs["jobs1"]
    lines.append(
        _line(jobs <= 0.6, f"--jobs 2 <= 0.6x --jobs 1 for {orgs['organizations']} organizations: {jobs:.2f}x")
    )
    noop = max(s["noop_wall"] / s["wall"] for s in sizes.values())
    lines.append(_line(noop <= 0.10, f"no-op rebuild <= 10% of a full build: at most {noop:.1%}"))
    lines.append(_line(pdfs["per_file"] <= 0.3, f"worksheet PDFs <= 0.3 s each: {pdfs['per_file']:.2f} s per file"))
    return lines


def _line(met: bool, text: str) -> str:
    return f"  {'met    ' if met else 'NOT MET'} {text}"


def _books(seconds: dict[str, float]) -> float:
    """The books' own stages (a checkout before the PDF stage of issue 25: after it, in "pdfs")."""
    return seconds.get("handbook", 0.0) + seconds.get("editions", 0.0)


def _pdf_seconds(seconds: dict[str, float]) -> float:
    """Every PDF's seconds, whichever stages a checkout has them in."""
    return seconds.get("pdfs", 0.0) + _books(seconds)


def print_comparison(results: dict[str, Any]) -> None:
    """`run.py --compare`: each size's build before and after, and after / before. Memory:
    the parent's resident peak, the largest worker's, and the whole tree's sampled peak, by
    resident size (shared pages counted in each process) and by proportional size (Pss)."""
    print(
        f"{'build':<15} {'wall':>7} {'total':>7} {'pdfs':>7} {'handbook':>8} {'parent MB':>9}"
        f" {'worker MB':>9} {'tree Rss':>8} {'tree Pss':>8} {'procs':>5} {'load':>5}"
    )
    for name, size in results.items():
        s = size["seconds"]
        print(
            f"{name:<15} {size['wall']:>6.1f}s {size['total']:>6.1f}s {s['pdfs']:>6.1f}s {_books(s):>7.1f}s"
            f" {size['peak_total_mb']:>9.0f} {size['workers_peak_mb']:>9.0f} {size['tree_rss_mb']:>8.0f}"
            f" {size['tree_pss_mb']:>8.0f} {size['processes']:>5.0f} {size['load']:>5.1f}"
        )
    for name in sorted({key.rsplit(" ", 1)[0] for key in results}):
        before, after = results.get(f"{name} before"), results.get(f"{name} after")
        if before and after:
            ratios = [after["wall"] / before["wall"], after["total"] / before["total"]]
            ratios += [_pdf_seconds(after["seconds"]) / _pdf_seconds(before["seconds"]), 1.0]
            print(f"{name}: after / before: wall {ratios[0]:.2f}x, build {ratios[1]:.2f}x, every PDF {ratios[2]:.2f}x")


def print_before_after(figures: dict[str, Any], before: str) -> None:
    """`run.py --before`: issue 25's figures for the checkout before and this one, one run."""
    print(f"before ({before}) and after, in one run on this machine:")
    print(f"{'':<44} {'before':>9} {'after':>9} {'after/before':>12}")
    rows = [("full build, shipped (wall s)", figures["shipped"], "wall", "s")]
    if "1000" in figures:
        rows.append(("full build, 1,000 sessions (wall s)", figures["1000"], "wall", "s"))
        rows.append(("tree memory, 1,000 sessions (PSS MB)", figures["1000"], "tree_pss_mb", "MB"))
    for text, pair, key, unit in rows:
        old, new = pair["before"][key], pair["after"][key]
        print(f"{text:<44} {old:>7.1f}{unit:<2} {new:>7.1f}{unit:<2} {new / old:>11.2f}x")
    for edit in ("session title", "profile colour"):
        old, new = figures["preview"]["before"][edit], figures["preview"]["after"][edit]
        # The handbook is the PDF both make (the readers' editions came after 0e41e6e): like for like.
        for key, text in (
            ("reload", "edit -> page"),
            ("handbook", "edit -> handbook"),
            ("last_pdf", "edit -> last PDF"),
        ):
            label = f"preview, {edit}: {text} (s)"
            print(f"{label:<44} {old[key]:>8.1f}s {new[key]:>8.1f}s {new[key] / old[key]:>11.2f}x")
    memory = figures.get("1000", {}).get("after", {}).get("tree_pss_mb")
    if memory is not None:
        print(_line(memory <= 500, f"memory at 1,000 sessions: {memory:.0f} MB (at most 500 MB)"))
    page = figures["preview"]["after"]["session title"]["reload"]
    print(_line(page <= 2, f"edit -> page at the shipped size: {page:.1f} s (at most 2 s)"))
    ratio = max(
        figures["preview"]["after"][e]["last_pdf"] / figures["preview"]["before"][e]["last_pdf"]
        for e in ("session title", "profile colour")
    )
    print(_line(ratio <= 1.2, f"edit -> last PDF: {ratio:.2f}x before (at most 1.2x)"))
