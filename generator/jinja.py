"""Where templates live, and the one factory for the Jinja environments that print them.

Every environment is strict (an unknown name is an error, not an empty string) and looks up a
template in a chain: the project's `overrides/templates/`, then Mentorbook's built-in
`generator/templates/`. What differs is only how a value is printed:

- `markdown`: site pages; each value escaped for Markdown (site/render.py's `markdown_value`);
- `css`: the brand stylesheet; only colours and numbers may be printed;
- `html`: the print templates and the landing page; HTML autoescaping;
- `text`: scaffolds (a new profile), whose values arrive already quoted for YAML.

Organization text reaches a template only as a value, never as a template.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.direction import dir_attribute

TEMPLATES = Path(__file__).parent / "templates"  # the built-in ones
PRINT = TEMPLATES / "print"  # print templates and the files they read (print.css)
OVERRIDES = Path("overrides") / "templates"  # a project's own, relative to its root

Kind = Literal["markdown", "css", "html", "text"]


@lru_cache(maxsize=32)  # kinds and projects: a test run makes many projects
def environment(
    kind: Kind, project_root: Path | None = None, finalize: Callable[[Any], Any] | None = None
) -> Environment:
    """A strict environment of one kind; with `project_root`, its overrides come first. One per
    kind and project in a process, so that a template is compiled once (serve rebuilds after
    every edit): Jinja compiles a template again when its file's time changes."""
    search = [*([project_root / OVERRIDES] if project_root else []), TEMPLATES]
    options: dict[str, Any] = {
        "loader": FileSystemLoader([str(path) for path in search]),
        "undefined": StrictUndefined,
        "autoescape": kind == "html",
        "keep_trailing_newline": kind in ("markdown", "css", "text"),
        "trim_blocks": kind != "text",
        "lstrip_blocks": kind != "text",
    }
    if finalize is not None:
        options["finalize"] = finalize
    env = Environment(**options)
    if kind == "html":
        env.filters["dir"] = dir_attribute  # ` dir="rtl"` on elements of right-to-left text
    return env
