"""Creating, updating and deleting through /++api++/, with the admin's permissions and rules."""

import base64
import json
import time

import pytest
from django.utils.http import http_date, parse_http_date

from news.models import NewsPage

from ...utils import call, column_url, login, make_news, news_body, person, section

pytestmark = pytest.mark.django_db


def test_a_contributor_creates_a_news_item_with_a_photo_and_submits_it(client, laocai):
    ctv = login(client, "ctv-tuyengiao")
    response = call(client, "post", column_url(), ctv, news_body())
    assert response.status_code == 201, response.json()
    data = response.json()
    assert response["Location"] == data["@id"]
    assert data["@id"].endswith("/cong-doan-tham-cong-nhan-kho-khan")
    assert data["review_state"] == "private"
    assert data["description"].startswith("Sáng 24/11")
    assert (
        "<script>" not in data["body"]["data"] and "<strong>chính</strong>" in data["body"]["data"]
    )
    assert data["photos"][0]["caption"] == "Trao quà cho công nhân"
    assert data["photos"][0]["image"]["width"] == 120
    assert sorted(data["tags"]) == ["công nhân", "thăm hỏi"]
    page = NewsPage.objects.get(slug="cong-doan-tham-cong-nhan-kho-khan")
    assert page.owner.username == "ctv-tuyengiao" and not page.live
    url = "/++api++" + page.get_url()
    assert call(client, "get", url).status_code == 404  # a draft is nobody else's business
    entry = call(client, "post", f"{url}@workflow/submit", ctv).json()
    assert entry["review_state"] == "pending"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"colour": "đỏ"}, "colour"),
        ({"featured": "có"}, "featured"),
        ({"kind": "phong-su"}, "kind"),
        ({"unit": "khong-co"}, "unit"),
        ({"title": ""}, "title"),
        ({"@type": "QuestionPage"}, "@type"),
        ({"@type": "NoSuchPage"}, "@type"),
        ({"photos": [{"image": {"data": "không phải base64"}, "caption": "x"}]}, "photos[0].image"),
        ({"authors": "x" * 300}, "authors"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(client, laocai, change, field):
    before = NewsPage.objects.count()
    response = call(
        client, "post", column_url(), login(client, "ctv-tuyengiao"), news_body(**change)
    )
    assert response.status_code == 400, response.json()
    assert response.json()["type"] == "BadRequest"
    assert field in [e["field"] for e in response.json()["errors"]]
    assert NewsPage.objects.count() == before


def test_malformed_json_is_a_400(client, laocai):
    response = client.post(
        column_url(),
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=login(client, "ctv-tuyengiao")["HTTP_AUTHORIZATION"],
    )
    assert response.status_code == 400 and response.json()["type"] == "BadRequest"


def test_who_may_create(client, laocai):
    assert call(client, "post", column_url(), body=news_body()).status_code == 401
    person("ctv-cspl", "ctv-cspl")
    person("vanthu", "van-thu")
    response = call(client, "post", column_url(), login(client, "ctv-cspl"), news_body())
    assert response.status_code in (403, 404)  # not their column: they may not see its drafts
    response = call(client, "post", column_url(), login(client, "vanthu"), news_body())
    assert response.status_code in (403, 404)
    # The secretary writes items in every column too (Quy chế 7.5).
    response = call(client, "post", column_url(), login(client, "thuky"), news_body())
    assert response.status_code == 201


def test_update_makes_a_new_draft_and_keeps_the_live_version(client, laocai):
    live = make_news(section("tuyen-giao-nu-cong"), "Tin đã đăng")
    url = "/++api++" + live.get_url()
    ctv = login(client, "ctv-tuyengiao")
    read = call(client, "get", url, ctv)
    tag = read["ETag"]
    response = client.patch(
        url,
        json.dumps({"title": "Tin đã đăng (sửa)"}),
        content_type="application/json",
        HTTP_IF_MATCH='W/"cu"',
        **ctv,
    )
    assert response.status_code == 412 and response.json()["type"] == "PreconditionFailed"
    response = client.patch(
        url,
        json.dumps({"title": "Tin đã đăng (sửa)"}),
        content_type="application/json",
        HTTP_IF_MATCH=tag,
        **ctv,
    )
    assert response.status_code == 204
    assert call(client, "get", url, ctv).json()["title"] == "Tin đã đăng (sửa)"
    assert call(client, "get", url).json()["title"] == "Tin đã đăng"  # readers: still live one
    response = client.patch(
        url,
        json.dumps({"description": "Sapo mới"}),
        content_type="application/json",
        HTTP_PREFER="return=representation",
        **ctv,
    )
    assert response.status_code == 200
    assert response.json()["description"] == response.json()["lead"] == "Sapo mới"


def test_conditional_get(client, laocai):
    live = make_news(section("tuyen-giao-nu-cong"), "Tin đã đăng")
    url = "/++api++" + live.get_url()
    first = call(client, "get", url)
    again = client.get(url, HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"] and not again.content
    listing = call(client, "get", column_url())
    assert client.get(column_url(), HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304
    assert client.get(column_url(), HTTP_IF_NONE_MATCH='W/"other"').status_code == 200

    # Public readers also get Last-Modified: when the public site last changed.
    changed = parse_http_date(first["Last-Modified"])
    assert abs(changed - time.time()) < 120
    since = {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}
    assert client.get(url, HTTP_ACCEPT="application/json", **since).status_code == 304
    earlier = {"HTTP_IF_MODIFIED_SINCE": http_date(changed - 1)}
    assert client.get(url, HTTP_ACCEPT="application/json", **earlier).status_code == 200
    # Another item's publish leaves the article as it was (kept on its own); its own makes it
    # stale.
    make_news(section("tuyen-giao-nu-cong"), "Tin mới hơn")
    assert client.get(url, HTTP_ACCEPT="application/json", **since).status_code == 304
    live.lead = "Sapo đã sửa"
    live.save_revision().publish()
    newer = client.get(url, HTTP_ACCEPT="application/json", **since)
    assert newer.status_code == 200 and parse_http_date(newer["Last-Modified"]) > changed
    # An editor's view holds drafts, which change without a publish: ETag only.
    assert "Last-Modified" not in call(client, "get", url, login(client, "ctv-tuyengiao"))


def test_delete(client, laocai):
    draft = make_news(section("tuyen-giao-nu-cong"), "Bản nháp", live=False)
    url = "/++api++" + draft.get_url()
    assert call(client, "delete", url, login(client, "thuky")).status_code in (403, 404)
    assert call(client, "delete", url, login(client, "ctv-tuyengiao")).status_code == 204
    assert not NewsPage.objects.filter(pk=draft.pk).exists()


def test_a_nul_character_is_a_clear_error_at_every_door(client, laocai):
    """PostgreSQL cannot store U+0000 in text: every door answers 400, 401 or 404, never 500."""

    response = call(client, "post", "/++api++/@login", body={"login": "thuky\x00", "password": "x"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "login"
    assert response.json()["message"] == "login: không được chứa ký tự NUL"
    ctv = login(client, "ctv-tuyengiao")
    body = {"@type": "NewsPage", "title": "Tin", "photos": [{"caption": "a\x00"}]}
    response = call(client, "post", column_url(), ctv, body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "photos[0].caption"
    response = client.get("/++api++/@search", {"path.query": "/\x00"})
    assert response.status_code == 400 and response.json()["type"] == "BadRequest"
    assert client.get("/++api++/%00").status_code == 404
    assert client.get("/%00/").status_code == 404
    pair = base64.b64encode(b"thuky\x00:pw").decode()
    assert client.get("/++api++/", HTTP_AUTHORIZATION=f"Basic {pair}").status_code == 401
