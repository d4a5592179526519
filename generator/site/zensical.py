"""`mentorbook build --engine zensical`: the same docs built by Zensical, an optional extra.

Zensical (the successor of Material for MkDocs) reads mkdocs.yml and builds large sites faster.
It runs in a child process of this Python: its Rust core prints warnings straight to the
terminal, so a child's output is the only place to read them (and its memory stays out of
ours). It builds strictly, so a broken link fails the build as it does with MkDocs, into the
same staging folder, so the previous output survives a failure. Its output is then checked
for anything that a page would load from the internet; such a site is refused, not published.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from generator.errors import InputError, Problem, display_path
from generator.models.site_settings import SiteSettings
from generator.plan.site.pages import SitePlan
from generator.site.mkdocs import HOOKS_FILE, derived_config, dump_config

SUPPORTED = "0.0.73"  # later versions failed to install (a dependency did not resolve)
CONFIG_NAME = "zensical.yml"  # any name but .toml is read as mkdocs.yml
THEME_ASSETS = "theme-assets"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WARNING = re.compile(r"Warning: (?P<message>[^\n]+)\n[^\n]*\[ (?P<page>[^\n]+?):(?P<line>\d+):\d+ \]")
_LOADS_FROM_OUTSIDE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^"'\s>]*"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^"'\s>]*""",
    re.IGNORECASE,
)


def require_zensical() -> str:
    """The installed Zensical version, or a clear message on how to get it."""
    try:
        return metadata.version("zensical")
    except metadata.PackageNotFoundError:
        raise InputError(
            [
                Problem(
                    "mentorbook build",
                    0,
                    0,
                    "the Zensical engine is not installed",
                    f"run `make zensical` (it installs zensical=={SUPPORTED}), or leave out --engine",
                )
            ]
        ) from None


def build_site(
    plan: SitePlan,
    base_config: Path,
    docs: Path,
    site: Path,
    sources: Mapping[str, str],
    theme: Path | None = None,
    site_settings: SiteSettings | None = None,
) -> None:
    """Zensical: docs -> site. Both folders must share a parent: Zensical keeps them under the
    folder of its configuration file, written there from mkdocs.yml. A project's Material
    overrides (`theme`) are for Material's templates, which Zensical does not use; a project's
    site-settings.yaml (`site_settings`) is for MkDocs, and left out too."""
    root = docs.parent
    config = root / CONFIG_NAME
    settings = derived_config(plan, base_config, docs, site)
    settings |= {"docs_dir": docs.name, "site_dir": site.name}  # absolute ones make 0.0.73 panic
    settings["hooks"] = [h for h in settings["hooks"] if h != HOOKS_FILE]  # for Material's templates only
    if not settings["hooks"]:
        del settings["hooks"]
    _theme_assets_only(settings["theme"], root)
    config.write_text(dump_config(settings), encoding="utf-8")
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]
    done = subprocess.run(command, cwd=root, env=_environment(), capture_output=True, text=True, check=False)
    output = _ANSI.sub("", done.stdout + done.stderr)
    if done.returncode != 0:
        raise InputError(_problems(output, sources, base_config))
    _refuse_outside_loads(site, base_config)


def _theme_assets_only(theme: dict[str, object], root: Path) -> None:
    """Our theme overrides hold assets (stylesheet, search shim); a project's may also hold
    Material templates. Zensical has templates of its own (its search dialog differs), so it
    gets the assets only: with Material's search template, its search finds nothing."""
    custom = theme.get("custom_dir")
    if not custom:
        return
    shutil.rmtree(root / THEME_ASSETS, ignore_errors=True)
    shutil.copytree(str(custom), root / THEME_ASSETS, ignore=shutil.ignore_patterns("*.html"))
    theme["custom_dir"] = THEME_ASSETS


def _environment() -> dict[str, str]:
    """Zensical imports our Markdown extension (generator.markup): make sure it can, installed
    or not, and ask for plain text output."""
    package_parent = str(Path(__file__).resolve().parent.parent.parent)
    path = os.pathsep.join(p for p in (package_parent, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1"}


def _problems(output: str, sources: Mapping[str, str], base_config: Path) -> list[Problem]:
    problems = []
    for found in _WARNING.finditer(output):
        page, line = found["page"], int(found["line"])
        source = sources.get(page, display_path(base_config))
        message = f"in the page {page} (line {line}): {found['message']}"
        problems.append(Problem(source, 0, 0, message, "fix or remove the link"))
    if problems:
        return problems
    tail = " / ".join(line.strip() for line in output.strip().splitlines()[-5:]) or "no output"
    return [Problem(display_path(base_config), 0, 0, f"Zensical stopped: {tail}", "check mkdocs.yml")]


def _refuse_outside_loads(site: Path, base_config: Path) -> None:
    """A handbook must load nothing from the internet (it is read on intranets and from disk)."""
    for page in sorted(site.rglob("*.html")):
        found = _LOADS_FROM_OUTSIDE.search(page.read_text(encoding="utf-8", errors="replace"))
        if found:
            raise InputError(
                [
                    Problem(
                        display_path(base_config),
                        0,
                        0,
                        f"with Zensical, {page.relative_to(site).as_posix()} would load {found.group(0)!r} from the internet",
                        "build with the default engine (leave out --engine), or remove what mkdocs.yml adds from outside",
                    )
                ]
            )
