"""The Lào Cai path through `@login` and `@workflow`, with the same rules as the admin."""

import pytest
from wagtail.models import PageLogEntry

from ldld_wagtail.models import PublishTaskState
from news.models import NewsPage

from ...utils import basic, call, draft, login, make_image, make_news, section, transitions

pytestmark = pytest.mark.django_db


def test_login_gives_a_token_and_bad_passwords_are_refused(client, laocai):
    auth = login(client, "thuky")
    assert call(client, "post", "/++api++/@login-renew", auth).json()["token"]
    response = call(client, "post", "/++api++/@login", body={"login": "thuky", "password": "x"})
    assert response.status_code == 401
    assert response.json()["type"] == "Unauthorized"
    response = call(client, "post", "/++api++/@login", body={"login": "thuky"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "password"


def test_logout_revokes_the_token(client, laocai):
    auth = login(client, "thuky")
    assert call(client, "post", "/++api++/@logout", auth).status_code == 204
    response = call(client, "get", "/++api++/@workflow", auth)
    assert response.status_code == 401


def test_login_attempts_are_limited(client, laocai, settings):
    settings.LDLD_API_LOGIN_RATE = "3/min"
    codes = [
        call(
            client, "post", "/++api++/@login", body={"login": "thuky", "password": "x"}
        ).status_code
        for _ in range(4)
    ]
    assert codes == [401, 401, 401, 429]


def test_basic_auth_logs_in_and_its_failures_are_limited(client, laocai, settings):
    settings.LDLD_API_LOGIN_ADDRESS_RATE = "3/min"
    data = call(client, "get", "/++api++/@workflow", basic("thuky", "pw")).json()
    assert "transitions" in data
    # Requests without a Basic header never count against the limit.
    for _ in range(5):
        assert call(client, "get", "/++api++/").status_code == 200
    codes = [call(client, "get", "/++api++/", basic("thuky", "x")).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    assert call(client, "get", "/++api++/", basic("thuky", "x")).json()["type"] == "TooManyRequests"


def test_the_lao_cai_path_through_the_api(client, laocai):
    page = draft(laocai)
    url = "/++api++" + page.get_url()
    ctv, thuky = login(client, "ctv-tuyengiao"), login(client, "thuky")
    phoban1, phoban2 = login(client, "phoban1"), login(client, "phoban2")
    quantri = login(client, "quantri")

    assert call(client, "get", url).status_code == 404  # anonymous: a draft does not exist
    assert transitions(client, url, ctv) == ["submit"]
    # The secretary meets the item only once it is submitted.
    assert call(client, "get", f"{url}@workflow", thuky).status_code == 404
    entry = call(client, "post", f"{url}@workflow/submit", ctv, {"comment": "Nhờ duyệt"}).json()
    assert entry["action"] == "submit" and entry["review_state"] == "pending"
    assert entry["actor"] == "ctv-tuyengiao" and entry["title"]

    # The secretary may route or return; nobody else acts at this step.
    assert transitions(client, url, thuky) == ["route", "return"]
    # The board sees it (it may take items down) but acts only at its own step.
    assert transitions(client, url, phoban1) == []
    assert call(client, "post", f"{url}@workflow/approve", phoban1).status_code == 403
    response = call(client, "post", f"{url}@workflow/route", thuky, {"field": "khong-co"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "field"
    response = call(
        client, "post", f"{url}@workflow/return", thuky, {"comment": "Thiếu tên tác giả"}
    )
    assert response.json()["review_state"] == "private"
    call(client, "post", f"{url}@workflow/submit", ctv)
    call(client, "post", f"{url}@workflow/route", thuky, {"field": "tuyen-giao-nu-cong"})

    # The secretary follows the item he routed, without acting on it any more.
    assert transitions(client, url, thuky) == []
    assert call(client, "get", f"{url}@actions", thuky).status_code == 200

    # The deputy head of that field approves, not the other one.
    assert transitions(client, url, phoban2) == []
    assert call(client, "post", f"{url}@workflow/approve", phoban2).status_code == 403
    assert "approve" in transitions(client, url, phoban1)
    call(client, "post", f"{url}@workflow/approve", phoban1, {"comment": "Đồng ý"})
    assert PublishTaskState.objects.get(status="in_progress").due_at is not None

    assert transitions(client, url, quantri)[0] == "publish"
    entry = call(client, "post", f"{url}@workflow/publish", quantri, {"comment": "Lên trang chủ"})
    assert entry.json()["review_state"] == "published"
    assert call(client, "get", url).json()["review_state"] == "published"

    info = call(client, "get", f"{url}@workflow", ctv).json()
    assert [h["action"] for h in info["history"]] == [
        None, "submit", "return", "submit", "route", "approve", "publish"
    ]  # fmt: skip
    # Every comment is kept, those of the steps Wagtail logs without one too.
    assert [h["comments"] for h in info["history"]] == [
        "", "Nhờ duyệt", "Thiếu tên tác giả", "", "", "Đồng ý", "Lên trang chủ"
    ]  # fmt: skip
    assert info["state"] == {"id": "published", "title": info["state"]["title"]}

    # Take-down needs a reason; the item leaves every public door and can be restored.
    response = call(client, "post", f"{url}@workflow/take_down", quantri, {})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "reason"
    entry = call(
        client, "post", f"{url}@workflow/take_down", quantri, {"reason": "Sai số liệu"}
    ).json()
    assert entry["review_state"] == "withdrawn"
    assert call(client, "get", url).status_code == 404
    assert PageLogEntry.objects.filter(page=page, action="ldld.takedown").exists()
    assert call(client, "post", f"{url}@workflow/restore", quantri).json()["review_state"] == (
        "published"
    )


def test_no_photo_no_submission(client, laocai):
    page = draft(laocai)
    NewsPage.objects.get(pk=page.pk).photos.all().delete()
    page = NewsPage.objects.get(pk=page.pk)
    page.save_revision()
    url = "/++api++" + page.get_url()
    response = call(client, "post", f"{url}@workflow/submit", login(client, "ctv-tuyengiao"))
    assert response.status_code == 400
    assert response.json()["type"] == "BadRequest"
    assert "ảnh" in response.json()["message"]  # the Vietnamese message names the photo


def test_nobody_approves_their_own_submission(client, laocai):
    """Four eyes: the deputy head who wrote an item does not approve it. Routing is only
    classifying (Lào Cai's profile: four_eyes = false), so the secretary, who writes items too
    (Quy chế 7.5), routes his own; its approval is still someone else's."""
    from ldld_wagtail.models import PortalRole

    laocai["phoban1"].groups.add(PortalRole.objects.get(code="ctv-tuyen-giao").group)
    page = draft(laocai)
    page.owner = laocai["phoban1"]
    page.save(update_fields=["owner"])
    url = "/++api++" + page.get_url()
    phoban1, thuky = login(client, "phoban1"), login(client, "thuky")
    call(client, "post", f"{url}@workflow/submit", phoban1)
    assert transitions(client, url, phoban1) == ["retract"]
    call(client, "post", f"{url}@workflow/route", thuky, {"field": "tuyen-giao-nu-cong"})
    assert "approve" not in transitions(client, url, phoban1)
    response = call(client, "post", f"{url}@workflow/approve", phoban1)
    assert response.status_code == 403


def test_the_secretary_routes_the_item_he_wrote(client, laocai):
    column = section("van-phong")
    item = make_news(column, "Tin của Thư ký", live=False, image=make_image())
    item.owner = laocai["thuky"]
    item.save(update_fields=["owner"])
    url = "/++api++" + item.get_url()
    thuky = login(client, "thuky")
    call(client, "post", f"{url}@workflow/submit", thuky)
    response = call(client, "post", f"{url}@workflow/route", thuky, {"field": "van-phong"})
    assert response.status_code == 200, response.content
    assert transitions(client, url, login(client, "phoban1")) == ["approve", "return"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_basic_failures_all_count(settings):
    """Failures arriving together are all counted (an atomic increment, not read-then-write)."""
    import threading

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    settings.LDLD_API_LOGIN_ADDRESS_RATE = "30/min"
    User.objects.create_user("khach", password="dung")
    together = threading.Barrier(20)

    def fail():
        try:
            together.wait()
            Client().get("/++api++/", **basic("khach", "sai"))
        finally:
            connection.close()

    threads = [threading.Thread(target=fail) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client = Client()
    codes = [client.get("/++api++/", **basic("khach", "sai")).status_code for _ in range(11)]
    assert codes == [401] * 10 + [429]
