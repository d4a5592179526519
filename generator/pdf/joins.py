"""A file of the PDF stage joined from its parts' PDFs (stage.py's step 4): what a join is given,
as keys of the folder the workers wrote, so that it can go to a worker; and the one rename that
writes a file whole."""

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
class PartRef:
    """A laid-out job as join.py takes it (join.Part), by its key in the folder: a join goes to
    a worker, which reads the PDFs there."""

    key: str
    stand_ins: frozenset[str] = frozenset()
    continues: bool = False
    nested: bool = False
    footer: str | None = None  # the key of the footers laid over it, from page `footer_from`
    footer_from: int = 0


@dataclass(frozen=True)
class Joining:
    """A file to join from its parts (join.py): `footer`, a footer job's key whose pages from
    `footer_from` are laid over the file's; `whole`, a file that is its one part's PDF."""

    path: str
    parts: tuple[PartRef, ...]
    front_pages: int = 0
    footer: str | None = None
    footer_from: int = 0
    whole: bool = False


def join_file(task: tuple[Path, Path, Joining]) -> str:
    """In a worker (or here): write the file into `docs` from the parts' PDFs in `folder`."""
    folder, docs, joining = task
    target = docs / joining.path
    target.parent.mkdir(parents=True, exist_ok=True)
    pdfs = {key: (folder / f"{key}.pdf").read_bytes() for key in _keys(joining)}
    if joining.whole:
        write_whole(target, pdfs[joining.parts[0].key])
        return joining.path
    parts = [
        Part(pdfs[p.key], p.stand_ins, p.continues, pdfs[p.footer] if p.footer else None, p.footer_from, p.nested)
        for p in joining.parts
    ]
    footer = pdfs[joining.footer] if joining.footer else None
    join_parts(parts, target, joining.front_pages, footer, joining.footer_from)
    return joining.path


def _keys(joining: Joining) -> set[str]:
    """The PDFs a join reads: its parts', their footers' and the file's footers'."""
    keys = {p.key for p in joining.parts} | {p.footer for p in joining.parts if p.footer}
    return keys | ({joining.footer} if joining.footer else set())
