"""Fixtures of the plugin's tests: October 2026 in Lào Cai with rates entered (the reports), a
media folder of the test's own (uploads)."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.models import Page

from ldld_wagtail.models import RoyaltyFee, RoyaltyRate, Unit
from ldld_wagtail.takedown import take_down

from ..utils import legacy_item, make_image, section, write_jsonl


def rates(tin=100_000, new_tin=120_000, changed_on=datetime.date(2026, 10, 15)):
    """Amounts entered as the admin would; the news-item rate changes in the middle of October."""
    amounts = {"bai": 300_000, "anh": 50_000, "anh-noi-bat": 80_000, "video": 500_000}
    for kind, amount in amounts.items():
        RoyaltyRate.objects.filter(kind=kind).update(amount=amount)
    old = RoyaltyRate.objects.get(kind="tin")
    old.amount, old.valid_until = tin, changed_on - datetime.timedelta(days=1)
    old.save()
    RoyaltyRate.objects.create(
        kind="tin", amount=new_tin, decision="15/QĐ-LĐLĐ ngày 10/10/2026", valid_from=changed_on
    )
    RoyaltyFee.objects.update(amount=1_000_000)


@pytest.fixture
def october(laocai, tmp_path):
    rates()
    PILImage.new("RGB", (80, 60), (10, 120, 30)).save(tmp_path / "anh.jpg")
    photo = {"path": "anh.jpg", "caption": "Công nhân dự hội nghị", "credit": "Trần Thị Bình"}
    items = [
        # before the change: 100.000 shared by three, the remainder's đồng to the first-named
        legacy_item(
            "a",
            "tuyen-giao-nu-cong",
            "2026-10-03T09:00",
            authors=["Nguyễn Văn An", "Trần Thị Bình", "Lê Cường"],
        ),
        # after the change: 120.000
        legacy_item("b", "Ban Tuyen giao - Nu cong", "2026-10-20T09:00", authors=["Nguyễn Văn An"]),
        # 23:30 on 31/10 in Lào Cai: October; an article with a photo (Lào Cai pays photos)
        legacy_item(
            "c",
            "cspl-qhld",
            "2026-10-31T23:30:00+07:00",
            kind="bai",
            authors=["Trần Thị Bình"],
            images=[photo],
        ),
        # 17:30 UTC on 31/10 is 00:30 on 1/11 in Lào Cai: November
        legacy_item("d", "cspl-qhld", "2026-10-31T17:30:00Z"),
        # taken down before the month is closed
        legacy_item("e", "cspl-qhld", "2026-10-05T10:00"),
        # September
        legacy_item("f", "cspl-qhld", "2026-09-30T16:00"),
    ]
    call_command("import_content", write_jsonl(tmp_path / "m.jsonl", items), stdout=io.StringIO())
    take_down(Page.objects.get(title="Tin e"), None, "quality", "Trùng lặp")
    return laocai


def backdate(page, when):
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)


@pytest.fixture
def media(october):
    """A featured-photo set from the Office and a video from Tuyên giáo, both in October."""
    when = datetime.datetime(2026, 10, 25, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    from news.models import GalleryPage, GalleryPhoto, VideoPage

    gallery = GalleryPage(
        title="Ảnh nổi bật tháng 10 - Văn phòng",
        month=datetime.date(2026, 10, 1),
        unit=Unit.objects.get(code="van-phong"),
    )
    gallery.photos = [
        GalleryPhoto(image=make_image(), caption=f"Hội nghị {n}", credit="Văn phòng")
        for n in range(3)
    ]
    section("hinh-anh").add_child(instance=gallery)
    gallery.save_revision().publish()
    backdate(gallery, when)
    video = VideoPage(
        title="Video tháng 10",
        month=datetime.date(2026, 10, 1),
        description="Chuyên mục Công đoàn tháng 10.",
        video_url="https://example.vn/v.mp4",
        unit=Unit.objects.get(code="tuyen-giao-nu-cong"),
        authors="Lò Văn Tiến",
    )
    section("video").add_child(instance=video)
    video.save_revision().publish()
    backdate(video, when)
    return october


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of this test's own: what an upload leaves there can be listed."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"
