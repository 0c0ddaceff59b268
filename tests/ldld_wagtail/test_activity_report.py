"""The quarterly activity report for the editorial council (Quy chế 7.1, 7.6): items by kind,
section and unit against the previous quarter, questions and documents, the time from final
approval to publication, take-downs; its DOCX and XLSX read back."""

import datetime
import io
from zoneinfo import ZoneInfo

import docx
import openpyxl
import pytest
from django.core.management import call_command
from django.db.models import F
from wagtail.models import Page

from ldld_wagtail.reports import activity, quota
from ldld_wagtail.workflows import PublishTaskState
from qa.models import Submission

from ..utils import act, publish_through_the_workflow

pytestmark = pytest.mark.django_db
Q4 = quota.Quarter(2026, 4)
URL = "/admin/ldld/bao-cao/quy/"


@pytest.fixture
def quarter(media, client):
    # One item through the whole workflow, then moved to December 2026 (whatever today is):
    # its publication and its publish step keep their working time.
    page = publish_through_the_workflow(media, client)
    client.force_login(media["quantri"])
    act(client, page, "approve")
    state = PublishTaskState.objects.get()
    shift = datetime.datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")) - (
        state.started_at
    )
    PublishTaskState.objects.filter(pk=state.pk).update(
        started_at=F("started_at") + shift,
        finished_at=F("finished_at") + shift,
        due_at=F("due_at") + shift,
    )
    Page.objects.filter(pk=page.pk).update(
        first_published_at=F("first_published_at") + shift,
        last_published_at=F("last_published_at") + shift,
    )
    Submission.objects.create(
        reference="HD-2611-AAAAAA", full_name="Nguyễn Thị Lan", phone="0912345678",
        question="Công ty chậm trả lương ba tháng thì tôi phải làm gì?", fingerprint="x",
        submitted_at=datetime.datetime(2026, 11, 15, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
    )  # fmt: skip
    client.logout()
    return media


def test_the_quarter_against_the_previous_one(quarter):
    report = activity.build(Q4)
    kinds = {label: (now, before) for label, now, before in report.kinds}
    # Q4: a, b, d (1/11 in Lào Cai) and the workflow's item; Q3: f (30/9). e was taken down.
    assert kinds["Tin"] == (4, 1)
    assert kinds["Bài"] == (1, 0)
    assert kinds["Ảnh"] == (2, 0)  # the article's photo and the workflow item's
    assert kinds["Video"] == (1, 0) and kinds["Ảnh nổi bật"] == (3, 0)
    assert kinds["Câu hỏi đoàn viên gửi đến"] == (1, 0)
    assert kinds["Văn bản chỉ đạo, điều hành đăng tải"] == (0, 0)
    sections = {title: total for title, _counts, total in report.sections}
    assert sections == {"Tuyên giáo - Nữ công": 3, "Chính sách - Pháp luật & Quan hệ Lao động": 2}
    units = {name: (months, total, before) for name, months, total, before in report.units}
    assert units["Ban Tuyên giáo - Nữ công"] == ([2, 0, 1], 3, 0)
    assert units["Ban Chính sách - Pháp luật & Quan hệ Lao động"] == ([1, 1, 0], 2, 1)
    state = PublishTaskState.objects.get()
    assert report.timing.count == 1 and report.timing.within == 1
    assert report.timing.median == state.working_time
    assert "1/1 (100,0%) đăng trong thời hạn quy định" in report.timing.text()
    assert report.timing_before.count == 0
    assert [(title, reason) for _day, title, reason, _why in report.takedowns] == [
        ("Tin e", "Không đạt yêu cầu")
    ]


def test_the_screen_and_the_files_agree(quarter, client, tmp_path):
    client.force_login(quarter["thuky"])
    assert URL in client.get("/admin/").content.decode()
    html = client.get(f"{URL}?quy=2026-Q4").content.decode()
    assert "Báo cáo kết quả hoạt động của Cổng thông tin điện tử quý IV/2026" in html
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{URL}?quy=2026-Q4&tai-ve=xlsx").content))
    summary = book["Tổng hợp"]
    assert [c.value for c in summary[4]] == ["TT", "Nội dung", "Quý IV/2026", "Quý III/2026",
                                              "Tăng, giảm"]  # fmt: skip
    assert [c.value for c in summary[5]] == [1, "Tin", 4, 1, "+3"]
    lines = [r for r in summary.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert len(lines) == 9  # five kinds, three question lines, the documents
    for row in lines:
        assert f"<td>{row[1]}</td><td>{row[2]}</td><td>{row[3]}</td>" in html
    units = book["Theo đơn vị"]
    assert [c.value for c in units[4]][:6] == ["TT", "Đơn vị", "Tháng 10", "Tháng 11",
                                                "Tháng 12", "Cộng quý IV/2026"]  # fmt: skip
    target = tmp_path / "q.docx"
    call_command("activity_report", "--quarter", "2026-Q4", "--output", str(target),
                 stderr=io.StringIO())  # fmt: skip
    document = docx.Document(target)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kết quả hoạt động của Cổng thông tin điện tử quý IV/2026" in text
    assert "1/1 (100,0%) đăng trong thời hạn quy định" in text
    assert [c.text for c in document.tables[0].rows[1].cells] == ["1", "Tin", "4", "1", "+3"]
    assert document.tables[-1].rows[1].cells[2].text == "Tin e"

    client.force_login(quarter["ctv"])
    assert client.get(f"{URL}?quy=2026-Q4").status_code == 302
