"""Monthly royalties (Quy chế 7.5): the month's lines from items imported and published, the rate
in force on each item's day, shared authors, take-downs, the fixed fees, the secretary's
adjustment and closing, and the XLSX, CSV and decision DOCX read back."""

import csv
import datetime
import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from ldld_wagtail.models import RoyaltyMonth, RoyaltyRate, Unit
from ldld_wagtail.reports import royalties
from ldld_wagtail.reports.money import in_words, vnd
from ldld_wagtail.takedown import take_down

from ..utils import legacy_item, write_jsonl

pytestmark = pytest.mark.django_db
OCTOBER = royalties.Month(2026, 10)


def rows(report):
    return [(line.title, line.kind, line.author, line.share, line.rate, line.paid)
            for line in report.lines]  # fmt: skip


def test_the_month_counts_each_item_at_the_rate_of_its_day_shared_by_its_authors(october):
    report = royalties.build(OCTOBER)
    assert rows(report) == [
        ("Tin a", "tin", "Nguyễn Văn An", "1/3", 100_000, 33_334),
        ("Tin a", "tin", "Trần Thị Bình", "1/3", 100_000, 33_333),
        ("Tin a", "tin", "Lê Cường", "1/3", 100_000, 33_333),
        ("Tin b", "tin", "Nguyễn Văn An", "", 120_000, 120_000),
        ("Tin c", "bai", "Trần Thị Bình", "", 300_000, 300_000),
        ("Công nhân dự hội nghị", "anh", "Trần Thị Bình", "", 50_000, 50_000),
    ]
    first = report.lines[0]
    assert (first.published, first.unit, first.section) == (
        "03/10/2026",
        "Ban Tuyên giáo - Nữ công",
        "Tuyên giáo - Nữ công",
    )
    assert report.items_total == 100_000 + 120_000 + 300_000 + 50_000
    assert [(f.title, f.amount) for f in report.fees] == [
        ("Thù lao quản trị mạng", 1_000_000),
        ("Thù lao thư ký Ban Biên tập", 1_000_000),
    ]
    assert report.total == 2_570_000
    people = {p.name: (p.amount, p.count_text()) for p in report.people()}
    assert people == {
        "Nguyễn Văn An": (153_334, "2 tin"),
        "Trần Thị Bình": (383_333, "1 tin, 1 bài, 1 ảnh"),
        "Lê Cường": (33_333, "1 tin"),
    }
    # Vietnamese order: by given name (An, Bình, Cường)
    assert [p.name for p in report.people()] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Cường"]
    assert report.counts() == {"tin": 2, "bai": 1, "anh": 1}
    assert "15/QĐ-LĐLĐ ngày 10/10/2026" in report.decisions


def test_the_lead_author_takes_it_all_when_the_profile_says_so(october):
    from ldld_wagtail.models import Federation

    Federation.objects.update(royalty_split="lead", royalty_item_photos=False)
    assert rows(royalties.build(OCTOBER)) == [
        ("Tin a", "tin", "Nguyễn Văn An", "", 100_000, 100_000),
        ("Tin b", "tin", "Nguyễn Văn An", "", 120_000, 120_000),
        ("Tin c", "bai", "Trần Thị Bình", "", 300_000, 300_000),
    ]


def test_a_rate_not_entered_leaves_the_line_unpriced_and_the_month_cannot_close(october):
    RoyaltyRate.objects.filter(kind="bai").update(amount=None)
    report = royalties.build(OCTOBER)
    assert [line.title for line in report.unpriced] == ["Tin c"]
    with pytest.raises(royalties.RoyaltyError, match="1 dòng"):
        royalties.close(OCTOBER, october["thuky"])
    assert not RoyaltyMonth.objects.filter(month=OCTOBER.first_day, closed_at__isnull=False)


