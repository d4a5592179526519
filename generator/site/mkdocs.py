"""Build the MkDocs (Material) site in-process, strictly: any MkDocs warning fails the build.

`mkdocs build --strict` rewrites the site before it fails and, with `-q`, lets a broken link
pass; so we build into a folder of our own and judge the warnings ourselves.
"""

from __future__ import annotations

import html
import logging
import types
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.errors import InputError, Problem, display_path
from generator.models.site_settings import SiteSettings
from generator.plan.site.pages import SitePlan
from generator.site import theme_hooks

HOOKS = "mentorbook/theme"
HOOKS_FILE = str(Path(theme_hooks.__file__).resolve())


def build_site(
    plan: SitePlan,
    base_config: Path,
    docs: Path,
    site: Path,
    sources: Mapping[str, str],
    theme: Path | None = None,
    site_settings: SiteSettings | None = None,
) -> None:
    """MkDocs: docs -> site. `sources` maps a docs page to the user's file it came from;
    `theme`, a folder of the project's own Material overrides, comes before every other;
    `site_settings`, the project's site-settings.yaml, is merged over the base configuration."""
    settings = site_settings or SiteSettings()
    with _captured_warnings() as warnings:
        try:
            config = load_config(
                str(base_config),
                docs_dir=str(docs),
                site_dir=str(site),
                strict=False,
                **organization_settings(plan),
                **added_lists(base_config, settings),
            )
            for key, value in plan.theme.items():
                config.theme[key] = value
            apply_settings(config, settings)
            config.theme["features"] = features(config.theme["features"], plan)
            if theme:
                config.theme.dirs.insert(0, str(theme))
            config.plugins[HOOKS] = theme_hooks  # type: ignore[assignment]  # as MkDocs does with `hooks:`
            mkdocs_build(config)
        except MkDocsException as error:
            raise InputError(
                [Problem(display_path(base_config), 0, 0, f"MkDocs stopped: {error}", "check mkdocs.yml")]
            ) from None
    if warnings:
        raise InputError([_problem(message, sources, base_config) for message in warnings])


def added_lists(base_config: Path, settings: SiteSettings) -> dict[str, Any]:
    """The base's plugins and Markdown extensions with the project's after them (only those
    it adds to: the rest stay as the base configuration has them)."""
    from mkdocs.utils.yaml import yaml_load

    added = {"plugins": settings.plugins, "markdown_extensions": settings.markdown_extensions}
    if not any(added.values()):
        return {}
    with base_config.open(encoding="utf-8") as handle:
        base = yaml_load(handle) or {}
    return {key: [*(base.get(key) or []), *entries] for key, entries in added.items() if entries}


def apply_settings(config: Any, settings: SiteSettings) -> None:
    """The project's theme settings and `extra` keys, over the base's."""
    theme = settings.theme
    config.theme["features"] = [
        *config.theme["features"],
        *(f for f in theme.features if f not in config.theme["features"]),
    ]
    if theme.palette:
        config.theme["palette"] = {**(config.theme["palette"] or {}), "scheme": theme.palette.scheme}
    if theme.icon:
        config.theme["icon"] = {**(config.theme["icon"] or {}), **theme.icon}
    config.extra.update(settings.extra)


def organization_settings(plan: SitePlan) -> dict[str, Any]:
    """What Mentorbook sets in mkdocs.yml for one organization (theme keys aside)."""
    return {
        "site_name": html.escape(plan.site_name),
        "copyright": "<br>".join(f'<span dir="auto">{html.escape(line)}</span>' for line in plan.footer) or None,
        "nav": _plain(plan.nav),
    }


def features(configured: list[str], plan: SitePlan) -> list[str]:
    """The theme's features for this plan. With grouped modules, groups fold (no always-open
    sections), so that `navigation.prune` leaves only the open group in each page's menu."""
    return [f for f in configured if not (plan.grouped and f == "navigation.sections")]


def custom_dir(base_config: Path) -> Path | None:
    """The base configuration's `theme.custom_dir`, as a path (relative to the file)."""
    from mkdocs.utils.yaml import yaml_load

    with base_config.open(encoding="utf-8") as handle:
        theme = (yaml_load(handle) or {}).get("theme") or {}
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return (base_config.parent / folder).resolve() if folder else None


def derived_config(plan: SitePlan, base_config: Path, docs: Path, site: Path) -> dict[str, Any]:
    """mkdocs.yml with one organization's settings, as one self-contained mapping (absolute
    paths), for engines that read a file: Zensical, and plain `mkdocs build` in the bench."""
    from mkdocs.utils.yaml import yaml_load

    with base_config.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml_load(handle)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((base_config.parent / theme["custom_dir"]).resolve())
    theme.update(plan.theme)
    theme["features"] = features(theme.get("features") or [], plan)
    hooks = [*(str((base_config.parent / h).resolve()) for h in config.get("hooks") or []), HOOKS_FILE]
    settings = {"theme": theme, "hooks": hooks, "docs_dir": str(docs), "site_dir": str(site)}
    return {**config, **organization_settings(plan), **settings}


class _ConfigDumper(yaml.SafeDumper):  # type: ignore[misc]  # yaml has no types here
    """YAML for a derived mkdocs.yml: a function in it (toc's `slugify`) is written back as the
    `!!python/name:` tag it was read from."""


_ConfigDumper.add_representer(
    types.FunctionType,
    lambda dumper, f: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{f.__module__}.{f.__qualname__}", ""),
)


def dump_config(settings: Mapping[str, Any]) -> str:
    """The text of a derived mkdocs.yml (see derived_config)."""
    return str(yaml.dump(dict(settings), Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False))


def _plain(nav: Any) -> Any:
    """MkDocs wants lists and dicts (the plan keeps tuples) and prints titles into HTML as
    they are (its theme environment does not autoescape), so titles are escaped here."""
    if isinstance(nav, (list, tuple)):
        return [_plain(item) for item in nav]
    if isinstance(nav, dict):
        return {html.escape(key): _plain(value) for key, value in nav.items()}
    return nav


def _problem(message: str, sources: Mapping[str, str], base_config: Path) -> Problem:
    for page, source in sources.items():
        if f"'{page}'" in message:
            return Problem(source, 0, 0, f"in the page {page}: {message}", "fix or remove the link")
    return Problem(display_path(base_config), 0, 0, message, "check mkdocs.yml and the pages it names")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved
