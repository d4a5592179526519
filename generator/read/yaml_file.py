"""YAML files -> plain data that remembers where every value came from.

We read the file event by event with libyaml's C parser (through PyYAML) and build the data
ourselves, so that:
- every value keeps its line and column (errors point at it);
- every scalar stays the text the user wrote. libyaml follows YAML 1.1, where `NO` is false,
  `010` is 8 and `12:30` is 750, but those surprises come from turning text into typed values,
  which we never do: "NO", "1.10", "12:30", "010" are kept as written, and the models convert
  "45" to a number where a number is wanted;
- duplicate keys, anchors, aliases, tags, a second document and deep nesting are refused with a
  clear message instead of being silently merged, expanded or crashing.

libyaml reads a 6 MB curriculum in a tenth of a second, forty times faster than a parser in
pure Python. PyYAML installed without it (`yaml.__with_libyaml__` false: built from source
without the libyaml headers) stops Mentorbook at once with a message saying how to fix the
install, rather than running forty times slower with error messages we do not test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml import events

from generator.errors import InputError, Problem, display_path
from generator.models.source import Loc, Mark, YamlFile
from generator.read.yaml_problems import LINE_BREAK, control_character, refusal, syntax_problem

if not yaml.__with_libyaml__:
    raise ImportError(
        "Mentorbook needs PyYAML with its libyaml C parser, and this PyYAML was installed without it; "
        "reinstall it from a wheel: pip install --force-reinstall --only-binary=:all: pyyaml"
    )

MAX_BYTES = 10_000_000  # a curriculum of 1,000 sessions is about 6 MB
MAX_DEPTH = 40
NULLS = {"", "~", "null", "Null", "NULL"}
_COMMENTED_COLOUR = re.compile(r":\s+(#[0-9a-fA-F]{3,8})\b")
_TOO_DEEP = (
    f"the data is nested more than {MAX_DEPTH} levels deep",
    "check the indentation; a handbook never needs this many levels",
)


def load_yaml(path: Path) -> YamlFile:
    """Read one YAML file whose top level is a mapping; raise InputError on any problem."""
    name = display_path(path)
    text = _read_text(path, name)
    data, values, keys, lines = _parse(text, name)
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
    return YamlFile(path, name, tuple(lines), data, values, keys)


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


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    loc: Loc
    key: str | None = None
    key_mark: Mark | None = None


@dataclass(slots=True)
class _Builder:
    """Builds plain data from parser events and records where each value and key stands."""

    name: str
    lines: list[str]
    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    stack: list[_Frame] = field(default_factory=list)
    root: Any = None

    def fail(self, mark: Mark, message: str, hint: str) -> None:
        self.problems.append(Problem(self.name, mark.line, mark.column, message, hint))

    def open(self, container: dict[str, Any] | list[Any], mark: Mark) -> bool:
        """Start a mapping or list; False (and a problem) when that nests too deep."""
        loc = self.place(container, mark)
        if len(self.stack) >= MAX_DEPTH:
            self.fail(mark, *_TOO_DEEP)
            return False
        self.stack.append(_Frame(container, loc))
        return True

    def place(self, value: Any, mark: Mark) -> Loc:
        """Put `value` where the parser stands: the root, the next item of a list, or a key or
        its value in a mapping. Returns where the value is (for a key: its mapping)."""
        if not self.stack:
            self.root, self.values[()] = value, mark
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            loc = (*frame.loc, len(frame.container))
            frame.container.append(value)
        elif frame.key is None or frame.key_mark is None:
            if not isinstance(value, str):
                self.fail(mark, "a field name must be a plain word", "write `name: value`")
            frame.key, frame.key_mark = str(value), mark
            return frame.loc
        else:
            loc = self._set(frame.container, frame.loc, frame.key, frame.key_mark, value)
            frame.key = None
        self.values[loc] = mark
        return loc

    def _set(self, mapping: dict[str, Any], parent: Loc, key: str, key_mark: Mark, value: Any) -> Loc:
        loc = (*parent, key)
        if key in mapping:
            self.fail(
                key_mark,
                f"`{key}` appears twice in the same place (first on line {self.keys[loc].line})",
                "keep one of them: YAML would silently use only the last",
            )
        mapping[key] = value
        self.keys[loc] = key_mark
        line = self.lines[key_mark.line - 1] if value is None and key_mark.line <= len(self.lines) else ""
        commented = _COMMENTED_COLOUR.search(line) if line else None
        if commented:
            self.fail(
                key_mark,
                f"`{key}` is empty: YAML reads everything from ` #` on as a comment",
                f'put the colour in quotes: {key}: "{commented.group(1)}"',
            )
        return loc


def _parse(text: str, name: str) -> tuple[Any, dict[Loc, Mark], dict[Loc, Mark], list[str]]:
    builder = _Builder(name, LINE_BREAK.split(text))
    try:
        _read_events(text, builder)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in (error.problem or "") and error.problem_mark:
            _too_deep(text, name, error.problem_mark)
        builder.problems.append(syntax_problem(error, name, builder.lines))
    except yaml.reader.ReaderError as error:
        builder.problems.append(control_character(error, text, name))
    if builder.problems:
        raise InputError(builder.problems)
    return builder.root, builder.values, builder.keys, builder.lines


def _too_deep(text: str, name: str, mark: yaml.Mark) -> NoReturn:
    """libyaml reads a `[...]` or `{...}` ahead to its end and gives up at 1,000 levels, before
    we see the 41st. Reading the text again up to where it gave up finds the 41st."""
    _parse(text[: mark.index], name)
    raise InputError([Problem(name, mark.line + 1, mark.column + 1, *_TOO_DEEP)])


def _read_events(text: str, builder: _Builder) -> None:
    """Feed libyaml's events to `builder`, stopping at the first thing we refuse. The loop runs
    once per value of the file (130,000 times for 1,000 sessions), so types are compared with
    `is`, and refusals are looked for only when there is an anchor, an alias or a tag."""
    documents = 0
    for event in yaml.parse(text, Loader=yaml.CBaseLoader):
        kind = type(event)
        if kind in _ENDS:
            builder.stack.pop()
            continue
        if kind is events.DocumentStartEvent:
            documents += 1
            if documents > 1:
                builder.fail(
                    _mark(event),
                    "the file holds more than one YAML document",
                    "remove the `---` line and everything after it, or merge the two",
                )
                return
            continue
        if kind not in _NODES:
            continue
        refused = refusal(event) if kind is events.AliasEvent or event.anchor or event.tag else None
        if refused:
            builder.fail(_mark(event), *refused)
            return
        if kind is events.ScalarEvent:
            plain = not event.style and not event.tag  # libyaml: style "" is plain
            builder.place(None if plain and event.value in NULLS else event.value, _mark(event))
        elif not builder.open({} if kind is events.MappingStartEvent else [], _mark(event)):
            return


def _mark(event: events.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


_ENDS = frozenset({events.MappingEndEvent, events.SequenceEndEvent})
_NODES = frozenset({events.ScalarEvent, events.MappingStartEvent, events.SequenceStartEvent, events.AliasEvent})
