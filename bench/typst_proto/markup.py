"""Markdown -> Typst markup, through markdown-it-py's tokens: the converter the prototype's
text goes through (tests/bench/test_typst_markup.py).

Every piece of text becomes escaped Typst text (`text`): each character that means something
in Typst markup is written with a backslash, so an organization's words are shown as written
and never run as Typst code. Structure is written as function calls (`#strong[...];`,
`#list(...)`), never as line-start markup, so nothing depends on where a line begins; an
inline call ends with `;`, so the text after it (`(`, `[`) cannot continue it. The
Markdown dialect is the site's: CommonMark with tables, definition lists and MkDocs-style
admonitions (`!!! tip "Title"`); raw HTML is shown as text, as our Markdown pipeline shows an
organization's. Links keep only addresses that lead somewhere (http(s), mailto, tel); any
other link keeps its words and loses its address, as `generator.markup.SafeLinks` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

from generator.direction import direction
from generator.markup import leads_somewhere

# Every ASCII character with a meaning somewhere in Typst markup (shorthands such as `--`,
# `...`, `-?` and smart quotes included, so the text reads as WeasyPrint's does), and `/`
# (comments, and the `https://` that Typst would otherwise turn into a link).
_SPECIAL = re.compile(r"""([\\#$*_`<>@\[\]~/=\-+'".:])""")
_PARSER = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .use(admon_plugin)
    .use(deflist_plugin)
)
BOOKMARKED = ("", ", outlined: false")  # the book's bookmarks: chapters and sessions (levels 1, 2)
LABEL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_:.\-]*$")


def text(words: str) -> str:
    """Plain text -> Typst markup that shows exactly that text (line breaks become spaces)."""
    return _SPECIAL.sub(r"\\\1", " ".join(words.split("\n")))


def string(words: str) -> str:
    """A Typst string literal holding `words` (for arguments such as a link's address)."""
    return '"' + words.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def label(name: str) -> str:
    """A Typst label; `name` is one of the plan's ids (`_s-goal-setting`), checked here."""
    if not LABEL.match(name):
        raise ValueError(f"not a label: {name!r}")
    return f"<{name}>"


def markdown(source: str, within: int = 3) -> str:
    """Markdown -> Typst markup, for a place under a heading of level `within` (0: a guide,
    whose `#` title is a chapter). A `#` heading becomes level `within` + 1, never more than
    one below the heading before it (PDF/UA forbids skipping a level)."""
    return right_to_left(source, _Converter(within).blocks(_PARSER.parse(source)))


def right_to_left(source: str, markup: str) -> str:
    """`markup` in a right-to-left paragraph when most of `source`'s letters are (an Arabic
    value in an English handbook), as the print templates' `dir` attribute does."""
    if direction(source) != "rtl":
        return markup
    return f"#[#set text(dir: rtl)\n{markup.strip()}]\n\n"


def inline_markdown(source: str) -> str:
    """One paragraph's Markdown without the paragraph (a list item's line, a table cell)."""
    return markdown(source).strip()


