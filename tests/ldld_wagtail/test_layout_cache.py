"""Routes and language links are cached under the generation token: a change shows at once."""

import pytest
from wagtail.models import Locale

from ..utils import make_news, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def lang_switch(response):
    html = response.content.decode()
    start = html.index('class="lang-switch" href="') + len('class="lang-switch" href="')
    return html[start : html.index('"', start)]


def test_language_link_follows_publishing_a_translation(client, column):
    page = make_news(column, "Tin song ngữ")
    assert lang_switch(client.get(page.url)) == "/en/"
    assert lang_switch(client.get(page.url)) == "/en/"  # from the cache

    english = page.copy_for_translation(Locale.objects.create(language_code="en"), True)
    english.title = "Bilingual news"
    english = publish(english)
    assert lang_switch(client.get(page.url)) == english.url

    english.unpublish()
    assert lang_switch(client.get(page.url)) == "/en/"


def test_routes_follow_slug_changes_and_unpublishing(client, column):
    page = make_news(column, "Tin cũ")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url).status_code == 200  # from the cache

    page.slug = "tin-moi"
    publish(page)
    assert client.get(old_url).status_code == 404
    assert client.get(page.url).status_code == 200

    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_route_cache_keeps_no_unknown_paths(client, column, settings):
    from django.core.cache import cache

    # Entries are counted in a local-memory cache, whatever backend the run uses (Redis in CI).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    client.get(column.url)
    client.get(f"{column.url}khong-co/")
    before = len(cache._cache)
    for n in range(5):
        assert client.get(f"{column.url}khong-co-{n}/").status_code == 404
    assert len(cache._cache) == before


def test_generation_cached_keeps_a_value_until_something_is_published(column):
    from ldld_wagtail.cache import generation_cached

    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert generation_cached("probe", compute) == 1
    assert generation_cached("probe", compute) == 1
    make_news(column, "Tin mới")
    assert generation_cached("probe", compute) == 2


def test_generation_cached_values_are_shared_between_processes(column):
    from ldld_wagtail import cache as page_cache

    assert page_cache.generation_cached("probe", lambda: "first") == "first"
    page_cache._memo.update(token=None, values={})  # what another process starts with
    assert page_cache.generation_cached("probe", lambda: "again") == "first"


def test_menu_shows_a_new_section_at_once(client, home, column):
    from news.models import TopicColumnPage

    from ..utils import add

    assert "Chuyên mục mới" not in client.get(column.url).content.decode()
    add(home, TopicColumnPage(title="Chuyên mục mới", slug="moi", show_in_menus=True))
    assert "Chuyên mục mới" in client.get(column.url).content.decode()
