"""The database or Redis stopped: readers of cached pages keep being served, others get a
Vietnamese 503 with Retry-After (the API in plone.restapi's error shape), and the site answers
normally again as soon as the database is back; with Redis stopped the site serves from the
database."""

import socket
import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from ldld_wagtail.backends.cache import TolerantRedisCache

from ..utils import make_news

pytestmark = pytest.mark.django_db


def database_down():
    """Every query fails as it does while PostgreSQL is stopped."""
    error = OperationalError("connection to server at 127.0.0.1, port 5432 failed")
    return mock.patch.multiple(
        CursorWrapper,
        execute=mock.Mock(side_effect=error),
        executemany=mock.Mock(side_effect=error),
    )


def test_readers_get_cached_pages_or_a_vietnamese_503_and_the_site_recovers(column):
    article = make_news(column, "Thông báo khẩn về bão số 3")
    other = make_news(column, "Tin chưa ai đọc")
    reader = Client(raise_request_exception=False)
    cached = reader.get(article.url)
    assert cached.status_code == 200

    with database_down():
        again = reader.get(article.url)
        assert again.status_code == 200 and again.content == cached.content

        page = reader.get(other.url)
        assert page.status_code == 503 and page["Retry-After"] == "30"
        html = page.content.decode()
        assert "Cổng thông tin tạm thời gián đoạn" in html
        assert "không kết nối được cơ sở dữ liệu" in html
        assert "Traceback" not in html and "OperationalError" not in html

        api = reader.get(f"/++api++{other.url}", HTTP_ACCEPT="application/json")
        assert api.status_code == 503 and api["Retry-After"] == "30"
        assert api.json() == {
            "type": "ServiceUnavailable",
            "message": "Cổng thông tin tạm thời không kết nối được cơ sở dữ liệu. "
            "Vui lòng thử lại sau ít phút.",
        }

    assert reader.get(other.url).status_code == 200
    assert reader.get(f"/++api++{other.url}", HTTP_ACCEPT="application/json").status_code == 200


def test_a_listing_a_publish_made_out_of_date_is_served_as_before_while_the_database_is_down(
    column, admin_user
):
    """A publish just before the database stops: the home page and the column cannot be built
    again, so readers get the copy of before, not a 503; after a take-down they get the 503
    rather than a page that still shows the withdrawn item."""
    from ldld_wagtail.takedown import take_down

    first = make_news(column, "Tin trước khi mất điện")
    reader = Client(raise_request_exception=False)
    kept = {url: reader.get(url) for url in ("/", column.url)}
    assert all(r.status_code == 200 and r["X-Cache"] == "MISS" for r in kept.values())

    make_news(column, "Tin đăng ngay trước sự cố")  # renews the listings
    with database_down():
        for url, before in kept.items():
            again = reader.get(url)
            assert again.status_code == 200 and again["X-Cache"] == "STALE", url
            assert again.content == before.content

    take_down(first, admin_user, "accuracy", "Sai số liệu")
    with database_down():
        for url in kept:
            assert reader.get(url).status_code == 503, url
    assert "Tin trước khi mất điện" not in reader.get("/").content.decode()


def test_a_deep_page_is_served_as_before_while_the_database_is_down_unless_its_items_changed(
    column, admin_user, monkeypatch
):
    """A deep page out of its time after a publish is served as it was while it cannot be
    built again; once one of the items it shows is taken down, it is not."""
    from ldld_wagtail import cache as page_cache
    from ldld_wagtail.takedown import take_down

    items = [make_news(column, f"Tin cũ số {n}") for n in range(12)]  # 10 a page
    deep = f"{column.url}?page=2"
    reader = Client(raise_request_exception=False)
    built = reader.get(deep)
    assert built["X-Cache"] == "MISS" and "Tin cũ số 0" in built.content.decode()

    make_news(column, "Tin mới đăng")
    monkeypatch.setattr(page_cache, "SOFT_SECONDS", 0)  # its time is up: to be built again
    with database_down():
        again = reader.get(deep)
    assert again.status_code == 200 and again["X-Cache"] == "STALE"
    assert again.content == built.content

    take_down(items[0], admin_user, "accuracy", "Sai số liệu")
    with database_down():
        assert reader.get(deep).status_code == 503


