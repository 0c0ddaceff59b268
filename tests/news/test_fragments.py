"""Cards and bodies from their templates, their HTML kept under the generation token for
readers of the public site; the same bytes with the fast paths off (Wagtail's page models,
its own block rendering, no fragment cache)."""

import json

import pytest
from django.test import override_settings
from django.test.signals import template_rendered

from ldld_wagtail import listing
from ldld_wagtail.blocks import body_fragment_key
from news.cards import CARD_TEMPLATE
from news.models import NewsPage, NewsPhoto, TopicColumnPage

from ..utils import make_document, make_image, make_news, make_unit, publish, shared_cache_keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

BODY_TEMPLATE = "ldld_wagtail/blocks/body.html"


class Rendered:
    """The names of the templates rendered while it is open."""

    def __init__(self):
        self.names = []

    def _record(self, sender, template, context, **kwargs):
        self.names.append(template.name)

    def __enter__(self):
        template_rendered.connect(self._record)
        return self.names

    def __exit__(self, *exc):
        template_rendered.disconnect(self._record)


def every_kind_of_block(home):
    return json.dumps(
        [
            {"type": "heading", "value": "Mục <một> & hai"},
            {
                "type": "paragraph",
                "value": f'<p>Đoạn <b>đậm</b>, <a linktype="page" id="{home.pk}">trang chủ</a></p>',
            },
            {
                "type": "image",
                "value": {"image": make_image("Ảnh thân bài").pk, "caption": "Ảnh", "credit": "X"},
            },
            {"type": "quote", "value": {"text": "Trích\n\ndẫn", "source": "Nguồn"}},
            {"type": "document", "value": {"document": make_document().pk, "title": ""}},
            {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
        ]
    )


@pytest.fixture
def portal(home, column, monkeypatch):
    """A column of nine items (three a page, deep pages found from an anchor every two
    entries), some featured, one with a body of every kind of block and a unit with a short
    name, one without a photo."""
    monkeypatch.setattr(TopicColumnPage, "listing_per_page", 3)
    monkeypatch.setattr(listing, "ANCHOR_STEP", 2)
    sector = make_unit("cd-yt", "Công đoàn ngành Y tế", "sector", short_name="CĐ ngành Y tế")
    items = [
        make_news(column, f"Tin số {i} <em>", lead=" ".join(["từ"] * 40), featured=i % 2 == 0)
        for i in range(8)
    ]
    NewsPhoto.objects.filter(page=items[3]).delete()
    article = make_news(column, "Bài đủ loại khối", kind="bai", unit=sector, featured=True)
    article.body = every_kind_of_block(home)
    return column, publish(article)


def pages(client, urls):
    html = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html[url] = response.content
    return html


def test_pages_are_the_same_bytes_with_the_fast_paths_off(client, portal):
    column, article = portal
    urls = ["/", column.url, f"{column.url}?page=3", f"{column.url}?page=2&chu-de=a%26b"]
    urls.append(article.url)
    with override_settings(LDLD_FAST_PATHS=False), Rendered() as rendered:
        slow = pages(client, urls)
    assert rendered.count(CARD_TEMPLATE) > 9 and BODY_TEMPLATE in rendered
    cold, warm = pages(client, urls), pages(client, urls)
    for url in urls:
        assert slow[url] == cold[url] == warm[url], url
    article_html = slow[article.url].decode()
    assert "<h2>Mục &lt;một&gt; &amp; hai</h2>" in article_html
    assert 'class="embed-link"' in article_html and '<figure class="quote">' in article_html
    assert "Tin số 0 &lt;em&gt;" in slow[f"{column.url}?page=3"].decode()
    assert 'href="?page=1&amp;chu-de=a%26b"' in slow[f"{column.url}?page=2&chu-de=a%26b"].decode()


@pytest.mark.fast_paths  # the fragment cache is one: off, nothing is kept
def test_a_card_is_kept_and_a_publish_shows_its_new_title_at_once(
    client, column, django_assert_max_num_queries
):
    items = [make_news(column, f"Tin số {i}", image=make_image()) for i in range(5)]
    with Rendered() as rendered:
        first = client.get(column.url).content
    assert rendered.count(CARD_TEMPLATE) == 5
    with Rendered() as rendered, django_assert_max_num_queries(10) as queries:
        assert client.get(column.url).content == first
    assert CARD_TEMPLATE not in rendered  # every card from the cache
    assert not any("wagtailimages_rendition" in q["sql"] for q in queries.captured_queries)

    # Another process finds the cards in the shared cache (Redis), in one look-up, with an
    # expiry; a cache of files, slower to write than a card is to make, never holds them.
    from django.core.cache import cache

    from ldld_wagtail import cache as fragments

    fragments._fragments.update(token=None, values={})
    shared = getattr(cache, "keeps_fragments", True)
    with Rendered() as rendered:
        assert client.get(column.url).content == first
    assert rendered.count(CARD_TEMPLATE) == (0 if shared else 5)
    kept = {k: ttl for k, ttl in shared_cache_keys().items() if ":fragment:card:" in str(k)}
    assert len(kept) == (5 if shared else 0) and all(ttl is not None for ttl in kept.values())

    page = NewsPage.objects.get(pk=items[2].pk)
    page.title = "Tin đã sửa tiêu đề"
    publish(page)
    html = client.get(column.url).content.decode()
    assert "Tin đã sửa tiêu đề" in html and "Tin số 2<" not in html


@pytest.mark.fast_paths  # the fragment cache is one: off, nothing is kept
def test_a_body_is_kept_for_readers_never_from_a_preview_or_for_an_editor(client, column):
    from django.contrib.auth.models import User

    page = make_news(column, "Bài viết", body_text="Nội dung đã đăng")
    with Rendered() as rendered:
        assert "Nội dung đã đăng" in client.get(page.url).content.decode()
    assert BODY_TEMPLATE in rendered
    with Rendered() as rendered:
        assert "Nội dung đã đăng" in client.get(page.url).content.decode()
    assert BODY_TEMPLATE not in rendered  # the body from the cache

    # A preview renders the unsaved body, and leaves the readers' one as it was.
    draft = NewsPage.objects.get(pk=page.pk)
    draft.body = json.dumps([{"type": "paragraph", "value": "<p>Bản nháp chưa lưu</p>"}])
    preview = draft.make_preview_request().content.decode()
    assert "Bản nháp chưa lưu" in preview and "Nội dung đã đăng" not in preview
    assert "Nội dung đã đăng" in client.get(page.url).content.decode()

    # A change that renews nothing (a direct update): readers keep the kept body as they keep
    # the page; an editor reads the row and gets a fresh rendering.
    NewsPage.objects.filter(pk=page.pk).update(
        body=json.dumps([{"type": "paragraph", "value": "<p>Sửa thẳng vào cơ sở dữ liệu</p>"}])
    )
    assert "Nội dung đã đăng" in client.get(page.url).content.decode()
    client.force_login(User.objects.create_superuser("bientap", "b@example.vn", "pw"))
    assert "Sửa thẳng vào cơ sở dữ liệu" in client.get(page.url).content.decode()


@pytest.mark.fast_paths  # the fragment cache is one: off, nothing is kept
def test_only_a_served_page_s_own_live_body_is_kept(rf, column):
    page = make_news(column, "Bài viết")
    request = rf.get(page.url)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert body_fragment_key(page.body, {"page": page, "request": request})
    other = make_news(column, "Bài khác")
    assert body_fragment_key(other.body, {"page": page, "request": request}) is None
    assert body_fragment_key(page.body, None) is None  # `str(page.body)`: the API, the feeds
    request.is_preview = True
    assert body_fragment_key(page.body, {"page": page, "request": request}) is None
    request.is_preview = False
    with override_settings(LDLD_FAST_PATHS=False):
        assert body_fragment_key(page.body, {"page": page, "request": request}) is None
