"""Reading the office's weekly schedule from Word and Excel files (`schedule.importing`).

The files are built here with python-docx and openpyxl, as offices write them: merged day
cells, "Sáng" / "Chiều" rows, every spelling of times and weekdays, headers without accents,
a title block or another table above the schedule; plus the two sample files in tests/data.
"""

import datetime

import pytest
from django.utils import translation

from schedule import importing
from schedule.importing import AFTERNOON, ALL_DAY, MORNING, UnreadableFile, read_schedule
from schedule.models import ScheduleEntry

from .conftest import DATA
from .files import HEADER, docx_bytes, xlsx_bytes

MONDAY = datetime.date(2026, 11, 23)
T = datetime.time


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def day(n):
    return MONDAY + datetime.timedelta(days=n)


def read(maker, rows, merges=(), **kwargs):
    name = "lich.docx" if maker is docx_bytes else "lich.xlsx"
    return read_schedule(maker(rows, merges, **kwargs), name, MONDAY)


def summary(schedule):
    return [(r.day, r.time, r.part, r.content) for r in schedule.rows]


BOTH = pytest.mark.parametrize("maker", [docx_bytes, xlsx_bytes], ids=["word", "excel"])

# A week as offices lay it out: the day's cell merged down over its rows, "Sáng" / "Chiều"
# rows merged across the other columns.
MERGED_WEEK = [
    HEADER,
    ["Thứ Hai\n23/11/2026", "Sáng", "", "", "", ""],
    ["", "7h30", "Giao ban Thường trực", "Đ/c Chủ tịch", "Thường trực", "Phòng họp số 1"],
    ["", "9 giờ", "Làm việc với Ban Tổ chức", "Đ/c Phó Chủ tịch", "", ""],
    ["", "Chiều", "", "", "", ""],
    ["", "2h", "Dự hội nghị của UBND tỉnh", "Đ/c Chủ tịch", "", "UBND tỉnh"],
    ["", "", "Làm việc tại cơ quan", "", "", ""],
    ["Thứ Ba", "Cả ngày", "Đi cơ sở", "Đ/c Phó Chủ tịch", "- Ban TC-KT\n- Ban CS-PL", "Sa Pa"],
]
MERGED_WEEK_MERGES = [(1, 0, 6, 0), (1, 1, 1, 5), (4, 1, 4, 5)]
EXPECTED = [
    (day(0), T(7, 30), MORNING, "Giao ban Thường trực"),
    (day(0), T(9, 0), MORNING, "Làm việc với Ban Tổ chức"),
    (day(0), T(14, 0), AFTERNOON, "Dự hội nghị của UBND tỉnh"),
    (day(0), None, AFTERNOON, "Làm việc tại cơ quan"),
    (day(1), None, ALL_DAY, "Đi cơ sở"),
]


@BOTH
def test_merged_day_cells_and_morning_afternoon_rows(maker):
    schedule = read(maker, MERGED_WEEK, MERGED_WEEK_MERGES)
    assert summary(schedule) == EXPECTED
    assert schedule.problems == []
    first, *_, last = schedule.rows
    assert (first.leader, first.participants, first.location) == (
        "Đ/c Chủ tịch",
        "Thường trực",
        "Phòng họp số 1",
    )
    assert last.participants == "Ban TC-KT; Ban CS-PL"


def test_word_vmerge_is_what_the_file_holds():
    """The day cell is merged in the XML (`w:vMerge`), continuation cells empty."""
    import io

    import docx

    data = docx_bytes(MERGED_WEEK, MERGED_WEEK_MERGES)
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert table._tbl.tr_lst[2].tc_lst[0].vMerge == "continue"
    assert summary(read_schedule(data, "lich.docx", MONDAY)) == EXPECTED


def test_excel_merged_ranges_are_what_the_file_holds():
    import io

    import openpyxl

    data = xlsx_bytes(MERGED_WEEK, MERGED_WEEK_MERGES)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert any(r.min_col == 1 and r.max_row - r.min_row == 5 for r in sheet.merged_cells.ranges)
    assert summary(read_schedule(data, "lich.xlsx", MONDAY)) == EXPECTED


@BOTH
@pytest.mark.parametrize("style", ["repeated", "once"])
def test_a_day_written_on_every_row_or_only_once(maker, style):
    """What python-docx's `row.cells` gives for a merged cell (the text on every row), and a
    day written once with the cells below left empty: the same week."""
    rows = [list(row) for row in MERGED_WEEK]
    for row in rows[2:7]:
        row[0] = rows[1][0] if style == "repeated" else ""
    merges = [(1, 1, 1, 5), (4, 1, 4, 5)]
    assert summary(read(maker, rows, merges)) == EXPECTED


