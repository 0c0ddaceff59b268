"""The quota table as the office files it: CSV (UTF-8, the five columns), XLSX laid out like the
office's table, and DOCX as the covering letter's annex, ready to print (A4, Times New Roman,
the margins of Nghị định 30/2020/NĐ-CP on administrative documents)."""

import csv
import io
import math

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

FORMATS = ("csv", "xlsx", "docx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FONT = "Times New Roman"


def quota_csv(report) -> bytes:
    """UTF-8 with a byte-order mark (Excel opens it with its accents), exactly five columns."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(report.HEADERS)
    for row in report.rows:
        writer.writerow(row.cells())
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def quota_xlsx(report) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = str(report.quarter)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.merge_cells("A1:E1")
    sheet["A1"] = report.title
    sheet["A1"].font = Font(name=FONT, size=13, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.row_dimensions[1].height = 36
    sheet.merge_cells("A2:E2")
    sheet["A2"] = report.federation
    sheet["A2"].font = Font(name=FONT, size=12, italic=True)
    sheet["A2"].alignment = Alignment(horizontal="center")
    widths = (6, 34, 16, 16, 50)
    sheet.row_dimensions[4].height = 34
    for col, heading in enumerate(report.headings(), 1):
        cell = sheet.cell(row=4, column=col, value=heading)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    for r, row in enumerate(report.rows, 5):
        for col, value in enumerate(row.cells(), 1):
            cell = sheet.cell(row=r, column=col, value=value)
            cell.font = Font(name=FONT, size=12)
            cell.border = box
            centred = col in (1, 3, 4)
            cell.alignment = Alignment(
                horizontal="center" if centred else "left",
                vertical="top",
                wrap_text=True,
                indent=0 if centred else 1,
            )
        # Spreadsheet programs do not grow a row for wrapped text on their own when printing:
        # give each row the lines its longest cell needs.
        lines = max(_lines(row.name, widths[1]), _lines(row.note, widths[4]), 1)
        sheet.row_dimensions[r].height = lines * 15.75 + 2
    for letter, width in zip("ABCDE", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.center.text = f'&"{FONT}"&12Trang &P/&N'
    sheet.print_title_rows = "4:4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lines(text: str, width: int) -> int:
    """The lines `text` takes in a column `width` characters wide (Times New Roman 12)."""
    return math.ceil(len(str(text)) / (width * 1.15)) if text else 1


def _paragraph(doc, text, bold=False, italic=False, size=13, centre=True, after=0):
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def quota_docx(report) -> bytes:
    doc = a4_document(size=13, landscape=True)
    _paragraph(doc, "PHỤ LỤC", bold=True)
    _paragraph(doc, report.title, bold=True)
    _paragraph(
        doc,
        f"(Kèm theo Công văn số …/LĐLĐ ngày … tháng … năm 20… của Ban Thường vụ "
        f"{report.federation})",
        italic=True,
        after=12,
    )
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(1.2), Cm(6.5), Cm(3.9), Cm(3.9), Cm(9.2))  # 24.7 cm between the margins
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, heading, width in zip(table.rows[0].cells, report.headings(), widths, strict=True):
        cell.width = width
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        cell.text = ""
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in report.rows:
        cells = table.add_row().cells
        for n, (cell, value, width) in enumerate(zip(cells, row.cells(), widths, strict=True)):
            cell.width = width
            cell.text = str(value)
            if n in (0, 2, 3):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The heading row repeats on every printed page; no row is split across two pages.
    _row_property(table.rows[0], "w:tblHeader")
    for row in table.rows:
        _row_property(row, "w:cantSplit")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def a4_document(size=14, landscape=False):
    """An empty A4 document in Times New Roman with the margins of Nghị định 30/2020
    (top and bottom 2 cm, left 3 cm, right 2 cm) and the page number from page two."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(size)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    _page_numbers(section)
    return doc


def _row_property(row, name):
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _page_numbers(section):
    """The page number centred at the top from the second page on (Nghị định 30/2020)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
        else:
            field = OxmlElement("w:instrText")
            field.set(qn("xml:space"), "preserve")
            field.text = text
        run._r.append(field)


WRITERS = {"csv": quota_csv, "xlsx": quota_xlsx, "docx": quota_docx}
