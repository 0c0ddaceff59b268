"""Our answers carry the keys plone.restapi's recorded examples show for the same requests
(content_get, content_get_folder, batching, search, workflow_get, workflow_post, history_get,
jwt_login, types, vocabularies, 404_not_found in plone/plone.restapi's http-examples), so
clients written for Plone find what they read."""

import pytest
from django.contrib.auth.models import User

from ...utils import call, make_news

pytestmark = pytest.mark.django_db

CONTENT = {
    "@components", "@id", "@type", "UID", "created", "description", "effective", "expires",
    "id", "is_folderish", "language", "lock", "modified", "parent", "review_state", "title",
}  # fmt: skip
SUMMARY = {"@id", "@type", "description", "review_state", "title", "type_title"}
BATCHING = {"@id", "first", "last", "next"}
WORKFLOW = {"@id", "history", "state", "transitions"}
WORKFLOW_ENTRY = {"action", "actor", "comments", "review_state", "time", "title"}
HISTORY_VERSION = {
    "@id", "action", "actor", "comments", "may_revert", "time", "transition_title", "type",
    "version",
}  # fmt: skip
TYPE = {"@id", "addable", "title"}
TERM = {"title", "token"}
ERROR = {"message", "type"}


@pytest.fixture
def admin_auth(client, column):
    User.objects.create_superuser("admin", "admin@example.vn", "pw")
    token = call(
        client, "post", "/++api++/@login", body={"login": "admin", "password": "pw"}
    ).json()["token"]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_content_folder_batching_and_search(client, column):
    for n in range(3):
        make_news(column, f"Tin {n}")
    item = call(client, "get", "/++api++/tuyen-giao-nu-cong/tin-0/").json()
    assert CONTENT <= set(item)
    assert {"@id", "@type", "title", "description", "review_state"} <= set(item["parent"])
    folder = call(client, "get", "/++api++/tuyen-giao-nu-cong/?b_size=2").json()
    assert CONTENT | {"items", "items_total", "batching"} <= set(folder)
    assert SUMMARY <= set(folder["items"][0])
    assert BATCHING <= set(folder["batching"])
    found = call(client, "get", "/++api++/@search?b_size=2&portal_type=NewsPage").json()
    assert {"@id", "items", "items_total", "batching"} <= set(found)
    assert SUMMARY <= set(found["items"][0])


def test_login_workflow_history_types_vocabularies_errors(client, column, admin_auth):
    make_news(column, "Tin 0")
    assert set(call(client, "post", "/++api++/@login", body={"login": "admin", "password": "pw"})
               .json()) == {"token"}  # fmt: skip
    url = "/++api++/tuyen-giao-nu-cong/tin-0/"
    workflow = call(client, "get", f"{url}@workflow", admin_auth).json()
    assert WORKFLOW <= set(workflow) and {"id", "title"} == set(workflow["state"])
    assert WORKFLOW_ENTRY <= set(workflow["history"][0])
    history = call(client, "get", f"{url}@history", admin_auth).json()
    assert HISTORY_VERSION <= set(next(e for e in history if e["type"] == "versioning"))
    assert {"@id", "fullname", "id", "username"} <= set(history[0]["actor"])
    types = call(client, "get", "/++api++/@types", admin_auth).json()
    assert TYPE <= set(types[0])
    units = call(client, "get", "/++api++/@vocabularies/units").json()
    assert {"@id", "items", "items_total"} <= set(units) and TERM == set(units["items"][0])
    missing = call(client, "get", "/++api++/khong-co/")
    assert missing.status_code == 404 and ERROR <= set(missing.json())