@BOTH
@pytest.mark.parametrize(
    "written, expected",
    [
        ("7h30", T(7, 30)),
        ("7 giờ 30", T(7, 30)),
        ("7 giờ 30 phút", T(7, 30)),
        ("8 giờ", T(8, 0)),
        ("14h", T(14, 0)),
        ("14:00", T(14, 0)),
        ("8h00'", T(8, 0)),
        ("07h45’", T(7, 45)),
        ("7g30", T(7, 30)),
        ("13h30 - 17h00", T(13, 30)),
        ("Từ 8h", T(8, 0)),
    ],
)
def test_every_spelling_of_a_time(maker, written, expected):
    rows = [HEADER, ["Thứ Hai", written, "Họp", "", "", ""]]
    schedule = read(maker, rows)
    assert [r.time for r in schedule.rows] == [expected]


def test_excel_time_and_date_values():
    rows = [
        HEADER,
        [datetime.datetime(2026, 11, 24), datetime.time(14, 0), "Họp", "", "", ""],
        ["", 0.3125, "Tiếp khách", "", "", ""],  # 7:30 as a fraction of a day
    ]
    schedule = read(xlsx_bytes, rows, [(1, 0, 2, 0)])
    assert [(r.day, r.time) for r in schedule.rows] == [(day(1), T(14, 0)), (day(1), T(7, 30))]


@BOTH
@pytest.mark.parametrize(
    "written, offset",
    [
        ("Thứ Hai", 0),
        ("THỨ HAI", 0),
        ("Thứ 2", 0),
        ("T2", 0),
        ("Thứ Ba, ngày 24/11", 1),
        ("Thứ tư (25/11/2026)", 2),
        ("Thứ 5\n26/11", 3),
        ("T6 - 27/11", 4),
        ("Thứ Bảy", 5),
        ("Chủ nhật", 6),
        ("CN 29/11/2026", 6),
        ("29/11/2026", 6),
        ("Ngày 24 tháng 11 năm 2026", 1),
    ],
)
def test_every_spelling_of_a_day(maker, written, offset):
    schedule = read(maker, [HEADER, [written, "8h", "Họp", "", "", ""]])
    assert [r.day for r in schedule.rows] == [day(offset)]
    assert schedule.problems == []


@BOTH
def test_a_date_that_contradicts_its_weekday_or_lies_outside_the_week_is_a_problem(maker):
    rows = [
        HEADER,
        ["Thứ Hai 23/11", "8h", "Đúng ngày", "", "", ""],
        ["Thứ Năm 27/11", "8h", "Sai thứ", "", "", ""],
        ["", "14h", "Cùng ngày sai", "", "", ""],
        ["Thứ Hai 30/11", "8h", "Tuần sau", "", "", ""],
        ["Thứ Mười", "8h", "Không có thứ này", "", "", ""],
    ]
    schedule = read(maker, rows, [(2, 0, 3, 0)])
    assert [r.content for r in schedule.rows] == ["Đúng ngày"]
    first = 1 if maker is docx_bytes else 3  # Excel counts the title block's rows too
    reasons = {p.number - first: p.reason for p in schedule.problems}
    assert reasons == {
        2: "Ngày 27/11/2026 là Thứ Sáu, không phải Thứ Năm.",
        3: "Ngày 27/11/2026 là Thứ Sáu, không phải Thứ Năm.",
        4: "Ngày 30/11/2026 nằm ngoài tuần 23/11/2026 – 29/11/2026.",
        5: "Không đọc được ngày «Thứ Mười».",
    }
    assert all(p.skipped for p in schedule.problems)


@BOTH
def test_headers_without_accents_in_another_order(maker):
    header = ["Noi dung", "Dia diem", "Thu, ngay", "Chu tri", "Gio", "Thanh phan"]
    rows = [header, ["Họp giao ban", "Phòng họp", "Thu hai", "Chủ tịch", "7h30", "Các ban"]]
    (row,) = read(maker, rows).rows
    assert (row.day, row.time, row.content, row.leader, row.participants, row.location) == (
        day(0),
        T(7, 30),
        "Họp giao ban",
        "Chủ tịch",
        "Các ban",
        "Phòng họp",
    )


