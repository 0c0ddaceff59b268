import pytest
from django.contrib.auth.models import User

from ..utils import make_news

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_cached_and_publishing_invalidates(client, column):
    first = client.get(column.url)
    assert first["X-Cache"] == "MISS"
    again = client.get(column.url)
    assert again["X-Cache"] == "HIT"
    assert again.content == first.content

    make_news(column, "Tin mới vừa xuất bản")
    fresh = client.get(column.url)
    assert fresh["X-Cache"] == "MISS"
    assert "Tin mới vừa xuất bản" in fresh.content.decode()


def test_unpublish_invalidates(client, column):
    page = make_news(column, "Tin sắp gỡ")
    assert "Tin sắp gỡ" in client.get(column.url).content.decode()
    page.unpublish()
    assert "Tin sắp gỡ" not in client.get(column.url).content.decode()


def test_logged_in_editors_never_get_cached_pages(client, column):
    client.get(column.url)
    assert client.get(column.url)["X-Cache"] == "HIT"
    User.objects.create_user("editor", password="pw")
    client.login(username="editor", password="pw")
    response = client.get(column.url)
    assert "X-Cache" not in response


def test_errors_and_admin_are_not_cached(client, home):
    assert client.get("/khong-co-trang-nay/").status_code == 404
    assert "X-Cache" not in client.get("/khong-co-trang-nay/")
    assert "X-Cache" not in client.get("/admin/login/")
