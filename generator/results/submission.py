"""What reading a response gives: a raw submission, or why a file could not be read. A leaf,
shared by read.py (PDFs, and which reader a file needs) and export.py (CSV exports)."""

from __future__ import annotations

from dataclasses import dataclass

GIVE = "give a filled fillable PDF of a feedback form or a CSV export"


@dataclass(frozen=True)
class Submission:
    source: str  # the file, and the row of a CSV: what a problem names
    claims: str | None  # the form id it says it answers (a PDF's stamp, a CSV's column)
    version: str | None
    values: dict[str, str]  # item id -> the answer as written ("" when left empty)
    fields_of: frozenset[str]  # the form ids its field names start with (a PDF's own, for a form from elsewhere)
    key: str  # what makes two submissions the same one (see `duplicate_key`)


class UnreadableError(Exception):
    """A file that is neither a PDF form nor a CSV export we can read, and what to do."""

    def __init__(self, message: str, hint: str = GIVE, row: int = 0) -> None:
        super().__init__(message)
        self.hint, self.row = hint, row
