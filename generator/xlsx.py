"""Spreadsheets planned as values (plan/xlsform.py's `Spreadsheet`) made into .xlsx bytes.

Byte-stable under SOURCE_DATE_EPOCH: openpyxl's `save` stamps the workbook's `modified` date,
and every zip entry, with the time of saving (two saves 2 s apart differ), so the workbook is
written without `save` and the archive again with each entry stamped with the build's time.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from generator.plan.xlsform import Spreadsheet


def xlsx_bytes(spreadsheet: Spreadsheet) -> bytes:
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for title, rows in spreadsheet.sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    moment = spreadsheet.built.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    book.properties.created = book.properties.modified = moment
    book.properties.creator = spreadsheet.creator
    raw = io.BytesIO()
    # Not `book.save`: it stamps `modified` with the time of saving.
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _with_fixed_times(raw.getvalue(), moment)


def _with_fixed_times(archive: bytes, moment: datetime) -> bytes:
    stamp = max(moment, datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
