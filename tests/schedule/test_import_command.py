"""`manage.py import_schedule FILE --week YYYY-MM-DD`: a draft of that week, or nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Revision

from schedule.models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

from ..utils import add
from .conftest import DATA

pytestmark = pytest.mark.django_db


def counts():
    return (
        WeeklySchedulePage.objects.count(),
        ScheduleEntry.objects.count(),
        get_document_model().objects.count(),
        Revision.objects.count(),
    )


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_schedule", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_word_file_becomes_a_draft_week_and_the_rows_are_printed(index):
    out, err = run(str(DATA / "lich_tuan_mau.docx"), "--week", "2026-11-23")
    assert "Đã đọc bảng thứ 2 trong văn bản: 12 dòng, bỏ qua 0 dòng." in out
    assert "Thứ Hai 23/11  07:30" in out and "Chào cờ đầu tuần" in out
    assert "Thứ Ba 24/11  Cả ngày" in out
    assert "chưa đăng" in out and err == ""
    week = WeeklySchedulePage.objects.get(week_start="2026-11-23")
    assert not week.live and week.get_parent().pk == index.pk
    draft = week.get_latest_revision_as_object()
    assert len(draft.entries.all()) == 12 and draft.original_file is not None

    # Again, from the Excel file: the same page, a new draft revision.
    out, _err = run(str(DATA / "lich_tuan_mau.xlsx"), "--week", "23/11/2026")
    assert "Đã lưu bản nháp mới" in out
    assert WeeklySchedulePage.objects.filter(week_start="2026-11-23").count() == 1
    assert week.revisions.count() == 2


def test_a_week_that_does_not_start_on_monday_is_refused(index):
    before = counts()
    with pytest.raises(
        CommandError, match="--week phải là ngày thứ Hai: ngày 24/11/2026 là Thứ Ba"
    ):
        run(str(DATA / "lich_tuan_mau.docx"), "--week", "2026-11-24")
    assert counts() == before


def test_a_file_it_cannot_read_changes_nothing(index, tmp_path):
    before = counts()
    garbage = tmp_path / "lich.docx"
    garbage.write_bytes(b"this is not a Word file")
    with pytest.raises(CommandError, match="Không đọc được «lich.docx» như một tệp Word"):
        run(str(garbage), "--week", "2026-11-23")
    with pytest.raises(CommandError, match="Không mở được tệp"):
        run(str(tmp_path / "missing.xlsx"), "--week", "2026-11-23")
    assert counts() == before


def test_several_schedule_indexes_need_parent(home, index):
    other = add(home, ScheduleIndexPage(title="Lịch Đảng ủy", slug="lich-dang-uy"))
    with pytest.raises(CommandError, match="--parent"):
        run(str(DATA / "lich_tuan_mau.docx"), "--week", "2026-11-23")
    run(str(DATA / "lich_tuan_mau.docx"), "--week", "2026-11-23", "--parent", "/lich-dang-uy/")
    assert WeeklySchedulePage.objects.get().get_parent().pk == other.pk
