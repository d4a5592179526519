"""The one user-error type: a problem in the user's files, with where it is and what to write.

A `Problem` is a plain mistake ("minutes: expected a whole number") that the user can fix.
`InputError` carries every problem found in one pass; the CLI prints them and exits 1.
Anything else that goes wrong is a bug in Mentorbook and may show a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Control characters (C0, DEL, C1) and the bidirectional overrides that reorder a line on screen.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def inert(text: str) -> str:
    """`text` as it may be echoed (a terminal, problems.txt): every control character shown
    escaped (`\\x1b`, `\\n`), so that an answer or a file name can neither move the cursor,
    retitle the window, clear the screen nor reorder the line."""
    return _CONTROL.sub(lambda m: _NAMED.get(m[0]) or _escape(m[0]), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where}: {self.message}"
        return inert(f"{text} — {self.hint}" if self.hint else text)


class InputError(Exception):
    """One or more problems in the user's input files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=_reading_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[list[Problem]]]:
        """Pickled with its problems (its message alone would lose them): the PDF stage's
        workers send it back to the build."""
        return InputError, (self.problems,)

    def report(self) -> str:
        count = len(self.problems)
        files = len({p.file for p in self.problems})
        noun = "problem" if count == 1 else "problems"
        where = "1 file" if files == 1 else f"{files} files"
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} {noun} in {where}; nothing was written.")
        return "\n".join(lines)


def _reading_order(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line, problem.column, problem.message)


def display_path(path: Path, base: Path | None = None) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    base = base or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Gather:
    """Runs checks one after another and keeps every problem, so that the user sees all of
    them in one run instead of fixing one mistake per build."""

    problems: list[Problem] = field(default_factory=list)

    def attempt(self, step: Callable[[], T]) -> T | None:
        try:
            return step()
        except InputError as error:
            self.problems.extend(error.problems)
            return None

    def check(self) -> None:
        if self.problems:
            raise InputError(self.problems)


class UsageError(Exception):
    """A mistake in the command itself, not in the files: an option that does not fit with
    another, a name that gives no file. The CLI says it on one line and exits 2."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message, self.hint = message, hint
        super().__init__(inert(f"{message} — {hint}" if hint else message))
