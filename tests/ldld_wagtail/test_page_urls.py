"""`{% page_url %}` gives what Wagtail's `get_url()` gives, for every kind of page and site."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from ldld_wagtail.page_urls import full_page_url, page_url

from ..utils import add, make_news

pytestmark = pytest.mark.django_db


def request_for(host="localhost"):
    return RequestFactory().get("/", HTTP_HOST=host)


def same_as_wagtail(page, request):
    expected = Page.objects.get(pk=page.pk).specific.get_url(request_for(request.get_host()))
    assert page_url(page, request) == expected
    full = Page.objects.get(pk=page.pk).specific.get_full_url(request_for(request.get_host()))
    assert full_page_url(page, request) == full
    return expected


def test_pages_of_the_site(home, column):
    article = make_news(column, "Tin một")
    request = request_for()
    assert same_as_wagtail(home, request) == "/"
    assert same_as_wagtail(column, request) == "/tuyen-giao-nu-cong/"
    assert same_as_wagtail(article, request) == "/tuyen-giao-nu-cong/tin-mot/"


def test_translated_pages_get_their_language_prefix(home, column):
    english = column.copy_for_translation(Locale.objects.create(language_code="en"), True)
    english.save_revision().publish()
    for language in ("vi", "en"):
        with translation.override(language):
            request = request_for()
            assert same_as_wagtail(english, request).startswith("/en/")
            assert same_as_wagtail(column, request) == "/tuyen-giao-nu-cong/"


def test_unusual_paths_and_other_sites(home, column, settings):
    settings.ALLOWED_HOSTS = ["localhost", "nganh.example"]
    odd = Page.objects.get(pk=make_news(column, "Tin lạ").pk)
    Page.objects.filter(pk=odd.pk).update(url_path=odd.url_path.replace("tin-la", "tin lạ"))
    odd.refresh_from_db()
    other_root = add(Page.get_first_root_node(), HomePage(title="Công đoàn ngành", slug="nganh"))
    Site.objects.create(hostname="nganh.example", port=80, root_page=other_root)
    other = add(other_root, HomePage(title="Trang con", slug="trang-con"))
    for host in ("localhost", "nganh.example"):
        request = request_for(host)
        same_as_wagtail(odd, request)
        same_as_wagtail(other, request)
        same_as_wagtail(column, request)
    assert page_url(other, request_for()) == "http://nganh.example/trang-con/"