def test_an_adjusted_line_is_paid_as_adjusted_with_its_reason(october):
    line = royalties.build(OCTOBER).lines[3]
    with pytest.raises(royalties.RoyaltyError, match="lý do"):
        royalties.adjust(OCTOBER, line.key, 150_000, " ", october["thuky"])
    royalties.adjust(OCTOBER, line.key, 150_000, "Tin có ảnh độc quyền", october["thuky"])
    report = royalties.build(OCTOBER)
    adjusted = report.lines[3]
    assert (adjusted.amount, adjusted.paid, adjusted.reason) == (
        120_000,
        150_000,
        "Tin có ảnh độc quyền",
    )
    assert report.total == 2_600_000
    royalties.adjust(OCTOBER, line.key, None, "", october["thuky"])
    assert royalties.build(OCTOBER).lines[3].paid == 120_000


def test_a_closed_month_does_not_change_and_reopening_shows_what_changed(october):
    with pytest.raises(royalties.RoyaltyError, match="kết thúc"):
        royalties.close(royalties.Month.of(datetime.date.today()), october["thuky"])
    royalties.close(OCTOBER, october["thuky"])
    before = rows(royalties.build(OCTOBER))
    # Later: an item is taken down, a rate is corrected, an author renamed.
    take_down(Page.objects.get(title="Tin b"), None, "quality", "Sai sự thật")
    RoyaltyRate.objects.filter(kind="bai").update(amount=350_000)
    closed = royalties.build(OCTOBER)
    assert rows(closed) == before
    assert closed.closed and closed.closed_by == october["thuky"].get_full_name()
    with pytest.raises(royalties.RoyaltyError, match="đã chốt"):
        royalties.adjust(OCTOBER, closed.lines[0].key, 1, "x", october["thuky"])

    royalties.reopen(OCTOBER, october["thuky"])
    reopened = royalties.build(OCTOBER)
    assert not reopened.closed
    assert sorted((c.what, c.line.title, c.before, c.line.paid) for c in reopened.changes) == [
        ("changed", "Tin c", 300_000, 350_000),
        ("removed", "Tin b", None, 120_000),
    ]


def test_the_report_cut_per_unit_has_only_its_authors_and_no_fees(october):
    unit = Unit.objects.get(code="cspl-qhld")
    report = royalties.build(OCTOBER, unit=unit)
    assert {line.unit_code for line in report.lines} == {"cspl-qhld"}
    assert report.fees == [] and report.total == 350_000


def test_sums_in_words_as_accounting_documents_write_them():
    assert vnd(2_570_000) == "2.570.000"
    assert in_words(2_570_000) == "Hai triệu năm trăm bảy mươi nghìn đồng"
    assert in_words(1_005_000) == "Một triệu không trăm linh năm nghìn đồng"
    assert in_words(21_015) == "Hai mươi mốt nghìn không trăm mười lăm đồng"
    assert in_words(3_004_050_600) == (
        "Ba tỷ không trăm linh bốn triệu không trăm năm mươi nghìn sáu trăm đồng"
    )


def test_the_command_writes_files_that_read_back_as_the_report(october, tmp_path):
    report = royalties.build(OCTOBER)
    out = io.StringIO()
    call_command("royalty_report", "--month", "2026-10", "--format", "csv", stdout=out)
    lines = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert lines[0] == list(report.HEADERS)
    assert [(r[2], r[6], int(r[9])) for r in lines[1:7]] == [
        (line.title, line.author, line.paid) for line in report.lines
    ]
    assert lines[-1][2] == "Tổng cộng" and int(lines[-1][9]) == report.total

    err = io.StringIO()
    target = tmp_path / "nb.xlsx"
    call_command("royalty_report", "--month", "2026-10", "--output", str(target), stderr=err)
    assert "6 dòng" in err.getvalue() and "2.570.000" in err.getvalue()
    book = openpyxl.load_workbook(target)
    sheet = book["Bảng kê"]
    assert sheet["A1"].value == "Bảng kê nhuận bút, thù lao tháng 10/2026"
    assert [c.value for c in sheet[4]] == list(report.HEADERS)
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=10)]
    assert [(r[2], r[6], r[9]) for r in body] == [
        (line.title, line.author, line.paid) for line in report.lines
    ]
    assert sheet.cell(row=5, column=10).number_format == royalties_money_format()
    total = next(r for r in sheet.iter_rows(min_row=5) if r[2].value == "Tổng cộng")
    assert total[9].value == report.total
    people = book["Tổng hợp theo người"]
    assert [c.value for c in people[5]][:5] == [1, "Nguyễn Văn An", "Ban Tuyên giáo - Nữ công",
                                                "2 tin", 153_334]  # fmt: skip

    target = tmp_path / "qd.docx"
    call_command(
        "royalty_report", "--month", "2026-10", "--format", "docx", "--output", str(target),
        stderr=io.StringIO(),
    )  # fmt: skip
    document = docx.Document(target)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Về việc chi trả nhuận bút, thù lao tháng 10/2026" in text
    assert "2.570.000 đồng (Bằng chữ: Hai triệu năm trăm bảy mươi nghìn đồng)" in text
    assert "Căn cứ Quyết định số 15/QĐ-LĐLĐ ngày 10/10/2026" in text
    listing = document.tables[-1]
    assert [c.text for c in listing.rows[1].cells][:5] == [
        "1", "Nguyễn Văn An", "Ban Tuyên giáo - Nữ công", "2 tin", "153.334",
    ]  # fmt: skip
    assert [c.text for c in listing.rows[-1].cells][1:5] == ["Tổng cộng", "", "", "2.570.000"]
    assert "Lào Cai, ngày" in document.tables[0].rows[0].cells[1].text


