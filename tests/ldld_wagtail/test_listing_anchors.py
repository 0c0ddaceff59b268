"""Deep pages of a listing start from a remembered entry (`listing.window_ids`): every page
holds what `OFFSET` would give, in the same order, through ties, undated entries and
publishing, and no page skips more than ANCHOR_STEP entries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from ldld_wagtail import listing
from news.models import NewsPage, TopicColumnPage

from ..utils import make_news

pytestmark = pytest.mark.django_db

STEP = 3
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def items(column, monkeypatch, no_page_cache):
    """13 items: publication times with ties, two undated, published in another order."""
    monkeypatch.setattr(listing, "ANCHOR_STEP", STEP)
    day = timezone.make_aware(datetime.datetime(2026, 5, 1, 8, 0))
    offsets = [3, 1, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    for i, days in enumerate(offsets):
        make_news(column, f"Tin số {i}", published_at=day + datetime.timedelta(days=days))
    undated = [make_news(column, f"Tin không ngày {i}") for i in range(2)]
    Page.objects.filter(pk__in=[p.pk for p in undated]).update(first_published_at=None)
    make_news(column, "Tin mới nhất")  # a publish: what was remembered is renewed
    return column


def expected(descending):
    rows = list(NewsPage.objects.live().values_list("first_published_at", "pk", "title"))
    dated = sorted([r for r in rows if r[0]], reverse=descending)
    undated = sorted([r for r in rows if not r[0]], key=lambda r: r[1], reverse=descending)
    return [r[2] for r in (dated + undated if descending else undated + dated)]


def offsets(queries):
    sql = " ".join(q["sql"] for q in queries)
    return [int(n) for n in re.findall(r"OFFSET (\d+)", sql)]


@pytest.mark.parametrize("order", ["descending", "ascending"])
@pytest.mark.parametrize("size", [2, 4, 5])
def test_api_batches_match_the_full_order(client, items, order, size):
    url = f"/++api++/@search?portal_type=NewsPage&sort_on=effective&sort_order={order}"
    titles = []
    for start in range(0, 14, size):
        client.get(f"{url}&b_size={size}&b_start={start}", **JSON)  # anchors computed
        with CaptureQueriesContext(connection) as queries:
            data = client.get(f"{url}&b_size={size}&b_start={start}", **JSON).json()
        assert data["items_total"] == 14
        titles += [item["title"] for item in data["items"]]
        # Newest first, a batch reaching the two undated entries (they come last) is found by
        # its offset: an entry without a date cannot be found by its date.
        if order == "ascending" or start + size <= 12:
            assert all(n < STEP for n in offsets(queries)), (start, offsets(queries))
    assert titles == expected(order == "descending")


def test_the_column_pages_match_the_full_order(client, items, monkeypatch):
    monkeypatch.setattr(TopicColumnPage, "listing_per_page", 2)
    titles = []
    for number in range(1, 8):
        response = client.get(f"{items.url}?page={number}")
        assert response.status_code == 200
        titles += [page.title for page in response.context["items"].object_list]
    assert titles == expected(descending=True)


def test_a_publish_renews_the_anchors(client, items):
    url = "/++api++/@search?portal_type=NewsPage&sort_on=effective&sort_order=descending"
    before = client.get(f"{url}&b_size=2&b_start=6", **JSON).json()["items"]
    newest = make_news(items, "Tin vừa đăng")
    after = client.get(f"{url}&b_size=2&b_start=7", **JSON).json()["items"]
    assert [i["title"] for i in after] == [i["title"] for i in before]
    assert expected(descending=True)[0] == newest.title
