"""`@querystring-search` (plone.app.querystring criteria) and `@search`, which share a catalog."""

import datetime
import json
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from ...utils import get, make_column, make_news

pytestmark = pytest.mark.django_db

OP = "plone.app.querystring.operation."


def post(client, url, body):
    response = client.post(
        url, json.dumps(body), content_type="application/json", HTTP_ACCEPT="application/json"
    )
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    return response


def titles(data):
    return [i["title"] for i in data["items"]]


def when(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


@pytest.fixture
def tree(home, column):
    other = make_column(home, title="Chính sách", slug="chinh-sach")
    make_news(column, "Công đoàn tổ chức Tết", published_at=when(10))
    make_news(column, "Hội thao công nhân", published_at=when(3))
    make_news(column, "Bản nháp", live=False)
    make_news(other, "Luật lao động mới", published_at=when(1))
    return column, other


def test_portal_type_in_plone_shape(client, tree):
    body = {"query": [{"i": "portal_type", "o": OP + "selection.any", "v": ["NewsPage"]}]}
    response = post(client, "/++api++/@querystring-search", body)
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["@id"] == "http://testserver/@querystring-search"
    assert data["items_total"] == 3 and "batching" not in data
    assert set(data["items"][0]) >= {"@id", "@type", "description", "review_state", "title"}
    assert titles(data) == ["Công đoàn tổ chức Tết", "Hội thao công nhân", "Luật lao động mới"]


def test_path_depth_text_dates_sorting_and_batches(client, tree):
    news = {"i": "portal_type", "o": OP + "selection.is", "v": "NewsPage"}
    absolute = {"i": "path", "o": OP + "string.absolutePath", "v": "/tuyen-giao-nu-cong::1"}
    data = post(client, "/++api++/@querystring-search", {"query": [news, absolute]}).json()
    assert titles(data) == ["Công đoàn tổ chức Tết", "Hội thao công nhân"]
    relative = {"i": "path", "o": OP + "string.relativePath", "v": "../chinh-sach"}
    data = post(client, "/++api++/tuyen-giao-nu-cong/@querystring-search", {"query": [relative]})
    assert titles(data.json()) == ["Chính sách", "Luật lao động mới"]
    text = {"i": "SearchableText", "o": OP + "string.contains", "v": "cong nhan"}
    data = post(client, "/++api++/@querystring-search", {"query": [text]}).json()
    assert titles(data) == ["Hội thao công nhân"]
    since = {"i": "effective", "o": OP + "date.largerThan", "v": when(5).date().isoformat()}
    body = {"query": [news, since], "sort_on": "effective", "sort_order": "descending"}
    assert titles(post(client, "/++api++/@querystring-search", body).json()) == [
        "Luật lao động mới",
        "Hội thao công nhân",
    ]
    between = {
        "i": "effective",
        "o": OP + "date.between",
        "v": [when(12).isoformat(), when(2).isoformat()],
    }
    data = post(client, "/++api++/@querystring-search", {"query": [news, between]}).json()
    assert titles(data) == ["Công đoàn tổ chức Tết", "Hội thao công nhân"]
    body = {"query": [news], "b_size": 2, "b_start": 0}
    data = post(client, "/++api++/@querystring-search", body).json()
    assert data["items_total"] == 3 and len(data["items"]) == 2 and data["batching"]["next"]
    data = post(client, "/++api++/@querystring-search", {"query": [news], "limit": 2}).json()
    assert data["items_total"] == 2
    full = post(client, "/++api++/@querystring-search", {"query": [news], "fullobjects": True})
    assert full.json()["items"][0]["photos"]


def test_review_state_and_drafts(client, tree):
    drafts = {"i": "review_state", "o": OP + "selection.any", "v": ["private"]}
    assert post(client, "/++api++/@querystring-search", {"query": [drafts]}).json()["items"] == []
    client.force_login(User.objects.create_superuser("admin", "a@example.vn", "pw"))
    data = post(client, "/++api++/@querystring-search", {"query": [drafts]}).json()
    assert titles(data) == ["Bản nháp"], data


def test_get_with_the_query_as_json(client, tree):
    body = {"query": [{"i": "portal_type", "o": OP + "selection.any", "v": ["TopicColumnPage"]}]}
    once = get(client, "/++api++/@querystring-search?query=" + quote(json.dumps(body))).json()
    assert titles(once) == ["Tuyên giáo - Nữ công", "Chính sách"]
    # plone.restapi's own example encodes the JSON twice.
    twice = quote(quote(json.dumps(body)))
    assert get(client, f"/++api++/@querystring-search?query={twice}").json() == once


def test_unknown_index_or_operation_is_a_bad_request(client, tree):
    body = {"query": [{"i": "Creator", "o": OP + "selection.any", "v": ["x"]}]}
    response = post(client, "/++api++/@querystring-search", body)
    assert response.status_code == 400 and "Creator" in response.json()["message"]
    body = {"query": [{"i": "portal_type", "o": OP + "string.contains", "v": "x"}]}
    response = post(client, "/++api++/@querystring-search", body)
    assert response.status_code == 400
    assert "string.contains" in response.json()["message"]
    assert response.json()["errors"][0]["field"] == "portal_type"
    body = {"query": [{"i": "portal_type", "o": OP + "selection.any", "v": ["Nope"]}]}
    assert post(client, "/++api++/@querystring-search", body).status_code == 400
    assert post(client, "/++api++/@querystring-search", {}).status_code == 400


def test_search_still_filters_by_path_state_and_date(client, tree):
    # Plone's depth 1 is the folder's contents (what Volto's folder contents asks for).
    data = get(client, "/++api++/@search?path.query=/chinh-sach&path.depth=1").json()
    assert titles(data) == ["Luật lao động mới"]
    data = get(client, "/++api++/@search?path.query=/chinh-sach&path.depth=0").json()
    assert titles(data) == ["Chính sách"]
    since = when(5).date().isoformat()
    data = get(client, f"/++api++/@search?portal_type=NewsPage&effective.query={since}").json()
    assert titles(data) == ["Hội thao công nhân", "Luật lao động mới"]
    data = get(client, "/++api++/@search?review_state=private").json()
    assert data["items"] == []
    response = get(client, "/++api++/@search?sort_on=nope")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "sort_on"


def test_topics_and_units_as_criteria(client, tree):
    """`Subject` (the topics, Plone's name) and `unit` in @querystring-search and @search, and
    in the registry a query builder reads (`@querystring`), with their values."""
    from ...utils import make_unit, publish

    column, other = tree
    item = column.get_children().specific().get(title="Hội thao công nhân")
    item.tags.add("Thể thao")
    publish(item)
    cspl = make_unit("chinh-sach", "Ban Chính sách - Pháp luật")
    law = other.get_children().specific().get()
    law.unit = cspl
    law.tags.add("Pháp luật", "Thể thao")
    publish(law)
    subject = {"i": "Subject", "o": OP + "selection.any", "v": ["Thể thao"]}
    data = post(client, "/++api++/@querystring-search", {"query": [subject]}).json()
    assert titles(data) == ["Hội thao công nhân", "Luật lao động mới"]
    unit = {"i": "unit", "o": OP + "selection.is", "v": "chinh-sach"}
    data = post(client, "/++api++/@querystring-search", {"query": [subject, unit]}).json()
    assert titles(data) == ["Luật lao động mới"]
    data = get(client, "/++api++/@search?Subject=Pháp luật").json()
    assert titles(data) == ["Luật lao động mới"]
    assert titles(get(client, "/++api++/@search?unit=chinh-sach").json()) == ["Luật lao động mới"]
    assert get(client, "/++api++/@search?unit=khong-co").json()["items_total"] == 0
    registry = get(client, "/++api++/@querystring").json()["indexes"]
    assert registry["Subject"]["values"] == {
        "Pháp luật": {"title": "Pháp luật"},
        "Thể thao": {"title": "Thể thao"},
    }
    assert registry["Subject"]["vocabulary"] == "plone.app.vocabularies.Keywords"
    assert registry["unit"]["values"]["chinh-sach"] == {"title": "Ban Chính sách - Pháp luật"}
