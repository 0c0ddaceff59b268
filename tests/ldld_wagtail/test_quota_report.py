"""The quarterly quota table in the words of Bình Thuận letter 435/LĐLĐ's annex: the Q1/2017
table rebuilt from items imported from JSON Lines, and its CSV, XLSX and DOCX read back."""

import csv
import io
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.rich_text import RichText

from ldld_wagtail.models import QuotaRemark, Unit
from ldld_wagtail.reports import quota
from ldld_wagtail.takedown import take_down

from ..utils import legacy_item, section, write_jsonl

pytestmark = pytest.mark.django_db

TABLE = Path(__file__).resolve().parent.parent / "data" / "binh_thuan_q1_2017.tsv"
ROW_6 = (
    "Có 03 bài đăng trên website Tỉnh ủy (Website Công đoàn Bình Thuận không đăng được vì không "
    "có hình ảnh minh họa) Thiếu 1 bài ở Website Công đoàn Bình Thuận"
)
# Districts with 0 items in the quarter but no "Chưa có tin - bài" note: they had published
# before it. Districts with no introduction: Bắc Bình, Hàm Thuận Bắc.
PUBLISHED_BEFORE = {"ham-thuan-bac", "ham-tan", "tanh-linh", "duc-linh", "phu-quy"}
NO_INTRO = {"bac-binh", "ham-thuan-bac"}


def table():
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            number, name, news, articles, note = (line.split("\t") + [""])[:5]
            rows.append([int(number), name, int(news), int(articles), note])
    return rows


@pytest.fixture
def binh_thuan(tmp_path):
    call_command("setup_portal", "--profile", "binh-thuan", stdout=io.StringIO())
    units = list(Unit.objects.order_by("sort_order"))
    items = []
    for (number, name, news, articles, _note), unit in zip(table(), units, strict=True):
        for n in range(news + articles):
            kind = "tin" if n < news else "bai"
            # Named as the letter writes it ("CDN"): matched ignoring case and accents.
            items.append(legacy_item(f"{number}-{n}", name, f"2017-02-{n + 1:02d}T09:00", kind))
        if unit.code in PUBLISHED_BEFORE:
            items.append(legacy_item(f"{number}-cu", unit.code, "2016-12-20T08:00:00+07:00"))
    # Quarter boundaries in local time: 23:30 on 31/3 is Q1; 17:30 UTC on 31/3 is 00:30 on 1/4.
    items.append(legacy_item("q2-utc", "phan-thiet", "2017-03-31T17:30:00Z"))
    items.append(legacy_item("q4-2016", "van-phong", "2016-12-31T23:59:00+07:00"))
    items.append(legacy_item("go", "van-phong", "2017-01-05T10:00:00+07:00"))
    out = io.StringIO()
    call_command("import_content", write_jsonl(tmp_path / "q1.jsonl", items), stdout=out)
    assert out.getvalue().startswith(f"{len(items)} tạo mới, 0 cập nhật, 0 không đổi, 0 bỏ qua")
    take_down(Page.objects.get(title="Tin go"), None, "quality", "Trùng lặp")
    for unit in units:
        if unit.kind == "district" and unit.code not in NO_INTRO:
            intro = section(f"{unit.code}-gioi-thieu")
            intro.body = [("paragraph", RichText("<p>Lịch sử hình thành công đoàn huyện.</p>"))]
            intro.save_revision().publish()
    QuotaRemark.objects.create(
        unit=Unit.objects.get(code="tuyen-giao"), quarter="2017-Q1", text=ROW_6, replaces_note=True
    )
    return units


def expected():
    return [
        [n, name.replace("CDN ", "CĐN "), news, articles, note]
        for n, name, news, articles, note in table()
    ]


def test_the_q1_2017_table_of_letter_435(binh_thuan):
    report = quota.build(quota.Quarter.parse("2017-Q1"))
    assert [row.cells() for row in report.rows] == expected()
    assert report.headings() == ["TT", "Đơn vị", "Tin (số lượng 6)", "Bài (số lượng 1)", "Ghi chú"]
    assert report.title.endswith("trong quý I/2017")


