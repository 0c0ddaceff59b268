"""A withdrawn item's own photos and files leave public storage with it, and come back.

Media files are served by the web server (or object storage) straight from the default
storage, so "the URL answers" is "the file is in the default storage under that name";
Wagtail's document view and signed image view are asked through the client.
"""

import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from wagtail.models import PageViewRestriction

from ldld_wagtail.withhold import withheld_storage

from ..utils import make_document, make_image, make_news

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def media_answers(url: str) -> bool:
    """What the web server answers for a /media/ URL: the file is in public storage."""
    from django.conf import settings

    assert url.startswith(settings.MEDIA_URL), url
    return default_storage.exists(url[len(settings.MEDIA_URL) :])


def photo_urls(html: str) -> list[str]:
    return sorted(set(re.findall(r'(/media/images/[^"\s]+)', html)))


@pytest.fixture
def item(column):
    photo = make_image("Ảnh riêng tư")
    page = make_news(column, "Bài có ảnh riêng tư", image=photo)
    return page, photo


def take_down(admin_client, page):
    url = reverse("ldld_take_down", args=[page.pk])
    response = admin_client.post(url, {"category": "rights", "reason": "Quyền riêng tư"})
    assert response.status_code == 302


def test_take_down_withholds_the_photos_a_reader_saw_and_restore_brings_them_back(
    client, admin_client, item, django_capture_on_commit_callbacks
):
    page, photo = item
    html = client.get(page.url).content.decode()
    seen = photo_urls(html) + [photo.file.url]
    assert len(seen) >= 2 and all(media_answers(u) for u in seen)

    with django_capture_on_commit_callbacks(execute=True):
        take_down(admin_client, page)
    assert client.get(page.url).status_code == 404
    assert not any(media_answers(u) for u in seen)
    assert all(withheld_storage.exists(u[len("/media/") :]) for u in seen)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("ldld_restore", args=[page.pk]))
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200
    assert all(media_answers(u) for u in seen)


def test_a_photo_another_live_page_uses_stays_public(
    client, admin_client, column, django_capture_on_commit_callbacks
):
    shared = make_image("Ảnh dùng chung")
    first = make_news(column, "Tin thứ nhất", image=shared)
    make_news(column, "Tin thứ hai", image=shared)
    with django_capture_on_commit_callbacks(execute=True):
        take_down(admin_client, first)
    assert media_answers(shared.file.url)


def test_unpublish_withholds_and_republish_releases(item, django_capture_on_commit_callbacks):
    page, photo = item
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not media_answers(photo.file.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert media_answers(photo.file.url)


def test_view_restriction_withholds_and_lifting_it_releases(
    item, django_capture_on_commit_callbacks
):
    page, photo = item
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    assert not media_answers(photo.file.url)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert media_answers(photo.file.url)


def test_signed_image_urls_refuse_a_withheld_photo(
    client, admin_client, item, django_capture_on_commit_callbacks
):
    from wagtail.images.views.serve import generate_image_url

    page, photo = item
    url = generate_image_url(photo, "width-400")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        take_down(admin_client, page)
    assert client.get(url).status_code == 404


def test_a_withdrawn_items_document_answers_404_to_readers_and_opens_for_editors(
    client, admin_client, column, django_capture_on_commit_callbacks
):
    document = make_document("Phụ lục riêng")
    page = make_news(column, "Tin có tệp đính kèm")
    page.body = [
        ("paragraph", "<p>Nội dung</p>"),
        ("document", {"document": document, "title": "Phụ lục"}),
    ]
    page.save_revision().publish()
    assert client.get(document.url).status_code == 200
    assert media_answers(document.file.url)

    with django_capture_on_commit_callbacks(execute=True):
        take_down(admin_client, page)
    assert client.get(document.url).status_code == 404
    assert not media_answers(document.file.url)
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("ldld_restore", args=[page.pk]))
    assert client.get(document.url).status_code == 200