class _Converter:
    """Walks the token stream: `blocks` consumes tokens until the closing token it was given."""

    def __init__(self, within: int) -> None:
        self.offset = self.last = within
        self.block_rules: dict[str, Callable[[list[Token], int], tuple[str, int]]] = {
            "paragraph_open": self._paragraph,
            "heading_open": self._heading,
            "bullet_list_open": self._list,
            "ordered_list_open": self._list,
            "blockquote_open": self._quote,
            "table_open": self._table,
            "admonition_open": self._admonition,
            "dl_open": self._terms,
        }

    def blocks(self, tokens: Sequence[Token]) -> str:
        out, _ = self._until(list(tokens), 0, None)
        return out

    def _until(self, tokens: list[Token], i: int, closing: str | None) -> tuple[str, int]:
        parts: list[str] = []
        while i < len(tokens) and tokens[i].type != closing:
            token = tokens[i]
            rule = self.block_rules.get(token.type)
            if rule:
                part, i = rule(tokens, i)
                parts.append(part)
                continue
            if token.type in ("fence", "code_block"):
                parts.append(f"#raw(block: true, {string(token.content.rstrip(chr(10)))})\n\n")
            elif token.type == "hr":
                parts.append("#line(length: 100%, stroke: 0.5pt + luma(160))\n\n")
            elif token.type == "inline":
                parts.append(self.inline(token.children or []))
            elif token.type == "html_block":
                parts.append(text(token.content) + "\n\n")
            i += 1
        return "".join(parts), i + 1

    def _paragraph(self, tokens: list[Token], i: int) -> tuple[str, int]:
        body, i = self._until(tokens, i + 1, "paragraph_close")
        return body + ("\n" if tokens[i - 1].hidden else "\n\n"), i

    def _heading(self, tokens: list[Token], i: int) -> tuple[str, int]:
        level = self.last = min(int(tokens[i].tag[1]) + self.offset, self.last + 1, 6)
        body, i = self._until(tokens, i + 1, "heading_close")
        return f"#heading(level: {level}{BOOKMARKED[level > 2]})[{body}]\n\n", i

    def _list(self, tokens: list[Token], i: int) -> tuple[str, int]:
        ordered = tokens[i].type == "ordered_list_open"
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        start = tokens[i].attrs.get("start", 1) if ordered else None
        items, i = [], i + 1
        while tokens[i].type != closing:
            body, i = self._until(tokens, i + 1, "list_item_close")
            items.append(f"[{body.strip()}]")
        head = f"#enum(start: {int(start or 1)}, " if ordered else "#list("
        return head + ", ".join(items) + ")\n\n", i + 1

    def _quote(self, tokens: list[Token], i: int) -> tuple[str, int]:
        body, i = self._until(tokens, i + 1, "blockquote_close")
        return f"#quote(block: true)[{body.strip()}]\n\n", i

    def _admonition(self, tokens: list[Token], i: int) -> tuple[str, int]:
        kind, heading = str(tokens[i].meta.get("tag", "note")), ""
        i += 1
        if tokens[i].type == "admonition_title_open":
            heading = self.inline(tokens[i + 1].children or [])
            i += 3
        body, i = self._until(tokens, i, "admonition_close")
        return f"#admonition({string(kind)}, [{heading}], [{body.strip()}])\n\n", i

    def _terms(self, tokens: list[Token], i: int) -> tuple[str, int]:
        items, i = [], i + 1
        while tokens[i].type != "dl_close":
            term, i = self._until(tokens, i + 1, "dt_close")
            body, i = self._until(tokens, i + 1, "dd_close")
            items.append(f"terms.item([{term.strip()}], [{body.strip()}])")
        return "#terms(" + ", ".join(items) + ")\n\n", i + 1

    def _table(self, tokens: list[Token], i: int) -> tuple[str, int]:
        rows: list[list[str]] = []
        header = 0
        i += 1
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                cell, i = self._until(tokens, i + 1, token.type.replace("open", "close"))
                rows[-1].append(f"[{cell.strip()}]")
                header += token.type == "th_open"
                continue
            i += 1
        columns = max((len(r) for r in rows), default=1)
        cells = [", ".join(r) for r in rows]
        if header and cells:
            cells[0] = f"table.header({cells[0]})"
        return f"#table(columns: {columns}, " + ", ".join(cells) + ")\n\n", i + 1

    def inline(self, children: Sequence[Token]) -> str:
        out, _ = self._inline(list(children), 0, None)
        return out

    def _inline(self, tokens: list[Token], i: int, closing: str | None) -> tuple[str, int]:
        parts: list[str] = []
        while i < len(tokens) and tokens[i].type != closing:
            token = tokens[i]
            if token.type in ("strong_open", "em_open"):
                body, i = self._inline(tokens, i + 1, token.type.replace("open", "close"))
                parts.append(f"#{'strong' if token.type == 'strong_open' else 'emph'}[{body}];")
                continue
            if token.type == "link_open":
                body, i = self._inline(tokens, i + 1, "link_close")
                address = str(token.attrs.get("href", ""))
                parts.append(f"#link({string(address)})[{body}];" if leads_somewhere(address) else body)
                continue
            parts.append(self._leaf(token))
            i += 1
        return "".join(parts), i + 1

    def _leaf(self, token: Token) -> str:
        if token.type in ("text", "html_inline"):
            return text(token.content)
        if token.type == "code_inline":
            return f"#raw({string(token.content)});"
        if token.type == "softbreak":
            return " "
        if token.type == "hardbreak":
            return "#linebreak();"
        if token.type == "image":
            return text(token.content)  # the alternative text: a PDF shows no outside image
        return text(token.content)
