"""Under `make run` (settings.dev, DEBUG on) a missing page is the portal's own Vietnamese 404 page;
Django's technical 404 (the URL patterns tried) only when a developer sets LDLD_DEBUG_404=1."""

import pytest

from settings import dev


@pytest.fixture
def dev_settings(settings, no_page_cache):
    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    settings.LDLD_DEBUG_404 = False
    return settings


PORTAL_404 = "Không tìm thấy trang"
TECHNICAL_404 = "Using the URLconf"


@pytest.mark.parametrize(
    "url",
    [
        "/khong-ton-tai/",  # the portal's page serving raises Http404
        "/chuyen-muc/khong-co/bai-viet/",
        "/khong-ton-tai.html",  # no URL pattern matches at all
        "/en/khong-ton-tai/",
    ],
)
def test_missing_page_is_the_portal_404_page_under_debug(client, home, dev_settings, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<main" in html
    if not url.startswith("/en/"):
        assert PORTAL_404 in html
    assert TECHNICAL_404 not in html
    assert "Page not found at" not in html


def test_developers_get_the_technical_404_with_ldld_debug_404(client, home, dev_settings):
    dev_settings.LDLD_DEBUG_404 = True
    unmatched = client.get("/khong-ton-tai.html")
    assert unmatched.status_code == 404
    assert TECHNICAL_404 in unmatched.content.decode()
    raised = client.get("/khong-ton-tai/")
    assert raised.status_code == 404
    assert "Raised by:" in raised.content.decode()
    assert PORTAL_404 not in raised.content.decode()


def test_the_dev_404_keeps_the_slash_redirect(client, home, dev_settings):
    assert client.get("/khong-ton-tai").status_code == 301


def test_existing_pages_are_untouched(client, home, dev_settings):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()


def test_ldld_debug_404_comes_from_the_environment(monkeypatch):
    import importlib

    monkeypatch.setenv("LDLD_DEBUG_404", "1")
    assert importlib.reload(dev).LDLD_DEBUG_404 is True
    monkeypatch.delenv("LDLD_DEBUG_404")
    assert importlib.reload(dev).LDLD_DEBUG_404 is False
