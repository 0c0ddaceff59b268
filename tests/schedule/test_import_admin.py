"""The clerk's import in the admin: upload, preview, confirm (or cancel), as a new draft.

Logged in as the Lào Cai clerk (*Văn thư*, role van-thu), who edits the schedule section; a
department contributor, who may not, is refused at every step.
"""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, Revision

from ldld_wagtail.withhold import withheld_storage
from schedule.admin_views import PENDING_DIR
from schedule.models import ScheduleEntry, WeeklySchedulePage

from ..utils import add
from .conftest import DATA
from .files import HEADER, docx_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

MONDAY = datetime.date(2026, 11, 23)
Document = get_document_model()


def upload(name, data=None):
    return SimpleUploadedFile(name, data if data is not None else (DATA / name).read_bytes())


def pending_files():
    try:
        return withheld_storage.listdir(PENDING_DIR)[1]
    except FileNotFoundError:
        return []


@pytest.fixture(autouse=True)
def no_pending_files():
    """Uploads waiting for a confirmation live in the withheld storage (var/, shared by test
    runs): each test starts and ends without any."""

    def clear():
        for name in pending_files():
            withheld_storage.delete(f"{PENDING_DIR}/{name}")

    clear()
    yield
    clear()


def counts():
    return (
        WeeklySchedulePage.objects.count(),
        ScheduleEntry.objects.count(),
        Document.objects.count(),
        Revision.objects.count(),
    )


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def token_of(html):
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, html[:2000]
    return match.group(1)


@pytest.fixture
def clerk(client, office):
    client.force_login(office["vanthu"])
    return client


@pytest.fixture
def live_week(office):
    week = WeeklySchedulePage(title="Tuần 48", slug="tuan-2026-11-23", week_start=MONDAY)
    week.entries = [
        ScheduleEntry(day=MONDAY, time=datetime.time(8), content="Lịch cũ: họp giao ban"),
        ScheduleEntry(day=MONDAY, content="Lịch cũ: làm việc tại cơ quan"),
    ]
    return add(office["index"], week)


def test_the_clerk_finds_the_import_actions(clerk, office, live_week):
    edit = clerk.get(reverse("wagtailadmin_pages:edit", args=[live_week.pk])).content.decode()
    assert reverse("schedule_import", args=[live_week.pk]) in edit
    assert "Nhập từ tệp Word/Excel" in edit
    explore = clerk.get(reverse("wagtailadmin_explore", args=[office["index"].pk]))
    html = explore.content.decode()
    assert reverse("schedule_import", args=[office["index"].pk]) in html
    assert "Tuần mới từ tệp" in html


def test_a_new_week_from_a_word_file_is_previewed_then_saved_as_a_draft(
    clerk, office, client, django_capture_on_commit_callbacks
):
    index = office["index"]
    url = reverse("schedule_import", args=[index.pk])
    form = clerk.get(url)
    assert form.status_code == 200
    assert "Tuần mới từ tệp" in form.content.decode()

    before = counts()
    preview = clerk.post(url, {"file": upload("lich_tuan_mau.docx"), "week": ""})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Kiểm tra các dòng lịch" in html
    assert "23/11/2026 – 29/11/2026" in html  # the week, taken from the file's title
    assert "Chào cờ đầu tuần; giao ban Thường trực LĐLĐ tỉnh" in html
    assert "Thứ Hai, 23/11/2026" in html and "Chủ nhật, 29/11/2026" in html
    assert "Cả ngày" in html and "Chiều" in html
    assert "Dòng đọc được: <strong>12</strong>" in html
    assert "Một trang tuần mới sẽ được tạo dưới dạng bản nháp" in html
    # Nothing saved before the clerk confirms; the upload waits in private storage.
    assert counts() == before
    assert len(pending_files()) == 1

    with django_capture_on_commit_callbacks(execute=True):
        saved = clerk.post(
            reverse("schedule_import_confirm", args=[index.pk]), {"token": token_of(html)}
        )
    week = WeeklySchedulePage.objects.get(week_start=MONDAY)
    assert saved.status_code == 302
    assert saved["Location"] == reverse("wagtailadmin_pages:edit", args=[week.pk])
    assert pending_files() == []
    assert not week.live and week.get_parent().pk == index.pk
    assert week.title == "Lịch công tác tuần 48/2026 (từ 23/11 đến 29/11/2026)"
    assert week.owner == office["vanthu"]
    draft = week.get_latest_revision_as_object()
    assert len(draft.entries.all()) == 12
    assert draft.original_file.file.name.endswith(".docx")
    entry = log_entry(week)
    assert entry.user == office["vanthu"] and entry.data["rows"] == 12
    # The edit view opens on the draft, with the success message.
    edit = clerk.get(saved["Location"]).content.decode()
    assert "Đã lưu 12 mục vào bản nháp mới" in edit
    assert "Chào cờ đầu tuần" in edit
    # The draft's file is not public: readers get 404, the clerk can open it.
    document = draft.original_file
    assert clerk.get(document.url).status_code == 200
    client.logout()
    assert client.get(document.url).status_code == 404


