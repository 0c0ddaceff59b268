"""Editors write news in the Wagtail admin; no photo, no publication (Bình Thuận letter, 5)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from news.models import NewsPage

from ..utils import make_image, news_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    User.objects.create_superuser("admin", "admin@example.vn", "pw")
    client.login(username="admin", password="pw")
    return client


def add_url(column):
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))


def test_publishing_without_a_photo_is_refused_with_a_vietnamese_message(
    admin_client, column, unit
):
    form = news_form(unit, None, "action-publish", photos=[])
    response = admin_client.post(add_url(column), form)
    assert response.status_code == 200
    assert not NewsPage.objects.exists()
    assert "phải có ít nhất một ảnh" in response.content.decode()


def test_publishing_with_a_captioned_photo_goes_live(admin_client, column, unit):
    image = make_image()
    photo = {"image": image.pk, "caption": "Quang cảnh hội nghị", "credit": "Ban Tuyên giáo"}
    form = news_form(unit, None, "action-publish", photos=[photo])
    response = admin_client.post(add_url(column), form)
    assert response.status_code == 302
    page = NewsPage.objects.get()
    assert page.live and page.photos.get().caption == "Quang cảnh hội nghị"


def test_a_photo_without_caption_is_refused(admin_client, column, unit):
    image = make_image()
    photo = {"image": image.pk, "caption": "", "credit": "Ban Tuyên giáo"}
    form = news_form(unit, None, "action-publish", photos=[photo])
    response = admin_client.post(add_url(column), form)
    assert response.status_code == 200
    assert not NewsPage.objects.exists()


def test_tree_rules_keep_news_inside_columns_and_sub_sites(home):
    from home.models import HomePage
    from news.models import TopicColumnPage

    assert NewsPage not in HomePage.allowed_subpage_models()
    assert NewsPage in TopicColumnPage.allowed_subpage_models()
    assert NewsPage.can_create_at(home) is False
