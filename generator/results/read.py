"""Reading responses: filled fillable PDFs (their field values) and CSV exports of the
XLSForm (KoboToolbox, ODK Central: a column per question, plus the tool's own columns).

Reading only: each file becomes raw submissions (what it says it answers, and its values as
text) or a problem naming the file. Whether a submission fits its form is check.py's work.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from generator.plan.instruments import STAMP_PREFIX
from generator.plan.xlsform import FORM_COLUMN, VERSION_COLUMN

# Columns survey tools add to an export: never questions. Kobo's start with "_".
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


@dataclass(frozen=True)
class Submission:
    source: str  # the file, and the row of a CSV: what a problem names
    claims: str | None  # the form id it says it answers (a PDF's stamp, a CSV's column)
    version: str | None
    values: dict[str, str]  # item id -> the answer as written ("" when left empty)
    fields_of: frozenset[str]  # the form ids its field names start with (a PDF's own, for a form from elsewhere)
    key: str  # what makes two submissions the same one (see `duplicate_key`)


class UnreadableError(Exception):
    """A file that is neither a PDF form nor a CSV export we can read."""


def read_inputs(paths: list[Path], shown: dict[Path, str]) -> tuple[list[Submission], list[tuple[str, str, str]]]:
    """Every submission in `paths`, and for each file that could not be read, (file, what, hint)."""
    submissions: list[Submission] = []
    problems: list[tuple[str, str, str]] = []
    for path in paths:
        name = shown[path]
        if not path.is_file():
            problems.append((name, "does not exist", "check the file's name and folder"))
            continue
        try:
            submissions += read_csv(path, name) if path.suffix.lower() == ".csv" else [read_pdf(path, name)]
        except UnreadableError as error:
            problems.append((name, str(error), "give a filled fillable PDF of a feedback form or a CSV export"))
    return submissions, problems


def read_pdf(path: Path, name: str) -> Submission:
    try:
        data = path.read_bytes()
        reader = PdfReader(io.BytesIO(data))
        fields = reader.get_fields() or {}
        keywords = str(reader.metadata.get("/Keywords", "") if reader.metadata else "")
    except (OSError, PyPdfError, ValueError) as error:
        raise UnreadableError(f"cannot be read as a PDF ({error})") from None
    if not fields:
        raise UnreadableError("has no form fields: it is not a fillable PDF, or it was printed to PDF")
    claims, version = _stamp(keywords)
    values: dict[str, str] = {}
    prefixes = set()
    for full_name, field in fields.items():
        prefix, _, item = full_name.partition(":")  # `<form>:<item>`; a worksheet's table cell has more
        prefixes.add(prefix)
        values[item] = _pdf_value(field.get("/V"))
    return Submission(name, claims, version, values, frozenset(prefixes), hashlib.sha256(data).hexdigest())


def _stamp(keywords: str) -> tuple[str | None, str | None]:
    for word in keywords.split(","):
        word = word.strip()
        if word.startswith(STAMP_PREFIX):
            form, _, version = word.removeprefix(STAMP_PREFIX).rpartition("@")
            return form, version
    return None, None


def _pdf_value(value: object) -> str:
    """A text field's text; a radio group's state, its label (`/Off`: not answered)."""
    if value is None:
        return ""
    text = str(value)
    if type(value).__name__ == "NameObject":
        return "" if text == "/Off" else text.removeprefix("/")
    return text.strip()


def read_csv(path: Path, name: str) -> list[Submission]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableError(f"cannot be read as UTF-8 text ({error})") from None
    try:
        dialect = csv.Sniffer().sniff(text.partition("\n")[0], delimiters=",;\t")
    except csv.Error:
        raise UnreadableError("is not a CSV file with a header row") from None
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise UnreadableError("is empty")
    header = [_column(c) for c in rows[0]]
    if FORM_COLUMN not in header:
        raise UnreadableError(f"has no `{FORM_COLUMN}` column: it is not an export of a Mentorbook XLSForm")
    return [_csv_submission(header, row, f"{name}:{number}") for number, row in enumerate(rows[1:], 2) if any(row)]


def _column(heading: str) -> str:
    """Kobo names a question in a group `group/name`, ODK Central `group-name` (and its own
    `meta-instanceID`): the name is last. A question's name never holds `-` or `/`."""
    return heading.strip().rpartition("/")[2].rpartition("-")[2]


def _csv_submission(header: list[str], row: list[str], source: str) -> Submission:
    cells = dict(zip(header, (c.strip() for c in row), strict=False))
    claims, version = cells.pop(FORM_COLUMN, None) or None, cells.pop(VERSION_COLUMN, None) or None
    instance = cells.get("instanceID") or cells.get("_uuid") or cells.get("KEY") or ""
    values = {k: v for k, v in cells.items() if not k.startswith("_") and k.lower() not in TOOL_COLUMNS}
    key = f"id:{instance}" if instance else ""
    return Submission(source, claims, version, values, frozenset(), key)
