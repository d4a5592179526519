"""Spreadsheets the plan describes, made into .xlsx bytes for the write stage: the pair tracker
(plan/tracker.py) and the question bank's XLSForms (plan/xlsform.py).

Byte-stable under SOURCE_DATE_EPOCH: openpyxl's `save` stamps the workbook's "modified"
property, and every zip entry, with the time of saving, so two saves of one workbook differ
(see FIELD-NOTES). Each workbook is written without `save`, with its dates set to the build's
time, and the archive is written again with every entry dated that time. Every cell goes in
through `cells.append_row`: text we were given is never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from generator.cells import append_row
from generator.plan.tracker import TrackerSheet
from generator.plan.xlsform import Spreadsheet

if TYPE_CHECKING:
    from openpyxl import Workbook


def spreadsheets(trackers: tuple[TrackerSheet, ...], tables: tuple[Spreadsheet, ...]) -> dict[str, bytes]:
    """Every planned workbook, by its path in the docs folder."""
    return {**{s.path: tracker_xlsx(s) for s in trackers}, **{s.path: xlsx_bytes(s) for s in tables}}


def tracker_xlsx(plan: TrackerSheet) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = plan.title
    append_row(sheet, [c.title for c in plan.columns])
    append_row(sheet, [plan.planned, *(c.planned for c in plan.columns[1:])])
    for n in range(1, plan.rows + 1):
        append_row(sheet, [n])
    for index, column in enumerate(plan.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        sheet[f"{letter}1"].font = Font(bold=True)
        if index in plan.date_columns:
            for row in range(2, plan.rows + 3):
                sheet[f"{letter}{row}"].number_format = "yyyy-mm-dd"
    status = get_column_letter(plan.status_column)
    choice = DataValidation(type="list", formula1='"' + ",".join(plan.statuses) + '"', allow_blank=True)
    choice.add(f"{status}3:{status}{plan.rows + 2}")
    sheet.add_data_validation(choice)
    sheet.freeze_panes = "B3"
    return _stable(book, plan.built, "Mentorbook")


def xlsx_bytes(spreadsheet: Spreadsheet) -> bytes:
    """A workbook of plain sheets (an XLSForm's survey, choices and settings)."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for title, rows in spreadsheet.sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            append_row(sheet, row)
    return _stable(book, spreadsheet.built, spreadsheet.creator)


def _stable(book: Workbook, built: dt.datetime, creator: str) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    moment = built.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    book.properties.created = book.properties.modified = moment
    book.properties.creator = creator
    raw = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()  # not `save`
    stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]  # the zip format starts in 1980
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
