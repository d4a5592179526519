"""Before a build: the theme templates in use name asset files that exist.

Material's `base.html` names its stylesheets and scripts with a hash of their contents
(`assets/stylesheets/main.57a0d79d.min.css`); a copy of one Material version's templates under
another version names files that are not there, and MkDocs builds an unstyled site without a
word. So the templates a build will use (a project's `custom_dir` first, then Material's) are
read for the assets they name, and a missing one stops the build with what to install.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from generator.errors import InputError, Problem, display_path

ASSET = re.compile(r"""['"](assets/(?:stylesheets|javascripts)/[^'"{}]+\.(?:css|js))['"]""")
TEMPLATES = ("base.html", "main.html")  # where Material names its assets, and a project's override of them
INSTALL = "`pip install 'mkdocs-material>=9.5,<10'` (or `pip install mkdocs-material==9.8.2`, the tested one)"


def material_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def missing_assets(theme: list[Path]) -> dict[Path, list[str]]:
    """Each template in use -> the assets it names that no theme folder has. `theme`: the
    folders before Material's (the project's overrides/, the `custom_dir`), first first."""
    folders = [f for f in [*theme, material_templates()] if f.is_dir()]
    missing: dict[Path, list[str]] = {}
    for name in TEMPLATES:
        template = next((f / name for f in folders if (f / name).is_file()), None)
        if template is None:
            continue
        named = sorted(set(ASSET.findall(template.read_text(encoding="utf-8", errors="replace"))))
        absent = [asset for asset in named if not any((f / asset).is_file() for f in folders)]
        if absent:
            missing[template] = absent
    return missing


def require_theme_assets(theme: list[Path]) -> None:
    missing = missing_assets(theme)
    if not missing:
        return
    version = metadata.version("mkdocs-material")
    problems = [
        Problem(
            display_path(template),
            0,
            0,
            f"names {', '.join(assets)}, which Material for MkDocs {version} does not have: the site would be unstyled",
            f"if this is your copy of a Material template, copy it again from Material {version} or extend "
            f'`{{% extends "base.html" %}}` instead; otherwise install a Material that has them: {INSTALL}',
        )
        for template, assets in missing.items()
    ]
    raise InputError(problems)