def test_other_server_errors_stay_500(column, settings):
    reader = Client(raise_request_exception=False)
    with mock.patch.object(CursorWrapper, "execute", side_effect=RuntimeError("bug")):
        response = reader.get("/tim-kiem/?q=bao")
    assert response.status_code == 500
    assert "Retry-After" not in response


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_a_stopped_redis_reads_as_an_empty_cache_fast():
    cache = TolerantRedisCache(
        f"redis://127.0.0.1:{closed_port()}/0",
        {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}},
    )
    started = time.monotonic()
    assert cache.get("x", "mặc định") == "mặc định"
    assert cache.set("x", 1) is None and cache.add("x", 1) is False
    assert cache.get_many(["x", "y"]) == {} and cache.incr("dem") == 1
    assert cache.delete("x") is False and cache.has_key("x") is False
    assert time.monotonic() - started < 1


def test_the_site_serves_with_redis_stopped(column, settings):
    article = make_news(column, "Tin đọc khi Redis dừng")
    settings.CACHES = {
        "default": {
            "BACKEND": "ldld_wagtail.backends.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    reader = Client(raise_request_exception=False)
    for url in ("/", column.url, article.url, "/tim-kiem/?q=redis"):
        assert reader.get(url).status_code == 200, url
    api = reader.get(f"/++api++{article.url}", HTTP_ACCEPT="application/json")
    assert api.status_code == 200 and api.json()["title"] == "Tin đọc khi Redis dừng"


def test_a_stopped_redis_leaves_another_redis_cache_alone():
    """The pause after a failure is the stopped server's: a cache on another server (the
    site's own) goes on being used."""
    stopped = TolerantRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {})
    assert stopped.get("x") is None
    other = TolerantRedisCache(f"redis://127.0.0.1:{closed_port()}/1", {})
    assert other._down_until == 0.0 and stopped._down_until > 0


def test_when_redis_answers_again_the_cached_pages_of_before_are_dropped(monkeypatch):
    """What was written while Redis did not answer (a take-down's new page-cache token) is
    lost, and a Redis that keeps its data comes back with the pages of before: the first call
    it answers again renews the generation, once."""
    from redis.exceptions import TimeoutError as RedisTimeoutError

    from ldld_wagtail.backends import cache as tolerant
    from ldld_wagtail.cache import current_generation

    monkeypatch.setattr(tolerant, "PAUSE", 0.0)
    stalled = {"now": True}

    class Server:
        """Django's client of one Redis server, stalled, then answering again."""

        def get(self, key, default=None):
            if stalled["now"]:
                raise RedisTimeoutError("Timeout reading from 127.0.0.1:6379")
            return "giá trị"

    redis = TolerantRedisCache("redis://127.0.0.1:6379/9", {})
    redis._cache = Server()  # the client Django's RedisCache calls
    before = current_generation(fresh=True)
    assert redis.get("x") is None and redis.get("x") is None
    assert current_generation(fresh=True) == before  # nothing to renew while it is away
    stalled["now"] = False
    assert redis.get("x") == "giá trị"
    renewed = current_generation(fresh=True)
    assert renewed != before
    assert redis.get("x") == "giá trị" and current_generation(fresh=True) == renewed


def test_an_outage_logs_a_line_every_few_seconds_not_a_traceback_a_request(column):
    """Readers during a stop each get a 503; the log gets the first error with its traceback,
    then one line every few seconds with how many were left out."""
    import io
    import logging

    from ldld_wagtail.outage import OutageLogFilter

    handler, found = next(
        (h, f)
        for h in logging.getLogger().handlers
        for f in h.filters
        if isinstance(f, OutageLogFilter)
    )
    found._shown = found._traceback = float("-inf")
    found._left_out = 0
    pages = [make_news(column, f"Tin số {n}") for n in range(3)]
    reader = Client(raise_request_exception=False)
    log = io.StringIO()
    before = handler.setStream(log)
    try:
        with database_down():
            for _ in range(10):
                for page in pages:
                    assert reader.get(page.url).status_code == 503
                    api = reader.get(f"/++api++{page.url}", HTTP_ACCEPT="application/json")
                    assert api.status_code == 503
        logging.getLogger("django.request").error("Internal Server Error: /khac/")
    finally:
        handler.setStream(before)
    text = log.getvalue()
    assert text.count("Traceback") == 1 and "OperationalError" in text
    assert text.count("Service Unavailable: ") == 1  # 60 requests, one line
    assert "Internal Server Error: /khac/" in text  # other errors pass untouched
