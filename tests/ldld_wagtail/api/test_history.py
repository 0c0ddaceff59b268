"""`@history`: revisions and workflow steps, for those responsible for the item only."""

import pytest

from ...utils import call, draft, login, make_news, person, section

pytestmark = pytest.mark.django_db


def edit(page, user, title):
    page.title = title
    revision = page.save_revision(user=user)
    return revision


def test_revisions_and_workflow_steps_newest_first(client, laocai):  # noqa: F811
    page = draft(laocai)
    edit(page, laocai["ctv"], "Ngày hội công nhân (sửa)")
    url = "/++api++" + page.get_url()
    ctv = login(client, "ctv-tuyengiao")
    call(client, "post", f"{url}@workflow/submit", ctv, {"comment": "Nhờ duyệt"})

    response = call(client, "get", f"{url}@history", ctv)
    assert response.status_code == 200, response.json()
    items = response.json()
    assert [(i["type"], i["action"]) for i in items] == [
        ("workflow", "submit"),
        ("versioning", "Edited"),
        ("versioning", "Edited"),
        ("workflow", "Create"),
    ]
    submitted, edited, first, created = items
    assert created["review_state"] == "private" and created["transition_title"]
    assert submitted["action"] == "submit" and submitted["review_state"] == "pending"
    assert submitted["state_title"] and submitted["actor"]["id"] == "ctv-tuyengiao"
    assert submitted["transition_title"] and "version" not in submitted
    assert edited["version"] == 1 and first["version"] == 0
    assert edited["@id"] == f"http://testserver{page.get_url()}@history/1"
    assert edited["action"] == "Edited" and edited["transition_title"]
    assert edited["may_revert"] is True
    assert edited["actor"] == {
        "@id": "http://testserver/@users/ctv-tuyengiao",
        "fullname": "Ctv-Tuyengiao",
        "id": "ctv-tuyengiao",
        "username": "ctv-tuyengiao",
    }
    assert edited["time"] >= first["time"]

    old = call(client, "get", f"{url}@history/0", ctv).json()
    assert old["title"] == "Ngày hội công nhân"
    assert call(client, "get", f"{url}@history/2", ctv).status_code == 404


def test_only_those_responsible_see_the_history(client, laocai):  # noqa: F811
    page = draft(laocai)
    url = "/++api++" + page.get_url()
    response = call(client, "get", f"{url}@history")
    assert response.status_code == 401 and response.json()["type"] == "Unauthorized"
    person("ctv-cspl", "ctv-cspl")
    other = login(client, "ctv-cspl")
    assert call(client, "get", f"{url}@history", other).status_code == 404  # a draft elsewhere
    live = make_news(section("tuyen-giao-nu-cong"), "Tin đã đăng")
    live_url = "/++api++" + live.get_url()
    assert call(client, "get", f"{live_url}@history").status_code == 401
    response = call(client, "get", f"{live_url}@history", other)
    assert response.status_code == 403 and response.json()["type"] == "Forbidden"
    # The board may take any item down, so it sees every item's history.
    board = login(client, "phoban1")
    assert call(client, "get", f"{live_url}@history", board).status_code == 200


def test_history_queries_do_not_grow_with_revisions(
    client,
    laocai,  # noqa: F811
    django_assert_max_num_queries,
):
    page = draft(laocai)
    for n in range(19):
        edit(page, laocai["ctv"], f"Bản sửa {n}")
    url = "/++api++" + page.get_url()
    ctv = login(client, "ctv-tuyengiao")
    call(client, "post", f"{url}@workflow/submit", ctv)
    with django_assert_max_num_queries(10):
        items = call(client, "get", f"{url}@history", ctv).json()
    assert len([i for i in items if i["type"] == "versioning"]) == 20
