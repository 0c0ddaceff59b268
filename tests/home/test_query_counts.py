"""Page renders cost a fixed number of queries, whatever the number of items (cache off)."""

import datetime

import pytest
from django.utils import timezone

from ..utils import make_image, make_news

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_page_cache"),
    pytest.mark.fast_paths,
]


def fill(column, count, image):
    start = timezone.now() - datetime.timedelta(days=count)
    for i in range(count):
        make_news(
            column,
            f"Tin số {i}",
            image=image,
            published_at=start + datetime.timedelta(days=i),
            featured=i % 3 == 0,
        )


@pytest.mark.parametrize("count", [10, 50])
def test_column_listing_queries_do_not_grow(client, column, django_assert_max_num_queries, count):
    fill(column, count, make_image())
    client.get(column.url)  # renditions are created on the first view
    with django_assert_max_num_queries(10):
        response = client.get(column.url)
    assert response.status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"{column.url}?page=2").status_code in (200, 404)


@pytest.mark.parametrize("count", [10, 50])
def test_home_queries_do_not_grow(client, home, column, django_assert_max_num_queries, count):
    fill(column, count, make_image())
    client.get("/")
    with django_assert_max_num_queries(15):
        assert client.get("/").status_code == 200


def test_article_queries(client, column, django_assert_max_num_queries):
    page = make_news(column, "Bài viết")
    client.get(page.url)
    with django_assert_max_num_queries(10):
        assert client.get(page.url).status_code == 200


def test_search_queries(client, column, django_assert_max_num_queries):
    fill(column, 12, make_image())
    client.get("/tim-kiem/?q=cong")  # the layout's home and menu are cached after this
    with django_assert_max_num_queries(3):
        response = client.get("/tim-kiem/?q=tin+so")
    assert response.status_code == 200