def log_entry(week):
    return PageLogEntry.objects.filter(page=week, action="schedule.import").latest("timestamp")


def test_importing_into_a_live_week_makes_a_new_draft_and_keeps_the_published_version(
    clerk, office, live_week, client, django_capture_on_commit_callbacks
):
    url = reverse("schedule_import", args=[live_week.pk])
    preview = clerk.post(url, {"file": upload("lich_tuan_mau.xlsx")})
    html = preview.content.decode()
    assert "sẽ thay 2 mục hiện có" in html
    assert 'name="week"' not in html  # the week is the page's own
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(
            reverse("schedule_import_confirm", args=[live_week.pk]), {"token": token_of(html)}
        )
    live_week.refresh_from_db()
    assert live_week.live and live_week.has_unpublished_changes
    # The published version is untouched: readers see the old schedule and no file.
    assert live_week.entries.count() == 2 and live_week.original_file is None
    client.logout()
    public = client.get(live_week.url).content.decode()
    assert "Lịch cũ: họp giao ban" in public and "Chào cờ" not in public
    draft = live_week.get_latest_revision_as_object()
    assert len(draft.entries.all()) == 12
    document = draft.original_file
    assert client.get(document.url).status_code == 404

    # Once the draft is approved and published, the new schedule and its file are public.
    with django_capture_on_commit_callbacks(execute=True):
        live_week.get_latest_revision().publish()
    public = client.get(live_week.url).content.decode()
    assert "Chào cờ đầu tuần" in public and "Lịch cũ" not in public
    assert document.url in public
    assert client.get(document.url).status_code == 200


def test_a_pdf_only_attaches_the_file(clerk, live_week, django_capture_on_commit_callbacks):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    url = reverse("schedule_import", args=[live_week.pk])
    html = clerk.post(url, {"file": upload("lich.pdf", buffer.getvalue())}).content.decode()
    assert "Không đọc dòng lịch nào từ tệp PDF" in html
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(
            reverse("schedule_import_confirm", args=[live_week.pk]), {"token": token_of(html)}
        )
    live_week.refresh_from_db()
    draft = live_week.get_latest_revision_as_object()
    assert len(draft.entries.all()) == 2
    assert draft.original_file.file.name.endswith(".pdf")


def test_problem_rows_are_listed_with_their_number_and_reason(clerk, live_week):
    rows = [
        HEADER,
        ["Thứ Hai 23/11", "8h", "Giao ban", "", "", ""],
        ["Thứ Năm 27/11", "8h", "Sai thứ", "", "", ""],
    ]
    url = reverse("schedule_import", args=[live_week.pk])
    html = clerk.post(url, {"file": upload("lich.docx", docx_bytes(rows))}).content.decode()
    assert re.search(
        r'<td class="sp-row">3</td>\s*<td>Ngày 27/11/2026 là Thứ Sáu, không phải Thứ Năm.</td>',
        html,
    )
    assert "Dòng bị bỏ qua: <strong>1</strong>" in html


