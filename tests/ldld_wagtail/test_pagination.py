"""Links between the pages of a listing (`{% pagination %}`)."""

import pytest

from news.models import TopicColumnPage

from ..utils import make_news

pytestmark = pytest.mark.django_db


def test_pages_link_to_each_other_keeping_the_query(client, column, monkeypatch, no_page_cache):
    monkeypatch.setattr(TopicColumnPage, "listing_per_page", 2)
    for i in range(9):
        make_news(column, f"Tin số {i}")
    html = client.get(column.url, {"page": 3, "chu-de": "a&b"}).content.decode()
    start = html.index('<nav class="pagination')
    nav = html[start : html.index("</nav>", start)]
    assert 'href="?page=2&amp;chu-de=a%26b" rel="prev"' in nav
    assert 'href="?page=4&amp;chu-de=a%26b" rel="next"' in nav
    assert '<span aria-current="page"><span class="visually-hidden">Trang </span>3</span>' in nav
    assert 'href="?page=1&amp;chu-de=a%26b"' in nav and 'href="?page=5&amp;chu-de=a%26b"' in nav
    assert '<p class="meta status">Trang 3/5</p>' in nav
    # One page: no links at all.
    monkeypatch.setattr(TopicColumnPage, "listing_per_page", 20)
    assert '<nav class="pagination' not in client.get(column.url).content.decode()
