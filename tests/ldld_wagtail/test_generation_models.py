"""Changing what a public page shows besides pages (a banner, a unit's name, an image, a
document, the site) renews the page-cache generation: readers see the change at once."""

import datetime

import pytest
from django.utils import timezone

from home.models import Banner
from ldld_wagtail.cache import GENERATION_MODELS, current_generation

from ..utils import make_document, make_image, make_news

pytestmark = pytest.mark.django_db


def test_the_registry_holds_what_pages_show():
    names = {model._meta.label for model in GENERATION_MODELS}
    assert {
        "wagtailcore.Site",
        "ldld.Unit",
        "ldld.UnitFormerName",
        "wagtailimages.Image",
        "wagtaildocs.Document",
        "home.Banner",
    } <= names


def test_a_renamed_unit_shows_at_once_on_cached_pages(client, column, unit):
    make_news(column, "Tin của ban", unit=unit)
    assert unit.name in client.get(column.url).content.decode()
    assert client.get(column.url).headers["X-Cache"] == "HIT"
    unit.name = "Ban Tuyên giáo mới"
    unit.save()
    assert "Ban Tuyên giáo mới" in client.get(column.url).content.decode()


def test_a_changed_banner_shows_at_once(client, home):
    now = timezone.now()
    banner = Banner.objects.create(
        title="Tháng Công nhân",
        image=make_image(),
        alt_text="Hưởng ứng Tháng Công nhân",
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=10),
    )
    assert "Hưởng ứng Tháng Công nhân" in client.get("/").content.decode()
    banner.alt_text = "Tháng Công nhân năm 2027"
    banner.save()
    assert "Tháng Công nhân năm 2027" in client.get("/").content.decode()
    banner.delete()
    assert "Tháng Công nhân năm 2027" not in client.get("/").content.decode()


@pytest.mark.parametrize("make", [make_image, make_document])
def test_saving_or_deleting_an_image_or_document_renews_the_generation(make):
    before = current_generation()
    obj = make()
    assert current_generation() != before
    before = current_generation()
    obj.title = "Tiêu đề mới"
    obj.save()
    assert current_generation() != before
    before = current_generation()
    obj.delete()
    assert current_generation() != before


def test_a_former_unit_name_renews_the_generation(unit):
    from ldld_wagtail.models import UnitFormerName

    before = current_generation()
    UnitFormerName.objects.create(unit=unit, name="Ban Tuyên giáo", used_until="2020-01-01")
    assert current_generation() != before
