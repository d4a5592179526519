"""Markdown read for slides (plan/site/slides.py, cards.py): a guide's sections, a section's
table, list, first sentences and speaker's notes, and text as a slide shows it (`plain`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<&])")  # Markdown's backslash escapes ("\+1 555")
_QUOTED = re.compile(r"[\"“]([^\"”]{8,160}[?.!])[\"”]")
_LIST = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(.*)$")
MOST_POINTS = 6  # more than this on a slide is a page to read, not a slide


@dataclass(frozen=True)
class Slide:
    title: str
    points: tuple[str, ...] = ()
    notes: str = ""  # what the facilitator says and does: the speaker's notes
    table: tuple[tuple[str, ...], ...] = ()  # a header row, then its rows


def plain(text: str) -> str:
    """Markdown as a slide shows it: links as their words, no emphasis marks."""
    return _MARKS.sub("", _ESCAPED.sub(r"\1", _LINK.sub(r"\1", text))).strip()


def sections(text: str, marker: str) -> list[tuple[str, str]]:
    """(heading, body) of each section that starts with `marker` ("## ", "### ")."""
    found = []
    for chunk in re.split(rf"\n(?={re.escape(marker)})", "\n" + text)[1:]:
        heading, _, body = chunk.partition("\n")
        found.append((heading[len(marker) :].strip(), body.strip()))
    return found


def intro(text: str) -> str:
    """The paragraphs under the title, before the first `##`."""
    body = text.split("\n## ", 1)[0]
    return "\n".join(line for line in body.splitlines() if line and not line.startswith("#"))


def table_rows(text: str) -> tuple[tuple[str, ...], ...]:
    rows = [line.strip().strip("|").split("|") for line in text.splitlines() if line.strip().startswith("|")]
    rows = [row for row in rows if not all(set(cell.strip()) <= set("-: ") for cell in row)]
    return tuple(tuple(plain(cell) for cell in row) for row in rows)


def list_items(text: str) -> tuple[str, ...]:
    items = (_LIST.match(line) for line in text.splitlines())
    return tuple(plain(m.group(1)) for m in items if m)[:MOST_POINTS]


def sentences(text: str) -> tuple[str, ...]:
    """The first sentence of each paragraph (at most three): enough to talk to."""
    paragraphs = [p for p in text.split("\n\n") if p.strip() and not p.lstrip().startswith(("|", "#"))]
    return tuple(re.split(r"(?<=[.!?])\s", plain(" ".join(p.split())), maxsplit=1)[0] for p in paragraphs[:3])


def speaker_notes(text: str) -> str:
    """The section as the facilitator reads it: plain text, a line a paragraph or item, and a
    line a table row ("What it covers: Mentoring, the mentee's own goals; Training, ...")."""
    prose = "\n".join(line for line in text.splitlines() if not line.strip().startswith("|"))
    lines = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)", prose)]
    table = table_rows(text)
    if table:
        first = next((n for n, line in enumerate(text.splitlines()) if line.strip().startswith("|")), 0)
        before = len([p for p in re.split(r"\n\s*\n", "\n".join(text.splitlines()[:first])) if p.strip()])
        lines[before:before] = table_lines(table)
    return "\n".join(plain(line) for line in lines if line)


def table_lines(table: tuple[tuple[str, ...], ...]) -> list[str]:
    """Each row of a table as a line to read out: its first cell, then each column's heading
    with its cell ("What it covers. Mentoring: The mentee's own goals. Training: Defined skills.")."""
    head, *rows = table

    def sentence(text: str) -> str:
        return text if text.endswith((".", "?", "!")) else f"{text}."

    return [
        " ".join([sentence(row[0]), *(sentence(f"{h}: {c}") for h, c in zip(head[1:], row[1:], strict=False) if c)])
        for row in rows
    ]


def quoted(text: str) -> tuple[str, ...]:
    """The questions or lines a section quotes, each once, in order (at most MOST_POINTS)."""
    return tuple(dict.fromkeys(_QUOTED.findall(text)))[:MOST_POINTS]
