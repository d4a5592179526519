"""What libyaml refuses or stumbles on, said in plain words: a syntax error with the likely
fix (a `:` in a title, a tab, an unclosed quote), a control character at its line and column,
and the YAML features we do not accept (aliases, anchors, tags)."""

from __future__ import annotations

import re

import yaml
from yaml import events

from generator.errors import Problem

STR_TAG = "tag:yaml.org,2002:str"
LINE_BREAK = re.compile("\n|\x85|\u2028|\u2029")  # what libyaml counts as the end of a line


def refusal(event: events.NodeEvent) -> tuple[str, str] | None:
    if type(event) is events.AliasEvent:
        return (f"`*{event.anchor}` (a YAML alias) is not supported", "write the value out in full where it is needed")
    if event.anchor:
        return (f"`&{event.anchor}` (a YAML anchor) is not supported", "remove it and write values out in full")
    tag = event.tag
    if tag and tag != STR_TAG:
        return (f"the tag `{tag}` is not supported", "remove it; put the value in quotes if it should be read as text")
    return None


def control_character(error: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    """libyaml reports a character it does not allow with its offset in UTF-8 bytes."""
    before = LINE_BREAK.split(text.encode("utf-8")[: error.position].decode("utf-8", errors="replace"))
    return Problem(
        name,
        len(before),
        len(before[-1]) + 1,
        f"the file contains a control character (U+{error.character:04X}) that YAML does not allow",
        "delete it; it is often pasted in by accident from another program",
    )


_TAB_HINT = (
    "a tab is used for indentation",
    "indent with spaces only (two per level); most editors can turn tabs into spaces",
)
_INDENTATION_HINT = (
    "the indentation does not line up",
    "items at the same level must start in the same column",
)
# (a phrase of libyaml's message, our message, the hint, whether to point where the faulty
# part starts rather than where libyaml gave up)
_SYNTAX_HINTS = (
    ("tab character", *_TAB_HINT, False),
    (
        "mapping values are not allowed",
        "a `:` appears where YAML does not expect one",
        'put the whole value in quotes, e.g. title: "Goals: the first step", or fix the indentation',
        False,
    ),
    (
        "could not find expected ':'",
        "a line has no `:` after its name",
        "write `name: value`, or indent the line to continue the text above",
        True,
    ),
    ("did not find expected key", *_INDENTATION_HINT, False),
    ("did not find expected '-'", *_INDENTATION_HINT, False),  # a line left of its list item's fields
    ("expected <document start>", *_INDENTATION_HINT, False),  # a line left of the first one
    (
        "end of stream",
        "a quote or bracket is opened but never closed",
        "close the quote or bracket on the same line",
        True,
    ),
    (
        "found unknown escape",
        "a backslash inside double quotes starts an unknown escape",
        "use single quotes, or write \\\\ for a backslash",
        False,
    ),
    (
        "did not find expected ',' or",
        "a list in `[ ]` or `{ }` is not closed where YAML expects it",
        "close it on the same line, and put an item that contains `,` `:` `[` or `{` in quotes",
        False,
    ),
    (
        "while scanning an a",  # an alias (`*`) or an anchor (`&`) with no name: Markdown bold
        "text that starts with `*` or `&` must be in quotes",
        'put the whole value in quotes, e.g. - "**Listen first.** Then ask."',
        True,
    ),
)


def syntax_problem(error: yaml.MarkedYAMLError, name: str, lines: list[str]) -> Problem:
    detail = f"{error.context or ''} {error.problem or ''}"
    hint = next((h for h in _SYNTAX_HINTS if h[0] in detail), None)
    at_start = hint is not None and hint[3] and error.context_mark is not None
    mark = error.context_mark if at_start else (error.problem_mark or error.context_mark)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    found = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if found == "\t":  # libyaml does not name the character it stopped at
        return Problem(name, line, column, *_TAB_HINT)
    if hint:
        return Problem(name, line, column, hint[1], hint[2])
    if "cannot start any token" in detail and found.strip():
        shown = "a backtick (`)" if found == "`" else f"`{found}`"
        return Problem(name, line, column, f"text cannot start with {shown}", "put the whole value in quotes")
    problem = (error.problem or "the YAML is not well-formed").strip()
    return Problem(
        name,
        line,
        column,
        f"the YAML is not well-formed ({problem})",
        "check this line and the one above for a missing quote, colon or indentation",
    )
