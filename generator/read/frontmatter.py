"""A guide's front matter: the lines between `---` above its title that say which MENTOR
standard it serves, whose editions it belongs to and whose time commitment it shows.

    ---
    standard: recruitment
    editions: manager, mentor
    time: mentor
    ---
    # The mentor's role

Three keys of plain words, so a small reader with a message at each mistake's line and column
is enough; a YAML parser would also accept (and misread) much that these keys cannot mean.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass

from generator.errors import InputError, Problem
from generator.models.kit import EDITIONS, PAIR

KEYS = ("standard", "editions", "time")
FENCE = "---"


@dataclass(frozen=True)
class FrontMatter:
    standard: str | None = None
    editions: tuple[str, ...] = EDITIONS
    time_for: str | None = None


def front_matter(text: str, shown: str, standards: Collection[str]) -> tuple[FrontMatter, str]:
    """The front matter and the page after it; the page as it is when it has none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return FrontMatter(), text
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE)
    except StopIteration:
        raise InputError(
            [Problem(shown, 1, 1, "the front matter has no closing `---`", "end it with a line `---`")]
        ) from None
    values: dict[str, tuple[str, int, int]] = {}
    problems: list[Problem] = []
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "the keys are: " + ", ".join(KEYS)
            problems.append(Problem(shown, number, 1, f"front matter: `{key}` is not a key", hint))
            continue
        values[key] = (value.strip(), number, len(line) - len(line.lstrip()) + len(key) + 3)
    meta = _meta(values, shown, standards, problems)
    if problems:
        raise InputError(problems)
    return meta, "\n".join(lines[end + 1 :])


def _meta(
    values: dict[str, tuple[str, int, int]], shown: str, standards: Collection[str], problems: list[Problem]
) -> FrontMatter:
    def check(key: str, value: str, allowed: Collection[str]) -> bool:
        if value in allowed:
            return True
        written, line, column = values[key]
        column += max(written.find(value), 0)
        known = ", ".join(allowed) or "(none: add `standards:` to curriculum.yaml)"
        problems.append(
            Problem(shown, line, column, f"front matter: {key}: `{value}` is not known", f"write one of {known}")
        )
        return False

    standard = values.get("standard", ("", 0, 0))[0] or None
    if standard and not check("standard", standard, tuple(standards)):
        standard = None
    editions: tuple[str, ...] = EDITIONS
    if "editions" in values:
        editions = tuple(e.strip() for e in values["editions"][0].split(",") if e.strip())
        editions = tuple(e for e in editions if check("editions", e, EDITIONS))
    time_for = values.get("time", ("", 0, 0))[0] or None
    if time_for and not check("time", time_for, PAIR):
        time_for = None
    return FrontMatter(standard, editions, time_for)
