"""Making user text safe to place in Markdown, and a Markdown extension that keeps links safe.

Text from YAML files is data. Plain text (titles, names) is escaped so that no character means
anything to Markdown or HTML. Markdown text keeps its Markdown but loses raw HTML and attribute
lists (`{: onclick=... }`). As a last line of defence, every built page passes through
`SafeLinks`, which removes event-handler attributes and any link that is not http(s), mailto,
tel or relative (so `javascript:` links are neutralized wherever they came from), judging each
address as a browser reads it: with its character references decoded (`&#106;avascript:`).

Links in the authors' own text are checked when it is read: `links_going_nowhere` names every
link that would lead nowhere, so that the author hears of it at the field that holds it.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import cache, lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup

CONVERTED = 8192  # texts whose HTML is kept (a 1,000-session handbook has about 30,000; a shipped one 2,400)

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
    try:
        return urlsplit(_as_followed(url)).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


def _as_followed(url: str) -> str:
    """An attribute's value as a browser follows it: Markdown keeps character references in
    attributes as written (`&#106;` is a `j` to the browser) and ignores spaces and controls."""
    return re.sub(r"[\x00-\x20]", "", html.unescape(url.replace(AMP_SUBSTITUTE, "&")))


def leads_somewhere(url: str, *, anchors: bool = False) -> bool:
    """A full address (http or https with a host, mailto, tel); with `anchors`, also a heading
    of the same page (`#goals`). Anything else in an author's text leads nowhere: the same text
    shows on several pages and in the PDFs, so a relative link cannot point at one place, and
    other schemes (`javascript:`) are removed from every page."""
    address = _as_followed(url)
    if anchors and len(address) > 1 and address.startswith("#"):
        return True
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.hostname)
    return scheme in ("mailto", "tel") and bool(parts.path)


def links_going_nowhere(text: str, *, anchors: bool = False) -> list[str]:
    """The addresses of the links and images in an author's Markdown (as the handbook shows it:
    raw HTML escaped) that lead nowhere, as a browser would read them, in order, once each."""
    if "](" not in text and "]:" not in text:  # no inline link, image or link definition
        return []
    finder = _Addresses()
    finder.feed(markdown.markdown(escape_markdown(text)))
    return list(dict.fromkeys(a for a in finder.addresses if not leads_somewhere(a, anchors=anchors)))


def going_nowhere(addresses: list[str]) -> tuple[str, str]:
    """What to tell the author of links that lead nowhere, and what to do: in a reader's words,
    not MkDocs' ("an unrecognized relative link" in a page the author never wrote)."""
    shown = ", ".join(f"`{a}`" if a else "an empty address" for a in addresses)
    message = f"this link goes nowhere: {shown}" if len(addresses) == 1 else f"these links go nowhere: {shown}"
    return message, "write a full address (https://…) or remove it"


class _Addresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        self.addresses += [value or "" for name, value in attrs if name == wanted]


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
    return _converted(str(text), tuple(extensions))


@lru_cache(maxsize=CONVERTED)
def _converted(text: str, extensions: tuple[str, ...]) -> Markup:
    """The same text is converted once: the handbook, its editions and the site hold most texts
    several times, and serve's rebuild after an edit converts only what the edit changed."""
    return Markup(_converter(extensions).reset().convert(text))


@cache
def _converter(extensions: tuple[str, ...]) -> Markdown:
    return Markdown(extensions=[*extensions, SafeLinks()])


def css_string(text: str) -> Markup:
    """A quoted CSS string that no text can break out of (every other character escaped).
    Each escape ends with a space, which CSS swallows, so that a space after it survives."""
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in text) + '"')


def slugify(value: str, separator: str) -> str:
    """A heading's anchor that keeps its letters in every script: "Our values" -> `our-values`
    and "Módulos" -> `modulos` as Python-Markdown's own slugify makes them, but "قيمنا" ->
    `قيمنا` where that one drops every letter and leaves `_1`, `_2`. Accents are dropped from
    Latin letters only (an Arabic or Devanagari mark is part of the word)."""
    kept, after_ascii = [], False
    for character in unicodedata.normalize("NFKD", value):
        if unicodedata.combining(character) and after_ascii:
            continue
        kept.append(character)
        after_ascii = character.isascii()
    text = unicodedata.normalize("NFC", "".join(kept))
    text = "".join(c for c in text if c in "_- " or c.isspace() or unicodedata.category(c)[0] in "LMN")
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, text.strip().lower())


def readable_slug(name: str, limit: int = 60) -> str:
    """A file name or id made from a name, that keeps its letters in any script: "Acme
    Health" -> `acme-health`, "Fundación Puentes" -> `fundacion-puentes`, "جمعية النور" ->
    `جمعية-النور` (an ASCII-only slug would leave nothing of it)."""
    words = re.findall(r"[^\W_]+", slugify(name, "-"))
    return "-".join(words)[:limit].strip("-")
