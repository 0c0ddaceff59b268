"""Report files built in the background: requested from a report screen, built once, kept for
download behind the report's permission, retried then shown as failed to the web admin, and
prepared on their own after a period ends with one email to the secretary."""

import datetime
import io

import openpyxl
import pytest
from django.conf import settings
from django.core import mail

from ldld_wagtail.models import ReportFile
from ldld_wagtail.reports import jobs, royalties

pytestmark = pytest.mark.django_db
FILES = "/admin/ldld/bao-cao/tep/"


def test_a_file_requested_on_the_screen_is_built_and_kept_for_its_readers(
    client, october, django_capture_on_commit_callbacks
):
    client.force_login(october["thuky"])
    assert (
        "Chuẩn bị tệp trong nền"
        in client.get("/admin/ldld/bao-cao/nhuan-but/?thang=2026-10").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            FILES, {"bao-cao": "royalties", "ky": "2026-10", "dinh-dang": "xlsx"}
        )
    assert response.status_code == 302
    row = ReportFile.objects.get()
    assert (row.status, row.progress, row.attempts) == ("done", 100, 1)
    html = client.get(FILES).content.decode()
    assert "Nhuận bút, thù lao" in html and "Sẵn sàng" in html
    download = client.get(f"{FILES}{row.pk}/")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))["Bảng kê"]
    total = next(r for r in sheet.iter_rows(min_row=5) if r[2].value == "Tổng cộng")
    assert total[9].value == royalties.build(royalties.Month(2026, 10)).total
    assert "nhuan-but-2026-10.xlsx" in download["Content-Disposition"]
    # Kept outside the media folder: no public URL hands it out.
    assert not row.file.path.startswith(str(settings.MEDIA_ROOT))
    client.logout()
    assert client.get(f"/media/{row.file.name}").status_code == 404

    client.force_login(october["ctv"])  # a contributor: not the royalty list of everyone
    assert client.get(f"{FILES}{row.pk}/").status_code == 302
    client.logout()
    assert client.get(f"{FILES}{row.pk}/").status_code == 302


def test_a_second_request_while_waiting_is_the_same_job_and_a_stale_job_does_nothing(
    october, django_capture_on_commit_callbacks
):
    first = jobs.request_file("tracking", "2026-10", "xlsx", user=october["thuky"])
    again = jobs.request_file("tracking", "2026-10", "xlsx", user=october["thuky"])
    assert first.pk == again.pk and first.token == again.token
    assert ReportFile.objects.count() == 1
    assert jobs.build_report_file.call(first.pk, "an-old-token") == "nothing to do"
    assert jobs.build_report_file.call(first.pk, first.token) == "built"
    assert jobs.build_report_file.call(first.pk, first.token) == "nothing to do"  # built once
    with pytest.raises(ValueError):
        jobs.request_file("tracking", "2026-13", "xlsx")
    with pytest.raises(jobs.JobError):
        jobs.request_file("tracking", "2026-10", "docx")


def test_a_failing_build_is_retried_then_shown_to_the_web_admin(client, october, monkeypatch):
    def broken(row, progress):
        raise OSError("Ổ đĩa đầy")

    monkeypatch.setattr(jobs, "_build", broken)
    row = jobs.request_file("quota", "2026-Q3", "docx")
    assert jobs.build_report_file.call(row.pk, row.token) == "will retry"
    assert ReportFile.objects.get().status == "queued"
    assert jobs.build_report_file.call(row.pk, row.token) == "will retry"
    assert jobs.build_report_file.call(row.pk, row.token) == "failed"
    failed = ReportFile.objects.get()
    assert (failed.status, failed.attempts) == ("failed", 3) and "Ổ đĩa đầy" in failed.error

    client.force_login(october["quantri"])
    assert "không tạo được" in client.get("/admin/").content.decode()
    assert "Ổ đĩa đầy" in client.get(FILES).content.decode()
    client.force_login(october["thuky"])
    html = client.get(FILES).content.decode()
    assert "Ổ đĩa đầy" not in html and "Thất bại" in html


def test_the_ended_period_is_prepared_once_and_the_secretary_told_once(
    october, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.prepare_due_reports(today=datetime.date(2026, 11, 2)) == 4
    assert sorted(ReportFile.objects.values_list("kind", "format", "status")) == [
        ("handover", "zip", "done"),
        ("royalties", "docx", "done"),
        ("royalties", "xlsx", "done"),
        ("tracking", "xlsx", "done"),
    ]
    assert [m.to for m in mail.outbox] == [["thuky@example.vn"]]
    assert (
        "2026-10" in mail.outbox[0].subject and "Nhuận bút, thù lao (DOCX)" in mail.outbox[0].body
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.prepare_due_reports(today=datetime.date(2026, 11, 3)) == 0
        assert jobs.prepare_due_reports(today=datetime.date(2027, 1, 2)) == 7
    assert set(ReportFile.objects.filter(period="2026-Q4").values_list("kind", flat=True)) == {
        "quota", "activity",
    }  # fmt: skip
