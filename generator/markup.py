"""Making user text safe to place in Markdown, and a Markdown extension that keeps links safe.

Text from YAML files is data. Plain text (titles, names) is escaped so that no character means
anything to Markdown or HTML. Markdown text keeps its Markdown but loses raw HTML and attribute
lists (`{: onclick=... }`). As a last line of defence, every built page passes through
`SafeLinks`, which removes event-handler attributes and any link that is not http(s), mailto,
tel or relative (so `javascript:` links are neutralized wherever they came from).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>&~])")
_LEADING_MARKER = re.compile(r"^(\s*)(-|\d+)(\.?\s)", re.MULTILINE)


def escape_text(text: str) -> str:
    """Plain text -> Markdown that shows exactly that text."""
    escaped = _INLINE_SPECIAL.sub(_entity_or_backslash, text)
    return _LEADING_MARKER.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker, rest = match.groups()
    if marker == "-":
        return f"{indent}\\-{rest}"
    return f"{indent}{marker}\\{rest}" if rest.startswith(".") else match.group(0)


def _entity_or_backslash(match: re.Match[str]) -> str:
    char = match.group(1)
    return {"<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;"}.get(char, "\\" + char)


def escape_markdown(text: str) -> str:
    """Markdown from a YAML file -> the same Markdown without raw HTML or attribute lists."""
    return text.replace("<", "&lt;").replace("{", "&#123;")


SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset")


def is_safe_url(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    try:
        return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


class _SafeLinksProcessor(Treeprocessor):  # type: ignore[misc]  # Markdown is untyped
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                if name.lower().startswith("on"):
                    del element.attrib[name]
                elif name.lower() in URL_ATTRIBUTES and not is_safe_url(element.attrib[name]):
                    del element.attrib[name]
                    if element.tag in ("a", "img"):
                        element.tag = "span"  # the link text stays, as plain text


class SafeLinks(Extension):  # type: ignore[misc]  # Markdown is untyped
    """Registered in mkdocs.yml as `generator.markup`; runs after every other tree processor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_SafeLinksProcessor(md), "mentorbook_safe_links", 0)


def makeExtension(**kwargs: object) -> SafeLinks:  # noqa: N802 (Markdown's API name)
    return SafeLinks(**kwargs)


def markdown_html(text: str, extensions: Sequence[str] = ()) -> Markup:
    """Markdown from YAML -> HTML, with raw HTML escaped and unsafe links removed.
    `extensions`: Python-Markdown's own, e.g. `tables` for longer texts like the handbook's."""
    return safe_markdown(escape_markdown(text), extensions)


def safe_markdown(text: str, extensions: Sequence[str] = ()) -> Markup:
    """Markdown -> HTML with unsafe links removed, by one converter per set of extensions:
    making a converter takes longer than converting a paragraph (a handbook has thousands)."""
    return Markup(_converter(tuple(extensions)).reset().convert(text))


@cache
def _converter(extensions: tuple[str, ...]) -> Markdown:
    return Markdown(extensions=[*extensions, SafeLinks()])


def text_direction(text: str) -> str:
    """`rtl` when the first letter is Arabic, Hebrew and the like: WeasyPrint has no `dir=auto`."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return "ltr" if kind == "L" else "rtl"
    return "ltr"


def css_string(text: str) -> Markup:
    """A quoted CSS string that no text can break out of (every other character escaped).
    Each escape ends with a space, which CSS swallows, so that a space after it survives."""
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in text) + '"')
