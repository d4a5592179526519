"""A project in which every place a title is made holds markup that would run if it reached a
page as HTML: the organization's name (the site name), the program's name, the first heading of
its own page, its own modules' and sessions' titles, its contacts' roles and its values' names.

Each script would set an attribute on `<html>`; `SCRIPT` breaks out of `<title>`, `IMAGE` runs
where a title is put into a page by script (search results). Both fit the shortest one-line
field. Its own curriculum has 12 modules: with the shared one, 13, so the menu is grouped
("Modules 1–10") and its groups fold.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import copy_project

SCRIPT = "</title><script>document.documentElement.dataset.x=1</script>"
IMAGE = "<img src=x onerror=document.documentElement.dataset.y=1>"
OWN_MODULES = 12

NAME = f"Hart & Co {SCRIPT}"
PROGRAM = f"Year & day {SCRIPT}"
PAGE = f"Our page & more {SCRIPT}"
ROLE = f"Lead & chair {SCRIPT}"
VALUE = f"Care & candour {IMAGE}"


def module_title(number: int) -> str:
    return f"Module {number} & more {SCRIPT}"


def session_title(number: int, second: bool) -> str:
    return f"Talk {number}.{2 if second else 1} & {IMAGE if second else SCRIPT}"


def write_project(root: Path) -> Path:
    """The minimal project with those titles, in `root`; returns the profile's path."""
    copy_project(root)
    folder = root / "organizations" / "org"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.md").write_text(f"# {PAGE}\n\nWhat we do.\n\n## Who & why {SCRIPT}\n\nBecause.\n", encoding="utf-8")
    modules = [_module(n) for n in range(1, OWN_MODULES + 1)]
    _dump(folder / "curriculum.yaml", {"modules": modules})
    profile = root / "organizations" / "org.yaml"
    _dump(
        profile,
        {
            "name": NAME,
            "colors": {"primary": "#1d4e89", "accent": "#b3401a"},
            "welcome": "Hello.",
            "values": [{"name": VALUE, "in_mentoring": "Ask first."}],
            "contacts": [{"role": ROLE, "name": "Sam"}],
            "program": {"name": PROGRAM, "start": "2027-01-11", "weeks": 40, "cadence": "weekly"},
            "curriculum": "curriculum.yaml",
            "pages": ["page.md"],
        },
    )
    return profile


def _module(number: int) -> dict[str, object]:
    return {
        "id": f"own-{number}",
        "title": module_title(number),
        "summary": "A module of our own.",
        "why_it_matters": "Because.",
        "objectives": ["Know more."],
        "sessions": [_session(number, second) for second in (False, True)],
    }


def _session(number: int, second: bool) -> dict[str, object]:
    return {
        "id": f"own-{number}-{2 if second else 1}",
        "title": session_title(number, second),
        "minutes": 30,
        "summary": "Meet.",
        "agenda": [{"step": "Talk", "minutes": 30}],
        "prompts": {"mentor": ["What?"], "mentee": ["Why?"]},
        "activity": {"title": "Talk it over", "description": "Talk."},
        "tips": {"mentor": ["Listen."], "mentee": ["Ask."]},
        "pitfalls": {"mentor": ["Rush."], "mentee": ["Wait."]},
    }


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8")
