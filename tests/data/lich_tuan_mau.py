"""The two sample schedules of week 48/2026 (23/11 – 29/11/2026), as the office writes them.

`python tests/data/lich_tuan_mau.py` writes lich_tuan_mau.docx and lich_tuan_mau.xlsx next to
this file; tests/schedule/test_import.py reads the written files and checks that they are
what this script builds.

- Word: the federation's letterhead as a first table, a title block, then the schedule table:
  each day's cell merged down over its rows (vMerge), "Sáng" / "Chiều" rows merged across the
  other columns, times written 7h30, 9h00, 14h, 7 giờ 30, 14:00, 8h00', 15h30, 8 giờ, rows
  with only a part of the day or "Cả ngày", and the "Nơi nhận" paragraph under the table.
- Excel: the same week with a title block in merged rows, the day cells merged (a real Excel
  date in one of them, a real Excel time in one time cell), "SÁNG" / "CHIỀU" rows merged across
  the row, a note row under the table and a signature block.

Both give 12 entries.
"""

import datetime
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
MONDAY = datetime.date(2026, 11, 23)
STAMP = datetime.datetime(2026, 11, 20, 16, 0)
HEADER = [
    "Thứ, ngày",
    "Thời gian",
    "Nội dung công việc",
    "Lãnh đạo chủ trì",
    "Thành phần",
    "Địa điểm",
]

CT = "Đ/c Chủ tịch LĐLĐ tỉnh"
PCT_TT = "Đ/c Phó Chủ tịch Thường trực"
PCT = "Đ/c Phó Chủ tịch"

# (day cell, [rows]); a row is ("Sáng"/"Chiều" alone) or (time, content, leader, with, place)
WEEK = [
    (
        "Thứ Hai\n23/11",
        [
            "Sáng",
            (
                "7h30",
                "Chào cờ đầu tuần; giao ban Thường trực LĐLĐ tỉnh",
                CT,
                "Thường trực, Chánh Văn phòng",
                "Phòng họp tầng 2",
            ),
            (
                "9h00",
                "Làm việc với Ban Tổ chức - Kiểm tra về phát triển đoàn viên",
                PCT_TT,
                "Ban TC-KT",
                "Phòng họp tầng 2",
            ),
            "Chiều",
            ("14h", "Dự Hội nghị tổng kết công tác dân vận năm 2026", CT, "", "Hội trường Tỉnh ủy"),
        ],
    ),
    (
        "Thứ Ba\n24/11",
        [
            (
                "Cả ngày",
                "Kiểm tra công tác công đoàn tại LĐLĐ thị xã Sa Pa",
                PCT,
                "Ban TC-KT; Ban CS-PL",
                "Thị xã Sa Pa",
            )
        ],
    ),
    (
        "Thứ Tư\n25/11",
        [
            "Sáng",
            ("7 giờ 30", "Tiếp công dân định kỳ", CT, "Ban CS-PL", "Trụ sở Tiếp công dân tỉnh"),
            "Chiều",
            ("14:00", "Họp Ban Thường vụ mở rộng", CT, "Ủy viên Ban Thường vụ", "Phòng họp tầng 3"),
        ],
    ),
    (
        "Thứ Năm\n26/11",
        [
            (
                "8h00'",
                "Dự Đại hội Công đoàn ngành Giáo dục nhiệm kỳ 2026 – 2031",
                PCT_TT,
                "",
                "Hội trường Sở GD-ĐT",
            ),
            ("Chiều", "Làm việc tại cơ quan", "Thường trực", "", ""),
        ],
    ),
    (
        "Thứ Sáu\n27/11",
        [
            (
                "Sáng",
                "Thăm, tặng quà công nhân có hoàn cảnh khó khăn tại KCN Tằng Loỏng",
                PCT,
                "Ban TG-NC; Ban CS-PL",
                "KCN Tằng Loỏng",
            ),
            (
                "15h30",
                "Giao ban các ban, Văn phòng",
                CT,
                "Trưởng các ban, Chánh Văn phòng",
                "Phòng họp tầng 2",
            ),
        ],
    ),
    ("Thứ Bảy\n28/11", [("", "Trực cơ quan", "", "Văn phòng", "Trụ sở LĐLĐ tỉnh")]),
    (
        "Chủ nhật\n29/11",
        [
            (
                "8 giờ",
                "Hưởng ứng Ngày chạy Olympic vì sức khỏe toàn dân",
                PCT,
                "Đoàn viên cơ quan",
                "Quảng trường tỉnh",
            )
        ],
    ),
]
ENTRIES = 12