def test_the_command_writes_csv_xlsx_and_docx_that_read_back_as_the_table(binh_thuan, tmp_path):
    out = io.StringIO()
    call_command("quota_report", "--quarter", "2017-Q1", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert rows[0] == ["TT", "Đơn vị", "Tin", "Bài", "Ghi chú"]
    assert [[int(r[0]), r[1], int(r[2]), int(r[3]), r[4]] for r in rows[1:]] == expected()

    call_command(
        "quota_report",
        "--quarter",
        "2017-Q1",
        "--format",
        "xlsx",
        "--output",
        str(tmp_path / "q.xlsx"),
        stderr=io.StringIO(),
    )
    sheet = openpyxl.load_workbook(tmp_path / "q.xlsx").active
    assert "quý I/2017" in sheet["A1"].value
    assert [c.value for c in sheet[4]] == [
        "TT",
        "Đơn vị",
        "Tin (số lượng 6)",
        "Bài (số lượng 1)",
        "Ghi chú",
    ]
    cells = [
        [c.value if c.value is not None else "" for c in row] for row in sheet.iter_rows(min_row=5)
    ]
    assert cells == expected()

    call_command(
        "quota_report",
        "--quarter",
        "2017-Q1",
        "--format",
        "docx",
        "--output",
        str(tmp_path / "q.docx"),
        stderr=io.StringIO(),
    )
    document = docx.Document(tmp_path / "q.docx")
    assert document.paragraphs[0].text == "PHỤ LỤC"
    grid = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert grid[0][2] == "Tin (số lượng 6)"
    assert grid[1:] == [[str(v) for v in row] for row in expected()]


def test_every_wording_on_its_own():
    class Q:
        news, articles = 6, 1

    assert quota.shortfall(1, 0, Q) == "Thiếu 5 tin, 1 bài"
    assert quota.shortfall(3, 1, Q) == "Thiếu 3 tin"
    assert quota.shortfall(7, 0, Q) == "Thiếu 1 bài"
    assert quota.shortfall(6, 1, Q) == ""
    assert quota.join_notes(["Thiếu 6 tin, 1 bài", quota.NO_ITEMS]) == (
        "- Thiếu 6 tin, 1 bài - Chưa có tin - bài trên trang của huyện"
    )


def test_a_unit_renamed_mid_year_is_named_as_it_was(laocai):
    from ldld_wagtail.models import UnitFormerName

    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    UnitFormerName.objects.create(unit=unit, name="Ban Tuyên giáo (cũ)", used_until="2026-03-31")
    names = [row.name for row in quota.build(quota.Quarter.parse("2026-Q1")).rows]
    assert "Ban Tuyên giáo (cũ)" in names
    names = [row.name for row in quota.build(quota.Quarter.parse("2026-Q2")).rows]
    assert "Ban Tuyên giáo - Nữ công" in names and "Ban Tuyên giáo (cũ)" not in names


def test_a_bad_quarter_is_refused():
    with pytest.raises(CommandError, match="YYYY-Qn"):  # "Quý được ghi theo dạng YYYY-Qn"
        call_command("quota_report", "--quarter", "2017-5")
    assert re.fullmatch(r"quý IV/2026", quota.Quarter.parse("2026-q4").label)


def test_the_secretary_reads_it_in_the_admin_and_remarks_on_a_line(client, laocai):
    client.force_login(laocai["thuky"])
    html = client.get("/admin/ldld/bao-cao/dinh-muc/?quy=2026-Q3").content.decode()
    assert "trong quý III/2026" in html and "Ban Tuyên giáo - Nữ công" in html
    assert "Thiếu 6 tin, 1 bài" in html
    assert "/admin/ldld/bao-cao/dinh-muc/" in client.get("/admin/").content.decode()
    response = client.get("/admin/ldld/bao-cao/dinh-muc/?quy=2026-Q3&tai-ve=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="dinh-muc-2026-Q3.xlsx"' in response["Content-Disposition"]
    unit = Unit.objects.get(code="van-phong")
    response = client.post(
        "/admin/snippets/ldld/quotaremark/add/",
        {"unit": unit.pk, "quarter": "2026-Q3", "text": "Đã gửi bản giấy"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = next(r for r in quota.build(quota.Quarter.parse("2026-Q3")).rows if r.unit == unit)
    assert row.note == "- Thiếu 6 tin, 1 bài - Đã gửi bản giấy"
    bad = client.get("/admin/ldld/bao-cao/dinh-muc/?quy=2026-5").content.decode()
    assert "YYYY-Qn" in bad


def test_contributors_do_not_see_it(client, laocai):
    client.force_login(laocai["ctv"])
    assert client.get("/admin/ldld/bao-cao/dinh-muc/").status_code == 302
    assert "/admin/ldld/bao-cao/dinh-muc/" not in client.get("/admin/").content.decode()
