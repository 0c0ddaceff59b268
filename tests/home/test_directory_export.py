"""The phone directory downloads as an Excel workbook with the page's groups and columns."""

import io

import openpyxl
import pytest
from django.utils import timezone

from home.models import Contact, ContactDirectoryPage

from ..utils import add, make_unit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def directory(home):
    office = make_unit("van-phong", "Văn phòng LĐLĐ tỉnh")
    page = ContactDirectoryPage(title="Số điện thoại", slug="so-dien-thoai")
    page.contacts = [
        Contact(unit=office, name="Nguyễn Văn A", position="Chánh Văn phòng", phone="0214 3820 123",
                email="vanphong@ldld.vn"),
        Contact(unit=office, name="Lê Thị B", position="Văn thư", phone="0214.3820.124"),
        Contact(group="LĐLĐ huyện Bát Xát", name="", position="Thường trực", phone="0214 3883 456"),
        Contact(group="LĐLĐ huyện Bát Xát", name='=HYPERLINK("x")', phone="0912345678"),
    ]  # fmt: skip
    return add(home, page)


def test_the_page_offers_the_download(client, directory):
    html = client.get(directory.url).content.decode()
    assert f'href="{directory.url}excel/"' in html
    assert "Tải danh bạ (Excel)" in html


def test_the_workbook_holds_the_page_groups_and_columns(client, directory):
    response = client.get(directory.url + "excel/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    today = timezone.localdate().strftime("%Y-%m-%d")
    assert response["Content-Disposition"] == (
        f'attachment; filename="danh-ba-dien-thoai-{today}.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Danh bạ"
    rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Số điện thoại"
    assert rows[1][0] == f"Cập nhật đến ngày {timezone.localdate():%d/%m/%Y}"
    header = rows[3]
    assert header == ["Đơn vị", "Họ và tên", "Chức vụ", "Điện thoại", "Thư điện tử"]
    assert all(cell.font.bold for cell in sheet[4])
    assert rows[4:] == [
        ["Văn phòng LĐLĐ tỉnh", "Nguyễn Văn A", "Chánh Văn phòng", "0214 3820 123",
         "vanphong@ldld.vn"],
        ["Văn phòng LĐLĐ tỉnh", "Lê Thị B", "Văn thư", "0214.3820.124", ""],
        ["LĐLĐ huyện Bát Xát", "", "Thường trực", "0214 3883 456", ""],
        ["LĐLĐ huyện Bát Xát", '=HYPERLINK("x")', "", "0912345678", ""],
    ]  # fmt: skip
    assert sheet["B8"].data_type == "s"  # typed text, not a formula
    widths = [sheet.column_dimensions[c].width for c in "ABCDE"]
    assert all(w and w >= 15 for w in widths)
    assert sheet.freeze_panes == "A5"


def test_only_what_the_page_shows(client, directory):
    """A contact added in a draft is not public yet: neither on the page nor in the file."""
    draft = ContactDirectoryPage.objects.get(pk=directory.pk)
    draft.contacts.add(Contact(group="Nội bộ", name="Số chưa công bố", phone="0999"))
    draft.save_revision()
    assert "Số chưa công bố" not in client.get(directory.url).content.decode()
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(directory.url + "excel/").content)).active
    assert "Số chưa công bố" not in [row[1] for row in sheet.iter_rows(values_only=True)]


def test_an_unpublished_directory_is_not_served(client, directory):
    directory.unpublish()
    assert client.get(directory.url + "excel/").status_code == 404
