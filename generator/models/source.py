"""Where a value was written: a loaded YAML file's data with the line and column of every
value and key (read/yaml_file.py makes them), so that a problem found at any stage names
`file:line:col`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator.errors import Problem

Loc = tuple[str | int, ...]


class Mark(NamedTuple):  # a tuple, not a dataclass: one is made for every value of a 6 MB file
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class YamlFile:
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
