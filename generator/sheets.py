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
from functools import lru_cache
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from generator.cells import append_row
from generator.plan.sheets.tracker import ROOM, Column, Table, TrackerSheet
from generator.plan.sheets.xlsform import Spreadsheet

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DATE = "yyyy-mm-dd"


def spreadsheets(trackers: tuple[TrackerSheet, ...], tables: tuple[Spreadsheet, ...]) -> dict[str, bytes]:
    """Every planned workbook, by its path in the docs folder."""
    return {
        **{s.path: tracker_xlsx(s) for s in trackers},
        **{s.names_path: names_xlsx(s) for s in trackers},
        **{s.path: xlsx_bytes(s) for s in tables},
    }


def tracker_xlsx(plan: TrackerSheet) -> bytes:
    """The tracker as a user's spreadsheet program opens it: on People and Pairs, headings
    frozen, a filter, the planned row, a list and a format on every row (to ROOM, so added rows
    get them too), steps overdue against the planned row highlighted, landscape and one page
    wide, "Confidential" and the page number on each printed page; the record of deletions on a
    sheet of its own. The names are in a workbook of their own (`names_xlsx`)."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook has one sheet
    for sheet, table in ((first, plan.people), (book.create_sheet(), plan.pairs)):
        sheet.title = table.title
        append_row(sheet, [c.title for c in table.columns])
        append_row(sheet, [plan.planned, *(c.planned for c in table.columns[1:])])
        for row in table.rows:
            append_row(sheet, list(row))
        _formats(sheet, table)
        _lists(sheet, table, plan)
        _overdue(sheet, table)
        _print(sheet, len(table.columns), len(table.rows))
        _marks(sheet, plan)
    _deletions(book.create_sheet(plan.deletions_title), plan)
    return _stable(book, plan.built, "Mentorbook")


def names_xlsx(plan: TrackerSheet) -> bytes:
    """The names, a workbook of their own: deleting this one file deletes every link from an ID to a person."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = plan.names_title
    _names(sheet, plan)
    return _stable(book, plan.built, "Mentorbook")


def _marks(sheet: Worksheet, plan: TrackerSheet) -> None:
    """Each printed page headed "Confidential" and numbered ("Page 2 / 5")."""
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # a worksheet always has them
    header.center.text = plan.header.replace("&", "&&")
    footer.center.text = plan.page.replace("&", "&&") + " &P / &N"


def _letters(table: Table, *kinds: str) -> list[str]:
    return [get_column_letter(i) for i, c in enumerate(table.columns, start=1) if c.kind in kinds]


def _formats(sheet: Worksheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Font

    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        head = sheet[f"{letter}1"]
        head.font, head.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        sheet[f"{letter}2"].font = Font(italic=True)
        fmt = {"date": DATE, "count": "0", "number": "0"}.get(column.kind)
        if fmt:
            for row in range(2, len(table.rows) + 3):
                sheet[f"{letter}{row}"].number_format = fmt
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "B3"  # the headings, the planned row and the row's ID stay in view
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 2}"


def _lists(sheet: Worksheet, table: Table, plan: TrackerSheet) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = {kind: '"' + ",".join(options) + '"' for kind, options in plan.choices.items()}
    lists["member"] = f"'{plan.people.title}'!$A$3:$A${ROOM}"  # a pair's people: the IDs on People
    for kind, formula in sorted(lists.items()):
        letters = _letters(table, kind)
        if not letters:
            continue
        choice = DataValidation(type="list", formula1=formula, allow_blank=True)
        choice.error, choice.showErrorMessage = "Choose from the list.", True
        for letter in letters:
            choice.add(f"{letter}3:{letter}{ROOM}")
        sheet.add_data_validation(choice)
    when = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)  # after 2000
    when.error, when.showErrorMessage = "Write a date, e.g. 2027-01-11.", True
    for letter in _letters(table, "date"):
        when.add(f"{letter}3:{letter}{ROOM}")
    sheet.add_data_validation(when)


def overdue_rule(table: Table, column: Column, letter: str) -> str:
    """Empty after its planned day, on a row whose person or pair the step is still due for: an
    active status (a closing step: anyone who took part), and for a role's step, that role."""
    status = _letters(table, "status", "person_status")[0]
    due = table.took_part if column.closing else table.active
    conditions = [f"OR({','.join(f'${status}3=' + _quoted(s) for s in due)})"]
    roles = _letters(table, "role")
    if column.role and roles:
        conditions.append(f"${roles[0]}3={_quoted(column.role)}")
    return f"AND({','.join(conditions)},ISBLANK({letter}3),TODAY()>{letter}$2)"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _overdue(sheet: Worksheet, table: Table) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    amber = PatternFill(start_color="FFE08A", end_color="FFE08A", fill_type="solid")
    for index, column in enumerate(table.columns, start=1):
        if not isinstance(column.planned, dt.date):
            continue
        x = get_column_letter(index)
        rule = FormulaRule(formula=[overdue_rule(table, column, x)], fill=amber, stopIfTrue=False)  # type: ignore[no-untyped-call]
        sheet.conditional_formatting.add(f"{x}3:{x}{ROOM}", rule)


def _print(sheet: Worksheet, columns: int, rows: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    _fit_to_page(sheet)
    sheet.print_title_rows = "1:2"
    sheet.print_area = f"A1:{get_column_letter(columns)}{rows + 2}"


def _fit_to_page(sheet: Worksheet) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _names(sheet: Worksheet, plan: TrackerSheet) -> None:
    """Each program ID, then the columns to fill in as applications arrive: the one place names are written."""
    from openpyxl.styles import Font

    append_row(sheet, [plan.names_note])
    sheet["A1"].font = Font(bold=True)
    append_row(sheet, list(plan.names_columns))
    for column in range(1, len(plan.names_columns) + 1):
        sheet.cell(row=2, column=column).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = 12 if column == 1 else 26
    for row in plan.people.rows:
        append_row(sheet, [row[0]])
    sheet.freeze_panes = "A3"
    _marks(sheet, plan)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    _fit_to_page(sheet)


def _deletions(sheet: Worksheet, plan: TrackerSheet) -> None:
    """Each kind of record, the run-sheet's day for deleting it, then when and by whom it was."""
    from openpyxl.styles import Font

    append_row(sheet, list(plan.deletions_columns))
    for column in range(1, len(plan.deletions_columns) + 1):
        sheet.cell(row=1, column=column).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = 60 if column == 1 else 16
    for record, day in plan.deletions:
        append_row(sheet, [record, day])
    for row in range(2, len(plan.deletions) + 2):
        for letter in "BC":
            sheet[f"{letter}{row}"].number_format = DATE
    _marks(sheet, plan)


@lru_cache(maxsize=32)  # serve: a form an edit did not change is not made again
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
