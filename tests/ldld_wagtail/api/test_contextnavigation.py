"""`@contextnavigation`: the navigation portlet's tree around a page, Plone's parameters, and
only what the caller may see."""

import pytest

from ...utils import get, make_news, section

pytestmark = pytest.mark.django_db


def titles(items):
    return [i["title"] for i in items]


@pytest.fixture
def item(laocai):
    column = section("tuyen-giao-nu-cong")
    make_news(column, "Tin nháp", live=False)
    return make_news(column, "Ngày hội công nhân")


def api(page):
    return "/++api++" + page.url


def test_the_tree_opens_along_the_path_to_the_page(client, item):
    data = get(client, api(item) + "@contextnavigation").json()
    assert data["@id"].endswith("/@contextnavigation") and data["available"] is True
    column = next(i for i in data["items"] if i["title"] == "Tuyên giáo - Nữ công")
    assert column["is_in_path"] and not column["is_current"] and column["is_folderish"]
    assert titles(column["items"]) == ["Ngày hội công nhân"]  # the draft is not shown
    current = column["items"][0]
    assert current["is_current"] and current["type"] == "newspage"
    others = [i for i in data["items"] if i is not column]
    assert others and all(i["items"] == [] for i in others)  # only the path is opened


def test_plones_parameters(client, item):
    url = api(item) + "@contextnavigation"
    shallow = get(client, url + "?expand.contextnavigation.bottomLevel=1").json()
    assert all(i["items"] == [] for i in shallow["items"])
    top = get(client, url + "?expand.contextnavigation.includeTop=true").json()
    assert top["items"][0]["title"] == section("home").title
    folder = get(client, url + "?expand.contextnavigation.currentFolderOnly=true").json()
    assert titles(folder["items"]) == ["Ngày hội công nhân"]
    below = get(client, url + "?expand.contextnavigation.topLevel=1").json()
    assert titles(below["items"]) == ["Ngày hội công nhân"]
    deep = get(client, url + "?expand.contextnavigation.topLevel=5").json()
    assert deep["available"] is False and deep["items"] == []
    rooted = get(
        client, url + "?expand.contextnavigation.root_path=" + section("tuyen-giao-nu-cong").url
    ).json()
    assert titles(rooted["items"]) == ["Ngày hội công nhân"]
    bad = get(client, url + "?expand.contextnavigation.topLevel=x")
    assert bad.status_code == 400 and bad.json()["type"] == "BadRequest"
    assert get(client, url + "?expand.contextnavigation.root_path=/khong-co/").status_code == 400
