"""YAML files -> plain data that remembers where every value came from.

We read YAML 1.2 event by event and build the data ourselves, so that:
- every value keeps its line and column (errors point at it);
- every scalar stays the text the user wrote ("NO", "1.10", "12:30", "010" are kept as written;
  the models convert "45" to a number where a number is wanted);
- duplicate keys, anchors, aliases, tags, a second document and deep nesting are refused with a
  clear message instead of being silently merged, expanded or crashing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML, events
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from generator.errors import InputError, Problem, display_path

MAX_BYTES = 10_000_000  # a curriculum of 1,000 sessions is about 6 MB
MAX_DEPTH = 40
STR_TAG = "tag:yaml.org,2002:str"
NULLS = {"", "~", "null", "Null", "NULL"}
_COMMENTED_COLOUR = re.compile(r":\s+(#[0-9a-fA-F]{3,8})\b")

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Source:
    """One loaded YAML file: its data and where each value and key stands."""

    path: Path
    name: str  # as shown to the user
    lines: tuple[str, ...]
    data: Any
    values: dict[Loc, Mark] = field(repr=False)
    keys: dict[Loc, Mark] = field(repr=False)

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """Where `loc` stands, or its nearest existing parent (a missing field -> its mapping)."""
        table = self.keys if key and loc in self.keys else self.values
        while loc and loc not in table:
            loc = loc[:-1]
            table = self.values
        return table.get(loc, Mark(1, 1))

    def problem(self, loc: Loc, message: str, hint: str = "", *, key: bool = False) -> Problem:
        mark = self.mark(loc, key=key)
        return Problem(self.name, mark.line, mark.column, message, hint)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def load_yaml(path: Path) -> Source:
    """Read one YAML file whose top level is a mapping; raise InputError on any problem."""
    name = display_path(path)
    text = _read_text(path, name)
    data, values, keys = _parse(text, name)
    if data is None:
        raise InputError([Problem(name, 0, 0, "the file is empty", _EMPTY_HINT)])
    if not isinstance(data, dict):
        first = values[()]
        raise InputError(
            [
                Problem(
                    name,
                    first.line,
                    first.column,
                    "the file should start with fields such as `title: ...`, not a list or a single value",
                    "write one `name: value` per line at the left margin",
                )
            ]
        )
    return Source(path, name, tuple(text.split("\n")), data, values, keys)


_EMPTY_HINT = "fill it in, or start from `mentorbook new-org NAME` for an organization profile"


def _read_text(path: Path, name: str) -> str:
    def fail(message: str, hint: str, line: int = 0, column: int = 0) -> InputError:
        return InputError([Problem(name, line, column, message, hint)])

    try:
        size = path.stat().st_size
        if not path.is_file():
            raise fail("this is a folder or a device, not a YAML file", "give the path of a .yaml file")
        if size > MAX_BYTES:
            raise fail(
                f"the file is {size / 1e6:.1f} MB; the most Mentorbook reads is {MAX_BYTES // 1_000_000} MB",
                "split it, or check that the right file was named",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("file not found", "check the file name and folder (names are case-sensitive)") from None
    except PermissionError:
        raise fail("the file cannot be read (permission denied)", "check the file's permissions") from None
    except OSError as error:
        raise fail(f"the file cannot be read ({error.strerror})", "check the path") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        line, column = _position(raw, raw.index(b"\x00"))
        raise fail(
            "this is not a text file (it contains binary bytes)", "give the path of a .yaml text file", line, column
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise fail(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
            "save the file with the encoding UTF-8 (in most editors: Save as… → Encoding → UTF-8)",
            line,
            column,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(s.strip() and not s.lstrip().startswith("#") for s in text.split("\n")):
        raise fail("the file is empty", _EMPTY_HINT)
    return text


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    loc: Loc
    key: str | None = None
    key_mark: Mark | None = None


def _parse(text: str, name: str) -> tuple[Any, dict[Loc, Mark], dict[Loc, Mark]]:
    lines = text.split("\n")
    values: dict[Loc, Mark] = {}
    keys: dict[Loc, Mark] = {}
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root: Any = None

    def mark_of(event: events.Event) -> Mark:
        return Mark(event.start_mark.line + 1, event.start_mark.column + 1)

    def place(value: Any, mark: Mark) -> Loc:
        nonlocal root
        if not stack:
            root, values[()] = value, mark
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            loc = (*frame.loc, len(frame.container))
            frame.container.append(value)
        elif frame.key is None:
            if not isinstance(value, str) or value is None:
                problems.append(
                    Problem(name, mark.line, mark.column, "a field name must be a plain word", "write `name: value`")
                )
            frame.key, frame.key_mark = str(value), mark
            return frame.loc
        else:
            loc = (*frame.loc, frame.key)
            if frame.key in frame.container:
                first = keys[loc]
                problems.append(
                    Problem(
                        name,
                        frame.key_mark.line if frame.key_mark else mark.line,
                        frame.key_mark.column if frame.key_mark else mark.column,
                        f"`{frame.key}` appears twice in the same place (first on line {first.line})",
                        "keep one of them: YAML would silently use only the last",
                    )
                )
            frame.container[frame.key] = value
            keys[loc] = frame.key_mark or mark
            commented = _COMMENTED_COLOUR.search(lines[keys[loc].line - 1]) if value is None else None
            if commented:
                at = keys[loc]
                problems.append(
                    Problem(
                        name,
                        at.line,
                        at.column,
                        f"`{frame.key}` is empty: YAML reads everything from ` #` on as a comment",
                        f'put the colour in quotes: {frame.key}: "{commented.group(1)}"',
                    )
                )
            frame.key = None
        values[loc] = mark
        return loc

    try:
        documents = 0
        for event in YAML(typ="rt", pure=True).parse(text):
            if isinstance(event, events.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    m = mark_of(event)
                    problems.append(
                        Problem(
                            name,
                            m.line,
                            m.column,
                            "the file holds more than one YAML document",
                            "remove the `---` line and everything after it, or merge the two",
                        )
                    )
                    break
                continue
            if not isinstance(event, events.NodeEvent):
                if isinstance(event, events.CollectionEndEvent):
                    stack.pop()
                continue
            refusal = _refuse(event)
            if refusal:
                m = mark_of(event)
                problems.append(Problem(name, m.line, m.column, *refusal))
                break
            if isinstance(event, events.ScalarEvent):
                plain = event.style is None and not event.tag
                place(None if plain and event.value in NULLS else event.value, mark_of(event))
            else:
                container: dict[str, Any] | list[Any] = {} if isinstance(event, events.MappingStartEvent) else []
                loc = place(container, mark_of(event))
                if len(stack) >= MAX_DEPTH:
                    m = mark_of(event)
                    problems.append(
                        Problem(
                            name,
                            m.line,
                            m.column,
                            f"the data is nested more than {MAX_DEPTH} levels deep",
                            "check the indentation; a handbook never needs this many levels",
                        )
                    )
                    break
                stack.append(_Frame(container, loc))
    except MarkedYAMLError as error:
        problems.append(_syntax_problem(error, name))
    except ReaderError as error:
        line, column = _text_position(text, error.position)
        problems.append(
            Problem(
                name,
                line,
                column,
                f"the file contains a control character (U+{error.character:04X}) that YAML does not allow",
                "delete it; it is often pasted in by accident from another program",
            )
        )
    if problems:
        raise InputError(problems)
    return root, values, keys


def _refuse(event: events.NodeEvent) -> tuple[str, str] | None:
    if isinstance(event, events.AliasEvent):
        return (f"`*{event.anchor}` (a YAML alias) is not supported", "write the value out in full where it is needed")
    if event.anchor:
        return (f"`&{event.anchor}` (a YAML anchor) is not supported", "remove it and write values out in full")
    tag = getattr(event, "tag", None)
    if tag and tag != STR_TAG:
        return (f"the tag `{tag}` is not supported", "remove it; put the value in quotes if it should be read as text")
    return None


_SYNTAX_HINTS = (
    (
        "'\\t'",
        "a tab is used for indentation",
        "indent with spaces only (two per level); most editors can turn tabs into spaces",
    ),
    (
        "mapping values are not allowed",
        "a `:` appears where YAML does not expect one",
        'put the whole value in quotes, e.g. title: "Goals: the first step", or fix the indentation',
    ),
    (
        "could not find expected ':'",
        "a line has no `:` after its name",
        "write `name: value`, or indent the line to continue the text above",
    ),
    (
        "expected <block end>",
        "the indentation does not line up",
        "items at the same level must start in the same column",
    ),
    (
        "did not find expected key",
        "the indentation does not line up",
        "items at the same level must start in the same column",
    ),
    (
        "did not find expected '-'",
        "a list item is not lined up with the others",
        "start every item of a list with `- ` in the same column",
    ),
    ("end of stream", "a quote or bracket is opened but never closed", "close the quote or bracket on the same line"),
    (
        "found unknown escape",
        "a backslash inside double quotes starts an unknown escape",
        "use single quotes, or write \\\\ for a backslash",
    ),
)


def _syntax_problem(error: MarkedYAMLError, name: str) -> Problem:
    detail = f"{error.context or ''} {error.problem or ''}"
    unclosed = "end of stream" in detail and error.context_mark is not None
    mark = error.context_mark if unclosed else (error.problem_mark or error.context_mark)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in detail:
            return Problem(name, line, column, message, hint)
    problem = (error.problem or "the YAML is not well-formed").strip()
    return Problem(
        name,
        line,
        column,
        f"the YAML is not well-formed ({problem})",
        "check this line and the one above for a missing quote, colon or indentation",
    )
