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


def render_pagination(items, request=None):
    from django.template import Context, Template

    context = {"items": items} if request is None else {"items": items, "request": request}
    return Template("{% load ldld_tags %}{% pagination items %}").render(Context(context))


def test_the_links_byte_for_byte_from_the_template(rf):
    """The HTML the tag gave when it was written in Python, gaps and query string included."""
    from django.core.paginator import Paginator

    page = Paginator(range(100), 2).page(25)
    html = render_pagination(page, rf.get("/x/", {"chu-de": "a&b", "page": "25"}))

    def link(n):
        return (
            f'\n      <li><a href="?chu-de=a%26b&amp;page={n}"><span class="visually-hidden">'
            f"Trang </span>{n}</a></li>\n    "
        )

    gap = '\n      <li><span class="gap" aria-hidden="true">…</span></li>\n      \n    '
    assert html == (
        '\n<nav class="pagination no-print" aria-label="Trang">\n  <ul>\n    '
        '<li><a href="?chu-de=a%26b&amp;page=24" rel="prev">‹ <span>Trước</span></a></li>\n    '
        + link(1)
        + gap
        + link(23)
        + link(24)
        + '\n      <li><span aria-current="page"><span class="visually-hidden">Trang </span>25'
        "</span></li>\n      \n    "
        + link(26)
        + link(27)
        + gap
        + link(50)
        + '\n    <li><a href="?chu-de=a%26b&amp;page=26" rel="next"><span>Sau</span> ›</a></li>'
        '\n  </ul>\n  <p class="meta status">Trang 25/50</p>\n</nav>\n\n'
    )
    # Without a request the links carry the page number alone; one page gives no links.
    assert 'href="?page=2" rel="next"' in render_pagination(Paginator(range(10), 2).page(1))
    assert render_pagination(Paginator(range(2), 2).page(1)) == "\n"
