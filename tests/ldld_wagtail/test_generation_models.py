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
def test_changing_or_deleting_an_image_or_document_renews_the_generation(make):
    before = current_generation()
    obj = make()
    assert current_generation() == before  # new: on no public page yet
    obj.title = "Đã sửa"
    obj.save()
    assert current_generation() != before
    before = current_generation()
    obj.delete()
    assert current_generation() != before


def test_a_draft_with_a_new_photo_leaves_cached_pages_alone(client, laocai):
    """A new photo is on no public page yet: writing a draft with it keeps every cached page
    (the editorial chain would otherwise empty the cache at each upload)."""
    from ..utils import call, column_url, login, news_body

    ctv = login(client, "ctv-tuyengiao")
    before = current_generation()
    created = call(client, "post", column_url(), ctv, news_body(title="Bản nháp có ảnh"))
    assert created.status_code == 201
    assert current_generation() == before
