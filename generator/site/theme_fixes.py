"""Mends, on every rendered page, the few attributes Material's templates get wrong, instead
of shipping copies of its partials (a copy pinned to one Material version: with another, its
asset names differed and the site came out unstyled). Each fix is a small text edit to what
MkDocs renders, found by Material's own markup; one that no longer finds it changes nothing,
and the Nu and axe checks on every page (tests/site/) say so.

- The drawer and search toggles are checkboxes, where HTML does not allow
  `autocomplete="off"` (Nu). Material put it there so that going back to a page does not
  restore them checked; they now belong to an empty form with `autocomplete="off"` (their
  `form` attribute), which has the same effect.
- A section's label in the menu carries `tabindex=""` when the keyboard does not reach it,
  which HTML does not allow (Nu): it is left out.
- The table of contents' title is a label `for="__toc"` even on a page without that toggle
  (a section's index page): a label for nothing (Nu).
- The search dialog has no accessible name (axe: aria-dialog-name): it gets its input's.
- Titles are HTML (the site's escaped, see theme_hooks.py); the logo's tooltip and the footer
  links' labels printed them escaped a second time ("A &amp;amp; B"): they get the text.
- The site name and the page title in the header and menu get `dir="auto"`, so that a name in
  Arabic or Hebrew reads right to left.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from markupsafe import Markup, escape

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off">')
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'
_SEARCH = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_NAME = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')
_FOOTER_LINK = re.compile(r'(class="md-footer__link md-footer__link--(?:prev|next)" aria-label=")([^"]*)"')
_HEADER_TOPIC = re.compile(r'(<div class="md-header__topic"[^>]*>\s*<span class="md-ellipsis")>')


def text_of(value: Any) -> Markup:
    """HTML -> its text without tags, escaped for HTML (Jinja's `striptags`, printable)."""
    return escape(Markup(str(value)).striptags())


def mend(html: str, site_name: str) -> str:
    """A page as Material renders it -> the same page with the fixes above."""
    for fix in (_toggles, _tabindex, _toc_title, _search_name, _footer_labels, _header_direction):
        html = fix(html)
    return _site_name(html, site_name)


def _toggles(html: str) -> str:
    first = _TOGGLE.search(html)
    if not first:
        return html
    form = '<form id="__toggles" autocomplete="off" hidden></form>\n    '
    return html[: first.start()] + form + _TOGGLE.sub(r'\1 form="__toggles">', html[first.start() :])


def _tabindex(html: str) -> str:
    return html.replace(' tabindex=""', "")


def _toc_title(html: str) -> str:
    return html if 'id="__toc"' in html else html.replace(_TOC_TITLE, '<label class="md-nav__title">')


def _search_name(html: str) -> str:
    name = _SEARCH_NAME.search(html)
    return html.replace(_SEARCH, _SEARCH[:-1] + f' aria-label="{name[1]}">') if name else html


def _footer_labels(html: str) -> str:
    return _FOOTER_LINK.sub(lambda m: f'{m[1]}{text_of(unescape(m[2]))}"', html)


def _header_direction(html: str) -> str:
    return _HEADER_TOPIC.sub(r'\1 dir="auto">', html)


def _site_name(html: str, site_name: str) -> str:
    """The logo's tooltip as text, and the menu's title in a `dir="auto"` span."""
    for where in ("header", "nav"):
        wrong = f'title="{escape(site_name)}" class="md-{where}__button md-logo"'
        html = html.replace(wrong, f'title="{text_of(site_name)}" class="md-{where}__button md-logo"')
    menu_title = re.compile(r'(md-nav__button md-logo".*?</a>\s*)' + re.escape(site_name) + r"(\s*</label>)", re.S)
    return menu_title.sub(lambda m: f'{m[1]}<span dir="auto">{site_name}</span>{m[2]}', html, count=1)
