"""`@copy` and `@move` on Wagtail's copy and move, with its permissions and the workflow's
rules: a copy is a draft, outside any workflow and not chosen for the national portal."""

import pytest
from django.contrib.auth.models import User

from news.models import NewsPage

from ...utils import call, draft, login, make_news, section

pytestmark = pytest.mark.django_db


def test_a_contributor_copies_an_item_in_his_column_as_a_draft(client, laocai):
    original = make_news(section("tuyen-giao-nu-cong"), "Ngày hội công nhân", send_to_national=True)
    ctv = login(client, "ctv-tuyengiao")
    source = "http://testserver/tuyen-giao-nu-cong/ngay-hoi-cong-nhan"
    response = call(client, "post", "/++api++/tuyen-giao-nu-cong/@copy", ctv, {"source": source})
    assert response.status_code == 200, response.json()
    assert response.json() == [
        {
            "source": source,
            "target": "http://testserver/tuyen-giao-nu-cong/ngay-hoi-cong-nhan-ban-sao",
        }
    ]
    copy = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-ban-sao")
    assert not copy.live and copy.owner == laocai["ctv"]
    assert copy.send_to_national is False and copy.workflow_in_progress is False
    assert copy.title == original.title and copy.lead == original.lead
    assert copy.photos.count() == original.photos.count()
    # A second copy gets a slug of its own; the answer's target resolves.
    again = call(client, "post", "/++api++/tuyen-giao-nu-cong/@copy", ctv, {"source": [source]})
    target = again.json()[0]["target"]
    assert target.endswith("-ban-sao-2")
    copied = call(client, "get", target.replace("http://testserver", "/++api++"), ctv)
    assert copied.status_code == 200


def test_copy_and_move_keep_to_wagtails_permissions(client, laocai):
    page = draft(laocai)
    source = "/++api++/tuyen-giao-nu-cong/ngay-hoi-cong-nhan"
    body = {"source": source}
    cspl = "/++api++/chinh-sach-phap-luat"
    assert call(client, "post", f"{cspl}/@copy", None, body).status_code == 401
    ctv = login(client, "ctv-tuyengiao")
    # Not into another department's column, nothing made or moved.
    assert call(client, "post", "/++api++/chinh-sach-phap-luat/@copy", ctv, body).status_code == 403
    assert call(client, "post", "/++api++/chinh-sach-phap-luat/@move", ctv, body).status_code == 403
    assert NewsPage.objects.count() == 1
    nowhere = {"source": "/khong-co"}
    missing = call(client, "post", "/++api++/tuyen-giao-nu-cong/@copy", ctv, nowhere)
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "source"
    assert call(client, "post", "/++api++/tuyen-giao-nu-cong/@copy", ctv, {}).status_code == 400

    # Whoever may move it moves it, its state kept; a slug taken there is refused.
    User.objects.create_superuser("admin", "admin@example.vn", "pw")
    admin = login(client, "admin")
    moved = call(client, "post", "/++api++/chinh-sach-phap-luat/@move", admin, body)
    assert moved.status_code == 200, moved.json()
    assert moved.json()[0]["target"] == "http://testserver/chinh-sach-phap-luat/ngay-hoi-cong-nhan"
    page.refresh_from_db()
    assert page.get_parent().pk == section("chinh-sach-phap-luat").pk and not page.live
    make_news(section("tuyen-giao-nu-cong"), "Ngày hội công nhân")
    back = {"source": "/chinh-sach-phap-luat/ngay-hoi-cong-nhan"}
    taken = call(client, "post", "/++api++/tuyen-giao-nu-cong/@move", admin, back)
    assert taken.status_code == 400
    page.refresh_from_db()
    assert page.get_parent().pk == section("chinh-sach-phap-luat").pk
