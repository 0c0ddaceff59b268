"""The month's royalties as the office files them: the XLSX list (Vietnamese headings, sums
written `1.234.500` whatever the spreadsheet's language, totals), a CSV of the lines, and the
payment decision draft (*Quyết định chi trả nhuận bút, thù lao*, Quy chế 7.5) as DOCX with the
list attached, ready for the head of the editorial board to sign (A4, Times New Roman, the
layout of Nghị định 30/2020/NĐ-CP)."""

import csv
import datetime
import io
import math
import re

from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .files import CONTENT_TYPES, FONT, _paragraph, _row_property, a4_document
from .money import in_words, vnd

FORMATS = ("xlsx", "docx", "csv")
# Sums with "." between thousands in any spreadsheet language (a plain "#,##0" shows commas in
# an English one); the cells stay numbers, so the totals can be checked with a formula.
MONEY = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"


def filename(report, kind: str) -> str:
    unit = f"-{report.unit.code}" if report.unit else ""
    stem = "quyet-dinh-nhuan-but" if kind == "docx" else "nhuan-but"
    return f"{stem}-{report.month}{unit}.{kind}"


def place(federation: str) -> str:
    """The province a federation's name ends with ("Liên đoàn Lao động tỉnh Lào Cai" → "Lào
    Cai"), for the place and date line of a document."""
    found = re.search(r"(?:tỉnh|thành phố|TP\.?)\s+(.+)$", federation)
    return found.group(1).strip() if found else "……"


def line_cells(report, number, line) -> list:
    return [
        number,
        line.published,
        line.title,
        line.kind_label,
        line.section,
        line.unit,
        line.author,
        line.share,
        line.rate,
        line.paid,
        line.reason,
    ]


