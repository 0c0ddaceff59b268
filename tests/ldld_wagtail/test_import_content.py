"""`import_content`: a legacy portal's items from JSON Lines, checked whole before anything is
written, keyed by external id, live as of their own date in the federation's time zone."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.models import Page

from ldld_wagtail.models import ImportedItem, SyndicationChange
from news.models import NewsPage

from ..utils import legacy_item, section, write_jsonl

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_content", path, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_items_are_imported_live_as_of_their_date_and_again_changes_nothing(laocai, tmp_path):
    PILImage.new("RGB", (80, 60), (10, 120, 30)).save(tmp_path / "anh-1.jpg")
    items = [
        legacy_item(
            "a1",
            "tuyen-giao-nu-cong",
            "2025-03-10T08:30:00+07:00",
            images=[
                {"path": "anh-1.jpg", "caption": "Công nhân dự hội nghị", "credit": "Ban TG-NC"}
            ],
            tags=["hội nghị"],
        ),  # fmt: skip
        legacy_item("a2", "Ban Tuyen giao - Nu cong", "2025-03-10T08:30:00", "bai"),
        legacy_item("a3", "LĐLĐ thị xã Sa Pa", "2025-03-31T20:00:00Z"),
    ]
    path = write_jsonl(tmp_path / "cu.jsonl", items)
    out, _err = run(path)
    assert out.startswith("3 tạo mới, 0 cập nhật, 0 không đổi, 0 bỏ qua")
    a1, a2, a3 = (NewsPage.objects.get(title=f"Tin a{n}") for n in (1, 2, 3))
    # An offset, no offset (local time) and UTC all land on the right instant.
    assert a1.first_published_at == datetime.datetime(2025, 3, 10, 1, 30, tzinfo=UTC)
    assert a2.first_published_at == a1.first_published_at and a2.kind == "bai"
    assert a3.first_published_at == datetime.datetime(2025, 3, 31, 20, 0, tzinfo=UTC)
    assert a3.get_parent().specific == section("sa-pa")  # the unit's own sub-site
    assert a1.get_parent().specific == section("tuyen-giao-nu-cong")  # its department's column
    assert all(p.live and p.last_published_at == p.first_published_at for p in (a1, a2, a3))
    photo = a1.photos.get()
    assert (photo.caption, photo.credit) == ("Công nhân dự hội nghị", "Ban TG-NC")
    assert list(a1.tags.names()) == ["hội nghị"]
    assert not SyndicationChange.objects.exists()  # not marked for the national feed
    out, _err = run(path)
    assert out.startswith("0 tạo mới, 0 cập nhật, 3 không đổi, 0 bỏ qua")
    assert NewsPage.objects.count() == 3


def test_a_changed_line_updates_its_item_with_a_new_revision(laocai, tmp_path):
    item = legacy_item("b1", "tuyen-giao-nu-cong", "2025-05-01T09:00:00+07:00")
    run(write_jsonl(tmp_path / "v1.jsonl", [item]))
    page = NewsPage.objects.get()
    revisions = page.revisions.count()
    item["title"] = "Tin đã sửa"
    out, _ = run(write_jsonl(tmp_path / "v2.jsonl", [item]))
    assert out.startswith("0 tạo mới, 1 cập nhật")
    page.refresh_from_db()
    assert page.title == "Tin đã sửa" and page.revisions.count() == revisions + 1
    assert page.first_published_at == datetime.datetime(2025, 5, 1, 2, 0, tzinfo=UTC)


def test_a_bad_line_imports_nothing_unless_skipped(laocai, tmp_path):
    items = [
        legacy_item("c1", "tuyen-giao-nu-cong", "2025-05-01T09:00:00"),
        "{not json",
        legacy_item("c3", "khong-co-don-vi", "2025-05-01T09:00:00"),
        legacy_item("c4", "tuyen-giao-nu-cong", "hôm qua"),
        legacy_item("c5", "tuyen-giao-nu-cong", "2025-05-01T09:00:00", kind="video"),
    ]
    path = write_jsonl(tmp_path / "bad.jsonl", items)
    with pytest.raises(CommandError, match="4 dòng lỗi: chưa nhập gì"):
        run(path)
    assert not NewsPage.objects.exists() and not ImportedItem.objects.exists()
    out, err = run(path, "--skip-invalid")
    assert "dòng 2: không phải JSON hợp lệ" in err
    assert "dòng 3: đơn vị không xác định 'khong-co-don-vi'" in err
    assert "dòng 4: published_at: không phải ngày giờ (ISO 8601" in err
    assert "dòng 5: kind: phải là một trong các giá trị tin, bai" in err
    assert out.startswith("1 tạo mới, 0 cập nhật, 0 không đổi, 4 bỏ qua")
    out, _ = run(path, "--dry-run", "--skip-invalid")
    assert "0 tạo mới, 0 cập nhật, 1 không đổi, 4 bỏ qua" in out and "chạy thử" in out


def test_html_is_sanitised_and_marked_items_reach_the_feed(laocai, tmp_path):
    item = legacy_item(
        "d1",
        "tuyen-giao-nu-cong",
        "2025-06-01T09:00:00+07:00",
        body_html='<p onclick="x()">Nội dung <script>alert(1)</script><b>đậm</b></p><iframe src=x>',
        syndicate=True,
    )
    run(write_jsonl(tmp_path / "d.jsonl", [item]))
    page = NewsPage.objects.get()
    html = str(page.body[0].value)
    assert "<b>đậm</b>" in html and "script" not in html and "onclick" not in html
    assert "iframe" not in html
    assert page.send_to_national and SyndicationChange.objects.filter(page_id=page.pk).exists()
    assert Page.objects.get(pk=page.pk).first_published_at.year == 2025
