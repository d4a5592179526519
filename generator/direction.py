"""Which way an organization's text reads, computed once here and printed by the templates as
`dir` attributes.

Mentorbook's own pages are left to right (English or Spanish), but an organization may write
its welcome, values, contacts and pages in Arabic, Hebrew, Persian or Urdu. Without `dir` on
such a block, browsers and WeasyPrint align it left and put a sentence that mixes in Latin
words ("نرحب بكم في Harbor & Pine") out of order. `dir="auto"` looks at the first strong letter
only, so a block that starts with a Latin name would read left to right; here the block's
letters are counted instead: more right-to-left letters than left-to-right ones make it rtl.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from markupsafe import Markup

_RIGHT_TO_LEFT = {"R", "AL"}  # Hebrew; Arabic letters (Arabic, Persian, Urdu, ...)
_NOT_TEXT = re.compile(r"<[^>]*>|\]\([^)]*\)|`[^`]*`|&\w+;|https?://\S+")  # tags, link targets, code


def direction(text: object) -> str:
    """`rtl` when most of the text's letters are right-to-left ones, else `ltr`."""
    left = right = 0
    for character in _NOT_TEXT.sub(" ", str(text)):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            left += 1
        elif kind in _RIGHT_TO_LEFT:
            right += 1
    return "rtl" if right > left else "ltr"


def is_rtl(text: object) -> bool:
    return direction(text) == "rtl"


def dir_attribute(value: Any) -> Markup:
    """` dir="rtl"` for an HTML element holding right-to-left text (print templates), else
    nothing: the page's own direction is left to right."""
    return Markup(' dir="rtl"') if is_rtl(value) else Markup("")


def dir_heading(value: Any) -> Markup:
    """An attribute list for the end of a Markdown heading line (`## الاحترام { dir="rtl" }`)."""
    return Markup(' { dir="rtl" }') if is_rtl(value) else Markup("")


def dir_below(value: Any, width: int = 0) -> Markup:
    """An attribute list on its own line below a Markdown paragraph or list item (indented by
    `width` inside a list), which Markdown gives to that paragraph or item."""
    return Markup("\n" + " " * width + '{: dir="rtl" }') if is_rtl(value) else Markup("")


def rtl_block(markdown: str) -> Markup:
    """Markdown (already escaped) in a right-to-left block, its paragraphs and lists inside."""
    return Markup(f'<div dir="rtl" markdown="1">\n\n{markdown}\n\n</div>')


def rtl_start(value: Any) -> Markup:
    """Opens a right-to-left block around a whole part of a page (a worksheet's section, whose
    title says which way it reads), when `value` reads so; `rtl_end` closes it."""
    return Markup('<div dir="rtl" markdown="1">\n') if is_rtl(value) else Markup("")


def rtl_end(value: Any) -> Markup:
    return Markup("\n</div>\n") if is_rtl(value) else Markup("")