def royalty_csv(report) -> bytes:
    """UTF-8 with a byte-order mark; the sums as plain whole numbers of đồng."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(report.HEADERS)
    for number, line in enumerate(report.lines, 1):
        writer.writerow(["" if v is None else v for v in line_cells(report, number, line)])
    for fee in report.fees:
        writer.writerow(["", "", fee.title, "Thù lao", "", "", fee.person, "", fee.amount,
                         fee.amount, ""])  # fmt: skip
    writer.writerow(["", "", "Tổng cộng", "", "", "", "", "", "", report.total, ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _box():
    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _heading(sheet, row, headings, widths):
    for col, heading in enumerate(headings, 1):
        cell = sheet.cell(row=row, column=col, value=heading)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _box()
    sheet.row_dimensions[row].height = 32
    for n, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(n)].width = width


def _row(sheet, row, values, money_columns, centred=(), bold=False):
    for col, value in enumerate(values, 1):
        cell = sheet.cell(row=row, column=col, value=value)
        cell.font = Font(name=FONT, size=11, bold=bold)
        cell.border = _box()
        if col in money_columns:
            cell.number_format = MONEY
            cell.alignment = Alignment(horizontal="right", vertical="top")
        else:
            cell.alignment = Alignment(
                horizontal="center" if col in centred else "left", vertical="top", wrap_text=True
            )


def _fit_height(sheet, row, cells, widths):
    """Spreadsheets do not grow a row for wrapped text when printing: give the row the lines
    its longest cell needs (Times New Roman 11)."""
    lines = max(
        (math.ceil(len(str(v)) / (w * 1.2)) for v, w in zip(cells, widths, strict=False) if v),
        default=1,
    )
    sheet.row_dimensions[row].height = max(lines, 1) * 15 + 2


def _title(sheet, width, lines):
    letter = get_column_letter(width)
    for n, (text, size, bold) in enumerate(lines, 1):
        sheet.merge_cells(f"A{n}:{letter}{n}")
        sheet[f"A{n}"] = text
        sheet[f"A{n}"].font = Font(name=FONT, size=size, bold=bold, italic=not bold)
        sheet[f"A{n}"].alignment = Alignment(horizontal="center", wrap_text=True)


def _print(sheet, heading_row, landscape=True):
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = f'&"{FONT}"&11Trang &P/&N'
    sheet.print_title_rows = f"{heading_row}:{heading_row}"
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.freeze_panes = f"A{heading_row + 1}"


def _subtitle(report) -> str:
    who = report.unit.name if report.unit else report.federation
    state = "đã chốt" if report.closed else "dự thảo, chưa chốt"
    return f"{who} – {state}"


def royalty_xlsx(report) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng kê"
    _title(sheet, 11, [(report.title, 13, True), (_subtitle(report), 11, False)])
    widths = (5, 11, 36, 9, 18, 20, 18, 6, 11, 12, 18)
    _heading(sheet, 4, report.HEADERS, widths)
    row = 5
    for number, line in enumerate(report.lines, 1):
        cells = line_cells(report, number, line)
        cells[1] = datetime.datetime.strptime(line.published, "%d/%m/%Y").date()
        _row(sheet, row, cells, (9, 10), centred=(1, 2, 4, 8))
        sheet.cell(row=row, column=2).number_format = "dd/mm/yyyy"
        _fit_height(sheet, row, cells, widths)
        row += 1
    if report.lines:
        _row(sheet, row, ["", "", "Cộng nhuận bút"] + [""] * 5 + [None, report.items_total, ""],
             (9, 10), bold=True)  # fmt: skip
        row += 1
    for fee in report.fees:
        _row(sheet, row, ["", "", fee.title, "Thù lao", "", "", fee.person, "", fee.amount,
                          fee.amount, fee.decision], (9, 10), centred=(4,))  # fmt: skip
        row += 1
    _row(sheet, row, ["", "", "Tổng cộng"] + [""] * 5 + [None, report.total, ""], (9, 10),
         bold=True)  # fmt: skip
    row += 2
    sheet.cell(row=row, column=3, value=f"Bằng chữ: {in_words(report.total)}.").font = Font(
        name=FONT, size=11, italic=True
    )
    _print(sheet, 4)

    people = book.create_sheet("Tổng hợp theo người")
    _title(people, 6, [(f"Tổng hợp nhuận bút, thù lao {report.month.label}", 13, True),
                       (_subtitle(report), 11, False)])  # fmt: skip
    _heading(people, 4, ["TT", "Họ và tên", "Đơn vị", "Tin, bài, ảnh, video", "Số tiền (đồng)",
                         "Ký nhận"], (5, 26, 30, 26, 16, 14))  # fmt: skip
    row = 5
    for number, person in enumerate(report.people(), 1):
        cells = [number, person.name, ", ".join(person.units), person.count_text(),
                 person.amount, ""]  # fmt: skip
        _row(people, row, cells, (5,), centred=(1,))
        _fit_height(people, row, cells, (5, 26, 30, 26, 16, 14))
        row += 1
    for fee in report.fees:
        _row(people, row, [row - 4, fee.person, fee.title, "", fee.amount, ""], (5,),
             centred=(1,))  # fmt: skip
        row += 1
    _row(people, row, ["", "Tổng cộng", "", "", report.total, ""], (5,), bold=True)
    _print(people, 4, landscape=False)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the payment decision ------------------------------------------------------------------------


def _cell_text(cell, lines, centre=True):
    """Fill a table cell with (text, bold, italic, size) lines."""
    cell.text = ""
    first = True
    for text, bold, italic, size in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size, run.font.name = Pt(size), FONT
        paragraph.paragraph_format.space_after = Pt(0)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _no_borders(table):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _body(doc, text, bold_prefix="", italic=False, indent=True):
    paragraph = doc.add_paragraph()
    if bold_prefix:
        run = paragraph.add_run(bold_prefix)
        run.bold = True
        run.font.size, run.font.name = Pt(14), FONT
    run = paragraph.add_run(text)
    run.italic = italic
    run.font.size, run.font.name = Pt(14), FONT
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.27) if indent else None
    paragraph.paragraph_format.space_after = Pt(6)
    return paragraph


def _decision_name(decision: str) -> str:
    """ "128/QĐ-LĐLĐ ngày 20/9/2016" → "Quyết định số 128/QĐ-LĐLĐ ngày 20/9/2016"; a decision
    entered without its number gets the blanks to fill in by hand."""
    name = decision if decision.lower().startswith("quyết định") else f"Quyết định số {decision}"
    if not any(ch.isdigit() for ch in decision):
        name += " (số …, ngày …)"
    return name


def _agency(federation: str) -> str:
    """The governing body's line of the header, on one line of a 7 cm column."""
    name = federation.upper()
    return name.replace("LIÊN ĐOÀN LAO ĐỘNG", "LĐLĐ") if len(name) > 28 else name


