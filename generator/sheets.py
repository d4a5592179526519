"""Spreadsheets the plan describes, written as .xlsx bytes for the write stage.

openpyxl stamps every zip entry, and the workbook's "modified" property, with the time of
saving, so two saves of one workbook differ (see FIELD-NOTES); the archive is written again with every entry at the build's time
(SOURCE_DATE_EPOCH when set), so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from generator.plan.tracker import TrackerSheet


def tracker_xlsx(plan: TrackerSheet) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.properties.creator = "Mentorbook"
    book.properties.created = book.properties.modified = plan.built
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = plan.title
    sheet.append([c.title for c in plan.columns])
    sheet.append([plan.planned, *(c.planned for c in plan.columns[1:])])
    for n in range(1, plan.rows + 1):
        sheet.append([n])
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
    raw = io.BytesIO()
    book.save(raw)
    return fixed_times(raw.getvalue(), plan.built)


CORE = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_times(data: bytes, when: dt.datetime) -> bytes:
    """The same archive, every entry dated `when` (the zip format starts in 1980), and the
    workbook's "modified" too: openpyxl sets it to the time of saving, whatever it was."""
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            data = source.read(entry.filename)
            if entry.filename == CORE:
                data = _MODIFIED.sub(rb"\g<1>" + f"{when:%Y-%m-%dT%H:%M:%SZ}".encode() + rb"\g<2>", data)
            target.writestr(info, data)
    return out.getvalue()


def spreadsheets(sheets: tuple[TrackerSheet, ...]) -> dict[str, bytes]:
    """Every planned workbook, by its path in the docs folder."""
    return {sheet.path: tracker_xlsx(sheet) for sheet in sheets}
