"""The PDF engines side by side (issue 24, docs/decisions/0001-pdf-engine.md), for bench/run.py:
the same handbook laid out by WeasyPrint (Mentorbook's path) and by Typst (bench/typst_proto),
each in a fresh process whose whole tree's memory is sampled (bench/memory.py), then both
files read back and compared (bench/typst_proto/checks.py).

    .venv/bin/python bench/typst_compare.py ROOT [PROFILE ...]

prints the figures as JSON (ROOT: a project, e.g. one made by bench/synthetic.py).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.typst_proto import checks

BENCH = Path(__file__).resolve().parent
ENGINES = ("weasyprint", "typst")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a][\u0621-\u0655\u0670]*")

Watched = Callable[..., tuple[float, str, dict[str, float]]]


def compare(watched: Watched, root: Path, profile: Path, folder: Path, read_back: bool = True) -> dict[str, Any]:
    """Both engines on one profile: seconds, CPU seconds, pages, bytes and memory of each; with
    `read_back`, the files' tags, bookmarks, text and right-to-left copy compared."""
    figures: dict[str, Any] = {}
    for engine in ENGINES:
        out = folder / engine
        wall, stdout, memory = watched(str(BENCH / "typst_figures.py"), engine, str(root), str(profile), str(out))
        made = json.loads(stdout.strip().splitlines()[-1])
        figures[engine] = {**made, **memory, "wall": wall, "per_page": made["seconds"] / made["pages"]}
        figures[engine]["cpu_per_page"] = made["cpu"] / made["pages"]
    if read_back:
        figures["checks"] = read_back_both(folder / "weasyprint" / "handbook.pdf", folder / "typst" / "handbook.pdf")
        figures["checks"]["right_to_left"] = right_to_left_copy(profile, folder)
    return figures


def read_back_both(weasyprint: Path, typst: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for engine, path in (("weasyprint", weasyprint), ("typst", typst)):
        found[engine] = {**checks.structure(path), "bookmarks": len(checks.bookmarks(path))}
    found["text"] = checks.text_equality(weasyprint, typst)
    found["only_weasyprint"] = checks.missing_words(weasyprint, typst, 8)
    found["only_typst"] = checks.missing_words(typst, weasyprint, 8)
    return found


def right_to_left_copy(profile: Path, folder: Path) -> dict[str, float] | None:
    """The share of the profile's Arabic words that each PDF copies as written (pdftotext,
    which orders a right-to-left line as viewers do); None for a profile without Arabic."""
    source = profile.read_text(encoding="utf-8")
    wanted = set(_ARABIC_WORD.findall(source))
    if not wanted:
        return None
    shares = {}
    for engine in ENGINES:
        copied = set(_ARABIC_WORD.findall(checks.text(folder / engine / "handbook.pdf")))
        shares[engine] = len(wanted & copied) / len(wanted)
    return shares


def main(argv: list[str]) -> None:
    import tempfile

    from run import watched

    root = Path(argv[0]).resolve()
    profiles = [Path(p).resolve() for p in argv[1:]] or [root / "organizations" / "example.yaml"]
    results = {}
    with tempfile.TemporaryDirectory(prefix="mentorbook-engines-") as folder:
        for profile in profiles:
            results[profile.stem] = compare(watched, root, profile, Path(folder) / profile.stem)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    main(sys.argv[1:])