@BOTH
def test_a_title_block_above_and_the_header_repeated(maker):
    title = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI",
        "LỊCH CÔNG TÁC TUẦN 48",
        "(Từ 23/11 đến 29/11/2026)",
    )
    rows = [
        HEADER,
        ["Thứ Hai", "8h", "Họp", "", "", ""],
        HEADER,
        ["Thứ Ba", "8h", "Đi cơ sở", "", "", ""],
        ["", "", "", "", "", ""],
    ]
    data = maker(rows, (), title=title, after=("Nơi nhận: - Như trên; - Lưu VT.",))
    name = "a.docx" if maker is docx_bytes else "a.xlsx"
    schedule = read_schedule(data, name, MONDAY)
    assert [r.content for r in schedule.rows] == ["Họp", "Đi cơ sở"]
    assert schedule.problems == []
    assert importing.guess_monday(data, name) == MONDAY


@BOTH
def test_a_row_using_header_words_is_an_entry(maker):
    rows = [
        HEADER,
        ["Thứ Hai", "Thời gian: 8h", "Nội dung công việc tuần", "Lãnh đạo chủ trì", "", ""],
        HEADER,
    ]
    assert [r.content for r in read(maker, rows).rows] == ["Nội dung công việc tuần"]


@BOTH
def test_a_header_on_two_rows(maker):
    """ "Thời gian" over two columns, "Ngày" and "Giờ", the other header cells merged down."""
    top = ["Thời gian", "", "Nội dung", "Chủ trì", "Địa điểm"]
    sub = ["Ngày", "Giờ", "", "", ""]
    rows = [top, sub, ["Thứ Hai", "7h30", "Giao ban", "Chủ tịch", "Phòng họp"], top, sub]
    merges = [(0, 0, 0, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4)]
    merges += [(3, 0, 3, 1), (3, 2, 4, 2), (3, 3, 4, 3), (3, 4, 4, 4)]
    schedule = read(maker, rows, merges)
    assert summary(schedule) == [(day(0), T(7, 30), None, "Giao ban")]
    assert schedule.problems == []


def test_the_schedule_as_the_second_table_of_a_word_file():
    letterhead = [["LIÊN ĐOÀN LAO ĐỘNG TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]]
    data = docx_bytes(MERGED_WEEK, MERGED_WEEK_MERGES, tables_before=[letterhead])
    schedule = read_schedule(data, "lich.docx", MONDAY)
    assert summary(schedule) == EXPECTED
    assert schedule.where == "bảng thứ 2 trong văn bản"


def test_the_schedule_on_the_second_worksheet():
    data = xlsx_bytes(MERGED_WEEK, MERGED_WEEK_MERGES, sheets_before=["Hướng dẫn"])
    schedule = read_schedule(data, "lich.xlsx", MONDAY)
    assert summary(schedule) == EXPECTED
    assert schedule.where == "trang tính «Lịch tuần»"


@BOTH
def test_an_empty_week(maker):
    schedule = read(maker, [HEADER, ["", "", "", "", "", ""]])
    assert (schedule.rows, schedule.problems) == ([], [])


@BOTH
def test_blank_and_decorative_rows_and_a_note_column(maker):
    header = ["STT", "Thứ, ngày", "Thời gian", "Nội dung", "Chủ trì", "Ghi chú"]
    rows = [
        header,
        ["", "THỨ HAI (23/11/2026)", "", "", "", ""],
        ["1", "", "Sáng: 8h", "Giao ban", "Chủ tịch", "Mời Chánh VP"],
        ["", "", "", "", "", ""],
        ["", "Ghi chú: lịch có thể thay đổi", "", "", "", ""],
        ["2", "", "", "Chiều: Làm việc tại cơ quan", "", ""],
        ["3", "", "", "15h30: Tiếp khách", "", ""],
    ]
    merges = [(1, 1, 1, 5), (4, 1, 4, 5)]
    schedule = read(maker, rows, merges)
    assert summary(schedule) == [
        (day(0), T(8, 0), MORNING, "Giao ban\nGhi chú: Mời Chánh VP"),
        (day(0), None, AFTERNOON, "Làm việc tại cơ quan"),
        (day(0), T(15, 30), None, "Tiếp khách"),
    ]
    assert schedule.problems == []


@BOTH
def test_a_row_without_a_day_and_an_unreadable_time(maker):
    rows = [
        HEADER,
        ["", "8h", "Trước mọi ngày", "", "", ""],
        ["Thứ Hai", "theo giấy mời", "Dự hội nghị", "", "", ""],
        ["", "", "", "Chủ tịch", "", "Hội trường"],
    ]
    schedule = read(maker, rows)
    assert [(r.content, r.time) for r in schedule.rows] == [("Dự hội nghị\n(theo giấy mời)", None)]
    reasons = [(p.reason, p.skipped) for p in schedule.problems]
    assert reasons == [
        ("Chưa rõ ngày của dòng này: dòng không nằm dưới ngày nào trong tuần.", True),
        ("Không đọc được giờ «theo giấy mời»: mục được nhập không có giờ.", False),
        ("Dòng không có nội dung.", True),
    ]


def test_a_week_across_new_year():
    monday = datetime.date(2026, 12, 28)
    rows = [
        HEADER,
        ["Thứ Hai 28/12", "8h", "Tổng kết năm", "", "", ""],
        ["T6 01/01", "", "Nghỉ Tết", "", "", ""],
    ]
    schedule = read_schedule(docx_bytes(rows), "lich.docx", monday)
    assert [r.day for r in schedule.rows] == [monday, datetime.date(2027, 1, 1)]


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "lich.docx", "Tệp rỗng"),
        (b"not a zip at all", "lich.docx", "Không đọc được «lich.docx» như một tệp Word (.docx)"),
        (b"PK\x03\x04broken", "lich.xlsx", "Không đọc được «lich.xlsx» như một tệp Excel (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "lich.doc", "định dạng cũ"),
        (b"%PDF-1.4 garbage", "lich.pdf", "như một tệp PDF"),
        (b"hello", "lich.txt", "Chỉ nhận tệp Word (.docx), Excel (.xlsx) hoặc PDF."),
    ],
)
def test_files_that_cannot_be_read(data, name, message):
    with pytest.raises(UnreadableFile) as error:
        read_schedule(data, name, MONDAY)
    assert message in str(error.value)


