import pytest
from django.contrib.auth.models import User

from ..utils import make_news, shared_cache_keys

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


def test_readers_share_the_live_page_until_the_next_publish(client, column, no_page_cache):
    """Without the page cache, readers still get each live page from one read per
    generation: a publish shows at once, and what a request sets on its page stays there."""
    item = make_news(column, "Tin đầu tiên", lead="Sapo cũ")
    assert "Sapo cũ" in client.get(item.url).content.decode()
    served = client.get(item.url).context["page"]
    served.title = "Đổi trong một yêu cầu"  # a copy: the next request does not see it
    assert "Đổi trong một yêu cầu" not in client.get(item.url).content.decode()

    item.lead = "Sapo mới"
    item.save_revision().publish()
    assert "Sapo mới" in client.get(item.url).content.decode()


@pytest.mark.fast_paths
def test_editors_read_the_page_row(client, column, no_page_cache):
    from news.models import NewsPage

    item = make_news(column, "Tin của biên tập viên")
    client.get(item.url)  # kept for readers
    # A change that renews nothing (no publish): editors see it, readers see the kept page.
    NewsPage.objects.filter(pk=item.pk).update(lead="Sửa thẳng vào hàng")
    User.objects.create_user("editor", password="pw")
    assert "Sửa thẳng vào hàng" not in client.get(item.url).content.decode()
    client.login(username="editor", password="pw")
    assert "Sửa thẳng vào hàng" in client.get(item.url).content.decode()


def test_a_change_made_by_another_process_is_seen_at_once(client, column):
    """Several app processes: one takes an item down (a new token in the store they share:
    Redis, or the token file when each has its own cache); the others' very next answer is not
    the cached page, even though they read the token a moment ago."""
    import time

    from ldld_wagtail import cache as page_cache

    page = make_news(column, "Tin bị gỡ ở tiến trình khác")
    assert client.get(page.url)["X-Cache"] == "MISS"
    assert client.get(page.url)["X-Cache"] == "HIT"
    seen = page_cache.current_generation()
    # Another process: the item is taken down there, its token written to the shared store.
    page.unpublish()
    page_cache._local.update(token=seen, checked=time.monotonic())  # this one read it just now
    gone = client.get(page.url)
    assert gone.status_code == 404 and gone.get("X-Cache") != "HIT"


