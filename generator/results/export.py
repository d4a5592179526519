"""Reading a survey tool's CSV export of our XLSForms (KoboToolbox, ODK Central), row by row.

RFC 4180 as the tools write it: the csv module's default dialect (`""` is a quote inside a
quoted field, which may hold commas and line breaks), with only the delimiter sniffed from the
header (Kobo's default is `;`). Rows are read one at a time from the file, never all at once,
so memory stays flat however long the export. A row's number is the line it starts on.

A problem that stops the reading (a quote never closed, a field past FIELD_LIMIT) is raised
as an `UnreadableError` at its row, after the rows before it were given.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from generator.plan.sheets.xlsform import FORM_COLUMN, VERSION_COLUMN
from generator.results.submission import Submission, UnreadableError

FIELD_LIMIT = 1_000_000  # characters in one field: far above any answer (check.py caps answers lower)
DELIMITERS = ",;\t"
# Columns survey tools add to an export: never questions. Kobo's start with "_" (`_uuid`,
# `__version__`); `meta/...` and `formhub/...` (Kobo), `meta-...` (ODK Central) are the tools'.
TOOL_COLUMNS = frozenset(
    [
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "phonenumber",
        "simserial",
        "subscriberid",
        "audit",
        "instanceid",
        "instancename",
        "submissiondate",
        "key",
        "submitterid",
        "submittername",
        "attachmentspresent",
        "attachmentsexpected",
        "status",
        "reviewstate",
        "edits",
        "formversion",
    ]
)
TOOL_PREFIXES = ("_", "meta/", "meta-", "formhub/", "formhub-")
# What names one submission, best first: Kobo's root uuid survives an edit of the submission.
IDENTITY = ("meta/rootUuid", "meta/instanceID", "meta-instanceID", "_uuid", "KEY", "instanceID")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
LABELS_HINT = (
    'export the data again with "XML values and headers" chosen (KoboToolbox: Downloads, Value and header format)'
)

csv.field_size_limit(FIELD_LIMIT)


def read_csv(path: Path, name: str) -> Iterator[Submission]:
    """Every row of the export that holds anything, as a submission (`name:row`)."""
    digest = _digest(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=_delimiter(handle.readline()), strict=True)
            handle.seek(0)  # the decoder starts again: the byte-order mark is skipped again
            header = _header(next(reader, None), name)
            start = reader.line_num + 1
            try:
                for row in reader:
                    if any(cell.strip() for cell in row):
                        yield _submission(header, row, f"{name}:{start}", f"file:{digest}:{start}")
                    start = reader.line_num + 1
            except csv.Error as error:
                raise _stopped(name, start, str(error)) from None
    except UnicodeDecodeError as error:
        raise UnreadableError(f"cannot be read as UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise UnreadableError(f"cannot be read ({error.strerror})") from None


def _digest(path: Path) -> str:
    """The file's hash: rows without an id are the same submission only in the same file."""
    hashing = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                hashing.update(block)
    except OSError as error:
        raise UnreadableError(f"cannot be read ({error.strerror})") from None
    return hashing.hexdigest()


def _delimiter(first_line: str) -> str:
    """The header's most frequent delimiter (`,` when it holds none): the only thing sniffed."""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(row: list[str] | None, name: str) -> list[str]:
    if not row or not any(cell.strip() for cell in row):
        raise UnreadableError("is empty, or has no header row")
    header = [cell.strip() for cell in row]
    if FORM_COLUMN not in header:
        if any(_question_label(h) for h in header):
            raise UnreadableError(
                f'has the questions\' wording as its column headings (a "Labels" export), and no `{FORM_COLUMN}`',
                LABELS_HINT,
            )
        raise UnreadableError(f"has no `{FORM_COLUMN}` column: it is not an export of a Mentorbook XLSForm")
    labelled = [h for h in header if _question_label(h)]
    if labelled:
        raise UnreadableError(
            f'has the questions\' wording as its column headings (a "Labels" export: "{labelled[0][:60]}")',
            LABELS_HINT,
        )
    return header


def _question_label(heading: str) -> bool:
    """A heading that is a question's wording, not a name (a name has no spaces or signs)."""
    return bool(heading) and not _tool(heading) and not _NAME.fullmatch(_column(heading))


def _tool(heading: str) -> bool:
    return heading.startswith(TOOL_PREFIXES) or heading.lower() in TOOL_COLUMNS


def _column(heading: str) -> str:
    """Kobo names a question in a group `group/name`, ODK Central `group-name`: the name is
    last. A question's name never holds `-` or `/`."""
    return heading.rpartition("/")[2].rpartition("-")[2]


def _stopped(name: str, row: int, reason: str) -> UnreadableError:
    if "field larger than field limit" in reason:
        what = f"has a field longer than {FIELD_LIMIT:,} characters, so this row and those after it were not read"
        return UnreadableError(what, "shorten that answer in the export, or leave that row out", row)
    if "unexpected end of data" in reason:
        what = 'has a quote (") that is never closed, so this row and those after it were not read'
    else:
        what = f"cannot be read from this row on ({reason})"
    return UnreadableError(what, 'mend this row: a quote inside an answer is written twice ("")', row)


def _submission(header: list[str], row: list[str], source: str, file_key: str) -> Submission:
    cells = dict(zip(header, row, strict=False))
    claims = cells.get(FORM_COLUMN, "").strip() or None
    version = cells.get(VERSION_COLUMN, "").strip() or None
    identity = next((cells[c].strip() for c in IDENTITY if cells.get(c, "").strip()), "")
    values = {
        _column(h): v.strip() for h, v in cells.items() if h not in (FORM_COLUMN, VERSION_COLUMN) and not _tool(h)
    }
    return Submission(source, claims, version, values, frozenset(), f"id:{identity}" if identity else file_key)
