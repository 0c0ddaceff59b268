"""Fixtures of the plugin's report tests: October 2026 in Lào Cai, with rates entered."""

import datetime
import io

import pytest
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.models import Page

from ldld_wagtail.models import RoyaltyFee, RoyaltyRate
from ldld_wagtail.takedown import take_down

from ..utils import legacy_item, write_jsonl


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
