"""Spreadsheets the plan describes, made into .xlsx bytes for the write stage: the pair tracker
(plan/sheets/tracker.py) and the question bank's XLSForms (plan/sheets/xlsform.py).

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

from openpyxl.utils import get_column_letter

from generator.cells import append_row
from generator.plan.sheets.tracker import ROOM, TrackerSheet, row_ids
from generator.plan.sheets.xlsform import Spreadsheet

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DATE = "yyyy-mm-dd"


def spreadsheets(trackers: tuple[TrackerSheet, ...], tables: tuple[Spreadsheet, ...]) -> dict[str, bytes]:
    """Every planned workbook, by its path in the docs folder."""
    return {**{s.path: tracker_xlsx(s) for s in trackers}, **{s.path: xlsx_bytes(s) for s in tables}}


def tracker_xlsx(plan: TrackerSheet) -> bytes:
    """The tracker as a user's spreadsheet program opens it: headings frozen, a filter, the
    planned row, a list and a format on every row (to ROOM, so added rows get them too), steps
    overdue against the planned row highlighted, landscape and one page wide; the names apart."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = plan.title
    append_row(sheet, [c.title for c in plan.columns])
    append_row(sheet, [plan.planned, *(c.planned for c in plan.columns[1:])])
    for n in range(1, plan.rows + 1):
        append_row(sheet, [n, *row_ids(n, len(plan.roles) - 1)])
    _formats(sheet, plan)
    _lists(sheet, plan)
    _overdue(sheet, plan)
    _print(sheet, plan)
    _names(book.create_sheet(plan.names_title), plan)
    return _stable(book, plan.built, "Mentorbook")


def _formats(sheet: Worksheet, plan: TrackerSheet) -> None:
    from openpyxl.styles import Alignment, Font

    for index, column in enumerate(plan.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        head = sheet[f"{letter}1"]
        head.font, head.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        sheet[f"{letter}2"].font = Font(italic=True)
        fmt = {"date": DATE, "count": "0"}.get(column.kind)
        if fmt:
            for row in range(2, plan.rows + 3):
                sheet[f"{letter}{row}"].number_format = fmt
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "B3"  # the headings, the planned row and the pair's number stay in view
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(plan.columns))}{plan.rows + 2}"


def _lists(sheet: Worksheet, plan: TrackerSheet) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    for kind, options in sorted(plan.choices.items()):
        letters = [get_column_letter(i) for i, c in enumerate(plan.columns, start=1) if c.kind == kind]
        if not letters:
            continue
        choice = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        choice.error, choice.showErrorMessage = "Choose from the list.", True
        for letter in letters:
            choice.add(f"{letter}3:{letter}{ROOM}")
        sheet.add_data_validation(choice)
    dated = [get_column_letter(i) for i, c in enumerate(plan.columns, start=1) if c.kind == "date"]
    when = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)  # after 2000
    when.error, when.showErrorMessage = "Write a date, e.g. 2027-01-11.", True
    for letter in dated:
        when.add(f"{letter}3:{letter}{ROOM}")
    sheet.add_data_validation(when)


def _overdue(sheet: Worksheet, plan: TrackerSheet) -> None:
    """A step still empty after its planned day, on a row whose pair is active (a status chosen,
    and not ended), is filled in amber."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    amber = PatternFill(start_color="FFE08A", end_color="FFE08A", fill_type="solid")
    status = get_column_letter(next(i for i, c in enumerate(plan.columns, start=1) if c.kind == "status"))
    ended = ",".join(f'${status}3<>"{s}"' for s in plan.ended)
    for index, column in enumerate(plan.columns, start=1):
        if not isinstance(column.planned, dt.date):
            continue
        x = get_column_letter(index)
        rule = f'AND(${status}3<>"",{ended},ISBLANK({x}3),TODAY()>{x}$2)'
        sheet.conditional_formatting.add(f"{x}3:{x}{ROOM}", FormulaRule(formula=[rule], fill=amber, stopIfTrue=False))  # type: ignore[no-untyped-call]


def _print(sheet: Worksheet, plan: TrackerSheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    _fit_to_page(sheet)
    sheet.print_title_rows = "1:2"
    sheet.print_area = f"A1:{get_column_letter(len(plan.columns))}{plan.rows + 2}"


def _fit_to_page(sheet: Worksheet) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _names(sheet: Worksheet, plan: TrackerSheet) -> None:
    """ID, role, pair, then the columns to fill in: the one place names are written."""
    from openpyxl.styles import Font

    append_row(sheet, [plan.names_note])
    sheet["A1"].font = Font(bold=True)
    append_row(sheet, list(plan.names_columns))
    for column in range(1, len(plan.names_columns) + 1):
        sheet.cell(row=2, column=column).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = 12 if column <= 3 else 26
    for n in range(1, plan.rows + 1):
        for person, role in zip(row_ids(n, len(plan.roles) - 1), plan.roles, strict=True):
            append_row(sheet, [person, role, n])
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    _fit_to_page(sheet)


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
    return stable_zip(raw.getvalue(), moment)


def stable_zip(raw: bytes, moment: dt.datetime) -> bytes:
    """The archive again, every entry dated `moment` (an Office file is a zip: slides.py too)."""
    stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]  # the zip format starts in 1980
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
