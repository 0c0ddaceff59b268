"""The monthly tracking table as XLSX (the layout of the royalty list: A4 landscape, Times New
Roman, headings repeated on every printed page)."""

import io

from openpyxl import Workbook

from . import output
from .royalty_files import _heading, _print, _row, _title


def filename(tracking) -> str:
    return f"theo-doi-{tracking.month}.xlsx"


def tracking_xlsx(tracking) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = str(tracking.month)
    width = len(tracking.headers)
    _title(sheet, width, [(tracking.title, 13, True), (tracking.federation, 11, False)])
    _heading(sheet, 4, tracking.headers, (5, 34, 7, 7, 7, 7, 10, 16, 14, 40))
    row = 5
    for line in tracking.rows:
        _row(sheet, row, line.cells(), (), centred=range(3, width))
        row += 1
    totals = tracking.totals()
    _row(sheet, row, ["", "Tổng cộng"] + [totals[k] for k in output.KINDS] + ["", "", ""], (),
         centred=range(3, width), bold=True)  # fmt: skip
    _print(sheet, 4)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