def test_cancel_saves_nothing_and_leaves_no_file(clerk, office):
    index = office["index"]
    before = counts()
    html = clerk.post(
        reverse("schedule_import", args=[index.pk]), {"file": upload("lich_tuan_mau.xlsx")}
    ).content.decode()
    assert len(pending_files()) == 1
    response = clerk.post(
        reverse("schedule_import_cancel", args=[index.pk]), {"token": token_of(html)}
    )
    assert response.status_code == 302
    assert counts() == before and pending_files() == []
    # The token cannot be used afterwards.
    again = clerk.post(
        reverse("schedule_import_confirm", args=[index.pk]), {"token": token_of(html)}
    )
    assert again.status_code == 302 and counts() == before


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("lich.docx", b"garbage, not a Word file", "Không đọc được «lich.docx» như một tệp Word"),
        (
            "lich.jpg",
            b"\xff\xd8\xff\xe0 photo",
            "Chỉ nhận tệp Word (.docx), Excel (.xlsx) hoặc PDF.",
        ),
        ("lich.docx", docx_bytes([["Họp", "Chủ tịch"]]), "Không tìm thấy dòng tiêu đề"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_saves_nothing(clerk, office, name, data, message):
    before = counts()
    response = clerk.post(
        reverse("schedule_import", args=[office["index"].pk]),
        {"file": upload(name, data), "week": "23/11/2026"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts() == before and pending_files() == []


def test_the_week_must_start_on_a_monday(clerk, office):
    response = clerk.post(
        reverse("schedule_import", args=[office["index"].pk]),
        {"file": upload("lich_tuan_mau.docx"), "week": "24/11/2026"},
    )
    assert "Ngày bắt đầu tuần phải là thứ Hai." in response.content.decode()
    assert pending_files() == []


def test_a_new_week_for_a_monday_that_has_one_replaces_its_entries(
    clerk, office, live_week, django_capture_on_commit_callbacks
):
    index = office["index"]
    html = clerk.post(
        reverse("schedule_import", args=[index.pk]), {"file": upload("lich_tuan_mau.docx")}
    ).content.decode()
    assert "sẽ thay 2 mục hiện có" in html
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(reverse("schedule_import_confirm", args=[index.pk]), {"token": token_of(html)})
    assert WeeklySchedulePage.objects.filter(week_start=MONDAY).count() == 1
    live_week.refresh_from_db()
    assert len(live_week.get_latest_revision_as_object().entries.all()) == 12


def test_a_user_who_may_not_edit_the_schedule_is_refused(client, office, live_week):
    index = office["index"]
    client.force_login(office["ctv"])
    for page in (index, live_week):
        assert refused(client.get(reverse("schedule_import", args=[page.pk])))
        response = client.post(
            reverse("schedule_import", args=[page.pk]), {"file": upload("lich_tuan_mau.docx")}
        )
        assert refused(response)
        assert pending_files() == []
    edit = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert "Tuần mới từ tệp" not in edit


def test_a_token_serves_only_the_user_and_page_it_was_made_for(client, office, live_week):
    client.force_login(office["vanthu"])
    html = client.post(
        reverse("schedule_import", args=[live_week.pk]), {"file": upload("lich_tuan_mau.docx")}
    ).content.decode()
    token = token_of(html)
    before = counts()
    # Another user who may edit the week cannot use the clerk's upload.
    client.force_login(office["chanhvp"])
    response = client.post(
        reverse("schedule_import_confirm", args=[live_week.pk]), {"token": token}
    )
    assert refused(response)
    client.force_login(office["ctv"])
    response = client.post(
        reverse("schedule_import_confirm", args=[live_week.pk]), {"token": token}
    )
    assert refused(response)
    assert counts() == before


def test_a_page_that_is_not_a_schedule_is_not_found(clerk, office):
    home = office["index"].get_parent()
    assert clerk.get(reverse("schedule_import", args=[home.pk])).status_code == 404


def test_the_import_is_in_the_pages_history(clerk, office, live_week):
    html = clerk.post(
        reverse("schedule_import", args=[live_week.pk]), {"file": upload("lich_tuan_mau.docx")}
    ).content.decode()
    clerk.post(reverse("schedule_import_confirm", args=[live_week.pk]), {"token": token_of(html)})
    history = clerk.get(reverse("wagtailadmin_pages:history", args=[live_week.pk]))
    assert "Nhập lịch từ tệp «lich_tuan_mau.docx» (12 mục)" in history.content.decode()


def test_the_clerk_then_submits_the_draft_to_the_office_leader(clerk, office, live_week):
    """The imported draft follows the section's workflow as any edit: the clerk submits, the
    office leader approves (then the clerk posts)."""
    html = clerk.post(
        reverse("schedule_import", args=[live_week.pk]), {"file": upload("lich_tuan_mau.docx")}
    ).content.decode()
    clerk.post(reverse("schedule_import_confirm", args=[live_week.pk]), {"token": token_of(html)})
    workflow = live_week.get_workflow()
    assert workflow is not None
    week = WeeklySchedulePage.objects.get(pk=live_week.pk)
    workflow.start(week, office["vanthu"])
    week.refresh_from_db()
    state = week.current_workflow_state
    assert state.current_task_state.task.name == "Lãnh đạo Văn phòng duyệt"
    assert week.has_unpublished_changes