def test_a_renamed_file_says_what_it_is():
    data = xlsx_bytes(MERGED_WEEK)
    with pytest.raises(UnreadableFile) as error:
        read_schedule(data, "lich.docx", MONDAY)
    assert "Nội dung của tệp là tệp Excel (.xlsx)." in str(error.value)


def test_no_table_or_no_header():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Lịch công tác tuần: xem tệp đính kèm")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(UnreadableFile, match="Tệp không có bảng nào."):
        read_schedule(buffer.getvalue(), "lich.docx", MONDAY)
    no_header = docx_bytes([["Họp", "Chủ tịch"], ["Tiếp khách", "Phó Chủ tịch"]])
    with pytest.raises(UnreadableFile, match="Không tìm thấy dòng tiêu đề"):
        read_schedule(no_header, "lich.docx", MONDAY)


def test_a_pdf_is_the_weeks_file_only():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    import io

    buffer = io.BytesIO()
    writer.write(buffer)
    schedule = read_schedule(buffer.getvalue(), "lich.pdf", MONDAY)
    assert (schedule.kind, schedule.rows, schedule.problems) == ("pdf", [], [])


def test_the_monday_must_be_a_monday():
    with pytest.raises(ValueError):
        read_schedule(docx_bytes(MERGED_WEEK), "lich.docx", MONDAY + datetime.timedelta(days=1))


def test_the_week_is_guessed_from_the_day_column():
    rows = [HEADER, ["Thứ Ba 24/11/2026", "8h", "Họp", "", "", ""]]
    assert importing.guess_monday(docx_bytes(rows, title=()), "lich.docx") == MONDAY
    assert importing.guess_monday(docx_bytes([HEADER], title=()), "lich.docx") is None


def test_text_limits_match_the_model():
    for name, limit in importing.LIMITS.items():
        assert ScheduleEntry._meta.get_field(name).max_length == limit


@pytest.mark.parametrize("name", ["lich_tuan_mau.docx", "lich_tuan_mau.xlsx"])
def test_the_sample_files(sample, name):
    data = (DATA / name).read_bytes()
    assert importing.guess_monday(data, name) == sample.MONDAY
    schedule = read_schedule(data, name, sample.MONDAY)
    assert len(schedule.rows) == sample.ENTRIES == 12
    assert schedule.problems == []
    assert {r.day for r in schedule.rows} == {day(n) for n in range(7)}
    by_content = {r.content: r for r in schedule.rows}
    tuesday = by_content["Kiểm tra công tác công đoàn tại LĐLĐ thị xã Sa Pa"]
    assert (tuesday.day, tuesday.time, tuesday.part) == (day(1), None, ALL_DAY)
    assert by_content["Họp Ban Thường vụ mở rộng"].time == T(14, 0)
    assert by_content["Làm việc tại cơ quan"].part == AFTERNOON
    # The file in tests/data is what the generator builds.
    built = sample.build_docx() if name.endswith("docx") else sample.build_xlsx()
    assert summary(read_schedule(built, name, sample.MONDAY)) == summary(schedule)