def _table_rows():
    """(rows, merges) of the schedule table, header first; merges as (r0, c0, r1, c1)."""
    rows, merges = [list(HEADER)], []
    for day, items in WEEK:
        first = len(rows)
        for item in items:
            if isinstance(item, str):
                rows.append(["", item, "", "", "", ""])
                merges.append((len(rows) - 1, 1, len(rows) - 1, 5))
            else:
                rows.append(["", *item])
        rows[first][0] = day
        if len(rows) - 1 > first:
            merges.append((first, 0, len(rows) - 1, 0))
    return rows, merges


def build_docx() -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.author = "Văn phòng LĐLĐ tỉnh"
    document.core_properties.created = STAMP
    document.core_properties.modified = STAMP
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    letterhead = document.add_table(rows=1, cols=2)
    letterhead.cell(0, 0).text = "LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI\nVĂN PHÒNG"
    letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    document.add_paragraph("Lào Cai, ngày 20 tháng 11 năm 2026")
    document.add_paragraph("LỊCH CÔNG TÁC TUẦN 48")
    document.add_paragraph("của Thường trực Liên đoàn Lao động tỉnh")
    document.add_paragraph("(Từ ngày 23/11/2026 đến ngày 29/11/2026)")
    rows, merges = _table_rows()
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    document.add_paragraph("Nơi nhận:\n- Thường trực LĐLĐ tỉnh;\n- Các ban, Văn phòng;\n- Lưu: VT.")
    document.add_paragraph("TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_xlsx() -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    workbook.properties.creator = "Văn phòng LĐLĐ tỉnh"
    workbook.properties.created = STAMP
    workbook.properties.modified = STAMP
    sheet = workbook.active
    sheet.title = "Tuần 48"
    for line in (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI",
        "LỊCH CÔNG TÁC TUẦN 48 CỦA THƯỜNG TRỰC LĐLĐ TỈNH",
        "(Từ ngày 23/11 đến ngày 29/11/2026)",
    ):
        sheet.append([line])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=6
        )
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append([])
    offset = 4  # the title block and a blank row
    rows, merges = _table_rows()
    for r, row in enumerate(rows):
        values = [text or None for text in row]
        if r and values[0] == "Thứ Tư\n25/11":
            values[0] = datetime.datetime(2026, 11, 25)  # a date cell, as Excel keeps it
        if values[1] == "14:00":
            values[1] = datetime.time(14, 0)  # a time cell
        if isinstance(values[1], str) and values[1] in ("Sáng", "Chiều"):
            values[1] = values[1].upper()
        sheet.append(values)
    for r0, c0, r1, c1 in merges:
        sheet.merge_cells(
            start_row=offset + r0 + 1,
            start_column=c0 + 1,
            end_row=offset + r1 + 1,
            end_column=c1 + 1,
        )
    sheet.append(["Ghi chú: Lịch có thể thay đổi; Văn phòng sẽ thông báo khi có điều chỉnh."])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=6)
    sheet.append([])
    sheet.append([])
    sheet.append([None, None, None, None, "TL. BAN THƯỜNG VỤ"])
    sheet.append([None, None, None, None, "CHÁNH VĂN PHÒNG"])
    for column, width in zip("ABCDEF", (14, 10, 48, 26, 26, 24), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=offset + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write():
    (HERE / "lich_tuan_mau.docx").write_bytes(build_docx())
    (HERE / "lich_tuan_mau.xlsx").write_bytes(build_xlsx())


if __name__ == "__main__":
    write()
