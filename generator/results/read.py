"""Reading responses: filled fillable PDFs (their field values) and CSV exports of the
XLSForm (KoboToolbox, ODK Central: a column per question, plus the tool's own columns).

Reading only: each file becomes raw submissions (what it says it answers, and its values as
text) or a problem naming the file. Whether a submission fits its form is check.py's work.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from generator.errors import InputError, Problem
from generator.plan.program.forms import STAMP_PREFIX
from generator.results.export import read_csv
from generator.results.submission import Submission, UnreadableError

MAX_INPUTS = 20_000  # files in one run
MAX_PDF_BYTES = 20 * 1024 * 1024  # a filled form is well under 1 MB; a PDF this big is something else
MAX_CSV_BYTES = 200 * 1024 * 1024  # read row by row; the answers counted are held, so not past this
MAX_SUBMISSIONS = 50_000  # in one run: far more than any program's forms; holds memory to a bound
SPREADSHEETS = (".xlsx", ".xls", ".xlsm", ".ods", ".json", ".xml", ".zip")


def read_inputs(paths: list[Path], shown: dict[Path, str]) -> tuple[list[Submission], list[tuple[str, str, str]]]:
    """Every submission in `paths`, and for each file that could not be read (or not all of it),
    (file, what, hint). CSV rows are read one at a time; the limits keep memory and time bounded."""
    if len(paths) > MAX_INPUTS:
        what = f"were given; the most in one run is {MAX_INPUTS:,}, so none was read"
        return [], [(f"{len(paths):,} files", what, "give the forms in smaller folders, one run each")]
    submissions: list[Submission] = []
    problems: list[tuple[str, str, str]] = []
    for path in paths:
        name = shown[path]
        try:
            kind = _kind(path)
            rows = read_csv(path, name) if kind == "csv" else iter([read_pdf(path, name)])
            for submission in rows:
                if len(submissions) == MAX_SUBMISSIONS:
                    raise _too_many(submission.source)
                submissions.append(submission)
        except UnreadableError as error:
            problems.append((f"{name}:{error.row}" if error.row else name, str(error), error.hint))
    return submissions, problems


def _too_many(source: str) -> InputError:
    """More responses than one run counts: the whole run stops, rather than count a part."""
    message = f"brings the responses past {MAX_SUBMISSIONS:,}, the most one run counts"
    return InputError(
        [Problem(source, 0, 0, message, "give the responses in parts (by form or by period), one run each")]
    )


def _kind(path: Path) -> str:
    """ "csv" or "pdf", by the name and the size, or an UnreadableError that says what to give."""
    if not path.is_file():
        raise UnreadableError("does not exist", "check the file's name and folder")
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        raise UnreadableError(
            f"is a {suffix} file, which results does not read",
            "export the survey's data as CSV (KoboToolbox: Downloads, CSV; ODK Central: Download, CSV) and give that",
        )
    size = path.stat().st_size
    limit = MAX_CSV_BYTES if suffix == ".csv" else MAX_PDF_BYTES
    if size > limit:
        what = "a CSV export" if suffix == ".csv" else "a filled form"
        raise UnreadableError(
            f"is {size / 1024 / 1024:,.0f} MB, more than {what} can be ({limit // 1024 // 1024} MB at most)",
            "give the filled forms or the survey's CSV export themselves",
        )
    return "csv" if suffix == ".csv" else "pdf"


def read_pdf(path: Path, name: str) -> Submission:
    try:
        data = path.read_bytes()  # at most MAX_PDF_BYTES (`_kind`)
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
        values[item] = _pdf_value(field.get("/V"), field.get("/FT") == "/Btn")
    return Submission(name, claims, version, values, frozenset(prefixes), "pdf:" + hashlib.sha256(data).hexdigest())


def _stamp(keywords: str) -> tuple[str | None, str | None]:
    for word in keywords.split(","):
        word = word.strip()
        if word.startswith(STAMP_PREFIX):
            form, _, version = word.removeprefix(STAMP_PREFIX).rpartition("@")
            return form, version
    return None, None


def _pdf_value(value: object, button: bool) -> str:
    """A text field's text; a radio group's state, its label (`/Off`: not answered). A state
    is a PDF name (`/Agree`, as Acrobat and pikepdf write it) or, from pypdf's filling, a text
    string `/Agree`: both are read as the state."""
    if value is None:
        return ""
    text = str(value)
    if type(value).__name__ == "NameObject" or (button and text.startswith("/")):
        return "" if text == "/Off" else text.removeprefix("/")
    return text.strip()