def test_the_command_cuts_per_unit_and_refuses_what_it_cannot_read(october, tmp_path):
    out = io.StringIO()
    call_command(
        "royalty_report", "--month", "2026-10", "--unit", "CSPL-QHLD", "--format", "csv",
        stdout=out,
    )  # fmt: skip
    assert "Tin a" not in out.getvalue() and "Tin c" in out.getvalue()
    with pytest.raises(CommandError, match="MM/YYYY"):
        call_command("royalty_report", "--month", "13/2026", "--format", "csv")
    out = io.StringIO()
    call_command("royalty_report", "--month", "10/2026", "--format", "csv", stdout=out)
    assert "Tin c" in out.getvalue()  # written as an office writes it
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("royalty_report", "--month", "2026-10", "--unit", "x", "--format", "csv")


def royalties_money_format():
    from ldld_wagtail.reports.royalty_files import MONEY

    return MONEY


URL = "/admin/ldld/bao-cao/nhuan-but/"


def test_the_secretary_reads_adjusts_and_closes_the_month_in_the_admin(client, october):
    client.force_login(october["thuky"])
    assert URL in client.get("/admin/").content.decode()  # in the Báo cáo menu
    html = client.get(f"{URL}?thang=2026-10").content.decode()
    assert "Bảng kê nhuận bút, thù lao tháng 10/2026" in html
    assert "Tổng cộng: 2.570.000 đồng" in html
    assert "Dự thảo" in html and "Chốt tháng" in html
    assert html.count('name="action" value="adjust"') == 6
    report = royalties.build(OCTOBER)

    # What the screen shows is what the file holds.
    response = client.get(f"{URL}?thang=2026-10&tai-ve=xlsx")
    assert 'filename="nhuan-but-2026-10.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Bảng kê"]
    for row in sheet.iter_rows(min_row=5, max_row=10):
        title, paid = row[2].value, f"{row[9].value:,}".replace(",", ".")
        assert f"<td>{title}<br>" in html and f"{paid}</td>" in html
    response = client.get(f"{URL}?thang=2026-10&tai-ve=docx")
    assert 'filename="quyet-dinh-nhuan-but-2026-10.docx"' in response["Content-Disposition"]

    key = report.lines[3].key
    response = client.post(
        f"{URL}?thang=2026-10",
        {"action": "adjust", "dong": key, "so-tien": "150.000", "ly-do": "Tin độc quyền"},
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Đã điều chỉnh dòng." in html and "Tin độc quyền" in html
    assert "<s>120.000</s> 150.000" in html and "Tổng cộng: 2.600.000 đồng" in html
    # A bad amount is refused in Vietnamese, and nothing changes.
    response = client.post(
        f"{URL}?thang=2026-10", {"action": "adjust", "dong": key, "so-tien": "1tr", "ly-do": "x"}
    )
    html = client.get(response["Location"]).content.decode()
    assert "Hãy ghi số tiền là số đồng nguyên" in html and "2.600.000" in html
    response = client.post(
        f"{URL}?thang=2026-10",
        {"action": "adjust", "dong": key, "so-tien": "9" * 20, "ly-do": "Gõ nhầm"},
    )
    assert response["Location"].endswith(f"#dong-{key}")
    html = client.get(response["Location"]).content.decode()
    assert "Số tiền mỗi dòng tối đa 1.000.000.000 đồng." in html and "2.600.000" in html

    client.post(f"{URL}?thang=2026-10", {"action": "close"})
    html = client.get(f"{URL}?thang=2026-10").content.decode()
    assert "Đã chốt bởi" in html and "Mở lại tháng" in html
    assert 'value="adjust"' not in html
    assert RoyaltyMonth.objects.get(month=OCTOBER.first_day).closed


def test_the_board_reads_but_does_not_change_and_others_see_only_their_units(client, october):
    client.force_login(october["quantri"])  # the web admin reads every line, changes none
    html = client.get(f"{URL}?thang=2026-10").content.decode()
    assert "2.570.000" in html and "Chốt tháng" not in html and 'value="adjust"' not in html
    assert client.post(f"{URL}?thang=2026-10", {"action": "close"}).status_code in (302, 403)
    assert not RoyaltyMonth.objects.filter(closed_at__isnull=False).exists()

    # A deputy head reads the lines of the fields he approves (Tuyên giáo - Nữ công, Văn
    # phòng), not the others'.
    client.force_login(october["phoban1"])
    html = client.get(f"{URL}?thang=2026-10&don-vi=tuyen-giao-nu-cong").content.decode()
    assert "Tin a" in html and "Tin b" in html and "Tin c" not in html
    html = client.get(f"{URL}?thang=2026-10&don-vi=cspl-qhld").content.decode()
    assert "Tin c" not in html and "Tất cả đơn vị" not in html
    assert 'value="cspl-qhld"' not in html

    client.force_login(october["ctv"])  # a contributor of Ban Tuyên giáo - Nữ công
    assert URL in client.get("/admin/").content.decode()
    html = client.get(f"{URL}?thang=2026-10&don-vi=cspl-qhld").content.decode()
    assert "Tin a" in html and "Tin c" not in html and "Thù lao quản trị mạng" not in html
    assert "Tất cả đơn vị" not in html


def test_someone_without_a_report_role_is_turned_away(client, october):
    from ..utils import person

    client.force_login(person("lanhdao", "lanh-dao-vp"))
    assert client.get(f"{URL}?thang=2026-10").status_code == 302
    assert URL not in client.get("/admin/").content.decode()


def test_a_month_written_wrong_is_explained_in_vietnamese(client, october):
    client.force_login(october["thuky"])
    html = client.get(f"{URL}?thang=10-2026").content.decode()
    assert "Hãy ghi tháng theo dạng MM/YYYY, ví dụ 11/2026." in html
    assert (
        "Bảng kê nhuận bút, thù lao tháng 10/2026"
        in client.get(f"{URL}?thang=10/2026").content.decode()
    )


def test_the_rates_are_entered_in_the_admin_with_their_decision(client, october):
    client.force_login(october["quantri"])
    response = client.post(
        "/admin/snippets/ldld/royaltyrate/add/",
        {
            "kind": "bai",
            "amount": "400000",
            "decision": "20/QĐ-LĐLĐ ngày 01/11/2026",
            "valid_from": "2026-11-01",
        },
    )
    assert response.status_code == 302
    assert RoyaltyRate.objects.get(kind="bai", valid_from="2026-11-01").amount == 400_000


def test_the_month_is_read_in_the_same_number_of_queries_whatever_its_size(october, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            report = royalties.build(OCTOBER)
            report.people()
        return len(captured), len(report.lines)

    before, lines_before = queries()
    more = [
        legacy_item(f"x{n}", "van-phong", f"2026-10-{n + 1:02d}T08:00", authors=["Lò Thị Dung"])
        for n in range(12)
    ]
    call_command("import_content", write_jsonl(tmp_path / "x.jsonl", more), stdout=io.StringIO())
    after, lines_after = queries()
    assert lines_after == lines_before + 12
    assert after == before <= 15  # 14 now: three page types, their photos, rates, fees, units
