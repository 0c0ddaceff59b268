"""Word and Excel schedules built inside the tests (python-docx, openpyxl)."""

import datetime
import io

HEADER = ["Thứ, ngày", "Thời gian", "Nội dung", "Lãnh đạo chủ trì", "Thành phần", "Địa điểm"]


def docx_bytes(table, merges=(), *, title=("LỊCH CÔNG TÁC TUẦN",), tables_before=(), after=()):
    """A .docx: `title` paragraphs, the `tables_before` (lists of rows), then the schedule
    `table` (rows of texts) with `merges` ((row, col, last row, last col), text in the first
    cell only), then the `after` paragraphs."""
    import docx

    document = docx.Document()
    for other in tables_before:
        _docx_table(document, other, ())
    for line in title:
        document.add_paragraph(line)
    _docx_table(document, table, merges)
    for line in after:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, rows, merges):
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    return table


def xlsx_bytes(rows, merges=(), *, title=("LỊCH CÔNG TÁC TUẦN",), sheets_before=(), after=()):
    """An .xlsx whose active sheet has the `title` rows, a blank row, then `rows` with `merges`
    ((row, col, last row, last col) counted from the first of `rows`, 0-based)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    sheets = []
    for name in sheets_before:
        sheet = first if not sheets else workbook.create_sheet(name)
        sheet.title = name
        sheet.append(["Ghi chú"])
        sheets.append(sheet)
    sheet = workbook.create_sheet("Lịch tuần") if sheets else first
    sheet.title = "Lịch tuần"
    for line in title:
        sheet.append([line])
    offset = len(title) + (1 if title else 0)
    if title:
        sheet.append([])
    for row in rows:
        sheet.append([value if value != "" else None for value in row])
    for r0, c0, r1, c1 in merges:
        sheet.merge_cells(
            start_row=offset + r0 + 1,
            start_column=c0 + 1,
            end_row=offset + r1 + 1,
            end_column=c1 + 1,
        )
    for line in after:
        sheet.append([])
        sheet.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())
