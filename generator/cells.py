"""One rule for every spreadsheet cell Mentorbook writes (CSV and .xlsx): text it was given
(an organization's milestone or area, a respondent's answer) is never run as a formula.

A spreadsheet program reads a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return before one, or their full-width forms) as a formula: OWASP's "CSV injection". So:

- in a CSV, such a value, and one that already starts with `'`, gets one leading `'`, which
  Excel, LibreOffice and Google Sheets show as text and do not run. The answer as given is the
  cell without its first `'` (`original`), which is how a script gets it back;
- in an .xlsx, every text cell is an explicit string cell (openpyxl would make any string that
  starts with `=` a formula), and one that starts with a trigger is marked "quote prefixed",
  so that editing it in Excel keeps it text. Its text is unchanged;
- an XLSForm is an .xlsx: pyxform keeps a string cell's text as the label (`=1+1` is shown
  as written), where it reads a formula cell as no label at all, and the form is refused.

Numbers, dates and empty cells are values of our own and pass through unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# What makes a spreadsheet read a cell as a formula (OWASP), and the full-width forms some read alike.
TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
QUOTE = "'"


def runs(text: str) -> bool:
    """Whether a spreadsheet would read `text` as a formula."""
    return bool(text) and text[0] in TRIGGERS


def safe_cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs: a leading `'` when it starts with a trigger
    or with `'` itself (so that `original` gives back exactly what was given)."""
    return QUOTE + text if runs(text) or text.startswith(QUOTE) else text


def original(cell: str) -> str:
    """What `safe_cell` was given, from the cell it wrote."""
    return cell.removeprefix(QUOTE)


def safe_row(values: Iterable[object]) -> list[object]:
    """A row for `csv.writer`: every string through `safe_cell`, other values as they are."""
    return [safe_cell(v) if isinstance(v, str) else v for v in values]


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file (CRLF lines, a byte-order mark so that Excel reads UTF-8) with every text
    cell made safe: the one way Mentorbook writes a CSV."""
    raw = io.BytesIO()
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="", write_through=True) as out:
        csv.writer(out, lineterminator="\r\n").writerows(safe_row(row) for row in rows)
        return raw.getvalue()  # encoded as it goes: no second copy of the text


def append_row(sheet: Worksheet, values: Sequence[object]) -> None:
    """Append `values` to an openpyxl sheet, every string an explicit text cell (never a
    formula), marked quote-prefixed when it starts with a trigger."""
    sheet.append(list(values))
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            text_cell(sheet.cell(row=row, column=column), value)


def text_cell(cell: object, value: str) -> None:
    """Make an openpyxl cell hold `value` as text (see `append_row`)."""
    from openpyxl.cell.cell import Cell

    assert isinstance(cell, Cell)
    cell.value = value
    cell.data_type = "s"
    if runs(value):
        cell.quotePrefix = True