def _widths(table, widths):
    """Column widths that Word and LibreOffice both follow (the grid and every cell)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def royalty_docx(report) -> bytes:
    doc = a4_document()
    federation = report.federation
    issuer = report.unit.name.upper() if report.unit else "BAN BIÊN TẬP CỔNG TTĐT"
    signer = "THỦ TRƯỞNG ĐƠN VỊ" if report.unit else "TRƯỞNG BAN"
    if not report.closed:
        _paragraph(doc, "DỰ THẢO", bold=True, size=12, centre=False)
    header = doc.add_table(rows=1, cols=2)
    _no_borders(header)
    _widths(header, (Cm(6.2), Cm(9.8)))
    _cell_text(
        header.rows[0].cells[0],
        [
            (_agency(federation), False, False, 12),
            (issuer, True, False, 12),
            ("――――――", False, False, 8),
            ("Số:       /QĐ-BBT" if not report.unit else "Số:       /QĐ", False, False, 13),
        ],
    )
    _cell_text(
        header.rows[0].cells[1],
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
            ("Độc lập - Tự do - Hạnh phúc", True, False, 13),
            ("――――――――――――", False, False, 8),
            (f"{place(federation)}, ngày      tháng      năm 20…", False, True, 13),
        ],
    )
    _paragraph(doc, "", size=8)
    _paragraph(doc, "QUYẾT ĐỊNH", bold=True, size=14)
    _paragraph(doc, f"Về việc chi trả nhuận bút, thù lao {report.month.label}", bold=True, size=14)
    _paragraph(doc, "_______", size=10, after=6)
    boss = (
        f"THỦ TRƯỞNG {report.unit.name.upper()}"
        if report.unit
        else f"TRƯỞNG BAN BIÊN TẬP CỔNG THÔNG TIN ĐIỆN TỬ {federation.upper()}"
    )
    _paragraph(doc, boss, bold=True, size=14, after=6)
    _body(doc, f"Căn cứ Quy chế hoạt động của Cổng thông tin điện tử {federation};", italic=True)
    for decision in report.decisions:
        _body(doc, f"Căn cứ {_decision_name(decision)} về chế độ nhuận bút, thù lao;", italic=True)
    _body(doc, "Xét đề nghị của Thư ký Ban Biên tập,", italic=True)
    _paragraph(doc, "QUYẾT ĐỊNH:", bold=True, size=14, after=6)
    people = report.people()
    persons = sum(1 for p in people if not p.is_unit)
    collective = len(people) - persons
    _body(
        doc,
        f" Chi trả nhuận bút, thù lao {report.month.label} cho {persons} tác giả"
        + (f" và {collective} tập thể" if collective else "")
        + f" có tin, bài, ảnh, video đăng trên Cổng thông tin điện tử {federation}"
        + (f" và {len(report.fees)} khoản thù lao cố định" if report.fees else "")
        + f", với tổng số tiền là {vnd(report.total)} đồng "
        f"(Bằng chữ: {in_words(report.total)})." + " (Có danh sách kèm theo)",
        bold_prefix="Điều 1.",
    )
    _body(
        doc,
        " Kinh phí chi trả theo quy định về chế độ nhuận bút, thù lao hiện hành.",
        bold_prefix="Điều 2.",
    )
    _body(
        doc,
        " Thư ký Ban Biên tập, bộ phận kế toán và các cá nhân có tên tại Điều 1 căn cứ Quyết "
        "định thi hành./.",
        bold_prefix="Điều 3.",
    )
    sign = doc.add_table(rows=1, cols=2)
    _no_borders(sign)
    _widths(sign, (Cm(8.0), Cm(8.0)))
    _cell_text(
        sign.rows[0].cells[0],
        [
            ("Nơi nhận:", True, True, 12),
            ("- Như Điều 3;", False, False, 11),
            ("- Lưu: VT, BBT.", False, False, 11),
        ],
        centre=False,
    )
    _cell_text(
        sign.rows[0].cells[1],
        [(signer, True, False, 14)]
        + [("", False, False, 14)] * 4
        + [("……………………", False, False, 14)],
    )

    # The attached list, on its own page.
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _paragraph(doc, f"DANH SÁCH CHI TRẢ NHUẬN BÚT, THÙ LAO {report.month.label.upper()}",
               bold=True, size=14)  # fmt: skip
    _paragraph(
        doc,
        "(Kèm theo Quyết định số       /QĐ-BBT ngày      tháng      năm 20…)",
        italic=True,
        size=13,
        after=10,
    )
    headings = ("TT", "Họ và tên", "Đơn vị", "Tin, bài, ảnh, video", "Số tiền (đồng)", "Ký nhận")
    widths = (Cm(1.0), Cm(4.2), Cm(4.2), Cm(2.8), Cm(2.3), Cm(1.5))  # 16 cm
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = [
        [
            str(n),
            p.name + (" (tập thể)" if p.is_unit else ""),
            ", ".join(p.units),
            p.count_text(),
            vnd(p.amount),
            "",
        ]  # fmt: skip
        for n, p in enumerate(people, 1)
    ]
    rows += [
        [str(len(rows) + n), fee.person, fee.title, "", vnd(fee.amount), ""]
        for n, fee in enumerate(report.fees, 1)
    ]
    rows.append(["", "Tổng cộng", "", "", vnd(report.total), ""])
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        _cell_text(cell, [(heading, True, False, 12)])
    for values in rows:
        cells = table.add_row().cells
        total = values[1] == "Tổng cộng" and not values[0]
        for n, (cell, value) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, [(value, total, False, 12)], centre=n == 0)
            if n == 4:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _widths(table, widths)
    _row_property(table.rows[0], "w:tblHeader")
    for row in table.rows:
        _row_property(row, "w:cantSplit")
    _paragraph(doc, f"Bằng chữ: {in_words(report.total)}.", italic=True, centre=False, size=13)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


WRITERS = {"csv": royalty_csv, "xlsx": royalty_xlsx, "docx": royalty_docx}
__all__ = ["CONTENT_TYPES", "FORMATS", "WRITERS", "filename"]
