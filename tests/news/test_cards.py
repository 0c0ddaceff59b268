"""Listing cards (`news.cards`): what a reader sees of each item in a column, read without
page models, as the home page shows the same item."""

import datetime
import re

import pytest
from django.utils import timezone

from news.models import NewsPhoto

from ..utils import make_image, make_news, make_unit

pytestmark = pytest.mark.django_db


def card_of(html, title):
    found = re.search(r'<article class="card[^"]*">(?:(?!</article>).)*' + re.escape(title)
                      + r".*?</article>", html, re.S)  # fmt: skip
    assert found, title
    return found.group(0)


def test_a_card_shows_what_readers_need(client, column, no_page_cache):
    unit = make_unit("cd-yt", "Công đoàn ngành Y tế", "sector", short_name="CĐ ngành Y tế")
    # 20:30 UTC on 7 March is 03:30 on 8 March in Hà Nội.
    when = timezone.make_aware(datetime.datetime(2026, 3, 7, 20, 30), datetime.UTC)
    lead = " ".join(f"từ{i}" for i in range(50))
    item = make_news(column, "Bài về y tế", kind="bai", unit=unit, lead=lead, published_at=when)
    NewsPhoto.objects.filter(page=item).update(sort_order=0)  # as the admin's form numbers them
    later = make_image("Ảnh thứ hai")
    NewsPhoto.objects.create(page=item, image=later, caption="Ảnh sau", credit="X", sort_order=5)

    card = card_of(client.get(column.url).content.decode(), "Bài về y tế")
    assert f'<a href="{item.url}">Bài về y tế</a>' in card
    assert '<span class="kind kind-bai">Bài</span>' in card
    assert '<time datetime="2026-03-08T03:30:00+07:00">08/03/2026</time>' in card
    assert '<span class="nowrap">CĐ ngành Y tế</span>' in card
    assert "từ35 …</p>" in card and "từ36" not in card  # the lead cut at 36 words
    assert 'alt="Chú thích"' in card and "Ảnh sau" not in card  # the first photo only
    assert 'loading="lazy"' in card and 'width="640"' not in card  # fill-640x400 of 64×48


def test_a_card_without_a_photo(client, column, no_page_cache):
    item = make_news(column, "Tin chưa có ảnh")
    NewsPhoto.objects.filter(page=item).delete()
    card = card_of(client.get(column.url).content.decode(), "Tin chưa có ảnh")
    assert "<img" not in card and "card-media" not in card
    assert '<span class="nowrap">Ban Tuyên giáo - Nữ công</span>' in card  # no short name


def test_titles_and_leads_are_escaped(client, column, no_page_cache):
    make_news(column, "Tin <b>đậm</b>", lead="Sapo & <script>x</script>")
    html = client.get(column.url).content.decode()
    assert "Tin &lt;b&gt;đậm&lt;/b&gt;" in html and "<script>x" not in html
    assert "Sapo &amp; &lt;script&gt;" in html


def test_a_sub_site_lists_its_own_news_as_cards(client, home, no_page_cache):
    from home.models import SubSiteHomePage, SubSiteIndexPage

    from ..utils import add

    unit = make_unit("sa-pa", "LĐLĐ thị xã Sa Pa", "district")
    subsites = add(home, SubSiteIndexPage(title="Đơn vị", slug="don-vi"))
    site = add(subsites, SubSiteHomePage(title="Sa Pa", slug="sa-pa", unit=unit))
    for i in range(11):
        make_news(site, f"Tin Sa Pa {i}", unit=unit)
    make_news(site, "Bản nháp Sa Pa", unit=unit, live=False)
    html = client.get(site.url).content.decode()
    assert html.count('<article class="card') == 10  # ten a page, newest first
    assert html.index("Tin Sa Pa 10") < html.index("Tin Sa Pa 1<")
    assert "Bản nháp" not in html and "Trang 1/2" in html
    assert "Tin Sa Pa 0" in client.get(site.url, {"page": 2}).content.decode()
