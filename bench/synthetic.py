"""Synthetic projects for the benchmark: the shipped curriculum grown to N sessions, and many
organizations. Written into a folder the caller owns (a temporary one): never committed.

A grown curriculum repeats the shipped modules in order, each copy with new ids and numbered
titles, until it has exactly N sessions; worksheets, glossary and guides stay as shipped, so
every copy is as valid as the original (`mentorbook validate` passes) and pages are as long.

    .venv/bin/python bench/synthetic.py DIR --sessions 200 [--organizations 20]
"""

from __future__ import annotations

import argparse
import colorsys
import copy
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO  # the curriculum, guides, base config and theme Mentorbook ships: the top level (read/layout.py)
SHARED = ("curriculum.yaml", "mkdocs.yml")
FOLDERS = ("content", "overrides")


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.width = 4096  # long lines stay whole, as authors write them
    yaml.allow_unicode = True
    return yaml


def grown_curriculum(shipped: dict[str, Any], sessions: int) -> dict[str, Any]:
    """`shipped` with its modules repeated until there are exactly `sessions` sessions.
    The first round keeps the original ids, so links from the guides still resolve."""
    modules: list[dict[str, Any]] = []
    count, round_ = 0, 0
    while count < sessions:
        for module in shipped["modules"]:
            taken = module["sessions"][: sessions - count]
            if not taken:
                break
            modules.append(_copy_module(module, taken, round_))
            count += len(taken)
        round_ += 1
    return {**shipped, "modules": modules}


def _copy_module(module: dict[str, Any], sessions: list[dict[str, Any]], round_: int) -> dict[str, Any]:
    suffix = f"-{round_ + 1}" if round_ else ""
    label = f" ({round_ + 1})" if round_ else ""
    copied = copy.deepcopy(module)
    copied["id"] += suffix
    copied["title"] += label
    copied["sessions"] = [{**copy.deepcopy(s), "id": s["id"] + suffix, "title": s["title"] + label} for s in sessions]
    return copied


def organization(example: dict[str, Any], number: int, total: int, keep_program: bool = True) -> dict[str, Any]:
    """A copy of the example profile with its own name and a dark colour of its own
    (dark enough for white text and for links, so it passes the contrast check)."""
    profile = copy.deepcopy(example)
    profile["name"] = f"Synthetic Organization {number:02d}"
    profile["short_name"] = f"Synthetic {number:02d}"
    hue = number / max(total, 1)
    profile["colors"] = {"primary": _dark(hue), "accent": _dark((hue + 0.5) % 1)}
    if not keep_program:
        profile.pop("program", None)  # a program holds at most 260 weeks: a grown curriculum does not fit
    return profile


def _dark(hue: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue, 0.28, 0.7)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


def make_project(folder: Path, sessions: int | None = None, organizations: int = 1) -> Path:
    """A runnable project in `folder`: the shipped files, the curriculum grown to `sessions`
    (None: as shipped) and `organizations` copies of the example profile. Returns `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        shutil.copy(SHIPPED / name, folder / name)
    for name in FOLDERS:
        shutil.copytree(SHIPPED / name, folder / name, dirs_exist_ok=True)
    yaml = _yaml()
    if sessions is not None:
        shipped = yaml.load(SHIPPED / "curriculum.yaml")
        yaml.dump(grown_curriculum(shipped, sessions), folder / "curriculum.yaml")
    example = yaml.load(REPO / "organizations" / "example.yaml")
    orgs = folder / "organizations"
    orgs.mkdir(exist_ok=True)
    for number in range(1, organizations + 1):
        slug = "example" if organizations == 1 else f"synthetic-{number:02d}"
        yaml.dump(organization(example, number, organizations, sessions is None), orgs / f"{slug}.yaml")
        shutil.copytree(REPO / "organizations" / "example", orgs / slug, dirs_exist_ok=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sessions", type=int, help="grow the curriculum to this many sessions")
    parser.add_argument("--organizations", type=int, default=1, help="how many copies of the example profile")
    args = parser.parse_args()
    print(make_project(args.folder, args.sessions, args.organizations))


if __name__ == "__main__":
    main()
