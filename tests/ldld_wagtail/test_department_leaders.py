"""The department leaders (Ủy viên, Quy chế 3 and 7.1-7.4) edit, correct and validate their own
department's items before the secretary routes them; another department's leader does not; a
department with no leader account goes straight to the secretary."""

import pytest

from ..utils import call, draft, login, make_image, make_news, person, section, transitions

pytestmark = pytest.mark.django_db


def submit(client, page, username):
    url = "/++api++" + page.get_url()
    response = call(client, "post", f"{url}@workflow/submit", login(client, username))
    assert response.status_code == 200, response.content
    return url


def test_the_leader_validates_his_departments_item_before_the_secretary(laocai, client):
    person("uyvien-tg", "uy-vien-tuyen-giao")
    person("uyvien-cspl", "uy-vien-cspl")
    page = draft(laocai)
    url = submit(client, page, "ctv-tuyengiao")

    # The secretary meets it once validated; another department's leader never acts on it.
    assert call(client, "get", f"{url}@workflow", login(client, "thuky")).status_code == 404
    other = call(client, "get", f"{url}@workflow", login(client, "uyvien-cspl"))
    assert other.status_code == 404 or other.json()["transitions"] == []
    leader = login(client, "uyvien-tg")
    assert transitions(client, url, leader) == ["approve", "return"]
    # He corrects the item (edits it) and validates it.
    assert (
        call(client, "patch", url, leader, {"title": "Ngày hội công nhân (đã sửa)"}).status_code
        == 204
    )
    done = call(client, "post", f"{url}@workflow/approve", leader, {"comment": "Đã biên tập"})
    assert done.status_code == 200, done.content
    assert transitions(client, url, login(client, "thuky")) == ["route", "return"]


def test_without_a_leader_account_the_item_goes_to_the_secretary(laocai, client):
    page = draft(laocai)
    url = submit(client, page, "ctv-tuyengiao")
    assert transitions(client, url, login(client, "thuky")) == ["route", "return"]


def test_the_office_leaders_own_item_goes_to_the_secretary(laocai, client):
    """He is his department's only leader: four eyes, so his step is skipped."""
    chanhvp = person("chanhvp", "lanh-dao-vp")
    from ldld_wagtail.models import PortalRole

    chanhvp.groups.add(PortalRole.objects.get(code="ctv-van-phong").group)
    item = make_news(section("van-phong"), "Tin Văn phòng", live=False, image=make_image())
    item.owner = chanhvp
    item.save(update_fields=["owner"])
    url = submit(client, item, "chanhvp")
    assert transitions(client, url, login(client, "thuky")) == ["route", "return"]
