"""Jinja2 environments and `page -> text`.

Templates are looked up in a chain: `overrides/templates/` of the project, then the built-in
`generator/templates/`. The environment is strict (an unknown name is an error) and escapes
every value it prints, the way HTML autoescaping does, but for Markdown: plain text shows as
written, Markdown text keeps its formatting but loses raw HTML. Organization text is a value,
never a template, so `{{ ... }}` in a profile shows literally.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from markupsafe import Markup

from generator.direction import dir_below, dir_heading, is_rtl, rtl_block, rtl_end, rtl_start
from generator.jinja import environment
from generator.markup import escape_markdown, escape_text
from generator.models import Markdown
from generator.models.prose import ForeignMarkdown, ForeignText
from generator.plan.site.page import Page


def markdown_value(value: Any) -> str:
    """How any printed value enters a Markdown page."""
    kind = type(value)
    if kind is str:  # the common cases first: 140,000 values for 1,000 sessions
        return escape_text(value)
    if kind is Markdown:
        return escape_markdown(value)
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, ForeignMarkdown):
        return f'<div lang="{value.lang}" markdown="1">\n\n{escape_markdown(value)}\n\n</div>'
    if isinstance(value, ForeignText):
        return _inline_lang(escape_text(value), value.lang)
    if isinstance(value, Markdown):
        return escape_markdown(value)
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, bool) or value is None:
        raise TypeError(f"a template printed {value!r}; compute the text in Python instead")
    return str(value)


def _inline(value: Any) -> str:
    """Like markdown_value, for a place inside a paragraph (a list item, a table cell)."""
    if isinstance(value, ForeignMarkdown):
        return _inline_lang(escape_markdown(value), value.lang)
    return markdown_value(value)


def _inline_lang(text: str, lang: str) -> str:
    """Each paragraph in a span that names its language; Markdown inside a span still works."""
    return "\n\n".join(f'<span lang="{lang}">{part}</span>' for part in text.split("\n\n"))


def _block(value: Any, width: int) -> Markup:
    """Escape, then indent continuation lines: for Markdown inside list items, tabs, admonitions."""
    text = _inline(value)
    pad = " " * width
    return Markup("\n".join([text.split("\n")[0], *(pad + line if line else "" for line in text.split("\n")[1:])]))


def _cell(value: Any) -> Markup:
    """Escape for a Markdown table cell: one line, no bare pipes."""
    return Markup(_inline(value).replace("\n", " ").replace("|", "\\|"))


def _directed(value: Any) -> Markup:
    """A block of the organization's text, in a right-to-left block when it reads so."""
    text = markdown_value(value)
    return rtl_block(text) if is_rtl(value) else Markup(text)


_CSS_TOKEN = re.compile(r"[#%.\w -]*")


def css_value(value: Any) -> str:
    """Values printed into a stylesheet are colours and numbers, never free text."""
    text = str(value)
    if not _CSS_TOKEN.fullmatch(text):
        raise ValueError(f"refusing to print {text!r} into a stylesheet")
    return text


class Renderer:
    """Renders `*.md.j2` as Markdown (escaping values) and `*.css.j2` as CSS (checked values)."""

    def __init__(self, project_root: Path | None = None) -> None:
        """With `project_root`, its `overrides/templates/` come before the built-in templates."""
        self.markdown = environment("markdown", project_root, markdown_value)
        self.markdown.filters["block"] = _block
        self.markdown.filters["cell"] = _cell
        self.markdown.filters["directed"] = _directed
        self.markdown.filters["dir_heading"] = dir_heading
        self.markdown.filters["dir_below"] = dir_below
        self.markdown.filters["rtl_start"] = rtl_start
        self.markdown.filters["rtl_end"] = rtl_end
        self.css = environment("css", project_root, css_value)

    def source_of(self, template: str) -> str:
        """The file a template name resolves to ("" when it cannot be found or read)."""
        try:
            return self.markdown.get_template(template).filename or ""
        except TemplateError:
            return ""

    def render(self, page: Page) -> str:
        env = self.css if page.template.endswith(".css.j2") else self.markdown
        return env.get_template(page.template).render(page.context)
