"""Reading content through /++api++/ (plone.restapi's shapes), and what anonymous callers see."""

import pytest
from django.contrib.auth.models import User

from ...utils import get, make_news

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def test_a_news_item_in_plone_shape(client, column):
    item = make_news(column, "Công đoàn tổ chức Tết Sum vầy", lead="Sáng nay, 500 công nhân…")
    response = get(client, "/++api++/tuyen-giao-nu-cong/cong-doan-to-chuc-tet-sum-vay/")
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["@id"] == "http://testserver/tuyen-giao-nu-cong/cong-doan-to-chuc-tet-sum-vay"
    assert data["@type"] == "NewsPage"
    assert len(data["UID"]) == 32
    assert data["id"] == item.slug
    assert data["title"] == "Công đoàn tổ chức Tết Sum vầy"
    assert data["description"] == "Sáng nay, 500 công nhân…"
    assert data["review_state"] == "published"
    assert data["language"] == "vi"
    assert data["is_folderish"] is False
    assert data["effective"].endswith("+07:00")
    assert data["parent"]["@id"] == "http://testserver/tuyen-giao-nu-cong"
    assert data["parent"]["@type"] == "TopicColumnPage"
    assert data["body"]["content-type"] == "text/html" and "Nội dung" in data["body"]["data"]
    assert data["kind"] == {"token": "tin", "title": "Tin"}
    photo = data["photos"][0]
    assert photo["caption"] == "Chú thích" and photo["credit"] == "LĐLĐ"
    assert photo["image"]["width"] == 64 and photo["image"]["height"] == 48
    assert photo["image"]["scales"]["thumb"]["download"].startswith("http://testserver/images/")
    assert data["unit"]["token"] == "tuyen-giao"
    assert set(data["@components"]) >= {"breadcrumbs", "navigation", "workflow"}
    assert data["@components"]["workflow"]["@id"].endswith(
        "/cong-doan-to-chuc-tet-sum-vay/@workflow"
    )


def test_the_page_url_with_accept_json_is_the_same_object(client, column):
    make_news(column, "Tin một")
    api = get(client, "/++api++/tuyen-giao-nu-cong/tin-mot/").json()
    classic = get(client, "/tuyen-giao-nu-cong/tin-mot/").json()
    assert api == classic


def test_a_folder_lists_its_items_in_batches(client, column):
    for n in range(7):
        make_news(column, f"Tin số {n}")
    data = get(client, "/++api++/tuyen-giao-nu-cong/?b_size=3").json()
    assert data["is_folderish"] is True
    assert data["items_total"] == 7
    assert [i["title"] for i in data["items"]] == ["Tin số 0", "Tin số 1", "Tin số 2"]
    assert set(data["items"][0]) == {
        "@id", "@type", "UID", "description", "review_state", "title", "type_title"
    }  # fmt: skip
    batching = data["batching"]
    assert batching["next"] == "http://testserver/tuyen-giao-nu-cong?b_start=3&b_size=3"
    assert batching["last"] == "http://testserver/tuyen-giao-nu-cong?b_start=6&b_size=3"
    assert "prev" not in batching
    data = get(client, "/++api++/tuyen-giao-nu-cong/?b_size=3&b_start=6").json()
    assert [i["title"] for i in data["items"]] == ["Tin số 6"]
    assert "next" not in data["batching"]


def test_no_batching_key_when_everything_fits(client, column):
    make_news(column, "Tin một")
    data = get(client, "/++api++/tuyen-giao-nu-cong/").json()
    assert data["items_total"] == 1 and "batching" not in data


def test_drafts_never_reach_anonymous_callers(client, column):
    make_news(column, "Bản nháp", live=False)
    make_news(column, "Đã đăng")
    assert get(client, "/++api++/tuyen-giao-nu-cong/ban-nhap/").status_code == 404
    data = get(client, "/++api++/tuyen-giao-nu-cong/").json()
    assert [i["title"] for i in data["items"]] == ["Đã đăng"]
    found = get(client, "/++api++/@search?portal_type=NewsPage").json()
    assert [i["title"] for i in found["items"]] == ["Đã đăng"]


def test_an_editor_sees_the_draft(client, column):
    make_news(column, "Bản nháp", live=False)
    client.force_login(User.objects.create_superuser("admin", "a@example.vn", "pw"))
    data = get(client, "/++api++/tuyen-giao-nu-cong/ban-nhap/").json()
    assert data["review_state"] == "private"
    found = get(client, "/++api++/@search?portal_type=NewsPage").json()
    assert [i["title"] for i in found["items"]] == ["Bản nháp"]


def test_errors_are_json_in_plone_format(client, column):
    response = get(client, "/++api++/khong-co/")
    assert response.status_code == 404
    assert response.json()["type"] == "NotFound"
    assert "khong-co" in response.json()["message"]
    response = get(client, "/++api++/@nothing-here")
    assert response.status_code == 404 and response.json()["type"] == "NotFound"
    response = get(client, "/++api++/tuyen-giao-nu-cong/?b_size=abc")
    assert response.status_code == 400
    assert response.json()["type"] == "BadRequest"
    assert response.json()["errors"][0]["field"] == "b_size"


@pytest.mark.fast_paths
def test_query_counts_do_not_grow_with_the_batch(client, column, django_assert_max_num_queries):
    for n in range(30):
        make_news(column, f"Tin số {n}")
    get(client, "/++api++/tuyen-giao-nu-cong/")  # warm the site and locale caches
    with django_assert_max_num_queries(10):
        assert len(get(client, "/++api++/tuyen-giao-nu-cong/?b_size=5").json()["items"]) == 5
    with django_assert_max_num_queries(10):
        assert len(get(client, "/++api++/tuyen-giao-nu-cong/?b_size=25").json()["items"]) == 25
    with django_assert_max_num_queries(10):
        get(client, "/++api++/tuyen-giao-nu-cong/tin-so-3/")
    with django_assert_max_num_queries(10):
        data = get(client, "/++api++/@search?portal_type=NewsPage&b_size=25&fullobjects=1").json()
        assert len(data["items"]) == 25 and data["items"][0]["photos"]


def test_breadcrumbs_and_navigation(client, column):
    make_news(column, "Tin một")
    data = get(client, "/++api++/tuyen-giao-nu-cong/tin-mot/@breadcrumbs").json()
    assert data["@id"] == "http://testserver/tuyen-giao-nu-cong/tin-mot/@breadcrumbs"
    assert [i["title"] for i in data["items"]] == ["Tuyên giáo - Nữ công", "Tin một"]
    assert data["root"] == "http://testserver"
    expanded = get(client, "/++api++/tuyen-giao-nu-cong/tin-mot/?expand=breadcrumbs").json()
    assert expanded["@components"]["breadcrumbs"] == data
    nav = get(client, "/++api++/@navigation").json()
    assert nav["items"][0]["@id"] == "http://testserver"


def test_site(client, column):
    data = get(client, "/++api++/@site").json()
    assert data["plone.default_language"] == "vi"
    assert data["plone.available_languages"] == ["vi", "en"]
    assert data["plone.portal_timezone"] == "Asia/Ho_Chi_Minh"
