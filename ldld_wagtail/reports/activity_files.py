"""The quarterly activity report as XLSX (one sheet per table) and DOCX (the report the
editorial council reads, A4 portrait, Times New Roman, Nghị định 30/2020's margins)."""

import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt
from openpyxl import Workbook

from .activity import cap, change, percent, unit_headers
from .files import _paragraph, _row_property, a4_document
from .royalty_files import _body, _cell_text, _heading, _print, _row, _title, _widths


def filename(report, kind: str) -> str:
    return f"bao-cao-quy-{report.quarter}.{kind}"


def kinds_table(report) -> tuple[list, list]:
    headers = ["TT", "Nội dung", cap(report.quarter.label),
               cap(report.previous.label), "Tăng, giảm"]  # fmt: skip
    rows = [
        [n, label, now, before, change(now, before)]
        for n, (label, now, before) in enumerate(report.kinds, 1)
    ]
    return headers, rows


def sections_table(report) -> tuple[list, list]:
    headers = ["TT", "Chuyên mục", "Tin", "Bài", "Cộng"]
    rows = [
        [n, title, counts.get("tin", 0), counts.get("bai", 0), total]
        for n, (title, counts, total) in enumerate(report.sections, 1)
    ]
    return headers, rows


def units_table(report) -> tuple[list, list]:
    headers = ["TT"] + unit_headers(report)
    rows = [
        [n, name, *months, total, before, change(total, before)]
        for n, (name, months, total, before) in enumerate(report.units, 1)
    ]
    return headers, rows


def takedowns_table(report) -> tuple[list, list]:
    headers = ["TT", "Ngày gỡ", "Tin, bài", "Lý do", "Giải trình"]
    rows = [[n, *line] for n, line in enumerate(report.takedowns, 1)]
    return headers, rows


TABLES = (
    ("Tổng hợp", "I. Tin, bài, ảnh, video, văn bản và hỏi đáp", kinds_table),
    ("Theo chuyên mục", "II. Tin, bài theo chuyên mục", sections_table),
    ("Theo đơn vị", "III. Tin, bài theo đơn vị, từng tháng", units_table),
    ("Gỡ bỏ", "V. Tin, bài bị gỡ bỏ", takedowns_table),
)


def activity_xlsx(report) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet_name, heading, table in TABLES:
        sheet = book.create_sheet(sheet_name)
        headers, rows = table(report)
        _title(sheet, len(headers), [(report.title, 13, True), (heading, 11, False)])
        widths = [5, 40] + [14] * (len(headers) - 2)
        if table is takedowns_table:
            widths = [5, 12, 40, 22, 40]
        _heading(sheet, 4, headers, widths)
        for r, values in enumerate(rows, 5):
            _row(sheet, r, values, (), centred=[1] + list(range(3, len(headers) + 1))
                 if table is not takedowns_table else (1, 2))  # fmt: skip
        if sheet_name == "Tổng hợp":
            r = 6 + len(rows)
            sheet.cell(row=r, column=2, value="IV. Thời gian từ khi duyệt đến khi đăng")
            sheet.cell(row=r + 1, column=2, value=report.timing.text())
            sheet.cell(row=r + 2, column=2, value=f"{cap(report.previous.label)}: "
                       + report.timing_before.text())  # fmt: skip
        _print(sheet, 4, landscape=table is units_table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(doc, headers, rows, widths):
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, [(str(heading), True, False, 12)])
    for values in rows:
        cells = table.add_row().cells
        for n, (cell, value) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, [(str(value), False, False, 12)], centre=n != 1)
    _widths(table, list(widths)[: len(headers)])
    for row in table.rows:
        _row_property(row, "w:cantSplit")
    _row_property(table.rows[0], "w:tblHeader")
    if not rows:
        _paragraph(doc, "(Không có)", italic=True, size=12)


def _heading_paragraph(doc, text):
    paragraph = _paragraph(doc, text, bold=True, centre=False, size=14, after=6)
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def activity_docx(report) -> bytes:
    doc = a4_document()
    _paragraph(doc, report.federation.upper(), size=13)
    _paragraph(doc, "BAN BIÊN TẬP CỔNG TTĐT", bold=True, size=13, after=12)
    _paragraph(doc, "BÁO CÁO", bold=True, size=14)
    _paragraph(doc, f"Kết quả hoạt động của Cổng thông tin điện tử {report.quarter.label}",
               bold=True, size=14, after=12)  # fmt: skip
    narrow = [Cm(1.0), Cm(7.0), Cm(2.7), Cm(2.7), Cm(2.6)]
    for _name, heading, table in TABLES[:2]:
        _heading_paragraph(doc, heading)
        _table(doc, *table(report), narrow)
    _heading_paragraph(doc, TABLES[2][1])
    headers, rows = units_table(report)
    _table(doc, headers, rows, [Cm(1.0), Cm(3.9)] + [Cm(1.8)] * 3 + [Cm(1.8)] * 2 + [Cm(1.5)])
    _heading_paragraph(doc, "IV. Thời gian từ khi duyệt đến khi đăng")
    _body(doc, report.timing.text())
    _body(doc, f"{cap(report.previous.label)}: {report.timing_before.text()}")
    _heading_paragraph(doc, TABLES[3][1])
    _table(doc, *takedowns_table(report), [Cm(1.0), Cm(2.4), Cm(5.4), Cm(3.0), Cm(4.2)])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


WRITERS = {"xlsx": activity_xlsx, "docx": activity_docx}
__all__ = ["WRITERS", "filename", "percent"]
