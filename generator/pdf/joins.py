"""A file of the PDF stage joined from its parts' PDFs (stage.py's step 4): what a join is given,
the parts' files in the folder the workers wrote, so that it can go to a worker; and the one
rename that writes a file whole."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.pdf.join import Part, join_parts


def write_whole(target: Path, data: bytes) -> None:
    """In one rename: a reader of the folder never sees half a file."""
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


@dataclass(frozen=True)
class Joining:
    """A file to join from its parts (join.py); `whole`, a file that is its one part's PDF."""

    path: str
    parts: tuple[Part, ...]
    front_pages: int = 0
    whole: bool = False


def join_file(task: tuple[Path, Joining]) -> str:
    """In a worker (or here): write the file into `docs`."""
    docs, joining = task
    target = docs / joining.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if joining.whole:
        write_whole(target, joining.parts[0].pdf.read_bytes())
    else:
        join_parts(joining.parts, target, joining.front_pages)
    return joining.path
