"""A draft, an unpublished or a private page never reaches an anonymous reader, by any door."""

import pytest
from wagtail.models import PageViewRestriction

from ..utils import make_news

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

DRAFT = "Bản nháp bí mật công đoàn"
GONE = "Tin đã gỡ công đoàn"
PRIVATE = "Tin nội bộ công đoàn"
LIVE = "Tin công khai công đoàn"


@pytest.fixture
def pages(column):
    make_news(column, DRAFT, live=False)
    make_news(column, GONE).unpublish()
    private = make_news(column, PRIVATE)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return make_news(column, LIVE)


def assert_only_live(text):
    assert LIVE in text
    for hidden in (DRAFT, GONE, PRIVATE):
        assert hidden not in text


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "COLUMN",
        "COLUMN?page=1",
        "/tim-kiem/?q=cong+doan",
        "/rss.xml",
        "/atom.xml",
        "COLUMNrss/",
        "COLUMNatom/",
    ],
)
def test_listings_search_and_feeds_show_only_live_public_pages(client, pages, column, url):
    response = client.get(url.replace("COLUMN", column.url))
    assert response.status_code == 200
    assert_only_live(response.content.decode())


def test_sitemap_lists_only_live_public_pages(client, pages, column):
    text = client.get("/sitemap.xml").content.decode()
    assert pages.url in text
    for slug in ("ban-nhap-bi-mat-cong-doan", "tin-da-go-cong-doan", "tin-noi-bo-cong-doan"):
        assert slug not in text


def test_draft_and_unpublished_urls_answer_404(client, pages, column):
    for slug in ("ban-nhap-bi-mat-cong-doan", "tin-da-go-cong-doan"):
        assert client.get(f"{column.url}{slug}/").status_code == 404


def test_private_page_asks_for_login(client, pages, column):
    response = client.get(f"{column.url}tin-noi-bo-cong-doan/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "_util/authenticate" in response["Location"]


def test_robots_and_feed_links(client, column):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "sitemap.xml" in robots
    html = client.get(column.url).content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/rss.xml"' in html
    assert f'href="{column.url}rss/"' in html
