"""A disk that fills during an upload: the upload fails with a clear Vietnamese message and
leaves no half-written file and no row, in the admin (drag-and-drop and the one-file form), the
API and the clerk's schedule upload.

The disk is made to fill for real at the point where Django writes the file: the first bytes
reach the disk, then the write fails with ENOSPC, as it does on a full file system."""

import errno
import io
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.storage import filesystem
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from ..utils import call, column_url, login, make_docx, make_pdf, news_body, person, section

pytestmark = pytest.mark.django_db

FULL = (
    "Máy chủ đã hết dung lượng lưu trữ: tệp của đồng chí chưa được lưu và không có gì bị "
    "ghi dở. Đề nghị báo quản trị cổng, rồi tải tệp lên lại."
)


class FillingDisk:
    """Stands for the `os` module of Django's file storage: the files it opens take `room`
    bytes in all, then every write fails with ENOSPC."""

    def __init__(self, room: int):
        self.room = room
        self.written: list[str] = []  # files that got bytes before the disk filled
        self.opened: dict[int, str] = {}

    def __getattr__(self, name):
        import os

        return getattr(os, name)

    def open(self, path, flags, mode=0o777):
        import os

        fd = os.open(path, flags, mode)
        self.opened[fd] = str(path)
        return fd

    def fdopen(self, fd, mode="rb", *args, **kwargs):
        import os

        real = os.fdopen(fd, mode, *args, **kwargs)
        disk, path = self, self.opened.get(fd, "?")

        class Filling:
            def write(self, data):
                if len(data) > disk.room:
                    if disk.room:
                        real.write(data[: disk.room])
                        real.flush()
                        disk.written.append(path)
                    disk.room = 0
                    raise OSError(errno.ENOSPC, "No space left on device")
                disk.room -= len(data)
                return real.write(data)

            def __getattr__(self, name):
                return getattr(real, name)

        return Filling()


@pytest.fixture
def full_disk():
    disk = FillingDisk(room=100)
    with mock.patch.object(filesystem, "os", disk):
        yield disk


def files_in(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def jpeg(size=(400, 300)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


# Django marks the surrounding transaction broken when a save fails inside it (as a test's own
# transaction would be): the admin's uploads are tried with real commits, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_drag_and_drop_photo_upload_says_the_disk_is_full(
    wagtail_rows, media_root, full_disk, admin_user
):
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("hoi-nghi.jpg", jpeg(), "image/jpeg")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    # Wagtail's upload script shows `error_message` beside the file.
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": FULL}
    assert full_disk.written, "the disk filled in the middle of the file"
    assert files_in(media_root) == [] and not Image.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_document_form_says_the_disk_is_full(wagtail_rows, media_root, full_disk, admin_user):
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    content = make_pdf(["Công văn số 125/CV-LĐLĐ về việc tổ chức Tháng Công nhân"] * 40)
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Công văn 125",
            "file": SimpleUploadedFile("cong-van-125.pdf", content, "application/pdf"),
            "collection": "1",
        },
    )
    assert response.status_code == 507
    html = response.content.decode()
    assert "Tệp chưa được lưu" in html and FULL in html
    assert "Traceback" not in html and "OSError" not in html
    assert full_disk.written
    assert files_in(media_root) == [] and not Document.objects.exists()


def test_the_api_answers_507_and_writes_no_item(client, laocai, media_root):
    ctv = login(client, "ctv-tuyengiao")
    pages = Page.objects.count()
    with mock.patch.object(filesystem, "os", FillingDisk(room=100)) as disk:
        response = call(client, "post", column_url(), ctv, news_body(title="Tin có ảnh"))
    assert response.status_code == 507
    assert response.json() == {"type": "InsufficientStorage", "message": FULL}
    assert disk.written
    assert Page.objects.count() == pages and not Image.objects.exists()
    assert files_in(media_root) == []
    # Room again: the same request goes through.
    assert call(client, "post", column_url(), ctv, news_body(title="Tin có ảnh")).status_code == 201


def pending() -> list[str]:
    """The schedule files waiting for the clerk's confirmation (private storage)."""
    from ldld_wagtail.withhold import withheld_storage
    from schedule.admin_views import PENDING_DIR

    if not withheld_storage.exists(PENDING_DIR):
        return []
    return sorted(withheld_storage.listdir(PENDING_DIR)[1])


def test_the_clerks_schedule_upload_says_the_disk_is_full(laocai, media_root, full_disk):
    waiting = pending()
    clerk = Client(raise_request_exception=False)
    clerk.force_login(person("vanthu", "van-thu"))
    content = make_docx(
        ["LỊCH CÔNG TÁC TUẦN từ ngày 23/11 đến ngày 29/11/2026"],
        table=[["Thứ, ngày", "Giờ", "Nội dung", "Chủ trì", "Địa điểm", "Thành phần"]]
        + [["Thứ Hai 23/11/2026", "8h00", "Giao ban", "Chủ tịch", "Hội trường", "Ban Thường vụ"]]
        * 20,
    )
    response = clerk.post(
        reverse("schedule_import", args=[section("lich-cong-tac").pk]),
        {"week": "23/11/2026", "file": SimpleUploadedFile("lich.docx", content)},
    )
    assert response.status_code == 507 and FULL in response.content.decode()
    assert full_disk.written
    assert files_in(media_root) == [] and pending() == waiting


def test_other_write_errors_leave_no_partial_file_either(media_root):
    from ldld_wagtail.backends.storage import FileSystemStorage, StorageFull

    storage = FileSystemStorage(location=str(media_root))
    disk = FillingDisk(room=10)
    with mock.patch.object(filesystem, "os", disk), pytest.raises(StorageFull) as raised:
        storage.save("tai-lieu/a.pdf", SimpleUploadedFile("a.pdf", b"%PDF-1.4" + b"x" * 500))
    assert raised.value.errno == errno.ENOSPC and disk.written
    assert files_in(media_root) == []
    assert storage.save("tai-lieu/a.pdf", SimpleUploadedFile("a.pdf", b"%PDF")) == "tai-lieu/a.pdf"
