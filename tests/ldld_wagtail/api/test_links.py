"""Every link the API hands out resolves: a crawl from `/++api++/` that follows every `@id` and
batching link (a transition's, which is POSTed, aside), anonymously and as an editor, finds no
4xx or 5xx; endpoints also answer at a
page's own URL (plone.restapi's classic addressing)."""

from urllib.parse import urlsplit

import pytest

from ...utils import API_JSON, login, make_news, section

pytestmark = pytest.mark.django_db
LIMIT = 400


def links(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@id", "next", "prev", "first", "last") and isinstance(item, str):
                yield item
            else:
                yield from links(item)
    elif isinstance(value, list):
        for item in value:
            yield from links(item)


def crawl(client, auth=None):
    seen, queue, failures = set(), ["/++api++/"], []
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, **API_JSON, **(auth or {}))
        if response.status_code != 200:
            failures.append((url, response.status_code))
            continue
        if not response["Content-Type"].startswith("application/json"):
            continue
        for link in links(response.json()):
            parts = urlsplit(link)
            # A transition's `@id` (`…/@workflow/submit`) is where it is POSTed, not read.
            # Links are absolute; a list row's `@id` (its key for a list widget) is not a link.
            if parts.netloc == "testserver" and "/@workflow/" not in parts.path:
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in seen:
                    queue.append(target)
    return seen, failures


@pytest.fixture
def portal(laocai):
    column = section("tuyen-giao-nu-cong")
    for n in range(3):
        make_news(column, f"Tin thử {n}")
    return column


def test_every_link_resolves_for_a_reader(client, portal):
    seen, failures = crawl(client)
    assert failures == [] and len(seen) > 30


def test_every_link_resolves_for_an_editor(client, portal):
    seen, failures = crawl(client, login(client, "ctv-tuyengiao"))
    assert failures == [] and len(seen) > 30


def test_endpoints_answer_at_the_pages_own_url_and_are_never_cached(client, portal, settings):
    settings.LDLD_PAGE_CACHE_SECONDS = 600
    for url in ("/@vocabularies/units", "/tuyen-giao-nu-cong/@breadcrumbs", "/@types"):
        response = client.get(url, **API_JSON)
        assert response.status_code == 200 and response["Content-Type"].startswith(
            "application/json"
        )
        assert "X-Cache" not in client.get(url)


def test_ids_are_in_plones_form_and_both_forms_resolve(client, portal):
    item = client.get("/++api++/tuyen-giao-nu-cong/tin-thu-0", **API_JSON).json()
    assert item["@id"] == "http://testserver/tuyen-giao-nu-cong/tin-thu-0"
    assert item["parent"]["@id"] == "http://testserver/tuyen-giao-nu-cong"
    assert client.get("/++api++/", **API_JSON).json()["@id"] == "http://testserver"
    for url in ("/tuyen-giao-nu-cong/tin-thu-0", "/tuyen-giao-nu-cong/tin-thu-0/"):
        response = client.get(url, **API_JSON)
        assert response.status_code == 200, url
        assert response.json()["@id"] == item["@id"]
    # A language's home without its slash answers too (not a redirect that drops a POST body).
    assert client.get("/en", **API_JSON).status_code == 200
    assert client.get("/en")["Location"] == "/en/"
    # What a client builds from an `@id`: `<@id>/@workflow`.
    assert client.get(item["@id"] + "/@workflow", **API_JSON).status_code == 200
    # A browser at the bare URL is sent to Wagtail's own, query kept.
    response = client.get("/tuyen-giao-nu-cong?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/tuyen-giao-nu-cong/?page=2"
    # Writes at the bare `@id` (a PATCH as a Plone client sends it).
    auth = login(client, "ctv-tuyengiao")
    draft = client.post(
        "/tuyen-giao-nu-cong",
        {
            "@type": "NewsPage",
            "title": "Tin gửi ở địa chỉ không có gạch chéo",
            "description": "Tin ngắn.",
            "creators": ["Hà Thu"],
        },
        content_type="application/json",
        **API_JSON,
        **auth,
    )
    assert draft.status_code == 201, draft.json()
    patched = client.patch(
        draft.json()["@id"],
        {"title": "Tin đã sửa"},
        content_type="application/json",
        **API_JSON,
        **auth,
    )
    assert patched.status_code == 204
