"""Readers cannot grow the shared cache: every key expires, and keys are built only from what
the site's views recognise (issue: cache keys keyed by what a reader types)."""

import pytest

from ..utils import make_news, shared_cache_keys

pytestmark = pytest.mark.django_db

HOSTILE = [
    "/?x={n}",
    "/?utm_source=a{n}&page=1",
    "/tuyen-giao-nu-cong/?page=1&junk={n}",
    "/tuyen-giao-nu-cong/?page={n}0000",
    "/tim-kiem/?q=cong+doan+{n}",
    "/tim-kiem/?q=t%E1%BB%AB{n}&page=2",
]


@pytest.fixture
def site(column):
    for n in range(3):
        make_news(column, f"Tin công đoàn số {n}")
    return column


def test_thousands_of_distinct_query_strings_leave_the_shared_cache_as_it_was(client, site):
    # Warm up: what a reader reaching the site by its links caches.
    for url in ("/", "/tuyen-giao-nu-cong/", "/tuyen-giao-nu-cong/?page=1", "/tim-kiem/?q=x"):
        assert client.get(url).status_code in (200, 404)
    before = shared_cache_keys()
    for n in range(300):
        for pattern in HOSTILE:
            client.get(pattern.format(n=n))
    after = shared_cache_keys()
    # No key that never expires but the generation token itself.
    assert [k for k, ttl in after.items() if ttl is None and "generation" not in str(k)] == []
    # And the number of keys did not follow the number of distinct query strings.
    assert len(after) - len(before) <= 10, sorted(map(str, set(after) - set(before)))[:20]


def test_pages_reached_by_links_are_still_cached(client, site):
    assert client.get("/tuyen-giao-nu-cong/").headers.get("X-Cache") == "MISS"
    assert client.get("/tuyen-giao-nu-cong/").headers.get("X-Cache") == "HIT"
    assert client.get("/tuyen-giao-nu-cong/?page=1").headers.get("X-Cache") == "MISS"
    assert client.get("/tuyen-giao-nu-cong/?page=1").headers.get("X-Cache") == "HIT"
    # A page with an unknown parameter is served, never from or into the shared cache (only
    # this process's bounded memory of answers to queries).
    response = client.get("/tuyen-giao-nu-cong/?fbclid=abc")
    assert response.status_code == 200 and response.headers.get("X-Cache") != "HIT"
    assert not [k for k in shared_cache_keys() if "fbclid" in str(k)]
