"""The asker's email, phone, address, full name and a unit kept private never reach a reader or
an anonymous caller, by any door: the page, the listing, the site's search, the feeds, the
sitemap, `/++api++/` (content, `@search`, `@syndication`, `@types`, the OpenAPI document) and its
error messages; nor an editor through the API (only the answering roles, in the admin)."""

import pytest
from wagtail.models import APIToken

from ldld_wagtail.management.commands.syndication_key import consumer_user
from qa.models import Submission

from ..utils import API_JSON, login

pytestmark = pytest.mark.django_db

SECRETS = (
    "Nguyễn Thị Lan",
    "0912345671",
    "0912 345 671",
    "912345671",
    "lan.rieng@example.vn",
    "203.0.113.77",
    "Nhà máy Bí Mật",
)


@pytest.fixture
def published(ask, desk):
    ask(
        remote="203.0.113.77",
        email="lan.rieng@example.vn",
        unit="Nhà máy Bí Mật",
        unit_private="on",
        question="Tôi làm thêm giờ ngày lễ thì được trả lương thế nào theo Bộ luật Lao động?",
    )
    record = Submission.objects.get()
    page = record.page
    page.answer = "<p>Ít nhất 300% tiền lương theo Điều 98 Bộ luật Lao động.</p>"
    page.save_revision().publish()
    # The retention job must not be what hides them here: they are still held.
    record.refresh_from_db()
    assert record.phone == "0912345671" and record.email and record.ip_address
    return page


def sweep_urls(page, index):
    api_page = "/++api++" + page.url
    return {
        "page": (page.url, {}),
        "listing": (index.url, {}),
        "listing by topic": (index.url + "?chu-de=Ti%E1%BB%81n+l%C6%B0%C6%A1ng", {}),
        "home": ("/", {}),
        "search by a word": ("/tim-kiem/?q=lam+them+gio+ngay+le", {}),
        "search by phone": ("/tim-kiem/?q=0912345671", {}),
        "search by email": ("/tim-kiem/?q=lan.rieng", {}),
        "search by name": ("/tim-kiem/?q=Nguyen+Thi+Lan", {}),
        "rss": ("/rss.xml", {}),
        "atom": ("/atom.xml", {}),
        "sitemap": ("/sitemap.xml", {}),
        "api page": (api_page, API_JSON),
        "api page by Accept": (page.url, API_JSON),
        "api listing": ("/++api++" + index.url + "?fullobjects=1", API_JSON),
        "api search": ("/++api++/@search?SearchableText=lam+them+gio&fullobjects=1", API_JSON),
        "api search by phone": ("/++api++/@search?SearchableText=0912345671", API_JSON),
        "api search metadata": (
            "/++api++/@search?portal_type=QuestionPage&metadata_fields=_all",
            API_JSON,
        ),
        "api types": ("/++api++/@types/QuestionPage", API_JSON),
        "openapi": ("/++api++/@openapi", API_JSON),
        "api error": (api_page + "@workflow/approve", API_JSON),
        "lookup page": (index.url + "tra-cuu/", {}),
    }


def assert_clean(label, text):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} reached a reader through {label}"


def test_the_askers_contact_reaches_no_reader_through_any_door(client, published, desk):
    index = desk["index"]
    found = client.get("/tim-kiem/?q=lam+them+gio").content.decode()
    assert published.title in found  # the search does find the question, without accents
    for label, (url, extra) in sweep_urls(published, index).items():
        response = client.get(url, **extra)
        assert response.status_code in (200, 401, 403, 404), (label, response.status_code)
        text = response.content.decode()
        if label.startswith("search by") and label != "search by a word":
            assert published.title not in text, f"{label} finds the question"
            text = text.replace("0912345671", "")  # the reader's own words, shown back
        assert_clean(label, text)
    # A POST with a bad body: the API's error message.
    response = client.patch(
        "/++api++" + published.url, "{", content_type="application/json", **API_JSON
    )
    assert_clean("api write error", response.content.decode())


def test_nor_an_editor_or_an_outlet_through_the_api(client, published, desk):
    editor = login(client, "ctv-cspl")
    for label, (url, extra) in sweep_urls(published, desk["index"]).items():
        if url.startswith("/++api++"):
            assert_clean(label, client.get(url, **extra, **editor).content.decode())
    history = client.get("/++api++" + published.url + "@history", **API_JSON, **editor)
    assert_clean("api history", history.content.decode())
    _token, key = APIToken.create_token(user=consumer_user("VGCL portal"), name="VGCL")
    feed = client.get("/++api++/@syndication", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert feed.status_code == 200
    assert_clean("syndication", feed.content.decode())


def test_revisions_hold_no_contact(published):
    for revision in published.revisions.all():
        assert_clean("revision", str(revision.content))
