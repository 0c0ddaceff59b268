"""`@actions` and the page load of a Plone frontend: `?expand=breadcrumbs,actions,navroot,
navigation` (plus `types` when logged in) answers with every component, unknown names ignored."""

import pytest
from django.utils import translation

from ldld_wagtail.api.transitions import TITLES

from ...utils import call, draft, get, login, make_news, person, section

pytestmark = pytest.mark.django_db

VOLTO = "?expand=breadcrumbs,actions,navroot,navigation,types,workflow,translations,unknown"


def ids(actions, category):
    return [a["id"] for a in actions[category]]


def test_an_anonymous_reader_may_view_and_log_in(client, laocai):
    column = section("tuyen-giao-nu-cong")
    column.show_in_menus = True
    column.save_revision().publish()
    actions = get(client, "/++api++/tuyen-giao-nu-cong/@actions").json()
    assert set(actions) == {
        "document_actions", "object", "object_buttons", "portal_tabs", "site_actions", "user"
    }  # fmt: skip
    assert ids(actions, "object") == ["view"] and actions["object_buttons"] == []
    assert actions["user"] == [{"icon": "", "id": "login", "title": "Đăng nhập"}]
    tabs = [t["title"] for t in actions["portal_tabs"]]
    assert tabs[0] == "Trang chủ" and "Tuyên giáo - Nữ công" in tabs
    only = get(client, "/++api++/tuyen-giao-nu-cong/@actions?categories=user").json()
    assert set(only) == {"user"}


def test_each_role_sees_what_it_may_do_on_an_item(client, laocai):
    page = draft(laocai)
    url = "/++api++" + page.get_url()
    ctv = ids(
        call(client, "get", f"{url}@actions", login(client, "ctv-tuyengiao")).json(),
        "object_buttons",
    )
    assert "submit" in ctv and "publish" not in ctv and "take_down" not in ctv
    call(client, "post", f"{url}@workflow/submit", login(client, "ctv-tuyengiao"))
    thuky = call(client, "get", f"{url}@actions", login(client, "thuky")).json()
    assert "route" in ids(thuky, "object_buttons") and "history" in ids(thuky, "object")
    with translation.override("vi"):
        route_title = str(TITLES["route"])
    assert [a["title"] for a in thuky["object_buttons"] if a["id"] == "route"] == [route_title]
    assert ids(thuky, "user") == ["preferences", "plone_setup", "logout"]


def test_a_plone_frontends_page_load_in_one_request(client, laocai, django_assert_max_num_queries):
    auth = login(client, "ctv-tuyengiao")
    url = "/++api++" + section("tuyen-giao-nu-cong").get_url() + VOLTO
    call(client, "get", url, auth)
    response = call(client, "get", url, auth)
    assert response.status_code == 200, response.content[:300]
    components = response.json()["@components"]
    for name in ("breadcrumbs", "actions", "navroot", "navigation", "types", "workflow"):
        assert "@id" not in components[name] or len(components[name]) > 1, name
    assert "unknown" not in components
    assert any(t["addable"] for t in components["types"])
    assert ids(components["actions"], "object")[:2] == ["view", "edit"]


@pytest.mark.fast_paths
def test_the_expanded_page_load_query_count(client, laocai):
    """Every component of a Plone frontend's page load in one request, for a contributor, on a
    column listing its items and on a news item: at most 10 queries (issue 17; 25 before)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    column = section("tuyen-giao-nu-cong")
    for n in range(5):
        make_news(column, f"Tin số {n}")
    draft(laocai)  # the contributor's own draft is listed to him too
    auth = login(client, "ctv-tuyengiao")
    for path in (column.get_url(), column.get_url() + "tin-so-0/"):
        url = "/++api++" + path + VOLTO + ",contextnavigation"
        call(client, "get", url, auth)
        with CaptureQueriesContext(connection) as queries:
            data = call(client, "get", url, auth).json()
        assert {"actions", "contextnavigation", "navigation", "workflow"} <= {
            name for name, value in data["@components"].items() if len(value) > 1
        }
        assert len(queries) <= 10, (path, [q["sql"][:80] for q in queries])


def test_the_board_reads_the_history_of_an_item_it_acts_on(client, laocai):
    """The secretary, the deputy heads and the web admin act on a news item at some step of its
    workflow: they read its history before it reaches them (the secretary had 403)."""
    page = draft(laocai)
    url = "/++api++" + page.get_url() + "@history"
    for name in ("thuky", "phoban1", "phoban2", "quantri"):
        response = call(client, "get", url, login(client, name))
        assert response.status_code == 200, (name, response.status_code)
    person("vanthu", "van-thu")  # the clerk acts on documents, not on news
    assert call(client, "get", url, login(client, "vanthu")).status_code == 404  # unseen draft


def test_every_transition_with_a_comment_only(client, laocai):
    """A generic Plone client sends Plone's parameters only: route goes to the field that owns
    the item's section, as the admin's dialog preselects it."""
    page = draft(laocai)
    url = "/++api++" + page.get_url()
    steps = [
        ("ctv-tuyengiao", "submit"),
        ("thuky", "route"),
        ("phoban1", "approve"),  # owns Tuyên giáo - Nữ công
        ("quantri", "publish"),
    ]
    for name, transition in steps:
        response = call(
            client, "post", f"{url}@workflow/{transition}", login(client, name), {"comment": "OK"}
        )
        assert response.status_code == 200, (transition, response.content[:300])
    page.refresh_from_db()
    assert page.live