def test_a_crowd_on_a_missing_page_builds_it_once(settings):
    """After a publish empties the cache, 8 readers asking for the home page at the same moment
    get one build between them: the first builds, the others wait for its copy."""
    import threading
    import time

    from django.http import HttpResponse
    from django.test import RequestFactory

    from ldld_wagtail.cache import AnonymousPageCacheMiddleware, invalidate_pages

    builds = []

    def home(request):
        builds.append(threading.get_ident())
        time.sleep(0.3)  # a home page rebuilt after a publish
        return HttpResponse("<h1>Trang chủ</h1>")

    middleware = AnonymousPageCacheMiddleware(home)
    invalidate_pages()
    answers, start = [], threading.Barrier(8)

    def reader():
        start.wait()
        answers.append(middleware(RequestFactory().get("/")))

    readers = [threading.Thread(target=reader) for _ in range(8)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    assert len(builds) == 1
    assert sorted(a["X-Cache"] for a in answers) == ["HIT"] * 7 + ["MISS"]
    assert {a.content for a in answers} == {"<h1>Trang chủ</h1>".encode()}


def test_readers_waiting_for_a_build_that_keeps_nothing_build_it_themselves():
    """A page not to keep (an error, a page that sets a cookie): the waiters do not hang on
    it, each builds its own answer as soon as the first is done."""
    import threading
    import time

    from django.http import HttpResponse
    from django.test import RequestFactory

    from ldld_wagtail.cache import AnonymousPageCacheMiddleware, invalidate_pages

    builds = []

    def busy(request):
        builds.append(1)
        time.sleep(0.2)
        return HttpResponse("bận", status=503)

    middleware = AnonymousPageCacheMiddleware(busy)
    invalidate_pages()
    answers, start = [], threading.Barrier(4)

    def reader():
        start.wait()
        answers.append(middleware(RequestFactory().get("/tin-tuc/")))

    readers = [threading.Thread(target=reader) for _ in range(4)]
    began = time.monotonic()
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    assert len(builds) == 4 and {a.status_code for a in answers} == {503}
    assert time.monotonic() - began < 1.5


def test_the_api_content_of_a_page_is_kept_for_anonymous_callers(client, column):
    """A page's content through the API is the same for every anonymous caller: kept as the
    page is, dropped at the next change (a take-down answers 404 at once), never for a
    caller who logs in, and never for the API's endpoints or a query."""
    item = make_news(column, "Tin đọc qua API")
    url = f"/++api++{item.url}"
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    again = client.get(url, HTTP_ACCEPT="application/json")
    assert again["X-Cache"] == "HIT" and again.content == first.content
    assert again["Content-Type"].startswith("application/json")
    # The copy answers a conditional read as the view does.
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304

    client.get(f"{url}?expand=breadcrumbs")  # a query: in this process only, if at all
    assert not [k for k in shared_cache_keys() if "expand" in str(k)]
    assert "X-Cache" not in client.get(f"{url}/@breadcrumbs")
    assert "X-Cache" not in client.get(url, HTTP_AUTHORIZATION="Bearer x")

    item.unpublish()
    assert client.get(url).status_code in (401, 404)


def test_answers_to_what_readers_type_are_kept_in_memory_within_bounds(client, column, monkeypatch):
    """A search (the page, or `@search` through the API) asked again by anonymous readers is
    answered from this process's memory, until the next change (a take-down is gone at once);
    no sequence of different searches keeps more than `MEMO_ANSWERS` answers."""
    from ldld_wagtail import cache as page_cache

    item = make_news(column, "Hội nghị người lao động tỉnh")
    search = "/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B"
    first = client.get(search)
    assert first["X-Cache"] == "MISS" and "Hội nghị người lao động tỉnh" in first.content.decode()
    again = client.get(search)
    assert again["X-Cache"] == "HIT" and again.content == first.content
    api = "/++api++/@search?SearchableText=hoi+nghi"
    assert client.get(api)["X-Cache"] == "MISS"
    found = client.get(api)
    assert found["X-Cache"] == "HIT" and found.json()["items_total"] == 1
    # Never the shared cache: only this process holds them.
    assert not [k for k in shared_cache_keys() if "tim-kiem" in str(k) or "@search" in str(k)]

    item.unpublish()
    assert "Hội nghị người lao động tỉnh" not in client.get(search).content.decode()
    assert client.get(api).json()["items_total"] == 0

    # Logged-in callers and API keys never get or leave a kept answer.
    assert "X-Cache" not in client.get(api, HTTP_AUTHORIZATION="Bearer x")

    monkeypatch.setattr(page_cache, "MEMO_ANSWERS", 5)
    for n in range(12):
        client.get(f"/tim-kiem/?q=tu-khoa-{n}")
    assert len(page_cache._answers.entries) == 5
    assert client.get("/tim-kiem/?q=tu-khoa-11")["X-Cache"] == "HIT"
    assert client.get("/tim-kiem/?q=tu-khoa-0")["X-Cache"] == "MISS"  # dropped first


def test_another_items_take_down_or_publish_keeps_an_articles_copy(client, column, admin_user):
    """An article shows only itself: once its copy is known to depend on it alone, another
    item's take-down or publish leaves it cached (page and API content), while the item taken
    down is gone at once from its page, its column and the API, and a new item shows in the
    column at once. A change to the article itself, or to what every page shows, drops it."""
    from ldld_wagtail.takedown import take_down

    kept = make_news(column, "Tin vẫn giữ trong bộ nhớ đệm")
    first = make_news(column, "Tin sẽ bị gỡ thứ nhất")
    second = make_news(column, "Tin sẽ bị gỡ thứ hai")
    api = f"/++api++{kept.url}"
    for url in (kept.url, api, column.url):
        assert client.get(url)["X-Cache"] == "MISS"
    # Kept depending on itself alone from its first copy on.
    take_down(first, admin_user, "accuracy", "Sai số liệu")
    assert client.get(first.url).status_code == 404
    assert "Tin sẽ bị gỡ thứ nhất" not in client.get(column.url).content.decode()
    assert client.get(f"/++api++{first.url}").status_code in (401, 404)
    assert client.get(kept.url)["X-Cache"] == "HIT"
    assert client.get(api)["X-Cache"] == "HIT"

    take_down(second, admin_user, "accuracy", "Trùng tin")
    page, content = client.get(kept.url), client.get(api)
    assert page["X-Cache"] == "HIT" and "Tin vẫn giữ trong bộ nhớ đệm" in page.content.decode()
    assert content["X-Cache"] == "HIT" and content.json()["title"] == kept.title
    listing = client.get(column.url)
    assert listing["X-Cache"] == "MISS" and "Tin sẽ bị gỡ thứ hai" not in listing.content.decode()
    assert client.get(second.url).status_code == 404

    make_news(column, "Tin mới đăng sau cùng")
    assert client.get(kept.url)["X-Cache"] == "HIT"
    assert "Tin mới đăng sau cùng" in client.get(column.url).content.decode()

    # Its own change drops it.
    kept.lead = "Sapo đã sửa"
    kept.save_revision().publish()
    again = client.get(kept.url)
    assert again["X-Cache"] == "MISS" and "Sapo đã sửa" in again.content.decode()
    # So does a change every page may show (the unit's name on it).
    kept.unit.name = "Ban Tuyên giáo (tên mới)"
    kept.unit.save()
    assert "Ban Tuyên giáo (tên mới)" in client.get(kept.url).content.decode()


def test_an_article_changed_while_its_first_copy_was_built_is_kept_as_a_listing(
    client, column, admin_user, monkeypatch
):
    """A first copy is kept under the item's token read after the build: only if nothing
    changed meanwhile (the generation as the request found it). A take-down of the article
    committed during its build must never leave the old copy valid under the new token."""
    from ldld_wagtail import cache as page_cache
    from ldld_wagtail.takedown import take_down

    item = make_news(column, "Tin bị gỡ trong lúc dựng trang")
    other = make_news(column, "Tin khác nữa")
    serve = page_cache.AnonymousPageCacheMiddleware._first_build_alone

    def taken_down_meanwhile(shown, tokens):
        monkeypatch.setattr(
            page_cache.AnonymousPageCacheMiddleware, "_first_build_alone", staticmethod(serve)
        )
        take_down(item, admin_user, "accuracy", "Sai số liệu")
        return serve(shown, tokens)

    monkeypatch.setattr(
        page_cache.AnonymousPageCacheMiddleware,
        "_first_build_alone",
        staticmethod(taken_down_meanwhile),
    )
    assert client.get(item.url)["X-Cache"] == "MISS"  # built before the take-down
    assert client.get(item.url).status_code == 404
    # Without a change meanwhile, the first copy is kept alone: another item's change keeps it.
    client.get(other.url)
    make_news(column, "Tin mới đăng")
    assert client.get(other.url)["X-Cache"] == "HIT"


def test_an_articles_own_take_down_is_seen_at_once_from_its_kept_copy(client, column, admin_user):
    from ldld_wagtail.takedown import take_down

    item = make_news(column, "Tin được giữ rồi bị gỡ")
    other = make_news(column, "Tin khác")
    client.get(item.url)
    take_down(other, admin_user, "quality", "Chưa đạt")
    assert client.get(item.url)["X-Cache"] == "HIT"  # kept depending on itself alone
    take_down(item, admin_user, "rights", "Quyền riêng tư")
    assert client.get(item.url).status_code == 404
    assert client.get(f"/++api++{item.url}").status_code in (401, 404)


def test_a_deep_listing_page_outlives_a_publish_for_seconds_but_never_a_take_down_of_its_items(
    client, column, admin_user, monkeypatch
):
    """A publish shows at once on the first page; a deeper page (which it only shifts by one)
    is kept up to `SOFT_SECONDS` more, instead of being built again after every publish. An
    item it shows taken down drops it at once."""
    from ldld_wagtail import cache as page_cache
    from ldld_wagtail.takedown import take_down

    items = [make_news(column, f"Tin cũ số {n}") for n in range(12)]  # 10 a page
    deep = f"{column.url}?page=2"
    built = client.get(deep)
    assert built["X-Cache"] == "MISS" and "Tin cũ số 0" in built.content.decode()
    assert client.get(deep)["X-Cache"] == "HIT"

    make_news(column, "Tin mới đăng")
    assert "Tin mới đăng" in client.get(column.url).content.decode()
    kept = client.get(deep)
    assert kept["X-Cache"] == "HIT" and kept.content == built.content

    monkeypatch.setattr(page_cache, "SOFT_SECONDS", 0)  # its time is up
    shifted = client.get(deep)
    assert shifted["X-Cache"] == "MISS" and "Tin cũ số 2" in shifted.content.decode()
    monkeypatch.undo()
    assert client.get(deep)["X-Cache"] == "HIT"

    take_down(items[0], admin_user, "accuracy", "Sai số liệu")
    gone = client.get(deep)
    assert gone["X-Cache"] == "MISS" and "Tin cũ số 0" not in gone.content.decode()
    # The first page is kept as before: any publish drops it.
    client.get(column.url)
    assert client.get(column.url)["X-Cache"] == "HIT"
    make_news(column, "Tin mới nữa")
    assert client.get(column.url)["X-Cache"] == "MISS"


def test_after_a_publish_the_copy_of_before_is_served_while_built_again_never_after_a_take_down(
    client, column, admin_user, monkeypatch
):
    """While one request builds a listing again after a publish, the others get the copy of
    before (for `STALE_SECONDS` at most) instead of waiting with a worker thread held; after a
    take-down they wait for the new copy: the item taken down never shows."""
    from django.core.cache import cache

    from ldld_wagtail import cache as page_cache
    from ldld_wagtail.takedown import take_down

    old = make_news(column, "Tin đã có từ trước")
    before = client.get(column.url)
    assert before["X-Cache"] == "MISS"
    make_news(column, "Tin vừa đăng")

    # Another request holds the build of every page.
    add = cache.add
    monkeypatch.setattr(
        cache, "add", lambda key, *a, **k: False if key.endswith(":building") else add(key, *a, **k)
    )
    monkeypatch.setattr(page_cache, "BUILD_WAIT", 0.05)
    stale = client.get(column.url)
    assert stale["X-Cache"] == "STALE" and stale.content == before.content

    monkeypatch.setattr(page_cache, "STALE_SECONDS", -1)  # the publish is too long ago
    waited = client.get(column.url)
    assert waited["X-Cache"] == "MISS" and "Tin vừa đăng" in waited.content.decode()
    monkeypatch.setattr(page_cache, "STALE_SECONDS", 3)

    take_down(old, admin_user, "accuracy", "Sai số liệu")
    after = client.get(column.url)
    assert after["X-Cache"] == "MISS" and "Tin đã có từ trước" not in after.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_change_renews_the_cached_pages_once_when_committed_not_before(
    client, wagtail_rows, admin_user
):
    """Other processes cannot see a change before it is committed: they keep the pages kept
    until then, and the tokens are renewed once, after the commit, so that no page is built
    twice for one change. The changing request alone reads a fresh generation meanwhile."""
    from django.db import transaction

    from ldld_wagtail import cache as page_cache
    from ldld_wagtail.takedown import take_down

    from ..utils import make_column, make_home

    column = make_column(make_home())
    item = make_news(column, "Tin sẽ bị gỡ khi giao dịch xong")
    client.get(column.url)
    assert client.get(column.url)["X-Cache"] == "HIT"
    written = []
    write = page_cache._write_token
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            page_cache,
            "_write_token",
            lambda t, *a, **k: written.append(k.get("key")) or write(t, *a, **k),
        )
        with transaction.atomic():
            shared = page_cache._read_token()
            take_down(item, admin_user, "accuracy", "Sai số liệu")
            assert written == [] and page_cache._read_token() == shared
            assert page_cache.current_generation() != shared  # this request's own
        assert written.count(page_cache.LISTINGS_TOKEN) == 1
    assert page_cache._read_token() != shared
    gone = client.get(column.url)
    assert (
        gone["X-Cache"] == "MISS" and "Tin sẽ bị gỡ khi giao dịch xong" not in gone.content.decode()
    )
