"""Monthly tracking (Quy chế 7.1–7.5) and the web admin's monthly hand-over archive (7.6)."""

import csv
import io
import zipfile
from html import escape

import openpyxl
import pytest

from ldld_wagtail.reports import handover, royalties, tracking

pytestmark = pytest.mark.django_db
OCTOBER = royalties.Month(2026, 10)
URL = "/admin/ldld/bao-cao/theo-doi/"


def row(table, code):
    return next(r for r in table.rows if r.unit.code == code)


def test_the_month_per_unit_with_the_quarter_so_far_against_the_quota(media):
    table = tracking.build(OCTOBER)
    assert table.headers[2:7] == ["Tin", "Bài", "Ảnh", "Video", "Ảnh nổi bật"]
    assert table.headers[7] == "Lũy kế quý IV/2026"
    tg = row(table, "tuyen-giao-nu-cong")
    assert tg.cells()[2:7] == [2, 0, 0, 1, 0]
    assert tg.note == "Còn thiếu 4 tin, 1 bài so với định mức quý; Chưa gửi ảnh nổi bật"
    cspl = row(table, "cspl-qhld")  # an article with one photo; a taken-down item not counted
    assert cspl.cells()[2:7] == [0, 1, 1, 0, 0]
    office = row(table, "van-phong")
    assert office.cells()[2:7] == [0, 0, 0, 0, 3]
    assert "ảnh nổi bật" not in office.note
    assert table.totals() == {"tin": 2, "bai": 1, "anh": 1, "video": 1, "anh-noi-bat": 3}
    # The September item counts in Q3, not in October's quarter so far.
    assert (
        tracking.build(royalties.Month(2026, 9)).rows
        and row(tracking.build(royalties.Month(2026, 9)), "cspl-qhld").cells()[2] == 1
    )


def test_the_screen_and_its_file_agree_and_a_unit_editor_sees_its_own_row(client, media):
    client.force_login(media["thuky"])
    assert URL in client.get("/admin/").content.decode()
    html = client.get(f"{URL}?thang=2026-10").content.decode()
    assert "Theo dõi tin, bài, ảnh đăng trên cổng thông tin tháng 10/2026" in html
    response = client.get(f"{URL}?thang=2026-10&tai-ve=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    for cells in sheet.iter_rows(min_row=5, values_only=True):
        if cells[1] and cells[1] != "Tổng cộng":
            assert f"<td>{escape(cells[1])}</td>" in html
    body = [r for r in sheet.iter_rows(min_row=5, values_only=True) if r[1] == "Tổng cộng"][0]
    assert list(body[2:7]) == [2, 1, 1, 1, 3]

    client.force_login(media["ctv"])
    html = client.get(f"{URL}?thang=2026-10").content.decode()
    assert "Ban Tuyên giáo - Nữ công" in html and "Ban Tổ chức" not in html
    assert "tai-ve=zip" not in html
    assert client.get(f"{URL}?thang=2026-10&tai-ve=zip").status_code == 302


def test_the_hand_over_archive_holds_each_item_with_its_photos(client, media):
    client.force_login(media["quantri"])
    response = client.get(f"{URL}?thang=2026-10&tai-ve=zip")
    assert 'filename="ban-mem-2026-10.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    listing = list(csv.reader(io.StringIO(archive.read("danh-sach.csv").decode("utf-8-sig"))))
    assert [r[2] for r in listing[1:]] == [
        "Tin a", "Tin b", "Ảnh nổi bật tháng 10 - Văn phòng", "Video tháng 10", "Tin c",
    ]  # fmt: skip
    article = next(n for n in names if n.endswith("tin-c/index.html"))
    html = archive.read(article).decode()
    assert "Nội dung tin." in html and "Trần Thị Bình" in html
    assert "Công nhân dự hội nghị" in html and 'src="anh-01-' in html
    assert any(n.startswith(article.split("/")[0] + "/anh-01-") for n in names)
    gallery = [n for n in names if "anh-noi-bat" in n and "/anh-0" in n]
    assert len(gallery) == 3
    assert "Tin e" not in archive.read("index.html").decode()  # taken down
    assert handover.build(royalties.Month(2026, 8)).startswith(b"PK")
