"""The Typst prototype: the handbook and one fillable worksheet of a profile, through Typst.

    .venv/bin/python -m bench.typst_proto ROOT PROFILE OUT [--paper A4|Letter] [--worksheet ID]

ROOT is a project (the repository itself, or one made by
bench/synthetic.py). Writes OUT/handbook.pdf and OUT/<worksheet>-fillable.pdf; prints seconds.
Not Mentorbook's PDF path: `mentorbook build` lays out with WeasyPrint.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.typst_proto.build import make_handbook, make_worksheet
from bench.typst_proto.plan import load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("profile", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--paper", choices=("A4", "Letter"))
    parser.add_argument("--worksheet", help="which worksheet's fillable PDF (default: the first)")
    args = parser.parse_args()
    project = load(args.root.resolve(), args.profile.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    handbook = make_handbook(project, args.out, args.paper)
    middle = time.perf_counter()
    sheet = make_worksheet(project, args.out, args.worksheet, args.paper)
    print(
        json.dumps(
            {
                "handbook": str(handbook),
                "seconds": middle - started,
                "worksheet": str(sheet),
                "worksheet_seconds": time.perf_counter() - middle,
            }
        )
    )


if __name__ == "__main__":
    main()
